package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
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

    private static final PublishedPage PAGE = new PublishedPage("case-studies/chat.html", "chat");

    @Test
    void ratesAndFleetFollowFromTheAssumptions() {
        double average = PAGE.fact("messages-per-day") / 86_400;
        PAGE.assertClose(average, PAGE.fact("average-messages"), "average messages a second");
        PAGE.assertClose(PAGE.fact("peak-messages") / average, PAGE.fact("implied-peak-factor"), "implied peak factor");
        double needed = PAGE.fact("online") / PAGE.fact("connections-per-gateway");
        PAGE.assertClose(needed, PAGE.fact("gateways"), "gateways for the connections");
        int zones = (int) PAGE.fact("zones");
        int fleet = 1;
        while (fleet - Math.ceil((double) fleet / zones) < needed) {
            fleet++;
        }
        assertEquals(fleet, PAGE.fact("gateways-zone-loss"), PAGE + ": gateways surviving the loss of one of " + zones + " zones");
        PAGE.assertClose(PAGE.fact("gateway-ram-bytes") / PAGE.fact("connections-per-gateway"), PAGE.fact("bytes-per-connection"),
                "memory per connection");
        PAGE.assertClose(PAGE.fact("peak-messages") * PAGE.fact("message-bytes"), PAGE.fact("peak-ingress-bytes"), "peak ingress");
    }

    @Test
    void storageFiguresFollowFromTheAssumptions() {
        double perDay = PAGE.fact("messages-per-day") * PAGE.fact("message-bytes");
        PAGE.assertClose(perDay, PAGE.fact("message-bytes-per-day"), "message bytes a day");
        assertEquals(20e12, perDay, 1, PAGE + ": the page says the common 20 TB a day is right");
        double queue = PAGE.fact("average-messages") * PAGE.fact("recipients-blended") * PAGE.fact("offline-share")
                * PAGE.fact("offline-wait-hours") * 3600 * PAGE.fact("message-bytes");
        PAGE.assertClose(queue, PAGE.fact("offline-queue-bytes"), "offline queue");
        PAGE.assertClose(PAGE.fact("users") * PAGE.fact("registry-entry-bytes"), PAGE.fact("registry-all-bytes"), "registry for every user");
        assertEquals(100e9, PAGE.fact("registry-all-bytes"), 1, PAGE + ": the page says the common 100 GB is right");
        PAGE.assertClose(PAGE.fact("online") * PAGE.fact("registry-entry-bytes"), PAGE.fact("registry-online-bytes"), "registry for online users");
    }

    @Test
    void routerHopsBlendOneToOneAndGroupMessages() {
        double g = PAGE.fact("group-share");
        double recipients = (1 - g) * 1 + g * (PAGE.fact("group-size") - 1);
        PAGE.assertClose(recipients, PAGE.fact("recipients-blended"), "recipients per message");
        PAGE.assertClose(PAGE.fact("peak-messages") * PAGE.fact("source-recipients"), PAGE.fact("source-hops"), "the source's hops");
        double deliveries = PAGE.fact("peak-messages") * recipients;
        PAGE.assertClose(deliveries, PAGE.fact("peak-deliveries"), "peak deliveries");
        PAGE.assertClose(deliveries * (1 + PAGE.fact("receipts-per-delivery")), PAGE.fact("peak-hops-with-receipts"), "with receipts");
        PAGE.assertClose(deliveries / PAGE.fact("gateways-zone-loss"), PAGE.fact("deliveries-per-gateway"), "deliveries per gateway");
        assertTrue(PAGE.fact("peak-deliveries") < PAGE.fact("source-hops"), PAGE + ": the page says the blended figure is lower");
    }

    @Test
    void groupFanOutCostsFollowFromTheSizes() {
        double m = PAGE.fact("group-message-bytes"), k = PAGE.fact("key-message-bytes"), r = PAGE.fact("messages-per-key");
        int others = 499;
        PAGE.assertClose(others * m, PAGE.fact("pairwise-500-bytes"), "pairwise upload for 500 members");
        assertEquals(others, PAGE.fact("pairwise-500-encryptions"), PAGE + ": pairwise encryptions for 500 members");
        PAGE.assertClose(others * m * 8 / PAGE.fact("uplink-bps"), PAGE.fact("pairwise-500-seconds"), "pairwise upload time");
        double senderKeys = m + others / r * k;
        PAGE.assertClose(senderKeys, PAGE.fact("sender-keys-500-bytes"), "sender-key upload, amortised");
        PAGE.assertClose(m + others * k, PAGE.fact("sender-keys-500-change-bytes"), "sender-key upload after a change");
        PAGE.assertClose(others * m / senderKeys, PAGE.fact("saving-500"), "saving");
        assertEquals(others, PAGE.fact("deliveries-500"), PAGE + ": server deliveries for 500 members");
        PAGE.assertClose(1023 * m, PAGE.fact("pairwise-1024-bytes"), "pairwise upload for 1,024 members");
        assertTrue(PAGE.fact("pairwise-500-bytes") < 500 * m, PAGE + ": the page says 500 x 5 KB counts the sender too");
    }

    @Test
    void resequencingRespectsTheNetworkAndTheTradeOff() {
        assertEquals("yes", PAGE.factElement("in-order-exactly-once").attr("data-value"), PAGE + ": every message shown once, in order");
        double base = PAGE.fact("base-delay-ms");
        assertTrue(PAGE.fact("default-p50-ms") >= base, PAGE + ": median display delay below the network delay");
        assertTrue(PAGE.fact("never-p99-ms") >= PAGE.fact("server-retry-ms") + base,
                PAGE + ": with " + PAGE.fact("loss") + " loss and no fetches, the p99 cannot beat the server's retry");
        assertTrue(PAGE.fact("fastest-p99-ms") <= PAGE.fact("default-p99-ms") && PAGE.fact("default-p99-ms") <= PAGE.fact("never-p99-ms"),
                PAGE + ": a shorter gap timeout should not show messages later");
        assertTrue(PAGE.fact("fastest-fetches") >= PAGE.fact("default-fetches"), PAGE + ": a shorter timeout should fetch more");
        assertTrue(PAGE.fact("default-wasted") <= PAGE.fact("default-fetches") && PAGE.fact("fastest-wasted") <= PAGE.fact("fastest-fetches"),
                PAGE + ": more redundant fetches than fetches");
        PAGE.assertClose(2 * base, PAGE.fact("fetch-rtt-ms"), "a fetch is one round trip");

        JsonNode option = PAGE.chart("gap-timeout");
        JsonNode labels = option.get("xAxis").get("data");
        int at = -1;
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).asText().equals(String.format("%.0f", PAGE.fact("default-gap-timeout-ms")))) {
                at = i;
            }
        }
        assertTrue(at >= 0, PAGE + ": the chart has no column for the default timeout");
        assertEquals(PAGE.fact("default-p99-ms"), option.get("series").get(0).get("data").get(at).asDouble(), 0.5,
                PAGE + ": chart p99 against the prose");
        assertEquals(1000 * PAGE.fact("default-fetches") / PAGE.fact("messages"), option.get("series").get(2).get("data").get(at).asDouble(),
                0.05, PAGE + ": chart fetches per 1,000 messages against the prose");
    }

    @Test
    void ticksAndRoutingLoseNothing() {
        assertEquals(PAGE.fact("routing-messages-to-bob"), PAGE.fact("routing-bob-received"), PAGE + ": Bob's phone missed a message");
        assertTrue(PAGE.fact("routing-offline-deliveries") > 0, PAGE + ": the scenario should exercise the offline path");
        Element output = null;
        for (Element snippet : PAGE.doc().select(".snippet-meta[data-program]")) {
            if (snippet.attr("data-program").contains("DeliveryTicks")) {
                output = snippet.parent().selectFirst(".output pre");
            }
        }
        assertNotNull(output, PAGE + ": the delivery ticks output is missing");
        long ignoredLines = output.wholeText().lines().filter(l -> l.contains("(no receipt sent)")).count();
        assertEquals(PAGE.fact("acks-ignored"), ignoredLines, PAGE + ": ignored acks in prose against the program's output");
    }
}
