package design.verified.bake;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.extension.spi.ExtensionRegistry;

/** Registers the site's macros with every Asciidoctor instance, including the one inside JBake. */
public final class VerifiedExtensions implements ExtensionRegistry {

    @Override
    public void register(Asciidoctor asciidoctor) {
        asciidoctor.javaExtensionRegistry()
                .blockMacro(SnippetMacro.class)
                .blockMacro(ChartMacro.class)
                .blockMacro(TableMacro.class)
                .blockMacro(CalculatorMacro.class)
                .inlineMacro(FactMacro.class)
                .postprocessor(StyleAttributes.class);
    }
}
