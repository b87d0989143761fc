package consistency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The "else" half of PACELC inside one region: a read that waits for R of N = 3 replicas finishes when the
 * R-th fastest answers. Replica response times are modelled as about a millisecond, with 1 response in 100
 * hitting a pause (garbage collection, compaction, a busy disk) of 10 to 60 ms. Assumptions, stated once.
 */
public class QuorumLatency {

    static final int N = 3;
    static final double MEDIAN_MS = 1.0;
    static final double SPREAD = 0.35;            // log-normal sigma of a healthy response
    static final double PAUSE_PROBABILITY = 0.01;
    static final double PAUSE_MIN_MS = 10, PAUSE_MAX_MS = 60;
    static final int TRIALS = 100_000;
    static final List<String> LEVELS = List.of("ONE (R=1)", "QUORUM (R=2)", "ALL (R=3)");

    // tag::latency[]
    static double replicaResponseMs(Random random) {
        if (random.nextDouble() < PAUSE_PROBABILITY) {
            return PAUSE_MIN_MS + (PAUSE_MAX_MS - PAUSE_MIN_MS) * random.nextDouble();
        }
        return MEDIAN_MS * Math.exp(SPREAD * random.nextGaussian());
    }

    /** Read latencies for R = 1 .. N: ask all N replicas, answer after the R-th reply. */
    static double[][] simulate(int trials, Random random) {
        double[][] byR = new double[N][trials];
        double[] replies = new double[N];
        for (int trial = 0; trial < trials; trial++) {
            for (int i = 0; i < N; i++) {
                replies[i] = replicaResponseMs(random);
            }
            Arrays.sort(replies);
            for (int r = 1; r <= N; r++) {
                byR[r - 1][trial] = replies[r - 1];
            }
        }
        for (double[] latencies : byR) {
            Arrays.sort(latencies);
        }
        return byR;
    }
    // end::latency[]

    static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
    }

    private static double[][] results;

    /** Simulated once per run; main, facts and charts all read the same numbers. */
    static synchronized double[][] results() {
        if (results == null) {
            results = simulate(TRIALS, new Random(7));
        }
        return results;
    }

    public static void main(String[] args) {
        double[][] byR = results();
        System.out.printf("Read latency over %,d reads, N = %d replicas%n", TRIALS, N);
        System.out.printf("  %-14s %8s %8s %8s%n", "level", "p50", "p99", "p99.9");
        for (int r = 0; r < N; r++) {
            System.out.printf("  %-14s %6.2f ms %6.2f ms %6.2f ms%n", LEVELS.get(r), percentile(byR[r], 50),
                    percentile(byR[r], 99), percentile(byR[r], 99.9));
        }
    }

    public static Map<String, Object> facts() {
        double[][] byR = results();
        return Map.of(
                "latency-pause-probability", PAUSE_PROBABILITY,
                "latency-one-p99-ms", percentile(byR[0], 99),
                "latency-quorum-p50-ms", percentile(byR[1], 50),
                "latency-quorum-p99-ms", percentile(byR[1], 99),
                "latency-all-p99-ms", percentile(byR[2], 99),
                "latency-quorum-p999-ms", percentile(byR[1], 99.9),
                "latency-all-p999-ms", percentile(byR[2], 99.9),
                "latency-one-p50-ms", percentile(byR[0], 50),
                // chance that at least one of the N replicas pauses: what ALL waits for
                "latency-any-pause-probability", 1 - Math.pow(1 - PAUSE_PROBABILITY, N));
    }

    public static Map<String, Object> charts() {
        double[][] byR = results();
        List<Object> series = new ArrayList<>();
        for (double p : List.of(50.0, 99.0, 99.9)) {
            List<Double> values = new ArrayList<>();
            for (int r = 0; r < N; r++) {
                values.add(Math.round(percentile(byR[r], p) * 100) / 100.0);
            }
            series.add(Map.of("type", "bar", "name", "p" + (p == 99.9 ? "99.9" : String.valueOf((int) p)),
                    "label", Map.of("show", true, "position", "top", "fontSize", 11), "data", values));
        }
        return Map.of("quorum-latency", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "category", "data", LEVELS, "name", "read consistency level",
                        "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "read latency (ms)"),
                "series", series));
    }
}
