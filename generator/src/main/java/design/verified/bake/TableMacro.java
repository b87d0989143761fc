package design.verified.bake;

import design.verified.data.Catalog;
import design.verified.data.Table;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.List;
import java.util.Map;

/**
 * {@code table::foundations.latency-ladder[caption="..."]}: a table whose rows a program generated, so
 * derived columns (ratios, per-day from per-second) are computed, never typed.
 */
@Name("table")
public final class TableMacro extends BlockMacroProcessor {

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        BakeContext bake = BakeContext.current();
        Table table = bake.catalog().table(target);
        if (table == null) {
            return createBlock(parent, "pass", MacroSupport.fail("unknown table '" + target + "'"));
        }
        return createBlock(parent, "pass", html(table, MacroSupport.strings(attributes), bake.catalog(), bake.rootPath()));
    }

    /** The table as HTML, on a page {@code rootPath} ("../" per folder) below the site root. */
    static String html(Table table, Map<String, String> attrs, Catalog catalog, String rootPath) {
        String caption = FactsInText.expand(attrs.getOrDefault("caption", attrs.getOrDefault("title", "")), catalog);
        String link = rootPath + Html.programPage(table.origin().id());
        StringBuilder html = new StringBuilder();
        List<String> wanted = Table.columnList(attrs.get("columns"));
        List<Integer> shown = new java.util.ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            if (wanted.isEmpty() || wanted.contains(table.header().get(i))) {
                shown.add(i);
            }
        }
        List<String> derivedShown = table.derived().stream().filter(c -> shown.contains(table.header().indexOf(c))).toList();
        html.append("<div class=\"table-wrap\"><table class=\"tableblock frame-all grid-all stretch verified\" data-table=\"")
                .append(Html.escape(table.id())).append("\"")
                .append(FactsInText.dataAttribute(attrs.getOrDefault("caption", attrs.getOrDefault("title", ""))));
        if (!derivedShown.isEmpty()) {
            html.append(" data-derived=\"").append(Html.escape(String.join(";", derivedShown))).append("\"");
        }
        html.append(">\n");
        html.append("<caption class=\"title\">").append(Html.escape(caption))
                .append(" <a class=\"table-program\" href=\"").append(Html.escape(link))
                .append("\">Computed by ").append(Html.escape(table.origin().source())).append("</a></caption>\n");
        html.append("<thead><tr>");
        for (int i : shown) {
            String h = table.header().get(i);
            boolean derived = table.derived().contains(h);
            html.append("<th class=\"tableblock").append(derived ? " derived" : "").append("\"")
                    .append(derived ? " title=\"computed from the other columns\"" : "").append(">")
                    .append(Html.escape(h)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i : shown) {
                String cell = row.get(i);
                html.append("<td class=\"tableblock").append(looksNumeric(cell) ? " numeric" : "").append("\">")
                        .append(Html.escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>");
        return html.toString();
    }

    private static boolean looksNumeric(String cell) {
        return cell.matches("[~≈<>]?\\s*[-+]?[\\d.,]+\\s*\\S{0,6}");
    }
}
