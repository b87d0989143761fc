package design.verified.bake;

import design.verified.FileTrees;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaHighlighterTest {

    private static final Pattern SPAN = Pattern.compile("<span class=\"([a-z0-9]+)\">([^<]*)</span>");

    @Test
    void everyProgramOfTheSiteComesBackCharacterForCharacter() throws IOException {
        List<Path> programs = FileTrees.list(Path.of("..", "snippets")).stream()
                .filter(p -> p.toString().endsWith(".java")).toList();
        assertTrue(programs.size() > 100, "expected the site's programs under ../snippets");
        for (Path program : programs) {
            String source = Files.readString(program);
            assertEquals(source, text(JavaHighlighter.highlight(source, "java")), program + " changed when highlighted");
            // a tagged region may start or end anywhere in a line's code: cut each program at a few odd places
            for (int cut : new int[] {source.length() / 3, source.length() / 2 + 1, source.length() - 7}) {
                String head = source.substring(0, cut);
                String tail = source.substring(cut);
                assertEquals(head, text(JavaHighlighter.highlight(head, "java")), program + " cut at " + cut);
                assertEquals(tail, text(JavaHighlighter.highlight(tail, "java")), program + " cut at " + cut);
            }
        }
    }

    @Test
    void tokensGetTheRolesTheStylesheetColours() {
        String html = JavaHighlighter.highlight("""
                package sync;
                import static java.lang.Math.max;
                @Deprecated
                public record Point(int x, long y) {
                    static final double RATE = 1.5e-3; // per second
                    /* hex and binary */ int mask = 0xFF_FFL + 0b1010;
                    static <T> List<T> pick(List<T> xs, char c) {
                        String s = "a \\"quoted\\" b";
                        return xs.isEmpty() ? null : List.of(xs.get(max(0, 'x')));
                    }
                }
                """, "java");
        List<String> roles = roles(html);
        for (String expected : List.of("kn:package", "nn:sync", "kn:import", "kd:static", "nn:java.lang.Math.max",
                "nd:@Deprecated", "kd:public", "kd:record", "nc:Point", "kt:int", "kt:long", "kt:double", "no:RATE",
                "mf:1.5e-3", "c1:// per second", "cm:/* hex and binary */", "mh:0xFF_FFL", "mb:0b1010", "nf:pick",
                "nc:List", "s:\"a \\\"quoted\\\" b\"", "k:return", "na:isEmpty", "kc:null", "na:of", "sc:'x'", "mi:0")) {
            assertTrue(roles.contains(expected), "missing " + expected + " in " + roles);
        }
        // calls are not declarations; locals and operators are plain text
        assertFalse(roles.contains("nf:max"), roles.toString());
        assertFalse(roles.stream().anyMatch(r -> r.startsWith("n:") || r.startsWith("o:")), roles.toString());
    }

    @Test
    void markupInTheSourceIsEscapedAndOtherLanguagesAreOnlyEscaped() {
        assertEquals("List&lt;Map&lt;K, V&gt;&gt; m; <span class=\"s\">\"&amp;\"</span>",
                JavaHighlighter.highlight("List<Map<K, V>> m; \"&\"", "java").replaceAll("<span class=\"(nc|no)\">([^<]*)</span>", "$2"));
        assertEquals("a &lt; b &amp;&amp; c", JavaHighlighter.highlight("a < b && c", "text"));
        assertEquals("x", JavaHighlighter.highlight("x", null));
    }

    private static List<String> roles(String html) {
        List<String> roles = new ArrayList<>();
        Matcher m = SPAN.matcher(html);
        while (m.find()) {
            roles.add(m.group(1) + ":" + unescape(m.group(2)));
        }
        return roles;
    }

    private static String text(String html) {
        return unescape(html.replaceAll("</?span[^>]*>", ""));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
