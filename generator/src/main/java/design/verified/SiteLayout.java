package design.verified;

import java.nio.file.Path;

/**
 * Where the build reads from and writes to. Everything is relative to the repository root, so a
 * failure fixture can build a throwaway tree with the same shape.
 */
public record SiteLayout(Path root, Path content, Path snippets, Path templates, Path site, Path cache,
                         Path work) {

    public static SiteLayout at(Path root) {
        Path r = root.toAbsolutePath().normalize();
        Path target = r.resolve("target");
        return new SiteLayout(r, r.resolve("content"), r.resolve("snippets"), r.resolve("templates"),
                target.resolve("site"), target.resolve("cache"), target.resolve("work"));
    }

    /** A repository-relative path with forward slashes, as error messages and links show it. */
    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
