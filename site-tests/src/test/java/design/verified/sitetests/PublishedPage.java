package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One published page as its test reads it: the facts of one area ({@code span.fact[data-fact=area.name]}),
 * its generated tables, charts and program outputs. Every reader fails with a message naming the page.
 */
final class PublishedPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;
    private final String area;

    /** {@code path} relative to the site root, e.g. "modules/06-databases.html"; {@code area} the facts' prefix. */
    PublishedPage(String path, String area) {
        this.path = path;
        this.area = area;
    }

    @Override
    public String toString() {
        return path;
    }

    Document doc() {
        return PublishedSite.page(path);
    }

    Element factElement(String name) {
        Element e = doc().selectFirst("span.fact[data-fact=" + area + "." + name + "]");
        assertNotNull(e, path + " does not quote " + area + "." + name);
        return e;
    }

    /** A fact's exact value as the page carries it, for facts that are not numbers. */
    String factText(String name) {
        return factElement(name).attr("data-value");
    }

    double fact(String name) {
        return Double.parseDouble(factText(name));
    }

    /** The body rows of the table with this full id, e.g. "databases.replication". */
    List<Element> rows(String table) {
        List<Element> rows = doc().select("table[data-table=" + table + "] tbody tr");
        assertFalse(rows.isEmpty(), path + ": table " + table + " is missing");
        return rows;
    }

    /** The body rows keyed by their first cell's text. */
    Map<String, Element> rowsByFirstCell(String table) {
        Map<String, Element> byName = new LinkedHashMap<>();
        for (Element row : rows(table)) {
            byName.put(row.child(0).text(), row);
        }
        return byName;
    }

    Element row(String table, String firstCell) {
        Element row = rowsByFirstCell(table).get(firstCell);
        assertNotNull(row, path + ": table " + table + " has no row '" + firstCell + "'");
        return row;
    }

    /** Each body row's cell texts (as {@code eachText}, which leaves out empty cells), keyed by the first cell. */
    Map<String, List<String>> cellsByFirstCell(String table) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Element row : rows(table)) {
            byName.put(row.child(0).text(), row.children().eachText());
        }
        return byName;
    }

    List<String> header(String table) {
        return doc().select("table[data-table=" + table + "] thead th").eachText();
    }

    /** A table as header and cell texts, to read cells by column name. */
    Table table(String table) {
        Element element = doc().selectFirst("table[data-table=" + table + "]");
        assertNotNull(element, path + " does not show table " + table);
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : element.select("tbody tr")) {
            rows.add(tr.select("td").eachText());
        }
        assertFalse(rows.isEmpty(), path + " table " + table + " is empty");
        return new Table(path, table, element.select("thead th").eachText(), rows);
    }

    record Table(String page, String name, List<String> header, List<List<String>> rows) {
        String cell(List<String> row, String column) {
            int i = header.indexOf(column);
            assertTrue(i >= 0, page + " table " + name + " has no column '" + column + "' (has " + header + ")");
            return row.get(i);
        }
    }

    /** The number a row's cell shows (column counted from 0), read as displayed. */
    static double number(Element row, int column) {
        return Quantities.number(row.child(column).text()).doubleValue();
    }

    /** The ECharts option of the area's chart {@code name}. */
    JsonNode chart(String name) {
        Element canvas = doc().selectFirst("figure[data-chart=" + area + "." + name + "] .chart-canvas");
        assertNotNull(canvas, path + ": chart " + area + "." + name + " is missing");
        try {
            return JSON.readTree(canvas.attr("data-echarts"));
        } catch (Exception e) {
            throw new AssertionError(path + ": chart " + area + "." + name + " is not JSON", e);
        }
    }

    /** What the page shows a program printed. */
    String outputOf(String program) {
        Element meta = doc().selectFirst(".snippet-meta[data-program=" + program + "]");
        assertNotNull(meta, path + ": no snippet " + program);
        Element pre = meta.closest(".snippet").selectFirst(".literalblock.output pre");
        assertNotNull(pre, path + ": snippet " + program + " shows no output");
        return pre.wholeText();
    }

    /** Equal up to floating-point noise: a relative 1e-9 plus an absolute 1e-12. */
    void assertClose(double expected, double actual, String what) {
        Quantities.assertClose(expected, actual, 1e-9, 1e-12, path + ": " + what);
    }

    void assertClose(double expected, double actual, double relative, String what) {
        Quantities.assertClose(expected, actual, relative, 0, path + ": " + what);
    }

    /** The shown number is the exact value correctly rounded to the digits it shows. */
    void assertRounded(String shown, double exact, String where) {
        Quantities.assertCorrectlyRounded(shown, exact, path + ", " + where);
    }
}
