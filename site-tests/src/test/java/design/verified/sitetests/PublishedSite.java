package design.verified.sitetests;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The site as published in target/site, read the way a reader's browser would get it. */
final class PublishedSite {

    private static final Map<Path, Document> PARSED = new ConcurrentHashMap<>();
    /** The site does not change during a run: its pages are listed once, as they are parsed once. */
    private static List<String> pages;

    private PublishedSite() {
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("site.root", "..")).toAbsolutePath().normalize();
    }

    static Path dir() {
        Path site = repositoryRoot().resolve("target/site");
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException("no published site in " + site + ": build it first (see README)");
        }
        return site;
    }

    /** Every HTML page, by its path relative to the site root, in a stable order. */
    static synchronized List<String> pages() {
        if (pages == null) {
            Path site = dir();
            try (Stream<Path> walk = Files.walk(site)) {
                pages = walk.filter(p -> p.toString().endsWith(".html"))
                        .map(p -> site.relativize(p).toString().replace('\\', '/'))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    static Document page(String relative) {
        Path file = dir().resolve(relative);
        return PARSED.computeIfAbsent(file, f -> {
            try {
                return Jsoup.parse(f.toFile(), "UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Pages written by authors (modules, case studies, home, about), not the generated program pages. */
    static List<String> authoredPages() {
        return pages().stream().filter(p -> !p.startsWith("programs/")).toList();
    }
}
