package design.verified.bake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import design.verified.Hashing;
import design.verified.data.Catalog;
import design.verified.data.Chart;
import design.verified.data.Fact;
import design.verified.data.Table;
import design.verified.discover.Page;
import design.verified.discover.Program;
import design.verified.discover.Reference;
import design.verified.discover.SourceTree;
import design.verified.run.ProgramResult;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generated page per program: its whole source, its output, the facts, tables and charts it
 * defines, and the pages that show them. "Show the program" links land here, so a reader can open
 * the code behind any number without leaving the site.
 */
final class ProgramPages {

    static final String FOLDER = "programs";
    /** Pages in the order of their source files, as the "shown on" lists give them. */
    static final Comparator<Page> BY_SOURCE = Comparator.comparing(Page::source);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgramPages() {
    }

    /** The generated pages, by their path in the staged content folder. */
    static Map<String, String> pages(Catalog catalog, SourceTree sources) {
        Map<String, Set<Page>> usedBy = usage(catalog, sources);
        Map<String, String> pages = new TreeMap<>();
        for (Program p : catalog.programs().values()) { // the HTML holds all it shows, so a changed result changes the file
            Set<Page> shownOn = usedBy.getOrDefault(p.id(), Set.of());
            String inputs = inputsHash(p, catalog, shownOn);
            Written last = WRITTEN.get(p.id());
            if (last == null || !last.inputs().equals(inputs)) {
                last = new Written(inputs, page(p, catalog, shownOn));
                WRITTEN.put(p.id(), last);
            }
            pages.put(FOLDER + "/" + p.id() + ".html", last.html());
        }
        return pages;
    }

    /** A page and a hash of what it was written from: a preview rebuild rewrites only pages whose program changed. */
    private record Written(String inputs, String html) {
    }

    private static final Map<String, Written> WRITTEN = new ConcurrentHashMap<>();

    private static String inputsHash(Program p, Catalog catalog, Set<Page> shownOn) {
        ProgramResult r = catalog.result(p.id());
        Hashing h = Hashing.sha256().add(p.source()).add(p.text());
        shownOn.forEach(page -> h.add(page.output()).add(page.title()));
        try {
            h.add(JSON.writeValueAsString(List.of(r.hasMain(), r.stdout(), r.facts(), r.tables(), r.derived(), r.charts())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return h.hex();
    }

    /**
     * The page as HTML under a JBake header. Written directly rather than through Asciidoctor, which took
     * a third of the bake's conversion time for these 175 pages of one fixed shape; the markup is the
     * one Asciidoctor produced for them, so the stylesheet, the scripts and the tests see no difference.
     */
    private static String page(Program p, Catalog catalog, Set<Page> usedBy) {
        ProgramResult result = catalog.result(p.id());
        String up = "../".repeat(depth(p));
        StringBuilder h = new StringBuilder();
        h.append("title=").append(p.simpleName()).append(".java\ntype=program\nstatus=published\n")
                .append("description=The program ").append(p.source()).append(" and what it computed in this build.\n")
                .append("~~~~~~\n");
        h.append("<div id=\"preamble\">\n<div class=\"sectionbody\">\n");
        paragraph(h, "<code>" + Html.escapeText(p.source()) + "</code> is compiled and run by every build of this site"
                + (result.hasMain() ? "; its output below is from that run." : "."));
        if (!usedBy.isEmpty()) {
            paragraph(h, "Shown on: " + String.join(", ", usedBy.stream().map(pg -> "<a href=\"" + Html.escape(up + pg.output())
                    + "\">" + Html.escapeText(pg.title()) + "</a>").toList()) + ".");
        }
        h.append("</div>\n</div>\n");
        openSection(h, "source", "Source");
        h.append("<div class=\"listingblock\">\n<div class=\"content\">\n<pre class=\"").append(JavaHighlighter.NAME)
                .append(" highlight\"><code data-lang=\"java\">").append(JavaHighlighter.highlight(p.text().stripTrailing(), "java"))
                .append("</code></pre>\n</div>\n</div>\n");
        closeSection(h);
        if (result.hasMain()) {
            openSection(h, "output", "Output");
            h.append("<div class=\"literalblock output\">\n<div class=\"content\">\n<pre>")
                    .append(Html.escapeText(result.stdout().stripTrailing())).append("</pre>\n</div>\n</div>\n");
            closeSection(h);
        }
        Map<String, Fact> facts = new TreeMap<>();
        catalog.facts().values().stream().filter(f -> f.origin().id().equals(p.id())).forEach(f -> facts.put(f.id(), f));
        if (!facts.isEmpty()) {
            openSection(h, "facts", "Facts");
            paragraph(h, "Numbers this program computes for pages to quote.");
            h.append("<table class=\"tableblock frame-all grid-all stretch\">\n<colgroup>\n<col class=\"w-65\">\n")
                    .append("<col class=\"w-35\">\n</colgroup>\n<thead>\n<tr>\n")
                    .append("<th class=\"tableblock halign-left valign-top\">Name</th>\n")
                    .append("<th class=\"tableblock halign-left valign-top\">Value</th>\n</tr>\n</thead>\n<tbody>\n");
            for (Fact f : facts.values()) {
                h.append("<tr>\n<td class=\"tableblock halign-left valign-top\"><p class=\"tableblock\"><code>")
                        .append(Html.escapeText(f.id())).append("</code></p></td>\n")
                        .append("<td class=\"tableblock halign-left valign-top\"><p class=\"tableblock\">")
                        .append(FactMacro.html(f, Map.of())).append("</p></td>\n</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            closeSection(h);
        }
        for (Table t : catalog.tables().values()) {
            if (t.origin().id().equals(p.id())) {
                openSection(h, "table-" + t.id().replace('.', '-'), "Table <code>" + Html.escapeText(t.id()) + "</code>");
                h.append(TableMacro.html(t, Map.of(), catalog, up)).append("\n");
                closeSection(h);
            }
        }
        for (Chart c : catalog.charts().values()) {
            if (c.origin().id().equals(p.id())) {
                openSection(h, "chart-" + c.id().replace('.', '-'), "Chart <code>" + Html.escapeText(c.id()) + "</code>");
                h.append(ChartMacro.html(c, Map.of("caption", c.id(), "alt", "The chart " + c.id()
                        + " as this program computes it; the pages that show it describe it in words."), catalog, up)).append("\n");
                closeSection(h);
            }
        }
        return h.toString();
    }

    private static void paragraph(StringBuilder h, String html) {
        h.append("<div class=\"paragraph\">\n<p>").append(html).append("</p>\n</div>\n");
    }

    private static void openSection(StringBuilder h, String id, String titleHtml) {
        h.append("<div class=\"sect1\">\n<h2 id=\"").append(id).append("\"><a class=\"anchor\" href=\"#").append(id)
                .append("\"></a>").append(titleHtml).append("</h2>\n<div class=\"sectionbody\">\n");
    }

    private static void closeSection(StringBuilder h) {
        h.append("</div>\n</div>\n");
    }

    private static int depth(Program p) {
        return (int) (FOLDER + "/" + p.id()).chars().filter(c -> c == '/').count();
    }

    private static Map<String, Set<Page>> usage(Catalog catalog, SourceTree sources) {
        Map<String, Set<Page>> usedBy = new TreeMap<>();
        for (Page page : sources.pages()) {
            for (Reference ref : page.references()) {
                usedBy.computeIfAbsent(catalog.programOf(ref), k -> new TreeSet<>(BY_SOURCE)).add(page);
            }
        }
        return usedBy;
    }

    /** Cross-references to these pages, by title, from a page {@code up} ("../" per folder) below the root. */
    static String pageLinks(Collection<Page> pages, String up) {
        return String.join(", ", pages.stream().map(pg -> "xref:" + up + pg.output().replaceFirst("\\.html$", ".adoc")
                + "[" + pg.title().replace("]", "\\]") + "]").toList());
    }
}
