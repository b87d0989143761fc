import design.verified.FileTrees;
import design.verified.SiteBuild;
import design.verified.SiteLayout;
import design.verified.discover.Discovery;
import design.verified.discover.Program;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build-speed benchmark (not a test): medians of several runs on a scratch copy of the repository,
 * each scenario reported with the ratio that matters. Run it with bench/build-bench.sh.
 */
public class BuildBenchmark {

    static final int RUNS = Integer.getInteger("runs", 3);
    static String generatorClasspath;
    static Path repo;

    public static void main(String[] args) throws Exception {
        repo = Path.of(args[0]).toAbsolutePath();
        generatorClasspath = args[1];
        Path scratch = Files.createTempDirectory("bench");
        copy(repo, scratch);
        System.out.printf("machine: %d cores; %d runs per scenario; medians%n%n", Runtime.getRuntime().availableProcessors(), RUNS);
        if ("preview".equals(System.getProperty("only"))) { // ONLY=preview bench/build-bench.sh: the preview rebuilds alone
            previewRebuilds(scratch);
            FileTrees.delete(scratch);
            return;
        }

        List<Long> cold = new ArrayList<>();
        List<Long> bakeOnly = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<String> coldStages = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            FileTrees.delete(scratch.resolve("target"));
            Timed t = buildInFreshJvm(scratch, true);
            cold.add(t.millis());
            coldStages.add(t.console());
            FileTrees.delete(scratch.resolve("target"));
            bakeOnly.add(buildInFreshJvm(scratch, false).millis());
        }
        FileTrees.delete(scratch.resolve("target"));
        buildInFreshJvm(scratch, true);
        for (int i = 0; i < RUNS; i++) {
            warm.add(buildInFreshJvm(scratch, true).millis());
        }
        long coldMedian = median(cold);
        long bakeMedian = median(bakeOnly);
        System.out.printf("cold full build (fresh JVM, empty caches)   %6d ms%n", coldMedian);
        System.out.printf("same bake, programs skipped (fresh JVM)     %6d ms   verification costs %.2f of the bake alone%n",
                bakeMedian, (coldMedian - bakeMedian) / (double) bakeMedian);
        System.out.printf("warm-cache full build (fresh JVM)           %6d ms   %.2f of cold%n", median(warm),
                median(warm) / (double) coldMedian);
        System.out.println("\nstage times of the median cold build:");
        System.out.println(coldStages.get(cold.indexOf(coldMedian)).indent(2));

        previewRebuilds(scratch);
        snippetStageAgainstOneJvmPerSnippet(scratch);
        FileTrees.delete(scratch);
    }

    record Timed(long millis, String console) {
    }

    static Timed buildInFreshJvm(Path root, boolean verify) throws Exception {
        List<String> cmd = List.of(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dsite.root=" + root, "-Dsite.verify=" + verify,
                "-cp", generatorClasspath, "design.verified.SiteBuild");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("build failed:\n" + out);
        }
        return new Timed((System.nanoTime() - start) / 1_000_000, out.strip());
    }

    /** One warm session, as the preview server holds it: edit, rebuild, measure, undo. */
    static void previewRebuilds(Path root) throws Exception {
        FileTrees.delete(root.resolve("target"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (SiteBuild session = new SiteBuild(SiteLayout.at(root), quiet)) {
            session.build();
            session.build();
            Path page = root.resolve("content/modules/01-foundations.adoc");
            Path snippet = root.resolve("snippets/foundations/Bandwidth.java");
            Path template = root.resolve("templates/page.ftl");
            System.out.println("preview rebuilds (warm session):");
            report("  one-line prose edit", timeEdits(session, page, (i) -> append(page, "\nEdit " + i + ".\n")), 1000);
            report("  snippet edit", timeEdits(session, snippet,
                    (i) -> replace(snippet, "Moving 10 TB at full line rate", "Moving 10 TB at full line rate (" + i + ")")), 2000);
            report("  template edit", timeEdits(session, template, (i) -> append(template, "<#-- edit " + i + " -->\n")), -1);
        }
        System.out.println();
    }

    /**
     * Times the rebuild that shows the edit, as the preview server runs it ({@code build(true)}). Programs that
     * read the pages themselves are then refreshed by a second build; its time is reported apart.
     */
    record EditTimes(List<Long> shown, List<Long> refreshed) {
    }

    static EditTimes timeEdits(SiteBuild session, Path file, Consumer<Integer> edit) throws IOException {
        byte[] original = Files.readAllBytes(file);
        List<Long> times = new ArrayList<>();
        List<Long> refreshes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Files.write(file, original);
            edit.accept(i);
            long start = System.nanoTime();
            List<String> deferred = session.build(true);
            times.add((System.nanoTime() - start) / 1_000_000);
            if (!deferred.isEmpty()) {
                long refresh = System.nanoTime();
                session.build(false);
                refreshes.add((System.nanoTime() - refresh) / 1_000_000);
            }
        }
        Files.write(file, original);
        session.build();
        return new EditTimes(times, refreshes);
    }

    static void report(String what, EditTimes edits, long targetMillis) {
        long m = median(edits.shown());
        System.out.printf("%-30s %6d ms%s%n", what, m, targetMillis < 0 ? "" : String.format("   %.2f of the %d ms target", m / (double) targetMillis, targetMillis));
        if (!edits.refreshed().isEmpty()) {
            System.out.printf("%-30s %6d ms   (programs that index the pages, rerun after the edit is shown)%n",
                    "    then the refresh", median(edits.refreshed()));
        }
    }

    /** The run stage (pooled worker JVMs, 2 lanes) against one plain `java` process per program, 2 at a time. */
    static void snippetStageAgainstOneJvmPerSnippet(Path root) throws Exception {
        FileTrees.delete(root.resolve("target"));
        Timed build = buildInFreshJvm(root, true);
        Matcher m = Pattern.compile("run\\s+(\\d+) ms\\s+(\\d+) ran").matcher(build.console());
        if (!m.find()) {
            throw new IllegalStateException(build.console());
        }
        long runStage = Long.parseLong(m.group(1));
        int programs = Integer.parseInt(m.group(2));
        Path classes;
        try (Stream<Path> trees = Files.list(root.resolve("target/cache/classes"))) {
            classes = trees.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String libraries = Files.readString(root.resolve("generator/target/snippet-classpath.txt")).strip();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<Integer>> runs = new ArrayList<>();
        for (Program program : Discovery.scan(SiteLayout.at(root)).programs()) {
            // the same JIT as the workers: C1 only, unless the program asks for C2
            String jit = program.optimized() ? "-XX:+TieredCompilation" : "-XX:TieredStopAtLevel=1";
            runs.add(pool.submit(() -> new ProcessBuilder(javaBin(), jit, "-cp", classes + File.pathSeparator + libraries,
                    program.className()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor()));
        }
        for (Future<Integer> r : runs) {
            r.get();
        }
        long perProcess = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        System.out.printf("run stage, %d programs in pooled workers  %6d ms%n", programs, runStage);
        System.out.printf("one java process per program (2 at a time) %6d ms   the run stage takes %.2f of that%n",
                perProcess, runStage / (double) perProcess);
    }

    static long median(List<Long> xs) {
        List<Long> sorted = new ArrayList<>(xs);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, Files.readString(file) + text);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static void replace(Path file, String from, String to) {
        try {
            Files.writeString(file, Files.readString(file).replace(from, to));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static void copy(Path repo, Path scratch) throws IOException {
        for (String folder : List.of("content", "snippets", "templates")) {
            FileTrees.copy(repo.resolve(folder), scratch.resolve(folder));
        }
        Files.createDirectories(scratch.resolve("generator/target"));
        Files.copy(repo.resolve("generator/target/snippet-classpath.txt"), scratch.resolve("generator/target/snippet-classpath.txt"));
    }
}
