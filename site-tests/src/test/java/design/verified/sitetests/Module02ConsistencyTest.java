package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 2 recomputed from what the page shows: the quorum tables from N, R and W, the stale-read
 * estimates against their closed form, the PACELC codes from the two choices, and the latencies of the
 * two-client timeline from the hop times the page states.
 */
class Module02ConsistencyTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/02-consistency.html", "consistency");

    private static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    @Test
    void everyQuorumRowFollowsFromItsNRAndW() {
        for (String name : List.of("consistency.quorum-n3", "consistency.quorum-n5")) {
            PublishedPage.Table t = PAGE.table(name);
            for (List<String> row : t.rows()) {
                int n = Integer.parseInt(t.cell(row, "N"));
                int r = Integer.parseInt(t.cell(row, "R"));
                int w = Integer.parseInt(t.cell(row, "W"));
                String where = PAGE + " table " + name + ", row N=" + n + " R=" + r + " W=" + w + ", ";
                assertEquals(String.valueOf(r + w), t.cell(row, "R + W"), where + "R + W");
                assertEquals(r + w > n ? "yes" : "no", t.cell(row, "Strong (R + W > N)"), where + "Strong");
                assertEquals(String.valueOf(n - w), t.cell(row, "Writes work with … down"), where + "write failures");
                assertEquals(String.valueOf(n - r), t.cell(row, "Reads work with … down"), where + "read failures");
                assertEquals(String.valueOf(w - 1), t.cell(row, "Acked write survives … losses"), where + "durability");
                // for each write set, the read sets that avoid it are chosen among the n - w other replicas
                long pairs = binomial(n, r) * binomial(n, w);
                long missing = binomial(n, w) * binomial(n - w, r);
                assertEquals(missing + " of " + pairs, t.cell(row, "Read/write sets that miss"), where + "missing pairs");
                assertEquals(missing == 0, r + w > n, where + "overlap and R + W > N disagree");
            }
        }
    }

    @Test
    void theNEqualsThreeTableListsEveryPair() {
        PublishedPage.Table t = PAGE.table("consistency.quorum-n3");
        Set<String> pairs = new HashSet<>();
        for (List<String> row : t.rows()) {
            pairs.add(t.cell(row, "R") + "/" + t.cell(row, "W"));
        }
        assertEquals(9, pairs.size(), PAGE + " table quorum-n3 should hold all nine R/W pairs, has " + pairs);
    }

    @Test
    void calculatorDefaultsAreComputedFromNRAndW() {
        int n = (int) PAGE.fact("quorum-default-n");
        int r = (int) PAGE.fact("quorum-default-r");
        int w = (int) PAGE.fact("quorum-default-w");
        assertEquals(3, n, PAGE + ": the calculator's default N");
        assertEquals(2, r, PAGE + ": the calculator's default R");
        assertEquals(2, w, PAGE + ": the calculator's default W");
        assertEquals(r + w > n ? 1 : 0, PAGE.fact("quorum-default-strong"), PAGE + ": default strong flag");
        assertEquals(n - w, PAGE.fact("quorum-default-write-failures-tolerated"), PAGE + ": default write failures");
        assertEquals(n - r, PAGE.fact("quorum-default-read-failures-tolerated"), PAGE + ": default read failures");
        assertEquals(w - 1, PAGE.fact("quorum-default-disk-losses-survived"), PAGE + ": default durability");
        assertEquals(0, PAGE.fact("quorum-n3-r1w3-write-failures-tolerated"), PAGE + ": W = N tolerates no write failure");
        assertEquals(2.0 / 3, PAGE.fact("quorum-n3-r1w1-missing-fraction"), 1e-12, PAGE + ": R = W = 1 of 3 misses");
    }

    @Test
    void staleReadEstimatesAgreeWithTheClosedForm() {
        Pattern name = Pattern.compile("consistency\\.pbs-n(\\d)-r(\\d)w(\\d)-t(\\d+)");
        double meanLag = PAGE.fact("pbs-mean-lag-ms");
        double trials = PAGE.fact("pbs-trials");
        int checked = 0;
        for (Element e : PAGE.doc().select("span.fact[data-fact^=consistency.pbs-n]")) {
            Matcher m = name.matcher(e.attr("data-fact"));
            assertTrue(m.matches(), PAGE + ": unexpected stale-read fact " + e.attr("data-fact"));
            int n = Integer.parseInt(m.group(1)), r = Integer.parseInt(m.group(2)), w = Integer.parseInt(m.group(3));
            double t = Double.parseDouble(m.group(4));
            double exact = (double) binomial(n - w, r) / binomial(n, r) * Math.exp(-r * t / meanLag);
            double simulated = Double.parseDouble(e.attr("data-value"));
            double sigma = Math.sqrt(exact * (1 - exact) / trials);
            String where = PAGE + ": stale reads for N=" + n + " R=" + r + " W=" + w + " at t=" + t + " ms";
            if (exact == 0) {
                assertEquals(0, simulated, where + " must be exactly zero when R + W > N");
            } else {
                assertTrue(Math.abs(simulated - exact) <= 5 * sigma,
                        where + ": simulated " + simulated + " but the closed form gives " + exact);
            }
            checked++;
        }
        assertTrue(checked >= 4, PAGE + ": expected the page to quote several stale-read estimates, found " + checked);
    }

    @Test
    void everyPacelcCodeFollowsFromItsTwoChoices() {
        PublishedPage.Table t = PAGE.table("consistency.pacelc");
        for (List<String> row : t.rows()) {
            String partition = t.cell(row, "If partitioned (PA or PC)");
            String otherwise = t.cell(row, "Else (EL or EC)");
            assertTrue(Set.of("consistency", "availability").contains(partition), PAGE + " PACELC " + row.get(0));
            assertTrue(Set.of("consistency", "latency").contains(otherwise), PAGE + " PACELC " + row.get(0));
            String code = "P" + (partition.equals("consistency") ? "C" : "A") + "/E"
                    + (otherwise.equals("consistency") ? "C" : "L");
            assertEquals(code, t.cell(row, "PACELC"), PAGE + " table pacelc, " + row.get(0) + ": code");
        }
    }

    @Test
    void theTableAgreesWithTheCorrectionsInTheProse() {
        PublishedPage.Table t = PAGE.table("consistency.pacelc");
        String prose = PAGE.doc().body().text();
        for (List<String> row : t.rows()) {
            String system = row.get(0);
            if (system.startsWith("Amazon RDS Multi-AZ")) {
                assertTrue(prose.contains("Amazon RDS Multi-AZ is " + t.cell(row, "PACELC")),
                        PAGE + ": the prose and the table disagree on RDS Multi-AZ");
            }
        }
    }

    @Test
    void timelineLatenciesFollowFromTheHopTimes() {
        double client = PAGE.fact("client-hop-ms");
        double replica = PAGE.fact("replica-hop-ms");
        assertEquals(2 * client + 2 * replica, PAGE.fact("strong-write-ms"), PAGE + ": linearizable write = two client hops + a replica round trip");
        assertEquals(2 * client + 2 * replica, PAGE.fact("strong-far-read-ms"), PAGE + ": far linearizable read");
        assertEquals(2 * client, PAGE.fact("eventual-op-ms"), PAGE + ": eventual operation = one local round trip");
        assertEquals(replica - 2 * client, PAGE.fact("staleness-window-ms"), PAGE + ": staleness window");
        assertEquals(0, PAGE.fact("strong-stale-reads"), PAGE + ": a linearizable store returned a stale read");
        double stale = PAGE.fact("eventual-stale-reads");
        assertTrue(stale > 0 && stale <= PAGE.fact("eventual-reads"), PAGE + ": eventual stale reads " + stale);
    }

    @Test
    void partitionOutcomesAddUp() {
        double opsPerSide = PAGE.fact("partition-ops-per-side");
        double addsPerSide = opsPerSide / 2; // the page: each side alternates adds and reads
        assertEquals(opsPerSide, PAGE.fact("partition-cp-refused"), PAGE + ": CP refuses the whole minority side");
        assertEquals(opsPerSide, PAGE.fact("partition-cp-served"), PAGE + ": CP serves the whole majority side");
        assertEquals(2 * opsPerSide, PAGE.fact("partition-ap-served"), PAGE + ": AP serves both sides");
        assertEquals(2 * addsPerSide, PAGE.fact("partition-merge-items"), PAGE + ": a union keeps every add");
        assertEquals(0, PAGE.fact("partition-merge-lost"), PAGE + ": a union loses nothing");
        assertEquals(addsPerSide, PAGE.fact("partition-lww-lost"), PAGE + ": last writer wins drops one side's adds");
        assertTrue(PAGE.fact("partition-ap-stale-reads") <= 2 * addsPerSide, PAGE + ": more stale reads than reads");
    }

    @Test
    void waitingForMoreReplicasIsNeverFaster() {
        assertTrue(PAGE.fact("latency-one-p50-ms") <= PAGE.fact("latency-quorum-p50-ms"), PAGE + ": p50 ONE vs QUORUM");
        assertTrue(PAGE.fact("latency-one-p99-ms") <= PAGE.fact("latency-quorum-p99-ms"), PAGE + ": p99 ONE vs QUORUM");
        assertTrue(PAGE.fact("latency-quorum-p99-ms") <= PAGE.fact("latency-all-p99-ms"), PAGE + ": p99 QUORUM vs ALL");
        double p = PAGE.fact("latency-pause-probability");
        assertEquals(1 - Math.pow(1 - p, 3), PAGE.fact("latency-any-pause-probability"), 1e-12,
                PAGE + ": chance that one of three replicas pauses");
    }

    @Test
    void invariantSimulationsKeepTheirPromises() {
        assertEquals(0, PAGE.fact("inventory-escrow-oversold"), PAGE + ": reservations oversold");
        assertTrue(PAGE.fact("inventory-eventual-oversold") > 0, PAGE + ": the page says eventual oversells");
        assertTrue(PAGE.fact("inventory-linearizable-waits") <= PAGE.fact("inventory-orders"), PAGE + ": more waits than orders");
        assertEquals(PAGE.fact("likes-total") - PAGE.fact("likes-lww-final"), PAGE.fact("likes-lww-lost"), PAGE + ": lost likes");
        assertEquals(PAGE.fact("likes-total"), PAGE.fact("likes-crdt-final"), PAGE + ": the counter CRDT must converge exactly");
    }
}
