package caching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

// run: timeout=20s
/**
 * One celebrity post read a million times a second, on a cache cluster of ten shards that each serve about
 * 100,000 operations a second (a rule of thumb for one Redis primary). What each mitigation does to the
 * busiest shard, and how a Count-Min sketch spots the hot key in a sample of the traffic.
 */
public class HotKeys {

    static final double HOT_READS_PER_S = 1_000_000;
    static final double OTHER_READS_PER_S = 500_000;   // spread evenly over the other keys
    static final int SHARDS = 10;
    static final double SHARD_OPS_PER_S = 100_000;
    static final int APP_SERVERS = 50;
    static final double LOCAL_TTL_S = 1;

    // tag::split[]
    /** Shard of a key, by hash: the same rule the cluster uses for every key. */
    static int shardOf(String key) {
        return (int) Math.floorMod(hash(key), (long) SHARDS);
    }

    /** Busiest shard's load when the hot key is stored as several copies, read at random. */
    static double busiestShard(int copies) {
        double[] load = new double[SHARDS];
        for (int s = 0; s < SHARDS; s++) {
            load[s] = OTHER_READS_PER_S / SHARDS;
        }
        for (int c = 0; c < copies; c++) {
            String key = copies == 1 ? "post:42" : "post:42#" + c;
            load[shardOf(key)] += HOT_READS_PER_S / copies;
        }
        double max = 0;
        for (double l : load) {
            max = Math.max(max, l);
        }
        return max;
    }

    /** The best any split can do: one copy on every shard, each taking an equal share. */
    static double busiestShardOneCopyPerShard() {
        return OTHER_READS_PER_S / SHARDS + HOT_READS_PER_S / SHARDS;
    }

    /** With a local cache per app server, the cluster sees one refresh per server per TTL. */
    static double hotKeyReadsWithLocalCache() {
        return APP_SERVERS / LOCAL_TTL_S;
    }
    // end::split[]

    // tag::detect[]
    /** Count-Min sketch: rows of counters; a key's estimate is its smallest counter. */
    static final class CountMinSketch {
        private final long[][] counts;
        private final int width;

        CountMinSketch(int depth, int width) {
            this.counts = new long[depth][width];
            this.width = width;
        }

        void add(String key) {
            for (int row = 0; row < counts.length; row++) {
                counts[row][column(key, row)]++;
            }
        }

        /** Never below the true count; above it by what collided with the key in every row. */
        long estimate(String key) {
            long min = Long.MAX_VALUE;
            for (int row = 0; row < counts.length; row++) {
                min = Math.min(min, counts[row][column(key, row)]);
            }
            return min;
        }

        private int column(String key, int row) {
            return (int) Math.floorMod(hash(key + "/" + row), (long) width);
        }
    }
    // end::detect[]

    static final int SAMPLE = 200_000;
    static final int OTHER_KEYS = 100_000;

    /** A sample of the traffic: the hot key in proportion to its rate, the rest uniform over 100,000 keys. */
    static List<String> sample(long seed) {
        Random random = new Random(seed);
        double hotShare = HOT_READS_PER_S / (HOT_READS_PER_S + OTHER_READS_PER_S);
        List<String> keys = new ArrayList<>(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            keys.add(random.nextDouble() < hotShare ? "post:42" : "post:" + (1000 + random.nextInt(OTHER_KEYS)));
        }
        return keys;
    }

    record Detection(double hotEstimateShare, double hotTrueShare, double maxOtherEstimateShare) {
    }

    static Detection detect() {
        CountMinSketch sketch = new CountMinSketch(4, 2_000);
        List<String> keys = sample(4);
        keys.forEach(sketch::add);
        long trueHot = keys.stream().filter("post:42"::equals).count();
        long maxOther = 0;
        for (int k = 1000; k < 1000 + OTHER_KEYS; k++) {
            maxOther = Math.max(maxOther, sketch.estimate("post:" + k));
        }
        return new Detection((double) sketch.estimate("post:42") / SAMPLE, (double) trueHot / SAMPLE,
                (double) maxOther / SAMPLE);
    }

    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    public static void main(String[] args) {
        System.out.printf("%,.0f reads/s on post:42, %,.0f on other keys; %d shards of %,.0f ops/s%n",
                HOT_READS_PER_S, OTHER_READS_PER_S, SHARDS, SHARD_OPS_PER_S);
        print("one key", busiestShard(1));
        print("10 copies, placed by hash", busiestShard(10));
        print("10 copies, one per shard", busiestShardOneCopyPerShard());
        print("local 1 s cache on " + APP_SERVERS + " apps", OTHER_READS_PER_S / SHARDS + hotKeyReadsWithLocalCache());
        Detection d = detect();
        System.out.printf("Count-Min sketch, 4 x 2,000 counters, %,d sampled reads:%n", SAMPLE);
        System.out.printf("  post:42 estimated at %.1f%% of reads (true %.1f%%); no other key above %.2f%%%n",
                100 * d.hotEstimateShare(), 100 * d.hotTrueShare(), 100 * d.maxOtherEstimateShare());
    }

    static void print(String mitigation, double busiest) {
        System.out.printf("  %-28s busiest shard %,9.0f ops/s (%4.1fx capacity)%n", mitigation + ":", busiest,
                busiest / SHARD_OPS_PER_S);
    }

    public static Map<String, Object> facts() {
        Detection d = detect();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hot-reads-per-s", HOT_READS_PER_S);
        f.put("other-reads-per-s", OTHER_READS_PER_S);
        f.put("shards", SHARDS);
        f.put("shard-ops-per-s", SHARD_OPS_PER_S);
        f.put("busiest-one-key", busiestShard(1));
        f.put("overload-one-key", busiestShard(1) / SHARD_OPS_PER_S);
        f.put("busiest-10-copies", busiestShard(10));
        f.put("busiest-one-per-shard", busiestShardOneCopyPerShard());
        f.put("cluster-capacity", SHARDS * SHARD_OPS_PER_S);
        f.put("cluster-load", HOT_READS_PER_S + OTHER_READS_PER_S);
        f.put("replicas-for-hot-shard", Math.ceil(busiestShard(1) / SHARD_OPS_PER_S));
        f.put("app-servers", APP_SERVERS);
        f.put("local-ttl-s", LOCAL_TTL_S);
        f.put("local-cache-hot-reads", hotKeyReadsWithLocalCache());
        f.put("cms-hot-estimate", d.hotEstimateShare());
        f.put("cms-hot-true", d.hotTrueShare());
        f.put("cms-max-other", d.maxOtherEstimateShare());
        return f;
    }
}
