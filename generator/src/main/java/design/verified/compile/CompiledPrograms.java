package design.verified.compile;

import java.nio.file.Path;
import java.util.Map;

/**
 * The output of the compile stage.
 *
 * @param classesDir   where the class files are
 * @param fingerprints per program id, a hash of the sources of every snippet class it uses (itself
 *                     included): the part of a run's cache key that the program's code contributes
 * @param compiled     how many programs javac compiled in this build (0 when the tree was unchanged)
 */
public record CompiledPrograms(Path classesDir, Map<String, String> fingerprints, int compiled) {

    public boolean reused() {
        return compiled == 0;
    }
}
