package design.verified.bake;

import com.fasterxml.jackson.databind.ObjectMapper;
import design.verified.BuildFailure;
import design.verified.BuildInfo;
import design.verified.FileTrees;
import design.verified.Hashing;
import design.verified.Problem;
import design.verified.SiteLayout;
import design.verified.data.Catalog;
import design.verified.discover.Page;
import design.verified.discover.Reference;
import design.verified.discover.SourceTree;
import org.jbake.app.Asset;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stage 5: JBake turns the pages into HTML with the Freemarker templates; the Asciidoctor extensions
 * render snippets, charts, tables and facts from the catalog. Pages are staged beside generated ones
 * (one per program), each followed by a comment holding a hash of what the build computed for it, so
 * that JBake's own change detection re-renders exactly the pages whose text or inputs changed.
 */
public final class Baker implements AutoCloseable {

    /** One engine for the life of the JVM, so Asciidoctor (JRuby) starts once. */
    private static PageTrackingAsciidoctorEngine engine;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** JBake's crawl converts one page at a time; pages are converted ahead of it on this many threads. */
    private static final int CONVERSION_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private final SiteLayout layout;
    private final Path stage;
    private final SessionContentStore store = new SessionContentStore();
    /** True when the store's rendered documents match the last published site, so a bake may start from it. */
    private boolean primed;
    /** A hash of templates/ at the last bake: JBake converts every page again when it changes. */
    private String lastTemplates = "";

    public Baker(SiteLayout layout) {
        this.layout = layout;
        this.stage = layout.work().resolve("bake");
    }

    /**
     * Starts Asciidoctor (JRuby) and JBake's document store now, on this thread, so that the bake does not
     * wait for them: together they take seconds, and the build runs this while it compiles.
     */
    public void warmUp() {
        engine().warmUp();
        store.startup();
    }

    /**
     * Bakes into {@code destination} (empty). When the previous bake of this session succeeded and was
     * published at {@code published}, unchanged pages are copied from there instead of rendered.
     */
    public Result bake(SourceTree sources, Catalog catalog, BuildInfo build, Path destination, Path published) {
        Path stagedContent = stage.resolve("content");
        Path data = stage.resolve("data");
        Map<String, String> staged = new TreeMap<>();
        for (Page page : sources.pages()) {
            String relative = page.source().substring("content/".length());
            String text = read(layout.root().resolve(page.source()));
            staged.put(relative, page.format() == Page.Format.ASCIIDOC ? text + inputsLine(page.references(), catalog) : text);
        }
        ProgramPages.pages(catalog, sources).forEach((relative, text) -> staged.put(relative, text));
        staged.put(PracticePage.PAGE, PracticePage.page());
        staged.put(VerificationReport.PAGE, VerificationReport.page(sources, catalog, build,
                layout.root().resolve("site-tests/src/test/java")));
        List<String> changedPages = new ArrayList<>();
        boolean structureChanged = syncStage(stagedContent, staged, layout.content(), changedPages);
        boolean navigationChanged = writeIfChanged(data.resolve("site.yaml"), Navigation.yaml(sources.pages(), build));
        boolean incremental = primed && !structureChanged && !navigationChanged && Files.isDirectory(published);
        String templates = templatesHash();
        // JBake converts again every page whose text changed, or all of them after a template edit
        List<String> toConvert = incremental && templates.equals(lastTemplates) ? changedPages : List.copyOf(staged.keySet());
        lastTemplates = templates;
        if (incremental) {
            FileTrees.copy(published, destination);
        } else {
            store.startup();
            store.updateAndClearCacheIfNeeded(true, layout.templates().toFile());
        }

        Engines.register("adoc", engine().mappingPagesFrom(stagedContent));
        BakeContext context = new BakeContext(catalog, layout.root());
        BakeContext.open(context);
        List<Problem> problems = new ArrayList<>();
        int rendered;
        primed = false;
        try {
            DefaultJBakeConfiguration config = configuration(stagedContent, data, destination);
            engine().prepare(config, toConvert.stream().filter(page -> page.endsWith(".adoc"))
                    .map(page -> stagedContent.resolve(page).toFile()).toList(), CONVERSION_THREADS);
            Oven oven = new Oven(utensils(config));
            oven.bake();
            rendered = renderedCount(oven);
            for (Throwable error : oven.getErrors()) {
                problems.add(Problem.in("templates", "template or asset error: " + rootMessage(error)));
            }
        } finally {
            engine().forgetPrepared();
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
        VerificationReport.writeRuntimes(catalog, destination);
        primed = true;
        return new Result(staged.size(), rendered);
    }

    /** @param pages pages in the site; @param rendered how many JBake rendered in this bake (the rest were unchanged) */
    public record Result(int pages, int rendered) {
    }

    /** The publish stage failed or was skipped: the next bake must not start from the published site. */
    public void forgetPublishedState() {
        primed = false;
    }

    @Override
    public void close() {
        store.closeSession();
    }

    /** A trailing comment naming a hash of every computed thing the page shows. */
    private static String inputsLine(List<Reference> refs, Catalog catalog) {
        Hashing h = Hashing.sha256();
        for (Reference ref : refs) {
            h.add(ref.kind().macro).add(ref.name());
            Object item = switch (ref.kind()) {
                case SNIPPET -> List.of(catalog.program(ref.name()) == null ? "" : catalog.program(ref.name()).text(),
                        catalog.result(ref.name()) == null ? "" : catalog.result(ref.name()).stdout());
                case FACT -> catalog.fact(ref.name()) == null ? "" : String.valueOf(catalog.fact(ref.name()).value());
                case TABLE -> catalog.table(ref.name()) == null ? "" : List.of(catalog.table(ref.name()).header(),
                        catalog.table(ref.name()).rows(), catalog.table(ref.name()).origin().id());
                case CHART -> catalog.chart(ref.name()) == null ? "" : List.of(catalog.chart(ref.name()).option().toString(),
                        catalog.chart(ref.name()).origin().id());
            };
            try {
                h.add(JSON.writeValueAsString(item));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "\n\n// verified-inputs: " + h.hex() + "\n";
    }

    /**
     * Makes the staged folder hold exactly these files, writing only those whose text changed (JBake
     * then re-renders only those) and copying non-page files from content/ (includes, images).
     * Returns true if a page appeared or disappeared; adds the pages whose text changed to {@code written}.
     */
    private static boolean syncStage(Path stagedContent, Map<String, String> pages, Path content, List<String> written) {
        try {
            Files.createDirectories(stagedContent);
            Set<String> wanted = new HashSet<>(pages.keySet());
            for (Path file : FileTrees.list(content)) {
                String relative = content.relativize(file).toString().replace('\\', '/');
                if (!pages.containsKey(relative)) {
                    wanted.add(relative);
                    Path target = stagedContent.resolve(relative);
                    if (!Files.exists(target) || Files.mismatch(file, target) != -1) {
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            boolean changed = false;
            for (Path file : FileTrees.list(stagedContent)) {
                if (!wanted.contains(stagedContent.relativize(file).toString().replace('\\', '/'))) {
                    Files.delete(file);
                    changed = true;
                }
            }
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Path target = stagedContent.resolve(page.getKey());
                changed |= !Files.exists(target);
                if (writeIfChanged(target, page.getValue())) {
                    written.add(page.getKey());
                }
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String templatesHash() {
        Hashing h = Hashing.sha256();
        try {
            for (Path file : FileTrees.list(layout.templates())) {
                h.add(layout.templates().relativize(file).toString()).add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return h.hex();
    }

    static boolean writeIfChanged(Path file, String text) {
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized PageTrackingAsciidoctorEngine engine() {
        if (engine == null) {
            engine = new PageTrackingAsciidoctorEngine();
            for (String extension : List.of("asciidoc", "ad")) {
                Engines.register(extension, engine);
            }
        }
        return engine;
    }

    private Utensils utensils(DefaultJBakeConfiguration config) {
        Utensils utensils = new Utensils();
        utensils.setConfiguration(config);
        utensils.setContentStore(store);
        utensils.setCrawler(new Crawler(store, config));
        utensils.setRenderer(new Renderer(store, config));
        utensils.setAsset(new Asset(config));
        return utensils;
    }

    private DefaultJBakeConfiguration configuration(Path content, Path data, Path destination) {
        DefaultJBakeConfiguration config = (DefaultJBakeConfiguration) new ConfigUtil().loadConfig(stage.toFile(), null);
        config.setContentFolder(content.toFile());
        config.setTemplateFolder(layout.templates().toFile());
        config.setAssetFolder(layout.templates().resolve("static").toFile());
        config.setDataFolder(data.toFile());
        config.setDestinationFolder(destination.toFile());
        config.setClearCache(false);
        config.setDefaultStatus("published");
        for (String off : List.of("index", "feed", "archive", "tags", "tagsindex", "sitemap", "error404")) {
            config.setProperty("render." + off, false);
        }
        for (String type : List.of("page", "module", "casestudy", "program")) {
            config.setTemplateFileNameForDocType(type, "page.ftl");
        }
        config.setTemplateFileNameForDocType("home", "home.ftl");
        config.setProperty("asciidoctor.attributes.export", false);
        config.setProperty("asciidoctor.attributes", List.of("source-highlighter=" + JavaHighlighter.NAME,
                "sectanchors", "idprefix=", "idseparator=-", "attribute-missing=warn", "experimental",
                "icons!", "table-caption!", "example-caption!", "figure-caption!", "listing-caption!"));
        config.setProperty("markdown.extensions", List.of("TABLES", "AUTOLINKS", "DEFINITIONS", "SMARTS",
                "STRIKETHROUGH", "ANCHORLINKS"));
        return config;
    }

    private static int renderedCount(Oven oven) {
        try {
            java.lang.reflect.Field f = Oven.class.getDeclaredField("renderedCount");
            f.setAccessible(true);
            return f.getInt(oven);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String first = String.valueOf(t.getMessage()).strip().split("\n")[0];
        return error.getMessage() == null ? first : error.getMessage().strip().split("\n")[0] + " (" + first + ")";
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
