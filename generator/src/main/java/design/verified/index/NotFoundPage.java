package design.verified.index;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code 404.html}, which static hosts serve for any missing address, at any depth: the home page's frame
 * with a short message. Its relative links resolve against a {@code <base>} set to the site's own path
 * (from the address the home page declares, see templates/settings.ftl), so the page works wherever the
 * missing address was.
 */
public final class NotFoundPage {

    public static final String FILE = "404.html";

    private NotFoundPage() {
    }

    public static void write(Path site) {
        Path home = site.resolve("index.html");
        if (!Files.isRegularFile(home)) {
            return;
        }
        Document page = ParsedPages.copy(home);
        page.outputSettings().prettyPrint(false);
        Element declared = page.selectFirst("meta[property=og:url]");
        String basePath = declared == null ? "/" : basePath(declared.attr("content"));
        page.title("Page not found · System Design, Verified");
        page.select("meta[name=description]").attr("content", "This address is not a page of System Design, Verified.");
        page.select("meta[property=og:url]").remove();
        page.head().prependElement("base").attr("href", basePath);
        page.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
        page.select("meta[http-equiv=Content-Security-Policy]").forEach(m ->
                m.attr("content", m.attr("content").replace("base-uri 'none'", "base-uri 'self'")));
        page.body().attr("class", "kind-not-found");
        page.select(".sidebar li.current").removeClass("current");
        page.select(".sidebar [aria-current]").removeAttr("aria-current");
        Element main = page.selectFirst("main");
        main.empty();
        Element article = main.appendElement("article").addClass("page");
        article.appendElement("h1").text("This page does not exist");
        article.appendElement("p").text("The address may be mistyped, or the page may have moved. "
                + "Search the guide with the box at the top, or pick a page from the course.");
        article.appendElement("p").appendElement("a").attr("href", "index.html").text("Go to the home page");
        try {
            Files.writeString(site.resolve(FILE), page.outerHtml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** https://host/guide/index.html becomes /guide/. */
    static String basePath(String url) {
        String path = URI.create(url).getPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
