package design.verified.index;

import design.verified.Hashing;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed HTML pages, kept for the life of the JVM and reparsed only when a file's bytes change. The
 * index stage reads every page several times (links, search, the whole guide, practice questions), and
 * a preview rebuild changes only a few pages, so most parses are saved. Readers share one parse per
 * page ({@link #read}); a caller that changes the tree takes its own copy ({@link #copy}).
 */
final class ParsedPages {

    /** A page's parse and the hash of the bytes it was parsed from. */
    record Parsed(String hash, Document document) {
    }

    private static final Map<Path, Parsed> CACHE = new ConcurrentHashMap<>();

    private ParsedPages() {
    }

    /** The shared parse of a page: read it, never change it. */
    static Parsed read(Path html) {
        try {
            byte[] bytes = Files.readAllBytes(html);
            String hash = Hashing.sha256().add(bytes).hex();
            Path key = html.toAbsolutePath().normalize();
            Parsed parsed = CACHE.get(key);
            if (parsed == null || !parsed.hash().equals(hash)) {
                parsed = new Parsed(hash, Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), ""));
                CACHE.put(key, parsed);
            }
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every page of a site, each read and parsed once (on all cores), in the given order: what the index
     * stage's readers share.
     */
    static Map<Path, Parsed> readAll(List<Path> htmlFiles) {
        Map<Path, Parsed> parsed = new ConcurrentHashMap<>();
        htmlFiles.parallelStream().forEach(file -> parsed.put(file, read(file)));
        Map<Path, Parsed> pages = new LinkedHashMap<>();
        htmlFiles.forEach(file -> pages.put(file, parsed.get(file)));
        return pages;
    }

    /** A page's tree for a caller that changes it. */
    static Document copy(Path html) {
        return read(html).document().clone();
    }
}
