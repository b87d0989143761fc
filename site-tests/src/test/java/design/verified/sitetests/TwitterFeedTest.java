package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Twitter-like feed, recomputed from the page: the power-law follower model in closed form from the
 * stated users, follows and top account; the back-of-envelope from its stated inputs; and the
 * simulation's results against the model's expectations.
 */
class TwitterFeedTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/twitter-feed.html", "feed");

    /** The integral of top * r^-s from a to b: followers of the accounts ranked a..b. */
    private static double followers(double a, double b, double s) {
        return PAGE.fact("top-followers") * (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
    }

    @Test
    void theExponentGivesTheStatedAverage() {
        double n = PAGE.fact("accounts"), s = PAGE.fact("exponent");
        assertEquals(PAGE.fact("follows"), followers(1, n, s) / (n - 1), 1e-6, PAGE + ": average followers under s = " + s);
        PAGE.assertClose(s, PAGE.fact("sim-exponent"), "simulation and estimate use the same exponent");
        PAGE.assertClose(PAGE.fact("top-followers") * Math.pow(n / 2, -s), PAGE.fact("median-followers"), "median account");
    }

    @Test
    void celebrityFiguresFollowFromTheModel() {
        double n = PAGE.fact("accounts"), s = PAGE.fact("exponent"), t = PAGE.fact("threshold");
        double celebrities = Math.pow(PAGE.fact("top-followers") / t, 1 / s);
        PAGE.assertClose(celebrities, PAGE.fact("celebrities"), "accounts at or above the threshold");
        PAGE.assertClose(celebrities / n, PAGE.fact("celebrity-share-of-accounts"), "their share of accounts");
        double share = followers(1, celebrities, s) / followers(1, n, s);
        PAGE.assertClose(share, PAGE.fact("celebrity-edge-share"), "their share of follow edges");
        double posts = PAGE.fact("peak-posts"), opens = PAGE.fact("peak-opens"), follows = PAGE.fact("follows");
        PAGE.assertClose(posts * follows, PAGE.fact("push-inserts"), "push inserts");
        PAGE.assertClose(posts * followers(celebrities, n, s) / (n - 1), PAGE.fact("hybrid-inserts"), "hybrid inserts");
        PAGE.assertClose(followers(celebrities, n, s) / (n - celebrities), PAGE.fact("normal-average-followers"), "F_norm");
        PAGE.assertClose(1 + follows * share, PAGE.fact("hybrid-timelines"), "timelines per open");
        PAGE.assertClose(follows * share * opens, PAGE.fact("hybrid-celebrity-reads"), "celebrity reads per second");
        PAGE.assertClose(follows * opens, PAGE.fact("pull-reads"), "pull reads per second");
        PAGE.assertClose(celebrities * PAGE.fact("celebrity-recent") * PAGE.fact("id-bytes"), PAGE.fact("celebrity-cache-bytes"), "celebrity cache");
    }

    @Test
    void storageAndRatesFollowFromTheInputs() {
        double timelines = PAGE.fact("accounts") * PAGE.fact("inbox-ids") * PAGE.fact("id-bytes");
        PAGE.assertClose(timelines, PAGE.fact("timeline-bytes"), "home timeline bytes");
        assertEquals(480e9, timelines, 1, PAGE + ": the page says the common 480 GB figure is right");
        assertEquals(Math.ceil(timelines / 1e9 / PAGE.fact("redis-gb-per-primary")), PAGE.fact("timeline-primaries"), PAGE + ": primaries by memory");
        assertEquals(Math.ceil(PAGE.fact("peak-opens") / PAGE.fact("redis-ops-per-primary")), PAGE.fact("inbox-read-primaries"),
                PAGE + ": primaries by reads");
        double peakDay = PAGE.fact("peak-posts") * 86_400;
        PAGE.assertClose(peakDay, PAGE.fact("posts-per-day-peak-all-day"), "posts a day at the peak rate");
        PAGE.assertClose(peakDay * PAGE.fact("post-bytes"), PAGE.fact("post-bytes-per-day-peak-all-day"), "bytes a day at the peak rate");
        PAGE.assertClose(peakDay * PAGE.fact("post-bytes") * 365, PAGE.fact("post-bytes-per-year-peak-all-day"), "bytes a year at the peak rate");
        double day = peakDay / PAGE.fact("peak-factor");
        PAGE.assertClose(day, PAGE.fact("posts-per-day"), "posts a day at the average");
        PAGE.assertClose(day * PAGE.fact("post-bytes"), PAGE.fact("post-bytes-per-day"), "bytes a day at the average");
        PAGE.assertClose(day * PAGE.fact("post-bytes") * 365, PAGE.fact("post-bytes-per-year"), "bytes a year at the average");
        PAGE.assertClose(1000 * PAGE.fact("ranking-budget-ms") / PAGE.fact("ranking-candidates"), PAGE.fact("ranking-us-per-candidate"),
                "ranking budget");
    }

    @Test
    void theSimulationAgreesWithTheModel() {
        assertEquals(PAGE.fact("accounts"), PAGE.fact("sim-accounts"), PAGE + ": simulated accounts");
        assertEquals(PAGE.fact("follows"), PAGE.fact("sim-average-followers"), PAGE + ": simulated follows");
        assertEquals(PAGE.fact("top-followers"), PAGE.fact("sim-top-followers"), PAGE + ": simulated top account");
        assertEquals(PAGE.fact("peak-posts"), PAGE.fact("sim-posts-per-second"), PAGE + ": simulated post rate");
        assertEquals(PAGE.fact("peak-opens"), PAGE.fact("sim-opens-per-second"), PAGE + ": simulated feed opens");
        assertEquals(PAGE.fact("threshold"), PAGE.fact("sim-threshold"), PAGE + ": simulated threshold");
        // Heavy-tailed sums converge slowly: the push mean over ten minutes may wander by several percent.
        assertEquals(PAGE.fact("push-inserts"), PAGE.fact("sim-push-inserts-random"), 0.25 * PAGE.fact("push-inserts"), PAGE + ": push mean");
        assertEquals(PAGE.fact("hybrid-inserts"), PAGE.fact("sim-hybrid-inserts"), 0.03 * PAGE.fact("hybrid-inserts"), PAGE + ": hybrid mean");
        assertEquals(PAGE.fact("hybrid-timelines"), PAGE.fact("sim-hybrid-timelines"), 0.5, PAGE + ": timelines per open");
        assertEquals(PAGE.fact("follows"), PAGE.fact("sim-pull-timelines"), 1e-9, PAGE + ": pull reads every followed account");
        PAGE.assertClose(PAGE.fact("sim-pull-timelines") * PAGE.fact("peak-opens"), PAGE.fact("sim-pull-reads"), "pull reads per second");
        PAGE.assertClose(PAGE.fact("sim-hybrid-timelines") * PAGE.fact("peak-opens"), PAGE.fact("sim-hybrid-reads"), "hybrid reads per second");
    }

    @Test
    void theCelebrityPostDrivesThePushDelay() {
        double capacity = PAGE.fact("sim-fanout-capacity");
        assertEquals(PAGE.fact("top-followers"), PAGE.fact("sim-push-largest"), PAGE + ": largest push is the top account's post");
        assertEquals(PAGE.fact("sim-push-inserts-random") + PAGE.fact("top-followers") / PAGE.fact("sim-seconds"), PAGE.fact("sim-push-inserts"), 1,
                PAGE + ": push average with the top account's post");
        double floor = PAGE.fact("top-followers") / capacity;
        assertTrue(PAGE.fact("sim-push-worst-delay") >= floor && PAGE.fact("sim-push-worst-delay") < 1.2 * floor,
                PAGE + ": worst push delay " + PAGE.fact("sim-push-worst-delay") + " s against " + floor + " s for the top post alone");
        assertTrue(PAGE.fact("sim-hybrid-largest") < PAGE.fact("threshold"), PAGE + ": hybrid pushed a celebrity");
        assertTrue(PAGE.fact("sim-hybrid-worst-delay-ms") <= 2000 * PAGE.fact("threshold") / capacity,
                PAGE + ": hybrid worst delay " + PAGE.fact("sim-hybrid-worst-delay-ms") + " ms");
    }

    @Test
    void everyStrategyRowReadsAsItsTimelinesTimesTheOpens() {
        List<Element> rows = PAGE.rows("feed.strategies");
        assertEquals(3, rows.size(), PAGE + ": strategies table rows");
        double opens = PAGE.fact("peak-opens");
        for (Element row : rows) {
            String strategy = row.child(0).text();
            double timelines = Quantities.number(row.child(4).text()).doubleValue();
            double reads = Quantities.number(row.child(5).text()).doubleValue();
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(4).text()), reads / opens),
                    PAGE + " strategies table, " + strategy + ": " + reads + " reads/s over " + opens + " opens is not " + timelines);
            double largest = Quantities.number(row.child(2).text()).doubleValue();
            double delay = Quantities.number(row.child(3).text()).doubleValue();
            assertTrue(delay + 0.0005 >= largest / PAGE.fact("sim-fanout-capacity"),
                    PAGE + " strategies table, " + strategy + ": a delay of " + delay + " s is shorter than the largest job alone");
        }
    }

    @Test
    void promotingPullFirstHidesNothing() {
        assertEquals(0, PAGE.fact("hidden-pull-first"), PAGE + ": pull-first promotion hid posts");
        assertTrue(PAGE.fact("hidden-stop-first") > 0, PAGE + ": the page says stop-first hides posts");
    }
}
