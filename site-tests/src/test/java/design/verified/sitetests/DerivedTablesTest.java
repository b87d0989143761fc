package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table whose program declares derived columns promises that a test recomputes them from the page.
 * This test holds the site to that promise: every such table is read by some test class.
 */
class DerivedTablesTest {

    @Test
    void everyTableWithDerivedColumnsIsRecomputedByATest() throws IOException {
        Map<String, String> derivedTables = new TreeMap<>(); // table id -> first page showing it
        for (String page : PublishedSite.authoredPages()) {
            for (Element table : PublishedSite.page(page).select("table.verified[data-derived]")) {
                derivedTables.putIfAbsent(table.attr("data-table"), page);
                for (String column : table.attr("data-derived").split(";")) {
                    assertFalse(table.select("th.derived").stream().noneMatch(th -> th.text().equals(column)),
                            page + ": table " + table.attr("data-table") + " declares '" + column + "' derived but does not mark it");
                }
            }
        }
        String tests = testSources();
        List<String> unchecked = new ArrayList<>();
        derivedTables.forEach((id, page) -> {
            if (!tests.contains("data-table=" + id + "]") && !tests.contains("\"" + id + "\"")) {
                unchecked.add(id + " (on " + page + ")");
            }
        });
        assertTrue(unchecked.isEmpty(), "tables with derived columns that no test reads:\n" + String.join("\n", unchecked));
    }

    /** Every test class except this one and the generic ones, as one text to search. */
    private static String testSources() throws IOException {
        Path dir = PublishedSite.repositoryRoot().resolve("site-tests/src/test/java");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> p.toString().endsWith("Test.java")).toList()) {
                if (!file.getFileName().toString().equals("DerivedTablesTest.java")) {
                    all.append(Files.readString(file));
                }
            }
        }
        return all.toString();
    }
}
