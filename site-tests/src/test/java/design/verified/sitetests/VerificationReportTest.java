package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verification report's totals, each counted again here from the sources and the published pages
 * without the build's own bookkeeping.
 */
class VerificationReportTest {

    private static final String REPORT = "verification.html";

    private static int total(String text, String pattern) {
        Matcher m = Pattern.compile("([\\d,]+) " + pattern).matcher(text);
        assertTrue(m.find(), REPORT + ": no total for '" + pattern + "' in: " + text);
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    private static Set<String> attributeValues(String selector, String attribute, boolean includeProgramPages) {
        Set<String> values = new TreeSet<>();
        for (String page : PublishedSite.pages()) {
            if (!includeProgramPages && page.startsWith("programs/")) {
                continue;
            }
            for (Element e : PublishedSite.page(page).select(selector)) {
                values.add(e.attr(attribute));
            }
        }
        return values;
    }

    @Test
    void theTotalsAtTheTopEqualWhatTheSiteShows() throws IOException {
        Document report = PublishedSite.page(REPORT);
        Element totals = report.selectFirst(".report-totals");
        String text = totals == null ? "" : totals.text();
        Path root = PublishedSite.repositoryRoot();
        try (Stream<Path> files = Files.walk(root.resolve("snippets"))) {
            long programs = files.filter(p -> p.toString().endsWith(".java")).count();
            assertEquals(programs, total(text, "programs compiled and run"), REPORT + ": programs, against snippets/**/*.java");
        }
        assertEquals(attributeValues(".snippet-meta[data-program]", "data-program", false).size(),
                total(text, "shown as code"), REPORT + ": programs shown as code, against the snippets on authored pages");
        assertEquals(attributeValues("figure.chart[data-chart]", "data-chart", true).size(), total(text, "charts"),
                REPORT + ": charts, against the charts on every page (program pages show each one)");
        assertEquals(attributeValues("span.fact[data-fact]", "data-fact", true).size(), total(text, "computed facts"),
                REPORT + ": facts, against the facts on every page (program pages list each one)");
        assertEquals(attributeValues("table.verified[data-table]", "data-table", true).size(), total(text, "generated tables"),
                REPORT + ": tables, against the generated tables on every page");
        assertEquals(attributeValues("table.verified[data-derived]", "data-table", true).size(),
                total(text, "with derived columns"), REPORT + ": tables with derived columns");
        try (Stream<Path> files = Files.walk(root.resolve("content"))) {
            long pages = files.filter(p -> p.toString().matches(".*\\.(adoc|md)$")).count();
            assertEquals(pages, total(text, "authored pages"), REPORT + ": authored pages, against content/");
        }
    }

    @Test
    void everyPageLinksToTheReportFromItsFooter() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String page : PublishedSite.pages()) {
            Element footer = PublishedSite.page(page).selectFirst("footer");
            boolean links = footer != null && footer.select("a[href]").stream()
                    .anyMatch(a -> a.attr("href").replaceFirst("^(\\.\\./)*", "").equals(REPORT));
            if (!links && !page.equals("404.html")) {
                missing.add(page);
            }
        }
        assertTrue(missing.isEmpty(), "pages whose footer does not link to the verification report:\n"
                + String.join("\n", missing));
    }

    @Test
    void theReportNamesItsCommitAndDate() {
        String text = PublishedSite.page(REPORT).text();
        assertTrue(text.matches("(?s).*from commit \\S+ of (\\d{4}-\\d{2}-\\d{2}|unknown)\\..*"),
                REPORT + " does not say which commit and date it was built from");
    }
}
