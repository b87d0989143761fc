package search;

// run: timeout=20s reads=content

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An inverted index over this site's own pages: the AsciiDoc sources under content/, markup stripped
 * crudely, words lower-cased. For each term it keeps a posting list: the pages that contain it, sorted
 * by page id, each with the positions where the term occurs (the term frequency is their count).
 * Output changes whenever a page's text does; it is a real function of the repository.
 */
public class SiteIndex {

    // tag::index[]
    /** term -> (page id -> positions of the term in that page), both levels sorted. */
    final Map<String, TreeMap<String, List<Integer>>> postings = new TreeMap<>();

    void add(String pageId, String text) {
        List<String> tokens = tokenize(text);
        for (int position = 0; position < tokens.size(); position++) {
            postings.computeIfAbsent(tokens.get(position), t -> new TreeMap<>())
                    .computeIfAbsent(pageId, p -> new ArrayList<>())
                    .add(position);
        }
    }

    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : text.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** Pages containing every term: walk the shortest posting list, probe the others. */
    TreeSet<String> and(String... terms) {
        List<TreeMap<String, List<Integer>>> lists = new ArrayList<>();
        for (String term : terms) {
            lists.add(postings.getOrDefault(term, new TreeMap<>()));
        }
        lists.sort((a, b) -> Integer.compare(a.size(), b.size()));
        TreeSet<String> result = new TreeSet<>(lists.get(0).keySet());
        for (TreeMap<String, List<Integer>> list : lists.subList(1, lists.size())) {
            result.retainAll(list.keySet());
        }
        return result;
    }

    /** Occurrences of the words as a phrase: positions p, p+1, ... in the same page. */
    TreeMap<String, Integer> phrase(String... words) {
        TreeMap<String, Integer> hits = new TreeMap<>();
        for (String page : and(words)) {
            for (int start : postings.get(words[0]).get(page)) {
                boolean match = true;
                for (int i = 1; i < words.length && match; i++) {
                    match = postings.get(words[i]).get(page).contains(start + i);
                }
                if (match) {
                    hits.merge(page, 1, Integer::sum);
                }
            }
        }
        return hits;
    }
    // end::index[]

    /** Crude AsciiDoc to text: drop header attributes, block macros, ids and markup characters. */
    static String plainText(String adoc) {
        StringBuilder out = new StringBuilder();
        for (String line : adoc.split("\n")) {
            String l = line.strip();
            if (l.startsWith(":") || l.matches("^(snippet|chart|table)::.*") || l.matches("^\\[.*\\]$")
                    || l.matches("^(====|\\|===|////)$")) {
                continue;
            }
            l = l.replaceAll("fact:[\\w.-]+\\[[^\\]]*\\]", " ")     // computed numbers are not in the source
                    .replaceAll("xref:[^\\[]*\\[([^\\]]*)\\]", "$1")  // keep a link's text
                    .replaceAll("<<[^>]*>>", " ")
                    .replaceAll("\\[\\[[^\\]]*\\]\\]", " ");
            out.append(l).append('\n');
        }
        return out.toString();
    }

    /** The repository root: the working directory, or the nearest parent that has content/. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("content"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from the repository: no content/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every AsciiDoc page under content/, by file name, as plain text, in file-name order. */
    static Map<String, String> pages() {
        Path content = repositoryRoot().resolve("content");
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".adoc")).sorted().toList()) {
                pages.put(p.getFileName().toString(), plainText(Files.readString(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static SiteIndex build() {
        SiteIndex index = new SiteIndex();
        pages().forEach(index::add);
        return index;
    }

    static final List<String> SHOWN_TERMS = List.of("error", "budget", "posting", "hysteresis");

    public static void main(String[] args) {
        SiteIndex index = build();
        System.out.printf("Indexed %d pages under content/; page ids are file names.%n%n", pages().size());
        for (String term : SHOWN_TERMS) {
            TreeMap<String, List<Integer>> list = index.postings.getOrDefault(term, new TreeMap<>());
            System.out.printf("term %-11s df %d%n", term, list.size());
            Iterator<Map.Entry<String, List<Integer>>> it = list.entrySet().iterator();
            while (it.hasNext()) {
                StringBuilder line = new StringBuilder("    ");
                for (int i = 0; i < 3 && it.hasNext(); i++) {
                    Map.Entry<String, List<Integer>> e = it.next();
                    line.append(String.format("%-28s", e.getKey() + " tf=" + e.getValue().size()));
                }
                System.out.println(line.toString().stripTrailing());
            }
        }
        System.out.println();
        System.out.println("AND error budget:      " + String.join(", ", index.and("error", "budget")));
        System.out.println("PHRASE \"error budget\": " + String.join(", ",
                index.phrase("error", "budget").entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList()));
    }
}
