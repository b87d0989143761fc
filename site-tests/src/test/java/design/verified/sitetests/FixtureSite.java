package design.verified.sitetests;

import design.verified.BuildFailure;
import design.verified.FileTrees;
import design.verified.SiteBuild;
import design.verified.SiteLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A throwaway repository with the real templates and a one-page site, built in-process: the failure
 * fixtures break one thing in it at a time.
 */
final class FixtureSite {

    static final String PAGE = "content/modules/01-fixture.adoc";

    final Path root;

    private FixtureSite(Path root) {
        this.root = root;
    }

    static FixtureSite create() throws IOException {
        Path root = Files.createTempDirectory("fixture-site");
        Path repo = PublishedSite.repositoryRoot();
        FileTrees.copy(repo.resolve("templates"), root.resolve("templates"));
        Files.createDirectories(root.resolve("generator/target"));
        Files.copy(repo.resolve("generator/target/snippet-classpath.txt"), root.resolve("generator/target/snippet-classpath.txt"));
        FixtureSite site = new FixtureSite(root);
        site.write("content/index.adoc", """
                = Fixture home
                :jbake-type: home
                :jbake-status: published

                The fixture site.
                """);
        site.write(PAGE, goodPage());
        site.write("snippets/fixture/Good.java", """
                package fixture;

                import java.util.List;
                import java.util.Map;

                public class Good {
                    public static void main(String[] args) {
                        System.out.println("two and two make " + (2 + 2));
                    }

                    public static Map<String, Object> facts() {
                        return Map.of("four", 2 + 2);
                    }

                    public static Map<String, Object> charts() {
                        return Map.of("line", Map.of("xAxis", Map.of("type", "value"), "yAxis", Map.of("type", "value"),
                                "series", List.of(Map.of("type", "line", "data", List.of(List.of(0, 0), List.of(1, 4))))));
                    }
                }
                """);
        return site;
    }

    static String goodPage() {
        return """
                = Fixture module
                :jbake-type: module
                :jbake-status: published
                :jbake-order: 1

                Two and two make fact:fixture.four[].

                snippet::fixture/Good[]

                chart::fixture.line[caption="A line", alt="A line rising from 0 to 4"]
                """;
    }

    void write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the fixture; returns the failure, or null when the build succeeded. */
    BuildFailure build() {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (SiteBuild build = new SiteBuild(SiteLayout.at(root), console)) {
            build.build();
            return null;
        } catch (BuildFailure failure) {
            return failure;
        }
    }

    /** A hash of every published file's path and bytes: equal hashes mean an untouched site. */
    String publishedFingerprint() {
        Path site = root.resolve("target/site");
        try (Stream<Path> walk = Files.walk(site)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(site.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
