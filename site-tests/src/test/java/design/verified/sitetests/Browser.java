package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * One headless Chromium for the whole test run (Debian's chromium driven by Debian's chromedriver, both
 * named explicitly so nothing is ever downloaded), offline, with its console and network logs on.
 * {@link #visit} loads a page and reports what a reader's browser would have complained about.
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 375;

    private static Browser shared;

    private final ChromeDriver driver;
    private final Path profile;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Browser() {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException("the browser tests need " + binary + ": install Debian's chromium and "
                        + "chromium-driver packages (apt-get install chromium chromium-driver; .ci/run does)");
            }
        }
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP_WIDTH + ",900", "--force-prefers-reduced-motion");
        Map<String, Object> logging = new HashMap<>();
        logging.put(LogType.BROWSER, "ALL");
        logging.put(LogType.PERFORMANCE, "ALL");
        options.setCapability("goog:loggingPrefs", logging);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** The run's browser, started on first use and closed when the test JVM exits. */
    static synchronized Browser shared() {
        if (shared == null) {
            shared = new Browser();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
        }
        return shared;
    }

    /** Another browser, for work in parallel with the shared one; the caller quits it. */
    static Browser start() {
        return new Browser();
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Loads {@code url}, waits until the page and its charts are drawn, and returns what the load produced:
     * console errors and requests that failed (or left the site). See {@link #problems}.
     */
    List<String> visit(String url) {
        drainLogs();
        driver.get(url);
        waitUntilSettled();
        return problems();
    }

    /** Console errors, then failed requests, since the last read (once: reading empties the logs). */
    List<String> problems() {
        List<String> all = consoleErrors();
        all.addAll(failedRequests());
        return all;
    }

    void waitUntilSettled() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(js("return document.readyState;")));
        // charts are drawn as they near the screen; a test wants them all
        js("return window.sdvCharts ? window.sdvCharts.drawAll().then(function () { return true; }) : true;");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js(
                "if (document.readyState !== 'complete') return false;"
                        + "var charts = document.querySelectorAll('.chart-canvas[data-echarts]');"
                        + "for (var i = 0; i < charts.length; i++) { if (!charts[i].querySelector('canvas')) return false; }"
                        + "return true;")));
        js("return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); });");
    }

    /** Console messages at error level since the last read. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add("console: " + e.getMessage());
            }
        }
        return errors;
    }

    /** Requests that failed, answered 4xx/5xx, or went anywhere but this machine, since the last read. */
    List<String> failedRequests() {
        List<String> failed = new ArrayList<>();
        Map<String, String> urls = new HashMap<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                switch (method) {
                    case "Network.requestWillBeSent" -> {
                        String u = params.path("request").path("url").asText();
                        urls.put(params.path("requestId").asText(), u);
                        // the network (not the browser's own chrome:// pages, which a fresh profile loads by itself)
                        if (u.matches("(?i)(https?|wss?|ftp):.*") && !u.startsWith("http://127.0.0.1:")) {
                            failed.add("request outside the site: " + u);
                        }
                    }
                    case "Network.responseReceived" -> {
                        int status = params.path("response").path("status").asInt();
                        if (status >= 400 && fromThePage(params.path("response").path("url").asText())) {
                            failed.add("HTTP " + status + ": " + params.path("response").path("url").asText());
                        }
                    }
                    case "Network.loadingFailed" -> {
                        if (fromThePage(urls.getOrDefault(params.path("requestId").asText(), ""))) {
                            failed.add("request failed (" + params.path("errorText").asText()
                            + (params.has("blockedReason") ? ", blocked: " + params.path("blockedReason").asText() : "")
                            + "): " + urls.getOrDefault(params.path("requestId").asText(), "?"));
                        }
                    }
                    default -> {
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return failed;
    }

    /** Requests a page makes (network and files), not the browser's own chrome:// pages a fresh profile loads by itself. */
    private static boolean fromThePage(String url) {
        return url.matches("(?i)(https?|wss?|ftp|file):.*");
    }

    private void drainLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs {@code script} as an async function body: it ends by calling {@code done(value)}. */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];" + script, args);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Runs the vendored axe-core on the current page; returns its violations of the given impacts. */
    List<String> accessibilityViolations(List<String> impacts) {
        return accessibilityViolations(impacts, List.of(), List.of());
    }

    /** As above, limited to the given axe rules. */
    List<String> accessibilityViolations(List<String> impacts, List<String> rules) {
        return accessibilityViolations(impacts, rules, List.of());
    }

    /** As above: only {@code rules} (all when empty), minus {@code skipped}. */
    List<String> accessibilityViolations(List<String> impacts, List<String> rules, List<String> skipped) {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object';"))) {
            js(Axe.SOURCE);
        }
        Object result = jsAsync("var options = { resultTypes: ['violations'] };"
                + "if (arguments[0].length) { options.runOnly = { type: 'rule', values: arguments[0] }; }"
                + "if (arguments[1].length) { options.rules = {}; arguments[1].forEach(function (r) { options.rules[r] = { enabled: false }; }); }"
                + "axe.run(document, options).then(function (r) {"
                + "  done(r.violations.map(function (v) { return { id: v.id, impact: v.impact || '', help: v.help,"
                + "    nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }) }; }));"
                + "}, function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]); });", rules, skipped);
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) o;
            if (impacts.contains(String.valueOf(v.get("impact")))) {
                out.add(v.get("impact") + " " + v.get("id") + " (" + v.get("help") + "): " + v.get("nodes"));
            }
        }
        return out;
    }

    void quit() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the JVM is exiting
        }
    }

    /** axe-core, vendored by site-tests/vendor/update-axe.sh. */
    static final class Axe {
        static final String SOURCE = read();

        private static String read() {
            try (var in = Browser.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is missing: run site-tests/vendor/update-axe.sh 4.14.1");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
