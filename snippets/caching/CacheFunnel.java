package caching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache hierarchy as a funnel: each layer answers a share of what reaches it and passes the rest on.
 * Hit rates and latencies are illustrative rules of thumb for a content-heavy web product, stated once
 * here; change one and every number below it changes.
 */
public class CacheFunnel {

    record Layer(String name, String where, String hitLatency, double hitRate, String ttl, String risk) {
    }

    static final double REQUESTS_PER_S = 100_000;

    static final List<Layer> LAYERS = List.of(
            new Layer("Browser cache", "The user's device", "0 (no request)", 0.40,
                    "Minutes to a year (Cache-Control)", "Cannot be purged: a bad asset lives until it expires"),
            new Layer("CDN / edge", "A POP near the user (SSD, memory)", "5–20 ms", 0.90,
                    "Minutes to days", "Purges take seconds to propagate"),
            new Layer("Reverse proxy", "In front of the app (Varnish, nginx)", "< 1 ms", 0.30,
                    "1–5 s for dynamic pages", "Micro-cached pages briefly stale"),
            new Layer("Application cache", "Redis or Memcached in the region", "0.5–1 ms", 0.90,
                    "Seconds to hours", "Invalidation bugs, stampedes, hot keys"),
            new Layer("Database buffer pool", "The database's own memory", "Query time, no disk", 0.99,
                    "Until evicted", "None for correctness; it is the database"));

    // tag::funnel[]
    /** Requests per second arriving at each layer: what the layers above did not answer. */
    static double[] arriving(double requestsPerSecond) {
        double[] arriving = new double[LAYERS.size() + 1];
        arriving[0] = requestsPerSecond;
        for (int i = 0; i < LAYERS.size(); i++) {
            arriving[i + 1] = arriving[i] * (1 - LAYERS.get(i).hitRate());
        }
        return arriving; // the last entry is what reaches the disk
    }

    public static void main(String[] args) {
        double[] arriving = arriving(REQUESTS_PER_S);
        for (int i = 0; i < LAYERS.size(); i++) {
            Layer layer = LAYERS.get(i);
            System.out.printf("%-21s %,8.0f/s arrive, %3.0f%% hit, %,7.0f/s passed on%n",
                    layer.name(), arriving[i], 100 * layer.hitRate(), arriving[i + 1]);
        }
        double disk = arriving[LAYERS.size()];
        System.out.printf("Disk reads: %,.0f/s, %.3f%% of what users asked for%n",
                disk, 100 * disk / REQUESTS_PER_S);
    }
    // end::funnel[]

    /** A CDN answering a share h of requests cuts origin traffic by a factor 1 / (1 - h). */
    static double originReduction(double cdnHitRate) {
        return 1 / (1 - cdnHitRate);
    }

    public static Map<String, Object> tables() {
        double[] arriving = arriving(REQUESTS_PER_S);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Layer", "Where it lives", "Hit latency (rule of thumb)", "Typical TTL", "Assumed hit rate",
                "Requests arriving per second", "Staleness risk"));
        for (int i = 0; i < LAYERS.size(); i++) {
            Layer l = LAYERS.get(i);
            rows.add(List.of(l.name(), l.where(), l.hitLatency(), l.ttl(), String.format("%.0f%%", 100 * l.hitRate()),
                    String.format("%,.0f", arriving[i]), l.risk()));
        }
        return Map.of("hierarchy", Map.of("rows", rows, "derived", List.of("Requests arriving per second")));
    }

    public static Map<String, Object> facts() {
        double[] arriving = arriving(REQUESTS_PER_S);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("funnel-requests", REQUESTS_PER_S);
        f.put("funnel-to-cdn", arriving[1]);
        f.put("funnel-to-proxy", arriving[2]);
        f.put("funnel-to-app", arriving[3]);
        f.put("funnel-to-database", arriving[4]);
        f.put("funnel-to-disk", arriving[5]);
        f.put("cdn-reduction-80", originReduction(0.80));
        f.put("cdn-reduction-99", originReduction(0.99));
        return f;
    }

    public static Map<String, Object> charts() {
        double[] arriving = arriving(REQUESTS_PER_S);
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            names.add(LAYERS.get(i).name());
            values.add((double) Math.round(arriving[i]));
        }
        names.add("Disk");
        values.add((double) Math.round(arriving[LAYERS.size()]));
        return Map.of("funnel", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 150, "right", 40, "top", 10, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "requests per second reaching the layer (log scale)",
                        "nameLocation", "middle", "nameGap", 28, "min", 1),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", List.of(Map.of("type", "bar", "name", "requests per second", "data", values))));
    }
}
