package databases;

import databases.DatabaseChooser.Choice;
import databases.DatabaseChooser.Node;
import databases.DatabaseChooser.Question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws {@link DatabaseChooser#TREE} as a graph: a question's "yes" branch goes one column to the right
 * (solid arrow), its "no" branch continues below the whole "yes" subtree (dashed arrow). The chart is the tree the snippet runs.
 */
public class DecisionTreeChart {

    private static final int COLUMN_WIDTH = 300;
    private static final int ROW_HEIGHT = 80;

    private final List<Map<String, Object>> nodes = new ArrayList<>();
    private final List<Map<String, Object>> links = new ArrayList<>();

    /** Places a subtree with its root at (column, row) and returns how many rows it takes. */
    private int place(Node node, int column, int row) {
        String id = "n" + nodes.size();
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("x", column * COLUMN_WIDTH);
        n.put("y", row * ROW_HEIGHT);
        nodes.add(n);
        if (node instanceof Choice c) {
            n.put("name", c.family() + "\n(" + c.examples() + ")");
            n.put("category", 1);
            n.put("symbol", "roundRect");
            return 1;
        }
        Question q = (Question) node;
        n.put("name", q.text());
        n.put("category", 0);
        n.put("symbol", "rect");
        int yesId = nodes.size();
        int yesRows = place(q.yes(), column + 1, row);
        link(id, "n" + yesId, "yes");
        int noId = nodes.size();
        int noRows = place(q.no(), column, row + yesRows);
        link(id, "n" + noId, "no");
        return yesRows + noRows;
    }

    /** "yes" links are solid and point right; "no" links are dashed and point down. */
    private void link(String from, String to, String answer) {
        links.add(Map.of("source", from, "target", to, "name", answer,
                "lineStyle", Map.of("type", answer.equals("yes") ? "solid" : "dashed")));
    }

    public static Map<String, Object> charts() {
        DecisionTreeChart chart = new DecisionTreeChart();
        chart.place(DatabaseChooser.TREE, 0, 0);
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "none");
        series.put("roam", false);
        series.put("symbolSize", List.of(200, 42));
        series.put("edgeSymbol", List.of("none", "arrow"));
        series.put("edgeSymbolSize", 8);
        series.put("label", Map.of("show", true, "fontSize", 11, "lineHeight", 14, "overflow", "break",
                "width", 188));
        series.put("lineStyle", Map.of("width", 1.5));
        series.put("categories", List.of(Map.of("name", "question"), Map.of("name", "choice")));
        series.put("data", chart.nodes);
        series.put("links", chart.links);
        return Map.of("decision-tree", Map.of(
                "legend", Map.of("top", 0, "data", List.of("question", "choice")),
                "tooltip", Map.of(),
                "series", List.of(series)));
    }
}
