package urlshortener;

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The URL shortener's architecture diagram, and the server-side latency of its read and write paths
 * built from the latency rungs of Module 1.
 */
public class ShortenerDiagrams {

    // Latency rungs, milliseconds. Rules of thumb from Module 1's ladder, except where noted.
    static final double DC_ROUND_TRIP_MS = 0.5;       // one hop inside a datacenter
    static final double APP_CPU_MS = 0.5;             // CPU per request of a small JSON/HTTP service
    static final double SSD_READ_MS = 0.15;           // random 4 KB read
    static final double COMMIT_MS = 1.0;              // durable write with fsync on an SSD (rule of thumb)
    static final double CROSS_ZONE_ROUND_TRIP_MS = 1.0; // synchronous copy to a replica in another zone (rule of thumb)
    static final double USER_ROUND_TRIP_MS = 40;      // user to the nearest region on the same continent (assumption)

    record Step(String name, double hitMs, double missMs, double createMs) {
    }

    static List<Step> steps() {
        double refill = (DC_ROUND_TRIP_MS + COMMIT_MS) / ShortenerEstimate.RANGE_SIZE;
        return List.of(
                new Step("load balancer hop", DC_ROUND_TRIP_MS, DC_ROUND_TRIP_MS, DC_ROUND_TRIP_MS),
                new Step("service CPU", APP_CPU_MS, APP_CPU_MS, APP_CPU_MS),
                new Step("cache round trip", DC_ROUND_TRIP_MS, DC_ROUND_TRIP_MS, 0),
                new Step("database round trip + SSD read", 0, DC_ROUND_TRIP_MS + SSD_READ_MS, 0),
                new Step("insert: round trip + commit + zone replica", 0, 0,
                        DC_ROUND_TRIP_MS + COMMIT_MS + CROSS_ZONE_ROUND_TRIP_MS),
                new Step("counter refill, amortised over a range", 0, 0, refill));
    }

    static double total(java.util.function.ToDoubleFunction<Step> path) {
        return steps().stream().mapToDouble(path).sum();
    }

    static double expectedRedirectMs() {
        double hit = ShortenerEstimate.TARGET_HIT_RATE;
        return hit * total(Step::hitMs) + (1 - hit) * total(Step::missMs);
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "hit-path-ms", total(Step::hitMs),
                "miss-path-ms", total(Step::missMs),
                "create-path-ms", total(Step::createMs),
                "expected-redirect-ms", expectedRedirectMs(),
                "user-rtt-ms", USER_ROUND_TRIP_MS,
                "redirect-with-user-ms", USER_ROUND_TRIP_MS + total(Step::missMs));
    }

    public static Map<String, Object> charts() {
        return Map.of("design", design(), "path-latency", pathLatency());
    }

    static Map<String, Object> design() {
        return new Diagram()
                .node("client", "Browser / app", 0, Kind.CLIENT)
                .node("lb", "Load balancer", 1, Kind.EDGE)
                .node("redirect", "Redirect service", 2, Kind.SERVICE)
                .node("write", "Write API", 2, Kind.SERVICE)
                .node("cache", "Redis cache", 3, Kind.CACHE)
                .node("counter", "Counter row", 3, Kind.STORE)
                .node("clicks", "Click log", 3, Kind.QUEUE)
                .node("store", "URL store (sharded)", 4, Kind.STORE)
                .node("rollup", "Stream job", 4, Kind.JOB)
                .node("analytics", "Analytics store", 4, Kind.STORE)
                .edge("client", "lb")
                .edge("lb", "redirect", "GET")
                .edge("lb", "write", "POST")
                .edge("redirect", "cache", "get")
                .edge("redirect", "store", "miss")
                .edge("write", "counter", "per 1,000")
                .edge("write", "store", "insert")
                .asyncEdge("redirect", "clicks", "click")
                .asyncEdge("clicks", "rollup", "")
                .asyncEdge("rollup", "analytics", "rollups")
                .option();
    }

    static Map<String, Object> pathLatency() {
        List<String> paths = List.of("Redirect, cache hit", "Redirect, cache miss", "Create short URL");
        List<Map<String, Object>> series = new ArrayList<>();
        for (Step s : steps()) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("type", "bar");
            bar.put("stack", "path");
            bar.put("name", s.name());
            bar.put("data", List.of(s.hitMs(), s.missMs(), s.createMs()));
            series.add(bar);
        }
        return Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 150, "right", 30, "top", 70, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "server-side latency, ms", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "category", "data", paths, "inverse", true),
                "series", series);
    }
}
