package databases;

// run: timeout=20s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Charts for the shard ring: keys moved when one shard joins, against the number of shards, and how
 * evenly the hash space is split, against the number of virtual nodes per shard.
 */
public class ShardRingCharts {

    static final int KEYS = 20_000;
    static final int MAX_SHARDS = 16;
    static final int SPREAD_SHARDS = 10;
    static final int RINGS_PER_POINT = 8;
    static final int[] VNODE_COUNTS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    /** Fraction of the ring each shard owns: the share of uniformly spread keys it will hold. */
    static double[] ownership(int shards, int vnodes, String ringName) {
        long[] points = new long[shards * vnodes];
        int[] owner = new int[points.length];
        Integer[] order = new Integer[points.length];
        for (int s = 0; s < shards; s++) {
            for (int v = 0; v < vnodes; v++) {
                int i = s * vnodes + v;
                points[i] = ShardRing.hash(ringName + "/shard-" + s + "#vnode-" + v);
                owner[i] = s;
                order[i] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(points[a], points[b]));
        double[] share = new double[shards];
        double twoTo64 = Math.pow(2, 64);
        for (int k = 0; k < order.length; k++) {
            long here = points[order[k]];
            long previous = points[order[(k - 1 + order.length) % order.length]];
            double arc = unsigned(here - previous); // the arc ending at this point belongs to its shard
            share[owner[order[k]]] += (order.length == 1 ? twoTo64 : arc) / twoTo64;
        }
        return share;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : v + Math.pow(2, 64);
    }

    /** Busiest and quietest shard relative to the average, averaged over several differently named rings. */
    static Map<String, double[]> spread() {
        double[] busiest = new double[VNODE_COUNTS.length], quietest = new double[VNODE_COUNTS.length],
                worst = new double[VNODE_COUNTS.length];
        for (int c = 0; c < VNODE_COUNTS.length; c++) {
            for (int r = 0; r < RINGS_PER_POINT; r++) {
                double[] share = ownership(SPREAD_SHARDS, VNODE_COUNTS[c], "ring-" + r);
                double max = Arrays.stream(share).max().orElseThrow() * SPREAD_SHARDS;
                double min = Arrays.stream(share).min().orElseThrow() * SPREAD_SHARDS;
                busiest[c] += max / RINGS_PER_POINT;
                quietest[c] += min / RINGS_PER_POINT;
                worst[c] = Math.max(worst[c], max);
            }
        }
        Map<String, double[]> result = new LinkedHashMap<>();
        result.put("busiest", busiest);
        result.put("worst", worst);
        result.put("quietest", quietest);
        return result;
    }

    public static Map<String, Object> charts() {
        long[] keys = ShardRing.keyHashes(KEYS);
        List<List<Double>> ring = new ArrayList<>(), modN = new ArrayList<>(), fair = new ArrayList<>(),
                claim = new ArrayList<>();
        for (int n = 1; n <= MAX_SHARDS; n++) {
            ring.add(List.of((double) n, pct(ShardRing.addOneShardToRing(n, ShardRing.VNODES, keys).movedFraction())));
            modN.add(List.of((double) n, pct(ShardRing.addOneShardModN(n, keys).movedFraction())));
            fair.add(List.of((double) n, pct(1.0 / (n + 1))));
            claim.add(List.of((double) n, pct(1.0 / n)));
        }
        Map<String, Object> moved = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 20, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "shards before one more joins", "nameLocation", "middle",
                        "nameGap", 28, "min", 1, "max", MAX_SHARDS),
                "yAxis", Map.of("type", "value", "name", "keys moved (%)", "max", 100),
                "series", List.of(
                        line("hash mod N (measured)", modN, "solid"),
                        line("ring, 256 vnodes per shard (measured)", ring, "solid"),
                        line("1/(N+1): the new shard's fair share", fair, "dashed"),
                        line("1/N: the common claim", claim, "dotted")));

        Map<String, double[]> spread = spread();
        List<Object> series = new ArrayList<>();
        String rings = RINGS_PER_POINT + " rings)";
        String[] labels = {"busiest shard ÷ average (mean of " + rings, "busiest shard ÷ average (worst of " + rings,
                "quietest shard ÷ average (mean of " + rings};
        int s = 0;
        for (double[] values : spread.values()) {
            List<List<Double>> points = new ArrayList<>();
            for (int c = 0; c < VNODE_COUNTS.length; c++) {
                points.add(List.of((double) VNODE_COUNTS[c], Math.round(values[c] * 1000) / 1000.0));
            }
            series.add(line(labels[s], points, s == 1 ? "dashed" : "solid"));
            s++;
        }
        Map<String, Object> vnodes = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 20, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "log", "logBase", 2, "name", "virtual nodes per shard (log scale)",
                        "nameLocation", "middle", "nameGap", 28, "min", 1, "max", 512),
                "yAxis", Map.of("type", "value", "name", "share of keys ÷ average share", "min", 0),
                "series", series);
        return Map.of("keys-moved", moved, "vnode-spread", vnodes);
    }

    public static Map<String, Object> facts() {
        Map<String, double[]> spread = spread();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("spread-shards", SPREAD_SHARDS);
        facts.put("spread-rings", RINGS_PER_POINT);
        // the ends of the keys-moved chart, measured on the chart's keys
        long[] keys = ShardRing.keyHashes(KEYS);
        facts.put("chart-mod-n-moved-1", ShardRing.addOneShardModN(1, keys).movedFraction());
        facts.put("chart-mod-n-moved-" + MAX_SHARDS, ShardRing.addOneShardModN(MAX_SHARDS, keys).movedFraction());
        facts.put("chart-ring-moved-1", ShardRing.addOneShardToRing(1, ShardRing.VNODES, keys).movedFraction());
        facts.put("chart-ring-moved-" + MAX_SHARDS, ShardRing.addOneShardToRing(MAX_SHARDS, ShardRing.VNODES, keys).movedFraction());
        for (int c = 0; c < VNODE_COUNTS.length; c++) {
            int v = VNODE_COUNTS[c];
            if (v == 1 || v == 16 || v == 256) {
                facts.put("spread-busiest-" + v, spread.get("busiest")[c]);
                facts.put("spread-quietest-" + v, spread.get("quietest")[c]);
                facts.put("spread-worst-" + v, spread.get("worst")[c]);
            }
        }
        return facts;
    }

    private static double pct(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }

    private static Map<String, Object> line(String name, List<List<Double>> data, String dash) {
        return Map.of("type", "line", "name", name, "data", data, "lineStyle", Map.of("type", dash));
    }
}
