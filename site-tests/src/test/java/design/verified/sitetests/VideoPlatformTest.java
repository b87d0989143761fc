package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The video-platform case study, rechecked from the published page: the transcode fan-out and the
 * back-of-envelope from the ladder table the page shows, the Zipf shares with an independent harmonic
 * sum, and the simulations' claims (bandit regret, ABR stalls, re-ranking diversity).
 */
class VideoPlatformTest {

    private static final String PAGE = "case-studies/video-platform.html";

    private static Document doc() {
        return PublishedSite.page(PAGE);
    }

    private static double fact(String name) {
        Element e = doc().selectFirst("span.fact[data-fact=video." + name + "]");
        assertNotNull(e, PAGE + " does not quote video." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    private static void close(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= Math.abs(expected) * relative,
                PAGE + ": " + what + " is " + actual + ", expected " + expected);
    }

    private record Rung(String name, int width, int height, double mbps) {
    }

    private static List<Rung> ladder() {
        List<Element> rows = doc().select("table[data-table=video.ladder] tbody tr");
        assertFalse(rows.isEmpty(), PAGE + ": ladder table missing");
        return rows.stream().map(r -> {
            String[] wh = r.child(1).text().split("×");
            return new Rung(r.child(0).text(), Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()),
                    Quantities.number(r.child(2).text()).doubleValue());
        }).toList();
    }

    private static double encodeSeconds(Rung r) {
        return (double) r.width() * r.height() * fact("fps") * fact("segment-s") / fact("encode-pixels-per-s");
    }

    @Test
    void everyLadderRowFollowsFromItsResolutionAndBitrate() {
        List<Element> rows = doc().select("table[data-table=video.ladder] tbody tr");
        List<Rung> ladder = ladder();
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            Rung r = ladder.get(i);
            String where = PAGE + " ladder table, " + r.name();
            double gbPerHour = r.mbps() * 1e6 / 8 * 3_600 / 1e9;
            double mbPerSegment = r.mbps() * 1e6 / 8 * fact("segment-s") / 1e6;
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(3).text()), gbPerHour), where + ": GB per hour");
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(4).text()), mbPerSegment), where + ": MB per segment");
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(5).text()), encodeSeconds(r)),
                    where + ": encode seconds per segment");
        }
    }

    @Test
    void theFanOutFollowsFromTheLadder() {
        List<Rung> ladder = ladder();
        assertEquals(ladder.size(), fact("rungs"), PAGE + ": rungs quoted against rows in the ladder table");
        double segments = 3_600 / fact("segment-s");
        assertEquals(segments, fact("segments-per-hour"), PAGE + ": segments per hour");
        assertEquals(segments * ladder.size(), fact("tasks-per-hour"), PAGE + ": tasks per hour = segments × rungs");
        assertTrue(fact("tasks-per-hour") != 3_600, PAGE + ": the page says the quoted 3,600 is wrong for this ladder");
        close(encodeSeconds(ladder.get(0)), fact("task-4k-s"), 1e-12, "4K task seconds");
        close(encodeSeconds(ladder.get(ladder.size() - 1)), fact("task-360p-s"), 1e-12, "360p task seconds");
        double perSegment = ladder.stream().mapToDouble(VideoPlatformTest::encodeSeconds).sum();
        close(segments * perSegment / 3_600, fact("machine-hours-per-hour"), 1e-12, "machine-hours per video hour");

        double machines = fact("machines");
        double lower = Math.max(segments * perSegment / machines, encodeSeconds(ladder.get(0)));
        close(lower, fact("makespan-lower-bound-s"), 1e-12, "makespan lower bound");
        // Past the fleet where total work per machine equals the 4K task, the longest task sets the time.
        close(segments * perSegment / encodeSeconds(ladder.get(0)), fact("longest-task-binds-from-machines"), 1e-12,
                "fleet size where the 4K task becomes the bound");
        double makespan = fact("makespan-s");
        // Longest-processing-time-first is within 4/3 of the optimum (Graham), so within 4/3 of the bound.
        assertTrue(makespan >= lower - 1e-9 && makespan <= lower * 4 / 3,
                PAGE + ": makespan " + makespan + " outside [" + lower + ", 4/3 of it]");

        double videoHoursPerSecond = fact("upload-hours-per-minute") / 60;
        close(videoHoursPerSecond * segments * perSegment, fact("machines-to-keep-up"), 1e-12, "fleet to keep up");
        close(videoHoursPerSecond * segments * (perSegment - encodeSeconds(ladder.get(0))),
                fact("machines-to-keep-up-no-4k"), 1e-12, "fleet without the 4K rung");
    }

    @Test
    void storageAndEgressFollowFromTheLadderAndAssumptions() {
        double hoursPerDay = fact("upload-hours-per-minute") * 60 * 24;
        close(hoursPerDay, fact("upload-hours-per-day"), 1e-12, "upload hours per day");
        double mbps = ladder().stream().mapToDouble(Rung::mbps).sum();
        close(mbps, fact("ladder-mbps"), 1e-12, "ladder total Mbps");
        double perHour = mbps * 1e6 / 8 * 3_600;
        close(perHour, fact("encoded-bytes-per-hour"), 1e-12, "encoded bytes per hour");
        close(perHour * hoursPerDay, fact("encoded-bytes-per-day"), 1e-12, "encoded bytes per day");
        close(perHour * hoursPerDay * 365, fact("encoded-bytes-per-year"), 1e-12, "encoded bytes per year");
        close(hoursPerDay * fact("tasks-per-hour"), fact("segment-objects-per-day"), 1e-12, "segment objects per day");
        close(20e9 * 8 / 3_600 / 1e6, fact("upload-implied-mbps"), 1e-12, "bitrate of a 20 GB hour");
        close(3840.0 * 2160 * 1.5 * fact("fps") * 3_600, fact("uncompressed-4k-bytes-per-hour"), 1e-12, "uncompressed 4K hour");
        close(hoursPerDay * 20e9, fact("originals-bytes-per-day"), 1e-12, "originals per day");
        close(20e9 / perHour, fact("originals-over-ladder"), 1e-12, "originals over the encoded ladder");
        double viewers = fact("watch-hours-per-day") / 24;
        close(viewers, fact("concurrent-viewers"), 1e-12, "concurrent viewers");
        close(viewers * fact("mean-watched-mbps") * 1e6 / 1e12, fact("egress-tbps"), 1e-12, "egress Tbps");
    }

    /** Sum of k^-s for k = 1..n: exact to a million, then Euler–Maclaurin (integral plus end corrections). */
    private static double harmonic(double n, double s) {
        int exact = (int) Math.min(n, 1_000_000);
        double sum = 0;
        for (int k = exact; k >= 1; k--) {
            sum += Math.pow(k, -s);
        }
        if (n > exact) {
            double a = exact, b = n;
            double integral = (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
            double ends = (Math.pow(b, -s) - Math.pow(a, -s)) / 2;
            double slope = -s * (Math.pow(b, -s - 1) - Math.pow(a, -s - 1)) / 12;
            sum += integral + ends + slope;
        }
        return sum;
    }

    private static double share(double top, double s) {
        double catalog = fact("catalog");
        return harmonic(top * catalog, s) / harmonic(catalog, s);
    }

    @Test
    void theZipfSharesAreRecomputedIndependently() {
        double sa = fact("s-a"), sb = fact("s-b");
        close(0.5, share(1e-4, sa), 1e-4, "top 0.01% share at the first fitted exponent");
        close(0.6, share(1e-2, sb), 1e-4, "top 1% share at the second fitted exponent");
        close(share(1e-2, sa), fact("top1-under-a"), 1e-4, "top 1% under the first fit");
        close(share(1e-4, sb), fact("top001-under-b"), 1e-4, "top 0.01% under the second fit");
        close(share(1e-4, 1.0 + 1e-9), fact("top001-under-zipf1"), 1e-4, "top 0.01% under s = 1");
        close(1 - share(0.2, sa), fact("cold-share-a"), 1e-3, "views on the bottom 80%");
        assertTrue(fact("top1-under-a") > 0.6 && fact("top001-under-b") < 0.5,
                PAGE + ": the page says the two claims do not fit one curve");
    }

    @Test
    void theSimulationsSupportWhatThePageSays() {
        // Uniform A/B: every impression gives up (best - chosen) in expectation; the mean is best - average.
        double best = fact("ctr-best"), average = (fact("ctr-low") + fact("ctr-mid") + best) / 3;
        close(fact("impressions") * (best - average), fact("ab-regret"), 0.05, "A/B regret");
        close(1.0 / 3, fact("ab-best-share"), 0.03, "A/B share of the best thumbnail");
        assertTrue(fact("ts-regret") < fact("ab-regret"), PAGE + ": Thompson sampling should lose fewer clicks");
        close(fact("ab-regret") / fact("ts-regret"), fact("regret-ratio"), 1e-12, "regret ratio");

        assertTrue(fact("throughput-no-abandon-stall-s") > fact("throughput-stall-s"),
                PAGE + ": abandoning fetches should reduce stalls");
        assertTrue(fact("always-1080p-startup-s") > fact("throughput-startup-s"),
                PAGE + ": starting at the bottom rung should start sooner");
        for (Element row : doc().select("table[data-table=video.abr] tbody tr")) {
            double mean = Quantities.number(row.child(1).text()).doubleValue();
            assertTrue(mean >= 0.5 && mean <= 15, PAGE + " abr table, " + row.child(0).text() + ": mean bitrate off the ladder");
        }

        int slots = (int) fact("shown") - 1;                                  // one slot is exploration
        double minimumCreators = Math.ceil(slots / fact("max-per-creator"));
        assertTrue(fact("creators-on-page") >= minimumCreators,
                PAGE + ": a cap of " + fact("max-per-creator") + " per creator needs at least " + minimumCreators + " creators");
        close(fact("retrieved") / fact("catalog"), fact("real-ranked-share"), 1e-12, "ranked share of the catalog");

        assertTrue(fact("news-idle-hot-days") <= 90, PAGE + ": a 90-day window cannot keep a video hot longer than 90 idle days");
        assertTrue(fact("reheat-cold-views-detector") < fact("reheat-cold-views"), PAGE + ": the spike detector should help");
        assertTrue(fact("news-off-edge-detector") < fact("news-off-edge"), PAGE + ": the spike detector should help");
    }
}
