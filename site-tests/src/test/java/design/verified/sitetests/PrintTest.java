package design.verified.sitetests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Printing: the whole guide draws every chart as a picture, opens answers, and the print stylesheet drops the navigation and wraps code. */
class PrintTest {

    @RegisterExtension
    static final LocalServer.PerClass server = new LocalServer.PerClass();

    @Test
    void theWholeGuidePrintsEveryChartAsAPictureWithoutNavigationAndWithWrappedCode() {
        Browser browser = Browser.shared();
        List<String> problems = browser.visit(server.url("guide.html"));
        assertTrue(problems.isEmpty(), "guide.html: " + problems);
        long charts = (Long) browser.js("return document.querySelectorAll('.chart-canvas[data-echarts]').length;");
        assertTrue(charts > 0, "the whole guide shows no chart");
        // printing draws synchronously: ECharts must be loaded (the guide loads it once the page has loaded)
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.js("return !!window.echarts;")));
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            browser.js("window.dispatchEvent(new Event('beforeprint'));");
            @SuppressWarnings("unchecked")
            Map<String, Object> printed = (Map<String, Object>) browser.js("""
                    var pictures = Array.prototype.filter.call(document.querySelectorAll('img.chart-print'), function (img) {
                      return img.src.indexOf('data:image/png') === 0 && img.alt.length > 0; }).length;
                    var pre = document.querySelector('pre');
                    return { pictures: pictures,
                             closedDetails: document.querySelectorAll('details.practice:not([open])').length,
                             sidebar: getComputedStyle(document.querySelector('.sidebar')).display,
                             header: getComputedStyle(document.querySelector('.topbar')).display,
                             canvases: Array.prototype.filter.call(document.querySelectorAll('.chart-canvas'), function (c) {
                               return getComputedStyle(c).display !== 'none'; }).length,
                             wrap: pre ? getComputedStyle(pre).whiteSpace : 'pre-wrap' };
                    """);
            assertEquals(charts, ((Number) printed.get("pictures")).longValue(), "charts printed as pictures (with their text alternative)");
            assertEquals(0L, ((Number) printed.get("canvases")).longValue(), "canvases still shown in print");
            assertEquals(0L, ((Number) printed.get("closedDetails")).longValue(), "practice answers left closed in print");
            assertEquals("none", printed.get("sidebar"), "the course sidebar prints");
            assertEquals("none", printed.get("header"), "the header (search, theme) prints");
            assertEquals("pre-wrap", printed.get("wrap"), "code does not wrap in print");
            browser.js("window.dispatchEvent(new Event('afterprint'));");
            assertEquals(0L, browser.js("return document.querySelectorAll('img.chart-print').length;"), "print pictures left after printing");
            List<String> errors = browser.consoleErrors();
            assertTrue(errors.isEmpty(), "console errors while printing: " + errors);
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
