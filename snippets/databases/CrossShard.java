package databases;

// run: timeout=20s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * "Shards scale reads and writes linearly" holds for queries that carry the shard key and for traffic
 * spread evenly over keys. This program measures what happens when either is false: queries that must
 * visit every shard, one key hotter than the rest, and the tail latency of a fan-out.
 */
public class CrossShard {

    static final double QPS_PER_SHARD = 5_000;     // rule of thumb: one relational primary, simple queries
    static final int[] SHARD_COUNTS = {1, 2, 4, 8, 16, 32, 64};
    static final int KEYS = 100_000;
    static final double ZIPF_EXPONENT = 1.0;        // a few keys (celebrities, big tenants) take most traffic
    static final double SHARD_MEDIAN_MS = 5, SHARD_P99_MS = 25; // one shard's latency, log-normally spread
    static final long SEED = 7;

    // tag::capacity[]
    /** A keyed query costs one shard one unit of work; a scatter-gather costs every shard one. */
    static double capacity(int shards, double scatterFraction) {
        double shardVisitsPerQuery = (1 - scatterFraction) + scatterFraction * shards;
        return shards * QPS_PER_SHARD / shardVisitsPerQuery;
    }

    /** With skewed keys the busiest shard saturates first, and caps the whole cluster. */
    static double capacityWithHotKeys(int shards, double[] keyShare) {
        double[] shardShare = new double[shards];
        for (int key = 0; key < keyShare.length; key++) {
            shardShare[Math.floorMod(mix(key), shards)] += keyShare[key];
        }
        return QPS_PER_SHARD / Arrays.stream(shardShare).max().orElseThrow();
    }

    /** A fan-out query waits for its slowest shard. */
    static double fanOutP99(int shards, Random random) {
        double sigma = Math.log(SHARD_P99_MS / SHARD_MEDIAN_MS) / 2.326; // z at the 99th
        double[] queries = new double[10_000];
        for (int q = 0; q < queries.length; q++) {
            double slowest = 0;
            for (int s = 0; s < shards; s++) {
                double shardMs = SHARD_MEDIAN_MS * Math.exp(sigma * random.nextGaussian());
                slowest = Math.max(slowest, shardMs);
            }
            queries[q] = slowest;
        }
        Arrays.sort(queries);
        return queries[(int) (0.99 * queries.length) - 1];
    }
    // end::capacity[]

    /** A 64-bit finaliser (from SplitMix64): a cheap, well-spread hash of a key number. */
    static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    /** Zipf popularity: key k (from 1) gets a share proportional to 1 / k^s. */
    static double[] zipfShares(int keys, double s) {
        double[] share = new double[keys];
        double total = 0;
        for (int k = 0; k < keys; k++) {
            share[k] = 1 / Math.pow(k + 1, s);
            total += share[k];
        }
        for (int k = 0; k < keys; k++) {
            share[k] /= total;
        }
        return share;
    }

    // tag::twopc[]
    /** Two-phase commit holds its locks for two round trips (prepare, commit) and two flushes. */
    static double twoPhaseLockHoldMs(double roundTripMs, double logFlushMs) {
        return 2 * roundTripMs + 2 * logFlushMs;
    }
    // end::twopc[]

    static final double IN_REGION_RTT_MS = 0.5, CROSS_REGION_RTT_MS = 70, LOG_FLUSH_MS = 1;

    record Row(int shards, double linear, double scatter1, double scatter10, double hotKeys, double fanOutP99) {
    }

    private static List<Row> cachedRows;

    static synchronized List<Row> rows() {
        if (cachedRows == null) {
            double[] zipf = zipfShares(KEYS, ZIPF_EXPONENT);
            Random random = new Random(SEED);
            cachedRows = new ArrayList<>();
            for (int n : SHARD_COUNTS) {
                cachedRows.add(new Row(n, capacity(n, 0), capacity(n, 0.01), capacity(n, 0.10),
                        capacityWithHotKeys(n, zipf), fanOutP99(n, random)));
            }
        }
        return cachedRows;
    }

    public static void main(String[] args) {
        System.out.printf("Cluster capacity (QPS) at %,.0f QPS per shard, and the p99 of a query sent to every shard%n",
                QPS_PER_SHARD);
        System.out.printf("%6s %10s %14s %15s %13s %14s%n", "shards", "all keyed", "1% scatter", "10% scatter",
                "Zipf keys", "fan-out p99");
        for (Row r : rows()) {
            System.out.printf("%6d %,10.0f %,14.0f %,15.0f %,13.0f %11.1f ms%n", r.shards(), r.linear(), r.scatter1(),
                    r.scatter10(), r.hotKeys(), r.fanOutP99());
        }
        System.out.printf("2PC holds locks for %.0f ms in one region, %.0f ms across regions%n",
                twoPhaseLockHoldMs(IN_REGION_RTT_MS, LOG_FLUSH_MS), twoPhaseLockHoldMs(CROSS_REGION_RTT_MS, LOG_FLUSH_MS));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("qps-per-shard", QPS_PER_SHARD);
        facts.put("keys-zipf", KEYS);
        facts.put("scatter-share-10", 0.10);
        facts.put("zipf-exponent", ZIPF_EXPONENT);
        facts.put("top-key-share", zipfShares(KEYS, ZIPF_EXPONENT)[0]);
        facts.put("shard-median-ms", SHARD_MEDIAN_MS);
        facts.put("shard-p99-ms", SHARD_P99_MS);
        for (Row r : rows()) {
            if (r.shards() == 16 || r.shards() == 64) {
                String n = "-" + r.shards();
                facts.put("linear" + n, r.linear());
                facts.put("scatter1" + n, r.scatter1());
                facts.put("scatter10" + n, r.scatter10());
                facts.put("hot-keys" + n, r.hotKeys());
                facts.put("fan-out-p99" + n, r.fanOutP99());
                facts.put("any-shard-past-p99" + n, 1 - Math.pow(0.99, r.shards()));
            }
        }
        facts.put("scatter10-ceiling", QPS_PER_SHARD / 0.10);
        facts.put("in-region-rtt-ms", IN_REGION_RTT_MS);
        facts.put("cross-region-rtt-ms", CROSS_REGION_RTT_MS);
        facts.put("log-flush-ms", LOG_FLUSH_MS);
        facts.put("twopc-in-region-ms", twoPhaseLockHoldMs(IN_REGION_RTT_MS, LOG_FLUSH_MS));
        facts.put("twopc-cross-region-ms", twoPhaseLockHoldMs(CROSS_REGION_RTT_MS, LOG_FLUSH_MS));
        facts.put("twopc-cross-region-hot-row-tps", 1_000 / twoPhaseLockHoldMs(CROSS_REGION_RTT_MS, LOG_FLUSH_MS));
        return facts;
    }

    public static Map<String, Object> charts() {
        String[] names = {"every query carries the shard key (linear)", "1% of queries scatter to every shard",
                "10% of queries scatter to every shard", "keys follow Zipf (s = 1): the hottest shard saturates"};
        List<Object> series = new ArrayList<>();
        for (int s = 0; s < names.length; s++) {
            List<List<Double>> points = new ArrayList<>();
            for (Row r : rows()) {
                double y = switch (s) {
                    case 0 -> r.linear();
                    case 1 -> r.scatter1();
                    case 2 -> r.scatter10();
                    default -> r.hotKeys();
                };
                points.add(List.of((double) r.shards(), (double) Math.round(y)));
            }
            series.add(Map.of("type", "line", "name", names[s], "data", points,
                    "lineStyle", Map.of("type", s == 0 ? "dashed" : "solid")));
        }
        return Map.of("scaling", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0, "orient", "vertical", "left", 90),
                "grid", Map.of("left", 80, "right", 20, "top", 110, "bottom", 50),
                "xAxis", Map.of("type", "log", "logBase", 2, "name", "shards (log scale)", "nameLocation", "middle",
                        "nameGap", 28, "min", 1, "max", 64),
                "yAxis", Map.of("type", "log", "name", "cluster capacity, QPS (log scale)",
                        "nameLocation", "middle", "nameGap", 62),
                "series", series));
    }
}
