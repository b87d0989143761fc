package design.verified.bake;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's numbers as a table, from its option, for readers who cannot see the chart (and anyone who
 * wants the figures): a collapsed {@code <details>} under the chart. Category charts get one row per
 * category and one column per series; charts of [x, y] points get one row per x. Other charts (diagrams)
 * get none: their text alternative describes them.
 */
final class ChartDataTable {

    static final int MAX_ROWS = 200;

    private ChartDataTable() {
    }

    /** The table's HTML, or "" when the option's series are not plain numbers. */
    static String of(JsonNode option) {
        JsonNode series = option.path("series");
        if (!series.isArray() || series.isEmpty()) {
            return "";
        }
        JsonNode categoryAxis = null;
        for (String axis : List.of("xAxis", "yAxis")) {
            JsonNode a = option.path(axis);
            a = a.isArray() ? a.path(0) : a;
            if (a.path("type").asText("").equals("category") || a.path("data").isArray()) {
                categoryAxis = a;
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i).path("name").asText("");
            names.add(name.isEmpty() ? "Series " + (i + 1) : name);
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        String firstHeader;
        if (categoryAxis != null && categoryAxis.path("data").isArray()) {
            firstHeader = categoryAxis.path("name").asText("Category");
            JsonNode categories = categoryAxis.path("data");
            for (int s = 0; s < series.size(); s++) {
                JsonNode data = series.get(s).path("data");
                if (!data.isArray()) {
                    return "";
                }
                for (int i = 0; i < data.size() && i < categories.size(); i++) {
                    JsonNode v = data.get(i).isObject() ? data.get(i).path("value") : data.get(i);
                    if (!v.isNumber()) {
                        return "";
                    }
                    rows.computeIfAbsent(label(categories.get(i)), k -> new String[series.size()])[s] = number(v);
                }
            }
        } else {
            JsonNode xAxis = option.path("xAxis").isArray() ? option.path("xAxis").path(0) : option.path("xAxis");
            firstHeader = xAxis.path("name").asText("x");
            for (int s = 0; s < series.size(); s++) {
                JsonNode data = series.get(s).path("data");
                if (!data.isArray()) {
                    return "";
                }
                for (JsonNode point : data) {
                    JsonNode p = point.isObject() ? point.path("value") : point;
                    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                        return "";
                    }
                    rows.computeIfAbsent(number(p.get(0)), k -> new String[series.size()])[s] = number(p.get(1));
                }
            }
        }
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            return "";
        }
        StringBuilder h = new StringBuilder("<details class=\"chart-data\"><summary>The chart's data as a table</summary>"
                + "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">" + Html.escape(firstHeader) + "</th>");
        names.forEach(n -> h.append("<th scope=\"col\">").append(Html.escape(n)).append("</th>"));
        h.append("</tr></thead><tbody>");
        rows.forEach((key, values) -> {
            h.append("<tr><th scope=\"row\">").append(Html.escape(key)).append("</th>");
            for (String v : values) {
                h.append("<td>").append(v == null ? "" : Html.escape(v)).append("</td>");
            }
            h.append("</tr>");
        });
        return h.append("</tbody></table></div></details>").toString();
    }

    private static String label(JsonNode n) {
        return n.isObject() ? n.path("value").asText() : n.asText();
    }

    private static String number(JsonNode n) {
        BigDecimal d = n.decimalValue().stripTrailingZeros();
        if (d.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(java.util.Locale.ROOT, "%,.0f", d.doubleValue());
        }
        return d.round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
