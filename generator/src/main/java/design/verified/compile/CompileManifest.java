package design.verified.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a compiled tree holds, stored beside its classes: per program, the hash of its source, the
 * class files it produced and the programs it uses. A later build compiles only what changed and what
 * depends on it, starting from the newest tree, even in a fresh JVM.
 */
record CompileManifest(Map<String, Entry> programs) {

    static final String FILE = "compile-manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    record Entry(String sourceHash, Set<String> classFiles, Set<String> uses) {
    }

    void writeTo(Path classes) throws IOException {
        JSON.writeValue(classes.resolve(FILE).toFile(), this);
    }

    static Optional<CompileManifest> readFrom(Path classes) {
        Path file = classes.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), CompileManifest.class));
        } catch (IOException e) {
            return Optional.empty(); // unreadable: compile from scratch
        }
    }
}
