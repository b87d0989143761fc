package foundations;

import java.util.List;
import java.util.Map;

/**
 * Where "10,000 QPS per server" comes from, and why it falls to about 1,000 when requests wait on a
 * database. A server is limited twice: by CPU (cores over CPU time per request) and by concurrency
 * (Little's law: in-flight requests over time per request). The lower limit wins.
 */
public class PerServerCapacity {

    /** A request path: CPU it burns, time it waits on something else, and how many it can have in flight. */
    record Path(String name, double cpuMillis, double waitMillis, int maxInFlight) {
    }

    static final int CORES = 8;
    static final double TARGET_UTILISATION = 0.6; // headroom for spikes, GC and deploys

    // tag::limits[]
    static double cpuBound(Path p) {
        return CORES * TARGET_UTILISATION * 1_000 / p.cpuMillis();
    }

    /** Little's law: throughput = concurrency / latency. */
    static double concurrencyBound(Path p) {
        return p.maxInFlight() * 1_000 / (p.cpuMillis() + p.waitMillis());
    }

    static double capacity(Path p) {
        return Math.min(cpuBound(p), concurrencyBound(p));
    }
    // end::limits[]

    static final List<Path> PATHS = List.of(
            new Path("lean cache read, async I/O", 0.1, 0.5, 1_000),
            new Path("typical JSON API on a cache", 0.5, 1.0, 200),
            new Path("waits 20 ms on a database", 0.5, 20, 200),
            new Path("waits 50 ms on a database", 0.5, 50, 50));

    public static void main(String[] args) {
        System.out.printf("%d cores at %.0f%% target utilisation%n", CORES, TARGET_UTILISATION * 100);
        System.out.printf("%-30s %10s %12s %10s%n", "request path", "CPU limit", "Little limit", "capacity");
        for (Path p : PATHS) {
            System.out.printf("%-30s %,10.0f %,12.0f %,10.0f%n", p.name(), cpuBound(p), concurrencyBound(p), capacity(p));
        }
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "lean-capacity", capacity(PATHS.get(0)),
                "json-capacity", capacity(PATHS.get(1)),
                "db20-capacity", capacity(PATHS.get(2)),
                "db50-capacity", capacity(PATHS.get(3)),
                "cores", CORES,
                "utilisation", TARGET_UTILISATION);
    }
}
