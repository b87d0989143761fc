package caching;

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.Map;

/** The path of a read through the cache layers; the app reads Redis, then the database on a miss, then fills Redis. */
public class RequestFlow {

    public static Map<String, Object> charts() {
        return Map.of("request-flow", new Diagram()
                .node("browser", "Browser cache", 0, Kind.CLIENT)
                .node("cdn", "CDN edge", 1, Kind.EDGE)
                .node("proxy", "Reverse proxy", 2, Kind.SERVICE)
                .node("app", "App server", 3, Kind.SERVICE)
                .node("redis", "Redis", 4, Kind.CACHE)
                .node("db", "Database", 4, Kind.STORE)
                .edge("browser", "cdn", "miss")
                .edge("cdn", "proxy", "miss")
                .edge("proxy", "app", "miss")
                .edge("app", "redis", "get, fill")
                .edge("app", "db", "on miss")
                .option());
    }
}
