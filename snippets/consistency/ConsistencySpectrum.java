package consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consistency spectrum as a graph: an arrow from a model to a weaker one means every history the
 * stronger model allows, the weaker allows too. Each model is tagged with what it can promise while a
 * partition lasts (after Bailis et al., "Highly Available Transactions", VLDB 2014, and the Jepsen
 * consistency map): unavailable, available only to clients that stay on one replica, or fully available.
 */
public class ConsistencySpectrum {

    enum Availability {
        UNAVAILABLE("unavailable on the minority side of a partition"),
        STICKY("available if each client sticks to one replica"),
        TOTAL("available on every live replica");

        final String label;

        Availability(String label) {
            this.label = label;
        }
    }

    /** A model, its place in the drawing (level 0 is the strongest, lane 0..2 left to right). */
    record Model(String id, String label, double lane, int level, Availability availability) {
    }

    static final List<Model> MODELS = List.of(
            new Model("lin", "Linearizable (etcd, Spanner)", 1, 0, Availability.UNAVAILABLE),
            new Model("seq", "Sequential (ZooKeeper reads)", 1, 1, Availability.UNAVAILABLE),
            new Model("causal", "Causal (MongoDB causal sessions)", 1, 2, Availability.STICKY),
            new Model("pram", "PRAM / FIFO", 0.5, 3, Availability.STICKY),
            new Model("wfr", "Writes follow reads", 2, 3, Availability.TOTAL),
            new Model("ryw", "Read your writes", 0, 4, Availability.STICKY),
            new Model("mr", "Monotonic reads", 1, 4, Availability.TOTAL),
            new Model("mw", "Monotonic writes", 2, 4, Availability.TOTAL),
            new Model("eventual", "Eventual (converges once writes stop)", 1, 5, Availability.TOTAL));

    /** Stronger implies weaker. Eventual consistency is a liveness promise, so nothing above implies it. */
    static final List<String[]> IMPLIES = List.of(
            new String[] {"lin", "seq"}, new String[] {"seq", "causal"}, new String[] {"causal", "pram"},
            new String[] {"causal", "wfr"}, new String[] {"pram", "ryw"}, new String[] {"pram", "mr"},
            new String[] {"pram", "mw"});

    public static Map<String, Object> charts() {
        List<Map<String, Object>> data = new ArrayList<>();
        for (Model m : MODELS) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", m.id());
            d.put("name", m.label());
            d.put("x", m.lane() * 250);
            d.put("y", m.level() * 90);
            d.put("category", m.availability().ordinal());
            data.add(d);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (String[] edge : IMPLIES) {
            links.add(Map.of("source", edge[0], "target", edge[1]));
        }
        List<String> categories = new ArrayList<>();
        for (Availability a : Availability.values()) {
            categories.add(a.label);
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "none");
        series.put("roam", false);
        series.put("symbol", "roundRect");
        series.put("symbolSize", List.of(230, 36));
        series.put("top", 50);
        series.put("bottom", 30);
        series.put("left", 130);
        series.put("right", 130);
        series.put("edgeSymbol", List.of("none", "arrow"));
        series.put("edgeSymbolSize", 9);
        series.put("label", Map.of("show", true, "fontSize", 12));
        series.put("lineStyle", Map.of("width", 1.5));
        series.put("categories", categories.stream().map(c -> Map.of("name", c)).toList());
        series.put("data", data);
        series.put("links", links);
        return Map.of("spectrum", Map.of(
                "legend", Map.of("top", 0, "data", categories),
                "tooltip", Map.of(),
                "series", List.of(series)));
    }
}
