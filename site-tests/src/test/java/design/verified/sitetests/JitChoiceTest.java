package design.verified.sitetests;

import design.verified.BuildFailure;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Programs run in worker JVMs whose JIT stops at C1, except those that ask for C2 with
 * {@code // run: jit=c2}: each program reports the JIT flags of the JVM that ran it.
 */
class JitChoiceTest {

    private static final String REPORTS_ITS_JVM = """
                public static void main(String[] args) {
                    boolean c1Only = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                            .contains("-XX:TieredStopAtLevel=1");
                    System.out.println(c1Only ? "JIT: C1 only" : "JIT: C1 and C2");
                }
            }
            """;

    @Test
    void eachProgramRunsWithTheJitItAsksFor() throws IOException {
        FixtureSite site = FixtureSite.create();
        site.write("snippets/fixture/Quick.java", "package fixture;\n\npublic class Quick {\n" + REPORTS_ITS_JVM);
        site.write("snippets/fixture/Hot.java", "package fixture;\n\n// run: jit=c2\npublic class Hot {\n" + REPORTS_ITS_JVM);
        BuildFailure failure = site.build();
        assertNull(failure, () -> "the fixture should build: " + failure.problems());
        assertEquals("JIT: C1 only", output(site, "Quick"), "a program without a directive should run with C1 only");
        assertEquals("JIT: C1 and C2", output(site, "Hot"), "a program with '// run: jit=c2' should run with C2");
    }

    /** What the program printed, from its page's output block (its source, above, names both answers). */
    private static String output(FixtureSite site, String program) {
        Element pre = Jsoup.parse(site.read("target/site/programs/fixture/" + program + ".html")).selectFirst(".literalblock.output pre");
        assertNotNull(pre, program + " shows no output");
        return pre.text().strip();
    }
}
