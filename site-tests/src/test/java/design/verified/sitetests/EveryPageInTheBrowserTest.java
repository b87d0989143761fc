package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every published page, opened in headless Chromium from a local web server, once: what a reader's browser
 * shows and complains about. The page is loaded once and each promise is checked on it; the tests then
 * report per promise, naming the page and what went wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageInTheBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERIOUS = List.of("serious", "critical");

    @RegisterExtension
    static final LocalServer.PerClass server = new LocalServer.PerClass();

    private final Map<String, List<String>> findings = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger charts = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, Long> nanos = new java.util.concurrent.ConcurrentHashMap<>();
    private final ThreadLocal<long[]> mark = ThreadLocal.withInitial(() -> new long[1]);

    private void lap(String step) {
        long now = System.nanoTime();
        nanos.merge(step, now - mark.get()[0], Long::sum);
        mark.get()[0] = now;
    }

    /**
     * Opens every page, in as many browsers as there are cores (at most 2; -Dbrowser.workers=N to change):
     * each page is independent, and axe keeps a core busy.
     */
    @BeforeAll
    void openEveryPage() throws Exception {
        long start = System.nanoTime();
        int workers = Integer.getInteger("browser.workers", Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        java.util.Queue<String> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(PublishedSite.pages());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            boolean first = w == 0;
            done.add(pool.submit(() -> {
                Browser browser = first ? Browser.shared() : Browser.start();
                try {
                    for (String page = queue.poll(); page != null; page = queue.poll()) {
                        check(browser, page);
                        pages.incrementAndGet();
                    }
                } finally {
                    if (first) {
                        browser.resize(Browser.DESKTOP_WIDTH, 900);
                    } else {
                        browser.quit();
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        StringBuilder steps = new StringBuilder();
        new java.util.TreeMap<>(nanos).forEach((k, v) -> steps.append(String.format(" %s %.1f s;", k, v / 1e9)));
        System.out.printf("browser: %d pages, %d charts in %.1f s with %d browsers (summed over browsers:%s)%n", pages.get(),
                charts.get(), (System.nanoTime() - start) / 1e9, workers, steps);
    }

    private void report(String promise, String page, String problem) {
        findings.computeIfAbsent(promise, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(page + ": " + problem);
    }

    private List<String> findings(String promise) {
        List<String> sorted = new ArrayList<>(findings.getOrDefault(promise, List.of()));
        java.util.Collections.sort(sorted);
        return sorted;
    }

    private void check(Browser browser, String page) {
        mark.get()[0] = System.nanoTime();
        browser.resize(Browser.DESKTOP_WIDTH, 900);
        // every page starts in the light theme, as a first-time reader with a light system setting sees it
        browser.js("try { localStorage.setItem('sdv-theme', 'light'); } catch (e) {}");
        // the 404 page is checked where a reader meets it: at a missing address, one folder down
        List<String> problems = browser.visit(server.url(page.equals("404.html") ? "modules/no-such-page.html" : page));
        String expectedStatus = page.equals("404.html") ? "HTTP 404" : null;
        for (String problem : problems) {
            if (expectedStatus != null && (problem.contains(expectedStatus) || problem.contains("status of 404"))) {
                continue; // the 404 page is itself the answer to a missing address
            }
            report("load", page, problem);
        }
        lap("load");
        checkCharts(browser, page, "light");
        lap("charts");
        // the whole guide repeats the course pages' content (checked on those pages, contrast included):
        // on it, check what is its own (structure, ids, landmarks), not every colour again
        boolean wholeGuide = page.equals("guide.html");
        (wholeGuide ? browser.accessibilityViolations(SERIOUS, List.of(), List.of("color-contrast"))
                : browser.accessibilityViolations(SERIOUS)).forEach(v -> report("axe", page, "light theme: " + v));
        lap("axe");

        List<WebElement> toggles = browser.driver().findElements(By.id("theme-toggle"));
        if (toggles.isEmpty() || !toggles.get(0).isDisplayed()) {
            report("theme", page, "no visible theme toggle (#theme-toggle)");
        } else {
            toggles.get(0).click();
            browser.waitUntilSettled();
            Object theme = browser.js("return document.documentElement.getAttribute('data-theme');");
            if (!"dark".equals(theme)) {
                report("theme", page, "the toggle did not switch to the dark theme (data-theme=" + theme + ")");
            }
            checkCharts(browser, page, "dark");
            browser.consoleErrors().forEach(e -> report("theme", page, "after switching theme: " + e));
            lap("theme");
            // only colours change with the theme: the dark run checks contrast, the light run checks everything.
            // Program pages share one template and one palette (code tokens, tables, facts), so a tenth of
            // them stands for all in the dark contrast check; that keeps CI within its time budget.
            boolean sampled = !page.startsWith("programs/") || Math.floorMod(page.hashCode(), 10) == 0;
            if (!wholeGuide && sampled) {
                browser.accessibilityViolations(SERIOUS, List.of("color-contrast")).forEach(v -> report("axe", page, "dark theme: " + v));
            }
            Object stored = browser.js("return localStorage.getItem('sdv-theme');");
            if (!"dark".equals(stored)) {
                report("theme", page, "the chosen theme is not remembered (localStorage sdv-theme=" + stored + ")");
            }
            lap("axe dark");
        }

        browser.resize(Browser.PHONE_WIDTH, 800);
        browser.waitUntilSettled();
        @SuppressWarnings("unchecked")
        List<String> overflow = (List<String>) browser.js(PHONE_OVERFLOW);
        overflow.forEach(o -> report("phone", page, o));
        browser.consoleErrors().forEach(e -> report("phone", page, "on a phone-sized screen: " + e));
        lap("phone");
    }

    /** Elements wider than a 375 px screen that are not inside something meant to scroll sideways. */
    private static final String PHONE_OVERFLOW = """
            var out = [];
            var width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width + 1) {
              out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide on a ' + width + ' px screen');
            }
            var scrollers = 'pre, .table-wrap, .search-panel, .chart-data';
            document.querySelectorAll('body *').forEach(function (el) {
              if (out.length > 8 || el.closest(scrollers)) return;
              var r = el.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed') {
                var name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
                out.push(name + ' reaches ' + Math.round(r.right) + ' px on a ' + width + ' px screen');
              }
            });
            return out;
            """;

    private void checkCharts(Browser browser, String page, String theme) {
        for (WebElement canvas : browser.driver().findElements(By.cssSelector(".chart-canvas[data-echarts]"))) {
            String chart = canvas.findElement(By.xpath("..")).getAttribute("data-chart");
            String where = "chart " + chart + " (" + theme + " theme)";
            if (theme.equals("light")) {
                charts.incrementAndGet();
            }
            JsonNode declared;
            try {
                declared = JSON.readTree(canvas.getAttribute("data-echarts")).path("series");
            } catch (Exception e) {
                report("charts", page, where + ": option is not JSON");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>) browser.js("""
                    var el = arguments[0];
                    var chart = window.echarts && echarts.getInstanceByDom(el);
                    if (!chart) return { error: 'ECharts did not draw it' };
                    var c = el.querySelector('canvas');
                    var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    var inked = 0;
                    for (var i = 3; i < data.length; i += 4) { if (data[i] > 0) inked++; }
                    var series = chart.getOption().series.map(function (s) {
                      var d = s.data || s.nodes || [];
                      return { type: s.type, name: s.name || '', points: d.length };
                    });
                    return { inked: inked, series: series, theme: el.getAttribute('data-rendered-theme') };
                    """, canvas);
            if (drawn.containsKey("error")) {
                report("charts", page, where + ": " + drawn.get("error"));
                continue;
            }
            if (((Number) drawn.get("inked")).longValue() < 200) {
                report("charts", page, where + ": the canvas is blank (" + drawn.get("inked") + " inked pixels)");
            }
            if (!theme.equals(drawn.get("theme"))) {
                report(theme.equals("dark") ? "theme" : "charts", page, where + ": drawn in the " + drawn.get("theme") + " theme");
            }
            if (theme.equals("light")) {
                // a tooltip must not need inline styles (the CSP forbids them): show one and listen
                browser.js("var c = echarts.getInstanceByDom(arguments[0]);"
                        + "c.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });"
                        + "c.dispatchAction({ type: 'hideTip' });", canvas);
                browser.consoleErrors().forEach(e -> report("charts", page, where + ": showing its tooltip: " + e));
            }
            List<?> series = (List<?>) drawn.get("series");
            if (series.size() != declared.size()) {
                report("charts", page, where + ": declares " + declared.size() + " series, drew " + series.size());
                continue;
            }
            for (int i = 0; i < series.size(); i++) {
                Map<?, ?> s = (Map<?, ?>) series.get(i);
                JsonNode d = declared.get(i);
                JsonNode data = d.has("data") ? d.get("data") : d.path("nodes");
                if (!d.path("type").asText().equals(s.get("type")) || data.size() != ((Number) s.get("points")).intValue()) {
                    report("charts", page, where + ": series " + i + " declared " + d.path("type").asText() + " with "
                            + data.size() + " points, drew " + s.get("type") + " with " + s.get("points"));
                }
            }
        }
    }

    @Test
    void everyPageLoadsWithoutConsoleErrorsOrFailedRequests() {
        assertTrue(pages.get() > 0, "no pages were opened");
        assertTrue(findings("load").isEmpty(), "console errors or failed requests:\n" + String.join("\n", findings("load")));
    }

    @Test
    void everyChartDrawsTheSeriesItsOptionDeclaresOnANonBlankCanvas() {
        assertTrue(charts.get() > 0, "no charts on the site");
        assertTrue(findings("charts").isEmpty(), "charts not drawn as declared:\n" + String.join("\n", findings("charts")));
    }

    @Test
    void theThemeToggleSwitchesRemembersAndRedrawsEveryChart() {
        assertTrue(findings("theme").isEmpty(), "theme problems:\n" + String.join("\n", findings("theme")));
    }

    @Test
    void onAPhoneNothingScrollsSidewaysButCodeAndTables() {
        assertTrue(findings("phone").isEmpty(), "too wide for a 375 px screen:\n" + String.join("\n", findings("phone")));
    }

    @Test
    void axeFindsNoSeriousOrCriticalAccessibilityViolationInEitherTheme() {
        assertTrue(findings("axe").isEmpty(), "accessibility violations:\n" + String.join("\n", findings("axe")));
    }
}
