package caching;

import java.util.LinkedHashMap;
import java.util.Map;

// run: timeout=20s
/**
 * One celebrity post read a million times a second, on a cache cluster of ten shards that each serve about
 * 100,000 operations a second (a rule of thumb for one Redis primary). What each mitigation does to the
 * busiest shard. (HotKeyDetection shows how to find such a key in the first place.)
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
    }

    static void print(String mitigation, double busiest) {
        System.out.printf("  %-28s busiest shard %,9.0f ops/s (%4.1fx capacity)%n", mitigation + ":", busiest,
                busiest / SHARD_OPS_PER_S);
    }

    public static Map<String, Object> facts() {
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
        return f;
    }
}
