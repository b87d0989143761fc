package design.verified.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetRegionsTest {

    private static final String SOURCE = """
            package demo;

            // run: timeout=10s
            public class Demo {
                // tag::core[]
                static int twice(int x) {
                    return 2 * x;
                }
                // end::core[]
            }
            """;

    @Test
    void aTaggedRegionIsShownDedentedWithoutItsMarkers() {
        assertEquals("static int twice(int x) {\n    return 2 * x;\n}", SnippetRegions.visible(SOURCE, "core"));
    }

    @Test
    void theWholeFileDropsThePackageRunAndTagLines() {
        String visible = SnippetRegions.visible(SOURCE, null);
        assertTrue(visible.startsWith("public class Demo {"), visible);
        assertFalse(visible.contains("tag::"));
        assertFalse(visible.contains("run:"));
    }

    @Test
    void tagsAreFoundOnlyWhenBothEndsExist() {
        assertTrue(SnippetRegions.hasTag(SOURCE, "core"));
        assertFalse(SnippetRegions.hasTag(SOURCE, "other"));
    }
}
