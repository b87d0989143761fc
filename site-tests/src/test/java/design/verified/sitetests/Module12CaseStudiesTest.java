package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Module 12 overview lists every case study the site publishes, links each one, and quotes scale
 * figures that each study's own page states.
 */
class Module12CaseStudiesTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/12-case-studies.html", "casestudies");
    private static final Pattern SCALED = Pattern.compile("^([\\d,]*\\.?\\d+)\\s?(K|M|B|T|KB|MB|GB|TB|PB|EB)?(\\s|$)");
    private static final Map<String, Double> SCALE = Map.ofEntries(Map.entry("K", 1e3), Map.entry("M", 1e6),
            Map.entry("B", 1e9), Map.entry("T", 1e12), Map.entry("KB", 1e3), Map.entry("MB", 1e6),
            Map.entry("GB", 1e9), Map.entry("TB", 1e12), Map.entry("PB", 1e15), Map.entry("EB", 1e18));

    /** The study page a row's title links to, from the list that follows the table. */
    private static String studyPage(String title) {
        for (Element a : PAGE.doc().select("a[href*=case-studies/]")) {
            if (a.text().equals(title)) {
                String href = a.attr("href").replaceFirst("#.*$", "");
                return "case-studies/" + href.substring(href.lastIndexOf('/') + 1);
            }
        }
        throw new AssertionError(PAGE + ": no link named '" + title + "' to its case study");
    }

    @Test
    void everyPublishedCaseStudyHasOneRowAndOneLink() {
        TreeSet<String> published = new TreeSet<>();
        for (String p : PublishedSite.pages()) {
            if (p.startsWith("case-studies/")) {
                published.add(p);
            }
        }
        TreeSet<String> listed = new TreeSet<>();
        for (Element row : PAGE.rows("casestudies.overview")) {
            String page = studyPage(row.child(0).text());
            assertTrue(listed.add(page), PAGE + ": two rows link to " + page);
        }
        assertEquals(published, listed, PAGE + ": overview rows against the published case studies");
        assertEquals(PAGE.rows("casestudies.overview").size(), Integer.parseInt(PAGE.factText("count")), PAGE + ": quoted count of studies");
    }

    @Test
    void everyScaleFigureIsAFactOfItsStudyPage() {
        String[] columns = {"Peak writes", "Peak reads", "Data"};
        for (Element row : PAGE.rows("casestudies.overview")) {
            String title = row.child(0).text();
            Document study = PublishedSite.page(studyPage(title));
            List<Double> facts = new ArrayList<>();
            for (Element f : study.select("span.fact[data-value]")) {
                if (f.attr("data-value").matches("-?[\\d.]+(E-?\\d+)?")) {
                    facts.add(Double.parseDouble(f.attr("data-value")));
                }
            }
            for (int c = 0; c < columns.length; c++) {
                String cell = row.child(c + 1).text();
                Matcher m = SCALED.matcher(cell);
                assertTrue(m.find(), PAGE + " overview, " + title + ", " + columns[c] + ": no figure in '" + cell + "'");
                BigDecimal shown = new BigDecimal(m.group(1).replace(",", ""));
                double scale = m.group(2) == null ? 1 : SCALE.get(m.group(2));
                boolean found = facts.stream().anyMatch(v -> Quantities.isCorrectlyRounded(shown, v / scale));
                assertTrue(found, PAGE + " overview, " + title + ", " + columns[c] + ": '" + cell
                        + "' is not a figure that " + studyPage(title) + " quotes");
            }
        }
    }

    /** The chart's alt text names the slowest and fastest rates per second; both must be the table's. */
    @Test
    void theQuotedExtremesAreTheTablesSlowestAndFastestRates() {
        String slowest = null, fastest = null, slowestCell = null, fastestCell = null;
        double min = Double.MAX_VALUE, max = 0;
        for (Element row : PAGE.rows("casestudies.overview")) {
            for (int c = 1; c <= 2; c++) {
                String cell = row.child(c).text();
                if (!cell.endsWith("/s")) {
                    continue;                       // the streaming study's figures are in Tbps, not per second
                }
                Matcher m = SCALED.matcher(cell);
                assertTrue(m.find(), PAGE + " overview, " + row.child(0).text() + ": no figure in '" + cell + "'");
                double v = Double.parseDouble(m.group(1).replace(",", "")) * (m.group(2) == null ? 1 : SCALE.get(m.group(2)));
                if (v < min) {
                    min = v;
                    slowest = row.child(0).text();
                    slowestCell = cell;
                }
                if (v > max) {
                    max = v;
                    fastest = row.child(0).text();
                    fastestCell = cell;
                }
            }
        }
        assertEquals(slowest, PAGE.factText("slowest-rate-study"), PAGE + ": the study with the slowest rate per second");
        assertEquals(fastest, PAGE.factText("fastest-rate-study"), PAGE + ": the study with the fastest rate per second");
        double slow = PAGE.fact("slowest-rate"), fast = PAGE.fact("fastest-rate");
        for (String[] c : new String[][] {{slowestCell, String.valueOf(slow)}, {fastestCell, String.valueOf(fast)}}) {
            Matcher m = SCALED.matcher(c[0]);
            assertTrue(m.find(), c[0]);
            double scale = m.group(2) == null ? 1 : SCALE.get(m.group(2));
            assertTrue(Quantities.isCorrectlyRounded(new BigDecimal(m.group(1).replace(",", "")), Double.parseDouble(c[1]) / scale),
                    PAGE + ": quoted rate " + c[1] + " against the table cell '" + c[0] + "'");
        }
        assertEquals(Math.log10(fast / slow), PAGE.fact("rate-orders"), 1e-9,
                PAGE + ": orders of magnitude between the slowest and fastest rates");
    }

    @Test
    void theScaleChartShowsTheTablesRates() {
        JsonNode option = PAGE.chart("scale");
        List<Element> rows = PAGE.rows("casestudies.overview");
        for (int s = 0; s < 2; s++) {
            JsonNode data = option.get("series").get(s).get("data");
            assertEquals(rows.size(), data.size(), PAGE + ": scale chart series " + s + " against the table");
            for (int r = 0; r < rows.size(); r++) {
                String cell = rows.get(r).child(s + 1).text();
                Matcher m = SCALED.matcher(cell);
                assertTrue(m.find(), cell);
                BigDecimal shown = new BigDecimal(m.group(1).replace(",", ""));
                double scale = m.group(2) == null ? 1 : SCALE.get(m.group(2));
                // the chart holds whole requests per second; the table shows three significant digits
                assertTrue(Math.abs(shown.doubleValue() * scale - data.get(r).asDouble())
                                <= 0.5 * Math.pow(10, -shown.scale()) * scale + 0.5,
                        PAGE + ": chart value " + data.get(r) + " against table cell '" + cell + "' of "
                                + rows.get(r).child(0).text());
            }
        }
    }
}
