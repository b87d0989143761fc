package design.verified.bake;

import design.verified.BuildFailure;
import design.verified.Problem;
import design.verified.SiteLayout;
import design.verified.data.Catalog;
import design.verified.discover.Page;
import design.verified.discover.SourceTree;
import org.jbake.app.Oven;
import org.jbake.app.configuration.ConfigUtil;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.parser.Engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stage 5: JBake turns the pages into HTML with the Freemarker templates; the Asciidoctor extensions
 * render snippets, charts, tables and facts from the catalog. Pages are staged with generated ones
 * (one per program) so the author's tree is never written to.
 */
public final class Baker {

    /** One engine for the life of the JVM, so Asciidoctor (JRuby) starts once. */
    private static PageTrackingAsciidoctorEngine engine;

    private final SiteLayout layout;

    public Baker(SiteLayout layout) {
        this.layout = layout;
    }

    /** Bakes into {@code destination} (which must be empty) and returns how many pages it wrote. */
    public int bake(SourceTree sources, Catalog catalog, Path destination) {
        Path stage = layout.work().resolve("bake");
        Path stagedContent = stage.resolve("content");
        Path data = stage.resolve("data");
        resetDirectory(stage);
        copyTree(layout.content(), stagedContent);
        ProgramPages.write(catalog, sources, stagedContent.resolve("programs"));
        Navigation.write(sources.pages(), data.resolve("site.yaml"));

        registerEngine(stagedContent);
        BakeContext context = new BakeContext(catalog);
        BakeContext.open(context);
        List<Problem> problems = new ArrayList<>();
        try {
            Oven oven = new Oven(configuration(stage, stagedContent, data, destination));
            oven.bake();
            for (Throwable error : oven.getErrors()) {
                problems.add(Problem.in("templates", "template or asset error: " + rootMessage(error)));
            }
        } finally {
            BakeContext.close();
        }
        problems.addAll(context.problems());
        for (Page page : sources.pages()) {
            if (!Files.isRegularFile(destination.resolve(page.output()))) {
                problems.add(Problem.in(page.source(), "JBake did not render this page (check its header)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BuildFailure("bake", problems);
        }
        return sources.pages().size() + catalog.programs().size();
    }

    private static synchronized void registerEngine(Path stagedContent) {
        if (engine == null) {
            engine = new PageTrackingAsciidoctorEngine();
        }
        engine.mapPagesFrom(stagedContent);
        for (String extension : List.of("adoc", "asciidoc", "ad")) {
            Engines.register(extension, engine);
        }
    }

    private DefaultJBakeConfiguration configuration(Path stage, Path content, Path data, Path destination) {
        DefaultJBakeConfiguration config = (DefaultJBakeConfiguration) new ConfigUtil().loadConfig(stage.toFile(), null);
        config.setContentFolder(content.toFile());
        config.setTemplateFolder(layout.templates().toFile());
        config.setAssetFolder(layout.templates().resolve("static").toFile());
        config.setDataFolder(data.toFile());
        config.setDestinationFolder(destination.toFile());
        config.setClearCache(true);
        config.setDatabaseStore("memory");
        config.setDefaultStatus("published");
        for (String off : List.of("index", "feed", "archive", "tags", "tagsindex", "sitemap", "error404")) {
            config.setProperty("render." + off, false);
        }
        for (String type : List.of("page", "module", "casestudy", "program")) {
            config.setTemplateFileNameForDocType(type, "page.ftl");
        }
        config.setTemplateFileNameForDocType("home", "home.ftl");
        config.setProperty("asciidoctor.attributes.export", false);
        config.setProperty("asciidoctor.attributes", List.of("source-highlighter=rouge", "rouge-css=class",
                "sectanchors", "idprefix=", "idseparator=-", "attribute-missing=warn", "experimental",
                "icons!", "table-caption!", "example-caption!", "figure-caption!", "listing-caption!"));
        config.setProperty("markdown.extensions", List.of("TABLES", "AUTOLINKS", "DEFINITIONS", "SMARTS",
                "STRIKETHROUGH", "ANCHORLINKS"));
        return config;
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String first = String.valueOf(t.getMessage()).strip().split("\n")[0];
        return error.getMessage() == null ? first : error.getMessage().strip().split("\n")[0] + " (" + first + ")";
    }

    static void resetDirectory(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
