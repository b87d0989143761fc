package search;

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.Map;

/** The module's architecture and flow diagrams, laid out by the shared Diagram helper. */
public class SearchDiagrams {

    /** A query's path through an inverted index, left to right. */
    static Map<String, Object> indexLookup() {
        return new Diagram()
                .node("query", "Query \"error budget\"", 0, Kind.CLIENT)
                .node("analyze", "Analyzer", 1, Kind.SERVICE)
                .node("error", "Dictionary: error", 2, Kind.STORE)
                .node("budget", "Dictionary: budget", 2, Kind.STORE)
                .node("plError", "Postings of error", 3, Kind.STORE)
                .node("plBudget", "Postings of budget", 3, Kind.STORE)
                .node("intersect", "Intersect, rarest first", 4, Kind.SERVICE)
                .node("score", "BM25, top-k heap", 5, Kind.SERVICE)
                .edge("query", "analyze")
                .edge("analyze", "error")
                .edge("analyze", "budget")
                .edge("error", "plError")
                .edge("budget", "plBudget")
                .edge("plError", "intersect")
                .edge("plBudget", "intersect")
                .edge("intersect", "score")
                .option();
    }

    /** Two-stage ranking: cheap recall over everything, expensive precision over few. */
    static Map<String, Object> rankingStages() {
        return new Diagram()
                .node("query", "Query", 0, Kind.CLIENT)
                .node("shards", "Index shards", 1, Kind.STORE)
                .node("candidates", "~1,000 candidates", 2, Kind.SERVICE)
                .node("features", "Feature store", 2, Kind.CACHE)
                .node("rerank", "Re-ranker", 3, Kind.SERVICE)
                .node("rules", "Dedupe, diversity", 4, Kind.SERVICE)
                .node("results", "Top 10 shown", 5, Kind.CLIENT)
                .node("logs", "Click logs", 4, Kind.QUEUE)
                .node("training", "Training", 5, Kind.JOB)
                .edge("query", "shards")
                .edge("shards", "candidates", "BM25 / ANN")
                .edge("candidates", "rerank")
                .edge("features", "rerank")
                .edge("rerank", "rules")
                .edge("rules", "results")
                .asyncEdge("results", "logs", "")
                .asyncEdge("logs", "training", "")
                .asyncEdge("training", "rerank", "")
                .option();
    }

    /** A recommender: several candidate generators, one ranker, then policy. */
    static Map<String, Object> recommender() {
        return new Diagram()
                .node("user", "User opens feed", 0, Kind.CLIENT)
                .node("cf", "Collab. filtering", 1, Kind.SERVICE)
                .node("twoTower", "Two-tower ANN", 1, Kind.STORE)
                .node("content", "Content-based", 1, Kind.SERVICE)
                .node("popular", "Popular, trending", 1, Kind.CACHE)
                .node("merge", "Merge ~1,000", 2, Kind.SERVICE)
                .node("ranker", "Ranker", 3, Kind.SERVICE)
                .node("policy", "Diversity, explore", 4, Kind.SERVICE)
                .node("feed", "Feed", 5, Kind.CLIENT)
                .node("events", "Feedback events", 4, Kind.QUEUE)
                .node("train", "Daily training", 5, Kind.JOB)
                .edge("user", "cf")
                .edge("user", "twoTower")
                .edge("user", "content")
                .edge("user", "popular")
                .edge("cf", "merge")
                .edge("twoTower", "merge")
                .edge("content", "merge")
                .edge("popular", "merge")
                .edge("merge", "ranker")
                .edge("ranker", "policy")
                .edge("policy", "feed")
                .asyncEdge("feed", "events", "")
                .asyncEdge("events", "train", "")
                .option();
    }

    public static Map<String, Object> charts() {
        return Map.of("index-lookup", indexLookup(), "ranking-stages", rankingStages(), "recommender", recommender());
    }
}
