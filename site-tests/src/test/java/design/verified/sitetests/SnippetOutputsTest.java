package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output under each snippet is what the program prints. Checked the plain way, independently of the
 * build's compiler and worker: javac, then one {@code java} process per program.
 */
class SnippetOutputsTest {

    @Test
    void everyOutputEqualsAFreshRun() throws Exception {
        Map<String, String> shown = new TreeMap<>(); // program id -> output on the page
        for (String page : PublishedSite.authoredPages()) {
            for (Element meta : PublishedSite.page(page).select(".snippet-meta[data-program]")) {
                Element block = meta.closest(".snippet");
                assertNotNull(block, page + ": snippet " + meta.attr("data-program") + " outside its block");
                Element output = block.selectFirst(".literalblock.output pre");
                if (output == null) { // an excerpt with output=none: another excerpt on the page must show it
                    boolean shownElsewhere = PublishedSite.page(page).select(".snippet-meta[data-program=" + meta.attr("data-program") + "]")
                            .stream().anyMatch(m -> m.closest(".snippet").selectFirst(".literalblock.output pre") != null);
                    assertTrue(shownElsewhere, page + ": snippet " + meta.attr("data-program") + " shows no output anywhere on the page");
                    continue;
                }
                String previous = shown.put(meta.attr("data-program"), output.wholeText());
                if (previous != null) {
                    assertEquals(previous, output.wholeText(), page + ": two outputs for " + meta.attr("data-program"));
                }
            }
        }
        assertFalse(shown.isEmpty(), "no snippets on the site");

        Path classes = Files.createTempDirectory("fresh-snippets");
        String libraries = Files.readString(PublishedSite.repositoryRoot().resolve("generator/target/snippet-classpath.txt")).strip();
        compileAll(PublishedSite.repositoryRoot().resolve("snippets"), classes, libraries);
        String classpath = classes + File.pathSeparator + libraries;

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Future<String>> runs = new TreeMap<>();
        shown.keySet().forEach(id -> runs.put(id, pool.submit(() -> run(id.replace('/', '.'), classpath))));
        for (Map.Entry<String, Future<String>> run : runs.entrySet()) {
            assertEquals(run.getValue().get().stripTrailing(), shown.get(run.getKey()).stripTrailing(),
                    "snippets/" + run.getKey() + ".java: the page shows an output the program does not print");
        }
        pool.shutdown();
    }

    private static void compileAll(Path snippets, Path out, String classpath) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classpath, "-encoding", "UTF-8",
                "-proc:none", "-nowarn"));
        try (Stream<Path> walk = Files.walk(snippets)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "snippets do not compile");
    }

    private static String run(String className, String classpath) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                    "-XX:TieredStopAtLevel=1", "-cp", classpath, className)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), className + " did not finish");
            assertEquals(0, p.exitValue(), className + " failed");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
