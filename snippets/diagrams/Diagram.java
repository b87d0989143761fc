package diagrams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Architecture and flow diagrams as ECharts graph options, with the layout computed here: nodes sit
 * in columns (left to right, the way a request travels) and are spaced evenly within a column. Chart
 * programs describe boxes and arrows; this class places them.
 *
 * <pre>
 * new Diagram()
 *     .node("client", "Client", 0, Diagram.Kind.CLIENT)
 *     .node("lb", "Load balancer", 1, Diagram.Kind.SERVICE)
 *     .edge("client", "lb", "HTTPS")
 *     .option();
 * </pre>
 */
public final class Diagram {

    /** What a box is; the site's theme gives each kind its own colour and the legend names them. */
    public enum Kind {
        CLIENT("client"), EDGE("edge / CDN"), SERVICE("service"), CACHE("cache"), QUEUE("queue / log"),
        STORE("data store"), JOB("batch / stream job");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record Node(String id, String label, int column, Kind kind) {
    }

    private record Edge(String from, String to, String label, boolean dashed) {
    }

    private static final int COLUMN_WIDTH = 200;
    private static final int ROW_HEIGHT = 90;

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    public Diagram node(String id, String label, int column, Kind kind) {
        if (nodes.stream().anyMatch(n -> n.id().equals(id))) {
            throw new IllegalArgumentException("duplicate node " + id);
        }
        nodes.add(new Node(id, label, column, kind));
        return this;
    }

    public Diagram edge(String from, String to) {
        return edge(from, to, "");
    }

    public Diagram edge(String from, String to, String label) {
        return addEdge(from, to, label, false);
    }

    /** An asynchronous or background path, drawn dashed. */
    public Diagram asyncEdge(String from, String to, String label) {
        return addEdge(from, to, label, true);
    }

    private Diagram addEdge(String from, String to, String label, boolean dashed) {
        for (String id : List.of(from, to)) {
            if (nodes.stream().noneMatch(n -> n.id().equals(id))) {
                throw new IllegalArgumentException("edge names unknown node " + id);
            }
        }
        edges.add(new Edge(from, to, label, dashed));
        return this;
    }

    /** The ECharts option: a graph series with fixed positions, one category per kind used. */
    public Map<String, Object> option() {
        List<Kind> kinds = nodes.stream().map(Node::kind).distinct().sorted().toList();
        int rows = 0;
        for (int c = 0; c <= maxColumn(); c++) {
            rows = Math.max(rows, inColumn(c).size());
        }
        List<Map<String, Object>> data = new ArrayList<>();
        for (int c = 0; c <= maxColumn(); c++) {
            List<Node> column = inColumn(c);
            double offset = (rows - column.size()) * ROW_HEIGHT / 2.0; // centre short columns
            for (int i = 0; i < column.size(); i++) {
                Node n = column.get(i);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("id", n.id());
                d.put("name", n.label());
                d.put("x", c * COLUMN_WIDTH);
                d.put("y", offset + i * ROW_HEIGHT);
                d.put("category", kinds.indexOf(n.kind()));
                data.add(d);
            }
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (Edge e : edges) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("source", e.from());
            l.put("target", e.to());
            if (!e.label().isEmpty()) {
                l.put("label", Map.of("show", true, "formatter", e.label(), "fontSize", 11));
            }
            if (e.dashed()) {
                l.put("lineStyle", Map.of("type", "dashed"));
            }
            links.add(l);
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "none");
        series.put("roam", false);
        series.put("symbol", "roundRect");
        series.put("symbolSize", List.of(130, 44));
        series.put("edgeSymbol", List.of("none", "arrow"));
        series.put("edgeSymbolSize", 9);
        series.put("label", Map.of("show", true, "fontSize", 12, "overflow", "break", "width", 120));
        series.put("lineStyle", Map.of("width", 1.5, "curveness", 0.05));
        series.put("categories", kinds.stream().map(k -> Map.of("name", k.label)).toList());
        series.put("data", data);
        series.put("links", links);
        return Map.of(
                "legend", Map.of("top", 0, "data", kinds.stream().map(k -> k.label).toList()),
                "tooltip", Map.of(),
                "series", List.of(series));
    }

    private int maxColumn() {
        return nodes.stream().mapToInt(Node::column).max().orElse(0);
    }

    private List<Node> inColumn(int c) {
        return nodes.stream().filter(n -> n.column() == c).toList();
    }
}
