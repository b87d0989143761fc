package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the build computes is read by someone: every fact is quoted in a page, every chart is shown
 * on a page, every program's output or data reaches a page. A number nobody reads is a number nobody
 * checks. (Program pages, which list everything a program computes, do not count as readers.)
 */
class OrphansTest {

    private static final Set<String> READ = new TreeSet<>();
    private static final Set<String> CHARTS_SHOWN = new TreeSet<>();
    private static final Set<String> PROGRAMS_SHOWN = new TreeSet<>();

    static {
        for (String page : PublishedSite.pages()) {
            if (page.startsWith("programs/")) {
                continue;
            }
            for (Element fact : PublishedSite.page(page).select("span.fact[data-fact]")) {
                READ.add(fact.attr("data-fact"));
            }
            for (Element quoting : PublishedSite.page(page).select("[data-facts]")) { // chart alt texts, captions
                READ.addAll(java.util.List.of(quoting.attr("data-facts").split(" ")));
            }
            for (Element chart : PublishedSite.page(page).select("figure.chart[data-chart]")) {
                CHARTS_SHOWN.add(chart.attr("data-chart"));
            }
            for (Element snippet : PublishedSite.page(page).select(".snippet-meta[data-program]")) {
                PROGRAMS_SHOWN.add(snippet.attr("data-program"));
            }
            for (Element link : PublishedSite.page(page).select("a.chart-program[href], a.table-program[href]")) {
                PROGRAMS_SHOWN.add(link.attr("href").replaceFirst("^(\\.\\./)*programs/", "").replaceFirst("\\.html$", ""));
            }
        }
    }

    private static JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(PublishedSite.dir().resolve("verified.json").toFile());
    }

    @Test
    void noFactIsUnused() throws IOException {
        List<String> unused = new ArrayList<>();
        for (JsonNode fact : manifest().get("facts")) {
            if (!READ.contains(fact.get("id").asText())) {
                unused.add(fact.get("id").asText() + " (snippets/" + fact.get("program").asText() + ".java)");
            }
        }
        assertTrue(unused.isEmpty(), unused.size() + " facts are computed but quoted on no page: quote them where they"
                + " teach something or stop computing them:\n" + String.join("\n", unused));
    }

    @Test
    void noChartIsOrphaned() throws IOException {
        List<String> orphans = new ArrayList<>();
        for (JsonNode chart : manifest().get("charts")) {
            if (!CHARTS_SHOWN.contains(chart.get("id").asText())) {
                orphans.add(chart.get("id").asText());
            }
        }
        assertTrue(orphans.isEmpty(), "charts shown on no page:\n" + String.join("\n", orphans));
    }

    @Test
    void noProgramIsOrphaned() throws IOException {
        JsonNode manifest = manifest();
        Set<String> feeding = new TreeSet<>(PROGRAMS_SHOWN);
        for (JsonNode fact : manifest.get("facts")) {
            if (READ.contains(fact.get("id").asText())) {
                feeding.add(fact.get("program").asText());
            }
        }
        List<String> orphans = new ArrayList<>();
        for (JsonNode program : manifest.get("programs")) {
            String id = program.get("id").asText();
            boolean library = !program.get("hasMain").asBoolean() && !program.path("producesData").asBoolean(false);
            if (!library && !feeding.contains(id)) {
                orphans.add("snippets/" + id + ".java");
            }
        }
        assertTrue(orphans.isEmpty(), "programs whose code, output and data reach no page:\n" + String.join("\n", orphans));
    }
}
