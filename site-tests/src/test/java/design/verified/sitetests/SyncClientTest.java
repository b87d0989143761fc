package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync-client case study, recomputed from what the page states: the back-of-envelope from its
 * assumptions, the latency budget from the stated rates, the block counts and bytes of delta sync,
 * the LAN-sync times, the throttling simulation's physical limits, and the conflict simulation's
 * interleaving count. Formulas are written again here on purpose.
 */
class SyncClientTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/sync-client.html", "sync");
    private static final double KIB = 1024, MIB = KIB * 1024, GIB = MIB * 1024;
    private static final Map<String, Double> BINARY = Map.of("B", 1.0, "KiB", KIB, "MiB", MIB, "GiB", GIB);

    /** Equal up to a relative 1e-9 plus an absolute 1e-9. */
    private static void assertClose(double expected, double actual, String message) {
        Quantities.assertClose(expected, actual, 1e-9, 1e-9, message);
    }

    /** "68.0 KiB", "1.99 GiB", "100 B" in bytes, and the half-unit of its last digit. */
    private static double[] binaryBytes(String cell) {
        String unit = Quantities.unit(cell);
        Double factor = BINARY.get(unit);
        assertNotNull(factor, PAGE + ": unknown binary unit in '" + cell + "'");
        BigDecimal n = Quantities.number(cell);
        return new double[] {n.doubleValue() * factor, 0.5 * Math.pow(10, -n.scale()) * factor};
    }

    // --- back-of-envelope ---

    @Test
    void notificationTierFollowsFromDevicesOnlineNotFromUsers() {
        double online = PAGE.fact("users") * PAGE.fact("devices-per-user") * PAGE.fact("online-at-peak");
        assertClose(online, PAGE.fact("devices-online"), PAGE + ": devices online at peak");
        assertClose(PAGE.fact("users") / PAGE.fact("connections-per-pod"), PAGE.fact("pods-naive"), PAGE + ": the widely quoted 500 pods");
        assertClose(Math.ceil(online / PAGE.fact("connections-per-pod")), PAGE.fact("pods-at-full-fill"), PAGE + ": pods at full fill");
        assertClose(Math.ceil(online / (PAGE.fact("connections-per-pod") * PAGE.fact("pod-fill"))), PAGE.fact("pods"), PAGE + ": pods with headroom");
        assertClose(online / PAGE.fact("pods"), PAGE.fact("clients-per-pod"), PAGE + ": clients per pod");
        assertTrue(PAGE.fact("clients-per-pod") <= PAGE.fact("connections-per-pod") * PAGE.fact("pod-fill"), PAGE + ": pods overfilled");
        assertClose(online / PAGE.fact("long-poll-timeout-s"), PAGE.fact("renewals-per-s"), PAGE + ": long-poll renewals");
        assertClose(online / 300, PAGE.fact("renewals-per-s-5min"), PAGE + ": renewals with a five-minute timeout");
        assertTrue(PAGE.fact("devices-online") < PAGE.fact("users") * PAGE.fact("devices-per-user"),
                PAGE + ": fewer devices are online at peak than exist");
    }

    @Test
    void commitsJournalAndBandwidthFollowFromTheStatedRates() {
        double perDay = PAGE.fact("users") * PAGE.fact("daily-active-share") * PAGE.fact("changes-per-active-user");
        assertClose(perDay, PAGE.fact("commits-per-day"), PAGE + ": commits a day");
        double peak = perDay / 86_400 * PAGE.fact("peak-factor");
        assertClose(peak, PAGE.fact("peak-commits-per-s"), PAGE + ": peak commits per second");
        assertClose(peak * PAGE.fact("devices-to-notify"), PAGE.fact("peak-notifications-per-s"), PAGE + ": wake-ups per second");
        assertClose(perDay * PAGE.fact("journal-row-bytes") / 1e9, PAGE.fact("journal-gb-per-day"), PAGE + ": journal GB a day");
        assertClose(perDay * PAGE.fact("journal-row-bytes") * 365 / 1e12, PAGE.fact("journal-tb-per-year"), PAGE + ": journal TB a year");
        assertClose(peak * PAGE.fact("upload-per-change-kb") * 1e3 * 8 / 1e9, PAGE.fact("peak-upload-gbps"), PAGE + ": peak upload");
    }

    @Test
    void everyLatencyBudgetCellFollowsFromTheStatedRates() {
        List<Element> rows = PAGE.rows("sync.latency-budget");
        Element header = PAGE.doc().selectFirst("table[data-table=sync.latency-budget] thead tr");
        assertEquals("100 KB edit", header.child(1).text(), PAGE + " latency budget: first size column");
        assertEquals("One 4 MiB block", header.child(2).text(), PAGE + " latency budget: second size column");
        double[] sizes = {100e3, 4 * MIB};
        double rtt = PAGE.fact("control-rtt-ms") / 1_000;
        for (int column = 1; column <= 2; column++) {
            double bytes = sizes[column - 1];
            double[] stages = {PAGE.fact("debounce-ms") / 1_000, bytes / (PAGE.fact("hash-mb-per-s") * 1e6),
                    bytes * 8 / (PAGE.fact("sender-up-mbps") * 1e6), rtt, rtt / 2, rtt, bytes * 8 / (PAGE.fact("receiver-down-mbps") * 1e6)};
            assertEquals(stages.length + 1, rows.size(), PAGE + " latency budget: one row per stage and a total");
            double total = 0;
            for (int i = 0; i < stages.length; i++) {
                total += stages[i];
                Quantities.assertCorrectlyRounded(rows.get(i).child(column).text(), stages[i] * 1_000,
                        PAGE + " latency budget, " + rows.get(i).child(0).text() + ", " + header.child(column).text());
            }
            Quantities.assertCorrectlyRounded(rows.get(stages.length).child(column).text(), total * 1_000,
                    PAGE + " latency budget, Total, "
                    + header.child(column).text());
            assertClose(total, PAGE.fact(column == 1 ? "small-edit-s" : "block-s"), PAGE + ": quoted sync time");
        }
        assertClose(4 * MIB * 8 / (PAGE.fact("sender-up-mbps") * 1e6), PAGE.fact("block-upload-s"), PAGE + ": one block's upload");
        assertClose(4 * MIB * 8 / 56e3 / 60, PAGE.fact("dial-up-block-min"), PAGE + ": one block on dial-up");
        assertClose(100e3 * 8 / 56e3, PAGE.fact("dial-up-small-edit-s"), PAGE + ": a small edit on dial-up");
        assertClose(500e9 * 8 / (PAGE.fact("receiver-down-mbps") * 1e6) / 3_600, PAGE.fact("first-sync-hours"), PAGE + ": first sync");
    }

    // --- delta sync ---

    @Test
    void fixedBlockUploadsAreWholeBlocksBetweenTheBestAndWorstCase() {
        double file = PAGE.fact("file-gib") * GIB, block = PAGE.fact("block-mib") * MIB, changed = PAGE.fact("changed-mib") * MIB;
        long blocksInFile = Math.round(file / block);
        assertEquals(blocksInFile, Math.round(PAGE.fact("blocks-in-file")), PAGE + ": blocks in the file");
        long best = (long) Math.ceil(changed / block);
        assertEquals(best, Math.round(PAGE.fact("best-blocks")), PAGE + ": best case blocks");
        assertClose(best * block / MIB, PAGE.fact("best-mib"), PAGE + ": best case MiB");
        long pieces = Math.round(changed / (PAGE.fact("page-kib") * KIB));
        assertEquals(pieces, Math.round(PAGE.fact("scattered-pieces")), PAGE + ": scattered pieces");
        assertEquals(Math.min(pieces, blocksInFile), Math.round(PAGE.fact("worst-blocks")), PAGE + ": worst case blocks");
        assertClose(file / (4 * KIB) * 32 / MIB, PAGE.fact("hash-list-at-4kib-mib"), PAGE + ": block list at 4 KiB blocks");
        assertClose(file / block * 32 / KIB, PAGE.fact("hash-list-at-block-kib"), PAGE + ": block list at 4 MiB blocks");
        assertClose(PAGE.fact("brush-mib") * MIB / changed, PAGE.fact("brush-over-changed"), PAGE + ": brush stroke over changed bytes");

        Pattern touched = Pattern.compile("([\\d,]+) of ([\\d,]+)");
        for (Element row : PAGE.rows("sync.fixed-blocks")) {
            String where = PAGE + " fixed-blocks table, " + row.child(0).text();
            Matcher m = touched.matcher(row.child(1).text());
            assertTrue(m.matches(), where + ": Blocks touched '" + row.child(1).text() + "'");
            long n = Long.parseLong(m.group(1).replace(",", ""));
            assertEquals(blocksInFile, Long.parseLong(m.group(2).replace(",", "")), where + ": blocks in the file");
            assertTrue(n >= best && n <= blocksInFile, where + ": " + n + " blocks is outside the best and worst case");
            double[] uploaded = binaryBytes(row.child(2).text());
            assertTrue(Math.abs(uploaded[0] - n * block) <= uploaded[1] * (1 + 1e-9),
                    where + ": Uploaded " + row.child(2).text() + " is not " + n + " × 4 MiB");
            Quantities.assertCorrectlyRounded(row.child(3).text(), 100.0 * n * block / file, where + ": Share of the file");
        }
        assertEquals(best, Long.parseLong(PAGE.rows("sync.fixed-blocks").get(0).child(1).text().split(" ")[0]),
                PAGE + ": the aligned contiguous run is the best case");
    }

    @Test
    void deltaSavingsFollowFromTheBytesEachMethodSends() {
        for (Element row : PAGE.rows("sync.methods")) {
            String where = PAGE + " methods table, " + row.child(0).text();
            double[] fixed = binaryBytes(row.child(2).text());
            double[] rolling = binaryBytes(row.child(4).text());
            // the saving computed from the displayed sizes, at both ends of their rounding
            double low = 1 - (rolling[0] + rolling[1]) / (fixed[0] - fixed[1]);
            double high = 1 - (rolling[0] - rolling[1]) / (fixed[0] + fixed[1]);
            double shown = Quantities.number(row.child(5).text()).doubleValue() / 100;
            double half = 0.5 * Math.pow(10, -Quantities.number(row.child(5).text()).scale()) / 100;
            assertTrue(shown + half >= low - 1e-12 && shown - half <= high + 1e-12,
                    where + ": Delta saves " + row.child(5).text() + " but 1 - " + row.child(4).text() + " / "
                            + row.child(2).text() + " lies in [" + low + ", " + high + "]");
            assertTrue(rolling[0] <= fixed[0] + fixed[1] + rolling[1], where + ": the delta sends more than fixed blocks");
        }
        List<Element> rows = PAGE.rows("sync.methods");
        Quantities.assertCorrectlyRounded(rows.get(0).child(5).text(), PAGE.fact("overwrite-saving") * 100, PAGE + ": overwrite saving fact");
        Quantities.assertCorrectlyRounded(rows.get(1).child(5).text(), PAGE.fact("scattered-saving") * 100, PAGE + ": scattered saving fact");
        assertEquals(PAGE.fact("methods-file-mib"), PAGE.fact("methods-blocks"), PAGE + ": a 32 MiB file in 1 MiB blocks");
    }

    // --- LAN sync ---

    @Test
    void everyTransferTimeIsSizeOverRate() {
        double video = PAGE.fact("video-gb") * 1e9;
        for (Element row : PAGE.rows("sync.paths")) {
            String where = PAGE + " paths table, " + row.child(0).text();
            String rateCell = row.child(1).text();
            assertEquals("Mbps", Quantities.unit(rateCell), where + ": rate unit");
            BigDecimal rate = Quantities.number(rateCell);
            double half = 0.5 * Math.pow(10, -rate.scale());
            String timeCell = row.child(2).text();
            double seconds = Quantities.number(timeCell).doubleValue() * (timeCell.endsWith("min") ? 60 : 1);
            double slowest = video * 8 / ((rate.doubleValue() - half) * 1e6);
            double fastest = video * 8 / ((rate.doubleValue() + half) * 1e6);
            double timeHalf = 0.5 * Math.pow(10, -Quantities.number(timeCell).scale()) * (timeCell.endsWith("min") ? 60 : 1);
            assertTrue(seconds + timeHalf >= fastest && seconds - timeHalf <= slowest,
                    where + ": " + timeCell + " for 10 GB at " + rateCell);
        }
        double efficiency = 1_448.0 / 1_538;
        assertClose(efficiency, PAGE.fact("tcp-efficiency"), PAGE + ": TCP payload share of gigabit Ethernet");
        double lanLine = video * 8 / 1e9, lanTcp = lanLine / efficiency;
        double up = video * 8 / (PAGE.fact("cable-up-mbps") * 1e6), down = video * 8 / (PAGE.fact("cable-down-mbps") * 1e6);
        assertClose(lanLine, PAGE.fact("lan-line-rate-s"), PAGE + ": LAN at line rate");
        assertClose(lanTcp, PAGE.fact("lan-tcp-s"), PAGE + ": LAN at TCP payload rate");
        assertClose(up / 60, PAGE.fact("upload-leg-min"), PAGE + ": upload leg");
        assertClose(down, PAGE.fact("download-leg-s"), PAGE + ": download leg");
        assertClose((up + down) / 60, PAGE.fact("cloud-sequential-min"), PAGE + ": cloud, one leg after the other");
        assertClose((up + 4 * MIB * 8 / (PAGE.fact("cable-down-mbps") * 1e6)) / 60, PAGE.fact("cloud-overlapped-min"),
                PAGE + ": cloud, legs overlapped block by block");
        assertClose((up + lanTcp) / 60, PAGE.fact("lan-after-commit-min"), PAGE + ": LAN sync after a durable commit");
        assertClose(lanTcp, PAGE.fact("lan-before-commit-s"), PAGE + ": LAN sync before the upload");
        assertClose(down - lanTcp, PAGE.fact("download-leg-saved-s"), PAGE + ": what LAN sync saves");
    }

    // --- throttling ---

    @Test
    void noThrottlingPolicyBeatsThePhysicsOfTheLink() {
        double duration = PAGE.fact("duration-s"), call = PAGE.fact("call-s");
        double lineMb = PAGE.fact("uplink-mbps") * duration / 8;
        double callMb = PAGE.fact("call-mbps") * call / 8;
        assertClose(PAGE.fact("uplink-mbps") - PAGE.fact("call-mbps"), PAGE.fact("call-leaves-mbps"), PAGE + ": what the call leaves");
        for (String policy : List.of("plain-tcp", "token-bucket", "ledbat")) {
            assertTrue(PAGE.fact(policy + "-synced-mb") <= lineMb - callMb + 1e-6,
                    PAGE + ": " + policy + " uploads more than the uplink minus the call");
            assertTrue(PAGE.fact(policy + "-during-call-mb") <= PAGE.fact("uplink-mbps") * call / 8 + 1e-6,
                    PAGE + ": " + policy + " uploads more during the call than the line carries");
        }
        assertTrue(PAGE.fact("token-bucket-synced-mb") <= PAGE.fact("cap-mbps") * duration / 8 + PAGE.fact("bucket-kb") / 1e3 + 1e-9,
                PAGE + ": the token bucket let through more than its rate times the time plus one burst");
        assertTrue(PAGE.fact("ledbat-call-p95-ms") < PAGE.fact("plain-tcp-call-p95-ms"), PAGE + ": LEDBAT should delay the call less");
        assertTrue(PAGE.fact("ledbat-call-p95-ms") <= 2 * PAGE.fact("target-ms"), PAGE + ": LEDBAT strays far from its target");
        assertTrue(PAGE.fact("plain-tcp-call-p95-ms") <= PAGE.fact("buffer-ms") + 1e-9, PAGE + ": a queue cannot outgrow its buffer");
        assertClose(8e6 / (PAGE.fact("uplink-mbps") * 1e6) * 1_000, PAGE.fact("buffer-ms"), PAGE + ": a 1 MB buffer's depth in ms");
    }

    // --- conflict simulation ---

    @Test
    void theConflictSimulationCoversEveryInterleaving() {
        int devices = (int) PAGE.fact("devices"), steps = (int) PAGE.fact("steps-per-device");
        long orders = factorial(devices * steps);
        for (int d = 0; d < devices; d++) {
            orders /= factorial(steps);
        }
        assertEquals(orders, Math.round(PAGE.fact("interleavings")), PAGE + ": interleavings of the devices' scripts");
        assertEquals(orders, Math.round(PAGE.fact("copy-converged")), PAGE + ": conflict copies converge in every order");
        assertEquals(0, Math.round(PAGE.fact("copy-runs-with-loss")), PAGE + ": conflict copies lose no edit");
        assertClose(PAGE.fact("lww-lost-edits") / PAGE.fact("interleavings"), PAGE.fact("lww-lost-per-run"), PAGE + ": lost edits per run");

        String output = PAGE.doc().select("div.snippet").stream()
                .filter(s -> s.selectFirst("[data-program=sync/SyncSimulation]") != null)
                .map(s -> s.selectFirst("div.output pre").text()).findFirst().orElseThrow();
        Matcher m = Pattern.compile("(\\w+)\\s+(\\d+) orders, converged in (\\d+), lost an edit in (\\d+) \\((\\d+) edits\\)")
                .matcher(output);
        int found = 0;
        while (m.find()) {
            found++;
            String prefix = m.group(1).equals("LAST_WRITER_WINS") ? "lww" : "copy";
            assertEquals(orders, Long.parseLong(m.group(2)), PAGE + ": output's order count for " + m.group(1));
            assertEquals(Math.round(PAGE.fact(prefix + "-converged")), Long.parseLong(m.group(3)),
                    PAGE + ": output vs facts, converged, " + m.group(1));
            assertEquals(Math.round(PAGE.fact(prefix + "-runs-with-loss")), Long.parseLong(m.group(4)),
                    PAGE + ": output vs facts, runs with loss, " + m.group(1));
        }
        assertEquals(2, found, PAGE + ": the simulation's output should summarise both policies");
    }

    private static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
