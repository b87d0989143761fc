package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fact in prose shows its computed value, correctly rounded, in the scale its format declares. */
class FactsTest {

    private static final Pattern SHOWN = Pattern.compile("^(-?[\\d,]*\\.?\\d+)\\s?(K|M|B|T|%|KB|MB|GB|TB|PB|EB)?(?=\\s|$|[^\\w])");
    private static final Map<String, Double> SCALE = Map.ofEntries(
            Map.entry("K", 1e3), Map.entry("M", 1e6), Map.entry("B", 1e9), Map.entry("T", 1e12), Map.entry("%", 0.01),
            Map.entry("KB", 1e3), Map.entry("MB", 1e6), Map.entry("GB", 1e9), Map.entry("TB", 1e12),
            Map.entry("PB", 1e15), Map.entry("EB", 1e18));

    @Test
    void everyFactReadsAsItsValue() {
        int checked = 0;
        for (String page : PublishedSite.pages()) {
            for (Element fact : PublishedSite.page(page).select("span.fact[data-fact]")) {
                String text = fact.text();
                String raw = fact.attr("data-value");
                if (!raw.matches("-?[\\d.]+(E-?\\d+)?")) {
                    continue; // a textual fact
                }
                Matcher m = SHOWN.matcher(text);
                assertTrue(m.find(), page + ": fact " + fact.attr("data-fact") + " shows no number: '" + text + "'");
                // Words after the number are labels ("300 TB" of a value already in TB) unless the page
                // asked for a scaled format, which the fact declares.
                String format = fact.attr("data-format");
                double scale = format.isEmpty() || m.group(2) == null ? 1 : SCALE.get(m.group(2));
                if (format.equals("percent")) {
                    assertTrue("%".equals(m.group(2)), page + ": percent fact " + fact.attr("data-fact") + " reads '" + text + "'");
                }
                BigDecimal shown = new BigDecimal(m.group(1).replace(",", ""));
                double exact = Double.parseDouble(raw) / scale;
                assertTrue(Quantities.isCorrectlyRounded(shown, exact), page + ": fact " + fact.attr("data-fact")
                        + " shows '" + text + "' but its value is " + raw);
                checked++;
            }
        }
        assertTrue(checked > 0, "no facts found on the site");
    }

    @Test
    void everyFactNamesTheProgramThatComputedIt() {
        for (String page : PublishedSite.authoredPages()) {
            for (Element fact : PublishedSite.page(page).select("span.fact")) {
                assertFalse(fact.attr("title").isBlank(), page + ": fact " + fact.attr("data-fact") + " has no source");
                assertTrue(fact.attr("title").matches("computed by snippets/.+\\.java"),
                        page + ": fact " + fact.attr("data-fact") + " title is '" + fact.attr("title") + "'");
            }
        }
    }
}
