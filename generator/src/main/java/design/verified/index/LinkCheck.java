package design.verified.index;

import design.verified.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * After the bake: every internal link and fragment resolves, and nothing a page loads (scripts, styles,
 * images, fonts) comes from outside the site. Cross-references between modules are ordinary links, so
 * a renamed section breaks the build here rather than a reader's click.
 */
public final class LinkCheck {

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|@import\\s+['\"]([^'\"]+)['\"]");

    private LinkCheck() {
    }

    /**
     * @param site        the baked site
     * @param pages       every HTML page of the site, parsed
     * @param sourceOf    maps a site-relative HTML path to the file an author would fix
     */
    static List<Problem> check(Path site, Map<Path, ParsedPages.Parsed> pages, Function<String, String> sourceOf) {
        List<Problem> problems = new ArrayList<>();
        Map<Path, Set<String>> ids = new HashMap<>();
        for (Map.Entry<Path, ParsedPages.Parsed> entry : pages.entrySet()) {
            Path file = entry.getKey();
            String page = site.relativize(file).toString().replace('\\', '/');
            Document doc = entry.getValue().document();
            for (Element e : doc.select("[href], [src]")) {
                boolean loads = !e.tagName().equals("a");
                String attr = e.hasAttr("href") ? "href" : "src";
                String target = e.attr(attr).strip();
                String issue = issueWith(site, file, target, loads, pages, ids);
                if (issue != null) {
                    problems.add(Problem.in(sourceOf.apply(page), issue + " (in " + page + ", <" + e.tagName() + " " + attr
                            + "=\"" + target + "\">)"));
                }
            }
            for (Element style : doc.select("[style]")) {
                cssUrls(style.attr("style")).stream().filter(LinkCheck::isExternal).forEach(u ->
                        problems.add(Problem.in(sourceOf.apply(page), "inline style loads " + u + " from outside the site")));
            }
        }
        try (var walk = Files.walk(site)) {
            for (Path css : walk.filter(p -> p.toString().endsWith(".css")).toList()) {
                for (String u : cssUrls(Files.readString(css, StandardCharsets.UTF_8))) {
                    if (isExternal(u)) {
                        problems.add(Problem.in("templates/static/" + site.relativize(css), "stylesheet loads " + u
                                + " from outside the site"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static String issueWith(Path site, Path page, String target, boolean loads, Map<Path, ParsedPages.Parsed> pages,
            Map<Path, Set<String>> ids) {
        if (target.isEmpty()) {
            return "empty link";
        }
        if (isExternal(target)) {
            return loads ? "loads " + target + " from outside the site; bundle it instead" : null;
        }
        if (target.startsWith("mailto:") || target.startsWith("data:")) {
            return null;
        }
        if (target.startsWith("/")) {
            return "root-relative link " + target + " breaks when the site is opened from a folder; use a relative link";
        }
        String path = target;
        String fragment = null;
        int hash = target.indexOf('#');
        if (hash >= 0) {
            path = target.substring(0, hash);
            fragment = target.substring(hash + 1);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path resolved;
        try {
            resolved = path.isEmpty() ? page : page.getParent().resolve(new URI(null, null, path, null).getPath()).normalize();
        } catch (URISyntaxException e) {
            return "malformed link";
        }
        if (!resolved.startsWith(site)) {
            return "link leaves the site";
        }
        if (Files.isDirectory(resolved)) {
            resolved = resolved.resolve("index.html");
        }
        if (!Files.isRegularFile(resolved)) {
            return "broken link: " + site.relativize(resolved) + " does not exist";
        }
        if (fragment != null && !fragment.isEmpty() && resolved.toString().endsWith(".html")) {
            Set<String> targetIds = ids.computeIfAbsent(resolved, html -> idsOf(pages.get(html)));
            if (!targetIds.contains(fragment)) {
                return "broken link: " + site.relativize(resolved) + " has no element with id '" + fragment + "'";
            }
        }
        return null;
    }

    private static Set<String> idsOf(ParsedPages.Parsed html) {
        Set<String> out = new HashSet<>();
        for (Element e : html.document().select("[id], a[name]")) {
            out.add(e.hasAttr("id") ? e.id() : e.attr("name"));
        }
        return out;
    }

    static boolean isExternal(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("http:") || u.startsWith("https:") || u.startsWith("//") || u.startsWith("ftp:");
    }

    private static List<String> cssUrls(String css) {
        List<String> out = new ArrayList<>();
        Matcher m = CSS_URL.matcher(css);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
