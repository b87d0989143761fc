package design.verified.index;

import design.verified.discover.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class WholeGuideTest {

    private static final String FRAME = """
            <!DOCTYPE html><html><head><title>Home</title><meta name="description" content="d">
            <meta property="og:url" content="https://example.org/guide/index.html"></head>
            <body><nav class="sidebar"><ul><li class="current"><a href="index.html" aria-current="page">Home</a></li>
            <li><a href="guide.html">Whole guide</a></li></ul></nav><main><article><h1>Home</h1></article></main></body></html>
            """;

    private static Page page(String output, int order) {
        return new Page("content/" + output, output, Page.Format.ASCIIDOC, "Title " + order, "module", order, "", List.of());
    }

    @Test
    void partsKeepTheirIdsApartAndLinksBetweenPagesBecomeLinksWithinTheGuide() throws Exception {
        Path site = Files.createTempDirectory("guide");
        Files.writeString(site.resolve("index.html"), FRAME);
        Files.createDirectories(site.resolve("modules"));
        Files.writeString(site.resolve("modules/01-a.html"), "<html><body><main><article><h1>A</h1>"
                + "<h2 id=\"bandwidth\">Bandwidth</h2><p><a href=\"#bandwidth\">here</a> "
                + "<a href=\"02-b.html#bandwidth\">there</a> <a href=\"../programs/x/Y.html\">program</a></p>"
                + "<label for=\"k\">k</label><input id=\"k\"></article></main></body></html>");
        Files.writeString(site.resolve("modules/02-b.html"), "<html><body><main><article><h1>B</h1>"
                + "<h2 id=\"bandwidth\">Bandwidth again</h2></article></main></body></html>");

        WholeGuide.write(site, List.of(page("modules/01-a.html", 1), page("modules/02-b.html", 2)));

        Document guide = Jsoup.parse(site.resolve("guide.html").toFile(), "UTF-8");
        assertNotNull(guide.getElementById("modules-01-a--bandwidth"));
        assertNotNull(guide.getElementById("modules-02-b--bandwidth"));
        assertNull(guide.getElementById("bandwidth"), "an id left unprefixed would repeat across parts");
        assertEquals(List.of("#modules-01-a--bandwidth", "#modules-02-b--bandwidth", "programs/x/Y.html"),
                guide.select("#modules-01-a p a").eachAttr("href"));
        assertEquals("modules-01-a--k", guide.selectFirst("#modules-01-a label").attr("for"));
        assertEquals(1, guide.select("h1").size(), "one h1: the pages' titles move down a level");
        assertEquals("h2", guide.selectFirst("#modules-01-a > :first-child").tagName());
        assertEquals("https://example.org/guide/guide.html", guide.select("meta[property=og:url]").attr("content"));
        assertEquals("page", guide.select(".sidebar a[href=guide.html]").attr("aria-current"));
        assertEquals("", guide.select(".sidebar a[href=index.html]").attr("aria-current"));
    }

    @Test
    void theNotFoundPageResolvesItsLinksAgainstTheSitesOwnPath() throws Exception {
        assertEquals("/guide/", NotFoundPage.basePath("https://example.org/guide/index.html"));
        assertEquals("/", NotFoundPage.basePath("https://example.org/index.html"));
    }
}
