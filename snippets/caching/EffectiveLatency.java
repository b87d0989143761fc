package caching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hit-rate formula: effective latency = hit rate × hit time + miss rate × miss time. Main evaluates it
 * for a Redis-fronted database and shows what a point of hit rate is worth, in milliseconds and in
 * database load. The page's calculator reads the same inputs from facts().
 */
public class EffectiveLatency {

    static final double HIT_RATE = 0.90;
    static final double HIT_MS = 1;     // a Redis round trip in the same region
    static final double MISS_MS = 50;   // the cache lookup, the database query and the fill

    // tag::formula[]
    static double effectiveMs(double hitRate, double hitMs, double missMs) {
        return hitRate * hitMs + (1 - hitRate) * missMs;
    }

    public static void main(String[] args) {
        for (double hitRate : new double[] {0.50, 0.59, 0.90, 0.99, 0.999}) {
            double ms = effectiveMs(hitRate, HIT_MS, MISS_MS);
            System.out.printf("hit rate %5.1f%%: %6.2f ms, database gets %5.1f%% of reads%n",
                    100 * hitRate, ms, 100 * (1 - hitRate));
        }
        double perPoint = effectiveMs(0.90, HIT_MS, MISS_MS)
                - effectiveMs(0.91, HIT_MS, MISS_MS);
        System.out.printf("Every point of hit rate is worth %.2f ms, anywhere.%n", perPoint);
        System.out.printf("90%% -> 99%%: %.1fx faster; 50%% -> 59%%: %.2fx faster.%n",
                speedup(0.90, 0.99), speedup(0.50, 0.59));
    }
    // end::formula[]

    static double speedup(double from, double to) {
        return effectiveMs(from, HIT_MS, MISS_MS) / effectiveMs(to, HIT_MS, MISS_MS);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hit-rate", HIT_RATE);
        f.put("hit-ms", HIT_MS);
        f.put("miss-ms", MISS_MS);
        f.put("effective-ms", effectiveMs(HIT_RATE, HIT_MS, MISS_MS));
        f.put("hit-rate-high", 0.99);
        f.put("effective-ms-high", effectiveMs(0.99, HIT_MS, MISS_MS));
        f.put("effective-ms-50", effectiveMs(0.50, HIT_MS, MISS_MS));
        f.put("ms-per-point", (MISS_MS - HIT_MS) / 100);
        f.put("speedup-90-to-99", speedup(0.90, 0.99));
        f.put("speedup-50-to-59", speedup(0.50, 0.59));
        f.put("db-load-cut-90-to-99", (1 - 0.90) / (1 - 0.99));
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> curve = new ArrayList<>();
        for (int permille = 0; permille <= 1000; permille += 5) {
            double h = permille / 1000.0;
            curve.add(List.of(h * 100, Math.round(effectiveMs(h, HIT_MS, MISS_MS) * 1000) / 1000.0));
        }
        List<List<Double>> marks = List.of(
                List.of(90.0, effectiveMs(0.90, HIT_MS, MISS_MS)),
                List.of(99.0, effectiveMs(0.99, HIT_MS, MISS_MS)));
        return Map.of("effective-latency", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "hit rate (%)", "nameLocation", "middle", "nameGap", 28,
                        "min", 0, "max", 100),
                "yAxis", Map.of("type", "log", "name", "effective latency, ms (log scale)", "min", 1, "max", 50),
                "series", List.of(
                        Map.of("type", "line", "name", "1 ms hit, 50 ms miss", "showSymbol", false, "data", curve),
                        Map.of("type", "scatter", "name", "90% and 99%", "symbolSize", 9, "data", marks))));
    }
}
