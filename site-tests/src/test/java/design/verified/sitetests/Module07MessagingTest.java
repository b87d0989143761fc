package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 7, rechecked from the published page: what each messaging pattern must deliver, the disk
 * arithmetic behind the "500 MB/s per drive" correction, partition balance, rebalance costs, the
 * producer and consumer guarantees, and the load-shedding totals, each against its own formula.
 */
class Module07MessagingTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/07-messaging.html", "messaging");

    // --- Patterns --------------------------------------------------------------------------------

    @Test
    void eachPatternDeliversWhatItsDefinitionPromises() {
        double m = PAGE.fact("pattern-messages"), c = PAGE.fact("pattern-consumers");
        // pattern -> {copies delivered to the listening consumers, a late consumer gets, a replay gets}
        Map<String, double[]> expected = Map.of(
                "Work queue", new double[] {m, 0, 0},
                "Pub/sub topic", new double[] {m * c, 0, 0},
                "Event log, one consumer group", new double[] {m, m, m},
                "Event log, a group each", new double[] {m * c, m, m},
                "Task scheduler", new double[] {m, 0, 0});
        assertEquals(expected.size(), PAGE.rowsByFirstCell("messaging.patterns").size(), PAGE + ": patterns table rows");
        expected.forEach((pattern, want) -> {
            Element r = PAGE.row("messaging.patterns", pattern);
            for (int k = 0; k < 3; k++) {
                assertEquals(want[k], PublishedPage.number(r, 2 + k), PAGE + " patterns table, " + pattern + ", column " + (3 + k));
            }
        });
        assertEquals(m, PAGE.fact("log-late"), PAGE + ": the late consumer of a log");
        assertEquals(0, PAGE.fact("queue-late") + PAGE.fact("pubsub-late"), PAGE + ": the late consumer of a queue or topic");
    }

    // --- Disks -----------------------------------------------------------------------------------

    @Test
    void diskFiguresFollowFromTheDatasheetInputs() {
        double seq = PAGE.fact("hdd-sequential-mbps");
        double accessMs = PAGE.fact("hdd-seek-ms") + 0.5 * 60_000 / PAGE.fact("hdd-rpm") + 4_096 / (seq * 1e6) * 1_000;
        double iops = 1_000 / accessMs;
        assertEquals(iops, PAGE.fact("hdd-random-iops"), 1e-9, PAGE + ": random IOPS of a spinning disk");
        assertEquals(seq / (iops * 4_096 / 1e6), PAGE.fact("hdd-ratio"), 1e-9, PAGE + ": sequential over random");
        assertTrue(PAGE.fact("hdd-ratio") > 100, PAGE + ": the page says 100× understates a disk's gap");
        assertTrue(PAGE.fact("sata-ratio") < 2 && PAGE.fact("nvme-ratio") < 2, PAGE + ": SSD gaps are small");
        assertEquals(6e9 * 8 / 10 / 8 / 1e6, PAGE.fact("sata-ceiling-mbps"), 1e-9, PAGE + ": SATA III with 8b/10b");
        assertEquals(500 / seq, PAGE.fact("hdd-over-500"), 1e-12, PAGE + ": disks per 500 MB/s");
        double appends = PAGE.fact("cluster-ingest-mbps") * PAGE.fact("cluster-rf");
        assertEquals(appends, PAGE.fact("cluster-appends-mbps"), 1e-9, PAGE + ": appends across the cluster");
        assertEquals(Math.ceil(appends / seq), PAGE.fact("hdds-for-appends"), PAGE + ": disks for the appends");
        double tb = PAGE.fact("cluster-ingest-mbps") * 1e6 * PAGE.fact("retention-days") * 86_400 * PAGE.fact("cluster-rf") / 1e12;
        assertEquals(tb, PAGE.fact("retained-tb"), 1e-6, PAGE + ": retained terabytes");

        for (Element r : PAGE.rowsByFirstCell("messaging.drives").values()) {
            String where = PAGE + " drives table, " + r.child(0).text() + ": ";
            double sequential = PublishedPage.number(r, 1);
            assertEquals(sequential >= 500 ? "yes" : "no", r.child(4).text(), where + "reaches 500 MB/s");
            double shownRatio = PublishedPage.number(r, 3), random = PublishedPage.number(r, 2);
            int randomDecimals = Quantities.number(r.child(2).text()).scale();
            double slack = 0.5 * Math.pow(10, -randomDecimals);
            assertTrue(shownRatio <= sequential / (random - slack) + 0.05 && shownRatio >= sequential / (random + slack) - 0.05,
                    where + "ratio " + shownRatio + " does not follow from " + sequential + " and " + random);
        }
    }

    // --- Partitions and groups -------------------------------------------------------------------

    @Test
    void thePartitionBalanceTableIsCeilingOverAverage() {
        List<Element> header = PAGE.doc().select("table[data-table=messaging.partition-balance] thead th");
        for (Element r : PAGE.rowsByFirstCell("messaging.partition-balance").values()) {
            int partitions = (int) PublishedPage.number(r, 0);
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
        assertEquals(PAGE.fact("expected-consumers") * PAGE.fact("rule-multiple"), PAGE.fact("rule-partitions"), PAGE + ": the 3x rule");
        double p = PAGE.fact("rule-partitions");
        assertEquals(Math.ceil(p / 5) / (p / 5), PAGE.fact("rule-at-5"), 1e-12, PAGE + ": 12 partitions over 5 consumers");
        assertEquals(Math.ceil(10 / 4.0) / (10 / 4.0), PAGE.fact("ten-at-4"), 1e-12, PAGE + ": 10 partitions over 4 consumers");
    }

    @Test
    void keysKeepTheirOrderAndRepartitioningMovesMostKeys() {
        assertEquals(0, PAGE.fact("keyed-out-of-order"), PAGE + ": a key's records share one partition, so one order");
        assertTrue(PAGE.fact("unkeyed-out-of-order") > 0, PAGE + ": unkeyed records should show reordering");
        // h mod 12 == h mod 16 exactly when h mod 48 < 12: a quarter of keys stay.
        assertEquals(1 - 12.0 / 48, PAGE.fact("remap-12-16"), 0.01, PAGE + ": keys remapped from 12 to 16 partitions");
    }

    @Test
    void rebalanceCostsFollowFromWhatPauses() {
        int partitions = (int) PAGE.fact("group-partitions");
        // Range over 3 then 4 consumers, recomputed here: owner of p is p / (partitions / n).
        int moved = 0;
        for (int p = 0; p < partitions; p++) {
            moved += p / (partitions / 3) != p / (partitions / 4) ? 1 : 0;
        }
        assertEquals(moved, PAGE.fact("range-moved"), PAGE + ": partitions moved by the range assignor");
        assertEquals(partitions / 4, PAGE.fact("sticky-moved"), PAGE + ": a sticky assignor moves only the newcomer's share");

        double perTick = PAGE.fact("arrivals-per-partition") * PAGE.fact("rebalance-s");
        assertEquals(partitions, PAGE.fact("eager-paused"), PAGE + ": eager pauses every partition");
        assertEquals(PAGE.fact("sticky-moved"), PAGE.fact("cooperative-paused"), PAGE + ": cooperative pauses the moved ones");
        assertEquals(partitions * perTick, PAGE.fact("eager-peak-lag"), 1e-9, PAGE + ": eager peak lag");
        assertEquals(PAGE.fact("sticky-moved") * perTick, PAGE.fact("cooperative-peak-lag"), 1e-9, PAGE + ": cooperative peak lag");

        JsonNode series = PAGE.chart("rebalance-lag").get("series");
        for (JsonNode s : series) {
            double max = 0;
            for (JsonNode point : s.get("data")) {
                max = Math.max(max, point.get(1).asDouble());
            }
            String mode = s.get("name").asText().startsWith("eager") ? "eager-peak-lag" : "cooperative-peak-lag";
            assertEquals(PAGE.fact(mode), max, 1e-9, PAGE + " rebalance-lag chart, " + s.get("name").asText());
        }
    }

    // --- Replication and producers ---------------------------------------------------------------

    @Test
    void aSlowFollowerInTheIsrDelaysEveryAck() {
        // The follower copies at half the write rate from slowFrom: a write at t is copied at 2t - slowFrom,
        // unless the follower is dropped first at slowFrom + lagTimeMax. The worst wait is half of lagTimeMax.
        double lagMax = PAGE.fact("isr-lag-time-max-s");
        assertEquals(PAGE.fact("isr-f2-slow-from-s") + lagMax, PAGE.fact("isr-f2-out-at-s"), 1e-9, PAGE + ": when f2 leaves the ISR");
        assertEquals(lagMax / 2 * 1_000, PAGE.fact("isr-slow-follower-ms"), 50, PAGE + ": slowest acks=all write");
        assertTrue(PAGE.fact("isr-after-shrink-ms") < 10, PAGE + ": acks are fast again once the ISR shrinks");
        assertTrue(PAGE.fact("isr-rejected-share") > PAGE.fact("isr-session-timeout-s") / 80,
                PAGE + ": writes fail at least while the crash goes unnoticed");
    }

    @Test
    void producerGuaranteesMatchTheirSettings() {
        String where = PAGE + " producer table, ";
        for (Element r : PAGE.rowsByFirstCell("messaging.producer-configs").values()) {
            String name = r.child(0).text();
            boolean acksAll = r.child(1).text().equals("all"), idempotent = r.child(2).text().equals("yes");
            boolean retries = !r.child(4).text().equals("0");
            double lost = PublishedPage.number(r, 5), duplicated = PublishedPage.number(r, 6), outOfOrder = PublishedPage.number(r, 7);
            if (acksAll && retries) {
                assertEquals(0, lost, where + name + ": acks=all with retries loses nothing");
            }
            if (idempotent || !retries) {
                assertEquals(0, duplicated, where + name + ": no duplicates without retries or with idempotence");
            }
            if (idempotent || !retries || PublishedPage.number(r, 3) == 1) {
                assertEquals(0, outOfOrder, where + name + ": order holds");
            }
            if (retries && !idempotent) {
                double expected = PAGE.fact("response-lost") * PAGE.fact("producer-records");
                assertEquals(expected, duplicated, 0.35 * expected, where + name + ": about one duplicate per lost response");
            }
        }
        double acks1Lost = PAGE.fact("p-acks1-retries-lost");
        assertTrue(acks1Lost > 0 && acks1Lost <= PAGE.fact("follower-lag"),
                PAGE + ": acks=1 loses at most what followers had not copied, lost " + acks1Lost);
    }

    // --- Consumers and shedding ------------------------------------------------------------------

    @Test
    void eachCrashCostsAboutHalfABatch() {
        double crashes = PAGE.fact("delivery-crashes"), batch = PAGE.fact("delivery-batch");
        double lost = PAGE.fact("at-most-once-lost"), duplicated = PAGE.fact("at-least-once-duplicated");
        assertEquals(crashes * (batch + 1) / 2, lost, 0.15 * crashes * batch / 2, PAGE + ": at-most-once losses");
        assertEquals(crashes * (batch - 1) / 2, duplicated, 0.15 * crashes * batch / 2, PAGE + ": at-least-once duplicates");
        assertEquals(0, PAGE.fact("idempotent-lost") + PAGE.fact("idempotent-duplicated"), PAGE + ": the idempotent consumer");
        for (JsonNode s : PAGE.chart("delivery").get("series")) {
            if (s.get("name").asText().startsWith("idempotent")) {
                for (JsonNode point : s.get("data")) {
                    assertEquals(0, point.get(1).asDouble(), PAGE + " delivery chart: " + s.get("name").asText());
                }
            }
        }
    }

    @Test
    void everyRequestIsAccountedForAndTheSurgeArithmeticHolds() {
        for (Element r : PAGE.rowsByFirstCell("messaging.shedding").values()) {
            double arrived = PublishedPage.number(r, 1);
            double accounted = PublishedPage.number(r, 2) + PublishedPage.number(r, 3) + PublishedPage.number(r, 4) + PublishedPage.number(r, 5);
            assertEquals(arrived, accounted, PAGE + " shedding table, " + r.child(0).text() + ": requests unaccounted for");
        }
        double excess = (PAGE.fact("bp-surge") - PAGE.fact("bp-capacity")) * PAGE.fact("bp-surge-s");
        assertEquals(excess, PAGE.fact("unbounded-queue-max-queue"), 0.01 * excess, PAGE + ": unbounded backlog");
        assertEquals(excess - PAGE.fact("bp-queue-limit"), PAGE.fact("bounded-queue-rejected"), 0.01 * excess, PAGE + ": bounded rejections");
        double bucketRejects = (PAGE.fact("bp-surge") - PAGE.fact("bp-bucket-refill")) * PAGE.fact("bp-surge-s") - PAGE.fact("bp-bucket-capacity");
        assertEquals(bucketRejects, PublishedPage.number(PAGE.row("messaging.shedding", "Token bucket at ingress"), 2), 0.01 * bucketRejects,
                PAGE + ": token bucket rejections");
        assertEquals(PAGE.fact("bp-bucket-capacity") / PAGE.fact("bp-capacity"), PAGE.fact("token-bucket-max-wait-s"), 0.05,
                PAGE + ": a full bucket's burst is a queue of capacity / service rate seconds");
        assertEquals(PublishedPage.number(PAGE.row("messaging.shedding", "Bounded queue"), 2),
                PublishedPage.number(PAGE.row("messaging.shedding", "Bounded, sheds low priority first"), 2),
                PAGE + ": priority shedding rejects as many as the plain bounded queue");
        assertEquals(0, PAGE.fact("priority-shedding-high-rejected"), PAGE + ": no high-priority request is shed");
    }

    @Test
    void batchesCompressBetterThanSingleRecords() {
        assertTrue(PAGE.fact("ratio-1") < PAGE.fact("ratio-100") && PAGE.fact("ratio-100") <= PAGE.fact("ratio-1000"),
                PAGE + ": compression ratio should grow with batch size");
    }
}
