package databases;

// run: timeout=20s

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consistent hashing with virtual nodes. Each shard is hashed onto a ring at many points; a key belongs
 * to the first point clockwise from its own hash. Adding a shard only takes over the arcs in front of
 * its new points, so only the keys on those arcs move, and they all move to the new shard.
 */
public class ShardRing {

    // tag::ring[]
    private final TreeMap<Long, String> ring = new TreeMap<>();
    private final int vnodesPerShard;

    ShardRing(int vnodesPerShard, String... shards) {
        this.vnodesPerShard = vnodesPerShard;
        for (String shard : shards) {
            addShard(shard);
        }
    }

    void addShard(String shard) {
        for (int v = 0; v < vnodesPerShard; v++) {
            ring.put(hash(shard + "#vnode-" + v), shard);
        }
    }

    String shardFor(String key) {
        return shardForHash(hash(key));
    }

    String shardForHash(long keyHash) {
        Map.Entry<Long, String> next = ring.ceilingEntry(keyHash);
        return next != null ? next.getValue()
                : ring.firstEntry().getValue(); // past the last point: wrap around
    }
    // end::ring[]

    /** The first 8 bytes of the key's MD5, as a position on a ring of 2^64 points. */
    static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (digest[i] & 0xff);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] shardNames(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "shard-" + i;
        }
        return names;
    }

    /** Where every key lives now, then where it lives after one more shard joins. */
    record Move(int keys, int moved, int movedToNewShard) {
        double movedFraction() {
            return (double) moved / keys;
        }
    }

    // tag::measure[]
    static Move addOneShardToRing(int shardsBefore, int vnodes, long[] keyHashes) {
        ShardRing ring = new ShardRing(vnodes, shardNames(shardsBefore));
        String[] before = new String[keyHashes.length];
        for (int i = 0; i < keyHashes.length; i++) {
            before[i] = ring.shardForHash(keyHashes[i]);
        }
        String newShard = "shard-" + shardsBefore;
        ring.addShard(newShard);
        int moved = 0, toNew = 0;
        for (int i = 0; i < keyHashes.length; i++) {
            String after = ring.shardForHash(keyHashes[i]);
            if (!after.equals(before[i])) {
                moved++;
                toNew += after.equals(newShard) ? 1 : 0;
            }
        }
        return new Move(keyHashes.length, moved, toNew);
    }

    /** The same change with hash(key) mod N: a key stays only if both moduli agree. */
    static Move addOneShardModN(int shardsBefore, long[] keyHashes) {
        int moved = 0, toNew = 0;
        for (long h : keyHashes) {
            int before = (int) Long.remainderUnsigned(h, shardsBefore);
            int after = (int) Long.remainderUnsigned(h, shardsBefore + 1);
            if (before != after) {
                moved++;
                toNew += after == shardsBefore ? 1 : 0;
            }
        }
        return new Move(keyHashes.length, moved, toNew);
    }
    // end::measure[]

    static final int KEYS = 100_000;
    static final int SHARDS = 4;
    static final int VNODES = 256;

    static long[] keyHashes(int count) {
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = hash("user:" + i);
        }
        return hashes;
    }

    /** Keys per shard divided by the average: 1.0 everywhere would be a perfect spread. */
    static double busiestOverAverage(int shards, int vnodes, long[] keyHashes) {
        ShardRing ring = new ShardRing(vnodes, shardNames(shards));
        Map<String, Integer> load = new HashMap<>();
        for (long h : keyHashes) {
            load.merge(ring.shardForHash(h), 1, Integer::sum);
        }
        int busiest = load.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return busiest / ((double) keyHashes.length / shards);
    }

    public static void main(String[] args) {
        long[] keys = keyHashes(KEYS);
        Move ring = addOneShardToRing(SHARDS, VNODES, keys);
        Move modN = addOneShardModN(SHARDS, keys);
        System.out.printf("%,d keys, %d shards -> %d shards%n", KEYS, SHARDS, SHARDS + 1);
        System.out.printf("ring, %d vnodes each: %,6d keys moved (%.1f%%), %,d of them to the new shard%n",
                VNODES, ring.moved(), 100 * ring.movedFraction(), ring.movedToNewShard());
        System.out.printf("hash mod N:          %,6d keys moved (%.1f%%), %,d of them to the new shard%n",
                modN.moved(), 100 * modN.movedFraction(), modN.movedToNewShard());
        System.out.printf("1/N = %.1f%%, 1/(N+1) = %.1f%%%n", 100.0 / SHARDS, 100.0 / (SHARDS + 1));
        for (int vnodes : new int[] {1, 16, 256}) {
            System.out.printf("%3d vnodes per shard: busiest of %d shards holds %.2fx the average%n",
                    vnodes, SHARDS, busiestOverAverage(SHARDS, vnodes, keys));
        }
    }

    public static Map<String, Object> facts() {
        long[] keys = keyHashes(KEYS);
        Move ring = addOneShardToRing(SHARDS, VNODES, keys);
        Move modN = addOneShardModN(SHARDS, keys);
        Map<String, Object> facts = new HashMap<>();
        facts.put("keys", KEYS);
        facts.put("shards", SHARDS);
        facts.put("shards-after", SHARDS + 1);
        facts.put("vnodes", VNODES);
        facts.put("ring-moved", ring.moved());
        facts.put("ring-moved-fraction", ring.movedFraction());
        facts.put("ring-moved-to-new-fraction", (double) ring.movedToNewShard() / ring.moved());
        facts.put("mod-n-moved", modN.moved());
        facts.put("mod-n-moved-fraction", modN.movedFraction());
        facts.put("one-over-n", 1.0 / SHARDS);
        facts.put("one-over-n-plus-one", 1.0 / (SHARDS + 1));
        facts.put("busiest-1-vnode", busiestOverAverage(SHARDS, 1, keys));
        facts.put("busiest-16-vnodes", busiestOverAverage(SHARDS, 16, keys));
        facts.put("busiest-256-vnodes", busiestOverAverage(SHARDS, VNODES, keys));
        return facts;
    }
}
