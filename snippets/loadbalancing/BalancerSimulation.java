package loadbalancing;

import loadbalancing.HashBalancers.ConsistentHash;
import loadbalancing.HashBalancers.IpHash;
import loadbalancing.LeastLoadedBalancers.LeastConnections;
import loadbalancing.LeastLoadedBalancers.LeastLatency;
import loadbalancing.RandomBalancers.PowerOfTwoChoices;
import loadbalancing.RandomBalancers.RandomChoice;
import loadbalancing.RoundRobinBalancers.RoundRobin;
import loadbalancing.RoundRobinBalancers.WeightedRoundRobin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.IntFunction;

// run: timeout=60s
/**
 * The eight algorithms of Module 4 (from the snippets beside this file) on the same traffic: ten backends
 * of four workers each, one of them four times slower than the rest, requests whose cost varies fifteenfold,
 * a fifth of them from one NAT address. A second scenario checks the power-of-two-choices claim on 200
 * identical backends. Produces the page's tables (including the cheat-sheet table, whose last column is
 * measured here), charts and facts.
 */
public class BalancerSimulation {

    /** What the simulation needs of an algorithm; each snippet class is adapted to it below. */
    interface Balancer {
        int pick(String clientIp);

        default void started(int backend) {
        }

        default void finished(int backend, double latencyMs) {
        }
    }

    static Balancer of(LeastConnections lc) {
        return new Balancer() {
            public int pick(String clientIp) {
                return lc.pick();
            }

            public void started(int backend) {
                lc.started(backend);
            }

            public void finished(int backend, double latencyMs) {
                lc.finished(backend, latencyMs);
            }
        };
    }

    static Balancer of(PowerOfTwoChoices p2c) {
        return new Balancer() {
            public int pick(String clientIp) {
                return p2c.pick();
            }

            public void started(int backend) {
                p2c.started(backend);
            }

            public void finished(int backend, double latencyMs) {
                p2c.finished(backend, latencyMs);
            }
        };
    }

    /** The traffic and the fleet. Speeds are relative: 0.25 means every request takes four times as long. */
    record Scenario(int backends, int workersPerBackend, double[] speed, double utilisation, double cheapMs,
                    double expensiveMs, double expensiveShare, double natShare, double seconds, long seed) {

        double meanCostMs() {
            return (1 - expensiveShare) * cheapMs + expensiveShare * expensiveMs;
        }

        double capacityPerMs() {
            return Arrays.stream(speed).sum() * workersPerBackend / meanCostMs();
        }

        double arrivalsPerMs() {
            return utilisation * capacityPerMs();
        }
    }

    /** Backend 9 runs at a quarter speed: a noisy neighbour, a GC storm, a failing disk. */
    static Scenario slowBackendScenario() {
        double[] speed = new double[10];
        Arrays.fill(speed, 1.0);
        speed[9] = 0.25;
        return new Scenario(10, 4, speed, 0.70, 2, 30, 0.10, 0.20, 5, 42);
    }

    /** The P2C claim is about large fleets: 200 identical backends at 90% load, half a second of traffic. */
    static Scenario largeFleetScenario() {
        double[] speed = new double[200];
        Arrays.fill(speed, 1.0);
        return new Scenario(200, 4, speed, 0.90, 2, 30, 0.10, 0.20, 0.5, 7);
    }

    record Algorithm(String name, IntFunction<Balancer> create) {
    }

    /** Weighted round robin gets weights from the true speeds: its best case, which real weights rarely match. */
    static List<Algorithm> algorithms(Scenario s) {
        int[] weights = Arrays.stream(s.speed()).mapToInt(v -> (int) Math.round(v * 4)).toArray();
        return List.of(
                new Algorithm("Round robin", n -> {
                    RoundRobin rr = new RoundRobin(n);
                    return ip -> rr.pick();
                }),
                new Algorithm("Weighted round robin", n -> {
                    WeightedRoundRobin wrr = new WeightedRoundRobin(weights);
                    return ip -> wrr.pick();
                }),
                new Algorithm("Least connections", n -> of(new LeastConnections(n))),
                new Algorithm("Least latency", n -> of(new LeastLatency(n))),
                new Algorithm("IP hash", n -> new IpHash(n)::pick),
                new Algorithm("Consistent hash", n -> new ConsistentHash(n, 150)::pick),
                new Algorithm("Power of two choices", n -> of(new PowerOfTwoChoices(n, s.seed()))),
                new Algorithm("Random", n -> {
                    RandomChoice random = new RandomChoice(n, s.seed());
                    return ip -> random.pick();
                }));
    }

    /** What one algorithm did with the scenario's traffic. */
    record Outcome(String algorithm, int requests, double slowShare, double p50Ms, double p99Ms, double p99WaitMs,
                   double busiestOverMean, List<Double> slowQueue) {
    }

    static final int SAMPLE_MS = 100; // how often the slow backend's queue is recorded for the chart

    private record Job(double arrivedMs, double serviceMs) {
    }

    private record Completion(double atMs, int backend, Job job) {
    }

    /**
     * Poisson arrivals; each backend is a FIFO queue in front of a few workers. The balancer sees only the
     * client's IP and, if it listens, when requests start and finish: never a request's cost. Arrivals stop
     * at the horizon and the queues drain, so every request's full wait is counted.
     */
    static Outcome simulate(Scenario s, Algorithm algorithm) {
        Random traffic = new Random(s.seed()); // the same seed for every algorithm: identical arrivals and costs
        Balancer balancer = algorithm.create().apply(s.backends());
        List<ArrayDeque<Job>> waiting = new ArrayList<>();
        for (int b = 0; b < s.backends(); b++) {
            waiting.add(new ArrayDeque<>());
        }
        int[] busy = new int[s.backends()];
        double[] inFlightTime = new double[s.backends()]; // integral of requests in flight over time ...
        double[] lastChange = new double[s.backends()];   // ... brought up to date whenever a backend's count changes
        PriorityQueue<Completion> completions = new PriorityQueue<>((x, y) -> Double.compare(x.atMs(), y.atMs()));
        Samples latencies = new Samples();
        Samples waits = new Samples();
        List<Double> slowQueue = new ArrayList<>();
        int slow = slowest(s);
        int toSlow = 0;
        double horizonMs = s.seconds() * 1000;
        double now = 0;
        double nextArrival = exponential(traffic, s.arrivalsPerMs());
        double nextSample = 0;
        while (nextArrival < horizonMs || !completions.isEmpty()) {
            boolean arrival = nextArrival < horizonMs && (completions.isEmpty() || nextArrival <= completions.peek().atMs());
            double t = arrival ? nextArrival : completions.peek().atMs();
            for (; nextSample <= t && nextSample < horizonMs; nextSample += SAMPLE_MS) {
                slowQueue.add((double) (busy[slow] + waiting.get(slow).size()));
            }
            now = t;
            if (arrival) {
                double cost = traffic.nextDouble() < s.expensiveShare() ? s.expensiveMs() : s.cheapMs();
                int b = balancer.pick(clientIp(traffic, s.natShare()));
                toSlow += b == slow ? 1 : 0;
                account(inFlightTime, lastChange, b, busy[b] + waiting.get(b).size(), now, horizonMs);
                balancer.started(b);
                Job job = new Job(now, cost / s.speed()[b]);
                if (busy[b] < s.workersPerBackend()) {
                    busy[b]++;
                    waits.add(0);
                    completions.add(new Completion(now + job.serviceMs(), b, job));
                } else {
                    waiting.get(b).add(job);
                }
                nextArrival = now + exponential(traffic, s.arrivalsPerMs());
            } else {
                Completion done = completions.poll();
                int b = done.backend();
                account(inFlightTime, lastChange, b, busy[b] + waiting.get(b).size(), now, horizonMs);
                double latency = now - done.job().arrivedMs();
                latencies.add(latency);
                balancer.finished(b, latency);
                Job next = waiting.get(b).poll();
                if (next == null) {
                    busy[b]--;
                } else {
                    waits.add(now - next.arrivedMs());
                    completions.add(new Completion(now + next.serviceMs(), b, next));
                }
            }
        }
        for (int b = 0; b < s.backends(); b++) {
            account(inFlightTime, lastChange, b, busy[b] + waiting.get(b).size(), horizonMs, horizonMs);
        }
        double mean = Arrays.stream(inFlightTime).average().orElseThrow();
        double max = Arrays.stream(inFlightTime).max().orElseThrow();
        return new Outcome(algorithm.name(), latencies.size(), (double) toSlow / latencies.size(),
                latencies.percentile(0.50), latencies.percentile(0.99), waits.percentile(0.99), max / mean, slowQueue);
    }

    /** Adds a backend's in-flight count times the time since its last change, up to the horizon. */
    private static void account(double[] inFlightTime, double[] lastChange, int b, int inFlight, double now, double horizonMs) {
        double until = Math.min(now, horizonMs);
        if (until > lastChange[b]) {
            inFlightTime[b] += inFlight * (until - lastChange[b]);
            lastChange[b] = until;
        }
    }

    /** A fifth of requests come from one carrier-grade NAT address; the rest from a thousand home IPs. */
    static String clientIp(Random traffic, double natShare) {
        return traffic.nextDouble() < natShare ? "100.64.0.1" : "198.51." + traffic.nextInt(4) + "." + traffic.nextInt(250);
    }

    static int slowest(Scenario s) {
        int slow = 0;
        for (int b = 1; b < s.backends(); b++) {
            slow = s.speed()[b] < s.speed()[slow] ? b : slow;
        }
        return slow;
    }

    static double exponential(Random random, double ratePerMs) {
        return -Math.log(1 - random.nextDouble()) / ratePerMs;
    }

    /** A growable array of doubles, to keep a hundred thousand samples without boxing each one. */
    static final class Samples {
        private double[] values = new double[1 << 16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        /** Nearest-rank percentile: the smallest sample with at least a fraction p of all samples at or below it. */
        double percentile(double p) {
            double[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(p * size) - 1];
        }
    }

    // Results, computed once per run of this program and shared by tables(), facts() and charts().

    static final List<String> P2C_CHECK = List.of("Random", "Power of two choices", "Least connections");
    private static List<Outcome> slowBackend;
    private static List<Outcome> largeFleet;

    static synchronized List<Outcome> slowBackend() {
        if (slowBackend == null) {
            Scenario s = slowBackendScenario();
            slowBackend = algorithms(s).stream().map(a -> simulate(s, a)).toList();
        }
        return slowBackend;
    }

    static synchronized List<Outcome> largeFleet() {
        if (largeFleet == null) {
            Scenario s = largeFleetScenario();
            largeFleet = algorithms(s).stream().filter(a -> P2C_CHECK.contains(a.name())).map(a -> simulate(s, a)).toList();
        }
        return largeFleet;
    }

    static Outcome find(List<Outcome> outcomes, String algorithm) {
        return outcomes.stream().filter(o -> o.algorithm().equals(algorithm)).findFirst().orElseThrow();
    }

    /** Share of least connections' improvement over random that P2C recovers, on one metric. */
    static double benefit(double random, double p2c, double best) {
        return (random - p2c) / (random - best);
    }

    /** The cheat-sheet row for each algorithm: what it does, when to use it, when not to. */
    record Advice(String algorithm, String how, String goodFor, String avoidWhen) {
    }

    static final List<Advice> ADVICE = List.of(
            new Advice("Round robin", "Rotate through backends in order", "Identical backends, requests of similar cost",
                    "Request costs vary or a backend slows down: it keeps getting its full share"),
            new Advice("Weighted round robin", "Rotate in proportion to a weight per backend",
                    "A fleet of mixed sizes with known capacity; canaries at a small weight",
                    "Capacity changes at run time (a noisy neighbour, a GC storm): static weights cannot follow"),
            new Advice("Least connections", "Pick the backend with the fewest requests in flight",
                    "Long-lived or variable-cost requests",
                    "Many balancer instances each see only their own requests; with HTTP/2, count requests, not connections"),
            new Advice("Least latency", "Pick the lowest recent latency × requests in flight",
                    "Mixed hardware, backends at different distances",
                    "The latency signal is slow or noisy; a recovered backend can be flooded"),
            new Advice("IP hash", "hash(client IP) mod N", "Cheap stickiness without cookies",
                    "Clients share IPs behind NAT; N changes and most clients move"),
            new Advice("Consistent hash", "Ring of virtual nodes; next point clockwise",
                    "Cache affinity, stateful shards: few keys move when N changes",
                    "Load must be even: the ring ignores load, and a hot key overloads its owner"),
            new Advice("Power of two choices", "Sample two backends, take the one with fewer in flight",
                    "Large fleets, many independent balancers, no shared state",
                    "Rarely; on a handful of backends, scanning them all is just as cheap"),
            new Advice("Random", "Any backend, uniformly", "A baseline; clients with no shared state",
                    "The tail matters: unlucky streaks queue up"));

    public static Map<String, Object> tables() {
        List<List<String>> simulation = new ArrayList<>();
        simulation.add(List.of("Algorithm", "Share sent to the slow backend", "p50 (ms)", "p99 (ms)",
                "p99 queueing (ms)", "Busiest ÷ mean in flight"));
        for (Outcome o : slowBackend()) {
            simulation.add(List.of(o.algorithm(), String.format("%.1f%%", 100 * o.slowShare()), ms(o.p50Ms()),
                    ms(o.p99Ms()), ms(o.p99WaitMs()), String.format("%.2f", o.busiestOverMean())));
        }
        List<List<String>> cheatSheet = new ArrayList<>();
        cheatSheet.add(List.of("Algorithm", "How", "Good for", "Avoid when", "p99 with one slow backend (ms)"));
        for (Advice a : ADVICE) {
            cheatSheet.add(List.of(a.algorithm(), a.how(), a.goodFor(), a.avoidWhen(), ms(find(slowBackend(), a.algorithm()).p99Ms())));
        }
        Scenario large = largeFleetScenario();
        List<List<String>> p2c = new ArrayList<>();
        p2c.add(List.of("Algorithm", "Load counters read per pick", "p99 (ms)", "p99 queueing (ms)"));
        for (Outcome o : largeFleet()) {
            int reads = switch (o.algorithm()) {
                case "Random" -> 0;
                case "Power of two choices" -> 2;
                default -> large.backends();
            };
            p2c.add(List.of(o.algorithm(), Integer.toString(reads), ms(o.p99Ms()), ms(o.p99WaitMs())));
        }
        return Map.of("simulation", simulation, "algorithms", cheatSheet, "p2c-check", p2c);
    }

    static String ms(double v) {
        return String.format("%,.1f", v);
    }

    public static Map<String, Object> facts() {
        Scenario s = slowBackendScenario();
        int slow = slowest(s);
        Outcome rr = find(slowBackend(), "Round robin");
        Outcome lc = find(slowBackend(), "Least connections");
        Outcome p2c = find(slowBackend(), "Power of two choices");
        Outcome random = find(largeFleet(), "Random");
        Outcome bigP2c = find(largeFleet(), "Power of two choices");
        Outcome bigLc = find(largeFleet(), "Least connections");
        double slowCapacityPerS = s.speed()[slow] * s.workersPerBackend() / s.meanCostMs() * 1000;
        double arrivalsPerS = s.arrivalsPerMs() * 1000;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("backends", s.backends());
        f.put("workers", s.workersPerBackend());
        f.put("slow-speed", s.speed()[slow]);
        f.put("utilisation", s.utilisation());
        f.put("cheap-ms", s.cheapMs());
        f.put("expensive-ms", s.expensiveMs());
        f.put("expensive-share", s.expensiveShare());
        f.put("nat-share", s.natShare());
        f.put("seconds", s.seconds());
        f.put("requests", rr.requests());
        f.put("mean-cost-ms", s.meanCostMs());
        f.put("arrivals-per-s", arrivalsPerS);
        f.put("slow-capacity-share", s.speed()[slow] / Arrays.stream(s.speed()).sum());
        f.put("slow-capacity-per-s", slowCapacityPerS);
        f.put("rr-to-slow-per-s", arrivalsPerS / s.backends());
        f.put("rr-slow-overload", arrivalsPerS / s.backends() / slowCapacityPerS);
        f.put("rr-p99-ms", rr.p99Ms());
        f.put("lc-p99-ms", lc.p99Ms());
        f.put("p2c-p99-ms", p2c.p99Ms());
        f.put("rr-over-lc-p99", rr.p99Ms() / lc.p99Ms());
        f.put("large-backends", largeFleetScenario().backends());
        f.put("large-utilisation", largeFleetScenario().utilisation());
        f.put("p2c-benefit-p99", benefit(random.p99Ms(), bigP2c.p99Ms(), bigLc.p99Ms()));
        f.put("p2c-benefit-wait", benefit(random.p99WaitMs(), bigP2c.p99WaitMs(), bigLc.p99WaitMs()));
        f.put("p2c-coordination", 2.0 / largeFleetScenario().backends());
        f.put("p2c-coordination-small", 2.0 / s.backends());
        // the ranges the latency chart shows: every median, then the p99s of the algorithms that look at load and those that do not
        f.put("p50-min-ms", slowBackend().stream().mapToDouble(Outcome::p50Ms).min().orElseThrow());
        f.put("p50-max-ms", slowBackend().stream().mapToDouble(Outcome::p50Ms).max().orElseThrow());
        f.put("load-aware-p99-min-ms", p99Range(LOAD_AWARE).getMin());
        f.put("load-aware-p99-max-ms", p99Range(LOAD_AWARE).getMax());
        f.put("load-blind-p99-min-s", p99Range(LOAD_BLIND).getMin() / 1000);
        f.put("load-blind-p99-max-s", p99Range(LOAD_BLIND).getMax() / 1000);
        for (String name : List.of("Round robin", "Consistent hash", "Power of two choices", "Least connections")) {
            String key = name.toLowerCase().replace(' ', '-');
            f.put(key + "-slow-queue-peak", find(slowBackend(), name).slowQueue().stream().mapToDouble(d -> d).max().orElseThrow());
        }
        return f;
    }

    static final List<String> LOAD_AWARE = List.of("Weighted round robin", "Least connections", "Least latency",
            "Power of two choices");
    static final List<String> LOAD_BLIND = List.of("Round robin", "Random", "IP hash", "Consistent hash");

    static java.util.DoubleSummaryStatistics p99Range(List<String> algorithms) {
        return algorithms.stream().mapToDouble(a -> find(slowBackend(), a).p99Ms()).summaryStatistics();
    }

    public static Map<String, Object> charts() {
        List<String> names = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        for (Outcome o : slowBackend()) {
            names.add(o.algorithm());
            p99.add(round1(o.p99Ms()));
            p50.add(round1(o.p50Ms()));
        }
        Map<String, Object> latency = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 160, "right", 40, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "response time, ms (log scale)", "nameLocation", "middle",
                        "nameGap", 28, "min", 1),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", List.of(
                        Map.of("type", "bar", "name", "p50", "data", p50),
                        Map.of("type", "bar", "name", "p99", "data", p99)));

        List<Map<String, Object>> queues = new ArrayList<>();
        for (String name : List.of("Round robin", "Consistent hash", "Power of two choices", "Least connections")) {
            Outcome o = find(slowBackend(), name);
            List<List<Double>> points = new ArrayList<>();
            for (int i = 0; i < o.slowQueue().size(); i++) {
                points.add(List.of(i * SAMPLE_MS / 1000.0, o.slowQueue().get(i)));
            }
            queues.add(Map.of("type", "line", "name", name, "showSymbol", false, "data", points));
        }
        Map<String, Object> slowQueue = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "seconds", "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "requests in flight on the slow backend"),
                "series", queues);
        return Map.of("latency-by-algorithm", latency, "slow-backend-queue", slowQueue);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
