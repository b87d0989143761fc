package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming case study, recomputed from what the page states: concurrency, egress, appliance load,
 * fill and catalog from the stated assumptions; the claims table's computed column; the knapsack's
 * capacity constraint and optimality bound; the fill policies table; the disk size at which the
 * chart first reaches 95 %; and the bitrate race's claims. Formulas are written again here on purpose.
 */
class StreamingCdnTest {

    private static final String PAGE = "case-studies/streaming-cdn.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Document page() {
        return PublishedSite.page(PAGE);
    }

    private static double fact(String name) {
        Element e = page().selectFirst("span.fact[data-fact=streaming." + name + "]");
        assertNotNull(e, PAGE + " does not quote streaming." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    /** Body rows of the table a selector names, e.g. {@code table[data-table=streaming.claims]}. */
    private static List<Element> rows(String tableSelector) {
        List<Element> rows = page().select(tableSelector + " tbody tr");
        assertFalse(rows.isEmpty(), PAGE + ": " + tableSelector + " is missing");
        return rows;
    }

    private static void assertClose(double expected, double actual, String message) {
        assertTrue(Math.abs(expected - actual) <= Math.abs(expected) * 1e-9 + 1e-9,
                message + ": expected " + expected + " but the page has " + actual);
    }

    private static void assertShows(double exact, String cell, String message) {
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(cell), exact),
                message + ": shows '" + cell + "' but the value is " + exact);
    }

    // --- back-of-envelope ---

    private static double peakConcurrent() {
        return fact("hours-per-day") / 24 * fact("peak-to-average");
    }

    private static double peakEgressTbps() {
        return peakConcurrent() * fact("stream-mbps") / 1e6;
    }

    private static double perApplianceGbps() {
        return peakEgressTbps() * fact("oca-share") * 1_000 / fact("appliances");
    }

    private static double catalogPb() {
        double renditions = fact("rungs") * fact("dynamic-ranges") * fact("codecs");
        return fact("titles") * fact("hours-per-title") * 3_600 * renditions * fact("rendition-mbps") * 1e6 / 8 / 1e15;
    }

    @Test
    void concurrencyAndEgressFollowFromHoursWatched() {
        assertClose(fact("hours-per-day") / 24, fact("average-concurrent"), PAGE + ": average concurrent streams");
        assertClose(peakConcurrent(), fact("peak-concurrent"), PAGE + ": peak concurrent streams");
        assertClose(peakConcurrent() / fact("subscribers"), fact("peak-share-of-subscribers"), PAGE + ": peak share");
        assertClose(fact("quoted-concurrent") / fact("subscribers"), fact("quoted-concurrent-share"), PAGE + ": quoted share");
        assertClose(fact("quoted-concurrent") * fact("stream-mbps") / 1e6, fact("quoted-concurrent-egress-tbps"),
                PAGE + ": egress of the quoted concurrency");
        assertClose(peakEgressTbps(), fact("peak-egress-tbps"), PAGE + ": peak egress");
        assertClose(fact("quoted-peak-tbps") * 1e6 / peakConcurrent(), fact("quoted-egress-implies-mbps"),
                PAGE + ": bitrate the quoted egress implies");
        assertClose(peakEgressTbps() * (1 - fact("oca-share")), fact("off-oca-tbps"), PAGE + ": egress outside the ISPs");
        assertTrue(fact("quoted-concurrent-egress-tbps") > fact("quoted-peak-tbps"),
                PAGE + ": the page says the quoted concurrency and egress contradict each other");
    }

    @Test
    void applianceLoadFollowsFromEgress() {
        assertClose(perApplianceGbps(), fact("per-appliance-gbps"), PAGE + ": egress per appliance");
        assertClose(perApplianceGbps() / fact("nic-gbps"), fact("per-appliance-utilisation"), PAGE + ": port utilisation");
        double quoted = fact("quoted-peak-tbps") * fact("oca-share") * 1_000 / fact("appliances");
        assertClose(quoted, fact("quoted-per-appliance-gbps"), PAGE + ": the quoted per-appliance egress");
        assertClose(quoted / fact("nic-gbps"), fact("quoted-per-appliance-utilisation"), PAGE + ": quoted utilisation");
        assertClose(Math.ceil(peakEgressTbps() * fact("oca-share") * 1_000 / (fact("nic-gbps") / 2)),
                fact("appliances-at-half-nic"), PAGE + ": appliances needed at half port speed");
    }

    @Test
    void fillAndCatalogFollowFromTheStatedSizes() {
        double deliveredPb = fact("hours-per-day") * 3_600 * fact("stream-mbps") * 1e6 / 8 / 1e15;
        assertClose(deliveredPb, fact("delivered-pb-per-day"), PAGE + ": bytes delivered a day");
        double fullPb = fact("disk-tb") * fact("appliances") / 1_000;
        assertClose(fullPb, fact("full-fill-pb"), PAGE + ": every disk rewritten");
        assertClose(fullPb / deliveredPb, fact("full-fill-share-of-day"), PAGE + ": full fill against a day");
        assertClose(fullPb * fact("nightly-change-share"), fact("nightly-fill-pb"), PAGE + ": nightly delta");
        assertClose(fullPb * fact("nightly-change-share") / deliveredPb, fact("nightly-fill-share-of-day"), PAGE + ": delta against a day");
        double window = fact("fill-window-hours") * 3_600;
        assertClose(fullPb * 1e15 * 8 / window / 1e12, fact("full-fill-tbps"), PAGE + ": full fill rate");
        assertClose(fact("disk-tb") * 1e12 * 8 / window / 1e9, fact("full-fill-gbps-per-appliance"), PAGE + ": full fill per box");
        assertClose(fact("disk-tb") * fact("nightly-change-share") * 1e12 * 8 / window / 1e9,
                fact("nightly-fill-gbps-per-appliance"), PAGE + ": delta fill per box");

        double renditions = fact("rungs") * fact("dynamic-ranges") * fact("codecs");
        assertClose(renditions, fact("renditions-per-video"), PAGE + ": renditions per video");
        assertClose(fact("titles") * renditions, fact("render-jobs-by-title"), PAGE + ": jobs counted per title");
        assertClose(fact("titles") * fact("videos-per-title") * renditions, fact("render-jobs-by-video"), PAGE + ": jobs per video");
        assertClose(fact("titles") * fact("hours-per-title"), fact("content-hours"), PAGE + ": content hours");
        assertClose(catalogPb(), fact("catalog-pb"), PAGE + ": encoded catalog");
        assertClose(fact("quoted-catalog-tb") * 1e12 * 8 / (fact("content-hours") * 3_600) / 1e6,
                fact("quoted-catalog-implies-mbps"), PAGE + ": bitrate the quoted catalog implies");
        assertClose(fact("disk-tb") / (catalogPb() * 1_000), fact("disk-share-of-catalog"), PAGE + ": disk share of the catalog");
    }

    @Test
    void everyComputedClaimFollowsFromTheAssumptions() {
        Map<String, Double> computed = Map.of(
                "Peak concurrent streams", peakConcurrent(),
                "Peak egress", peakEgressTbps() * 1e12,
                "Egress per appliance at peak", perApplianceGbps() * 1e9,
                "Nightly fill", fact("disk-tb") * fact("appliances") * fact("nightly-change-share") * 1e12,
                "Encoded catalog", catalogPb() * 1e15,
                "Render jobs", fact("titles") * fact("videos-per-title") * fact("rungs") * fact("dynamic-ranges") * fact("codecs"));
        List<Element> rows = rows("table[data-table=streaming.claims]");
        assertEquals(computed.size(), rows.size(), PAGE + " claims table: one row per checked figure");
        for (Element row : rows) {
            String figure = row.child(0).text();
            Double exact = computed.get(figure);
            assertNotNull(exact, PAGE + " claims table: unexpected row '" + figure + "'");
            String cell = row.child(2).text();
            double scale = switch (Quantities.unit(cell)) {
                case "M" -> 1e6;
                case "Tbps" -> 1e12;
                case "Gbps" -> 1e9;
                case "PB" -> 1e15;
                default -> throw new AssertionError(PAGE + " claims table, " + figure + ": unit of '" + cell + "'");
            };
            assertShows(exact / scale, cell, PAGE + " claims table, " + figure + ", Computed here");
        }
    }

    // --- the fill ---

    @Test
    void theFillRespectsTheDiskAndItsBound() {
        assertTrue(fact("fill-tb") <= fact("capacity-tb") + 1e-9,
                PAGE + ": the fill uses " + fact("fill-tb") + " TB of a " + fact("capacity-tb") + " TB disk");
        assertTrue(fact("fill-gap") >= 0 && fact("fill-gap") < 0.01, PAGE + ": optimality gap " + fact("fill-gap"));
        assertTrue(fact("fill-titles") <= fact("fill-files"), PAGE + ": more titles than files in the fill");
        assertTrue(fact("nightly-fill-share") > 0 && fact("nightly-fill-share") <= 1, PAGE + ": nightly fill share");
        assertClose(fact("capacity-tb") / fact("sim-catalog-tb"), fact("capacity-share-of-catalog"), PAGE + ": disk share of the site catalog");
        assertClose(fact("sim-files") / fact("sim-titles"), fact("sim-videos-per-title"), PAGE + ": videos per title in the simulation");
        assertClose(fact("perfect-hit") - fact("push-hit"), fact("surprise-cost"), PAGE + ": cost of the forecast's misses");
        assertTrue(fact("perfect-hit") >= fact("push-hit") && fact("perfect-hit") >= fact("emergency-hit"),
                PAGE + ": a perfect forecast should serve at least as much as any forecast");
        assertTrue(fact("emergency-hit") >= fact("push-hit"), PAGE + ": emergency fill should not lose hits");
    }

    @Test
    void everyPolicyRowAddsUpToTheBytesServed() {
        Map<String, String> factKey = Map.of("push (forecast)", "push", "push + emergency", "emergency",
                "perfect forecast", "perfect", "pull (LRU)", "pull");
        for (Element row : rows("table[data-table=streaming.policies]")) {
            String policy = row.child(0).text(), where = PAGE + " policies table, " + policy;
            String key = factKey.get(policy);
            assertNotNull(key, where + ": unexpected policy");
            double hit = fact(key + "-hit");
            assertShows(100 * hit, row.child(1).text(), where + ": Byte hit rate");
            assertShows(100 * (1 - hit), row.child(2).text(), where + ": Bytes from upstream");
            if (!key.equals("pull") && !key.equals("emergency")) {
                assertEquals("0 GB", row.child(3).text(), where + ": a pure push copies nothing during the day");
            }
        }
        double diskGb = fact("capacity-tb") * 1_000;
        assertTrue(fact("pull-daytime-fill-disks") * diskGb > fact("emergency-daytime-fill-gb"),
                PAGE + ": pull should copy more during the day than the emergency fill");
    }

    @Test
    void theHitRateChartReachesNinetyFivePercentWhereThePageSays() throws Exception {
        Element canvas = page().selectFirst("figure[data-chart=streaming.hit-rate] .chart-canvas");
        assertNotNull(canvas, PAGE + ": the hit-rate chart is missing");
        JsonNode option = JSON.readTree(canvas.attr("data-echarts"));
        JsonNode sizes = option.get("xAxis").get("data");
        JsonNode emergency = null, push = null;
        for (JsonNode s : option.get("series")) {
            if (s.get("name").asText().equals("push + emergency")) {
                emergency = s.get("data");
            }
            if (s.get("name").asText().equals("push (forecast)")) {
                push = s.get("data");
            }
        }
        assertNotNull(emergency, PAGE + ": hit-rate chart has no push + emergency series");
        double first = Double.NaN;
        for (int i = 0; i < sizes.size(); i++) {
            if (Double.isNaN(first) && emergency.get(i).asDouble() >= 95) {
                first = Quantities.number(sizes.get(i).asText()).doubleValue();
            }
            String label = sizes.get(i).asText();
            if (Quantities.number(label).doubleValue() == fact("capacity-tb")) {
                assertShows(100 * fact("emergency-hit"), String.valueOf(emergency.get(i).asDouble()), PAGE + ": chart vs facts at " + label);
                assertShows(100 * fact("push-hit"), String.valueOf(push.get(i).asDouble()), PAGE + ": chart vs facts at " + label);
            }
        }
        assertEquals(first, fact("emergency-95-tb"), PAGE + ": the first disk size where push + emergency reaches 95 %");
    }

    // --- adaptive bitrate ---

    @Test
    void theBitrateRaceSupportsWhatThePageSays() {
        assertTrue(fact("throughput-only-stall-s") > 0, PAGE + ": the rule without a margin is said to stall");
        assertEquals(0, fact("margin-and-buffer-stall-s"), PAGE + ": the margin rule is said never to stall");
        assertEquals(0, fact("buffer-based-stall-s"), PAGE + ": the buffer-based rule is said never to stall");
        assertTrue(fact("throughput-only-mbps") >= fact("margin-and-buffer-mbps"),
                PAGE + ": using all the throughput is said to give a higher average than the margin rule");
        assertTrue(fact("buffer-based-switches") > fact("margin-and-buffer-switches"),
                PAGE + ": the buffer-based rule is said to switch most");
        assertTrue(fact("safety") > 0 && fact("safety") < 1, PAGE + ": a safety margin is a fraction");
        assertTrue(fact("panic-buffer-s") < fact("up-switch-buffer-s") && fact("up-switch-buffer-s") < fact("max-buffer-s"),
                PAGE + ": buffer thresholds out of order");
    }
}
