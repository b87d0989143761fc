package design.verified.bake;

import design.verified.data.Fact;
import design.verified.data.FactFormat;
import org.asciidoctor.ast.ContentNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.Map;

/**
 * {@code fact:foundations.peak-qps[unit=QPS]}: a number a program computed, formatted for prose. The raw
 * value travels in a data attribute so tests can recheck both the arithmetic and the rounding.
 */
@Name("fact")
public final class FactMacro extends InlineMacroProcessor {

    @Override
    public Object process(ContentNode parent, String target, Map<String, Object> attributes) {
        BakeContext bake = BakeContext.current();
        Fact fact = bake.catalog().fact(target);
        String html;
        if (fact == null) {
            html = MacroSupport.fail("unknown fact '" + target + "'");
        } else {
            html = html(fact, MacroSupport.strings(attributes));
        }
        return createPhraseNode(parent, "quoted", html);
    }

    /** The fact, formatted as its attributes ask, with its raw value and its program in attributes. */
    static String html(Fact fact, Map<String, String> attributes) {
        Map<String, String> attrs = new java.util.LinkedHashMap<>(attributes);
        attrs.keySet().removeIf(k -> !FactFormat.ATTRIBUTES.contains(k));
        String format = attrs.getOrDefault("format", "plain");
        return "<span class=\"fact\" data-fact=\"" + Html.escape(fact.id()) + "\" data-value=\""
                + Html.escape(String.valueOf(fact.value())) + "\""
                + (format.equals("plain") ? "" : " data-format=\"" + Html.escape(format) + "\"")
                + " title=\"computed by "
                + Html.escape(fact.origin().source()) + "\">" + Html.escape(FactFormat.format(fact.value(), attrs))
                + "</span>";
    }
}
