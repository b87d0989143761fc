package design.verified.index;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchDocumentsTest {

    @Test
    void eachSectionIsADocumentWithItsPageItsLinkAndItsProseButNotItsCode() throws Exception {
        Path site = Files.createTempDirectory("search");
        Files.createDirectories(site.resolve("modules"));
        Path page = site.resolve("modules/01-a.html");
        Files.writeString(page, "<html><body><main><article><h1>Foundations</h1><p>Intro text.</p>"
                + "<h2 id=\"the-ladder\"><a class=\"anchor\" href=\"#the-ladder\"></a>The ladder</h2><p>Rungs of <em>latency</em>, one by one.</p>"
                + "<pre>int code = 1;</pre><h3 id=\"why\">Why</h3><p>Because.</p></article></main></body></html>");

        List<SearchDocuments.Section> sections = SearchDocuments.of(site, ParsedPages.readAll(List.of(page)));

        assertEquals(List.of("modules/01-a.html", "modules/01-a.html#the-ladder", "modules/01-a.html#why"),
                sections.stream().map(SearchDocuments.Section::url).toList());
        SearchDocuments.Section ladder = sections.get(1);
        assertEquals("The ladder", ladder.section());
        assertEquals("Foundations", ladder.page());
        assertEquals("Rungs of latency, one by one.", ladder.text());
        assertFalse(ladder.text().contains("code"), "code belongs to the program pages");
        assertTrue(sections.get(0).text().startsWith("Intro text"));
    }
}
