package design.verified.index;

import design.verified.discover.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code guide.html}: the whole course on one page, in reading order, to print or read offline. Built
 * from the baked pages inside the home page's frame. Ids repeat across pages ({@code bandwidth},
 * {@code practice-questions}), so every id in a part gets the part's prefix ({@code modules-01-foundations--bandwidth}),
 * and every link to a page of the course becomes a link into this page; headings move one level down so the
 * page keeps a single {@code h1}.
 */
public final class WholeGuide {

    public static final String FILE = "guide.html";
    private static final Set<String> ID_LIST_ATTRIBUTES = Set.of("for", "aria-labelledby", "aria-describedby",
            "aria-controls", "aria-owns", "headers", "list");

    private WholeGuide() {
    }

    public static void write(Path site, List<Page> course) {
        Path home = site.resolve("index.html");
        if (!Files.isRegularFile(home) || course.isEmpty()) {
            return;
        }
        Map<String, String> prefixes = new HashMap<>();
        course.forEach(p -> prefixes.put(p.output(), prefix(p.output())));

        Document guide = ParsedPages.copy(home);
        guide.outputSettings().prettyPrint(false);
        guide.title("The whole guide · System Design, Verified");
        guide.select("meta[name=description]").attr("content",
                "Every module and case study of System Design, Verified on one page, in reading order, to print or read offline.");
        guide.select("meta[property=og:url]").forEach(m -> m.attr("content", m.attr("content").replaceFirst("index\\.html$", FILE)));
        guide.body().attr("class", "kind-guide");
        guide.select(".sidebar li.current").removeClass("current");
        guide.select(".sidebar [aria-current]").removeAttr("aria-current");
        for (Element a : guide.select(".sidebar a[href=" + FILE + "]")) {
            a.attr("aria-current", "page");
            a.parent().addClass("current");
        }
        Element main = guide.selectFirst("main");
        main.empty();
        Element article = main.appendElement("article").addClass("page").addClass("guide");
        article.appendElement("h1").text("The whole guide");
        article.appendElement("p").text("Every page of the course in reading order: modules 1 to 12, the case studies, then the review. "
                + "Print this page (or save it as PDF) for a paper copy; charts print as pictures and code wraps.");
        Element contents = article.appendElement("nav").addClass("guide-contents").attr("aria-label", "Contents of the guide");
        Element list = contents.appendElement("ol");

        boolean charts = false;
        boolean calculators = false;
        for (Page page : course) {
            Path file = site.resolve(page.output());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Element source = ParsedPages.copy(file).selectFirst("main article");
            if (source == null) {
                continue;
            }
            String prefix = prefixes.get(page.output());
            list.appendElement("li").appendElement("a").attr("href", "#" + prefix).text(page.title());
            Element part = article.appendElement("section").addClass("guide-part").attr("id", prefix)
                    .attr("aria-label", page.title());
            for (Element child : source.children()) {
                part.appendChild(child.clone());
            }
            demoteHeadings(part);
            prefixIds(part, prefix);
            rewriteLinks(part, page.output(), prefixes);
            charts |= part.selectFirst("[data-echarts]") != null;
            calculators |= part.selectFirst("[data-calculator]") != null;
        }
        if (charts && guide.selectFirst("script[src=js/charts.js]") == null) {
            guide.body().appendElement("script").attr("src", "js/charts.js"); // it loads ECharts itself
        }
        if (calculators && guide.selectFirst("script[src=js/calculators.js]") == null) {
            guide.body().appendElement("script").attr("src", "js/calculators.js");
        }
        try {
            Files.writeString(site.resolve(FILE), guide.outerHtml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** modules/01-foundations.html becomes modules-01-foundations. */
    static String prefix(String output) {
        return output.replaceFirst("\\.html$", "").replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static void demoteHeadings(Element part) {
        for (int level = 5; level >= 1; level--) {
            for (Element h : part.select("h" + level)) {
                h.tagName("h" + (level + 1));
            }
        }
    }

    private static void prefixIds(Element part, String prefix) {
        for (Element e : part.select("[id]")) {
            if (e != part) {
                e.attr("id", prefix + "--" + e.id());
            }
        }
        for (String attribute : ID_LIST_ATTRIBUTES) {
            for (Element e : part.select("[" + attribute + "]")) {
                if (attribute.equals("for") && !e.tagName().equals("label") && !e.tagName().equals("output")) {
                    continue;
                }
                StringBuilder ids = new StringBuilder();
                for (String id : e.attr(attribute).trim().split("\\s+")) {
                    if (!id.isEmpty()) {
                        ids.append(ids.length() == 0 ? "" : " ").append(prefix).append("--").append(id);
                    }
                }
                e.attr(attribute, ids.toString());
            }
        }
    }

    private static void rewriteLinks(Element part, String pageOutput, Map<String, String> prefixes) {
        for (Element e : part.select("[href], [src]")) {
            String attribute = e.hasAttr("href") ? "href" : "src";
            String target = e.attr(attribute).strip();
            if (target.isEmpty() || LinkCheck.isExternal(target) || target.startsWith("mailto:") || target.startsWith("data:")) {
                continue;
            }
            String fragment = null;
            String path = target;
            int hash = target.indexOf('#');
            if (hash >= 0) {
                fragment = target.substring(hash + 1);
                path = target.substring(0, hash);
            }
            String resolved = path.isEmpty() ? pageOutput : URI.create(pageOutput).resolve(path).normalize().toString();
            String prefix = prefixes.get(resolved);
            if (prefix != null) {
                e.attr(attribute, "#" + prefix + (fragment == null || fragment.isEmpty() ? "" : "--" + fragment));
            } else {
                e.attr(attribute, resolved + (fragment == null ? "" : "#" + fragment));
            }
        }
    }
}
