package search;

// run: timeout=20s reads=content

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * BM25 over this site's sections (every == and === heading of every AsciiDoc page under content/),
 * ranking a few queries. The tables show every number the score is made of, so a reader (and the
 * site's tests) can recompute each score by hand. Results change as pages change.
 */
public class SiteSearch {

    static final List<String> QUERIES = List.of(
            "error budget burn rate",
            "posting list intersection",
            "speed of light round trip",
            "thompson sampling exploration");
    static final int TOP = 3;

    /** Every section of every page: "page § heading" -> plain text of the section. */
    static Map<String, String> sections() {
        Path content = SiteIndex.repositoryRoot().resolve("content");
        Map<String, String> sections = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path page : walk.filter(f -> f.toString().endsWith(".adoc")).sorted().toList()) {
                String name = page.getFileName().toString();
                String heading = "(introduction)";
                StringBuilder text = new StringBuilder();
                for (String line : Files.readString(page).split("\n")) {
                    if (line.matches("^={2,3} .*")) {
                        put(sections, name, heading, text);
                        heading = line.replaceFirst("^=+ ", "").strip();
                        text.setLength(0);
                    }
                    text.append(line).append('\n');
                }
                put(sections, name, heading, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }

    private static void put(Map<String, String> sections, String page, String heading, StringBuilder adoc) {
        String plain = SiteIndex.plainText(adoc.toString());
        if (!Bm25.tokenize(plain).isEmpty()) {
            sections.put(page + " § " + heading, plain);
        }
    }

    private static final Map<Double, Bm25> INDEXES = new TreeMap<>();

    static synchronized Bm25 index(double k1) {
        return INDEXES.computeIfAbsent(k1, k -> Bm25.index(sections(), k, Bm25.DEFAULT_B));
    }

    static List<String> terms(String query) {
        return new ArrayList<>(new LinkedHashSet<>(Bm25.tokenize(query)));
    }

    public static Map<String, Object> tables() {
        Bm25 index = index(Bm25.DEFAULT_K1);
        List<List<String>> results = new ArrayList<>();
        results.add(List.of("Query", "Rank", "Section", "Length (tokens)", "Term frequencies", "BM25 score"));
        List<List<String>> terms = new ArrayList<>();
        terms.add(List.of("Term", "Sections containing it", "IDF"));
        for (String query : QUERIES) {
            int rank = 1;
            for (Bm25.Hit hit : index.search(query, TOP)) {
                List<String> tfs = new ArrayList<>();
                for (String t : terms(query)) {
                    tfs.add(t + " " + index.termFrequency(t, hit.id()));
                }
                results.add(List.of(query, String.valueOf(rank++), hit.id(), String.valueOf(index.docLength(hit.id())),
                        String.join(", ", tfs), String.format("%.3f", hit.score())));
            }
            for (String t : terms(query)) {
                terms.add(List.of(t, String.valueOf(index.docFreq(t)),
                        String.format("%.3f", Bm25.idf(index.docFreq(t), index.docCount()))));
            }
        }
        return Map.of("site-results", Map.of("rows", results, "derived", List.of("BM25 score")),
                "site-terms", Map.of("rows", terms, "derived", List.of("IDF")));
    }

    /** How many queries keep the same top results with the k1 = 1.5 guides often quote instead of 1.2. */
    static int queriesUnchangedWithK1(double k1) {
        Bm25 lucene = index(Bm25.DEFAULT_K1);
        Bm25 other = index(k1);
        int same = 0;
        for (String q : QUERIES) {
            List<String> a = lucene.search(q, TOP).stream().map(Bm25.Hit::id).toList();
            List<String> b = other.search(q, TOP).stream().map(Bm25.Hit::id).toList();
            same += a.equals(b) ? 1 : 0;
        }
        return same;
    }

    public static Map<String, Object> facts() {
        Bm25 index = index(Bm25.DEFAULT_K1);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("site-sections", index.docCount());
        f.put("site-average-length", index.averageDocLength());
        f.put("site-queries", QUERIES.size());
        f.put("site-queries-unchanged-k1-15", queriesUnchangedWithK1(1.5));
        return f;
    }
}
