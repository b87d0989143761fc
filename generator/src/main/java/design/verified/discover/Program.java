package design.verified.discover;

import java.time.Duration;

/**
 * A Java file under {@code snippets/}. Its id is its path without the extension
 * ({@code foundations/CapacityEstimate}); pages name it that way.
 *
 * @param id        path under snippets/ without ".java"
 * @param className binary name, the package being the folder ({@code foundations.CapacityEstimate})
 * @param source    repository-relative path, as error messages show it
 * @param text      the file's content
 * @param timeout   how much CPU time its run may take (default, or a {@code // run: timeout=20s} line)
 * @param reads     folders of the repository the program reads ({@code // run: reads=content}); their
 *                  files are part of what its cached result depends on
 * @param optimized true for a long compute-bound program ({@code // run: jit=c2}), run in a JVM with
 *                  HotSpot's optimizing compiler; the others run with the quick one (C1) only
 */
public record Program(String id, String className, String source, String text, Duration timeout,
                      java.util.List<String> reads, boolean optimized) {

    /** The package, which is also the namespace of the facts, tables and charts it defines. */
    public String area() {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash).replace('/', '.');
    }

    public String simpleName() {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
