package design.verified.publish;

import design.verified.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stage 7: the build writes into a fresh folder beside the site and swaps it in only when every stage
 * succeeded, so a failed build leaves the previous site exactly as it was (and never a half-written
 * or stale one: JBake does not delete files it no longer produces).
 */
public final class AtomicPublisher {

    private final Path site;
    private final Path staging;

    public AtomicPublisher(Path site) {
        this.site = site.toAbsolutePath().normalize();
        this.staging = this.site.resolveSibling(this.site.getFileName() + ".next");
    }

    /** An empty folder to build into. */
    public Path freshStaging() {
        FileTrees.delete(staging);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return staging;
    }

    /** Replaces the published site with the staged one. */
    public void publish() {
        Path old = site.resolveSibling(site.getFileName() + ".old");
        try {
            FileTrees.delete(old);
            if (Files.exists(site)) {
                Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, site, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("could not publish " + site, e);
        }
    }

    /** Drops a failed build's output. */
    public void discard() {
        FileTrees.delete(staging);
    }
}
