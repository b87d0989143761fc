package design.verified.compile;

import java.nio.file.Path;
import java.util.Map;

/**
 * The output of the compile stage.
 *
 * @param classesDir   where the class files are
 * @param fingerprints per program id, a hash of the sources of every snippet class it uses (itself
 *                     included): the part of a run's cache key that the program's code contributes
 * @param reused       true when an identical tree was compiled before and its classes were reused
 */
public record CompiledPrograms(Path classesDir, Map<String, String> fingerprints, boolean reused) {
}
