package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat case study, recomputed from the page: the back-of-envelope from its stated assumptions, the
 * group fan-out costs from the message and key sizes, and the resequencing results against what the
 * network model allows.
 */
class ChatTest {

    private static final String PAGE = "case-studies/chat.html";

    private static Element factElement(String name) {
        Element e = PublishedSite.page(PAGE).selectFirst("span.fact[data-fact=chat." + name + "]");
        assertNotNull(e, PAGE + " does not quote chat." + name);
        return e;
    }

    private static double fact(String name) {
        return Double.parseDouble(factElement(name).attr("data-value"));
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-12, PAGE + ": " + what);
    }

    @Test
    void ratesAndFleetFollowFromTheAssumptions() {
        double average = fact("messages-per-day") / 86_400;
        assertClose(average, fact("average-messages"), "average messages a second");
        assertClose(fact("peak-messages") / average, fact("implied-peak-factor"), "implied peak factor");
        double needed = fact("online") / fact("connections-per-gateway");
        assertClose(needed, fact("gateways"), "gateways for the connections");
        int zones = (int) fact("zones");
        int fleet = 1;
        while (fleet - Math.ceil((double) fleet / zones) < needed) {
            fleet++;
        }
        assertEquals(fleet, fact("gateways-zone-loss"), PAGE + ": gateways surviving the loss of one of " + zones + " zones");
        assertClose(fact("gateway-ram-bytes") / fact("connections-per-gateway"), fact("bytes-per-connection"), "memory per connection");
        assertClose(fact("peak-messages") * fact("message-bytes"), fact("peak-ingress-bytes"), "peak ingress");
    }

    @Test
    void storageFiguresFollowFromTheAssumptions() {
        double perDay = fact("messages-per-day") * fact("message-bytes");
        assertClose(perDay, fact("message-bytes-per-day"), "message bytes a day");
        assertEquals(20e12, perDay, 1, PAGE + ": the page says the common 20 TB a day is right");
        double queue = fact("average-messages") * fact("recipients-blended") * fact("offline-share")
                * fact("offline-wait-hours") * 3600 * fact("message-bytes");
        assertClose(queue, fact("offline-queue-bytes"), "offline queue");
        assertClose(fact("users") * fact("registry-entry-bytes"), fact("registry-all-bytes"), "registry for every user");
        assertEquals(100e9, fact("registry-all-bytes"), 1, PAGE + ": the page says the common 100 GB is right");
        assertClose(fact("online") * fact("registry-entry-bytes"), fact("registry-online-bytes"), "registry for online users");
    }

    @Test
    void routerHopsBlendOneToOneAndGroupMessages() {
        double g = fact("group-share");
        double recipients = (1 - g) * 1 + g * (fact("group-size") - 1);
        assertClose(recipients, fact("recipients-blended"), "recipients per message");
        assertClose(fact("peak-messages") * fact("source-recipients"), fact("source-hops"), "the source's hops");
        double deliveries = fact("peak-messages") * recipients;
        assertClose(deliveries, fact("peak-deliveries"), "peak deliveries");
        assertClose(deliveries * (1 + fact("receipts-per-delivery")), fact("peak-hops-with-receipts"), "with receipts");
        assertClose(deliveries / fact("gateways-zone-loss"), fact("deliveries-per-gateway"), "deliveries per gateway");
        assertTrue(fact("peak-deliveries") < fact("source-hops"), PAGE + ": the page says the blended figure is lower");
    }

    @Test
    void groupFanOutCostsFollowFromTheSizes() {
        double m = fact("group-message-bytes"), k = fact("key-message-bytes"), r = fact("messages-per-key");
        int others = 499;
        assertClose(others * m, fact("pairwise-500-bytes"), "pairwise upload for 500 members");
        assertEquals(others, fact("pairwise-500-encryptions"), PAGE + ": pairwise encryptions for 500 members");
        assertClose(others * m * 8 / fact("uplink-bps"), fact("pairwise-500-seconds"), "pairwise upload time");
        double senderKeys = m + others / r * k;
        assertClose(senderKeys, fact("sender-keys-500-bytes"), "sender-key upload, amortised");
        assertClose(m + others * k, fact("sender-keys-500-change-bytes"), "sender-key upload after a change");
        assertClose(others * m / senderKeys, fact("saving-500"), "saving");
        assertEquals(others, fact("deliveries-500"), PAGE + ": server deliveries for 500 members");
        assertClose(1023 * m, fact("pairwise-1024-bytes"), "pairwise upload for 1,024 members");
        assertTrue(fact("pairwise-500-bytes") < 500 * m, PAGE + ": the page says 500 x 5 KB counts the sender too");
    }

    @Test
    void resequencingRespectsTheNetworkAndTheTradeOff() throws Exception {
        assertEquals("yes", factElement("in-order-exactly-once").attr("data-value"), PAGE + ": every message shown once, in order");
        double base = fact("base-delay-ms");
        assertTrue(fact("default-p50-ms") >= base, PAGE + ": median display delay below the network delay");
        assertTrue(fact("never-p99-ms") >= fact("server-retry-ms") + base,
                PAGE + ": with " + fact("loss") + " loss and no fetches, the p99 cannot beat the server's retry");
        assertTrue(fact("fastest-p99-ms") <= fact("default-p99-ms") && fact("default-p99-ms") <= fact("never-p99-ms"),
                PAGE + ": a shorter gap timeout should not show messages later");
        assertTrue(fact("fastest-fetches") >= fact("default-fetches"), PAGE + ": a shorter timeout should fetch more");
        assertTrue(fact("default-wasted") <= fact("default-fetches") && fact("fastest-wasted") <= fact("fastest-fetches"),
                PAGE + ": more redundant fetches than fetches");
        assertClose(2 * base, fact("fetch-rtt-ms"), "a fetch is one round trip");

        Element canvas = PublishedSite.page(PAGE).selectFirst("figure[data-chart=chat.gap-timeout] .chart-canvas");
        assertNotNull(canvas, PAGE + ": gap timeout chart missing");
        JsonNode option = new ObjectMapper().readTree(canvas.attr("data-echarts"));
        JsonNode labels = option.get("xAxis").get("data");
        int at = -1;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).asText().equals(String.format("%.0f", fact("default-gap-timeout-ms")))) {
                at = i;
            }
        }
        assertTrue(at >= 0, PAGE + ": the chart has no column for the default timeout");
        assertEquals(fact("default-p99-ms"), option.get("series").get(0).get("data").get(at).asDouble(), 0.5,
                PAGE + ": chart p99 against the prose");
        assertEquals(1000 * fact("default-fetches") / fact("messages"), option.get("series").get(2).get("data").get(at).asDouble(),
                0.05, PAGE + ": chart fetches per 1,000 messages against the prose");
    }

    @Test
    void ticksAndRoutingLoseNothing() {
        assertEquals(fact("routing-messages-to-bob"), fact("routing-bob-received"), PAGE + ": Bob's phone missed a message");
        assertTrue(fact("routing-offline-deliveries") > 0, PAGE + ": the scenario should exercise the offline path");
        Element output = null;
        for (Element snippet : PublishedSite.page(PAGE).select(".snippet-meta[data-program]")) {
            if (snippet.attr("data-program").contains("DeliveryTicks")) {
                output = snippet.parent().selectFirst(".output pre");
            }
        }
        assertNotNull(output, PAGE + ": the delivery ticks output is missing");
        long ignoredLines = output.wholeText().lines().filter(l -> l.contains("(no receipt sent)")).count();
        assertEquals(fact("acks-ignored"), ignoredLines, PAGE + ": ignored acks in prose against the program's output");
    }
}
