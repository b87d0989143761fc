package consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How stale are reads when R + W <= N? A Monte Carlo run of the moment just after a write is acknowledged:
 * W replicas hold the new value, the other N - W receive it after a replication lag (exponential, mean
 * MEAN_LAG_MS), and a read t ms later asks R replicas chosen at random. The read is stale when none of
 * them has the new value yet. (The idea is Bailis et al.'s "probabilistically bounded staleness", 2012.)
 */
public class StaleReads {

    static final double MEAN_LAG_MS = 10;  // assumption: a healthy cluster; a loaded or cross-region one lags far longer
    static final int TRIALS = 100_000;
    static final long SEED = 42;

    record Config(int n, int r, int w) {
        String label() {
            return "N=" + n + " R=" + r + " W=" + w + (r + w > n ? " (R+W>N)" : " (R+W<=N)");
        }
    }

    // tag::simulate[]
    /** Fraction of reads, issued t ms after the write was acknowledged, that see the old value. */
    static double staleFraction(Config c, double t, int trials, Random random) {
        int stale = 0;
        int[] replicas = new int[c.n()];
        for (int trial = 0; trial < trials; trial++) {
            for (int i = 0; i < c.n(); i++) {
                replicas[i] = i; // 0 .. w-1 acknowledged the write; the rest are catching up
            }
            boolean sawNewValue = false;
            for (int k = 0; k < c.r() && !sawNewValue; k++) { // r distinct replicas at random
                int pick = k + random.nextInt(c.n() - k);
                int replica = replicas[pick];
                replicas[pick] = replicas[k];
                replicas[k] = replica;
                boolean acknowledged = replica < c.w();
                double lag = -MEAN_LAG_MS * Math.log(1 - random.nextDouble());
                sawNewValue = acknowledged || lag <= t;
            }
            if (!sawNewValue) {
                stale++;
            }
        }
        return (double) stale / trials;
    }

    /** Closed form: all r picks miss the w acknowledged replicas, and none has caught up. */
    static double staleFormula(Config c, double t) {
        double allPicksMissed = binomial(c.n() - c.w(), c.r()) / binomial(c.n(), c.r());
        return allPicksMissed * Math.exp(-c.r() * t / MEAN_LAG_MS);
    }
    // end::simulate[]

    static double binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    static final List<Config> CONFIGS = List.of(new Config(3, 1, 1), new Config(3, 1, 2), new Config(3, 2, 1),
            new Config(5, 2, 2), new Config(3, 2, 2), new Config(3, 1, 3));

    static final List<Integer> TIMES_MS = List.of(0, 10, 30);
    private static Map<String, Double> estimates;

    /** Every estimate the page quotes, simulated once, in a fixed order, from one seeded generator. */
    static synchronized Map<String, Double> estimates() {
        if (estimates == null) {
            Random random = new Random(SEED);
            estimates = new LinkedHashMap<>();
            for (Config c : CONFIGS) {
                for (int t : TIMES_MS) {
                    estimates.put(key(c, t), staleFraction(c, t, TRIALS, random));
                }
            }
        }
        return estimates;
    }

    static String key(Config c, int t) {
        return "pbs-n" + c.n() + "-r" + c.r() + "w" + c.w() + "-t" + t;
    }

    public static void main(String[] args) {
        System.out.printf("Stale reads t ms after the write was acknowledged%n(mean lag %.0f ms, %,d trials each)%n",
                MEAN_LAG_MS, TRIALS);
        System.out.printf("%-22s %17s %17s %17s%n", "", "t = 0", "t = 10 ms", "t = 30 ms");
        for (Config c : CONFIGS) {
            System.out.printf("%-22s", c.label());
            for (int t : TIMES_MS) {
                System.out.printf("   %6.2f%% (%5.2f%%)", 100 * estimates().get(key(c, t)), 100 * staleFormula(c, t));
            }
            System.out.println();
        }
        System.out.println("(simulated, with the closed form in brackets)");
    }

    /** The estimates the page quotes in prose; the output above prints every one with its closed form. */
    static final List<String> QUOTED = List.of("pbs-n3-r1w1-t0", "pbs-n3-r1w1-t10", "pbs-n3-r1w1-t30",
            "pbs-n3-r1w2-t10", "pbs-n3-r2w1-t0", "pbs-n3-r2w1-t10", "pbs-n5-r2w2-t0", "pbs-n5-r2w2-t10",
            "pbs-n3-r2w2-t0", "pbs-n3-r1w3-t0");

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("pbs-mean-lag-ms", MEAN_LAG_MS);
        facts.put("pbs-trials", TRIALS);
        for (String key : QUOTED) {
            facts.put(key, estimates().get(key));
        }
        // exactly 1/3 for both R=1 W=2 and R=2 W=1 at t = 0, where the two simulated estimates differ by noise
        facts.put("pbs-n3-r1w2-t0-formula", staleFormula(new Config(3, 1, 2), 0));
        return facts;
    }

    public static Map<String, Object> charts() {
        Random random = new Random(SEED);
        List<Object> series = new ArrayList<>();
        for (Config c : CONFIGS) {
            List<List<Double>> points = new ArrayList<>();
            for (int t = 0; t <= 50; t += 2) {
                double percent = 100 * staleFraction(c, t, 10_000, random);
                points.add(List.of((double) t, Math.round(percent * 100) / 100.0));
            }
            series.add(Map.of("type", "line", "name", c.label(), "showSymbol", false, "data", points));
        }
        return Map.of("stale-reads", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 90, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "time since the write was acknowledged (ms)",
                        "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "stale reads (%)", "max", 100),
                "series", series));
    }
}
