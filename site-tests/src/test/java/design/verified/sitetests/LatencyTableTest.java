package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyTableTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/01-foundations.html", "foundations");

    @Test
    void everyRelativeCellMatchesItsTime() {
        List<Element> rows = PAGE.rows("foundations.latency");
        double l1 = Quantities.nanoseconds(rows.get(0).child(1).text());
        for (Element row : rows) {
            String operation = row.child(0).text();
            double time = Quantities.nanoseconds(row.child(1).text());
            String relative = row.child(2).text();
            assertTrue(relative.endsWith("×"), PAGE + " latency table, " + operation + ": Relative cell '" + relative + "'");
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(relative), time / l1),
                    PAGE + " latency table, " + operation + ": Relative says " + relative + " but Time "
                            + row.child(1).text() + " over L1 " + rows.get(0).child(1).text() + " is " + time / l1);
        }
    }

    @Test
    void theLadderClimbsAndStartsAtOne() {
        List<Element> rows = PAGE.rows("foundations.latency");
        assertEquals("1×", rows.get(0).child(2).text(), PAGE + ": the first rung is the unit of the Relative column");
        double previous = 0;
        for (Element row : rows) {
            double time = Quantities.nanoseconds(row.child(1).text());
            assertTrue(time >= previous, PAGE + ": the ladder goes down at " + row.child(0).text());
            previous = time;
        }
    }
}
