package design.verified;

import design.verified.bake.Baker;
import design.verified.compile.CompiledPrograms;
import design.verified.compile.SnippetCompiler;
import design.verified.compile.SnippetLibraries;
import design.verified.data.Catalog;
import design.verified.discover.Discovery;
import design.verified.discover.SourceTree;
import design.verified.index.SiteIndex;
import design.verified.publish.AtomicPublisher;
import design.verified.run.ProgramRunner;
import design.verified.run.RunResults;
import design.verified.serve.PreviewServer;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole build, in the order of ARCHITECTURE.md: discover, compile, run, charts &amp; facts, bake,
 * index, publish. Each stage is one call; a stage that finds problems throws {@link BuildFailure} and
 * nothing is published. One instance can build many times (the preview server does): its worker
 * JVMs, Asciidoctor and JBake's document store stay warm, and every stage skips work whose inputs
 * did not change.
 */
public final class SiteBuild implements AutoCloseable {

    /** False only in bench/, to measure the bake without compiling or running programs. */
    private static final boolean VERIFY = !"false".equals(System.getProperty("site.verify"));

    private final SiteLayout layout;
    private final PrintStream console;
    private final SnippetCompiler compiler;
    private final ProgramRunner runner;
    private final Baker baker;
    private final SiteIndex index = new SiteIndex();
    private final AtomicPublisher publisher;

    private final BuildInfo fixedBuildInfo;
    /** Not the common pool, which on two cores has one thread, already busy warming Asciidoctor up. */
    private static final Executor WORKER_STARTER = runnable -> {
        Thread t = new Thread(runnable, "worker-starter");
        t.setDaemon(true);
        t.start();
    };

    public SiteBuild(SiteLayout layout, PrintStream console) {
        this(layout, console, null);
    }

    /**
     * @param buildInfo the commit and date pages show; null to read them from the repository at every
     *                  build (a copy of the sources outside the checkout passes the checkout's)
     */
    public SiteBuild(SiteLayout layout, PrintStream console, BuildInfo buildInfo) {
        this.fixedBuildInfo = buildInfo;
        this.layout = layout;
        this.console = console;
        SnippetLibraries libraries = SnippetLibraries.of(layout.root());
        this.compiler = new SnippetCompiler(layout.cache(), libraries);
        this.runner = new ProgramRunner(layout.root(), layout.cache(), libraries);
        this.baker = new Baker(layout);
        this.publisher = new AtomicPublisher(layout.site());
    }

    public static void main(String[] args) {
        Logging.quiet();
        SiteLayout layout = SiteLayout.at(Path.of(System.getProperty("site.root", ".")));
        if (args.length > 0 && args[0].equals("serve")) {
            try {
                PreviewServer.run(layout, Integer.getInteger("site.port", 8080));
            } catch (UncheckedIOException e) {
                System.err.println("The preview could not start: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        int status = 0;
        try (SiteBuild build = new SiteBuild(layout, System.out)) {
            build.build();
        } catch (BuildFailure failure) {
            System.err.println(failure.report());
            status = 1;
        }
        System.exit(status); // JBake's embedded database leaves non-daemon threads behind
    }

    public void build() {
        build(false);
    }

    /**
     * @param preview true in the preview server: programs that only read changed pages keep their previous
     *                result for this build (returned, so the caller can build again to refresh them)
     * @return the programs whose results were deferred (always empty when not previewing)
     */
    public List<String> build(boolean preview) {
        // Asciidoctor's start-up (JRuby) and JBake's store take seconds: overlap them with compiling and running.
        CompletableFuture<Void> bakerWarm = CompletableFuture.runAsync(baker::warmUp);
        CompletableFuture<Void> workers = CompletableFuture.completedFuture(null);
        Path staging = publisher.freshStaging();
        List<String> deferred = new ArrayList<>();
        try {
            SourceTree sources = stage("discover", () -> Discovery.scan(layout),
                    s -> s.pages().size() + " pages, " + s.programs().size() + " programs, " + s.referenceCount() + " references");
            Catalog catalog;
            if (VERIFY) {
                workers = CompletableFuture.runAsync(() -> runner.startWorkersIfCacheIsEmpty(sources.programs()), WORKER_STARTER);
                CompiledPrograms compiled = stage("compile", () -> compiler.compile(sources.programs()),
                        c -> c.compiled() + " of " + sources.programs().size() + " programs compiled");
                workers.exceptionally(failed -> null).join(); // a worker that failed to start early is retried by the run stage
                RunResults runs = stage("run", () -> runner.runAll(sources.programs(), compiled, preview),
                        r -> r.executed() + " ran, " + (r.byProgram().size() - r.executed() - r.deferred().size())
                                + " from cache" + (r.deferred().isEmpty() ? "" : ", " + r.deferred().size() + " deferred"));
                deferred.addAll(runs.deferred());
                catalog = stage("charts & facts", () -> Catalog.assemble(sources, runs),
                        c -> c.facts().size() + " facts, " + c.tables().size() + " tables, " + c.charts().size() + " charts"
                                + (c.unusedPrograms().isEmpty() ? "" : "; shown nowhere: " + String.join(", ", c.unusedPrograms())));
            } else {
                catalog = stage("unverified", () -> Catalog.unverified(sources), c -> "programs skipped (benchmark only)");
            }
            bakerWarm.join();
            stage("bake", () -> baker.bake(sources, catalog,
                    fixedBuildInfo != null ? fixedBuildInfo : BuildInfo.of(layout.root()), staging, layout.site()),
                    r -> r.rendered() + " of " + r.pages() + " pages rendered");
            stage("index", () -> index.write(staging, sources, catalog), s -> s.htmlFiles() + " HTML files, links ok, " + s.practiceQuestions() + " practice questions");
            stage("publish", () -> {
                publisher.publish();
                return layout.relative(layout.site());
            }, where -> where);
            return deferred;
        } catch (RuntimeException e) {
            baker.forgetPublishedState();
            publisher.discard();
            bakerWarm.cancel(false);
            workers.exceptionally(failed -> null).join(); // workers started early wait in the runner, which stops them on close
            throw e;
        }
    }

    @Override
    public void close() {
        runner.close();
        baker.close();
    }

    private <T> T stage(String name, Supplier<T> work, Function<T, String> summary) {
        long start = System.nanoTime();
        T result = work.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        console.printf("%-15s %6d ms  %s%n", name, millis, summary.apply(result));
        return result;
    }
}
