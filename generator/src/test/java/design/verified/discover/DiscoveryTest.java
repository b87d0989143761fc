package design.verified.discover;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiscoveryTest {

    @Test
    void findsMacrosWithTheirLinesButNotInsideCommentsOrVerbatimBlocks() {
        String page = """
                = Title

                snippet::a/One[tag=x]
                The peak is fact:a.peak[unit=QPS] and fact:a.low[].
                // chart::a.commented[]
                ....
                table::a.literal[]
                ....
                chart::a.shown[caption="c", alt="d"]
                """;
        List<Reference> refs = Discovery.referencesIn("content/p.adoc", page);
        assertEquals(List.of(
                new Reference(Reference.Kind.SNIPPET, "a/One", "tag=x", "content/p.adoc", 3),
                new Reference(Reference.Kind.FACT, "a.peak", "unit=QPS", "content/p.adoc", 4),
                new Reference(Reference.Kind.FACT, "a.low", "", "content/p.adoc", 4),
                new Reference(Reference.Kind.CHART, "a.shown", "caption=\"c\", alt=\"d\"", "content/p.adoc", 9)), refs);
    }
}
