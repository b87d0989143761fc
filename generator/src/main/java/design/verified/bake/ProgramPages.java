package design.verified.bake;

import design.verified.data.Catalog;
import design.verified.data.Chart;
import design.verified.data.Fact;
import design.verified.data.Table;
import design.verified.discover.Page;
import design.verified.discover.Program;
import design.verified.discover.Reference;
import design.verified.discover.SourceTree;
import design.verified.run.ProgramResult;

import com.fasterxml.jackson.databind.ObjectMapper;
import design.verified.Hashing;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        for (Program p : catalog.programs().values()) {
            String inputs;
            try {
                ProgramResult r = catalog.result(p.id());
                inputs = Hashing.sha256().add(JSON.writeValueAsString(List.of(r.stdout(), r.facts(), r.tables(), r.charts()))).hex();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            pages.put(FOLDER + "/" + p.id() + ".adoc", page(p, catalog, usedBy.getOrDefault(p.id(), Set.of()))
                    + "\n// verified-inputs: " + inputs + "\n");
        }
        return pages;
    }

    private static String page(Program p, Catalog catalog, Set<Page> usedBy) {
        ProgramResult result = catalog.result(p.id());
        StringBuilder a = new StringBuilder();
        a.append("= ").append(p.simpleName()).append(".java\n")
                .append(":jbake-type: program\n:jbake-status: published\n")
                .append(":description: The program ").append(p.source()).append(" and what it computed in this build.\n\n");
        a.append("`").append(p.source()).append("` is compiled and run by every build of this site");
        a.append(result.hasMain() ? "; its output below is from that run.\n\n" : ".\n\n");
        if (!usedBy.isEmpty()) {
            a.append("Shown on: ").append(pageLinks(usedBy, "../".repeat(depth(p)))).append(".\n\n");
        }
        a.append("== Source\n\n[source,java]\n----\n").append(p.text().stripTrailing()).append("\n----\n\n");
        if (result.hasMain()) {
            a.append("== Output\n\n[.output]\n....\n").append(result.stdout().stripTrailing()).append("\n....\n\n");
        }
        Map<String, Fact> facts = new TreeMap<>();
        catalog.facts().values().stream().filter(f -> f.origin().id().equals(p.id())).forEach(f -> facts.put(f.id(), f));
        if (!facts.isEmpty()) {
            a.append("== Facts\n\nNumbers this program computes for pages to quote.\n\n[cols=\"2,1\"]\n|===\n|Name |Value\n\n");
            facts.values().forEach(f -> a.append("|`").append(f.id()).append("` |fact:").append(f.id()).append("[]\n"));
            a.append("|===\n\n");
        }
        for (Table t : catalog.tables().values()) {
            if (t.origin().id().equals(p.id())) {
                a.append("== Table `").append(t.id()).append("`\n\ntable::").append(t.id()).append("[]\n\n");
            }
        }
        for (Chart c : catalog.charts().values()) {
            if (c.origin().id().equals(p.id())) {
                a.append("== Chart `").append(c.id()).append("`\n\nchart::").append(c.id())
                        .append("[caption=\"").append(c.id()).append("\", alt=\"The chart ").append(c.id())
                        .append(" as this program computes it; the pages that show it describe it in words.\"]\n\n");
            }
        }
        return a.toString();
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
