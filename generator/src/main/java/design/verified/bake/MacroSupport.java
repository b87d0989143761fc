package design.verified.bake;

import design.verified.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** Shared by the extensions: attribute access and failing with the page named. */
final class MacroSupport {

    private MacroSupport() {
    }

    /** Asciidoctor hands attributes as Objects keyed by name and by position; we want named strings. */
    static Map<String, String> strings(Map<String, Object> attributes) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v.toString());
            }
        });
        return out;
    }

    /**
     * Reports a problem with the current page. Names are checked before the bake (with lines), so this
     * is a second line of defence; the returned HTML makes the failure visible if it were ever published.
     */
    static String fail(String message) {
        BakeContext bake = BakeContext.current();
        bake.report(Problem.in(bake.page(), message));
        return "<div class=\"build-error\">" + Html.escape(message) + "</div>";
    }
}
