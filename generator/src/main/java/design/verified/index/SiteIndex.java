package design.verified.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import design.verified.BuildFailure;
import design.verified.Problem;
import design.verified.bake.Navigation;
import design.verified.data.Catalog;
import design.verified.discover.Page;
import design.verified.discover.Program;
import design.verified.discover.Reference;
import design.verified.discover.SourceTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Stage 6: what is computed from the baked site as a whole: the whole-guide page, the link check, the
 * search index ({@code search-index.js}), {@code sitemap.xml}, the 404 page, and {@code verified.json},
 * the machine-readable list of every program, fact, table and chart with the pages that show it.
 */
public final class SiteIndex {

    public Summary write(Path site, SourceTree sources, Catalog catalog) {
        try { // a preview rebuild starts from a copy of the last site: drop the 404 page it rewrites after the link check
            java.nio.file.Files.deleteIfExists(site.resolve(NotFoundPage.FILE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WholeGuide.write(site, Navigation.readingOrder(sources.pages()));
        int questions = PracticeSet.write(site, sources.pages());
        List<Path> html = htmlFiles(site);
        Map<String, String> sourceOf = new HashMap<>();
        sources.pages().forEach(p -> sourceOf.put(p.output(), p.source()));
        Map<Path, ParsedPages.Parsed> pages = ParsedPages.readAll(html); // no HTML is written until the 404 page
        List<Problem> problems = LinkCheck.check(site, pages, page -> sourceOf.getOrDefault(page,
                page.startsWith("programs/") ? "snippets/" + page.substring(9).replaceFirst("\\.html$", ".java") : "templates"));
        if (!problems.isEmpty()) {
            throw new BuildFailure("index", problems);
        }
        SearchDocuments.write(site, pages);
        Sitemap.write(site, pages);
        NotFoundPage.write(site); // after the link check: its links resolve against the site's own path
        writeManifest(site.resolve("verified.json"), sources, catalog);
        return new Summary(html.size(), questions);
    }

    public record Summary(int htmlFiles, int practiceQuestions) {
    }

    private static void writeManifest(Path file, SourceTree sources, Catalog catalog) {
        Map<String, TreeSet<String>> pagesBy = new TreeMap<>();
        for (Page page : sources.pages()) {
            for (Reference ref : page.references()) {
                pagesBy.computeIfAbsent(ref.kind().macro + ":" + ref.name(), k -> new TreeSet<>()).add(page.output());
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        List<Map<String, Object>> programs = new ArrayList<>();
        for (Program p : catalog.programs().values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", p.id());
            e.put("source", p.source());
            e.put("hasMain", catalog.result(p.id()).hasMain());
            e.put("producesData", !catalog.result(p.id()).facts().isEmpty() || !catalog.result(p.id()).tables().isEmpty()
                    || !catalog.result(p.id()).charts().isEmpty());
            e.put("shownOn", pagesBy.getOrDefault("snippet:" + p.id(), new TreeSet<>()));
            programs.add(e);
        }
        manifest.put("programs", programs);
        List<Map<String, Object>> facts = new ArrayList<>();
        catalog.facts().values().forEach(f -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", f.id());
            e.put("value", f.value());
            e.put("program", f.origin().id());
            e.put("quotedOn", pagesBy.getOrDefault("fact:" + f.id(), new TreeSet<>()));
            facts.add(e);
        });
        manifest.put("facts", facts);
        List<Map<String, Object>> tables = new ArrayList<>();
        catalog.tables().values().forEach(t -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", t.id());
            e.put("program", t.origin().id());
            e.put("rows", t.rows().size());
            e.put("shownOn", pagesBy.getOrDefault("table:" + t.id(), new TreeSet<>()));
            tables.add(e);
        });
        manifest.put("tables", tables);
        List<Map<String, Object>> charts = new ArrayList<>();
        catalog.charts().values().forEach(c -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", c.id());
            e.put("program", c.origin().id());
            e.put("shownOn", pagesBy.getOrDefault("chart:" + c.id(), new TreeSet<>()));
            charts.add(e);
        });
        manifest.put("charts", charts);
        try {
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> htmlFiles(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
