package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every module and case study ends with at least four practice questions whose answers point to the teaching. */
class PracticeQuestionsTest {

    private static final int AT_LEAST = 4;

    private static List<String> coursePages() {
        return PublishedSite.authoredPages().stream()
                .filter(p -> p.startsWith("modules/") || p.startsWith("case-studies/")).toList();
    }

    @Test
    void everyPageEndsWithQuestionsThatLinkToTheirSections() {
        List<String> problems = new ArrayList<>();
        for (String page : coursePages()) {
            Document doc = PublishedSite.page(page);
            Element section = doc.getElementById("practice-questions");
            if (section == null) {
                problems.add(page + ": no 'Practice questions' section");
                continue;
            }
            List<Element> questions = doc.select("details.practice");
            if (questions.size() < AT_LEAST) {
                problems.add(page + ": " + questions.size() + " practice questions, fewer than " + AT_LEAST);
            }
            for (Element q : questions) {
                Element summary = q.selectFirst("summary");
                String title = summary == null ? "(no question)" : summary.text();
                if (summary == null || summary.text().isBlank()) {
                    problems.add(page + ": a practice block without a question");
                }
                if (q.select(".content a[href*=#]").isEmpty()) {
                    problems.add(page + ": the answer to '" + title + "' links to no section");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void thePracticeDeckHoldsEveryQuestion() throws IOException {
        int onPages = coursePages().stream().mapToInt(p -> PublishedSite.page(p).select("details.practice").size()).sum();
        String data = Files.readString(PublishedSite.dir().resolve("js/practice-data.js"));
        Matcher ids = Pattern.compile("\"id\"\\s*:").matcher(data);
        int inDeck = 0;
        while (ids.find()) {
            inDeck++;
        }
        assertEquals(onPages, inDeck, "js/practice-data.js should hold every practice question on the course pages");
    }
}
