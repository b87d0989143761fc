package design.verified.bake;

import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.AsciidoctorEngine;
import org.jbake.parser.ParserContext;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JBake's AsciiDoc engine, telling the extensions and the log handler which page it is converting:
 * JBake passes Asciidoctor a string, so Asciidoctor itself only knows "&lt;stdin&gt;". It can also
 * convert pages ahead of JBake, on several threads: JBake's crawl converts one page at a time.
 */
final class PageTrackingAsciidoctorEngine extends AsciidoctorEngine {

    private volatile Path stagedContent;
    /** Pages converted ahead of JBake's crawl, by absolute path; each is handed out once. */
    private final Map<Path, DocumentModel> prepared = new ConcurrentHashMap<>();

    /** Pages are read from a staged copy of content/; errors must name the file the author edits. */
    PageTrackingAsciidoctorEngine mappingPagesFrom(Path stagedContent) {
        this.stagedContent = stagedContent.toAbsolutePath().normalize();
        return this;
    }

    /** Converts a one-line document, which starts JRuby and loads Asciidoctor and the extensions. */
    void warmUp() {
        try {
            java.io.File file = java.io.File.createTempFile("warm-up", ".adoc");
            try {
                java.util.List<String> lines = java.util.List.of("Warm-up with `code`.", "", "[source,java]", "----",
                        "class A {}", "----");
                java.nio.file.Files.write(file.toPath(), lines);
                org.jbake.app.configuration.JBakeConfiguration config =
                        new org.jbake.app.configuration.ConfigUtil().loadConfig(file.getParentFile(), null);
                config.setProperty("asciidoctor.attributes", java.util.List.of("source-highlighter=" + JavaHighlighter.NAME));
                ParserContext context = new ParserContext(file, lines, config, false);
                context.setBody("");
                super.processBody(context);
            } finally {
                java.nio.file.Files.deleteIfExists(file.toPath());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Converts these pages now on {@code threads} threads, so that JBake's crawl, which asks for them one
     * at a time, finds them done. A page whose conversion throws here is simply converted again by the
     * crawl, on its own, which then reports the error as it would have without this step.
     */
    void prepare(JBakeConfiguration config, List<File> pages, int threads) {
        prepared.clear();
        if (threads < 2 || pages.size() < 2) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> conversions = new ArrayList<>();
            for (File page : pages) {
                conversions.add(pool.submit(() -> {
                    DocumentModel model = super.parse(config, page);
                    if (model != null) {
                        prepared.put(key(page), model);
                    }
                }));
            }
            for (Future<?> conversion : conversions) {
                try {
                    conversion.get();
                } catch (ExecutionException failed) {
                    // left to the crawl: see above
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Forgets pages prepared for a bake that did not ask for them. */
    void forgetPrepared() {
        prepared.clear();
    }

    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        DocumentModel ready = prepared.remove(key(file));
        return ready != null ? ready : super.parse(config, file);
    }

    private static Path key(File file) {
        return file.toPath().toAbsolutePath().normalize();
    }

    @Override
    public void processHeader(ParserContext context) {
        track(context, () -> super.processHeader(context));
    }

    @Override
    public void processBody(ParserContext context) {
        track(context, () -> super.processBody(context));
    }

    private void track(ParserContext context, Runnable step) {
        BakeContext bake = BakeContext.current();
        Path staged = context.getFile().toPath().toAbsolutePath().normalize();
        String sitePath = stagedContent.relativize(staged).toString().replace('\\', '/').replaceFirst("\\.[a-z]+$", ".html");
        bake.enterPage(sourceOf(staged), sitePath);
        try {
            step.run();
        } finally {
            bake.leavePage();
        }
    }

    /** The path an error on a converted page names: program pages are written as HTML and never get here. */
    private String sourceOf(Path stagedFile) {
        return "content/" + stagedContent.relativize(stagedFile).toString().replace('\\', '/');
    }
}
