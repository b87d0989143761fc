package caching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

// run: timeout=20s
/**
 * Probabilistic early expiration ("XFetch", Vattani, Chierichetti and Lowenstein, 2015) on one hot key:
 * 1,000 reads per second, a 10-second TTL, a recomputation that takes 200 ms. With a plain TTL, every read
 * that arrives while the value is expired and not yet recomputed recomputes it too. With XFetch, each read
 * recomputes early with a probability that rises as expiry nears, so one read almost always does it alone.
 */
public class EarlyExpiration {

    static final double READS_PER_S = 1_000;
    static final double TTL_S = 10;
    static final double RECOMPUTE_S = 0.2;
    static final int CYCLES = 100;

    // tag::xfetch[]
    /** XFetch: recompute now if now - delta * beta * ln(u) >= expiry, u uniform in (0, 1]. */
    static boolean recomputeEarly(double now, double expiry, double delta, double beta,
                                  Random random) {
        double u = 1 - random.nextDouble();                // in (0, 1], so ln(u) <= 0
        return now - delta * beta * Math.log(u) >= expiry; // -ln(u): exponential, mean 1
    }
    // end::xfetch[]

    record Result(double recomputesPerCycle, double expiredReadsPerCycle, double medianLeadS) {
    }

    private static final Map<String, Result> RUNS = new java.util.HashMap<>();

    /** Each configuration is simulated once per run of this program, then reused. */
    static synchronized Result simulate(double beta, boolean early, boolean coalesce, long seed) {
        return RUNS.computeIfAbsent(beta + "/" + early + "/" + coalesce + "/" + seed,
                k -> run(beta, early, coalesce, seed));
    }

    /** Reads arrive at random; a recomputation in flight finishes RECOMPUTE_S later and resets the expiry. */
    static Result run(double beta, boolean early, boolean coalesce, long seed) {
        Random random = new Random(seed);
        double expiry = TTL_S;
        List<Double> finishes = new ArrayList<>(); // recomputations in flight, by finish time
        List<Double> leads = new ArrayList<>();
        int recomputes = 0;
        int expiredReads = 0;
        int cycles = 0;
        double now = 0;
        while (cycles < CYCLES) {
            now += -Math.log(1 - random.nextDouble()) / READS_PER_S;
            for (int i = finishes.size() - 1; i >= 0; i--) {
                if (finishes.get(i) <= now) {
                    expiry = Math.max(expiry, finishes.remove(i) + TTL_S);
                }
            }
            boolean expired = now >= expiry;
            if (expired) {
                expiredReads++;
            }
            boolean alreadyLoading = coalesce && !finishes.isEmpty();
            if (!alreadyLoading && (expired || (early && recomputeEarly(now, expiry, RECOMPUTE_S, beta, random)))) {
                if (!expired && finishes.isEmpty()) {
                    leads.add(expiry - now);
                }
                if (finishes.isEmpty()) {
                    cycles++;
                }
                recomputes++;
                finishes.add(now + RECOMPUTE_S);
            }
        }
        double[] sorted = leads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        return new Result((double) recomputes / cycles, (double) expiredReads / cycles, median);
    }

    /** The median lead time the theory predicts: delta * beta * ln(rate * delta * beta / ln 2). */
    static double predictedMedianLead(double beta) {
        double scale = RECOMPUTE_S * beta;
        return scale * Math.log(READS_PER_S * scale / Math.log(2));
    }

    public static void main(String[] args) {
        Result plain = simulate(1, false, false, 3);
        Result plainCoalesced = simulate(1, false, true, 3);
        System.out.printf("%-26s %6s %9s %12s%n", "", "loads", "expired", "lead (s)");
        print("Plain TTL", plain);
        print("Plain TTL + single-flight", plainCoalesced);
        for (double beta : new double[] {0.5, 1, 2}) {
            print(String.format("XFetch, beta %.1f", beta), simulate(beta, true, false, 3));
        }
        print("XFetch 1.0 + single-flight", simulate(1, true, true, 3));
        System.out.printf("(loads and expired reads per expiry; theory for beta 1: lead %.2f s)%n",
                predictedMedianLead(1));
    }

    static void print(String name, Result r) {
        System.out.printf("%-26s %6.2f %9.1f %12.2f%n", name, r.recomputesPerCycle(), r.expiredReadsPerCycle(),
                r.medianLeadS());
    }

    public static Map<String, Object> facts() {
        Result plain = simulate(1, false, false, 3);
        Result plainCoalesced = simulate(1, false, true, 3);
        Result x = simulate(1, true, false, 3);
        Result both = simulate(1, true, true, 3);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("xfetch-reads-per-s", READS_PER_S);
        f.put("xfetch-ttl-s", TTL_S);
        f.put("xfetch-recompute-s", RECOMPUTE_S);
        f.put("plain-recomputes", plain.recomputesPerCycle());
        f.put("xfetch-recomputes", x.recomputesPerCycle());
        f.put("plain-coalesced-expired-reads", plainCoalesced.expiredReadsPerCycle());
        f.put("plain-expired-reads", plain.expiredReadsPerCycle());
        f.put("both-recomputes", both.recomputesPerCycle());
        f.put("xfetch-expired-reads", x.expiredReadsPerCycle());
        f.put("xfetch-median-lead-s", x.medianLeadS());
        f.put("xfetch-predicted-lead-s", predictedMedianLead(1));
        // the chart: a read t seconds before expiry recomputes with chance exp(-t / (δβ)), so the chance
        // falls by a factor of e every δβ seconds
        f.put("xfetch-e-fold-s-beta-half", RECOMPUTE_S * 0.5);
        f.put("xfetch-e-fold-s-beta-1", RECOMPUTE_S * 1);
        f.put("xfetch-e-fold-s-beta-2", RECOMPUTE_S * 2);
        f.put("xfetch-chance-1s-before-beta-1", Math.exp(-1.0 / RECOMPUTE_S));
        return f;
    }

    public static Map<String, Object> charts() {
        List<Map<String, Object>> series = new ArrayList<>();
        for (double beta : new double[] {0.5, 1, 2}) {
            List<List<Double>> points = new ArrayList<>();
            for (int ms = 0; ms <= 2_000; ms += 20) {
                double left = ms / 1000.0;
                points.add(List.of(left, Math.round(1e6 * Math.exp(-left / (RECOMPUTE_S * beta))) / 1e4));
            }
            series.add(Map.of("type", "line", "name", "β = " + beta, "showSymbol", false, "data", points));
        }
        return Map.of("xfetch-probability", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "seconds left before expiry", "nameLocation", "middle",
                        "nameGap", 28, "inverse", true, "max", 2),
                "yAxis", Map.of("type", "log", "name", "chance one read recomputes (%, log)", "min", 0.001, "max", 100),
                "series", series));
    }
}
