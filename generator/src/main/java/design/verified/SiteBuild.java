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

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole build, in the order of ARCHITECTURE.md: discover, compile, run, charts &amp; facts, bake,
 * index, publish. Each stage is one call; a stage that finds problems throws {@link BuildFailure} and
 * nothing is published.
 */
public final class SiteBuild {

    private final SiteLayout layout;
    private final PrintStream console;

    public SiteBuild(SiteLayout layout, PrintStream console) {
        this.layout = layout;
        this.console = console;
    }

    public static void main(String[] args) {
        Logging.quiet();
        Path root = Path.of(System.getProperty("site.root", "."));
        try {
            new SiteBuild(SiteLayout.at(root), System.out).build();
        } catch (BuildFailure failure) {
            System.err.println("BUILD FAILED in stage '" + failure.stage() + "':");
            failure.problems().forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.exit(0); // JBake's embedded database leaves non-daemon threads behind
    }

    public void build() {
        AtomicPublisher publisher = new AtomicPublisher(layout.site());
        Path staging = publisher.freshStaging();
        try {
            SourceTree sources = stage("discover", () -> Discovery.scan(layout),
                    s -> s.pages().size() + " pages, " + s.programs().size() + " programs, " + s.referenceCount() + " references");
            CompiledPrograms compiled = stage("compile",
                    () -> new SnippetCompiler(layout.cache(), SnippetLibraries.of(layout.root())).compile(sources.programs()),
                    c -> sources.programs().size() + " programs" + (c.reused() ? " (unchanged: reused)" : ""));
            RunResults runs = stage("run",
                    () -> new ProgramRunner(layout.cache(), SnippetLibraries.of(layout.root())).runAll(sources.programs(), compiled),
                    r -> r.executed() + " ran, " + (r.byProgram().size() - r.executed()) + " from cache");
            Catalog catalog = stage("charts & facts", () -> Catalog.assemble(sources, runs),
                    c -> c.facts().size() + " facts, " + c.tables().size() + " tables, " + c.charts().size() + " charts"
                            + (c.unusedPrograms().isEmpty() ? "" : "; shown nowhere: " + String.join(", ", c.unusedPrograms())));
            stage("bake", () -> new Baker(layout).bake(sources, catalog, staging), n -> n + " pages");
            stage("index", () -> SiteIndex.write(staging, sources, catalog), s -> s.htmlFiles() + " HTML files, links ok");
            stage("publish", () -> {
                publisher.publish();
                return layout.relative(layout.site());
            }, where -> where);
        } catch (RuntimeException e) {
            publisher.discard();
            throw e;
        }
    }

    private <T> T stage(String name, Supplier<T> work, Function<T, String> summary) {
        long start = System.nanoTime();
        T result = work.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        console.printf("%-15s %6d ms  %s%n", name, millis, summary.apply(result));
        return result;
    }
}
