package design.verified.bake;

import design.verified.data.Catalog;
import design.verified.data.Chart;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.Map;

/**
 * {@code chart::foundations.latency-ladder[caption="...", alt="..."]}: a container the page's chart
 * script fills from the option JSON (HTML-escaped in a data attribute, so no inline script is needed),
 * a caption, a text alternative, and a link to the program that computed the data.
 */
@Name("chart")
public final class ChartMacro extends BlockMacroProcessor {

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        BakeContext bake = BakeContext.current();
        Chart chart = bake.catalog().chart(target);
        if (chart == null) {
            return createBlock(parent, "pass", MacroSupport.fail("unknown chart '" + target + "'"));
        }
        return createBlock(parent, "pass", html(chart, MacroSupport.strings(attributes), bake.catalog(), bake.rootPath()));
    }

    /** The chart's container, caption and data table, on a page {@code rootPath} ("../" per folder) below the root. */
    static String html(Chart chart, Map<String, String> attrs, Catalog catalog, String rootPath) {
        String quoted = FactsInText.dataAttribute(attrs.getOrDefault("caption", ""), attrs.getOrDefault("alt", ""));
        String caption = FactsInText.expand(attrs.getOrDefault("caption", ""), catalog);
        String alt = FactsInText.expand(attrs.getOrDefault("alt", ""), catalog);
        String height = attrs.getOrDefault("height", "360").replaceAll("[^0-9]", "");
        String link = rootPath + Html.programPage(chart.origin().id());
        return "<figure class=\"chart\" data-chart=\"" + Html.escape(chart.id()) + "\"" + quoted + ">\n"
                + "<div class=\"chart-canvas\" role=\"img\" aria-label=\"" + Html.escape(alt) + "\" data-height=\""
                + height + "\" data-echarts=\""
                + Html.escape(chart.option().toString()) + "\"></div>\n"
                + "<figcaption>" + Html.escape(caption) + " <a class=\"chart-program\" href=\"" + Html.escape(link)
                + "\">Show the program</a></figcaption>\n"
                + "</figure>" + ChartDataTable.of(chart.option());
    }
}
