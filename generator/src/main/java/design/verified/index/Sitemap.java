package design.verified.index;

import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code sitemap.xml} and {@code robots.txt}, from the address every page declares for itself
 * ({@code og:url}, set from templates/settings.ftl): change the site's address there, and both follow.
 */
public final class Sitemap {

    private Sitemap() {
    }

    static int write(Path site, Map<Path, ParsedPages.Parsed> pages) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String home = null;
        int count = 0;
        for (Map.Entry<Path, ParsedPages.Parsed> page : pages.entrySet()) {
            Path file = page.getKey();
            Element declared = page.getValue().document().selectFirst("meta[property=og:url]");
            if (declared == null || site.relativize(file).toString().equals(NotFoundPage.FILE)) {
                continue;
            }
            String url = declared.attr("content");
            if (site.relativize(file).toString().equals("index.html")) {
                home = url.replaceFirst("index\\.html$", "");
            }
            xml.append("  <url><loc>").append(escape(url)).append("</loc></url>\n");
            count++;
        }
        xml.append("</urlset>\n");
        try {
            Files.writeString(site.resolve("sitemap.xml"), xml.toString(), StandardCharsets.UTF_8);
            Files.writeString(site.resolve("robots.txt"), "User-agent: *\nAllow: /\n"
                    + (home == null ? "" : "Sitemap: " + home + "sitemap.xml\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
