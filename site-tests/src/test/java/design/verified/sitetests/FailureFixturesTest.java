package design.verified.sitetests;

import design.verified.BuildFailure;
import design.verified.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each way a contributor can break the build fails it with a message naming the file (and line, where
 * there is one), and leaves the previously published site exactly as it was.
 */
class FailureFixturesTest {

    private static FixtureSite site;
    private static String published;

    @BeforeAll
    static void publishAGoodSite() throws Exception {
        site = FixtureSite.create();
        BuildFailure failure = site.build();
        assertNull(failure, () -> "the good fixture should build: " + failure.problems());
        published = site.publishedFingerprint();
    }

    @AfterEach
    void restoreTheGoodSite() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage());
        for (String name : new String[]{"Broken", "Throws", "Spins", "Exits", "Floods", "Lingers", "Drifts", "Jit"}) {
            site.delete("snippets/fixture/" + name + ".java");
        }
    }

    private static void assertFailsWith(String location, String message) {
        BuildFailure failure = site.build();
        assertNotNull(failure, "the build should have failed at " + location);
        String all = failure.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(failure.problems().stream().anyMatch(p -> p.location().equals(location) && p.message().contains(message)),
                "expected '" + location + ": ..." + message + "...' among:\n" + all);
        assertEquals(published, site.publishedFingerprint(), "a failed build changed the published site");
    }

    @Test
    void aCompileErrorNamesTheFileAndLine() {
        site.write("snippets/fixture/Broken.java", "package fixture;\n\npublic class Broken {\n    int x = ;\n}\n");
        assertFailsWith("snippets/fixture/Broken.java:4", "error: illegal start of expression");
    }

    @Test
    void anUncaughtExceptionNamesTheLineThatThrew() {
        site.write("snippets/fixture/Throws.java", """
                package fixture;

                public class Throws {
                    public static void main(String[] args) {
                        throw new IllegalStateException("boom");
                    }
                }
                """);
        assertFailsWith("snippets/fixture/Throws.java:5", "threw java.lang.IllegalStateException: boom");
    }

    @Test
    void anUnknownRunDirectiveIsReportedAtItsLine() {
        site.write("snippets/fixture/Jit.java", """
                package fixture;

                // run: jit=fast
                public class Jit {
                    public static void main(String[] args) {
                    }
                }
                """);
        assertFailsWith("snippets/fixture/Jit.java:3", "unknown run directive 'jit=fast'");
    }

    @Test
    void anEndlessLoopIsStoppedAtItsTimeLimit() {
        site.write("snippets/fixture/Spins.java", """
                package fixture;

                // run: timeout=1s
                public class Spins {
                    public static void main(String[] args) {
                        long n = 0;
                        while (n >= 0) {
                            n = (n + 1) % 1_000;
                        }
                    }
                }
                """);
        assertFailsWith("snippets/fixture/Spins.java", "did not finish within 1 s");
    }

    @Test
    void systemExitIsRefusedAndReported() {
        site.write("snippets/fixture/Exits.java", """
                package fixture;

                public class Exits {
                    public static void main(String[] args) {
                        System.exit(3);
                    }
                }
                """);
        assertFailsWith("snippets/fixture/Exits.java:5", "called System.exit(3)");
    }

    @Test
    void runawayOutputIsCappedAndReported() {
        site.write("snippets/fixture/Floods.java", """
                package fixture;

                public class Floods {
                    public static void main(String[] args) {
                        while (true) {
                            System.out.println("all work and no play makes a very long page");
                        }
                    }
                }
                """);
        assertFailsWith("snippets/fixture/Floods.java:6", "printed more than 100 KB");
    }

    @Test
    void aThreadLeftRunningIsReported() {
        site.write("snippets/fixture/Lingers.java", """
                package fixture;

                public class Lingers {
                    public static void main(String[] args) {
                        new Thread(() -> {
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, "sleeper").start();
                    }
                }
                """);
        assertFailsWith("snippets/fixture/Lingers.java", "left thread(s) running after main returned: sleeper");
    }

    @Test
    void unseededRandomnessIsRejectedBeforeItReachesAPage() {
        site.write("snippets/fixture/Drifts.java", """
                package fixture;

                public class Drifts {
                    public static void main(String[] args) {
                        System.out.println(Math.random());
                    }
                }
                """);
        assertFailsWith("snippets/fixture/Drifts.java:5", "nondeterministic call 'Math.random('");
    }

    @Test
    void anUnknownSnippetNamesThePageAndLine() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\nsnippet::fixture/Missing[]\n");
        assertFailsWith(FixtureSite.PAGE + ":12", "unknown snippet 'fixture/Missing'");
    }

    @Test
    void anUnknownChartNamesThePageAndLine() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\nchart::fixture.lines[caption=\"x\", alt=\"y\"]\n");
        assertFailsWith(FixtureSite.PAGE + ":12", "unknown chart 'fixture.lines' (did you mean 'fixture.line'?)");
    }

    @Test
    void anUnknownFactNamesThePageAndLine() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\nThat makes fact:fixture.fore[] in all.\n");
        assertFailsWith(FixtureSite.PAGE + ":12", "unknown fact 'fixture.fore' (did you mean 'fixture.four'?)");
    }

    @Test
    void aBrokenIncludeNamesThePageAndLine() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\ninclude::no-such-part.adoc[]\n");
        assertFailsWith(FixtureSite.PAGE + ":12", "include file not found");
    }

    @Test
    void aMissingAttributeNamesThePageAndLine() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\nThe limit is {no-such-attribute} per second.\n");
        assertFailsWith(FixtureSite.PAGE + ":12", "missing attribute");
    }

    @Test
    void aCrossReferenceToAMissingPageFailsTheLinkCheck() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\nSee xref:02-nowhere.adoc#intro[Module 2].\n");
        assertFailsWith(FixtureSite.PAGE, "broken link: modules/02-nowhere.html does not exist");
    }

    @Test
    void aCrossReferenceToAMissingSectionFailsTheLinkCheck() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\nSee <<no-such-section>>.\n");
        assertFailsWith(FixtureSite.PAGE, "has no element with id 'no-such-section'");
    }

    @Test
    void aTemplateErrorFailsTheBake() {
        String page = site.read("templates/page.ftl");
        site.write("templates/page.ftl", page + "${noSuchVariable}\n");
        try {
            assertFailsWith("templates", "template or asset error");
        } finally {
            site.write("templates/page.ftl", page);
        }
    }

    @Test
    void aTypedInCodeBlockIsRefused() {
        site.write(FixtureSite.PAGE, FixtureSite.goodPage() + "\n[source,java]\n----\nint x = 1;\n----\n");
        assertFailsWith(FixtureSite.PAGE + ":12", "a typed-in code block");
    }
}
