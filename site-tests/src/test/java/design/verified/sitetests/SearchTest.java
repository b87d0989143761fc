package design.verified.sitetests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Search finds sections, not just pages, ranks the section a reader means first, and answers to "/". */
class SearchTest {

    /** What a reader would type, and the section that should come first. */
    static final Map<String, String> QUERIES = Map.of(
            "latency ladder", "modules/01-foundations.html#the-latency-ladder",
            "little's law", "modules/01-foundations.html#per-server-rules-of-thumb",
            "emoji bytes", "modules/01-foundations.html#byte-scales");

    @RegisterExtension
    static final LocalServer.PerClass server = new LocalServer.PerClass();

    @Test
    void theFirstResultForWhatAReaderTypesIsTheSectionTheyMean() {
        Browser browser = Browser.shared();
        browser.visit(server.url("about.html"));
        StringBuilder wrong = new StringBuilder();
        QUERIES.forEach((query, expected) -> {
            List<?> results = (List<?>) browser.jsAsync("window.sdvSearch(arguments[0]).then(done);", query);
            String first = results.isEmpty() ? "(nothing)" : String.valueOf(((Map<?, ?>) results.get(0)).get("url"));
            if (!first.equals(expected)) {
                wrong.append("\"").append(query).append("\": first result ").append(first).append(", expected ").append(expected)
                        .append("; got ").append(results.stream().limit(5).map(r -> ((Map<?, ?>) r).get("url")).toList()).append('\n');
            }
        });
        assertTrue(wrong.isEmpty(), wrong.toString());
        assertTrue(browser.consoleErrors().isEmpty(), "console errors while searching");
    }

    @Test
    void slashFocusesTheBoxAndEachResultShowsSectionPageAndTheMatchingWords() {
        Browser browser = Browser.shared();
        List<String> problems = browser.visit(server.url("index.html"));
        assertTrue(problems.isEmpty(), problems.toString());
        new Actions(browser.driver()).sendKeys("/").perform();
        assertEquals("search-input", browser.js("return document.activeElement && document.activeElement.id;"),
                "pressing / on the home page did not focus the search box");
        new Actions(browser.driver()).sendKeys("latency").perform();
        // Results appear while the reader types: wait for the ones for the whole word, not for its first letters.
        WebElement first = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .withMessage("no first result whose excerpt highlights the typed word 'latency'")
                .until(d -> {
                    WebElement a = d.findElement(By.cssSelector("#search-results li a"));
                    String mark = a.findElement(By.cssSelector(".result-excerpt mark")).getText();
                    return mark.toLowerCase().startsWith("latency") ? a : null;
                });
        assertFalse(first.findElement(By.cssSelector(".result-section")).getText().isBlank(), "a result without its section title");
        assertFalse(first.findElement(By.cssSelector(".result-page")).getText().isBlank(), "a result without its page");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("#"));
        assertTrue(browser.driver().getCurrentUrl().contains("modules/01-foundations.html#"),
                "Enter did not open the first result: " + browser.driver().getCurrentUrl());
        assertTrue(browser.consoleErrors().isEmpty(), "console errors while searching");
    }
}
