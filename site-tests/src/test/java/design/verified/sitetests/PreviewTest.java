package design.verified.sitetests;

import design.verified.SiteLayout;
import design.verified.serve.PreviewServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code serve} mode on the fixture site, driven through its HTTP endpoints and its console: each kind
 * of edit redoes only the stages it affects, a failed rebuild is reported with file and line while the
 * last good pages stay served, and the next good save recovers.
 */
class PreviewTest {

    private static final String MODULE = "modules/01-fixture.html";
    private static final Pattern GENERATION = Pattern.compile("\"generation\":(\\d+)");
    /** Only a guard against a hang: the rebuilds themselves take about a second. */
    private static final long GIVE_UP_MILLIS = 120_000;

    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FixtureSite site;
    private static PreviewServer preview;

    @BeforeAll
    static void startThePreview() throws IOException {
        site = FixtureSite.create();
        preview = PreviewServer.start(SiteLayout.at(site.root), 0,
                new PrintStream(CONSOLE, true, StandardCharsets.UTF_8));
        assertEquals(1, generation(), "the first build should succeed:\n" + console());
    }

    @AfterAll
    static void stopThePreview() {
        preview.close();
    }

    @Test
    void eachEditRedoesOnlyWhatItAffects() {
        String served = get(MODULE);
        assertTrue(served.contains("two and two make 4"), "the snippet's output should be on the page");
        assertTrue(served.contains("/__preview/reload.js"), "served pages should carry the reload script");
        assertFalse(site.read("target/site/" + MODULE).contains("__preview"), "the published file must stay as built");

        String log = afterSaving(FixtureSite.PAGE, site.read(FixtureSite.PAGE).replace("Two and two make", "Two plus two make"));
        assertTrue(get(MODULE).contains("Two plus two make"), "the prose edit should be served");
        assertTrue(log.contains("0 of 1 programs compiled") && log.contains("0 ran, 1 from cache"),
                "a prose edit should neither compile nor run anything:\n" + log);
        int[] prose = rendered(log);
        assertTrue(prose[0] < prose[1], "a prose edit should re-render only the pages it touches:\n" + log);

        String snippet = "snippets/fixture/Good.java";
        log = afterSaving(snippet, site.read(snippet).replace("\"two and two make \"", "\"2 + 2 = \""));
        assertTrue(get(MODULE).contains("2 + 2 = 4"), "the snippet's new output should be served");
        assertTrue(log.contains("1 of 1 programs compiled") && log.contains("1 ran"),
                "a snippet edit should recompile and rerun that snippet:\n" + log);

        String layout = "templates/layout.ftl";
        log = afterSaving(layout, site.read(layout).replace("<footer class=\"footer\">",
                "<footer class=\"footer\">\n  Preview test footer."));
        assertTrue(get(MODULE).contains("Preview test footer."), "the template edit should be served");
        assertTrue(log.contains("0 of 1 programs compiled") && log.contains("0 ran, 1 from cache"),
                "a template edit should rerun nothing:\n" + log);
        int[] template = rendered(log);
        assertEquals(template[1], template[0], "a template edit should re-render every page:\n" + log);
    }

    @Test
    void aFailedRebuildIsReportedWhileTheLastGoodPagesAreServed() {
        String snippet = "snippets/fixture/Good.java";
        String good = site.read(snippet);
        String before = get(MODULE);
        long generation = generation();

        site.write(snippet, good.replace("System.out.println(", "System.out.println(undefinedName + "));
        String status = awaitStatus(s -> !s.contains("\"error\":null"));
        assertTrue(status.contains("snippets/fixture/Good.java:8"), "the error should name the file and line: " + status);
        assertTrue(console().contains("still serving the last good site"), console());
        assertEquals(generation, generation(), "a failed build must not count as a new site");
        assertEquals(before, get(MODULE), "the last good page should still be served");

        site.write(snippet, good);
        awaitStatus(s -> s.contains("\"error\":null") && generationIn(s) > generation);
        assertEquals(before, get(MODULE), "fixing the file should bring the same page back");
    }

    /** Saves a file, waits for the rebuild it causes and returns what the preview printed meanwhile. */
    private static String afterSaving(String relative, String text) {
        assertFalse(text.equals(site.read(relative)), "the edit should change " + relative);
        int from = console().length();
        long generation = generation();
        site.write(relative, text);
        String status = awaitStatus(s -> generationIn(s) > generation || !s.contains("\"error\":null"));
        String log = console().substring(from);
        assertTrue(status.contains("\"error\":null"), "the rebuild failed: " + status + "\n" + log);
        return log;
    }

    /** The numbers in the bake line "N of M pages rendered". */
    private static int[] rendered(String log) {
        Matcher m = Pattern.compile("(\\d+) of (\\d+) pages rendered").matcher(log);
        assertTrue(m.find(), "no bake line in:\n" + log);
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static String awaitStatus(Predicate<String> wanted) {
        long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
        String status = get("__preview/status");
        while (!wanted.test(status)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the preview never reached the expected state; last status " + status
                        + "\nconsole:\n" + console());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            status = get("__preview/status");
        }
        return status;
    }

    private static long generation() {
        return generationIn(get("__preview/status"));
    }

    private static long generationIn(String status) {
        Matcher m = GENERATION.matcher(status);
        assertTrue(m.find(), "no generation in " + status);
        return Long.parseLong(m.group(1));
    }

    private static String console() {
        synchronized (CONSOLE) {
            return CONSOLE.toString(StandardCharsets.UTF_8);
        }
    }

    private static String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + preview.port() + "/" + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
