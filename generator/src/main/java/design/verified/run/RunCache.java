package design.verified.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Results of earlier runs, one JSON file per cache key. Only successes are stored. Deleting the folder
 * is always safe: every entry can be recomputed.
 */
final class RunCache {
    private final Path dir;

    RunCache(Path cacheRoot) {
        this.dir = cacheRoot.resolve("runs");
    }

    /** True when no result is stored at all, as in a fresh clone: every program will run. */
    boolean isEmpty() {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }

    Optional<ProgramResult> get(String key) {
        Path file = dir.resolve(key + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(WorkerProtocol.JSON.readValue(file.toFile(), ProgramResult.class).asCached());
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry is simply recomputed
        }
    }

    void put(String key, ProgramResult result) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            WorkerProtocol.JSON.writeValue(tmp.toFile(), result);
            Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
