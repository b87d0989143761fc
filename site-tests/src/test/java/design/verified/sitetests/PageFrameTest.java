package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every page carries around its content: title, description, favicon, the CSP, its correction link; and the sitemap. */
class PageFrameTest {

    @Test
    void everyPageHasATitleADescriptionAFaviconAndTheStrictContentSecurityPolicy() {
        List<String> problems = new ArrayList<>();
        for (String page : PublishedSite.pages()) {
            Document doc = PublishedSite.page(page);
            if (doc.title().isBlank()) {
                problems.add(page + ": no <title>");
            }
            if (doc.select("meta[name=description]").attr("content").isBlank()) {
                problems.add(page + ": no meta description");
            }
            if (doc.selectFirst("link[rel=icon][href]") == null) {
                problems.add(page + ": no favicon link (browsers then request /favicon.ico and log an error)");
            }
            String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
            for (String directive : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'")) {
                if (!csp.contains(directive)) {
                    problems.add(page + ": the Content-Security-Policy lacks " + directive + " (found: " + csp + ")");
                }
            }
            if (csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
                problems.add(page + ": the Content-Security-Policy allows inline code: " + csp);
            }
            if (!doc.select("script:not([src])").isEmpty() || !doc.select("style").isEmpty() || !doc.select("[style]").isEmpty()) {
                problems.add(page + ": inline script or style, which the Content-Security-Policy blocks");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyCorrectionLinkOpensTheSourceFileOfItsPage() {
        Path repo = PublishedSite.repositoryRoot();
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (String page : PublishedSite.pages()) {
            Element link = PublishedSite.page(page).selectFirst("a.correction-link");
            if (link == null) {
                if (!Set.of("guide.html", "404.html").contains(page)) {
                    problems.add(page + ": no 'Suggest a correction' link");
                }
                continue;
            }
            links++;
            Matcher m = Pattern.compile("/edit/[^/]+/(.+)$").matcher(link.attr("href"));
            if (!m.find()) {
                problems.add(page + ": correction link " + link.attr("href") + " does not name a file to edit");
            } else if (!Files.isRegularFile(repo.resolve(m.group(1)))) {
                problems.add(page + ": correction link names " + m.group(1) + ", which is not a file in the repository");
            }
        }
        assertTrue(links > 0, "no correction links");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theSitemapListsEveryPageAtTheAddressItDeclares() throws Exception {
        String sitemap = Files.readString(PublishedSite.dir().resolve("sitemap.xml"));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("<loc>([^<]+)</loc>").matcher(sitemap);
        while (m.find()) {
            listed.add(m.group(1).replace("&amp;", "&"));
        }
        List<String> missing = new ArrayList<>();
        for (String page : PublishedSite.pages()) {
            if (page.equals("404.html")) {
                continue;
            }
            String declared = PublishedSite.page(page).select("meta[property=og:url]").attr("content");
            if (declared.isBlank() || !declared.endsWith(page) || !listed.contains(declared)) {
                missing.add(page + " (declares '" + declared + "')");
            }
        }
        assertFalse(listed.isEmpty(), "sitemap.xml lists nothing");
        assertTrue(missing.isEmpty(), "pages missing from sitemap.xml:\n" + String.join("\n", missing));
        assertTrue(Files.readString(PublishedSite.dir().resolve("robots.txt")).contains("Sitemap: "), "robots.txt does not name the sitemap");
    }
}
