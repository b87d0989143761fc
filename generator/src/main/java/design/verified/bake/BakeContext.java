package design.verified.bake;

import design.verified.Problem;
import design.verified.data.Catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Asciidoctor extensions need while JBake converts pages. AsciidoctorJ instantiates
 * extensions itself (through its SPI), so they cannot be handed their inputs; they read them here.
 * Set by {@link Baker} for the duration of one bake.
 */
public final class BakeContext {

    private static volatile BakeContext current;

    private final Catalog catalog;
    private final java.nio.file.Path root;
    private final List<Problem> problems = new ArrayList<>();
    private final ThreadLocal<String[]> page = new ThreadLocal<>(); // {repository path, site path}

    BakeContext(Catalog catalog, java.nio.file.Path root) {
        this.catalog = catalog;
        this.root = root;
    }

    static BakeContext current() {
        BakeContext c = current;
        if (c == null) {
            throw new IllegalStateException("no bake in progress");
        }
        return c;
    }

    static void open(BakeContext context) {
        current = context;
    }

    static void close() {
        current = null;
    }

    Catalog catalog() {
        return catalog;
    }

    /** The repository path of the page being converted, e.g. content/modules/01-foundations.adoc. */
    String page() {
        String[] p = page.get();
        return p == null ? "content" : p[0];
    }

    void enterPage(String repositoryPath, String sitePath) {
        page.set(new String[]{repositoryPath, sitePath});
    }

    void leavePage() {
        page.remove();
    }

    /** "../" once per folder between the page being converted and the site root. */
    String rootPath() {
        String[] p = page.get();
        return p == null ? "" : "../".repeat((int) p[1].chars().filter(c -> c == '/').count());
    }

    private static final java.util.regex.Pattern MISSING_ATTRIBUTE =
            java.util.regex.Pattern.compile("missing attribute: ([\\w-]+)");

    /**
     * Asciidoctor reports a missing attribute without a line; find the first line of the current page
     * that refers to it, so the author is sent to the right place. 0 when it cannot be found.
     */
    int lineOfMissingAttribute(String message) {
        java.util.regex.Matcher m = MISSING_ATTRIBUTE.matcher(message);
        java.nio.file.Path file = root.resolve(page());
        if (!m.find() || !java.nio.file.Files.isRegularFile(file)) {
            return 0;
        }
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("{" + m.group(1) + "}")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }

    synchronized void report(Problem problem) {
        problems.add(problem);
    }

    /**
     * Each problem once (a page converted ahead of JBake and then again reports twice), in a stable order
     * however the pages were spread over threads: by file, then line.
     */
    synchronized List<Problem> problems() {
        return problems.stream().distinct().sorted(java.util.Comparator.comparing((Problem p) -> fileOf(p.location()))
                .thenComparingInt(p -> lineOf(p.location()))).toList();
    }

    private static String fileOf(String location) {
        int colon = location.lastIndexOf(':');
        return colon > 0 && lineOf(location) > 0 ? location.substring(0, colon) : location;
    }

    private static int lineOf(String location) {
        int colon = location.lastIndexOf(':');
        try {
            return colon > 0 ? Integer.parseInt(location.substring(colon + 1)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
