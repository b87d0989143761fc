package design.verified.bake;

import org.jbake.parser.AsciidoctorEngine;
import org.jbake.parser.ParserContext;

import java.nio.file.Path;

/**
 * JBake's AsciiDoc engine, telling the extensions and the log handler which page it is converting:
 * JBake passes Asciidoctor a string, so Asciidoctor itself only knows "&lt;stdin&gt;".
 */
final class PageTrackingAsciidoctorEngine extends AsciidoctorEngine {

    private volatile Path stagedContent;

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

    private String sourceOf(Path stagedFile) {
        String relative = stagedContent.relativize(stagedFile).toString().replace('\\', '/');
        if (relative.startsWith(ProgramPages.FOLDER + "/")) {
            return "snippets/" + relative.substring(ProgramPages.FOLDER.length() + 1).replaceFirst("\\.adoc$", ".java");
        }
        return "content/" + relative;
    }
}
