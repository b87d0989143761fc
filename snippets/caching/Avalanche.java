package caching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cache avalanche arithmetic. The database serves the misses, so its load is proportional to the miss rate,
 * not the hit rate: a fall from 99% to 60% hits is a rise from 1% to 40% misses, forty times the database
 * load. Main works through the common failures of a ten-node cache cluster.
 */
public class Avalanche {

    static final double READS_PER_S = 100_000;
    static final double NORMAL_HIT_RATE = 0.99;
    static final int CACHE_NODES = 10;

    // tag::avalanche[]
    static double databaseLoad(double hitRate) {
        return READS_PER_S * (1 - hitRate);
    }

    /** How many times its normal load the database takes after the hit rate changes. */
    static double multiplier(double hitRateAfter) {
        return (1 - hitRateAfter) / (1 - NORMAL_HIT_RATE);
    }

    /** Losing nodes empties their share of the keys; hits on the survivors are unchanged. */
    static double hitRateAfterLosing(int lostNodes) {
        return NORMAL_HIT_RATE * (CACHE_NODES - lostNodes) / CACHE_NODES;
    }

    public static void main(String[] args) {
        System.out.printf("Normal: %,.0f reads/s at %.0f%% hits -> database %,.0f reads/s%n",
                READS_PER_S, 100 * NORMAL_HIT_RATE, databaseLoad(NORMAL_HIT_RATE));
        report("hit rate falls to 60%", 0.60);
        report("1 of 10 cache nodes lost", hitRateAfterLosing(1));
        report("4 of 10 cache nodes lost", hitRateAfterLosing(4));
        report("cache restarted empty", 0.0);
        report("planning case: 50% misses", 0.50);
    }

    static void report(String event, double hitRate) {
        System.out.printf("  %-26s hits %5.1f%% -> database %,7.0f reads/s = %5.1fx normal%n",
                event + ":", 100 * hitRate, databaseLoad(hitRate), multiplier(hitRate));
    }
    // end::avalanche[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("reads-per-s", READS_PER_S);
        f.put("normal-hit-rate", NORMAL_HIT_RATE);
        f.put("normal-db-load", databaseLoad(NORMAL_HIT_RATE));
        f.put("cache-nodes", CACHE_NODES);
        f.put("normal-miss-rate", 1 - NORMAL_HIT_RATE);
        f.put("drop-hit-rate", 0.60);
        f.put("drop-miss-rate", 1 - 0.60);
        f.put("miss-rate-one-node-lost", 1 - hitRateAfterLosing(1));
        f.put("multiplier-60", multiplier(0.60));
        f.put("db-load-60", databaseLoad(0.60));
        f.put("hit-rate-one-node-lost", hitRateAfterLosing(1));
        f.put("multiplier-one-node-lost", multiplier(hitRateAfterLosing(1)));
        f.put("multiplier-cold", multiplier(0.0));
        f.put("multiplier-50", multiplier(0.50));
        f.put("db-load-50", databaseLoad(0.50));
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> curve = new ArrayList<>();
        for (int permille = 10; permille <= 1000; permille += 5) {
            double miss = permille / 1000.0;
            curve.add(List.of(miss * 100, Math.round(multiplier(1 - miss) * 100) / 100.0));
        }
        List<List<Double>> events = new ArrayList<>();
        for (double hitRate : new double[] {hitRateAfterLosing(1), 0.60, 0.50, 0.0}) {
            events.add(List.of(Math.round((1 - hitRate) * 1000) / 10.0, Math.round(multiplier(hitRate) * 10) / 10.0));
        }
        return Map.of("avalanche", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "miss rate after the failure (%)", "nameLocation", "middle",
                        "nameGap", 28, "min", 0, "max", 100),
                "yAxis", Map.of("type", "log", "name", "database load, × normal (log scale)", "min", 1, "max", 100),
                "series", List.of(
                        Map.of("type", "line", "name", "normal miss rate 1%", "showSymbol", false, "data", curve),
                        Map.of("type", "scatter", "name", "one node lost; 60% hits; 50%; empty", "symbolSize", 9,
                                "data", events))));
    }
}
