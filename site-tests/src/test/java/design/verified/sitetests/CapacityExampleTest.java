package design.verified.sitetests;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 1's worked example, recomputed from the assumptions the page states. The arithmetic here is
 * written again on purpose: if the program and this test disagree, one of them is wrong.
 */
class CapacityExampleTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/01-foundations.html", "foundations");

    @Test
    void quotedNumbersFollowFromTheStatedAssumptions() {
        double users = PAGE.fact("dau");
        double opens = PAGE.fact("opens-per-user");
        double peakFactor = PAGE.fact("peak-factor");
        double perServer = PAGE.fact("qps-per-server");
        int zones = (int) PAGE.fact("zones");
        int regions = (int) PAGE.fact("regions");

        double average = users * opens / 86_400;
        assertEquals(average, PAGE.fact("average-qps"), 1e-6, PAGE + ": average QPS");
        assertEquals(users * opens / 100_000, PAGE.fact("average-qps-with-1e5"), 1e-6, PAGE + ": 10^5 shortcut");
        double peak = average * peakFactor;
        assertEquals(peak, PAGE.fact("peak-qps"), 1e-6, PAGE + ": peak QPS");
        assertEquals(peak / perServer, PAGE.fact("servers-exact"), 1e-9, PAGE + ": servers at peak");
        assertEquals(Math.ceil(peak / perServer), PAGE.fact("servers-at-peak"), PAGE + ": whole servers at peak");

        int zoneSafe = smallestFleetSurvivingAZoneLoss(peak / perServer, zones);
        assertEquals(zoneSafe, PAGE.fact("servers-zone-loss"), PAGE + ": zone-loss fleet");
        int shortcut = (int) Math.floor(peak / perServer * 1.5);
        assertEquals(shortcut, PAGE.fact("shortcut-servers"), PAGE + ": the x1.5 shortcut");
        double left = (shortcut - Math.ceil((double) shortcut / zones)) * perServer;
        assertEquals(left, PAGE.fact("shortcut-qps-after-zone-loss"), 1e-6, PAGE + ": shortcut after a zone loss");
        assertTrue(left < peak, PAGE + ": the page says the shortcut falls short; it does not");

        double regional = peak / (regions - 1);
        assertEquals(regional, PAGE.fact("regional-peak-qps"), 1e-6, PAGE + ": regional peak");
        int perRegion = smallestFleetSurvivingAZoneLoss(regional / perServer, zones);
        assertEquals(perRegion, PAGE.fact("servers-per-region"), PAGE + ": servers per region");
        assertEquals(perRegion * regions, PAGE.fact("fleet"), PAGE + ": fleet");
        assertEquals(zoneSafe * regions, PAGE.fact("fleet-if-each-region-takes-all"), PAGE + ": every region takes all");
        assertEquals(Math.ceil(peak / 100_000), PAGE.fact("redis-primaries-for-peak"), PAGE + ": Redis primaries");
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
        double km = PAGE.fact("sf-ams-km");
        double kmPerMs = PAGE.fact("fibre-km-per-ms");
        assertEquals(299.792458 / 1.468, kmPerMs, 1e-9, PAGE + ": light in fibre");
        assertEquals(2 * km / kmPerMs, PAGE.fact("sf-ams-floor-ms"), 1e-9, PAGE + ": round-trip floor");
        assertTrue(km > 8_000 && km < 9_500, PAGE + ": San Francisco to Amsterdam is " + km + " km?");
    }
}
