package chat;

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat system's architecture (two regions, one session registry), and a message's delivery timeline
 * drawn as a sequence diagram: lifelines left to right, steps top to bottom, positions computed here.
 */
public class ChatDiagrams {

    public static Map<String, Object> charts() {
        return Map.of("design", design(), "delivery-timeline", deliveryTimeline());
    }

    static Map<String, Object> design() {
        return new Diagram()
                .node("alice", "Alice (region A)", 0, Kind.CLIENT)
                .node("bob", "Bob (region B)", 0, Kind.CLIENT)
                .node("gwA", "Gateways A", 1, Kind.EDGE)
                .node("gwB", "Gateways B", 1, Kind.EDGE)
                .node("routerA", "Router A", 2, Kind.SERVICE)
                .node("routerB", "Router B", 2, Kind.SERVICE)
                .node("registry", "Session registry", 3, Kind.CACHE)
                .node("log", "Chat log + seq", 3, Kind.STORE)
                .node("offline", "Offline queue", 3, Kind.QUEUE)
                .node("push", "Push (APNs / FCM)", 4, Kind.SERVICE)
                .edge("alice", "gwA", "WebSocket")
                .edge("bob", "gwB", "WebSocket")
                .edge("gwA", "routerA", "send")
                .edge("routerA", "registry", "where is Bob?")
                .edge("routerA", "log", "append")
                .edge("routerA", "routerB", "cross-region")
                .edge("routerB", "gwB", "deliver")
                .asyncEdge("routerA", "offline", "if offline")
                .asyncEdge("offline", "push", "notify")
                .option();
    }

    record Lifeline(String id, String label, String kind) {
    }

    record Step(String from, String to, String label, boolean async) {
    }

    static final List<Lifeline> LIFELINES = List.of(
            new Lifeline("alice", "Alice", "client"), new Lifeline("gwA", "Gateway A", "gateway / router"),
            new Lifeline("log", "Chat log", "store"), new Lifeline("registry", "Registry", "store"),
            new Lifeline("queue", "Offline queue", "queue"), new Lifeline("push", "Push service", "gateway / router"),
            new Lifeline("gwB", "Gateway B", "gateway / router"), new Lifeline("bob", "Bob", "client"));

    static final List<Step> STEPS = List.of(
            new Step("alice", "gwA", "send (client msg id)", false),
            new Step("gwA", "log", "append: seq 42", false),
            new Step("gwA", "alice", "ack: sent ✓", false),
            new Step("gwA", "registry", "where is Bob?", false),
            new Step("registry", "gwA", "nowhere (offline)", false),
            new Step("gwA", "queue", "enqueue for Bob", false),
            new Step("queue", "push", "notify Bob", true),
            new Step("bob", "gwB", "connect (later)", false),
            new Step("gwB", "registry", "Bob → Gateway B", false),
            new Step("gwB", "queue", "drain Bob's queue", false),
            new Step("gwB", "bob", "deliver seq 42", false),
            new Step("bob", "gwB", "ack: delivered 42", false),
            new Step("gwB", "gwA", "receipt via router", true),
            new Step("gwA", "alice", "delivered ✓✓", false));

    static final int LANE_WIDTH = 150, STEP_HEIGHT = 40, HEADER_GAP = 50;

    /** A graph with fixed positions: a box per participant, a dashed lifeline under it, an arrow per step. */
    static Map<String, Object> deliveryTimeline() {
        List<String> kinds = LIFELINES.stream().map(Lifeline::kind).distinct().toList();
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        int bottom = HEADER_GAP + STEPS.size() * STEP_HEIGHT;
        for (int i = 0; i < LIFELINES.size(); i++) {
            Lifeline l = LIFELINES.get(i);
            nodes.add(node(l.id(), l.label(), i * LANE_WIDTH, 0, kinds.indexOf(l.kind()), true));
            nodes.add(node(l.id() + "-end", "", i * LANE_WIDTH, bottom, kinds.indexOf(l.kind()), false));
            links.add(link(l.id(), l.id() + "-end", "", "dashed", false));
        }
        for (int s = 0; s < STEPS.size(); s++) {
            Step step = STEPS.get(s);
            int y = HEADER_GAP + s * STEP_HEIGHT;
            String a = "step" + s + "-from", b = "step" + s + "-to";
            nodes.add(node(a, "", lane(step.from()) * LANE_WIDTH, y, kinds.indexOf(kindOf(step.from())), false));
            nodes.add(node(b, "", lane(step.to()) * LANE_WIDTH, y, kinds.indexOf(kindOf(step.to())), false));
            links.add(link(a, b, (s + 1) + ". " + step.label(), step.async() ? "dashed" : "solid", true));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "none");
        series.put("roam", false);
        series.put("symbol", "roundRect");
        series.put("edgeSymbol", List.of("none", "none"));
        series.put("categories", kinds.stream().map(k -> Map.of("name", k)).toList());
        series.put("label", Map.of("show", true, "fontSize", 11));
        series.put("lineStyle", Map.of("width", 1.2, "curveness", 0));
        series.put("data", nodes);
        series.put("links", links);
        return Map.of(
                "legend", Map.of("top", 0, "data", kinds),
                "tooltip", Map.of(),
                "series", List.of(series));
    }

    static int lane(String id) {
        for (int i = 0; i < LIFELINES.size(); i++) {
            if (LIFELINES.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no lifeline " + id);
    }

    static String kindOf(String id) {
        return LIFELINES.get(lane(id)).kind();
    }

    static Map<String, Object> node(String id, String label, int x, int y, int category, boolean box) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("name", label.isEmpty() ? id : label);
        n.put("x", x);
        n.put("y", y);
        n.put("category", category);
        n.put("symbolSize", box ? List.of(96, 30) : List.of(1, 1));
        n.put("label", Map.of("show", box));
        if (!box) {
            n.put("tooltip", Map.of("show", false));
        }
        return n;
    }

    static Map<String, Object> link(String from, String to, String label, String style, boolean arrow) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("source", from);
        l.put("target", to);
        l.put("symbol", arrow ? List.of("none", "arrow") : List.of("none", "none"));
        l.put("symbolSize", 8);
        l.put("lineStyle", Map.of("type", style, "opacity", arrow ? 1 : 0.5));
        if (!label.isEmpty()) {
            l.put("label", Map.of("show", true, "formatter", label, "fontSize", 11));
        }
        return l;
    }
}
