package design.verified.sitetests;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published folder works opened straight from disk (file://), with no server: a reader's offline copy. */
class OpenedFromAFolderTest {

    private static String fileUrl(String page) {
        return PublishedSite.dir().resolve(page).toUri().toString();
    }

    @Test
    void navigationSearchChartsAndCalculatorsWorkFromFileUrls() {
        Browser browser = Browser.shared();
        String module = PublishedSite.pages().stream().filter(p -> p.startsWith("modules/")).findFirst().orElseThrow();

        List<String> home = browser.visit(fileUrl("index.html"));
        assertTrue(home.isEmpty(), "index.html from file://: " + home);
        WebElement link = browser.driver().findElement(By.cssSelector(".sidebar a[href='" + module + "']"));
        link.click();
        browser.waitUntilSettled();
        assertTrue(browser.driver().getCurrentUrl().startsWith("file:") && browser.driver().getCurrentUrl().endsWith(module),
                "the sidebar link did not open " + module + ": " + browser.driver().getCurrentUrl());
        List<String> problems = browser.problems();
        assertTrue(problems.isEmpty(), module + " from file://: " + problems);

        long charts = (Long) browser.js("return document.querySelectorAll('.chart-canvas[data-echarts]').length;");
        long drawn = (Long) browser.js("return Array.prototype.filter.call(document.querySelectorAll('.chart-canvas[data-echarts]'),"
                + " function (el) { return echarts.getInstanceByDom(el) && el.querySelector('canvas'); }).length;");
        assertTrue(charts > 0, module + " has no chart to draw");
        assertEquals(charts, drawn, module + " from file://: not every chart was drawn");

        List<?> results = (List<?>) browser.jsAsync("window.sdvSearch('latency').then(done);");
        assertFalse(results.isEmpty(), "search found nothing from file:// (search-index.js or MiniSearch not loaded?)");
        assertTrue(String.valueOf(((Map<?, ?>) results.get(0)).get("url")).contains(".html"), "a search result without a page");

        for (WebElement output : browser.driver().findElements(By.cssSelector("form.calculator output[data-expect]"))) {
            assertTrue(CalculatorsTest.sameNumber(Double.parseDouble(String.valueOf(output.getAttribute("data-value"))),
                            Double.parseDouble(output.getAttribute("data-expect"))),
                    module + " from file://: calculator step " + output.getAttribute("name") + " shows " + output.getAttribute("data-value"));
        }
        List<String> after = browser.problems();
        assertTrue(after.isEmpty(), module + " from file:// after searching: " + after);
    }
}
