package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The video-platform case study, rechecked from the published page: the transcode fan-out and the
 * back-of-envelope from the ladder table the page shows, the Zipf shares with an independent harmonic
 * sum, and the simulations' claims (bandit regret, ABR stalls, re-ranking diversity).
 */
class VideoPlatformTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/video-platform.html", "video");

    private record Rung(String name, int width, int height, double mbps) {
    }

    private static List<Rung> ladder() {
        return PAGE.rows("video.ladder").stream().map(r -> {
            String[] wh = r.child(1).text().split("×");
            return new Rung(r.child(0).text(), Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()),
                    Quantities.number(r.child(2).text()).doubleValue());
        }).toList();
    }

    private static double encodeSeconds(Rung r) {
        return (double) r.width() * r.height() * PAGE.fact("fps") * PAGE.fact("segment-s") / PAGE.fact("encode-pixels-per-s");
    }

    @Test
    void everyLadderRowFollowsFromItsResolutionAndBitrate() {
        List<Element> rows = PAGE.rows("video.ladder");
        List<Rung> ladder = ladder();
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            Rung r = ladder.get(i);
            String where = PAGE + " ladder table, " + r.name();
            double gbPerHour = r.mbps() * 1e6 / 8 * 3_600 / 1e9;
            double mbPerSegment = r.mbps() * 1e6 / 8 * PAGE.fact("segment-s") / 1e6;
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(3).text()), gbPerHour), where + ": GB per hour");
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(4).text()), mbPerSegment), where + ": MB per segment");
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(5).text()), encodeSeconds(r)),
                    where + ": encode seconds per segment");
        }
    }

    @Test
    void theFanOutFollowsFromTheLadder() {
        List<Rung> ladder = ladder();
        assertEquals(ladder.size(), PAGE.fact("rungs"), PAGE + ": rungs quoted against rows in the ladder table");
        double segments = 3_600 / PAGE.fact("segment-s");
        assertEquals(segments, PAGE.fact("segments-per-hour"), PAGE + ": segments per hour");
        assertEquals(segments * ladder.size(), PAGE.fact("tasks-per-hour"), PAGE + ": tasks per hour = segments × rungs");
        assertTrue(PAGE.fact("tasks-per-hour") != 3_600, PAGE + ": the page says the quoted 3,600 is wrong for this ladder");
        PAGE.assertClose(encodeSeconds(ladder.get(0)), PAGE.fact("task-4k-s"), 1e-12, "4K task seconds");
        PAGE.assertClose(encodeSeconds(ladder.get(ladder.size() - 1)), PAGE.fact("task-360p-s"), 1e-12, "360p task seconds");
        double perSegment = ladder.stream().mapToDouble(VideoPlatformTest::encodeSeconds).sum();
        PAGE.assertClose(segments * perSegment / 3_600, PAGE.fact("machine-hours-per-hour"), 1e-12, "machine-hours per video hour");

        double machines = PAGE.fact("machines");
        double lower = Math.max(segments * perSegment / machines, encodeSeconds(ladder.get(0)));
        PAGE.assertClose(lower, PAGE.fact("makespan-lower-bound-s"), 1e-12, "makespan lower bound");
        // Past the fleet where total work per machine equals the 4K task, the longest task sets the time.
        PAGE.assertClose(segments * perSegment / encodeSeconds(ladder.get(0)), PAGE.fact("longest-task-binds-from-machines"), 1e-12,
                "fleet size where the 4K task becomes the bound");
        double makespan = PAGE.fact("makespan-s");
        // Longest-processing-time-first is within 4/3 of the optimum (Graham), so within 4/3 of the bound.
        assertTrue(makespan >= lower - 1e-9 && makespan <= lower * 4 / 3,
                PAGE + ": makespan " + makespan + " outside [" + lower + ", 4/3 of it]");

        double videoHoursPerSecond = PAGE.fact("upload-hours-per-minute") / 60;
        PAGE.assertClose(videoHoursPerSecond * segments * perSegment, PAGE.fact("machines-to-keep-up"), 1e-12, "fleet to keep up");
        PAGE.assertClose(videoHoursPerSecond * segments * (perSegment - encodeSeconds(ladder.get(0))),
                PAGE.fact("machines-to-keep-up-no-4k"), 1e-12, "fleet without the 4K rung");
    }

    @Test
    void storageAndEgressFollowFromTheLadderAndAssumptions() {
        double hoursPerDay = PAGE.fact("upload-hours-per-minute") * 60 * 24;
        PAGE.assertClose(hoursPerDay, PAGE.fact("upload-hours-per-day"), 1e-12, "upload hours per day");
        double mbps = ladder().stream().mapToDouble(Rung::mbps).sum();
        PAGE.assertClose(mbps, PAGE.fact("ladder-mbps"), 1e-12, "ladder total Mbps");
        double perHour = mbps * 1e6 / 8 * 3_600;
        PAGE.assertClose(perHour, PAGE.fact("encoded-bytes-per-hour"), 1e-12, "encoded bytes per hour");
        PAGE.assertClose(perHour * hoursPerDay, PAGE.fact("encoded-bytes-per-day"), 1e-12, "encoded bytes per day");
        PAGE.assertClose(perHour * hoursPerDay * 365, PAGE.fact("encoded-bytes-per-year"), 1e-12, "encoded bytes per year");
        PAGE.assertClose(hoursPerDay * PAGE.fact("tasks-per-hour"), PAGE.fact("segment-objects-per-day"), 1e-12, "segment objects per day");
        PAGE.assertClose(20e9 * 8 / 3_600 / 1e6, PAGE.fact("upload-implied-mbps"), 1e-12, "bitrate of a 20 GB hour");
        PAGE.assertClose(3840.0 * 2160 * 1.5 * PAGE.fact("fps") * 3_600, PAGE.fact("uncompressed-4k-bytes-per-hour"), 1e-12, "uncompressed 4K hour");
        PAGE.assertClose(hoursPerDay * 20e9, PAGE.fact("originals-bytes-per-day"), 1e-12, "originals per day");
        PAGE.assertClose(20e9 / perHour, PAGE.fact("originals-over-ladder"), 1e-12, "originals over the encoded ladder");
        double viewers = PAGE.fact("watch-hours-per-day") / 24;
        PAGE.assertClose(viewers, PAGE.fact("concurrent-viewers"), 1e-12, "concurrent viewers");
        PAGE.assertClose(viewers * PAGE.fact("mean-watched-mbps") * 1e6 / 1e12, PAGE.fact("egress-tbps"), 1e-12, "egress Tbps");
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
        double catalog = PAGE.fact("catalog");
        return harmonic(top * catalog, s) / harmonic(catalog, s);
    }

    @Test
    void theZipfSharesAreRecomputedIndependently() {
        double sa = PAGE.fact("s-a"), sb = PAGE.fact("s-b");
        PAGE.assertClose(0.5, share(1e-4, sa), 1e-4, "top 0.01% share at the first fitted exponent");
        PAGE.assertClose(0.6, share(1e-2, sb), 1e-4, "top 1% share at the second fitted exponent");
        PAGE.assertClose(share(1e-2, sa), PAGE.fact("top1-under-a"), 1e-4, "top 1% under the first fit");
        PAGE.assertClose(share(1e-4, sb), PAGE.fact("top001-under-b"), 1e-4, "top 0.01% under the second fit");
        PAGE.assertClose(share(1e-4, 1.0 + 1e-9), PAGE.fact("top001-under-zipf1"), 1e-4, "top 0.01% under s = 1");
        PAGE.assertClose(1 - share(0.2, sa), PAGE.fact("cold-share-a"), 1e-3, "views on the bottom 80%");
        assertTrue(PAGE.fact("top1-under-a") > 0.6 && PAGE.fact("top001-under-b") < 0.5,
                PAGE + ": the page says the two claims do not fit one curve");
    }

    @Test
    void theSimulationsSupportWhatThePageSays() {
        // Uniform A/B: every impression gives up (best - chosen) in expectation; the mean is best - average.
        double best = PAGE.fact("ctr-best"), average = (PAGE.fact("ctr-low") + PAGE.fact("ctr-mid") + best) / 3;
        PAGE.assertClose(PAGE.fact("impressions") * (best - average), PAGE.fact("ab-regret"), 0.05, "A/B regret");
        PAGE.assertClose(1.0 / 3, PAGE.fact("ab-best-share"), 0.03, "A/B share of the best thumbnail");
        assertTrue(PAGE.fact("ts-regret") < PAGE.fact("ab-regret"), PAGE + ": Thompson sampling should lose fewer clicks");
        PAGE.assertClose(PAGE.fact("ab-regret") / PAGE.fact("ts-regret"), PAGE.fact("regret-ratio"), 1e-12, "regret ratio");

        assertTrue(PAGE.fact("throughput-no-abandon-stall-s") > PAGE.fact("throughput-stall-s"),
                PAGE + ": abandoning fetches should reduce stalls");
        assertTrue(PAGE.fact("always-1080p-startup-s") > PAGE.fact("throughput-startup-s"),
                PAGE + ": starting at the bottom rung should start sooner");
        for (Element row : PAGE.doc().select("table[data-table=video.abr] tbody tr")) {
            double mean = Quantities.number(row.child(1).text()).doubleValue();
            assertTrue(mean >= 0.5 && mean <= 15, PAGE + " abr table, " + row.child(0).text() + ": mean bitrate off the ladder");
        }

        int slots = (int) PAGE.fact("shown") - 1;                                  // one slot is exploration
        double minimumCreators = Math.ceil(slots / PAGE.fact("max-per-creator"));
        assertTrue(PAGE.fact("creators-on-page") >= minimumCreators,
                PAGE + ": a cap of " + PAGE.fact("max-per-creator") + " per creator needs at least " + minimumCreators + " creators");
        PAGE.assertClose(PAGE.fact("retrieved") / PAGE.fact("catalog"), PAGE.fact("real-ranked-share"), 1e-12, "ranked share of the catalog");

        assertTrue(PAGE.fact("news-idle-hot-days") <= 90, PAGE + ": a 90-day window cannot keep a video hot longer than 90 idle days");
        assertTrue(PAGE.fact("reheat-cold-views-detector") < PAGE.fact("reheat-cold-views"), PAGE + ": the spike detector should help");
        assertTrue(PAGE.fact("news-off-edge-detector") < PAGE.fact("news-off-edge"), PAGE + ": the spike detector should help");
    }
}
