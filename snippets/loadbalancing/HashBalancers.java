package loadbalancing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

// run: timeout=20s
/**
 * Hash-based balancing: IP hash (hash mod N) and a consistent-hash ring with virtual nodes. Main shows the
 * two things that decide between them: how many keys move when an eleventh backend joins ten, and how
 * evenly a ring spreads keys as the number of virtual nodes grows.
 */
public class HashBalancers {

    // tag::balancers[]
    /** hash(client IP) mod N: the same client lands on the same backend, until N changes. */
    static final class IpHash {
        private final int backends;

        IpHash(int backends) {
            this.backends = backends;
        }

        int pick(String clientIp) {
            return owner(hash(clientIp));
        }

        int owner(long hash) {
            return (int) Math.floorMod(hash, (long) backends);
        }
    }

    /**
     * A ring of hashes: each backend owns many points on it ("virtual nodes"), and a key goes
     * to the owner of the next point clockwise.
     */
    static final class ConsistentHash {
        private final long[] points;   // sorted positions on the ring
        private final int[] owners;    // owners[i] is the backend that owns points[i]

        ConsistentHash(int backends, int virtualNodes) {
            long[][] pairs = new long[backends * virtualNodes][];
            for (int b = 0; b < backends; b++) {
                for (int v = 0; v < virtualNodes; v++) {
                    long point = hash("backend-" + b + "#" + v);
                    pairs[b * virtualNodes + v] = new long[] {point, b};
                }
            }
            Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
            points = Arrays.stream(pairs).mapToLong(p -> p[0]).toArray();
            owners = Arrays.stream(pairs).mapToInt(p -> (int) p[1]).toArray();
        }

        int pick(String key) {
            return owner(hash(key));
        }

        int owner(long hash) {
            int i = Arrays.binarySearch(points, hash);
            int next = i >= 0 ? i : -i - 1;           // first point at or after the key
            return owners[next == points.length ? 0 : next]; // wrap around at the end
        }
    }

    /** FNV-1a over the characters, then a finalizer that spreads similar inputs apart. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
    // end::balancers[]

    static final int KEYS = 100_000;
    static final int BACKENDS = 10;
    static final int VIRTUAL_NODES = 150;

    // tag::remap[]
    /** Fraction of keys whose backend changes when the fleet grows from n to n + 1. */
    static double movedModN(long[] keyHashes, int n) {
        IpHash before = new IpHash(n);
        IpHash after = new IpHash(n + 1);
        long moved = Arrays.stream(keyHashes)
                .filter(k -> before.owner(k) != after.owner(k)).count();
        return moved / (double) keyHashes.length;
    }

    static double movedRing(long[] keyHashes, int n, int virtualNodes) {
        ConsistentHash before = new ConsistentHash(n, virtualNodes);
        ConsistentHash after = new ConsistentHash(n + 1, virtualNodes);
        long moved = Arrays.stream(keyHashes)
                .filter(k -> before.owner(k) != after.owner(k)).count();
        return moved / (double) keyHashes.length;
    }

    /** Keys on the busiest backend divided by the average: 1.00 is a perfect spread. */
    static double busiestOverMean(long[] keyHashes, int n, int virtualNodes) {
        ConsistentHash ring = new ConsistentHash(n, virtualNodes);
        int[] count = new int[n];
        for (long k : keyHashes) {
            count[ring.owner(k)]++;
        }
        return Arrays.stream(count).max().orElseThrow() / ((double) keyHashes.length / n);
    }
    // end::remap[]

    /** The hashes of the keys user:0, user:1, ..., computed once. */
    static long[] keys(int count) {
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = hash("user:" + i);
        }
        return hashes;
    }

    static final int[] VIRTUAL_NODE_COUNTS = {1, 10, 50, 150, 500, 1000};

    public static void main(String[] args) {
        long[] keys = keys(KEYS);
        System.out.printf("%,d keys, %d backends, then %d:%n", KEYS, BACKENDS, BACKENDS + 1);
        System.out.printf("  hash mod N: %4.1f%% of keys move (theory N/(N+1) = %.1f%%)%n",
                100 * movedModN(keys, BACKENDS), 100.0 * BACKENDS / (BACKENDS + 1));
        System.out.printf("  ring:       %4.1f%% of keys move (theory 1/(N+1) = %.1f%%)%n",
                100 * movedRing(keys, BACKENDS, VIRTUAL_NODES), 100.0 / (BACKENDS + 1));
        System.out.printf("%nBusiest backend's keys / mean, %d backends:%n", BACKENDS);
        for (int v : VIRTUAL_NODE_COUNTS) {
            System.out.printf("  %4d virtual nodes each: %.2f%n", v, busiestOverMean(keys, BACKENDS, v));
        }
    }

    public static Map<String, Object> facts() {
        long[] keys = keys(KEYS);
        long[] chartKeys = keys(CHART_KEYS);
        return Map.ofEntries(
                Map.entry("hash-keys", KEYS),
                Map.entry("hash-backends", BACKENDS),
                Map.entry("virtual-nodes", VIRTUAL_NODES),
                Map.entry("moved-mod-n", movedModN(keys, BACKENDS)),
                Map.entry("moved-ring", movedRing(keys, BACKENDS, VIRTUAL_NODES)),
                Map.entry("spread-1", busiestOverMean(keys, BACKENDS, 1)),
                Map.entry("spread-10", busiestOverMean(keys, BACKENDS, 10)),
                Map.entry("spread-150", busiestOverMean(keys, BACKENDS, VIRTUAL_NODES)),
                Map.entry("spread-1000", busiestOverMean(keys, BACKENDS, 1_000)),
                // the ends of the keys-moved chart, on the chart's own keys
                Map.entry("chart-moved-mod-n-2", movedModN(chartKeys, 2)),
                Map.entry("chart-moved-mod-n-40", movedModN(chartKeys, 40)),
                Map.entry("chart-moved-ring-2", movedRing(chartKeys, 2, VIRTUAL_NODES)),
                Map.entry("chart-moved-ring-40", movedRing(chartKeys, 40, VIRTUAL_NODES)));
    }

    static final int CHART_KEYS = 20_000;

    public static Map<String, Object> charts() {
        long[] keys = keys(CHART_KEYS);
        List<List<Double>> modN = new ArrayList<>();
        List<List<Double>> ring = new ArrayList<>();
        for (int n = 2; n <= 40; n++) {
            modN.add(List.of((double) n, percent(movedModN(keys, n))));
            ring.add(List.of((double) n, percent(movedRing(keys, n, VIRTUAL_NODES))));
        }
        Map<String, Object> moved = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "backends before one more joins", "nameLocation", "middle",
                        "nameGap", 28, "min", 2, "max", 40),
                "yAxis", Map.of("type", "value", "name", "% of keys that move", "max", 100),
                "series", List.of(
                        Map.of("type", "line", "name", "hash mod N", "showSymbol", false, "data", modN),
                        Map.of("type", "line", "name", "ring, " + VIRTUAL_NODES + " virtual nodes each", "showSymbol", false,
                                "data", ring)));

        long[] many = keys(KEYS);
        List<List<Double>> spread = new ArrayList<>();
        for (int v : new int[] {1, 2, 5, 10, 20, 50, 100, 150, 200, 500, 1000}) {
            spread.add(List.of((double) v, Math.round(busiestOverMean(many, BACKENDS, v) * 100) / 100.0));
        }
        Map<String, Object> vnodes = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 60, "right", 30, "top", 30, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "virtual nodes per backend (log scale)", "nameLocation", "middle",
                        "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "busiest ÷ mean keys", "min", 1),
                "series", List.of(Map.of("type", "line", "name", "busiest ÷ mean, " + BACKENDS + " backends", "data", spread)));
        return Map.of("moved-vs-backends", moved, "spread-vs-virtual-nodes", vnodes);
    }

    static double percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }
}
