package storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why static assets can be cached forever: name each file after a hash of its content. A deploy
 * changes the names of exactly the files that changed, so no cache ever has to be purged, and only
 * the small HTML entry page (which lists the names) is revalidated.
 */
public class ContentHashedNames {

    // tag::names[]
    static String hash(String content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hashedUrl(String file, String content) {
        int dot = file.lastIndexOf('.');
        return "/static/" + file.substring(0, dot) + "." + hash(content) + file.substring(dot);
    }

    /** The build: each asset gets a hashed URL; index.html lists them under a fixed URL. */
    static Map<String, String> build(Map<String, String> assets) {
        Map<String, String> urls = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder();
        assets.forEach((file, content) -> {
            urls.put(file, hashedUrl(file, content));
            index.append("<script src=").append(hashedUrl(file, content)).append("></script>");
        });
        urls.put("index.html", "/index.html ETag " + hash(index.toString()));
        return urls;
    }

    public static void main(String[] args) {
        Map<String, String> v1 = new LinkedHashMap<>();
        v1.put("vendor.js", "/* framework 18.2 */");
        v1.put("app.js", "render(feed)");
        v1.put("style.css", "body { margin: 0 }");
        Map<String, String> v2 = new LinkedHashMap<>(v1);
        v2.put("app.js", "render(feed, stories)");   // the only change in this deploy

        Map<String, String> before = build(v1), after = build(v2);
        for (String file : after.keySet()) {
            String verdict = before.get(file).equals(after.get(file)) ? "unchanged, still cached"
                    : file.equals("index.html") ? "new body, revalidated (no-cache)"
                    : "new URL, fetched once per POP";
            System.out.printf("%-10s %-28s %s%n", file, after.get(file), verdict);
        }
    }
    // end::names[]
}
