package design.verified.sitetests;

import design.verified.BuildFailure;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calculators compute in the browser and must agree with the Java programs the pages show: for the default
 * inputs (facts of the program) every step equals the program's fact, and changing an input changes the
 * result. Checked on every published page with a calculator, and on a fixture page holding every kind, whose
 * program computes the same quantities in Java.
 */
class CalculatorsTest {

    @RegisterExtension
    static final LocalServer.PerClass published = new LocalServer.PerClass();
    @AutoClose
    private static LocalServer fixture;

    @BeforeAll
    static void serve() throws Exception {
        FixtureSite site = FixtureSite.create();
        site.write("snippets/fixture/Knobs.java", KNOBS);
        site.write("content/modules/02-calculators.adoc", """
                = Calculators
                :jbake-type: module
                :jbake-status: published
                :jbake-order: 2

                Every kind of calculator, with a fixture program's facts as defaults.

                calculator::quorum[facts=fixture.quorum-]

                calculator::cache[facts=fixture.cache-]

                calculator::slo[facts=fixture.slo-]

                calculator::capacity[facts=fixture.capacity-]
                """);
        BuildFailure failure = site.build();
        assertNull(failure, () -> "the calculator fixture should build: " + failure.problems());
        fixture = LocalServer.serve(site.root.resolve("target/site"), "/");
    }

    @Test
    void everyPublishedCalculatorShowsItsProgramsResultsForTheDefaultsAndUpdatesWhenAnInputChanges() {
        int calculators = 0;
        List<String> problems = new ArrayList<>();
        for (String page : PublishedSite.pages()) {
            if (PublishedSite.page(page).selectFirst("form.calculator") != null) {
                calculators += check(published.url(page), page, problems);
            }
        }
        assertTrue(calculators > 0, "no calculator on the site (Module 1 has calculator::capacity[])");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKindOfCalculatorAgreesWithAJavaProgramOnAFixturePage() {
        List<String> problems = new ArrayList<>();
        int calculators = check(fixture.url("modules/02-calculators.html"), "fixture modules/02-calculators.html", problems);
        assertTrue(calculators == 4, "the fixture page should show 4 calculators, found " + calculators);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Checks every calculator on one page; returns how many there were. */
    private static int check(String url, String page, List<String> problems) {
        Browser browser = Browser.shared();
        browser.visit(url).forEach(p -> problems.add(page + ": " + p));
        List<WebElement> forms = browser.driver().findElements(By.cssSelector("form.calculator"));
        for (WebElement form : forms) {
            String where = page + " calculator " + form.getAttribute("data-calculator");
            List<String> before = new ArrayList<>();
            for (WebElement output : form.findElements(By.cssSelector("output[data-expect]"))) {
                String value = output.getAttribute("data-value");
                String expected = output.getAttribute("data-expect");
                before.add(value);
                if (value == null || !sameNumber(Double.parseDouble(value), Double.parseDouble(expected))) {
                    problems.add(where + ": step '" + output.getAttribute("name") + "' shows " + value + " for the default inputs, but "
                            + output.getAttribute("data-fact") + " = " + expected);
                }
                WebElement math = output.findElement(By.xpath("following-sibling::span[@class='step-math']"));
                if (math.getText().isBlank()) {
                    problems.add(where + ": step '" + output.getAttribute("name") + "' does not show its arithmetic");
                }
            }
            WebElement knob = form.findElement(By.cssSelector("input[name]"));
            browser.js("var i = arguments[0]; i.value = String(Number(i.value) * 2 + 1);"
                    + "i.dispatchEvent(new Event('input', { bubbles: true }));", knob);
            List<String> after = form.findElements(By.cssSelector("output[data-expect]")).stream()
                    .map(o -> o.getAttribute("data-value")).toList();
            if (after.equals(before)) {
                problems.add(where + ": changing '" + knob.getAttribute("name") + "' changed no result");
            }
            form.findElement(By.cssSelector("button[type=reset]")).click();
            browser.js("return new Promise(function (r) { setTimeout(r, 50); });");
            List<String> reset = form.findElements(By.cssSelector("output[data-expect]")).stream()
                    .map(o -> o.getAttribute("data-value")).toList();
            if (!reset.equals(before)) {
                problems.add(where + ": 'Back to the defaults' did not restore the program's results: " + reset + " vs " + before);
            }
        }
        browser.consoleErrors().forEach(e -> problems.add(page + ": " + e));
        return forms.size();
    }

    static boolean sameNumber(double a, double b) {
        return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** The quantities each calculator computes, in Java, as the modules' programs do. */
    static final String KNOBS = """
            package fixture;

            import java.util.LinkedHashMap;
            import java.util.Map;

            public class Knobs {
                public static Map<String, Object> facts() {
                    Map<String, Object> f = new LinkedHashMap<>();
                    int n = 5, r = 2, w = 3;
                    f.put("quorum-n", n);
                    f.put("quorum-r", r);
                    f.put("quorum-w", w);
                    f.put("quorum-strong", r + w > n ? 1 : 0);
                    f.put("quorum-write-failures-tolerated", n - w);
                    f.put("quorum-read-failures-tolerated", n - r);
                    double hit = 0.95, hitMs = 0.5, missMs = 20;
                    f.put("cache-hit-rate", hit);
                    f.put("cache-hit-ms", hitMs);
                    f.put("cache-miss-ms", missMs);
                    f.put("cache-effective-ms", hit * hitMs + (1 - hit) * missMs);
                    double slo = 0.999;
                    int days = 30;
                    f.put("slo-slo", slo);
                    f.put("slo-window-days", days);
                    f.put("slo-budget-minutes", (1 - slo) * (days * 24 * 60));
                    f.put("slo-fast-burn-rate", 0.02 * (days * 24) / 1);
                    f.put("slo-slow-burn-rate", 0.05 * (days * 24) / 6);
                    long users = 50_000_000;
                    int actions = 10, zones = 3, regions = 3;
                    double peakFactor = 4, perServer = 2_000;
                    double average = (double) users * actions / 86_400;
                    double peak = average * peakFactor;
                    double exact = peak / perServer;
                    double regional = peak / (regions - 1);
                    int perRegion = survive(regional / perServer, zones);
                    f.put("capacity-dau", users);
                    f.put("capacity-opens-per-user", actions);
                    f.put("capacity-peak-factor", peakFactor);
                    f.put("capacity-qps-per-server", perServer);
                    f.put("capacity-zones", zones);
                    f.put("capacity-regions", regions);
                    f.put("capacity-average-qps", average);
                    f.put("capacity-peak-qps", peak);
                    f.put("capacity-servers-at-peak", (int) Math.ceil(exact));
                    f.put("capacity-servers-zone-loss", survive(exact, zones));
                    f.put("capacity-regional-peak-qps", regional);
                    f.put("capacity-servers-per-region", perRegion);
                    f.put("capacity-fleet", perRegion * regions);
                    return f;
                }

                static int survive(double needed, int zones) {
                    int n = (int) Math.ceil(needed);
                    while (n - (n + zones - 1) / zones < needed) {
                        n++;
                    }
                    return n;
                }
            }
            """;
}
