package design.verified.bake;

import design.verified.data.Catalog;
import design.verified.data.SnippetRegions;
import design.verified.discover.Program;
import design.verified.run.ProgramResult;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code snippet::foundations/CapacityEstimate[tag=estimate]}: the program's code (whole, or one tagged
 * region) and, under it, what the program printed when the build ran it.
 */
@Name("snippet")
public final class SnippetMacro extends BlockMacroProcessor {

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        BakeContext bake = BakeContext.current();
        Catalog catalog = bake.catalog();
        Program program = catalog.program(target);
        if (program == null) {
            return createBlock(parent, "pass", MacroSupport.fail("unknown snippet '" + target + "'"));
        }
        Map<String, String> attrs = MacroSupport.strings(attributes);
        ProgramResult result = catalog.result(target);
        String code = SnippetRegions.visible(program.text(), attrs.get("tag"));

        Map<String, Object> wrapperAttrs = new HashMap<>();
        wrapperAttrs.put("role", "snippet");
        Block wrapper = createBlock(parent, "open", "", wrapperAttrs);
        if (attrs.containsKey("title")) {
            wrapper.setTitle(attrs.get("title"));
        }

        String link = bake.rootPath() + Html.programPage(program.id());
        wrapper.append(createBlock(wrapper, "pass", "<div class=\"snippet-meta\" data-program=\"" + Html.escape(program.id())
                + "\"><a href=\"" + Html.escape(link) + "\">" + Html.escape(program.source()) + "</a>"
                + (attrs.containsKey("tag") ? " <span class=\"snippet-region\">(excerpt)</span>" : "") + "</div>"));

        Map<String, Object> listingAttrs = new HashMap<>();
        listingAttrs.put("style", "source");
        listingAttrs.put("language", "java");
        Block listing = createBlock(wrapper, "listing", code, listingAttrs);
        listing.setStyle("source"); // the style attribute alone does not switch on highlighting
        listing.setSubstitutions("specialcharacters");
        wrapper.append(listing);

        if ("none".equals(attrs.get("output"))) {
            return wrapper; // the output is shown under another excerpt of this program on the page
        }
        Map<String, Object> outputAttrs = new HashMap<>();
        outputAttrs.put("role", "output");
        Block output = createBlock(wrapper, "literal", result.stdout().stripTrailing(), outputAttrs);
        output.setTitle("Output");
        output.setSubstitutions("specialcharacters");
        wrapper.append(output);
        return wrapper;
    }
}
