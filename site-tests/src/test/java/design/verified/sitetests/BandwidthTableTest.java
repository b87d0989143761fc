package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class BandwidthTableTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/01-foundations.html", "foundations");
    private static final double SECONDS_PER_DAY = 24 * 60 * 60;

    @Test
    void everyBandwidthCellFollowsFromItsLinkRate() {
        List<Element> rows = PAGE.rows("foundations.bandwidth");
        for (Element row : rows) {
            String link = row.child(0).text();
            double bytesPerSecond = Quantities.bitsPerSecond(row.child(1).text()) / 8;
            check(link, "bytes per second", row.child(2).text(), bytesPerSecond);
            check(link, "bytes per day", row.child(3).text(), bytesPerSecond * SECONDS_PER_DAY);
        }
    }

    private static void check(String link, String column, String cell, double exact) {
        String unit = Quantities.unit(cell);
        double unitBytes = Quantities.bytes("1 " + unit);
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(cell), exact / unitBytes),
                PAGE + " bandwidth table, " + link + ", " + column + ": shows " + cell + " but the rate gives "
                        + exact / unitBytes + " " + unit);
    }
}
