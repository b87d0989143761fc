package feed;
// run: timeout=15s

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.List;
import java.util.Map;

/** The feed's architecture, its write-to-read pipeline, and push, pull and hybrid side by side. */
public class FeedDiagrams {

    public static Map<String, Object> charts() {
        return Map.of("design", design(), "pipeline", pipeline(), "strategies", strategies());
    }

    static Map<String, Object> design() {
        return new Diagram()
                .node("client", "Client", 0, Kind.CLIENT)
                .node("lb", "Load balancer", 1, Kind.EDGE)
                .node("posts", "Post service", 2, Kind.SERVICE)
                .node("timeline", "Timeline service", 2, Kind.SERVICE)
                .node("queue", "Fan-out queue", 3, Kind.QUEUE)
                .node("store", "Post store", 3, Kind.STORE)
                .node("workers", "Fan-out workers", 4, Kind.JOB)
                .node("inboxes", "Home timelines", 4, Kind.CACHE)
                .node("celebs", "Celebrity cache", 4, Kind.CACHE)
                .node("graph", "Social graph", 5, Kind.STORE)
                .edge("client", "lb")
                .edge("lb", "posts", "post")
                .edge("lb", "timeline", "read")
                .asyncEdge("posts", "queue", "post id")
                .edge("posts", "store", "append")
                .asyncEdge("queue", "workers", "")
                .edge("workers", "graph", "followers")
                .edge("workers", "inboxes", "push")
                .edge("timeline", "inboxes", "inbox")
                .edge("timeline", "celebs", "pull")
                .asyncEdge("store", "celebs", "recent posts")
                .option();
    }

    static Map<String, Object> pipeline() {
        return new Diagram()
                .node("post", "New post", 0, Kind.CLIENT)
                .node("own", "Author's timeline", 1, Kind.STORE)
                .node("queue", "Fan-out queue", 1, Kind.QUEUE)
                .node("worker", "Below threshold?", 2, Kind.JOB)
                .node("inbox", "Follower inboxes", 3, Kind.CACHE)
                .node("celebs", "Celebrity cache", 3, Kind.CACHE)
                .node("merge", "Merge, dedup, hydrate", 4, Kind.SERVICE)
                .node("reader", "Reader", 5, Kind.CLIENT)
                .edge("post", "own", "write")
                .asyncEdge("own", "queue", "")
                .asyncEdge("queue", "worker", "")
                .edge("worker", "inbox", "yes: push")
                .asyncEdge("own", "celebs", "no: pulled")
                .edge("inbox", "merge", "1 read")
                .edge("celebs", "merge", "k reads")
                .edge("merge", "reader")
                .option();
    }

    static Map<String, Object> strategies() {
        FanoutSimulation.Outcome push = FanoutSimulation.run(Double.POSITIVE_INFINITY);
        FanoutSimulation.Outcome hybrid = FanoutSimulation.run(FanoutSimulation.DEFAULT_THRESHOLD);
        FanoutSimulation.Outcome pull = FanoutSimulation.run(0);
        List<FanoutSimulation.Outcome> all = List.of(push, hybrid, pull);
        return Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 80, "right", 30, "top", 50, "bottom", 40),
                "xAxis", Map.of("type", "category", "data", List.of("push", "hybrid (10,000)", "pull")),
                "yAxis", Map.of("type", "log", "name", "count (log scale)"),
                "series", List.of(
                        Map.of("type", "bar", "name", "inbox inserts per second",
                                "data", all.stream().map(o -> orEmpty(o.insertsPerSecond())).toList()),
                        Map.of("type", "bar", "name", "inserts for the largest single post",
                                "data", all.stream().map(o -> orEmpty(o.largestFanout())).toList()),
                        Map.of("type", "bar", "name", "timeline reads per second",
                                "data", all.stream().map(o -> orEmpty(o.readsPerSecond())).toList())));
    }

    /** A whole number, or ECharts' "-" (no bar) for zero, which a log axis cannot show. */
    static Object orEmpty(double v) {
        return v < 1 ? "-" : (Object) (double) Math.round(v);
    }
}
