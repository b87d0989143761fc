package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ChartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyChartHoldsValidJsonWithData() {
        int charts = 0;
        for (String page : PublishedSite.pages()) {
            for (Element canvas : PublishedSite.page(page).select(".chart-canvas")) {
                String where = page + " chart " + canvas.parent().attr("data-chart");
                JsonNode option;
                try {
                    option = JSON.readTree(canvas.attr("data-echarts"));
                } catch (Exception e) {
                    fail(where + ": option is not valid JSON: " + e.getMessage());
                    return;
                }
                JsonNode series = option.get("series");
                assertNotNull(series, where + ": no series");
                assertTrue(series.isArray() && !series.isEmpty(), where + ": no series");
                for (JsonNode s : series) {
                    JsonNode data = s.has("data") ? s.get("data") : s.get("nodes");
                    assertTrue(data != null && data.isArray() && !data.isEmpty(), where + ": a series without data");
                }
                charts++;
            }
        }
        assertTrue(charts > 0, "no charts on the site");
    }

    @Test
    void everyChartHasACaptionATextAlternativeAndItsProgram() {
        for (String page : PublishedSite.authoredPages()) {
            for (Element figure : PublishedSite.page(page).select("figure.chart")) {
                String where = page + " chart " + figure.attr("data-chart");
                Element canvas = figure.selectFirst(".chart-canvas");
                assertNotNull(canvas, where);
                assertFalse(canvas.attr("aria-label").isBlank(), where + ": no text alternative");
                assertTrue(canvas.attr("role").equals("img"), where + ": the canvas is not announced as an image");
                Element caption = figure.selectFirst("figcaption");
                assertNotNull(caption, where + ": no caption");
                assertFalse(caption.ownText().isBlank(), where + ": empty caption");
                Element program = figure.selectFirst("a.chart-program");
                assertNotNull(program, where + ": no link to its program");
                assertTrue(program.attr("href").matches("(\\.\\./)*programs/.+\\.html"), where + ": " + program.attr("href"));
            }
        }
    }
}
