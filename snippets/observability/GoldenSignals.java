package observability;

// run: timeout=20s

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The golden signals of one service while its traffic ramps up, from a queueing simulation: 8 workers,
 * 20 ms of work per request on average (so 400 requests/s of capacity), clients that give up after
 * waiting 1 s in the queue. Each minute the program reports RED (rate, errors, duration) for the
 * service and USE (utilisation, saturation, errors) for its worker pool.
 */
public class GoldenSignals {

    static final int WORKERS = 8;
    static final double MEAN_SERVICE_S = 0.020;
    static final double CAPACITY_PER_S = WORKERS / MEAN_SERVICE_S;
    static final double QUEUE_TIMEOUT_S = 1.0;
    static final double SLI_THRESHOLD_S = 0.300;     // "good" = succeeded within 300 ms
    static final double[] LOAD = {0.50, 0.60, 0.70, 0.75, 0.80, 0.85, 0.90, 0.93, 0.96, 0.98, 1.00, 1.05};
    static final long SEED = 3;

    /** One minute of the four signals, as a dashboard would show it. */
    record Minute(int minute, double offeredLoad, double ratePerS, double utilisation, double meanQueue,
                  double p50Ms, double p99Ms, double errorRate, double goodFraction) {
    }

    // tag::simulate[]
    static List<Minute> simulate(long seed) {
        Random random = new Random(seed);
        PriorityQueue<Double> workerFreeAt = new PriorityQueue<>();
        for (int w = 0; w < WORKERS; w++) {
            workerFreeAt.add(0.0);
        }
        Deque<Double> waitingUntil = new ArrayDeque<>(); // start times of requests still queued
        double[] busySeconds = new double[LOAD.length + 60]; // worker time spent in each minute
        List<Minute> minutes = new ArrayList<>();
        double now = 0;
        for (int m = 0; m < LOAD.length; m++) {
            Tally tally = new Tally();
            double meanGap = 1 / (LOAD[m] * CAPACITY_PER_S);
            double minuteEnd = (m + 1) * 60.0;
            for (now += exponential(random, meanGap); now < minuteEnd; now += exponential(random, meanGap)) {
                while (!waitingUntil.isEmpty() && waitingUntil.peekFirst() <= now) {
                    waitingUntil.pollFirst();
                }
                tally.queueSeen += waitingUntil.size(); // saturation, as each arrival sees it
                double start = Math.max(now, workerFreeAt.peek());
                if (start - now > QUEUE_TIMEOUT_S) { // the client gives up: an error, no work done
                    tally.record(Double.NaN);
                    continue;
                }
                double service = exponential(random, MEAN_SERVICE_S);
                workerFreeAt.poll();
                workerFreeAt.add(start + service);
                if (start > now) {
                    waitingUntil.addLast(start);
                }
                addBusy(busySeconds, start, start + service);
                tally.record(start + service - now);
            }
            now = minuteEnd;
            minutes.add(tally.minute(m, busySeconds[m] / (WORKERS * 60.0)));
        }
        return minutes;
    }
    // end::simulate[]

    /** Counts for one minute: every arrival, the latencies of the ones served, the queue each one saw. */
    static final class Tally {
        final List<Double> latencies = new ArrayList<>();
        int arrivals, errors, good;
        double queueSeen;

        void record(double latencySeconds) {
            arrivals++;
            if (Double.isNaN(latencySeconds)) {
                errors++;
                return;
            }
            latencies.add(latencySeconds);
            good += latencySeconds <= SLI_THRESHOLD_S ? 1 : 0;
        }

        Minute minute(int m, double utilisation) {
            return new Minute(m + 1, LOAD[m], arrivals / 60.0, utilisation, queueSeen / Math.max(1, arrivals),
                    percentile(latencies, 0.50) * 1000, percentile(latencies, 0.99) * 1000,
                    (double) errors / arrivals, (double) good / arrivals);
        }
    }

    /** Spreads a worker's busy interval over the minutes it overlaps. */
    static void addBusy(double[] busySeconds, double from, double to) {
        for (int m = (int) (from / 60); m * 60.0 < to; m++) {
            busySeconds[m] += Math.min(to, (m + 1) * 60.0) - Math.max(from, m * 60.0);
        }
    }

    static double exponential(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    static double percentile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    public static void main(String[] args) {
        System.out.printf("%-6s | %-7s %-7s %-7s %-7s | %-5s %-6s | %s%n", "minute", "rate/s", "errors", "p50 ms",
                "p99 ms", "util", "queue", "SLI: good within 300 ms");
        for (Minute m : simulate(SEED)) {
            System.out.printf("%-6d | %-7.0f %-7s %-7.0f %-7.0f | %-5s %-6.1f | %s%n", m.minute(), m.ratePerS(),
                    pct(m.errorRate(), 2), m.p50Ms(), m.p99Ms(), pct(m.utilisation(), 0), m.meanQueue(),
                    pct(m.goodFraction(), 2));
        }
        System.out.println("       | RED: rate, errors, duration     | USE: utilisation, saturation, errors");
    }

    static String pct(double fraction, int decimals) {
        return String.format("%." + decimals + "f%%", fraction * 100);
    }

    public static Map<String, Object> facts() {
        List<Minute> run = simulate(SEED);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("workers", WORKERS);
        f.put("mean-service-ms", MEAN_SERVICE_S * 1000);
        f.put("capacity-per-s", CAPACITY_PER_S);
        f.put("queue-timeout-s", QUEUE_TIMEOUT_S);
        f.put("sli-threshold-ms", SLI_THRESHOLD_S * 1000);
        f.put("p99-at-50", at(run, 0.50).p99Ms());
        f.put("p99-at-80", at(run, 0.80).p99Ms());
        f.put("p99-at-90", at(run, 0.90).p99Ms());
        f.put("p99-at-96", at(run, 0.96).p99Ms());
        f.put("p50-at-96", at(run, 0.96).p50Ms());
        f.put("queue-at-96", at(run, 0.96).meanQueue());
        f.put("errors-at-105", at(run, 1.05).errorRate());
        f.put("p99-at-105", at(run, 1.05).p99Ms());
        f.put("good-at-50", at(run, 0.50).goodFraction());
        f.put("good-at-105", at(run, 1.05).goodFraction());
        f.put("first-minute-p99-over-sli", run.stream().filter(m -> m.p99Ms() > SLI_THRESHOLD_S * 1000)
                .mapToInt(Minute::minute).findFirst().orElse(0));
        return f;
    }

    static Minute at(List<Minute> run, double load) {
        return run.stream().filter(m -> m.offeredLoad() == load).findFirst().orElseThrow();
    }

    public static Map<String, Object> charts() {
        List<Minute> run = simulate(SEED);
        List<Object> util = new ArrayList<>(), p50 = new ArrayList<>(), p99 = new ArrayList<>(), errors = new ArrayList<>();
        List<String> minutes = new ArrayList<>();
        for (Minute m : run) {
            minutes.add(String.valueOf(m.minute()));
            util.add(round(m.utilisation() * 100));
            errors.add(round(m.errorRate() * 100));
            p50.add(round(m.p50Ms()));
            p99.add(round(m.p99Ms()));
        }
        return Map.of("ramp", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 70, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "category", "data", minutes, "name", "minute of the load ramp",
                        "nameLocation", "middle", "nameGap", 28),
                "yAxis", List.of(
                        Map.of("type", "log", "name", "latency, ms (log scale)", "min", 10),
                        Map.of("type", "value", "name", "% utilisation, % errors", "min", 0, "max", 100)),
                "series", List.of(
                        Map.of("type", "line", "name", "p50 latency", "data", p50),
                        Map.of("type", "line", "name", "p99 latency", "data", p99),
                        Map.of("type", "bar", "name", "utilisation %", "yAxisIndex", 1, "data", util),
                        Map.of("type", "bar", "name", "errors %", "yAxisIndex", 1, "data", errors))));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
