package urlshortener;
// run: timeout=15s

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spreading short keys over key-value shards with a consistent-hash ring: virtual nodes even out the
 * load, and adding a shard moves only the keys it takes over.
 */
public class ShardRing {

    static final int KEYS = 100_000;
    static final int SHARDS = 4;
    static final int[] VIRTUAL_NODES = {1, 8, 64, 256};

    // tag::ring[]
    static final class Ring {
        private final TreeMap<Long, String> tokens = new TreeMap<>();

        Ring(int shards, int virtualNodes) {
            for (int s = 0; s < shards; s++) {
                addShard("shard-" + s, virtualNodes);
            }
        }

        void addShard(String shard, int virtualNodes) {
            for (int v = 0; v < virtualNodes; v++) {
                tokens.put(hash(shard + "#" + v), shard);
            }
        }

        /** The first token clockwise from the key's position owns the key. */
        String shardFor(String key) {
            Map.Entry<Long, String> owner = tokens.ceilingEntry(hash(key));
            return owner != null ? owner.getValue() : tokens.firstEntry().getValue();
        }
    }

    /** 64-bit FNV-1a, then a final mix so that similar keys land far apart. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
    // end::ring[]

    static String key(int i) {
        return "k" + Integer.toString(i, 36);
    }

    /** Largest shard's share over the mean share: 1.0 is a perfect spread. */
    static double maxOverMean(Ring ring) {
        Map<String, Integer> load = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            load.merge(ring.shardFor(key(i)), 1, Integer::sum);
        }
        int max = load.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return max / ((double) KEYS / SHARDS);
    }

    // tag::ring[]

    static double movedByRing(int virtualNodes) {
        Ring before = new Ring(SHARDS, virtualNodes);
        Ring after = new Ring(SHARDS, virtualNodes);
        after.addShard("shard-" + SHARDS, virtualNodes);
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            if (!before.shardFor(key(i)).equals(after.shardFor(key(i)))) {
                moved++;
            }
        }
        return (double) moved / KEYS;
    }

    static double movedByModulo() {
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            long h = hash(key(i));
            if (Math.floorMod(h, SHARDS) != Math.floorMod(h, SHARDS + 1)) {
                moved++;
            }
        }
        return (double) moved / KEYS;
    }
    // end::ring[]

    private static final Map<Integer, Double> MAX_OVER_MEAN = new HashMap<>();
    private static Double movedByRing, movedByModulo;

    /** Each measurement runs once per class load; main and facts() read the same results. */
    static synchronized double balance(int virtualNodes) {
        return MAX_OVER_MEAN.computeIfAbsent(virtualNodes, v -> maxOverMean(new Ring(SHARDS, v)));
    }

    static synchronized double moved(boolean ring) {
        if (movedByRing == null) {
            movedByRing = movedByRing(LARGEST_VIRTUAL_NODES);
            movedByModulo = movedByModulo();
        }
        return ring ? movedByRing : movedByModulo;
    }

    static final int LARGEST_VIRTUAL_NODES = 256;

    public static void main(String[] args) {
        System.out.printf("%,d keys on %d shards%n", KEYS, SHARDS);
        for (int v : VIRTUAL_NODES) {
            System.out.printf("  %3d virtual nodes per shard: largest shard holds %.2fx the mean%n", v, balance(v));
        }
        System.out.printf("Adding a shard: the ring (%d virtual nodes) moves %.1f%% of keys, hash mod N moves %.1f%%%n",
                LARGEST_VIRTUAL_NODES, 100 * moved(true), 100 * moved(false));
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "shards", SHARDS,
                "max-over-mean-1", balance(1),
                "max-over-mean-256", balance(LARGEST_VIRTUAL_NODES),
                "moved-ring", moved(true),
                "moved-modulo", moved(false),
                "ideal-moved", 1.0 / (SHARDS + 1));
    }

    /** The ring drawn as a circle: each shard's tokens as points, and a few keys with the token that owns them. */
    public static Map<String, Object> charts() {
        int virtualNodes = 3;
        Ring ring = new Ring(SHARDS, virtualNodes);
        List<Map<String, Object>> series = new ArrayList<>();
        List<List<Double>> circle = new ArrayList<>();
        for (int d = 0; d <= 360; d += 3) {
            circle.add(List.of(round(Math.sin(Math.toRadians(d))), round(Math.cos(Math.toRadians(d)))));
        }
        series.add(Map.of("type", "line", "name", "hash ring", "data", circle, "showSymbol", false, "silent", true));
        Map<String, List<List<Double>>> tokensByShard = new LinkedHashMap<>();
        ring.tokens.forEach((token, shard) -> tokensByShard.computeIfAbsent(shard, s -> new ArrayList<>()).add(point(token, 1)));
        tokensByShard.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> series.add(Map.of(
                "type", "scatter", "name", e.getKey() + " tokens", "symbolSize", 14, "data", e.getValue())));
        List<Map<String, Object>> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String k = key(i);
            List<Double> p = point(hash(k), 0.85);
            String side = p.get(0) > 0 ? "left" : "right";   // labels point into the circle
            keys.add(Map.of("value", p, "name", k + " → " + ring.shardFor(k), "label", Map.of("position", side)));
        }
        series.add(Map.of("type", "scatter", "name", "keys (owned by the next token clockwise)", "symbol", "diamond",
                "symbolSize", 8, "data", keys, "label", Map.of("show", true, "formatter", "{b}", "position", "right",
                        "fontSize", 10)));
        return Map.of("ring", Map.of(
                "tooltip", Map.of("trigger", "item", "formatter", "{b}"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", "center", "top", 70, "width", 380, "height", 380),
                "xAxis", Map.of("type", "value", "min", -1.2, "max", 1.2, "show", false),
                "yAxis", Map.of("type", "value", "min", -1.2, "max", 1.2, "show", false),
                "series", series));
    }

    /** A hash as an angle, clockwise from the top of the circle. */
    private static List<Double> point(long hash, double radius) {
        double turn = (hash - (double) Long.MIN_VALUE) / Math.pow(2, 64);
        double angle = 2 * Math.PI * turn;
        return List.of(round(radius * Math.sin(angle)), round(radius * Math.cos(angle)));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
