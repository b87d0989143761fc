package design.verified.bake;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.LocationType;
import org.asciidoctor.syntaxhighlighter.HighlightResult;
import org.asciidoctor.jruby.syntaxhighlighter.spi.SyntaxHighlighterRegistry;
import org.asciidoctor.syntaxhighlighter.Highlighter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time highlighting of the site's Java, as Asciidoctor's {@code source-highlighter=java-tokens}.
 * Rouge did this before from inside JRuby and was a third of the bake (14.6 s with it, 9.8 s with no
 * highlighting, on the 2-core machine); this lexer takes milliseconds for the whole site. Its token
 * rules follow Rouge's Java lexer, and it writes the same short Pygments class names that
 * {@code site.css} colours ({@code k kd kt kc kn}, {@code s sc}, {@code c1 cm}, {@code mi mf mh mb},
 * {@code nc nn no nf na nd}). Plain names and operators stay unwrapped, since the stylesheet gives
 * them no colour. Anything it does not recognise is copied through as text, so a fragment cut out of
 * a program (a tagged region) can never lose characters.
 */
public final class JavaHighlighter implements Highlighter {

    public static final String NAME = "java-tokens";

    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<space>\\s+)",
            "(?<c1>//[^\\n]*)",
            "(?<cm>/\\*[\\s\\S]*?\\*/)",
            "(?<textblock>\"\"\"(?:\\\\[\\s\\S]|[^\\\\])*?\"\"\")",
            "(?<string>\"(?:\\\\.|[^\"\\\\\\n])*\")",
            "(?<chr>'(?:\\\\[^\\n]|[^'\\\\\\n])+')",
            "(?<annotation>@[\\p{L}_$][\\p{L}\\p{N}_$]*)",
            "(?<hex>0[xX][\\da-fA-F_]+[lL]?)",
            "(?<bin>0[bB][01_]+[lL]?)",
            "(?<flt>(?:\\d[\\d_]*)?\\.\\d[\\d_]*(?:[eE][+-]?\\d+)?[fFdD]?|\\d[\\d_]*(?:[eE][+-]?\\d+[fFdD]?|[fFdD]))",
            "(?<integer>\\d[\\d_]*[lL]?)",
            "(?<word>[\\p{L}_$][\\p{L}\\p{N}_$]*)",
            "(?<operator>[^\\s\\p{L}\\p{N}_$\"'@/]+|/)",
            "(?<other>[\\s\\S])"));
    /**
     * Groups of {@link #TOKEN} coloured as they stand. A literal ends whatever came before it; a comment
     * or an annotation leaves "the last token could end a type" as it was.
     */
    private record Coloured(String group, String cssClass, boolean literal) {
    }

    private static final List<Coloured> COLOURED = List.of(
            new Coloured("c1", "c1", false), new Coloured("cm", "cm", false), new Coloured("annotation", "nd", false),
            new Coloured("textblock", "s", true), new Coloured("string", "s", true), new Coloured("chr", "sc", true),
            new Coloured("hex", "mh", true), new Coloured("bin", "mb", true), new Coloured("flt", "mf", true),
            new Coloured("integer", "mi", true));
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[\\p{L}\\p{N}_$.]+(?:\\*)?");
    private static final Pattern CALL_FOLLOWS = Pattern.compile("\\s*\\(");
    private static final Pattern RECORD_DECLARATION = Pattern.compile("\\s+\\p{Lu}");
    private static final Pattern CONSTANT = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}_]*");
    /** An operator run that can end a type: {@code List<String>}, {@code int[]}. */
    private static final Pattern TYPE_END = Pattern.compile("[>\\[\\]]+");

    private static final Set<String> KEYWORDS = Set.of("assert", "break", "case", "catch", "continue", "default",
            "do", "else", "finally", "for", "goto", "if", "instanceof", "new", "return", "switch", "this", "throw",
            "try", "while", "yield");
    private static final Set<String> DECLARATIONS = Set.of("abstract", "const", "enum", "extends", "final",
            "implements", "native", "private", "protected", "public", "static", "strictfp", "super", "synchronized",
            "throws", "transient", "volatile", "sealed", "permits");
    private static final Set<String> TYPE_DECLARATIONS = Set.of("class", "interface", "enum");
    private static final Set<String> TYPES = Set.of("boolean", "byte", "char", "double", "float", "int", "long",
            "short", "var", "void");
    private static final Set<String> CONSTANTS = Set.of("true", "false", "null");

    /** Registers the highlighter with every Asciidoctor instance (listed in META-INF/services). */
    public static final class Registration implements SyntaxHighlighterRegistry {
        @Override
        public void register(Asciidoctor asciidoctor) {
            asciidoctor.syntaxHighlighterRegistry().register(JavaHighlighter.class, NAME);
        }
    }

    /** AsciidoctorJ creates one instance per document and passes the name it was registered under. */
    public JavaHighlighter(String name) {
    }

    @Override
    public HighlightResult highlight(Block node, String source, String lang, Map<String, Object> options) {
        return new HighlightResult(highlight(source, lang));
    }

    @Override
    public boolean hasDocInfo(LocationType location) {
        return false; // the colours are in site.css
    }

    @Override
    public String getDocinfo(LocationType location, Document document, Map<String, Object> options) {
        return "";
    }

    /** The source as HTML: escaped, with the coloured tokens wrapped in spans. */
    static String highlight(String source, String lang) {
        if (!"java".equals(lang)) {
            return Html.escapeText(source);
        }
        StringBuilder html = new StringBuilder(source.length() * 2);
        Matcher m = TOKEN.matcher(source);
        boolean typeDeclared = false; // the next name is the one a class/interface/enum/record declares
        boolean afterType = false; // the last token could end a type, so "name(" declares a method
        int at = 0;
        while (at < source.length()) {
            m.region(at, source.length());
            if (!m.lookingAt()) {
                throw new IllegalStateException("the Java lexer matched nothing at offset " + at);
            }
            String text = m.group();
            Coloured coloured;
            if (m.group("space") != null) {
                html.append(text);
            } else if ((coloured = colouredGroup(m)) != null) {
                span(html, coloured.cssClass(), text);
                afterType &= !coloured.literal();
            } else if (m.group("word") != null) {
                int end = m.end();
                if (text.equals("package") || text.equals("import")) {
                    end = namespace(source, end, html.append("<span class=\"kn\">").append(text).append("</span>"));
                    afterType = false;
                } else if (KEYWORDS.contains(text)) {
                    span(html, "k", text);
                    afterType = false;
                } else if (TYPE_DECLARATIONS.contains(text) || text.equals("record") && follows(RECORD_DECLARATION, source, end)) {
                    span(html, "kd", text);
                    typeDeclared = true;
                    afterType = false;
                } else if (DECLARATIONS.contains(text)) {
                    span(html, "kd", text);
                    afterType = true;
                } else if (TYPES.contains(text)) {
                    span(html, "kt", text);
                    afterType = true;
                } else if (CONSTANTS.contains(text)) {
                    span(html, "kc", text);
                    afterType = false;
                } else {
                    span(html, nameRole(source, m.start(), end, typeDeclared, afterType), text);
                    typeDeclared = false;
                    afterType = true;
                }
                at = end;
                continue;
            } else if (m.group("operator") != null) {
                html.append(Html.escapeText(text));
                afterType = TYPE_END.matcher(text).matches();
            } else {
                html.append(Html.escapeText(text));
                afterType = false;
            }
            at = m.end();
        }
        return html.toString();
    }

    /** The group of {@link #TOKEN} that matched, if it is one that is coloured as it stands. */
    private static Coloured colouredGroup(Matcher m) {
        for (Coloured c : COLOURED) {
            if (m.group(c.group()) != null) {
                return c;
            }
        }
        return null;
    }

    /** The role of a name that is not a keyword; null for a plain name, which is not wrapped. */
    private static String nameRole(String source, int start, int end, boolean typeDeclared, boolean afterType) {
        if (typeDeclared) {
            return "nc";
        }
        if (start > 0 && source.charAt(start - 1) == '.' && (start < 2 || source.charAt(start - 2) != '.')) {
            return "na"; // a member: System.out, list.size()
        }
        if (afterType && follows(CALL_FOLLOWS, source, end)) {
            return "nf"; // a declaration: long bytes(...), not a call: bytes(...)
        }
        String name = source.substring(start, end);
        if (CONSTANT.matcher(name).matches()) {
            return "no";
        }
        return Character.isUpperCase(name.charAt(0)) ? "nc" : null;
    }

    /** After package/import: an optional "static", then the dotted name as one namespace token. */
    private static int namespace(String source, int at, StringBuilder html) {
        int i = skipSpace(source, at);
        if (source.startsWith("static", i) && i + 6 < source.length() && Character.isWhitespace(source.charAt(i + 6))) {
            html.append(source, at, i).append("<span class=\"kd\">static</span>");
            at = i + 6;
            i = skipSpace(source, at);
        }
        Matcher name = QUALIFIED_NAME.matcher(source).region(i, source.length());
        if (!name.lookingAt()) {
            return at;
        }
        html.append(source, at, i);
        span(html, "nn", name.group());
        return name.end();
    }

    private static int skipSpace(String source, int at) {
        int i = at;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean follows(Pattern pattern, String source, int at) {
        return pattern.matcher(source).region(at, source.length()).lookingAt();
    }

    private static void span(StringBuilder html, String role, String text) {
        if (role == null) {
            html.append(Html.escapeText(text));
        } else {
            html.append("<span class=\"").append(role).append("\">").append(Html.escapeText(text)).append("</span>");
        }
    }
}
