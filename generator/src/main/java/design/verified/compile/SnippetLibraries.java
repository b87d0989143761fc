package design.verified.compile;

import design.verified.BuildFailure;
import design.verified.Problem;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The libraries snippets may use besides the JDK. They are declared once, as the {@code provided}
 * dependencies of {@code generator/pom.xml}; Maven writes their resolved jars to a classpath file
 * that this class reads.
 */
public record SnippetLibraries(List<Path> jars) {

    public static final String CLASSPATH_FILE = "generator/target/snippet-classpath.txt";

    public static SnippetLibraries of(Path root) {
        Path file = root.resolve(CLASSPATH_FILE);
        if (!Files.isRegularFile(file)) {
            throw BuildFailure.of("compile", Problem.in(CLASSPATH_FILE,
                    "missing: build through Maven (see README) so the snippet libraries are resolved"));
        }
        try {
            String text = Files.readString(file).strip();
            List<Path> jars = text.isEmpty() ? List.of()
                    : Arrays.stream(text.split(File.pathSeparator)).map(Path::of).sorted().toList();
            return new SnippetLibraries(jars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String classpath() {
        return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    /** Jar names identify library versions, which is what a cache key needs. */
    public String fingerprint() {
        return String.join(",", jars.stream().map(p -> p.getFileName().toString()).toList());
    }
}
