package urlshortener;
// run: timeout=15s jit=c2

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keys made by truncating a hash of the long URL collide long before the key space is full. The
 * birthday bound says when; a simulation with SHA-256 truncated to a smaller key space checks it.
 */
public class HashCollisions {

    static final double KEY_SPACE_7 = Math.pow(62, 7);       // 7 base-62 characters
    static final double KEY_SPACE_42_BITS = Math.pow(2, 42);
    static final double URLS_QUOTED_POINT = 2_000_000;        // "after ~2M URLs" in the common write-up
    static final double URLS_FIVE_YEARS = 6_000_000_000.0;    // 100M a month for 60 months

    static final int SIM_KEY_CHARS = 3;                        // the simulation's key space: 62^3
    static final int SIM_TRIALS = 3_000;

    // tag::bound[]
    /** Expected number of colliding pairs among n keys drawn uniformly from a space of size N. */
    static double expectedPairs(double n, double keySpace) {
        return n * (n - 1) / (2 * keySpace);
    }

    /** Probability that at least two of n uniform keys coincide: 1 - exp(-n(n-1)/2N). */
    static double probabilityOfAnyCollision(double n, double keySpace) {
        return -Math.expm1(-expectedPairs(n, keySpace));
    }

    /** Keys stored when the chance of at least one collision reaches p: sqrt(2N ln(1/(1-p))). */
    static double keysForProbability(double p, double keySpace) {
        return Math.sqrt(2 * keySpace * Math.log(1 / (1 - p)));
    }
    // end::bound[]

    // tag::bound[]

    /** Hashes distinct URLs, keeps the first few base-62 characters, and returns when a key repeats. */
    static int urlsUntilFirstCollision(int trial, int keyChars) {
        long keySpace = (long) Math.pow(62, keyChars);
        Set<Long> seen = new HashSet<>();
        for (int i = 1; ; i++) {
            String url = "https://example.com/trial/" + trial + "/page/" + i;
            if (!seen.add(truncatedHash(url, keySpace))) {
                return i;
            }
        }
    }

    /** The first 8 bytes of SHA-256 as an unsigned number, reduced to the key space (that is, keyChars base-62 digits). */
    static long truncatedHash(String url, long keySpace) {
        byte[] digest = SHA256.digest(url.getBytes(StandardCharsets.UTF_8));
        long prefix = 0;
        for (int b = 0; b < 8; b++) {
            prefix = (prefix << 8) | (digest[b] & 0xff);
        }
        return Long.remainderUnsigned(prefix, keySpace);
    }
    // end::bound[]

    private static final MessageDigest SHA256 = sha256();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] firstCollisions;

    /** Runs the simulation once per class load; facts, charts and main all read the same trials. */
    static synchronized int[] firstCollisions() {
        if (firstCollisions == null) {
            firstCollisions = new int[SIM_TRIALS];
            for (int t = 0; t < SIM_TRIALS; t++) {
                firstCollisions[t] = urlsUntilFirstCollision(t, SIM_KEY_CHARS);
            }
        }
        return firstCollisions;
    }

    /** Share of trials that had collided by the time n URLs were stored. */
    static double simulatedProbability(int n) {
        int collided = 0;
        for (int first : firstCollisions()) {
            if (first <= n) {
                collided++;
            }
        }
        return (double) collided / SIM_TRIALS;
    }

    static double simKeySpace() {
        return Math.pow(62, SIM_KEY_CHARS);
    }

    /** Largest gap between the simulated share and the formula, over n = 1..3 sqrt(N). */
    static double maxDeviation() {
        int[] sorted = firstCollisions().clone();
        Arrays.sort(sorted);
        double worst = 0;
        int collided = 0;
        for (int n = 1; n <= 3 * Math.sqrt(simKeySpace()); n++) {
            while (collided < sorted.length && sorted[collided] <= n) {
                collided++;
            }
            double simulated = (double) collided / SIM_TRIALS;
            worst = Math.max(worst, Math.abs(simulated - probabilityOfAnyCollision(n, simKeySpace())));
        }
        return worst;
    }

    /** Kolmogorov-Smirnov: a true formula leaves a larger largest gap in only 5% of simulations this size. */
    static double ksCritical95() {
        return 1.36 / Math.sqrt(SIM_TRIALS);
    }

    static double median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2.0;
    }

    public static void main(String[] args) {
        System.out.printf("7 base-62 characters: N = 62^7 = %,.0f = 2^%.2f%n", KEY_SPACE_7, Math.log(KEY_SPACE_7) / Math.log(2));
        for (double n : new double[]{URLS_QUOTED_POINT, URLS_FIVE_YEARS}) {
            System.out.printf("  n = %,.0f keys:%n", n);
            System.out.printf("    expected colliding pairs     %,.2f%n", expectedPairs(n, KEY_SPACE_7));
            System.out.printf("    P(at least one collision)    %.4f%n", probabilityOfAnyCollision(n, KEY_SPACE_7));
            System.out.printf("    P(the next insert collides)  %.6f%%%n", 100 * n / KEY_SPACE_7);
        }
        System.out.printf("  50%% chance of a collision at n = %,.0f (62^7) and %,.0f (2^42)%n",
                keysForProbability(0.5, KEY_SPACE_7), keysForProbability(0.5, KEY_SPACE_42_BITS));
        double simN = simKeySpace();
        double fiftyPercent = keysForProbability(0.5, simN);
        System.out.printf("Simulation: SHA-256 truncated to %d base-62 characters (N = %,.0f), %,d trials%n",
                SIM_KEY_CHARS, simN, SIM_TRIALS);
        System.out.printf("  median URLs until the first collision: %.1f   formula's 50%% point: %.1f%n",
                median(firstCollisions()), fiftyPercent);
        System.out.printf("  P(collision by n = %d): simulated %.3f, formula %.3f%n", (int) Math.round(fiftyPercent),
                simulatedProbability((int) Math.round(fiftyPercent)), probabilityOfAnyCollision(Math.round(fiftyPercent), simN));
        System.out.printf("  largest gap, simulation vs formula, n up to %d: %.3f%n", (int) (3 * Math.sqrt(simN)), maxDeviation());
        System.out.printf("  gap chance alone exceeds 5%% of the time:       %.3f (1.36/sqrt(trials))%n", ksCritical95());
    }

    public static Map<String, Object> facts() {
        double simN = simKeySpace();
        int simFifty = (int) Math.round(keysForProbability(0.5, simN));
        return Map.ofEntries(
                Map.entry("key-space-7", KEY_SPACE_7),
                Map.entry("key-space-7-bits", Math.log(KEY_SPACE_7) / Math.log(2)),
                Map.entry("source-n", URLS_QUOTED_POINT),
                Map.entry("five-year-n", URLS_FIVE_YEARS),
                Map.entry("pairs-at-source-n", expectedPairs(URLS_QUOTED_POINT, KEY_SPACE_7)),
                Map.entry("p-at-source-n", probabilityOfAnyCollision(URLS_QUOTED_POINT, KEY_SPACE_7)),
                Map.entry("insert-p-at-source-n", URLS_QUOTED_POINT / KEY_SPACE_7),
                Map.entry("pairs-at-five-years", expectedPairs(URLS_FIVE_YEARS, KEY_SPACE_7)),
                Map.entry("p-at-five-years", probabilityOfAnyCollision(URLS_FIVE_YEARS, KEY_SPACE_7)),
                Map.entry("insert-p-at-five-years", URLS_FIVE_YEARS / KEY_SPACE_7),
                Map.entry("rehash-share-five-years", expectedPairs(URLS_FIVE_YEARS, KEY_SPACE_7) / URLS_FIVE_YEARS),
                Map.entry("fifty-percent-n-62-7", keysForProbability(0.5, KEY_SPACE_7)),
                Map.entry("fifty-percent-n-42-bits", keysForProbability(0.5, KEY_SPACE_42_BITS)),
                Map.entry("sqrt-42-bits", Math.sqrt(KEY_SPACE_42_BITS)),
                Map.entry("p-at-sqrt-n", probabilityOfAnyCollision(Math.sqrt(KEY_SPACE_42_BITS), KEY_SPACE_42_BITS)),
                Map.entry("fifty-percent-factor", Math.sqrt(2 * Math.log(2))),
                Map.entry("sim-key-chars", SIM_KEY_CHARS),
                Map.entry("sim-key-space", simN),
                Map.entry("sim-trials", SIM_TRIALS),
                Map.entry("sim-median-first-collision", median(firstCollisions())),
                Map.entry("sim-fifty-percent-n", simFifty),
                Map.entry("sim-p-at-fifty-percent-n", simulatedProbability(simFifty)),
                Map.entry("sim-max-deviation", maxDeviation()),
                Map.entry("sim-ks-critical-95", ksCritical95()));
    }

    public static Map<String, Object> charts() {
        List<List<Double>> probability = new ArrayList<>();
        List<List<Double>> pairs = new ArrayList<>();
        for (double exp = 5; exp <= 10.0001; exp += 0.05) {
            double n = Math.pow(10, exp);
            probability.add(List.of(round(n), probabilityOfAnyCollision(n, KEY_SPACE_7)));
            pairs.add(List.of(round(n), expectedPairs(n, KEY_SPACE_7)));
        }
        Map<String, Object> bound = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 80, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "URLs stored (log scale)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", List.of(
                        Map.of("type", "value", "name", "P(at least one collision)", "min", 0, "max", 1),
                        Map.of("type", "log", "name", "expected colliding pairs (log)", "min", 0.001)),
                "series", List.of(
                        Map.of("type", "line", "name", "P(at least one collision)", "showSymbol", false, "data", probability),
                        Map.of("type", "line", "name", "expected colliding pairs", "yAxisIndex", 1, "showSymbol", false,
                                "data", pairs.stream().filter(p -> p.get(1) >= 0.001).toList())));

        double simN = simKeySpace();
        List<List<Double>> simulated = new ArrayList<>();
        List<List<Double>> formula = new ArrayList<>();
        for (int n = 20; n <= 3 * Math.sqrt(simN); n += 20) {
            simulated.add(List.of((double) n, simulatedProbability(n)));
            formula.add(List.of((double) n, round4(probabilityOfAnyCollision(n, simN))));
        }
        Map<String, Object> agreement = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "URLs stored", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "value", "name", "P(at least one collision)", "min", 0, "max", 1),
                "series", List.of(
                        Map.of("type", "line", "name", "formula 1 − exp(−n(n−1)/2N)", "showSymbol", false, "data", formula),
                        Map.of("type", "scatter", "name", "simulated: " + SIM_TRIALS + " runs of SHA-256 truncated to 62^"
                                + SIM_KEY_CHARS, "symbolSize", 5, "data", simulated)));
        return Map.of("birthday-bound", bound, "simulation-vs-formula", agreement);
    }

    private static double round(double v) {
        return Math.round(v);
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
