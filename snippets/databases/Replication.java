package databases;

// run: timeout=20s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A leader and three replicas, simulated write by write for ten seconds. The same stream of writes is
 * committed three ways (asynchronous, semi-synchronous, synchronous) so the page can compare what each
 * costs in commit latency and what each risks if the leader dies. Times are in milliseconds.
 */
public class Replication {

    // The scenario, stated once.
    static final double RUN_MS = 10_000;
    static final double WRITES_PER_MS = 1.0;          // 1,000 writes per second, steady
    static final double BURST_WRITES_PER_MS = 3.0;    // a batch job triples the write rate...
    static final double BURST_FROM = 1_000, BURST_TO = 2_000; // ...for one second
    static final double LOCAL_COMMIT_MS = 0.2;        // the leader's own durable write (log flush)
    static final double APPLY_MS = 0.5;               // a replica replays writes one at a time: 2,000/s at most
    static final double ISOLATED_FROM = 4_000, ISOLATED_TO = 4_500; // the leader loses its network for 0.5 s
    static final double REGION_DOWN_FROM = 6_500, REGION_DOWN_TO = 7_500; // the remote replica restarts
    static final long SEED = 6;

    /** A replica, its one-way network delay from the leader, and when it cannot be reached. */
    record Replica(String name, double oneWayMs, List<double[]> outages) {
        /** When a record sent at {@code sentAt} arrives, if it left or would land during an outage. */
        double deliveredAt(double sentAt, double delay) {
            double arrives = sentAt + delay;
            for (double[] outage : outages) {
                if (arrives >= outage[0] && sentAt < outage[1]) {
                    arrives = outage[1] + delay; // queued by the leader, resent when the link is back
                }
            }
            return arrives;
        }
    }

    static final List<Replica> REPLICAS = List.of(
            new Replica("replica in zone B", 0.25, List.of(new double[] {ISOLATED_FROM, ISOLATED_TO})),
            new Replica("replica in zone C", 0.30, List.of(new double[] {ISOLATED_FROM, ISOLATED_TO})),
            new Replica("replica in another region", 35, List.of(new double[] {ISOLATED_FROM, ISOLATED_TO},
                    new double[] {REGION_DOWN_FROM, REGION_DOWN_TO})));

    // tag::modes[]
    /** How many replica acknowledgements a commit waits for before the client hears OK. */
    enum Mode {
        ASYNC("asynchronous", 0),
        SEMI_SYNC("semi-synchronous (1 of 3)", 1),
        SYNC("synchronous (3 of 3)", 3);

        final String label;
        final int acksNeeded;

        Mode(String label, int acksNeeded) {
            this.label = label;
            this.acksNeeded = acksNeeded;
        }
    }

    /** Per write: arrival; per replica, receipt and replay; per mode, the client's "OK". */
    record Run(double[] arrivals, double[][] received, double[][] applied,
               Map<Mode, double[]> committed) {
    }

    static Run simulate() {
        Random random = new Random(SEED);
        double[] arrivals = writeArrivals(random);
        int n = arrivals.length, r = REPLICAS.size();
        double[][] received = new double[r][n], applied = new double[r][n];
        double[][] ackedBack = new double[n][r];
        for (int i = 0; i < n; i++) {
            double shipped = arrivals[i] + LOCAL_COMMIT_MS; // logged locally, then streamed
            for (int k = 0; k < r; k++) {
                Replica replica = REPLICAS.get(k);
                double delay = jitter(replica.oneWayMs(), random);
                double arrives = replica.deliveredAt(shipped, delay);
                double previous = i > 0 ? received[k][i - 1] : 0;
                received[k][i] = Math.max(arrives, previous);   // one ordered stream
                double replayFrom = Math.max(received[k][i], i > 0 ? applied[k][i - 1] : 0);
                applied[k][i] = replayFrom + APPLY_MS;          // one write at a time
                ackedBack[i][k] = received[k][i] + jitter(replica.oneWayMs(), random);
            }
        }
        Map<Mode, double[]> committed = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            double[] commit = new double[n];
            for (int i = 0; i < n; i++) {
                double local = arrivals[i] + LOCAL_COMMIT_MS;
                double[] acks = ackedBack[i].clone();
                Arrays.sort(acks);
                commit[i] = mode.acksNeeded == 0 ? local
                        : Math.max(local, acks[mode.acksNeeded - 1]); // k-th fastest ack
            }
            committed.put(mode, commit);
        }
        return new Run(arrivals, received, applied, committed);
    }
    // end::modes[]

    /** Poisson arrivals at the steady rate, tripled during the burst. */
    static double[] writeArrivals(Random random) {
        List<Double> times = new ArrayList<>();
        double t = 0;
        while (true) {
            double rate = t >= BURST_FROM && t < BURST_TO ? BURST_WRITES_PER_MS : WRITES_PER_MS;
            t += -Math.log(1 - random.nextDouble()) / rate;
            if (t >= RUN_MS) {
                break;
            }
            times.add(t);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A network delay around its typical value, with an occasional slow packet. */
    static double jitter(double typicalMs, Random random) {
        return typicalMs * (0.8 - 0.2 * Math.log(1 - random.nextDouble()));
    }

    // tag::risk[]
    /**
     * Acknowledged writes a leader crash at {@code t} would lose: acknowledged by then, but
     * not yet received by the replica that has received the most (the one you would promote).
     */
    static int writesAtRisk(Run run, Mode mode, double t) {
        int bestPrefix = 0;
        for (double[] replica : run.received()) {
            bestPrefix = Math.max(bestPrefix, countUpTo(replica, t));
        }
        int atRisk = 0;
        double[] commit = run.committed().get(mode);
        for (int i = bestPrefix; i < commit.length && run.arrivals()[i] <= t; i++) {
            if (commit[i] <= t) {
                atRisk++;
            }
        }
        return atRisk;
    }

    /** How far a replica's readers are behind: the age of its oldest unapplied write. */
    static double lagMs(Run run, int replica, double t) {
        int firstUnapplied = countUpTo(run.applied()[replica], t);
        if (firstUnapplied >= run.arrivals().length || run.arrivals()[firstUnapplied] > t) {
            return 0;
        }
        return t - run.arrivals()[firstUnapplied];
    }
    // end::risk[]

    /** How many values of a non-decreasing array are at most t. */
    static int countUpTo(double[] sorted, double t) {
        int i = Arrays.binarySearch(sorted, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i + 1 < sorted.length && sorted[i + 1] == t) {
            i++;
        }
        return i + 1;
    }

    /** The summary the page's table shows, one per mode. */
    record Summary(Mode mode, double p50, double p99Calm, double max, int maxAtRisk) {
    }

    /** Writes that arrive during a fault, or in the 200 ms after it while backlogs drain. */
    static boolean duringAFault(double arrival) {
        return arrival >= ISOLATED_FROM && arrival < ISOLATED_TO + 200
                || arrival >= REGION_DOWN_FROM && arrival < REGION_DOWN_TO + 200;
    }

    static final double SAMPLE_MS = 10;

    static Summary summarise(Run run, Mode mode) {
        double[] commit = run.committed().get(mode);
        double[] latency = new double[commit.length];
        List<Double> calm = new ArrayList<>();
        for (int i = 0; i < latency.length; i++) {
            latency[i] = commit[i] - run.arrivals()[i];
            if (!duringAFault(run.arrivals()[i])) {
                calm.add(latency[i]);
            }
        }
        Arrays.sort(latency);
        double[] calmSorted = calm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int maxAtRisk = 0;
        for (double t = 0; t <= RUN_MS; t += SAMPLE_MS) {
            maxAtRisk = Math.max(maxAtRisk, writesAtRisk(run, mode, t));
        }
        return new Summary(mode, percentile(latency, 0.50), percentile(calmSorted, 0.99), latency[latency.length - 1],
                maxAtRisk);
    }

    static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    static double maxLag(Run run, int replica, double from, double to) {
        double max = 0;
        for (double t = from; t <= to; t += 1) {
            max = Math.max(max, lagMs(run, replica, t));
        }
        return max;
    }

    static int maxAtRisk(Run run, Mode mode, double from, double to) {
        int max = 0;
        for (double t = from; t <= to; t += 1) {
            max = Math.max(max, writesAtRisk(run, mode, t));
        }
        return max;
    }

    private static Run cached;

    static synchronized Run run() {
        if (cached == null) {
            cached = simulate();
        }
        return cached;
    }

    public static void main(String[] args) {
        Run run = run();
        System.out.printf("%,d writes in %.0f s. Burst %.1f-%.1f s, leader cut off %.1f-%.1f s,%n",
                run.arrivals().length, RUN_MS / 1000, BURST_FROM / 1000, BURST_TO / 1000,
                ISOLATED_FROM / 1000, ISOLATED_TO / 1000);
        System.out.printf("remote replica down %.1f-%.1f s.%n", REGION_DOWN_FROM / 1000, REGION_DOWN_TO / 1000);
        System.out.printf("%-26s %8s %9s %9s %14s%n", "commit latency", "p50 ms", "p99 calm", "worst ms",
                "max at risk");
        for (Mode mode : Mode.values()) {
            Summary s = summarise(run, mode);
            System.out.printf("%-26s %8.2f %9.2f %9.1f %14d%n", mode.label, s.p50(), s.p99Calm(), s.max(), s.maxAtRisk());
        }
        System.out.println("Largest replication lag (ms):");
        for (int k = 0; k < REPLICAS.size(); k++) {
            System.out.printf("  %-26s during the burst %6.0f   whole run %6.0f%n", REPLICAS.get(k).name(),
                    maxLag(run, k, BURST_FROM, BURST_TO + 1_000), maxLag(run, k, 0, RUN_MS));
        }
    }

    public static Map<String, Object> facts() {
        Run run = run();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("writes", run.arrivals().length);
        facts.put("steady-writes-per-s", WRITES_PER_MS * 1_000);
        facts.put("burst-writes-per-s", BURST_WRITES_PER_MS * 1_000);
        facts.put("apply-per-s", 1_000 / APPLY_MS);
        facts.put("local-commit-ms", LOCAL_COMMIT_MS);
        facts.put("zone-one-way-ms", REPLICAS.get(0).oneWayMs());
        facts.put("region-one-way-ms", REPLICAS.get(2).oneWayMs());
        facts.put("region-rtt-ms", 2 * REPLICAS.get(2).oneWayMs());
        facts.put("isolated-ms", ISOLATED_TO - ISOLATED_FROM);
        facts.put("region-down-ms", REGION_DOWN_TO - REGION_DOWN_FROM);
        for (Mode mode : Mode.values()) {
            Summary s = summarise(run, mode);
            String m = mode.name().toLowerCase().replace('_', '-');
            facts.put(m + "-p50-ms", s.p50());
            facts.put(m + "-p99-calm-ms", s.p99Calm());
            facts.put(m + "-max-ms", s.max());
            facts.put(m + "-max-at-risk", s.maxAtRisk());
        }
        facts.put("async-at-risk-steady", maxAtRisk(run, Mode.ASYNC, 0, BURST_FROM));
        facts.put("zone-b-burst-lag-ms", maxLag(run, 0, BURST_FROM, BURST_TO + 1_000));
        facts.put("burst-s", (BURST_TO - BURST_FROM) / 1_000);
        facts.put("region-down-lag-ms", maxLag(run, 2, REGION_DOWN_FROM, REGION_DOWN_TO + 1_000));
        return facts;
    }

    public static Map<String, Object> tables() {
        Run run = run();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Mode", "Waits for", "Commit p50", "Commit p99 outside faults", "Slowest commit", "Most acknowledged writes at risk"));
        for (Mode mode : Mode.values()) {
            Summary s = summarise(run, mode);
            rows.add(List.of(mode.label, mode.acksNeeded == 0 ? "the leader's own log" :
                            mode.acksNeeded + " of " + REPLICAS.size() + " replicas",
                    String.format("%.2f ms", s.p50()), String.format("%.2f ms", s.p99Calm()),
                    String.format("%.1f ms", s.max()), String.format("%,d", s.maxAtRisk())));
        }
        return Map.of("modes", rows);
    }

    static final String[] REPLICA_SHORT = {"zone B", "zone C", "other region"};
    static final String[] MODE_SHORT = {"async", "semi-sync, 1 of 3", "sync, 3 of 3"};
    static final String AT_RISK = "async: acknowledged writes at risk";

    public static Map<String, Object> charts() {
        Run run = run();
        List<Object> series = new ArrayList<>();
        for (int k = 0; k < REPLICAS.size(); k++) {
            List<List<Double>> points = new ArrayList<>();
            for (double t = 0; t <= RUN_MS; t += SAMPLE_MS) {
                points.add(List.of(t / 1_000, round(lagMs(run, k, t))));
            }
            series.add(line(REPLICA_SHORT[k], points, 0));
        }
        for (Mode mode : Mode.values()) {
            double[] commit = run.committed().get(mode);
            List<List<Double>> points = new ArrayList<>();
            int i = 0;
            for (double t = 0; t < RUN_MS; t += SAMPLE_MS * 2) { // slowest commit per 20 ms of arrivals
                double slowest = 0;
                for (; i < commit.length && run.arrivals()[i] < t + SAMPLE_MS * 2; i++) {
                    slowest = Math.max(slowest, commit[i] - run.arrivals()[i]);
                }
                if (slowest > 0) {
                    points.add(List.of(t / 1_000, round(slowest)));
                }
            }
            series.add(line(MODE_SHORT[mode.ordinal()], points, 1));
        }
        List<List<Double>> risk = new ArrayList<>();
        for (double t = 0; t <= RUN_MS; t += SAMPLE_MS) {
            risk.add(List.of(t / 1_000, (double) writesAtRisk(run, Mode.ASYNC, t)));
        }
        series.add(line(AT_RISK, risk, 2));

        int[] tops = {40, 260, 480};
        int[] heights = {160, 160, 90};
        List<Object> grids = new ArrayList<>(), xAxes = new ArrayList<>(), yAxes = new ArrayList<>();
        List<Object> legends = List.of(legend(0, List.of(REPLICA_SHORT)), legend(tops[1] - 34, List.of(MODE_SHORT)),
                legend(tops[2] - 34, List.of(AT_RISK)));
        String[] yNames = {"replica lag (ms)", "slowest commit (ms, log)", "writes at risk"};
        for (int g = 0; g < 3; g++) {
            grids.add(Map.of("left", 70, "right", 20, "top", tops[g], "height", heights[g]));
            Map<String, Object> x = new LinkedHashMap<>(Map.of("type", "value", "gridIndex", g, "min", 0,
                    "max", RUN_MS / 1_000));
            if (g == 2) {
                x.putAll(Map.of("name", "time (s)", "nameLocation", "middle", "nameGap", 26));
            }
            xAxes.add(x);
            yAxes.add(Map.of("type", g == 1 ? "log" : "value", "gridIndex", g, "name", yNames[g],
                    "nameLocation", "middle", "nameGap", 48));
        }
        return Map.of("replication-timeline", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", legends,
                "grid", grids, "xAxis", xAxes, "yAxis", yAxes,
                "series", series));
    }

    private static Map<String, Object> legend(int top, List<String> names) {
        return Map.of("top", top, "data", names);
    }

    private static Map<String, Object> line(String name, List<List<Double>> data, int axis) {
        return Map.of("type", "line", "name", name, "showSymbol", false, "xAxisIndex", axis, "yAxisIndex", axis,
                "data", data);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
