package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Twitter-like feed, recomputed from the page: the power-law follower model in closed form from the
 * stated users, follows and top account; the back-of-envelope from its stated inputs; and the
 * simulation's results against the model's expectations.
 */
class TwitterFeedTest {

    private static final String PAGE = "case-studies/twitter-feed.html";

    private static double fact(String name) {
        Element e = PublishedSite.page(PAGE).selectFirst("span.fact[data-fact=feed." + name + "]");
        assertNotNull(e, PAGE + " does not quote feed." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-12, PAGE + ": " + what);
    }

    /** The integral of top * r^-s from a to b: followers of the accounts ranked a..b. */
    private static double followers(double a, double b, double s) {
        return fact("top-followers") * (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
    }

    @Test
    void theExponentGivesTheStatedAverage() {
        double n = fact("accounts"), s = fact("exponent");
        assertEquals(fact("follows"), followers(1, n, s) / (n - 1), 1e-6, PAGE + ": average followers under s = " + s);
        assertClose(s, fact("sim-exponent"), "simulation and estimate use the same exponent");
        assertClose(fact("top-followers") * Math.pow(n / 2, -s), fact("median-followers"), "median account");
    }

    @Test
    void celebrityFiguresFollowFromTheModel() {
        double n = fact("accounts"), s = fact("exponent"), t = fact("threshold");
        double celebrities = Math.pow(fact("top-followers") / t, 1 / s);
        assertClose(celebrities, fact("celebrities"), "accounts at or above the threshold");
        assertClose(celebrities / n, fact("celebrity-share-of-accounts"), "their share of accounts");
        double share = followers(1, celebrities, s) / followers(1, n, s);
        assertClose(share, fact("celebrity-edge-share"), "their share of follow edges");
        double posts = fact("peak-posts"), opens = fact("peak-opens"), follows = fact("follows");
        assertClose(posts * follows, fact("push-inserts"), "push inserts");
        assertClose(posts * followers(celebrities, n, s) / (n - 1), fact("hybrid-inserts"), "hybrid inserts");
        assertClose(followers(celebrities, n, s) / (n - celebrities), fact("normal-average-followers"), "F_norm");
        assertClose(1 + follows * share, fact("hybrid-timelines"), "timelines per open");
        assertClose(follows * share * opens, fact("hybrid-celebrity-reads"), "celebrity reads per second");
        assertClose(follows * opens, fact("pull-reads"), "pull reads per second");
        assertClose(celebrities * fact("celebrity-recent") * fact("id-bytes"), fact("celebrity-cache-bytes"), "celebrity cache");
    }

    @Test
    void storageAndRatesFollowFromTheInputs() {
        double timelines = fact("accounts") * fact("inbox-ids") * fact("id-bytes");
        assertClose(timelines, fact("timeline-bytes"), "home timeline bytes");
        assertEquals(480e9, timelines, 1, PAGE + ": the page says the common 480 GB figure is right");
        assertEquals(Math.ceil(timelines / 1e9 / fact("redis-gb-per-primary")), fact("timeline-primaries"), PAGE + ": primaries by memory");
        assertEquals(Math.ceil(fact("peak-opens") / fact("redis-ops-per-primary")), fact("inbox-read-primaries"), PAGE + ": primaries by reads");
        double peakDay = fact("peak-posts") * 86_400;
        assertClose(peakDay, fact("posts-per-day-peak-all-day"), "posts a day at the peak rate");
        assertClose(peakDay * fact("post-bytes"), fact("post-bytes-per-day-peak-all-day"), "bytes a day at the peak rate");
        assertClose(peakDay * fact("post-bytes") * 365, fact("post-bytes-per-year-peak-all-day"), "bytes a year at the peak rate");
        double day = peakDay / fact("peak-factor");
        assertClose(day, fact("posts-per-day"), "posts a day at the average");
        assertClose(day * fact("post-bytes"), fact("post-bytes-per-day"), "bytes a day at the average");
        assertClose(day * fact("post-bytes") * 365, fact("post-bytes-per-year"), "bytes a year at the average");
        assertClose(1000 * fact("ranking-budget-ms") / fact("ranking-candidates"), fact("ranking-us-per-candidate"), "ranking budget");
    }

    @Test
    void theSimulationAgreesWithTheModel() {
        assertEquals(fact("accounts"), fact("sim-accounts"), PAGE + ": simulated accounts");
        assertEquals(fact("follows"), fact("sim-average-followers"), PAGE + ": simulated follows");
        assertEquals(fact("top-followers"), fact("sim-top-followers"), PAGE + ": simulated top account");
        assertEquals(fact("peak-posts"), fact("sim-posts-per-second"), PAGE + ": simulated post rate");
        assertEquals(fact("peak-opens"), fact("sim-opens-per-second"), PAGE + ": simulated feed opens");
        assertEquals(fact("threshold"), fact("sim-threshold"), PAGE + ": simulated threshold");
        // Heavy-tailed sums converge slowly: the push mean over ten minutes may wander by several percent.
        assertEquals(fact("push-inserts"), fact("sim-push-inserts-random"), 0.25 * fact("push-inserts"), PAGE + ": push mean");
        assertEquals(fact("hybrid-inserts"), fact("sim-hybrid-inserts"), 0.03 * fact("hybrid-inserts"), PAGE + ": hybrid mean");
        assertEquals(fact("hybrid-timelines"), fact("sim-hybrid-timelines"), 0.5, PAGE + ": timelines per open");
        assertEquals(fact("follows"), fact("sim-pull-timelines"), 1e-9, PAGE + ": pull reads every followed account");
        assertClose(fact("sim-pull-timelines") * fact("peak-opens"), fact("sim-pull-reads"), "pull reads per second");
        assertClose(fact("sim-hybrid-timelines") * fact("peak-opens"), fact("sim-hybrid-reads"), "hybrid reads per second");
    }

    @Test
    void theCelebrityPostDrivesThePushDelay() {
        double capacity = fact("sim-fanout-capacity");
        assertEquals(fact("top-followers"), fact("sim-push-largest"), PAGE + ": largest push is the top account's post");
        assertEquals(fact("sim-push-inserts-random") + fact("top-followers") / fact("sim-seconds"), fact("sim-push-inserts"), 1,
                PAGE + ": push average with the top account's post");
        double floor = fact("top-followers") / capacity;
        assertTrue(fact("sim-push-worst-delay") >= floor && fact("sim-push-worst-delay") < 1.2 * floor,
                PAGE + ": worst push delay " + fact("sim-push-worst-delay") + " s against " + floor + " s for the top post alone");
        assertTrue(fact("sim-hybrid-largest") < fact("threshold"), PAGE + ": hybrid pushed a celebrity");
        assertTrue(fact("sim-hybrid-worst-delay-ms") <= 2000 * fact("threshold") / capacity,
                PAGE + ": hybrid worst delay " + fact("sim-hybrid-worst-delay-ms") + " ms");
    }

    @Test
    void everyStrategyRowReadsAsItsTimelinesTimesTheOpens() {
        List<Element> rows = PublishedSite.page(PAGE).select("table[data-table=feed.strategies] tbody tr");
        assertEquals(3, rows.size(), PAGE + ": strategies table rows");
        double opens = fact("peak-opens");
        for (Element row : rows) {
            String strategy = row.child(0).text();
            double timelines = Quantities.number(row.child(4).text()).doubleValue();
            double reads = Quantities.number(row.child(5).text()).doubleValue();
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(4).text()), reads / opens),
                    PAGE + " strategies table, " + strategy + ": " + reads + " reads/s over " + opens + " opens is not " + timelines);
            double largest = Quantities.number(row.child(2).text()).doubleValue();
            double delay = Quantities.number(row.child(3).text()).doubleValue();
            assertTrue(delay + 0.0005 >= largest / fact("sim-fanout-capacity"),
                    PAGE + " strategies table, " + strategy + ": a delay of " + delay + " s is shorter than the largest job alone");
        }
    }

    @Test
    void promotingPullFirstHidesNothing() {
        assertEquals(0, fact("hidden-pull-first"), PAGE + ": pull-first promotion hid posts");
        assertTrue(fact("hidden-stop-first") > 0, PAGE + ": the page says stop-first hides posts");
    }
}
