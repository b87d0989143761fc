package design.verified.index;

import design.verified.Hashing;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed HTML pages, kept for the life of the JVM and reparsed only when a file's bytes change. The
 * index stage reads every page several times (links, search, the whole guide, practice questions), and
 * a preview rebuild changes only a few pages, so most parses are saved. Callers get their own copy and
 * may change it.
 */
final class ParsedPages {

    private record Entry(String hash, Document document) {
    }

    private static final Map<Path, Entry> CACHE = new ConcurrentHashMap<>();

    private ParsedPages() {
    }

    static Document parse(Path html) {
        try {
            byte[] bytes = Files.readAllBytes(html);
            String hash = Hashing.sha256().add(bytes).hex();
            Path key = html.toAbsolutePath().normalize();
            Entry entry = CACHE.get(key);
            if (entry == null || !entry.hash().equals(hash)) {
                entry = new Entry(hash, Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), ""));
                CACHE.put(key, entry);
            }
            return entry.document().clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
