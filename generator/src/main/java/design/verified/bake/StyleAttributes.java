package design.verified.bake;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.Postprocessor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps Asciidoctor's output within the site's Content-Security-Policy ({@code style-src 'self'}, no inline
 * styles): the only inline styles it writes are table and column widths, which become classes
 * ({@code style="width: 66.6666%;"} becomes {@code class="w-65"}, widths rounded to 5 %, styled in site.css).
 */
public final class StyleAttributes extends Postprocessor {

    private static final Pattern WIDTH = Pattern.compile("<(col|table)([^>]*?) style=\"width: ([0-9.]+)%;?\"([^>]*)>");
    private static final Pattern CLASS = Pattern.compile("class=\"([^\"]*)\"");

    @Override
    public String process(Document document, String output) {
        return withoutInlineWidths(output);
    }

    static String withoutInlineWidths(String html) {
        Matcher m = WIDTH.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            long rounded = Math.max(5, Math.min(100, Math.round(Double.parseDouble(m.group(3)) / 5) * 5));
            String attributes = m.group(2) + m.group(4);
            String tag;
            Matcher cls = CLASS.matcher(attributes);
            if (cls.find()) {
                tag = "<" + m.group(1) + attributes.substring(0, cls.start()) + "class=\"" + cls.group(1) + " w-" + rounded + "\""
                        + attributes.substring(cls.end()) + ">";
            } else {
                tag = "<" + m.group(1) + attributes + " class=\"w-" + rounded + "\">";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(tag));
        }
        m.appendTail(out);
        return out.toString();
    }
}
