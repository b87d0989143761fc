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
    private final List<Problem> problems = new ArrayList<>();
    private final ThreadLocal<String[]> page = new ThreadLocal<>(); // {repository path, site path}

    BakeContext(Catalog catalog) {
        this.catalog = catalog;
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

    synchronized void report(Problem problem) {
        problems.add(problem);
    }

    synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }
}
