package design.verified.sitetests;

import design.verified.BuildInfo;
import design.verified.FileTrees;
import design.verified.SiteBuild;
import design.verified.SiteLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two builds of the same sources publish byte-identical sites: the published one (target/site, built by
 * the build command before the tests, from empty caches in CI) and a second one built here from a copy of
 * the sources in another folder, with empty caches. No clock, no random order, no absolute path leaks
 * into a page, and the cache never changes what a page says.
 */
class ReproducibleBuildTest {

    /** Measured run times: the one file that is a measurement, not content (the report page loads it). */
    private static final String RUNTIMES = "js/verification-runtimes.js";

    @Test
    void twoBuildsOfTheSameSourcesAreByteIdentical() throws Exception {
        Path first = PublishedSite.dir();
        Path second = buildACopy();
        List<String> a = files(first);
        List<String> b = files(second);
        assertEquals(a, b, "the two builds published different sets of files");
        List<String> differing = new ArrayList<>();
        for (String file : a) {
            if (file.equals(RUNTIMES)) {
                continue;
            }
            if (Files.mismatch(first.resolve(file), second.resolve(file)) != -1) {
                differing.add(file + firstDifference(first.resolve(file), second.resolve(file)));
            }
        }
        assertTrue(differing.isEmpty(), "files that differ between two builds:\n" + String.join("\n", differing));
    }

    private static Path buildACopy() throws IOException {
        Path repo = PublishedSite.repositoryRoot();
        Path root = Files.createTempDirectory("reproducible");
        // site-tests/ too: the verification report names the tests that recompute each table
        for (String folder : List.of("content", "snippets", "templates", "site-tests/src/test/java")) {
            FileTrees.copy(repo.resolve(folder), root.resolve(folder));
        }
        Files.createDirectories(root.resolve("generator/target"));
        Files.copy(repo.resolve("generator/target/snippet-classpath.txt"), root.resolve("generator/target/snippet-classpath.txt"));
        try (SiteBuild build = new SiteBuild(SiteLayout.at(root),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), BuildInfo.of(repo))) {
            build.build();
        }
        return root.resolve("target/site");
    }

    private static String firstDifference(Path x, Path y) throws IOException {
        if (!x.toString().matches(".*\\.(html|js|json|css|xml|txt)$")) {
            return " (binary)";
        }
        List<String> xs = Files.readAllLines(x);
        List<String> ys = Files.readAllLines(y);
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            if (!xs.get(i).equals(ys.get(i))) {
                return " line " + (i + 1) + ":\n    " + abbreviate(xs.get(i)) + "\n    " + abbreviate(ys.get(i));
            }
        }
        return " (lengths differ)";
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    private static List<String> files(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).sorted().toList();
        }
    }
}
