package design.verified.sitetests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 4's numbers, recomputed from what the page states: the scenario's capacities from its speeds and
 * costs, the P2C ratios from the table they summarise, key movement against N/(N+1) and 1/(N+1), the
 * layer budget from the per-layer figures, detection times from intervals and thresholds, and DNS
 * failover from the TTL model the page describes.
 */
class Module04LoadBalancingTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/04-load-balancing.html", "loadbalancing");

    private static double number(String cell) {
        return Quantities.number(cell).doubleValue();
    }

    @Test
    void theSlowBackendScenarioFollowsFromItsSpeedsAndCosts() {
        int backends = (int) PAGE.fact("backends");
        double slowSpeed = PAGE.fact("slow-speed");
        double workers = PAGE.fact("workers");
        double meanCost = (1 - PAGE.fact("expensive-share")) * PAGE.fact("cheap-ms") + PAGE.fact("expensive-share") * PAGE.fact("expensive-ms");
        assertEquals(meanCost, PAGE.fact("mean-cost-ms"), 1e-9, PAGE + ": mean request cost");
        double totalSpeed = backends - 1 + slowSpeed;
        double arrivalsPerS = PAGE.fact("utilisation") * totalSpeed * workers / meanCost * 1000;
        assertEquals(arrivalsPerS, PAGE.fact("arrivals-per-s"), 1e-6, PAGE + ": arrival rate from utilisation and capacity");
        double slowCapacity = slowSpeed * workers / meanCost * 1000;
        assertEquals(slowCapacity, PAGE.fact("slow-capacity-per-s"), 1e-6, PAGE + ": the slow backend's capacity");
        assertEquals(slowSpeed / totalSpeed, PAGE.fact("slow-capacity-share"), 1e-12, PAGE + ": the slow backend's share of capacity");
        assertEquals(arrivalsPerS / backends, PAGE.fact("rr-to-slow-per-s"), 1e-6, PAGE + ": round robin's 1/N to the slow backend");
        assertEquals(arrivalsPerS / backends / slowCapacity, PAGE.fact("rr-slow-overload"), 1e-9, PAGE + ": overload factor");
        assertTrue(PAGE.fact("rr-slow-overload") > 1, PAGE + ": the page says round robin overloads the slow backend");
    }

    @Test
    void eachAlgorithmsShareOfTheSlowBackendIsWhatItsRuleImplies() {
        Map<String, List<String>> sim = PAGE.cellsByFirstCell("loadbalancing.simulation");
        int backends = (int) PAGE.fact("backends");
        double requests = PAGE.fact("requests");
        double share = 1.0 / backends;
        double rr = number(sim.get("Round robin").get(1)) / 100;
        assertTrue(Math.abs(rr - share) <= 0.0005 + 1.0 / requests,
                PAGE + " simulation table, Round robin, share: " + rr + " but cycling gives 1/" + backends);
        double sigma = Math.sqrt(share * (1 - share) / requests);
        double random = number(sim.get("Random").get(1)) / 100;
        assertTrue(Math.abs(random - share) <= 4 * sigma + 0.0005,
                PAGE + " simulation table, Random, share: " + random + " is not within 4σ of 1/" + backends);
        // Weights are the speeds in quarters: 4 for a full-speed backend, slow-speed × 4 for the slow one.
        double slowWeight = Math.round(PAGE.fact("slow-speed") * 4);
        double weighted = slowWeight / ((backends - 1) * 4 + slowWeight);
        double wrr = number(sim.get("Weighted round robin").get(1)) / 100;
        assertTrue(Math.abs(wrr - weighted) <= 0.0005 + 1.0 / requests,
                PAGE + " simulation table, Weighted round robin, share: " + wrr + " but the weights give " + weighted);
        for (String loadAware : List.of("Least connections", "Least latency", "Power of two choices")) {
            double s = number(sim.get(loadAware).get(1)) / 100;
            assertTrue(s < rr / 2, PAGE + " simulation table, " + loadAware + ": the page says it steers away from"
                    + " the slow backend, but it sent " + s);
        }
    }

    @Test
    void theCheatSheetsMeasuredColumnIsTheSimulationsP99() {
        Map<String, List<String>> sim = PAGE.cellsByFirstCell("loadbalancing.simulation");
        Map<String, List<String>> cheat = PAGE.cellsByFirstCell("loadbalancing.algorithms");
        assertEquals(sim.keySet(), cheat.keySet(), PAGE + ": the cheat sheet and the simulation cover different algorithms");
        for (Map.Entry<String, List<String>> row : cheat.entrySet()) {
            assertEquals(sim.get(row.getKey()).get(3), row.getValue().get(4),
                    PAGE + " algorithms table, " + row.getKey() + ": p99 differs from the simulation table");
        }
        String avoid = cheat.get("Weighted round robin").get(3).toLowerCase();
        assertFalse(avoid.contains("never"), PAGE + " algorithms table, Weighted round robin: 'Avoid when' says '" + avoid + "'");
        assertEquals(PAGE.fact("rr-p99-ms"), number(sim.get("Round robin").get(3)), 0.05 + 1e-9,
                PAGE + ": quoted round-robin p99 differs from the table");
        assertEquals(PAGE.fact("rr-p99-ms") / PAGE.fact("lc-p99-ms"), PAGE.fact("rr-over-lc-p99"), 1e-9,
                PAGE + ": ratio of the round-robin and least-connections tails");
    }

    @Test
    void theP2cRatiosFollowFromTheirTable() {
        Map<String, List<String>> t = PAGE.cellsByFirstCell("loadbalancing.p2c-check");
        double backends = PAGE.fact("large-backends");
        double randomP99 = number(t.get("Random").get(2));
        double p2cP99 = number(t.get("Power of two choices").get(2));
        double lcP99 = number(t.get("Least connections").get(2));
        // Cells are rounded to 0.1 ms; allow for that in the ratio.
        assertEquals((randomP99 - p2cP99) / (randomP99 - lcP99), PAGE.fact("p2c-benefit-p99"), 0.005,
                PAGE + " p2c-check table: P2C's share of the p99 improvement");
        double randomWait = number(t.get("Random").get(3));
        double p2cWait = number(t.get("Power of two choices").get(3));
        double lcWait = number(t.get("Least connections").get(3));
        assertEquals((randomWait - p2cWait) / (randomWait - lcWait), PAGE.fact("p2c-benefit-wait"), 0.005,
                PAGE + " p2c-check table: P2C's share of the queueing improvement");
        assertEquals(backends, number(t.get("Least connections").get(1)), PAGE + " p2c-check table: least connections reads every counter");
        assertEquals(2, number(t.get("Power of two choices").get(1)), PAGE + " p2c-check table: P2C reads two counters");
        assertEquals(2 / backends, PAGE.fact("p2c-coordination"), 1e-12, PAGE + ": P2C's share of the reads");
        assertEquals(2 / PAGE.fact("backends"), PAGE.fact("p2c-coordination-small"), 1e-12, PAGE + ": P2C's share on the small fleet");
    }

    @Test
    void keysMoveAsTheTheoryOfModAndRingsPredicts() {
        double n = PAGE.fact("hash-backends");
        double keys = PAGE.fact("hash-keys");
        double modN = n / (n + 1);
        double sigma = Math.sqrt(modN * (1 - modN) / keys);
        assertEquals(modN, PAGE.fact("moved-mod-n"), 4 * sigma, PAGE + ": keys moved by hash mod N against N/(N+1)");
        // A newcomer's share of the ring is 1/(N+1) with a relative spread of about 1/sqrt(virtual nodes).
        double ring = 1 / (n + 1);
        assertEquals(ring, PAGE.fact("moved-ring"), 3 * ring / Math.sqrt(PAGE.fact("virtual-nodes")),
                PAGE + ": keys moved on the ring against 1/(N+1)");
        assertTrue(PAGE.fact("spread-150") < PAGE.fact("spread-1"), PAGE + ": more virtual nodes should even out the ring");
        assertTrue(PAGE.fact("spread-1") >= 1 && PAGE.fact("spread-150") >= 1, PAGE + ": busiest over mean is at least 1");
    }

    @Test
    void theLayerBudgetAddsUpFromThePerLayerFigures() {
        double l4Low = PAGE.fact("l4-low-us");
        double l4High = PAGE.fact("l4-high-us");
        double l7Low = PAGE.fact("l7-low-us");
        double l7High = PAGE.fact("l7-high-us");
        assertEquals(l4Low + 2 * l7Low, PAGE.fact("ingress-low-us"), 1e-9, PAGE + ": L4 + regional L7 + sidecar, low");
        assertEquals(l4High + 2 * l7High, PAGE.fact("ingress-high-us"), 1e-9, PAGE + ": L4 + regional L7 + sidecar, high");
        assertEquals(l4High + 2 * l7High + PAGE.fact("dc-round-trip-us"), PAGE.fact("ingress-with-hop-high-us"), 1e-9,
                PAGE + ": the same plus one datacenter round trip");
        assertTrue(PAGE.fact("ingress-with-hop-high-us") < 2000, PAGE + ": the page says the stack stays under 2 ms");
        assertEquals(3 * l7High, PAGE.fact("source-three-layers-us"), 1e-9, PAGE + ": 3 × 500 μs");
        assertEquals(5 * 2 * l7High, PAGE.fact("mesh-5-calls-high-us"), 1e-9, PAGE + ": five calls through two sidecars");
        List<String> latencyRow = PAGE.doc().select("table[data-table=loadbalancing.l4-vs-l7] tbody tr").stream()
                .filter(r -> r.child(0).text().equals("Added latency")).findFirst()
                .orElseThrow(() -> new AssertionError(PAGE + " l4-vs-l7 table has no 'Added latency' row")).children().eachText();
        assertTrue(latencyRow.get(1).startsWith(fmt(l4Low) + "–" + fmt(l4High) + " μs"),
                PAGE + " l4-vs-l7 table, Added latency, L4: '" + latencyRow.get(1) + "'");
        assertTrue(latencyRow.get(2).startsWith(fmt(l7Low) + "–" + fmt(l7High) + " μs"),
                PAGE + " l4-vs-l7 table, Added latency, L7: '" + latencyRow.get(2) + "'");
    }

    private static String fmt(double v) {
        return String.valueOf((long) v);
    }

    @Test
    void detectionTimesFollowFromIntervalsAndThresholds() {
        assertEquals(PAGE.fact("interval-s") * PAGE.fact("unhealthy-after"), PAGE.fact("active-detection-max-s"), 1e-9,
                PAGE + ": active detection, worst case");
        assertEquals(PAGE.fact("interval-s") * (PAGE.fact("unhealthy-after") - 1), PAGE.fact("active-detection-min-s"), 1e-9,
                PAGE + ": active detection, best case");
        assertEquals(1000 * PAGE.fact("passive-errors") / PAGE.fact("passive-rps"), PAGE.fact("passive-detection-ms"), 1e-9,
                PAGE + ": passive detection");
        double best = 1 - PAGE.fact("needs-database");
        assertEquals(best, PAGE.fact("best-possible-during-outage"), 1e-12, PAGE + ": the share that needs no database");
        assertEquals(best, PAGE.fact("shallow-readiness-useful"), 1e-9, PAGE + ": a shallow readiness check keeps the best possible");
        assertTrue(PAGE.fact("deep-readiness-useful") < best, PAGE + ": the page says deep readiness loses answers");
        assertTrue(PAGE.fact("deep-liveness-recovered-at") > PAGE.fact("db-up-at"), PAGE + ": the page says restarts outlast the outage");
        assertEquals(PAGE.fact("deep-liveness-recovered-at") - PAGE.fact("db-up-at"), PAGE.fact("deep-liveness-recovery-lag-s"), 1e-9,
                PAGE + ": liveness recovery lag");
        // a removed server returns after healthy-after passing checks, the first of which can come at once
        double lag = PAGE.fact("deep-readiness-recovery-lag-s"), interval = PAGE.fact("interval-s"), healthy = PAGE.fact("healthy-after");
        assertTrue(lag >= (healthy - 1) * interval && lag <= healthy * interval,
                PAGE + ": deep readiness returns " + lag + " s after the database, not within " + healthy + " checks of "
                        + interval + " s");
        assertEquals(0, PAGE.fact("shallow-readiness-recovery-lag-s"), PAGE + ": a shallow check never removed anyone");
        assertEquals(0, PAGE.fact("deep-readiness-fail-open-recovery-lag-s"), PAGE + ": failing open keeps every server in rotation");
    }

    @Test
    void jitterArithmetic() {
        assertEquals(PAGE.fact("instances") * 0.1 / PAGE.fact("check-interval-s"), PAGE.fact("average-per-window"), 1e-9,
                PAGE + ": average checks per 100 ms window");
        assertEquals(PAGE.fact("instances"), PAGE.fact("busiest-no-jitter"), PAGE + ": without jitter every check shares one window");
        assertTrue(PAGE.fact("busiest-jitter-20") < PAGE.fact("instances") / 4, PAGE + ": jitter should spread the checks");
    }

    @Test
    void dnsFailoverFollowsFromDetectionTtlAndTheStickyTail() {
        double detect = PAGE.fact("detect-s");
        double sticky = PAGE.fact("sticky-share");
        double stickyS = PAGE.fact("sticky-minutes") * 60;
        assertEquals(firstSecondAtOrBelow(0.10, 60, detect, sticky, stickyS), PAGE.fact("ttl-60-90pct-s"), PAGE + ": TTL 60, 90%");
        assertEquals(firstSecondAtOrBelow(0.10, 300, detect, sticky, stickyS), PAGE.fact("ttl-300-90pct-s"), PAGE + ": TTL 300, 90%");
        assertEquals(firstSecondAtOrBelow(0.01, 60, detect, sticky, stickyS), PAGE.fact("ttl-60-99pct-s"), PAGE + ": TTL 60, 99%");
        double anycast = Math.ceil(PAGE.fact("anycast-detect-s") + 0.99 * PAGE.fact("bgp-converge-s"));
        assertEquals(anycast, PAGE.fact("anycast-99pct-s"), PAGE + ": anycast, 99%");
        Map<String, List<String>> global = PAGE.cellsByFirstCell("loadbalancing.global-techniques");
        assertEquals(PAGE.fact("ttl-60-90pct-s"), number(global.get("DNS, TTL 60 s").get(2)), PAGE + " global table, TTL 60");
        assertEquals(PAGE.fact("ttl-300-90pct-s"), number(global.get("DNS, TTL 300 s").get(2)), PAGE + " global table, TTL 300");
    }

    /** Users still routed to the failed region: stale answers expire evenly over one TTL after detection. */
    private static double firstSecondAtOrBelow(double share, double ttl, double detect, double sticky, double stickyS) {
        for (int t = 0; ; t++) {
            double since = t - detect;
            double normal = since <= 0 ? 1 : Math.max(0, 1 - since / ttl);
            double slow = since <= 0 ? 1 : Math.max(0, 1 - since / stickyS);
            if ((1 - sticky) * normal + sticky * slow <= share + 1e-12) {
                return t;
            }
        }
    }
}
