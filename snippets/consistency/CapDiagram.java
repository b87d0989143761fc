package consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CAP triangle with example systems placed on its edges. Which edge a system sits on comes from the
 * PACELC rows (its choice when partitioned), so the diagram and the table cannot disagree.
 */
public class CapDiagram {

    record Point(double x, double y) {
    }

    static final Point C = new Point(300, 0);
    static final Point A = new Point(0, 480);
    static final Point P = new Point(600, 480);
    static final double OFFSET = 18; // how far outside its edge a system's dot sits

    static final List<String> CATEGORIES = List.of(
            "property",
            "CP: refuses some requests while partitioned",
            "AP: answers on both sides, may diverge",
            "CA: a single node, no partition to tolerate");

    public static Map<String, Object> charts() {
        List<Map<String, Object>> nodes = new ArrayList<>();
        nodes.add(vertex("C", "C: consistency", C, "top"));
        nodes.add(vertex("A", "A: availability", A, "left"));
        nodes.add(vertex("P", "P: partition tolerance", P, "right"));

        List<String> cp = new ArrayList<>();
        List<String> ap = new ArrayList<>();
        for (Pacelc.Row row : Pacelc.ROWS) {
            (row.partition() == Pacelc.OnPartition.CONSISTENCY ? cp : ap).add(row.system());
        }
        placeAlong(nodes, cp, C, P, 1, "right");
        placeAlong(nodes, ap, A, P, 2, "bottom");
        placeAlong(nodes, List.of("PostgreSQL on one server"), C, A, 3, "left");

        List<Map<String, Object>> links = List.of(
                Map.of("source", "C", "target", "A"),
                Map.of("source", "A", "target", "P"),
                Map.of("source", "P", "target", "C"));

        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "none");
        series.put("roam", false);
        series.put("symbolSize", 12);
        series.put("edgeSymbol", List.of("none", "none"));
        series.put("label", Map.of("show", true, "fontSize", 12));
        series.put("lineStyle", Map.of("width", 2));
        series.put("categories", CATEGORIES.stream().map(c -> Map.of("name", c)).toList());
        series.put("data", nodes);
        series.put("links", links);
        return Map.of("cap-triangle", Map.of(
                "legend", Map.of("top", 0, "data", CATEGORIES.subList(1, CATEGORIES.size())),
                "tooltip", Map.of(),
                "series", List.of(series)));
    }

    private static Map<String, Object> vertex(String id, String label, Point at, String labelPosition) {
        Map<String, Object> node = node(id, label, at, 0, labelPosition);
        node.put("symbolSize", 26);
        node.put("label", Map.of("position", labelPosition, "fontWeight", "bold"));
        return node;
    }

    /** Spreads the systems evenly along an edge, pushed outward, away from the triangle's centre. */
    private static void placeAlong(List<Map<String, Object>> nodes, List<String> systems, Point from, Point to,
                                   int category, String labelPosition) {
        Point centre = new Point((C.x() + A.x() + P.x()) / 3, (C.y() + A.y() + P.y()) / 3);
        for (int i = 0; i < systems.size(); i++) {
            double f = (i + 1.0) / (systems.size() + 1);
            double x = from.x() + f * (to.x() - from.x());
            double y = from.y() + f * (to.y() - from.y());
            double dx = x - centre.x(), dy = y - centre.y();
            double length = Math.hypot(dx, dy);
            Point at = new Point(x + OFFSET * dx / length, y + OFFSET * dy / length);
            Map<String, Object> node = node("s" + category + "-" + i, systems.get(i), at, category, labelPosition);
            if (labelPosition.equals("bottom")) { // alternate label heights so neighbours do not collide
                node.put("label", Map.of("position", "bottom", "distance", 6 + (i % 2) * 16));
            }
            nodes.add(node);
        }
    }

    private static Map<String, Object> node(String id, String label, Point at, int category, String labelPosition) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", id);
        node.put("name", label);
        node.put("x", Math.round(at.x() * 10) / 10.0);
        node.put("y", Math.round(at.y() * 10) / 10.0);
        node.put("category", category);
        node.put("label", Map.of("position", labelPosition));
        return node;
    }
}
