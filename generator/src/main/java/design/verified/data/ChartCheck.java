package design.verified.data;

import com.fasterxml.jackson.databind.JsonNode;

/** What a chart option must have before a page may show it: series, each with data to draw. */
final class ChartCheck {

    private ChartCheck() {
    }

    /** Returns null if the option is drawable, else the first thing missing. */
    static String problemWith(JsonNode option) {
        JsonNode series = option.get("series");
        if (series == null || !(series.isArray() || series.isObject()) || series.isEmpty()) {
            return "has no series";
        }
        Iterable<JsonNode> all = series.isArray() ? series : java.util.List.of(series);
        int i = 0;
        for (JsonNode s : all) {
            if (!s.hasNonNull("type")) {
                return "series " + i + " has no type";
            }
            boolean hasData = hasNonEmptyArray(s, "data") || hasNonEmptyArray(s, "nodes");
            if (!hasData) {
                return "series " + i + " ('" + s.path("name").asText(s.get("type").asText()) + "') has no data";
            }
            i++;
        }
        return null;
    }

    private static boolean hasNonEmptyArray(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() && !value.isEmpty();
    }
}
