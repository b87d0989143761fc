package design.verified.bake;

import design.verified.discover.Page;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NavigationTest {

    private static Page page(String output, String type, int order) {
        return new Page("content/" + output.replace(".html", ".adoc"), output, Page.Format.ASCIIDOC, output, type, order, "", List.of());
    }

    @Test
    void theCourseReadsModulesOneToTwelveThenTheCaseStudiesThenTheCheatSheet() {
        List<Page> pages = List.of(page("modules/13-cheat-sheet.html", "module", 13), page("case-studies/chat.html", "casestudy", 2),
                page("modules/02-consistency.html", "module", 2), page("about.html", "page", 0),
                page("case-studies/url-shortener.html", "casestudy", 1), page("modules/12-security.html", "module", 12),
                page("modules/01-foundations.html", "module", 1));
        assertEquals(List.of("modules/01-foundations.html", "modules/02-consistency.html", "modules/12-security.html",
                        "case-studies/url-shortener.html", "case-studies/chat.html", "modules/13-cheat-sheet.html"),
                Navigation.readingOrder(pages).stream().map(Page::output).toList());
        List<Map<String, Object>> groups = Navigation.groups(pages);
        assertEquals(List.of("Modules", "Case studies", "Review"), groups.stream().map(g -> g.get("title")).toList());
    }
}
