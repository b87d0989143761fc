package design.verified.sitetests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every code block has a Copy button that puts exactly the program's code on the clipboard. */
class CodeBlocksTest {

    @RegisterExtension
    static final LocalServer.PerClass server = new LocalServer.PerClass();

    @Test
    void theCopyButtonCopiesTheCodeExactly() {
        Browser browser = Browser.shared();
        String page = PublishedSite.pages().stream().filter(p -> p.startsWith("modules/")).findFirst().orElseThrow();
        browser.visit(server.url(page));
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", server.url("").replaceFirst("^(http://[^/]+).*$", "$1"),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        List<WebElement> blocks = browser.driver().findElements(By.cssSelector(".listingblock"));
        assertFalse(blocks.isEmpty(), page + " has no code block");
        for (WebElement block : blocks) {
            assertFalse(block.findElements(By.cssSelector("button.copy-button")).isEmpty(), page + ": a code block without a Copy button");
        }
        WebElement first = blocks.get(0);
        first.findElement(By.cssSelector("button.copy-button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> first.findElement(By.cssSelector("button.copy-button")).getText().equals("Copied"));
        Object copied = browser.jsAsync("navigator.clipboard.readText().then(done, function (e) { done('ERROR ' + e); });");
        Object code = browser.js("return arguments[0].querySelector('pre').textContent;", first);
        assertEquals(code, copied, page + ": the clipboard does not hold the code block's text");
        assertTrue(browser.consoleErrors().isEmpty(), page + ": console errors while copying");
    }
}
