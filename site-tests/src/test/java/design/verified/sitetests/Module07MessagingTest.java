package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 7, rechecked from the published page: what each messaging pattern must deliver, the disk
 * arithmetic behind the "500 MB/s per drive" correction, partition balance, rebalance costs, the
 * producer and consumer guarantees, and the load-shedding totals, each against its own formula.
 */
class Module07MessagingTest {

    private static final String PAGE = "modules/07-messaging.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Document doc() {
        return PublishedSite.page(PAGE);
    }

    private static double fact(String name) {
        Element e = doc().selectFirst("span.fact[data-fact=messaging." + name + "]");
        assertNotNull(e, PAGE + " does not quote messaging." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    /** A table's body rows by its full id (e.g. "messaging.drives"), keyed by their first cell. */
    private static Map<String, Element> rows(String table) {
        List<Element> rows = doc().select("table[data-table=" + table + "] tbody tr");
        assertFalse(rows.isEmpty(), PAGE + ": table " + table + " is missing");
        Map<String, Element> byName = new HashMap<>();
        for (Element row : rows) {
            byName.put(row.child(0).text(), row);
        }
        return byName;
    }

    private static Element row(String table, String first) {
        Element row = rows(table).get(first);
        assertNotNull(row, PAGE + ": table " + table + " has no row '" + first + "'");
        return row;
    }

    private static double number(Element row, int column) {
        return Quantities.number(row.child(column).text()).doubleValue();
    }

    private static JsonNode chart(String name) {
        Element canvas = doc().selectFirst("figure[data-chart=messaging." + name + "] .chart-canvas");
        assertNotNull(canvas, PAGE + ": chart messaging." + name + " is missing");
        try {
            return JSON.readTree(canvas.attr("data-echarts"));
        } catch (Exception e) {
            throw new AssertionError(PAGE + ": chart messaging." + name + " is not JSON", e);
        }
    }

    // --- Patterns --------------------------------------------------------------------------------

    @Test
    void eachPatternDeliversWhatItsDefinitionPromises() {
        double m = fact("pattern-messages"), c = fact("pattern-consumers");
        // pattern -> {copies delivered to the listening consumers, a late consumer gets, a replay gets}
        Map<String, double[]> expected = Map.of(
                "Work queue", new double[] {m, 0, 0},
                "Pub/sub topic", new double[] {m * c, 0, 0},
                "Event log, one consumer group", new double[] {m, m, m},
                "Event log, a group each", new double[] {m * c, m, m},
                "Task scheduler", new double[] {m, 0, 0});
        assertEquals(expected.size(), rows("messaging.patterns").size(), PAGE + ": patterns table rows");
        expected.forEach((pattern, want) -> {
            Element r = row("messaging.patterns", pattern);
            for (int k = 0; k < 3; k++) {
                assertEquals(want[k], number(r, 2 + k), PAGE + " patterns table, " + pattern + ", column " + (3 + k));
            }
        });
        assertEquals(m, fact("log-late"), PAGE + ": the late consumer of a log");
        assertEquals(0, fact("queue-late") + fact("pubsub-late"), PAGE + ": the late consumer of a queue or topic");
    }

    // --- Disks -----------------------------------------------------------------------------------

    @Test
    void diskFiguresFollowFromTheDatasheetInputs() {
        double seq = fact("hdd-sequential-mbps");
        double accessMs = fact("hdd-seek-ms") + 0.5 * 60_000 / fact("hdd-rpm") + 4_096 / (seq * 1e6) * 1_000;
        double iops = 1_000 / accessMs;
        assertEquals(iops, fact("hdd-random-iops"), 1e-9, PAGE + ": random IOPS of a spinning disk");
        assertEquals(seq / (iops * 4_096 / 1e6), fact("hdd-ratio"), 1e-9, PAGE + ": sequential over random");
        assertTrue(fact("hdd-ratio") > 100, PAGE + ": the page says 100× understates a disk's gap");
        assertTrue(fact("sata-ratio") < 2 && fact("nvme-ratio") < 2, PAGE + ": SSD gaps are small");
        assertEquals(6e9 * 8 / 10 / 8 / 1e6, fact("sata-ceiling-mbps"), 1e-9, PAGE + ": SATA III with 8b/10b");
        assertEquals(500 / seq, fact("hdd-over-500"), 1e-12, PAGE + ": disks per 500 MB/s");
        double appends = fact("cluster-ingest-mbps") * fact("cluster-rf");
        assertEquals(appends, fact("cluster-appends-mbps"), 1e-9, PAGE + ": appends across the cluster");
        assertEquals(Math.ceil(appends / seq), fact("hdds-for-appends"), PAGE + ": disks for the appends");
        double tb = fact("cluster-ingest-mbps") * 1e6 * fact("retention-days") * 86_400 * fact("cluster-rf") / 1e12;
        assertEquals(tb, fact("retained-tb"), 1e-6, PAGE + ": retained terabytes");

        for (Element r : rows("messaging.drives").values()) {
            String where = PAGE + " drives table, " + r.child(0).text() + ": ";
            double sequential = number(r, 1);
            assertEquals(sequential >= 500 ? "yes" : "no", r.child(4).text(), where + "reaches 500 MB/s");
            double shownRatio = number(r, 3), random = number(r, 2);
            int randomDecimals = Quantities.number(r.child(2).text()).scale();
            double slack = 0.5 * Math.pow(10, -randomDecimals);
            assertTrue(shownRatio <= sequential / (random - slack) + 0.05 && shownRatio >= sequential / (random + slack) - 0.05,
                    where + "ratio " + shownRatio + " does not follow from " + sequential + " and " + random);
        }
    }

    // --- Partitions and groups -------------------------------------------------------------------

    @Test
    void thePartitionBalanceTableIsCeilingOverAverage() {
        List<Element> header = doc().select("table[data-table=messaging.partition-balance] thead th");
        for (Element r : rows("messaging.partition-balance").values()) {
            int partitions = (int) number(r, 0);
            for (int col = 1; col < r.children().size(); col++) {
                int consumers = (int) Quantities.number(header.get(col).text()).doubleValue();
                String cell = r.child(col).text();
                String where = PAGE + " partition balance, " + partitions + " partitions, " + consumers + " consumers: ";
                if (consumers > partitions) {
                    assertEquals((consumers - partitions) + " idle", cell, where);
                } else {
                    double exact = Math.ceil((double) partitions / consumers) / ((double) partitions / consumers);
                    assertTrue(Quantities.isCorrectlyRounded(Quantities.number(cell), exact), where + cell + " vs " + exact);
                }
            }
        }
        assertEquals(fact("expected-consumers") * fact("rule-multiple"), fact("rule-partitions"), PAGE + ": the 3x rule");
        double p = fact("rule-partitions");
        assertEquals(Math.ceil(p / 5) / (p / 5), fact("rule-at-5"), 1e-12, PAGE + ": 12 partitions over 5 consumers");
        assertEquals(Math.ceil(10 / 4.0) / (10 / 4.0), fact("ten-at-4"), 1e-12, PAGE + ": 10 partitions over 4 consumers");
    }

    @Test
    void keysKeepTheirOrderAndRepartitioningMovesMostKeys() {
        assertEquals(0, fact("keyed-out-of-order"), PAGE + ": a key's records share one partition, so one order");
        assertTrue(fact("unkeyed-out-of-order") > 0, PAGE + ": unkeyed records should show reordering");
        // h mod 12 == h mod 16 exactly when h mod 48 < 12: a quarter of keys stay.
        assertEquals(1 - 12.0 / 48, fact("remap-12-16"), 0.01, PAGE + ": keys remapped from 12 to 16 partitions");
    }

    @Test
    void rebalanceCostsFollowFromWhatPauses() {
        int partitions = (int) fact("group-partitions");
        // Range over 3 then 4 consumers, recomputed here: owner of p is p / (partitions / n).
        int moved = 0;
        for (int p = 0; p < partitions; p++) {
            moved += p / (partitions / 3) != p / (partitions / 4) ? 1 : 0;
        }
        assertEquals(moved, fact("range-moved"), PAGE + ": partitions moved by the range assignor");
        assertEquals(partitions / 4, fact("sticky-moved"), PAGE + ": a sticky assignor moves only the newcomer's share");

        double perTick = fact("arrivals-per-partition") * fact("rebalance-s");
        assertEquals(partitions, fact("eager-paused"), PAGE + ": eager pauses every partition");
        assertEquals(fact("sticky-moved"), fact("cooperative-paused"), PAGE + ": cooperative pauses the moved ones");
        assertEquals(partitions * perTick, fact("eager-peak-lag"), 1e-9, PAGE + ": eager peak lag");
        assertEquals(fact("sticky-moved") * perTick, fact("cooperative-peak-lag"), 1e-9, PAGE + ": cooperative peak lag");

        JsonNode series = chart("rebalance-lag").get("series");
        for (JsonNode s : series) {
            double max = 0;
            for (JsonNode point : s.get("data")) {
                max = Math.max(max, point.get(1).asDouble());
            }
            String mode = s.get("name").asText().startsWith("eager") ? "eager-peak-lag" : "cooperative-peak-lag";
            assertEquals(fact(mode), max, 1e-9, PAGE + " rebalance-lag chart, " + s.get("name").asText());
        }
    }

    // --- Replication and producers ---------------------------------------------------------------

    @Test
    void aSlowFollowerInTheIsrDelaysEveryAck() {
        // The follower copies at half the write rate from slowFrom: a write at t is copied at 2t - slowFrom,
        // unless the follower is dropped first at slowFrom + lagTimeMax. The worst wait is half of lagTimeMax.
        double lagMax = fact("isr-lag-time-max-s");
        assertEquals(fact("isr-f2-slow-from-s") + lagMax, fact("isr-f2-out-at-s"), 1e-9, PAGE + ": when f2 leaves the ISR");
        assertEquals(lagMax / 2 * 1_000, fact("isr-slow-follower-ms"), 50, PAGE + ": slowest acks=all write");
        assertTrue(fact("isr-after-shrink-ms") < 10, PAGE + ": acks are fast again once the ISR shrinks");
        assertTrue(fact("isr-rejected-share") > fact("isr-session-timeout-s") / 80,
                PAGE + ": writes fail at least while the crash goes unnoticed");
    }

    @Test
    void producerGuaranteesMatchTheirSettings() {
        String where = PAGE + " producer table, ";
        for (Element r : rows("messaging.producer-configs").values()) {
            String name = r.child(0).text();
            boolean acksAll = r.child(1).text().equals("all"), idempotent = r.child(2).text().equals("yes");
            boolean retries = !r.child(4).text().equals("0");
            double lost = number(r, 5), duplicated = number(r, 6), outOfOrder = number(r, 7);
            if (acksAll && retries) {
                assertEquals(0, lost, where + name + ": acks=all with retries loses nothing");
            }
            if (idempotent || !retries) {
                assertEquals(0, duplicated, where + name + ": no duplicates without retries or with idempotence");
            }
            if (idempotent || !retries || number(r, 3) == 1) {
                assertEquals(0, outOfOrder, where + name + ": order holds");
            }
            if (retries && !idempotent) {
                double expected = fact("response-lost") * fact("producer-records");
                assertEquals(expected, duplicated, 0.35 * expected, where + name + ": about one duplicate per lost response");
            }
        }
        double acks1Lost = fact("p-acks1-retries-lost");
        assertTrue(acks1Lost > 0 && acks1Lost <= fact("follower-lag"),
                PAGE + ": acks=1 loses at most what followers had not copied, lost " + acks1Lost);
    }

    // --- Consumers and shedding ------------------------------------------------------------------

    @Test
    void eachCrashCostsAboutHalfABatch() {
        double crashes = fact("delivery-crashes"), batch = fact("delivery-batch");
        double lost = fact("at-most-once-lost"), duplicated = fact("at-least-once-duplicated");
        assertEquals(crashes * (batch + 1) / 2, lost, 0.15 * crashes * batch / 2, PAGE + ": at-most-once losses");
        assertEquals(crashes * (batch - 1) / 2, duplicated, 0.15 * crashes * batch / 2, PAGE + ": at-least-once duplicates");
        assertEquals(0, fact("idempotent-lost") + fact("idempotent-duplicated"), PAGE + ": the idempotent consumer");
        for (JsonNode s : chart("delivery").get("series")) {
            if (s.get("name").asText().startsWith("idempotent")) {
                for (JsonNode point : s.get("data")) {
                    assertEquals(0, point.get(1).asDouble(), PAGE + " delivery chart: " + s.get("name").asText());
                }
            }
        }
    }

    @Test
    void everyRequestIsAccountedForAndTheSurgeArithmeticHolds() {
        for (Element r : rows("messaging.shedding").values()) {
            double arrived = number(r, 1);
            double accounted = number(r, 2) + number(r, 3) + number(r, 4) + number(r, 5);
            assertEquals(arrived, accounted, PAGE + " shedding table, " + r.child(0).text() + ": requests unaccounted for");
        }
        double excess = (fact("bp-surge") - fact("bp-capacity")) * fact("bp-surge-s");
        assertEquals(excess, fact("unbounded-queue-max-queue"), 0.01 * excess, PAGE + ": unbounded backlog");
        assertEquals(excess - fact("bp-queue-limit"), fact("bounded-queue-rejected"), 0.01 * excess, PAGE + ": bounded rejections");
        double bucketRejects = (fact("bp-surge") - fact("bp-bucket-refill")) * fact("bp-surge-s") - fact("bp-bucket-capacity");
        assertEquals(bucketRejects, number(row("messaging.shedding", "Token bucket at ingress"), 2), 0.01 * bucketRejects,
                PAGE + ": token bucket rejections");
        assertEquals(fact("bp-bucket-capacity") / fact("bp-capacity"), fact("token-bucket-max-wait-s"), 0.05,
                PAGE + ": a full bucket's burst is a queue of capacity / service rate seconds");
        assertEquals(number(row("messaging.shedding", "Bounded queue"), 2), number(row("messaging.shedding", "Bounded, sheds low priority first"), 2),
                PAGE + ": priority shedding rejects as many as the plain bounded queue");
        assertEquals(0, fact("priority-shedding-high-rejected"), PAGE + ": no high-priority request is shed");
    }

    @Test
    void batchesCompressBetterThanSingleRecords() {
        assertTrue(fact("ratio-1") < fact("ratio-100") && fact("ratio-100") <= fact("ratio-1000"),
                PAGE + ": compression ratio should grow with batch size");
    }
}
