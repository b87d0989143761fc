package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 6, rechecked from the published page: the replication table against the scenario the page
 * states, the shard-movement figures against 1/(N+1) and N/(N+1), and the cross-shard capacity
 * figures against their formulas. Simulated values are checked against the bound or the expectation
 * that follows from the stated inputs, with a tolerance the sample size justifies.
 */
class Module06DatabasesTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/06-databases.html", "databases");

    private static JsonNode series(JsonNode option, String nameStart) {
        for (JsonNode s : option.get("series")) {
            if (s.path("name").asText().startsWith(nameStart)) {
                return s.get("data");
            }
        }
        throw new AssertionError(PAGE + ": no series starting '" + nameStart + "'");
    }

    // --- Replication -----------------------------------------------------------------------------

    @Test
    void theReplicationTableAgreesWithTheProseAndTheScenario() {
        Element async = PAGE.row("databases.modes", "asynchronous");
        Element semi = PAGE.row("databases.modes", "semi-synchronous (1 of 3)");
        Element sync = PAGE.row("databases.modes", "synchronous (3 of 3)");
        String where = PAGE + " replication table, ";

        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(async.child(2).text()), PAGE.fact("async-p50-ms")),
                where + "asynchronous p50 differs from the prose");
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(semi.child(2).text()), PAGE.fact("semi-sync-p50-ms")),
                where + "semi-synchronous p50 differs from the prose");
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(sync.child(2).text()), PAGE.fact("sync-p50-ms")),
                where + "synchronous p50 differs from the prose");

        // Asynchronous commits wait for nothing but the leader's own flush.
        assertEquals(PAGE.fact("local-commit-ms"), PAGE.fact("async-p50-ms"), 1e-9, where + "asynchronous p50 is not the local flush");
        // One ack from a nearby zone: slower than the local flush, far faster than the remote round trip.
        assertTrue(PAGE.fact("semi-sync-p50-ms") > PAGE.fact("local-commit-ms")
                        && PAGE.fact("semi-sync-p50-ms") < PAGE.fact("region-rtt-ms") / 10,
                where + "semi-synchronous p50 " + PAGE.fact("semi-sync-p50-ms") + " ms is not a nearby-zone round trip");
        // Waiting for all three includes the remote replica: at least its round trip (the page says so).
        assertTrue(PAGE.fact("sync-p50-ms") > PAGE.fact("region-rtt-ms"),
                where + "synchronous p50 is below the cross-region round trip the page says it exceeds");

        // A write arriving as a fault starts waits for the whole fault.
        assertTrue(PAGE.fact("semi-sync-max-ms") >= 0.95 * PAGE.fact("isolated-ms"),
                where + "semi-synchronous commits should stall through the isolation");
        assertTrue(PAGE.fact("sync-max-ms") >= 0.95 * PAGE.fact("region-down-ms"),
                where + "synchronous commits should stall through the remote replica's restart");

        // An acknowledged write was received by some replica, in order, so promoting the most advanced loses none.
        assertEquals(0, PublishedPage.number(semi, 5), where + "semi-synchronous writes at risk");
        assertEquals(0, PublishedPage.number(sync, 5), where + "synchronous writes at risk");
        // Asynchronous exposure during isolation: about the writes accepted while cut off (Poisson, ±15%).
        double expected = PAGE.fact("isolated-ms") / 1_000 * PAGE.fact("steady-writes-per-s");
        double atRisk = PublishedPage.number(async, 5);
        assertEquals(PAGE.fact("async-max-at-risk"), atRisk, where + "asynchronous writes at risk differ from the prose");
        assertTrue(Math.abs(atRisk - expected) <= 0.15 * expected,
                where + "asynchronous writes at risk " + atRisk + ", expected about " + expected);
    }

    @Test
    void burstLagFollowsFromArrivalAndReplayRates() {
        // A backlog builds at (burst - replay) for the burst; the last burst write waits behind it.
        double burst = PAGE.fact("burst-writes-per-s"), replay = PAGE.fact("apply-per-s");
        double expectedMs = (burst / replay - 1) * PAGE.fact("burst-s") * 1_000;
        double lag = PAGE.fact("zone-b-burst-lag-ms");
        assertTrue(Math.abs(lag - expectedMs) <= 0.1 * expectedMs,
                PAGE + ": burst lag " + lag + " ms, but the stated rates give about " + expectedMs + " ms");
    }

    // --- Sharding --------------------------------------------------------------------------------

    @Test
    void addingAShardMovesAboutOneOverNPlusOneOnTheRingAndNearlyAllWithModN() {
        double n = PAGE.fact("shards");
        assertEquals(n + 1, PAGE.fact("shards-after"), PAGE + ": shards after adding one");
        assertEquals(1 / n, PAGE.fact("one-over-n"), 1e-12, PAGE + ": 1/N");
        assertEquals(1 / (n + 1), PAGE.fact("one-over-n-plus-one"), 1e-12, PAGE + ": 1/(N+1)");
        double ring = PAGE.fact("ring-moved-fraction");
        assertEquals(PAGE.fact("ring-moved") / PAGE.fact("keys"), ring, 1e-12, PAGE + ": ring moved fraction");
        assertTrue(Math.abs(ring - 1 / (n + 1)) < Math.abs(ring - 1 / n),
                PAGE + ": the page says the ring moves 1/(N+1), nearer than 1/N; measured " + ring);
        assertTrue(Math.abs(ring - 1 / (n + 1)) < 0.03, PAGE + ": ring moved " + ring + " vs 1/(N+1)");
        assertEquals(1.0, PAGE.fact("ring-moved-to-new-fraction"), 1e-12,
                PAGE + ": on a ring every moved key must move to the new shard");
        assertEquals(n / (n + 1), PAGE.fact("mod-n-moved-fraction"), 0.01, PAGE + ": mod N moved fraction vs N/(N+1)");
        assertEquals(PAGE.fact("mod-n-moved") / PAGE.fact("keys"), PAGE.fact("mod-n-moved-fraction"), 1e-12, PAGE + ": mod N moved count");
    }

    @Test
    void theKeysMovedChartTracksItsFormulas() {
        JsonNode option = PAGE.chart("keys-moved");
        JsonNode modN = series(option, "hash mod N"), ring = series(option, "ring"),
                fair = series(option, "1/(N+1)"), claim = series(option, "1/N");
        double ratioSum = 0;
        for (int i = 0; i < modN.size(); i++) {
            double n = modN.get(i).get(0).asDouble();
            String where = PAGE + " keys-moved chart, N = " + (int) n + ": ";
            assertEquals(100 * n / (n + 1), modN.get(i).get(1).asDouble(), 1.5, where + "mod N");
            assertEquals(100 / (n + 1), fair.get(i).get(1).asDouble(), 0.051, where + "1/(N+1) line");
            assertEquals(100 / n, claim.get(i).get(1).asDouble(), 0.051, where + "1/N line");
            double ratio = ring.get(i).get(1).asDouble() / (100 / (n + 1));
            assertTrue(ratio > 0.7 && ratio < 1.3, where + "ring moved " + ring.get(i).get(1) + "%");
            ratioSum += ratio;
        }
        double meanRatio = ratioSum / modN.size();
        assertTrue(Math.abs(meanRatio - 1) < 0.08, PAGE + ": on average the ring moves " + meanRatio + " of 1/(N+1)");
    }

    @Test
    void virtualNodesEvenOutTheRing() {
        assertTrue(PAGE.fact("spread-busiest-1") > PAGE.fact("spread-busiest-16")
                        && PAGE.fact("spread-busiest-16") > PAGE.fact("spread-busiest-256") && PAGE.fact("spread-busiest-256") >= 1,
                PAGE + ": the busiest shard should approach its fair share as virtual nodes grow");
        assertTrue(PAGE.fact("spread-quietest-1") < 1, PAGE + ": the quietest shard is below average");
    }

    @Test
    void theStrategiesTableMovesWhatEachPolicyImplies() {
        double n = PAGE.fact("shards-before-add");
        String where = PAGE + " strategies table, ";
        double range = PublishedPage.number(PAGE.row("databases.strategies", "Range"), 4) / 100;
        double hash = PublishedPage.number(PAGE.row("databases.strategies", "Hash"), 4) / 100;
        double ring = PublishedPage.number(PAGE.row("databases.strategies", "Consistent hash"), 4) / 100;
        double directory = PublishedPage.number(PAGE.row("databases.strategies", "Directory (lookup table)"), 4) / 100;
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(PAGE.row("databases.strategies", "Range").child(4).text()),
                100 * 0.5 / n), where + "Range: half of one shard is " + 50 / n + "%, shown " + range * 100);
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(PAGE.row("databases.strategies", "Directory (lookup table)")
                .child(4).text()), 100 / (n + 1)), where + "Directory: even out to 1/(N+1), shown " + directory * 100);
        assertEquals(n / (n + 1), hash, 0.01, where + "Hash: N/(N+1)");
        assertEquals(1 / (n + 1), ring, 0.03, where + "Consistent hash: about 1/(N+1)");

        double totalBytes = PAGE.fact("total-tb") * 1e12;
        assertEquals(n * PAGE.fact("tb-per-shard"), PAGE.fact("total-tb"), 1e-9, where + "total size");
        double bytesPerHour = PAGE.fact("copy-mb-per-s") * 1e6 * 3_600;
        for (String strategy : List.of("Range", "Hash", "Consistent hash", "Directory (lookup table)")) {
            Element r = PAGE.row("databases.strategies", strategy);
            double fraction = PublishedPage.number(r, 4) / 100;
            double hours = fraction * totalBytes / bytesPerHour;
            double shownHours = PublishedPage.number(r, 5);
            double slack = 0.0005 * totalBytes / bytesPerHour + 0.05; // the % cell is itself rounded
            assertEquals(hours, shownHours, slack, where + strategy + ": copy time");
        }
        assertEquals(PAGE.fact("mod-n-moved-fraction-8") * totalBytes / bytesPerHour, PAGE.fact("mod-n-copy-hours"), 1e-9,
                where + "mod N copy hours in prose");
        assertEquals(PAGE.fact("ring-moved-fraction-8") * totalBytes / bytesPerHour, PAGE.fact("ring-copy-hours"), 1e-9,
                where + "ring copy hours in prose");
    }

    @Test
    void shardKeysBehaveAsTheirDefinitionsRequire() {
        assertEquals(1.0, PAGE.fact("range-busiest-today"), 1e-12, PAGE + ": range on time puts all of today on one shard");
        assertEquals(1, PAGE.fact("range-shards-last-day"), PAGE + ": the last day lives in one time range");
        assertEquals(1, PAGE.fact("user-hash-shards-one-user"), PAGE + ": a user's rows share one hash");
        double fair = 1 / PAGE.fact("event-shards");
        for (String f : List.of("event-hash-busiest-today", "user-hash-busiest-today")) {
            assertTrue(PAGE.fact(f) >= fair && PAGE.fact(f) < fair * 1.2, PAGE + ": " + f + " = " + PAGE.fact(f) + " vs fair " + fair);
        }
    }

    // --- Cross-shard -----------------------------------------------------------------------------

    @Test
    void crossShardCapacityFollowsFromVisitsPerQuery() {
        double perShard = PAGE.fact("qps-per-shard");
        double f = PAGE.fact("scatter-share-10");
        assertEquals(16 * perShard, PAGE.fact("linear-16"), 1e-6, PAGE + ": 16 shards, all keyed");
        assertEquals(64 * perShard, PAGE.fact("linear-64"), 1e-6, PAGE + ": 64 shards, all keyed");
        assertEquals(16 * perShard / ((1 - f) + f * 16), PAGE.fact("scatter10-16"), 1e-6, PAGE + ": 16 shards, 10% scatter");
        assertEquals(perShard / f, PAGE.fact("scatter10-ceiling"), 1e-6, PAGE + ": scatter ceiling");
        assertEquals(1 - Math.pow(0.99, 64), PAGE.fact("any-shard-past-p99-64"), 1e-12, PAGE + ": fan-out tail");
        assertEquals(1 - Math.pow(0.99, 16), PAGE.fact("any-shard-past-p99-16"), 1e-12, PAGE + ": 16-way fan-out tail");
        assertTrue(PAGE.fact("fan-out-p99-16") < PAGE.fact("fan-out-p99-64"), PAGE + ": a wider fan-out has the longer tail");
        assertEquals(16 * perShard / ((1 - 0.01) + 0.01 * 16), PAGE.fact("scatter1-16"), 1e-6, PAGE + ": 16 shards, 1% scatter");
        assertTrue(PAGE.fact("fan-out-p99-64") > PAGE.fact("shard-p99-ms"), PAGE + ": a 64-way fan-out is slower than one shard");

        double harmonic = 0;
        int keys = (int) PAGE.fact("keys-zipf");
        for (int k = 1; k <= keys; k++) {
            harmonic += 1.0 / k;
        }
        assertEquals(1 / harmonic, PAGE.fact("top-key-share"), 1e-12, PAGE + ": Zipf top key share");
        assertTrue(PAGE.fact("hot-keys-64") <= perShard / PAGE.fact("top-key-share") + 1e-6,
                PAGE + ": the shard with the top key caps the cluster at " + perShard / PAGE.fact("top-key-share"));

        double hold = 2 * PAGE.fact("cross-region-rtt-ms") + 2 * PAGE.fact("log-flush-ms");
        assertEquals(hold, PAGE.fact("twopc-cross-region-ms"), 1e-9, PAGE + ": 2PC lock hold across regions");
        assertEquals(2 * PAGE.fact("in-region-rtt-ms") + 2 * PAGE.fact("log-flush-ms"), PAGE.fact("twopc-in-region-ms"), 1e-9,
                PAGE + ": 2PC lock hold in one region");
        assertEquals(1_000 / hold, PAGE.fact("twopc-cross-region-hot-row-tps"), 1e-9, PAGE + ": hot-row ceiling");
    }

    @Test
    void theScalingChartFollowsTheSameFormula() {
        JsonNode option = PAGE.chart("scaling");
        double perShard = PAGE.fact("qps-per-shard");
        JsonNode linear = series(option, "every query"), one = series(option, "1%"), ten = series(option, "10%");
        for (int i = 0; i < linear.size(); i++) {
            double n = linear.get(i).get(0).asDouble();
            String where = PAGE + " scaling chart, " + (int) n + " shards: ";
            assertEquals(n * perShard, linear.get(i).get(1).asDouble(), 0.5, where + "linear");
            assertEquals(n * perShard / (0.99 + 0.01 * n), one.get(i).get(1).asDouble(), 0.5, where + "1% scatter");
            assertEquals(n * perShard / (0.9 + 0.1 * n), ten.get(i).get(1).asDouble(), 0.5, where + "10% scatter");
        }
    }

    // --- Decision tree ---------------------------------------------------------------------------

    @Test
    void everyQuestionBranchesYesToTheRightAndNoDownwards() {
        JsonNode graph = PAGE.chart("decision-tree").get("series").get(0);
        Map<String, JsonNode> nodes = new HashMap<>();
        for (JsonNode node : graph.get("data")) {
            nodes.put(node.get("id").asText(), node);
        }
        Map<String, String> answers = new HashMap<>();
        for (JsonNode link : graph.get("links")) {
            JsonNode from = nodes.get(link.get("source").asText()), to = nodes.get(link.get("target").asText());
            String answer = link.get("name").asText();
            String where = PAGE + " decision tree, '" + from.get("name").asText() + "' " + answer + ": ";
            boolean right = to.get("x").asDouble() > from.get("x").asDouble() && to.get("y").asDouble() == from.get("y").asDouble();
            boolean down = to.get("x").asDouble() == from.get("x").asDouble() && to.get("y").asDouble() > from.get("y").asDouble();
            assertTrue(answer.equals("yes") ? right : down, where + "drawn in the wrong direction");
            assertEquals(answer.equals("yes") ? "solid" : "dashed", link.path("lineStyle").path("type").asText(),
                    where + "line style");
            answers.merge(link.get("source").asText(), answer, (a, b) -> a + "," + b);
        }
        for (JsonNode node : nodes.values()) {
            String labels = answers.getOrDefault(node.get("id").asText(), "");
            boolean question = node.get("category").asInt() == 0;
            assertEquals(question ? "yes,no" : "", labels, PAGE + " decision tree: '" + node.get("name").asText() + "'");
        }
        assertEquals(nodes.size() - 1, graph.get("links").size(), PAGE + ": a tree has one link fewer than nodes");
    }
}
