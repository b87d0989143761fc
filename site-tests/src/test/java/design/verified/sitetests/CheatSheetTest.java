package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 13, the cheat sheet, promises three things: every number on it is the number its module shows
 * (it is a condensed copy, never a retyping), every section leads back to the sections that explain it,
 * and it prints on two sides of A4 or Letter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheatSheetTest {

    private static final String PAGE = "modules/13-cheat-sheet.html";
    private static final PublishedPage FOUNDATIONS = new PublishedPage("modules/01-foundations.html", "foundations");
    /** The cheat sheet's own program: its tables and facts are shown nowhere else, so they are recomputed here. */
    private static final String OWN_AREA = "cheatsheet.";
    private static final double SECONDS_PER_DAY = 24 * 60 * 60;

    @RegisterExtension
    static final LocalServer.PerClass server = new LocalServer.PerClass();

    private static Document cheatSheet() {
        return PublishedSite.page(PAGE);
    }

    /** Pages a reader learns from: every authored page but the cheat sheet itself and the whole guide (a copy of all). */
    private static List<String> sourcePages() {
        return PublishedSite.authoredPages().stream()
                .filter(p -> !p.equals(PAGE) && !p.equals("guide.html") && !p.equals("verification.html"))
                .toList();
    }

    // ---- (1) every number equals the number on its source page ----

    @Test
    void everyShownCellEqualsTheSameCellOnTheModulePage() {
        List<Element> tables = cheatSheet().select("table[data-table]");
        assertFalse(tables.isEmpty(), PAGE + ": no tables");
        for (Element copy : tables) {
            String id = copy.attr("data-table");
            if (id.startsWith(OWN_AREA)) {
                continue; // recomputed below
            }
            String source = null;
            Element original = null;
            for (String page : sourcePages()) {
                original = PublishedSite.page(page).selectFirst("table[data-table=" + id + "]");
                if (original != null) {
                    source = page;
                    break;
                }
            }
            assertTrue(original != null, PAGE + ": table " + id + " is shown on no module or case-study page, so nothing explains it");
            List<String> copyHeader = copy.select("thead th").eachText();
            List<String> originalHeader = original.select("thead th").eachText();
            List<Element> copyRows = copy.select("tbody tr");
            List<Element> originalRows = original.select("tbody tr");
            assertEquals(originalRows.size(), copyRows.size(),
                    PAGE + ": table " + id + " has " + copyRows.size() + " rows, " + source + " has " + originalRows.size());
            for (int c = 0; c < copyHeader.size(); c++) {
                String column = copyHeader.get(c);
                int o = originalHeader.indexOf(column);
                assertTrue(o >= 0, PAGE + ": table " + id + " shows a column '" + column + "' that " + source + " does not have");
                for (int r = 0; r < copyRows.size(); r++) {
                    String shown = copyRows.get(r).child(c).text();
                    String expected = originalRows.get(r).child(o).text();
                    assertEquals(expected, shown, PAGE + ": table " + id + ", row " + (r + 1) + " ("
                            + copyRows.get(r).child(0).text() + "), column '" + column + "' differs from " + source);
                }
            }
        }
    }

    @Test
    void everyQuotedFactReadsAsOnAPageThatTeachesIt() {
        List<Element> facts = cheatSheet().select("span.fact[data-fact]");
        assertFalse(facts.isEmpty(), PAGE + ": no facts");
        for (Element fact : facts) {
            String id = fact.attr("data-fact");
            if (id.startsWith(OWN_AREA)) {
                continue; // recomputed below
            }
            List<Element> elsewhere = new ArrayList<>();
            for (String page : sourcePages()) {
                elsewhere.addAll(PublishedSite.page(page).select("span.fact[data-fact=" + id + "]"));
            }
            assertFalse(elsewhere.isEmpty(), PAGE + ": fact " + id + " (" + fact.text() + ") is quoted on no module or case-study page");
            boolean sameText = elsewhere.stream().anyMatch(e -> e.text().equals(fact.text()));
            boolean sameValue = elsewhere.stream().anyMatch(e -> e.attr("data-value").equals(fact.attr("data-value")));
            assertTrue(sameText || sameValue, PAGE + ": fact " + id + " reads '" + fact.text() + "' (value "
                    + fact.attr("data-value") + "), but the pages that teach it show "
                    + elsewhere.stream().map(e -> "'" + e.text() + "' (" + e.attr("data-value") + ")").distinct().toList());
        }
    }

    /** The peak factor the worked example in Module 1 states. */
    private static double peakFactor() {
        return FOUNDATIONS.fact("peak-factor");
    }

    @Test
    void dailyRatesAreTheDailyCountOverTheDayTimesThePeakFactor() {
        Element table = cheatSheet().selectFirst("table[data-table=cheatsheet.daily-rates]");
        assertTrue(table != null, PAGE + ": the daily rates table is missing");
        double peak = peakFactor();
        List<String> header = table.select("thead th").eachText();
        assertEquals(List.of("Per day", "Average per second", "Peak per second (×" + Quantities.number(String.valueOf(peak)).stripTrailingZeros().toPlainString() + ")"),
                header, PAGE + ": daily rates header (its peak factor must be Module 1's)");
        List<Element> rows = table.select("tbody tr");
        assertFalse(rows.isEmpty(), PAGE + ": daily rates table is empty");
        for (Element row : rows) {
            String perDay = row.child(0).text();
            double count = dailyCount(perDay);
            BigDecimal average = Quantities.number(row.child(1).text());
            BigDecimal atPeak = Quantities.number(row.child(2).text());
            assertTrue(Quantities.isCorrectlyRounded(average, count / SECONDS_PER_DAY), PAGE + ": daily rates, " + perDay
                    + ": average " + row.child(1).text() + " but " + perDay + " ÷ 86,400 s is " + count / SECONDS_PER_DAY);
            assertTrue(Quantities.isCorrectlyRounded(atPeak, count / SECONDS_PER_DAY * peak), PAGE + ": daily rates, " + perDay
                    + ": peak " + row.child(2).text() + " but the average × " + peak + " is " + count / SECONDS_PER_DAY * peak);
        }
    }

    private static double dailyCount(String text) {
        Matcher m = Pattern.compile("([\\d.]+) (million|billion)").matcher(text);
        assertTrue(m.matches(), PAGE + ": daily rates, unreadable count '" + text + "'");
        return Double.parseDouble(m.group(1)) * (m.group(2).equals("million") ? 1e6 : 1e9);
    }

    @Test
    void theCheatSheetsOwnFactsAreRecomputed() {
        double peak = peakFactor();
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("cheatsheet.seconds-per-day", SECONDS_PER_DAY);
        expected.put("cheatsheet.shortcut-understates", 1 - SECONDS_PER_DAY / 1e5);
        expected.put("cheatsheet.billion-average-per-second", 1e9 / SECONDS_PER_DAY);
        expected.put("cheatsheet.billion-peak-per-second", 1e9 / SECONDS_PER_DAY * peak);
        for (Element fact : cheatSheet().select("span.fact[data-fact^=" + OWN_AREA + "]")) {
            String id = fact.attr("data-fact");
            assertTrue(expected.containsKey(id), PAGE + ": fact " + id + " has no independent recomputation in this test");
            double value = Double.parseDouble(fact.attr("data-value"));
            assertEquals(expected.get(id), value, Math.abs(expected.get(id)) * 1e-12,
                    PAGE + ": fact " + id + " is " + value + ", recomputed " + expected.get(id));
        }
        Element seconds = cheatSheet().selectFirst("span.fact[data-fact=cheatsheet.seconds-per-day]");
        assertTrue(seconds != null && seconds.text().equals("86,400"), PAGE + ": the day should read 86,400 s, reads "
                + (seconds == null ? "nothing" : seconds.text()));
    }

    // ---- (2) every section leads back to the sections that explain it ----

    private static final Pattern COURSE_LINK = Pattern.compile("(?:\\.\\./(case-studies|modules)/|)([\\w-]+\\.html)#(.+)");

    @Test
    void everySectionLinksToAModuleSectionThatExists() {
        List<Element> sections = cheatSheet().select("div.sect1");
        assertFalse(sections.isEmpty(), PAGE + ": no sections");
        for (Element section : sections) {
            String title = section.child(0).text();
            int links = 0;
            for (Element a : section.select("a[href*=#]")) {
                Matcher m = COURSE_LINK.matcher(a.attr("href"));
                if (!m.matches()) {
                    continue; // a link within this page
                }
                String folder = m.group(1) == null ? "modules" : m.group(1);
                String target = folder + "/" + m.group(2);
                assertFalse(target.equals(PAGE), PAGE + ", " + title + ": '" + a.text() + "' links to the cheat sheet itself");
                assertTrue(Files.isRegularFile(PublishedSite.dir().resolve(target)),
                        PAGE + ", " + title + ": '" + a.text() + "' links to a missing page " + target);
                assertTrue(PublishedSite.page(target).getElementById(m.group(3)) != null,
                        PAGE + ", " + title + ": '" + a.text() + "' links to #" + m.group(3) + ", which " + target + " does not have");
                links++;
            }
            assertTrue(links > 0, PAGE + ": section '" + title + "' links to no module or case-study section");
        }
    }

    // ---- (3) it prints on two sides ----

    @Test
    void printsOnTwoSidesOfA4() {
        assertPrintsOnAtMostTwoPages("A4", 21.0, 29.7);
    }

    @Test
    void printsOnTwoSidesOfLetter() {
        assertPrintsOnAtMostTwoPages("Letter", 21.59, 27.94);
    }

    private void assertPrintsOnAtMostTwoPages(String paper, double widthCm, double heightCm) {
        Browser browser = Browser.shared();
        browser.resize(Browser.DESKTOP_WIDTH, 900);
        browser.visit(server.url(PAGE));
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(heightCm, widthCm));
        options.setPageMargin(new PageMargin(0.8, 0.8, 0.8, 0.8)); // what the page's own @page rule asks for
        options.setShrinkToFit(false);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser.driver()).print(options).getContent());
        int pages = pageCount(pdf, paper);
        try {
            Files.write(Path.of(System.getProperty("java.io.tmpdir"), "cheat-sheet-" + paper + ".pdf"), pdf);
        } catch (java.io.IOException ignored) {
            // the PDF is kept only to look at after a failure
        }
        assertTrue(pages >= 1 && pages <= 2, PAGE + " prints on " + pages + " pages of " + paper + ", more than two sides");
    }

    /**
     * Pages in a PDF, counted twice: the page objects ("/Type /Page", not "/Pages"), and the page tree's
     * "/Count". Chromium writes both uncompressed; if they disagree the count is not reliable, and the test says so.
     */
    static int pageCount(byte[] pdf, String paper) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher pageObjects = Pattern.compile("/Type\\s*/Page(?![A-Za-z])").matcher(text);
        int objects = 0;
        while (pageObjects.find()) {
            objects++;
        }
        Matcher count = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b").matcher(text);
        assertTrue(count.find(), PAGE + " printed on " + paper + ": the PDF has no readable page tree, so its page count cannot be determined");
        int tree = Integer.parseInt(count.group(1) != null ? count.group(1) : count.group(2));
        assertEquals(tree, objects, PAGE + " printed on " + paper + ": the page tree says " + tree + " pages but "
                + objects + " page objects were found, so the count is not reliable");
        return objects;
    }
}
