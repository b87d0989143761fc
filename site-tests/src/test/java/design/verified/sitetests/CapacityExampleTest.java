package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 1's worked example, recomputed from the assumptions the page states. The arithmetic here is
 * written again on purpose: if the program and this test disagree, one of them is wrong.
 */
class CapacityExampleTest {

    private static final String PAGE = "modules/01-foundations.html";

    private static double fact(Document doc, String name) {
        Element e = doc.selectFirst("span.fact[data-fact=foundations." + name + "]");
        assertNotNull(e, PAGE + " does not quote foundations." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    @Test
    void quotedNumbersFollowFromTheStatedAssumptions() {
        Document doc = PublishedSite.page(PAGE);
        double users = fact(doc, "dau");
        double opens = fact(doc, "opens-per-user");
        double peakFactor = fact(doc, "peak-factor");
        double perServer = fact(doc, "qps-per-server");
        int zones = (int) fact(doc, "zones");
        int regions = (int) fact(doc, "regions");

        double average = users * opens / 86_400;
        assertEquals(average, fact(doc, "average-qps"), 1e-6, PAGE + ": average QPS");
        assertEquals(users * opens / 100_000, fact(doc, "average-qps-with-1e5"), 1e-6, PAGE + ": 10^5 shortcut");
        double peak = average * peakFactor;
        assertEquals(peak, fact(doc, "peak-qps"), 1e-6, PAGE + ": peak QPS");
        assertEquals(peak / perServer, fact(doc, "servers-exact"), 1e-9, PAGE + ": servers at peak");
        assertEquals(Math.ceil(peak / perServer), fact(doc, "servers-at-peak"), PAGE + ": whole servers at peak");

        int zoneSafe = smallestFleetSurvivingAZoneLoss(peak / perServer, zones);
        assertEquals(zoneSafe, fact(doc, "servers-zone-loss"), PAGE + ": zone-loss fleet");
        int shortcut = (int) Math.floor(peak / perServer * 1.5);
        assertEquals(shortcut, fact(doc, "shortcut-servers"), PAGE + ": the x1.5 shortcut");
        double left = (shortcut - Math.ceil((double) shortcut / zones)) * perServer;
        assertEquals(left, fact(doc, "shortcut-qps-after-zone-loss"), 1e-6, PAGE + ": shortcut after a zone loss");
        assertTrue(left < peak, PAGE + ": the page says the shortcut falls short; it does not");

        double regional = peak / (regions - 1);
        assertEquals(regional, fact(doc, "regional-peak-qps"), 1e-6, PAGE + ": regional peak");
        int perRegion = smallestFleetSurvivingAZoneLoss(regional / perServer, zones);
        assertEquals(perRegion, fact(doc, "servers-per-region"), PAGE + ": servers per region");
        assertEquals(perRegion * regions, fact(doc, "fleet"), PAGE + ": fleet");
        assertEquals(zoneSafe * regions, fact(doc, "fleet-if-each-region-takes-all"), PAGE + ": every region takes all");
        assertEquals(Math.ceil(peak / 100_000), fact(doc, "redis-primaries-for-peak"), PAGE + ": Redis primaries");
    }

    /** Tries fleets from the bare minimum up until losing the largest of the zones leaves enough. */
    private static int smallestFleetSurvivingAZoneLoss(double needed, int zones) {
        for (int fleet = 1; ; fleet++) {
            int largestZone = (fleet + zones - 1) / zones;
            if (fleet - largestZone >= needed) {
                return fleet;
            }
        }
    }

    @Test
    void theSpeedOfLightFloorFollowsFromTheDistance() {
        Document doc = PublishedSite.page(PAGE);
        double km = fact(doc, "sf-ams-km");
        double kmPerMs = fact(doc, "fibre-km-per-ms");
        assertEquals(299.792458 / 1.468, kmPerMs, 1e-9, PAGE + ": light in fibre");
        assertEquals(2 * km / kmPerMs, fact(doc, "sf-ams-floor-ms"), 1e-9, PAGE + ": round-trip floor");
        assertTrue(km > 8_000 && km < 9_500, PAGE + ": San Francisco to Amsterdam is " + km + " km?");
    }
}
