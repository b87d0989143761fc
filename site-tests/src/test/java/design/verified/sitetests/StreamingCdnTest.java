package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming case study, recomputed from what the page states: concurrency, egress, appliance load,
 * fill and catalog from the stated assumptions; the claims table's computed column; the knapsack's
 * capacity constraint and optimality bound; the fill policies table; the disk size at which the
 * chart first reaches 95 %; and the bitrate race's claims. Formulas are written again here on purpose.
 */
class StreamingCdnTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/streaming-cdn.html", "streaming");

    /** Equal up to a relative 1e-9 plus an absolute 1e-9. */
    private static void assertClose(double expected, double actual, String message) {
        Quantities.assertClose(expected, actual, 1e-9, 1e-9, message);
    }

    // --- back-of-envelope ---

    private static double peakConcurrent() {
        return PAGE.fact("hours-per-day") / 24 * PAGE.fact("peak-to-average");
    }

    private static double peakEgressTbps() {
        return peakConcurrent() * PAGE.fact("stream-mbps") / 1e6;
    }

    private static double perApplianceGbps() {
        return peakEgressTbps() * PAGE.fact("oca-share") * 1_000 / PAGE.fact("appliances");
    }

    private static double catalogPb() {
        double renditions = PAGE.fact("rungs") * PAGE.fact("dynamic-ranges") * PAGE.fact("codecs");
        return PAGE.fact("titles") * PAGE.fact("hours-per-title") * 3_600 * renditions * PAGE.fact("rendition-mbps") * 1e6 / 8 / 1e15;
    }

    @Test
    void concurrencyAndEgressFollowFromHoursWatched() {
        assertClose(PAGE.fact("hours-per-day") / 24, PAGE.fact("average-concurrent"), PAGE + ": average concurrent streams");
        assertClose(peakConcurrent(), PAGE.fact("peak-concurrent"), PAGE + ": peak concurrent streams");
        assertClose(peakConcurrent() / PAGE.fact("subscribers"), PAGE.fact("peak-share-of-subscribers"), PAGE + ": peak share");
        assertClose(PAGE.fact("quoted-concurrent") / PAGE.fact("subscribers"), PAGE.fact("quoted-concurrent-share"), PAGE + ": quoted share");
        assertClose(PAGE.fact("quoted-concurrent") * PAGE.fact("stream-mbps") / 1e6, PAGE.fact("quoted-concurrent-egress-tbps"),
                PAGE + ": egress of the quoted concurrency");
        assertClose(peakEgressTbps(), PAGE.fact("peak-egress-tbps"), PAGE + ": peak egress");
        assertClose(PAGE.fact("quoted-peak-tbps") * 1e6 / peakConcurrent(), PAGE.fact("quoted-egress-implies-mbps"),
                PAGE + ": bitrate the quoted egress implies");
        assertClose(peakEgressTbps() * (1 - PAGE.fact("oca-share")), PAGE.fact("off-oca-tbps"), PAGE + ": egress outside the ISPs");
        assertTrue(PAGE.fact("quoted-concurrent-egress-tbps") > PAGE.fact("quoted-peak-tbps"),
                PAGE + ": the page says the quoted concurrency and egress contradict each other");
    }

    @Test
    void applianceLoadFollowsFromEgress() {
        assertClose(perApplianceGbps(), PAGE.fact("per-appliance-gbps"), PAGE + ": egress per appliance");
        assertClose(perApplianceGbps() / PAGE.fact("nic-gbps"), PAGE.fact("per-appliance-utilisation"), PAGE + ": port utilisation");
        double quoted = PAGE.fact("quoted-peak-tbps") * PAGE.fact("oca-share") * 1_000 / PAGE.fact("appliances");
        assertClose(quoted, PAGE.fact("quoted-per-appliance-gbps"), PAGE + ": the quoted per-appliance egress");
        assertClose(quoted / PAGE.fact("nic-gbps"), PAGE.fact("quoted-per-appliance-utilisation"), PAGE + ": quoted utilisation");
        assertClose(Math.ceil(peakEgressTbps() * PAGE.fact("oca-share") * 1_000 / (PAGE.fact("nic-gbps") / 2)),
                PAGE.fact("appliances-at-half-nic"), PAGE + ": appliances needed at half port speed");
    }

    @Test
    void fillAndCatalogFollowFromTheStatedSizes() {
        double deliveredPb = PAGE.fact("hours-per-day") * 3_600 * PAGE.fact("stream-mbps") * 1e6 / 8 / 1e15;
        assertClose(deliveredPb, PAGE.fact("delivered-pb-per-day"), PAGE + ": bytes delivered a day");
        double fullPb = PAGE.fact("disk-tb") * PAGE.fact("appliances") / 1_000;
        assertClose(fullPb, PAGE.fact("full-fill-pb"), PAGE + ": every disk rewritten");
        assertClose(fullPb / deliveredPb, PAGE.fact("full-fill-share-of-day"), PAGE + ": full fill against a day");
        assertClose(fullPb * PAGE.fact("nightly-change-share"), PAGE.fact("nightly-fill-pb"), PAGE + ": nightly delta");
        assertClose(fullPb * PAGE.fact("nightly-change-share") / deliveredPb, PAGE.fact("nightly-fill-share-of-day"), PAGE + ": delta against a day");
        double window = PAGE.fact("fill-window-hours") * 3_600;
        assertClose(fullPb * 1e15 * 8 / window / 1e12, PAGE.fact("full-fill-tbps"), PAGE + ": full fill rate");
        assertClose(PAGE.fact("disk-tb") * 1e12 * 8 / window / 1e9, PAGE.fact("full-fill-gbps-per-appliance"), PAGE + ": full fill per box");
        assertClose(PAGE.fact("disk-tb") * PAGE.fact("nightly-change-share") * 1e12 * 8 / window / 1e9,
                PAGE.fact("nightly-fill-gbps-per-appliance"), PAGE + ": delta fill per box");

        double renditions = PAGE.fact("rungs") * PAGE.fact("dynamic-ranges") * PAGE.fact("codecs");
        assertClose(renditions, PAGE.fact("renditions-per-video"), PAGE + ": renditions per video");
        assertClose(PAGE.fact("titles") * renditions, PAGE.fact("render-jobs-by-title"), PAGE + ": jobs counted per title");
        assertClose(PAGE.fact("titles") * PAGE.fact("videos-per-title") * renditions, PAGE.fact("render-jobs-by-video"), PAGE + ": jobs per video");
        assertClose(PAGE.fact("titles") * PAGE.fact("hours-per-title"), PAGE.fact("content-hours"), PAGE + ": content hours");
        assertClose(catalogPb(), PAGE.fact("catalog-pb"), PAGE + ": encoded catalog");
        assertClose(PAGE.fact("quoted-catalog-tb") * 1e12 * 8 / (PAGE.fact("content-hours") * 3_600) / 1e6,
                PAGE.fact("quoted-catalog-implies-mbps"), PAGE + ": bitrate the quoted catalog implies");
        assertClose(PAGE.fact("disk-tb") / (catalogPb() * 1_000), PAGE.fact("disk-share-of-catalog"), PAGE + ": disk share of the catalog");
    }

    @Test
    void everyComputedClaimFollowsFromTheAssumptions() {
        Map<String, Double> computed = Map.of(
                "Peak concurrent streams", peakConcurrent(),
                "Peak egress", peakEgressTbps() * 1e12,
                "Egress per appliance at peak", perApplianceGbps() * 1e9,
                "Nightly fill", PAGE.fact("disk-tb") * PAGE.fact("appliances") * PAGE.fact("nightly-change-share") * 1e12,
                "Encoded catalog", catalogPb() * 1e15,
                "Render jobs", PAGE.fact("titles") * PAGE.fact("videos-per-title") * PAGE.fact("rungs")
                        * PAGE.fact("dynamic-ranges") * PAGE.fact("codecs"));
        List<Element> rows = PAGE.rows("streaming.claims");
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
            Quantities.assertCorrectlyRounded(cell, exact / scale, PAGE + " claims table, " + figure + ", Computed here");
        }
    }

    // --- the fill ---

    @Test
    void theFillRespectsTheDiskAndItsBound() {
        assertTrue(PAGE.fact("fill-tb") <= PAGE.fact("capacity-tb") + 1e-9,
                PAGE + ": the fill uses " + PAGE.fact("fill-tb") + " TB of a " + PAGE.fact("capacity-tb") + " TB disk");
        assertTrue(PAGE.fact("fill-gap") >= 0 && PAGE.fact("fill-gap") < 0.01, PAGE + ": optimality gap " + PAGE.fact("fill-gap"));
        assertTrue(PAGE.fact("fill-titles") <= PAGE.fact("fill-files"), PAGE + ": more titles than files in the fill");
        assertTrue(PAGE.fact("nightly-fill-share") > 0 && PAGE.fact("nightly-fill-share") <= 1, PAGE + ": nightly fill share");
        assertClose(PAGE.fact("capacity-tb") / PAGE.fact("sim-catalog-tb"), PAGE.fact("capacity-share-of-catalog"),
                PAGE + ": disk share of the site catalog");
        assertClose(PAGE.fact("sim-files") / PAGE.fact("sim-titles"), PAGE.fact("sim-videos-per-title"),
                PAGE + ": videos per title in the simulation");
        assertClose(PAGE.fact("perfect-hit") - PAGE.fact("push-hit"), PAGE.fact("surprise-cost"), PAGE + ": cost of the forecast's misses");
        assertTrue(PAGE.fact("perfect-hit") >= PAGE.fact("push-hit") && PAGE.fact("perfect-hit") >= PAGE.fact("emergency-hit"),
                PAGE + ": a perfect forecast should serve at least as much as any forecast");
        assertTrue(PAGE.fact("emergency-hit") >= PAGE.fact("push-hit"), PAGE + ": emergency fill should not lose hits");
    }

    @Test
    void everyPolicyRowAddsUpToTheBytesServed() {
        Map<String, String> factKey = Map.of("push (forecast)", "push", "push + emergency", "emergency",
                "perfect forecast", "perfect", "pull (LRU)", "pull");
        for (Element row : PAGE.rows("streaming.policies")) {
            String policy = row.child(0).text(), where = PAGE + " policies table, " + policy;
            String key = factKey.get(policy);
            assertNotNull(key, where + ": unexpected policy");
            double hit = PAGE.fact(key + "-hit");
            Quantities.assertCorrectlyRounded(row.child(1).text(), 100 * hit, where + ": Byte hit rate");
            Quantities.assertCorrectlyRounded(row.child(2).text(), 100 * (1 - hit), where + ": Bytes from upstream");
            if (!key.equals("pull") && !key.equals("emergency")) {
                assertEquals("0 GB", row.child(3).text(), where + ": a pure push copies nothing during the day");
            }
        }
        double diskGb = PAGE.fact("capacity-tb") * 1_000;
        assertTrue(PAGE.fact("pull-daytime-fill-disks") * diskGb > PAGE.fact("emergency-daytime-fill-gb"),
                PAGE + ": pull should copy more during the day than the emergency fill");
    }

    @Test
    void theHitRateChartReachesNinetyFivePercentWhereThePageSays() {
        JsonNode option = PAGE.chart("hit-rate");
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
            if (Quantities.number(label).doubleValue() == PAGE.fact("capacity-tb")) {
                Quantities.assertCorrectlyRounded(String.valueOf(emergency.get(i).asDouble()), 100 * PAGE.fact("emergency-hit"),
                        PAGE + ": chart vs facts at " + label);
                Quantities.assertCorrectlyRounded(String.valueOf(push.get(i).asDouble()), 100 * PAGE.fact("push-hit"),
                        PAGE + ": chart vs facts at " + label);
            }
        }
        assertEquals(first, PAGE.fact("emergency-95-tb"), PAGE + ": the first disk size where push + emergency reaches 95 %");
    }

    // --- adaptive bitrate ---

    @Test
    void theBitrateRaceSupportsWhatThePageSays() {
        assertTrue(PAGE.fact("throughput-only-stall-s") > 0, PAGE + ": the rule without a margin is said to stall");
        assertEquals(0, PAGE.fact("margin-and-buffer-stall-s"), PAGE + ": the margin rule is said never to stall");
        assertEquals(0, PAGE.fact("buffer-based-stall-s"), PAGE + ": the buffer-based rule is said never to stall");
        assertTrue(PAGE.fact("throughput-only-mbps") >= PAGE.fact("margin-and-buffer-mbps"),
                PAGE + ": using all the throughput is said to give a higher average than the margin rule");
        assertTrue(PAGE.fact("buffer-based-switches") > PAGE.fact("margin-and-buffer-switches"),
                PAGE + ": the buffer-based rule is said to switch most");
        assertTrue(PAGE.fact("safety") > 0 && PAGE.fact("safety") < 1, PAGE + ": a safety margin is a fraction");
        assertTrue(PAGE.fact("panic-buffer-s") < PAGE.fact("up-switch-buffer-s") && PAGE.fact("up-switch-buffer-s") < PAGE.fact("max-buffer-s"),
                PAGE + ": buffer thresholds out of order");
    }
}
