package qa;

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.Map;

/** The Q&A study's architecture and search-flow diagrams, laid out by the shared Diagram helper. */
public class QaDiagrams {

    /** Readers on the left, stores on the right; dashed arrows are asynchronous. */
    static Map<String, Object> design() {
        return new Diagram()
                .node("anon", "Anonymous reader", 0, Kind.CLIENT)
                .node("user", "Logged-in user", 0, Kind.CLIENT)
                .node("cdn", "CDN: page cache", 1, Kind.EDGE)
                .node("lb", "Load balancer", 2, Kind.SERVICE)
                .node("web", "Web servers", 3, Kind.SERVICE)
                .node("redis", "Redis: hot objects", 4, Kind.CACHE)
                .node("sql", "SQL primary", 4, Kind.STORE)
                .node("replica", "SQL replica", 4, Kind.STORE)
                .node("tags", "Tag engine", 4, Kind.SERVICE)
                .node("search", "Search cluster", 4, Kind.STORE)
                .node("flags", "Moderation queue", 4, Kind.QUEUE)
                .node("replay", "Nightly replay", 5, Kind.JOB)
                .node("feed", "Change feed", 5, Kind.QUEUE)
                .node("indexer", "Indexer", 5, Kind.JOB)
                .node("mods", "Moderators", 5, Kind.CLIENT)
                .edge("anon", "cdn")
                .edge("user", "cdn")
                .edge("cdn", "lb")
                .edge("lb", "web")
                .edge("web", "redis")
                .edge("web", "sql")
                .edge("web", "replica")
                .edge("web", "tags")
                .edge("web", "search")
                .edge("web", "flags")
                .asyncEdge("sql", "replica", "")
                .asyncEdge("sql", "replay", "")
                .asyncEdge("sql", "feed", "")
                .asyncEdge("feed", "tags", "")
                .asyncEdge("feed", "indexer", "")
                .asyncEdge("indexer", "search", "")
                .edge("flags", "mods")
                .option();
    }

    /** A full-text query through the inverted index, then the Q&A-specific re-scoring. */
    static Map<String, Object> searchLookup() {
        return new Diagram()
                .node("query", "Query", 0, Kind.CLIENT)
                .node("analyze", "Analyzer", 1, Kind.SERVICE)
                .node("hashmap", "hashmap: postings", 2, Kind.STORE)
                .node("remove", "remove: postings", 2, Kind.STORE)
                .node("cme", "concurrent…: postings", 2, Kind.STORE)
                .node("union", "Union, BM25 top k", 3, Kind.SERVICE)
                .node("prior", "× prior × decay", 4, Kind.SERVICE)
                .node("results", "Top 10", 5, Kind.CLIENT)
                .edge("query", "analyze")
                .edge("analyze", "hashmap", "dictionary")
                .edge("analyze", "remove")
                .edge("analyze", "cme")
                .edge("hashmap", "union")
                .edge("remove", "union")
                .edge("cme", "union")
                .edge("union", "prior")
                .edge("prior", "results")
                .option();
    }

    public static Map<String, Object> charts() {
        return Map.of("design", design(), "search-lookup", searchLookup());
    }
}
