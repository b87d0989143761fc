package design.verified.bake;

import design.verified.data.Catalog;
import design.verified.data.Fact;
import design.verified.data.FactFormat;
import design.verified.data.MacroAttributes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chart captions and text alternatives are attribute values, where Asciidoctor does not expand inline
 * macros; this expands {@code fact:name[...]} in them, so a number a screen reader hears is computed
 * like every other number on the page.
 */
final class FactsInText {

    private static final Pattern FACT = Pattern.compile("(?<![\\w\\\\])fact:([^\\[\\s]+)\\[([^\\]]*)\\]");

    private FactsInText() {
    }

    /** The names of the facts a text quotes, in order of appearance. */
    static java.util.List<String> namesIn(String text) {
        java.util.List<String> names = new java.util.ArrayList<>();
        Matcher m = FACT.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** An attribute naming the facts quoted in these texts, so tests can see that they are read. */
    static String dataAttribute(String... texts) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String t : texts) {
            names.addAll(namesIn(t));
        }
        return names.isEmpty() ? "" : " data-facts=\"" + Html.escape(String.join(" ", names)) + "\"";
    }

    static String expand(String text, Catalog catalog) {
        Matcher m = FACT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Fact fact = catalog.fact(m.group(1));
            String value = fact == null ? MacroSupport.fail("unknown fact '" + m.group(1) + "' in an attribute")
                    : FactFormat.format(fact.value(), MacroAttributes.parse(m.group(2)));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
