package design.verified.sitetests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 5's numbers, recomputed from what the page states: the effective-latency formula, the funnel's
 * arriving column from its hit rates, the write-pattern counts against what each pattern must do, the
 * XFetch lead time and the Bloom false-positive rate against their formulas, and the hot-key and avalanche
 * arithmetic from rates and capacities.
 */
class Module05CachingTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/05-caching.html", "caching");

    private static double number(String cell) {
        return Quantities.number(cell).doubleValue();
    }

    private static double effective(double hitRate, double hitMs, double missMs) {
        return hitRate * hitMs + (1 - hitRate) * missMs;
    }

    @Test
    void effectiveLatencyIsTheWeightedAverageOfHitAndMiss() {
        double hitMs = PAGE.fact("hit-ms");
        double missMs = PAGE.fact("miss-ms");
        assertEquals(0.9, PAGE.fact("hit-rate"), 1e-12, PAGE + ": the calculator's default hit rate");
        assertEquals(effective(PAGE.fact("hit-rate"), hitMs, missMs), PAGE.fact("effective-ms"), 1e-9, PAGE + ": effective latency");
        assertEquals(effective(PAGE.fact("hit-rate-high"), hitMs, missMs), PAGE.fact("effective-ms-high"), 1e-9,
                PAGE + ": effective latency at the higher hit rate");
        assertEquals((missMs - hitMs) / 100, PAGE.fact("ms-per-point"), 1e-12, PAGE + ": one point of hit rate");
        assertEquals(effective(0.90, hitMs, missMs) / effective(0.99, hitMs, missMs), PAGE.fact("speedup-90-to-99"), 1e-9,
                PAGE + ": 90% to 99%");
        assertEquals(effective(0.50, hitMs, missMs) / effective(0.59, hitMs, missMs), PAGE.fact("speedup-50-to-59"), 1e-9,
                PAGE + ": 50% to 59%");
        assertEquals((1 - PAGE.fact("hit-rate")) / (1 - PAGE.fact("hit-rate-high")), PAGE.fact("db-load-cut-90-to-99"), 1e-9,
                PAGE + ": database load follows the miss rate");
    }

    @Test
    void eachLayerReceivesWhatTheLayerAboveMissed() {
        Map<String, List<String>> rows = PAGE.cellsByFirstCell("caching.hierarchy");
        List<List<String>> layers = List.copyOf(rows.values());
        assertEquals(PAGE.fact("funnel-requests"), number(layers.get(0).get(5)), PAGE + " hierarchy table: first layer's arrivals");
        for (int i = 1; i < layers.size(); i++) {
            double above = number(layers.get(i - 1).get(5));
            double hitRate = number(layers.get(i - 1).get(4)) / 100;
            double arriving = number(layers.get(i).get(5));
            assertTrue(Math.abs(arriving - above * (1 - hitRate)) <= 0.5 + 1e-9 * above,
                    PAGE + " hierarchy table, " + layers.get(i).get(0) + ": " + arriving + " arrive but the layer above"
                            + " passes on " + above * (1 - hitRate));
        }
        assertEquals(number(layers.get(3).get(5)), PAGE.fact("funnel-to-app"), 0.5, PAGE + ": requests reaching the app cache");
        assertEquals(number(layers.get(4).get(5)), PAGE.fact("funnel-to-database"), 0.5, PAGE + ": requests reaching the database");
        assertEquals(5, PAGE.fact("cdn-reduction-80"), 1e-9, PAGE + ": a CDN at 80% divides origin traffic by 1/(1 - 0.8)");
        assertEquals(100, PAGE.fact("cdn-reduction-99"), 1e-9, PAGE + ": a CDN at 99% divides origin traffic by 1/(1 - 0.99)");
    }

    @Test
    void eachWritePatternDoesWhatItsWritePathImplies() {
        Map<String, List<String>> t = PAGE.cellsByFirstCell("caching.write-patterns");
        double writes = PAGE.fact("app-writes");
        double expected = PAGE.fact("operations") * PAGE.fact("write-share");
        assertEquals(expected, writes, 4 * Math.sqrt(expected), PAGE + ": application writes against the write share");
        // Columns: 5 database writes, 6 reads that waited, 7 stale reads, 8 lost.
        for (String pattern : List.of("Cache-aside", "Write-through", "Write-around", "Refresh-ahead")) {
            assertEquals(writes, number(t.get(pattern).get(5)), PAGE + " write-patterns table, " + pattern
                    + ": every application write reaches the database once");
            assertEquals(0, number(t.get(pattern).get(8)), PAGE + " write-patterns table, " + pattern + ": nothing to lose");
        }
        assertTrue(number(t.get("Write-behind").get(5)) < writes, PAGE + " write-patterns table, Write-behind: no coalescing");
        assertTrue(number(t.get("Write-behind").get(8)) > 0, PAGE + " write-patterns table, Write-behind: nothing unflushed");
        for (String pattern : List.of("Cache-aside", "Write-through", "Write-behind", "Refresh-ahead")) {
            assertEquals(0, number(t.get(pattern).get(7)), PAGE + " write-patterns table, " + pattern + ": stale reads");
        }
        assertTrue(number(t.get("Write-around").get(7)) > 0, PAGE + " write-patterns table, Write-around: no stale reads?");
        assertTrue(number(t.get("Write-through").get(6)) < number(t.get("Cache-aside").get(6)),
                PAGE + " write-patterns table: write-through should wait on the database less than cache-aside");
        assertEquals(PAGE.fact("write-around-stale"), number(t.get("Write-around").get(7)), PAGE + ": quoted stale reads");

        Map<String, List<String>> cheat = PAGE.cellsByFirstCell("caching.cache-patterns");
        for (String pattern : t.keySet()) {
            String measured = cheat.get(pattern).get(5);
            assertEquals(t.get(pattern).get(7) + ", " + t.get(pattern).get(8), measured,
                    PAGE + " cache-patterns table, " + pattern + ": measured column differs from the write-patterns table");
        }
        assertEquals(cheat.get("Cache-aside").get(5), cheat.get("Read-through").get(5),
                PAGE + " cache-patterns table: read-through is cache-aside from the database's side");
    }

    @Test
    void stampedeDefencesCountWhatTheyShould() {
        assertEquals(PAGE.fact("callers"), PAGE.fact("loads-without"), PAGE + ": without coalescing every caller loads");
        assertEquals(1, PAGE.fact("loads-with"), PAGE + ": single-flight loads once");
        assertEquals(PAGE.fact("jitter-keys"), PAGE.fact("busiest-no-jitter"), PAGE + ": without jitter all keys expire together");
        double spreadSeconds = 2 * 0.10 * PAGE.fact("jitter-ttl-s");
        double mean = PAGE.fact("jitter-keys") / spreadSeconds;
        assertTrue(PAGE.fact("busiest-jitter-10") >= mean && PAGE.fact("busiest-jitter-10") < 2 * mean,
                PAGE + ": with ±10% jitter the busiest second should be near " + mean + ", not " + PAGE.fact("busiest-jitter-10"));

        double rate = PAGE.fact("xfetch-reads-per-s");
        double delta = PAGE.fact("xfetch-recompute-s");
        // Plain TTL: the first expired read plus every read arriving during its recomputation.
        assertEquals(1 + rate * delta, PAGE.fact("plain-recomputes"), 6, PAGE + ": recomputations per expiry with a plain TTL");
        double predicted = delta * Math.log(rate * delta / Math.log(2));
        assertEquals(predicted, PAGE.fact("xfetch-predicted-lead-s"), 1e-9, PAGE + ": XFetch median lead, formula");
        assertEquals(predicted, PAGE.fact("xfetch-median-lead-s"), 0.1 * predicted, PAGE + ": XFetch median lead, measured");
        assertEquals(0, PAGE.fact("xfetch-expired-reads"), PAGE + ": XFetch should refresh before expiry");
        assertEquals(1, PAGE.fact("both-recomputes"), 1e-9, PAGE + ": XFetch with single-flight recomputes once");
    }

    @Test
    void bloomFilterMatchesItsFormula() {
        double b = PAGE.fact("bits-per-key");
        double k = PAGE.fact("hashes");
        double formula = Math.pow(1 - Math.exp(-k / b), k);
        assertEquals(formula, PAGE.fact("fp-formula"), 1e-12, PAGE + ": Bloom false-positive formula");
        double sigma = Math.sqrt(formula * (1 - formula) / PAGE.fact("bloom-probes"));
        assertEquals(formula, PAGE.fact("fp-measured"), 4 * sigma + 0.0005, PAGE + ": measured false positives against the formula");
        assertEquals(PAGE.fact("bloom-keys") * b / 8, PAGE.fact("bloom-bytes"), 1e-9, PAGE + ": filter size");
        assertEquals(1e9 * b / 8, PAGE.fact("bloom-bytes-billion"), 1e-3, PAGE + ": filter size for a billion ids");
        double requests = PAGE.fact("requests");
        assertEquals(requests, PAGE.fact("random-negative"), PAGE + ": a negative cache lets every new id through");
        assertEquals(requests, PAGE.fact("random-negative-junk"), PAGE + ": and keeps an entry for each");
        double passSigma = Math.sqrt(requests * formula * (1 - formula));
        assertEquals(requests * formula, PAGE.fact("random-bloom"), 5 * passSigma, PAGE + ": the filter lets through its false positives");
        assertTrue(PAGE.fact("repeated-negative") < requests / 100, PAGE + ": the negative cache should absorb repeated misses");
    }

    @Test
    void hotKeyArithmetic() {
        double hot = PAGE.fact("hot-reads-per-s");
        double other = PAGE.fact("other-reads-per-s");
        double shards = PAGE.fact("shards");
        double capacity = PAGE.fact("shard-ops-per-s");
        assertEquals(hot + other / shards, PAGE.fact("busiest-one-key"), 1e-6, PAGE + ": the hot key's shard");
        assertEquals((hot + other / shards) / capacity, PAGE.fact("overload-one-key"), 1e-9, PAGE + ": its overload");
        assertEquals((hot + other) / shards, PAGE.fact("busiest-one-per-shard"), 1e-6, PAGE + ": the best possible split");
        assertEquals(shards * capacity, PAGE.fact("cluster-capacity"), 1e-6, PAGE + ": cluster capacity");
        assertEquals(hot + other, PAGE.fact("cluster-load"), 1e-6, PAGE + ": cluster load");
        assertTrue(PAGE.fact("busiest-10-copies") >= PAGE.fact("busiest-one-per-shard"), PAGE + ": no split beats one copy per shard");
        assertEquals(Math.ceil((hot + other / shards) / capacity), PAGE.fact("replicas-for-hot-shard"), PAGE + ": nodes for the hot shard");
        assertEquals(PAGE.fact("app-servers") / PAGE.fact("local-ttl-s"), PAGE.fact("local-cache-hot-reads"), 1e-9,
                PAGE + ": one refresh per server per TTL");
        assertTrue(PAGE.fact("cms-hot-estimate") >= PAGE.fact("cms-hot-true"), PAGE + ": a Count-Min sketch never underestimates");
        assertEquals(hot / (hot + other), PAGE.fact("cms-hot-share"), 1e-12, PAGE + ": the sketch's sample uses the page's rates");
        assertEquals(PAGE.fact("cms-hot-share"), PAGE.fact("cms-hot-true"), 0.01, PAGE + ": the sampled hot share against the rates");
    }

    @Test
    void avalancheMultipliersAreRatiosOfMissRates() {
        double reads = PAGE.fact("reads-per-s");
        double normal = PAGE.fact("normal-hit-rate");
        double drop = PAGE.fact("drop-hit-rate");
        assertEquals(reads * (1 - normal), PAGE.fact("normal-db-load"), 1e-6, PAGE + ": normal database load");
        assertEquals((1 - drop) / (1 - normal), PAGE.fact("multiplier-60"), 1e-9, PAGE + ": the 99% to 60% multiplier");
        assertEquals(40, PAGE.fact("multiplier-60"), 1e-9, PAGE + ": the page corrects '30×' to 40×");
        assertEquals(reads * (1 - drop), PAGE.fact("db-load-60"), 1e-6, PAGE + ": database load at 60%");
        double oneLost = normal * (PAGE.fact("cache-nodes") - 1) / PAGE.fact("cache-nodes");
        assertEquals(oneLost, PAGE.fact("hit-rate-one-node-lost"), 1e-12, PAGE + ": hit rate after losing a node");
        assertEquals((1 - oneLost) / (1 - normal), PAGE.fact("multiplier-one-node-lost"), 1e-9, PAGE + ": multiplier after a node loss");
        assertEquals(1 / (1 - normal), PAGE.fact("multiplier-cold"), 1e-9, PAGE + ": an empty cache");
        assertEquals(0.5 / (1 - normal), PAGE.fact("multiplier-50"), 1e-9, PAGE + ": the 50% planning case");
        assertEquals(reads * 0.5, PAGE.fact("db-load-50"), 1e-6, PAGE + ": database load at 50% misses");
    }
}
