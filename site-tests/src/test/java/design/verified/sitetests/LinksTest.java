package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site stands alone: every internal link and fragment resolves, and nothing is loaded from elsewhere. */
class LinksTest {

    @Test
    void noBrokenInternalLinkOrFragment() {
        Path site = PublishedSite.dir();
        List<String> broken = new ArrayList<>();
        for (String page : PublishedSite.pages()) {
            for (Element a : PublishedSite.page(page).select("a[href]")) {
                String href = a.attr("href");
                if (href.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
                Path target = path.isEmpty() ? site.resolve(page)
                        : site.resolve(page).getParent().resolve(URI.create(path).getPath()).normalize();
                if (!Files.isRegularFile(target)) {
                    broken.add(page + " -> " + href + " (no such file)");
                    continue;
                }
                if (!fragment.isEmpty() && target.toString().endsWith(".html")) {
                    Document doc = PublishedSite.page(site.relativize(target).toString().replace('\\', '/'));
                    if (doc.getElementById(fragment) == null && doc.selectFirst("a[name=" + fragment + "]") == null) {
                        broken.add(page + " -> " + href + " (no element with that id)");
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
    }

    @Test
    void nothingIsLoadedFromOutsideTheSite() {
        Path site = PublishedSite.dir();
        List<String> outside = new ArrayList<>();
        for (String page : PublishedSite.pages()) {
            for (Element e : PublishedSite.page(page).select("script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                if (url.matches("(?i)(https?:)?//.*")) {
                    outside.add(page + ": <" + e.tagName() + "> loads " + url);
                } else if (!Files.isRegularFile(site.resolve(page).getParent().resolve(url).normalize())) {
                    outside.add(page + ": <" + e.tagName() + "> loads missing " + url);
                }
            }
            for (Element e : PublishedSite.page(page).select("style, [style]")) {
                String css = e.tagName().equals("style") ? e.data() : e.attr("style");
                if (css.matches("(?is).*url\\(\\s*['\"]?(https?:)?//.*")) {
                    outside.add(page + ": inline CSS loads from outside");
                }
            }
        }
        assertTrue(outside.isEmpty(), String.join("\n", outside));
    }

    @Test
    void everyCodeBlockIsAProgramTheBuildRan() {
        for (String page : PublishedSite.authoredPages()) {
            for (Element pre : PublishedSite.page(page).select("pre")) {
                assertTrue(pre.closest(".snippet") != null, page + ": a code block that is not a snippet: "
                        + pre.text().substring(0, Math.min(60, pre.text().length())));
            }
        }
    }
}
