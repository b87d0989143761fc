package feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Twitter-like feed's back-of-envelope. The follower graph is the heavy-tailed model of the fan-out
 * simulation (account r has TOP * r^-s followers), here in closed form: expected values, not samples.
 */
public class FeedEstimate {

    // tag::estimate[]
    // Assumptions, stated once. Rules of thumb are marked as such.
    static final double ACCOUNTS = 300e6;                 // daily active users, one account each
    static final double AVERAGE_FOLLOWS = 200;            // so the average account also has 200 followers
    static final double TOP_FOLLOWERS = 100e6;            // the most-followed account
    static final double PEAK_POSTS_PER_SECOND = 500;
    static final double PEAK_FEED_OPENS_PER_SECOND = 200_000;
    static final double PEAK_TO_AVERAGE = 3;              // rule of thumb (Module 1)
    static final double CELEBRITY_THRESHOLD = 10_000;     // followers; at or above it an account is pulled
    static final double INBOX_POST_IDS = 200;             // post IDs kept per home timeline
    static final double CELEBRITY_RECENT_POSTS = 50;      // recent post IDs cached per celebrity
    static final double POST_ID_BYTES = 8;
    static final double POST_BYTES = 500;                 // text, author, time, counters
    static final double REDIS_OPS_PER_PRIMARY = 100_000;  // rule of thumb (Module 1)
    static final double REDIS_GB_PER_PRIMARY = 64;        // memory a primary can fill (rule of thumb)
    static final double RANKING_BUDGET_MS = 50;
    static final double RANKING_CANDIDATES = 500;
    static final double SECONDS_PER_DAY = 86_400;

    /** Exponent s such that the average of TOP * r^-s over accounts r in [1, N] is AVERAGE_FOLLOWS. */
    static double exponent() {
        double lo = 0.01, hi = 0.99;
        for (int i = 0; i < 100; i++) {
            double s = (lo + hi) / 2;
            if (followersBetween(1, ACCOUNTS, s) / (ACCOUNTS - 1) > AVERAGE_FOLLOWS) {
                lo = s;
            } else {
                hi = s;
            }
        }
        return (lo + hi) / 2;
    }

    /** Followers of all accounts ranked a..b: the integral of TOP * r^-s. */
    static double followersBetween(double a, double b, double s) {
        return TOP_FOLLOWERS * (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
    }

    static final double S = exponent();

    /** Rank of the last account with at least t followers: the number of celebrities. */
    static double accountsWithAtLeast(double t) {
        return Math.pow(TOP_FOLLOWERS / t, 1 / S);
    }

    /** Share of all follow edges that point at accounts with at least t followers. */
    static double edgeShareAbove(double t) {
        return followersBetween(1, accountsWithAtLeast(t), S) / followersBetween(1, ACCOUNTS, S);
    }

    /** Inbox inserts per second if authors are drawn uniformly and accounts below t are pushed. */
    static double hybridInsertsPerSecond(double t) {
        double r = accountsWithAtLeast(t);
        return PEAK_POSTS_PER_SECOND * followersBetween(r, ACCOUNTS, S) / (ACCOUNTS - 1);
    }

    /** Timelines read per feed open: the inbox plus every celebrity followed. */
    static double hybridTimelinesPerOpen(double t) {
        return 1 + AVERAGE_FOLLOWS * edgeShareAbove(t);
    }

    public static void main(String[] args) {
        double t = CELEBRITY_THRESHOLD;
        System.out.printf("Follower tail     s = %.3f; median account %.0f followers; %,.0f accounts at %,.0f+%n", S,
                TOP_FOLLOWERS * Math.pow(ACCOUNTS / 2, -S), accountsWithAtLeast(t), t);
        System.out.printf("Push              %,.0f posts/s x %.0f followers = %,.0f inserts/s (uniform authors)%n",
                PEAK_POSTS_PER_SECOND, AVERAGE_FOLLOWS, PEAK_POSTS_PER_SECOND * AVERAGE_FOLLOWS);
        System.out.printf("Hybrid writes     %,.0f inserts/s: celebrities hold %.1f%% of follow edges%n",
                hybridInsertsPerSecond(t), 100 * edgeShareAbove(t));
        System.out.printf("Hybrid reads      %.1f timelines per open = %,.0f reads/s at peak%n", hybridTimelinesPerOpen(t),
                hybridTimelinesPerOpen(t) * PEAK_FEED_OPENS_PER_SECOND);
        System.out.printf("Celebrity cache   %,.0f accounts x %.0f IDs x %.0f B = %.0f MB per timeline server%n",
                accountsWithAtLeast(t), CELEBRITY_RECENT_POSTS, POST_ID_BYTES, celebrityCacheBytes() / 1e6);
        System.out.printf("Home timelines    %,.0f x %.0f IDs x %.0f B = %,.0f GB -> %d Redis primaries by memory%n",
                ACCOUNTS, INBOX_POST_IDS, POST_ID_BYTES, timelineBytes() / 1e9, primariesForMemory());
        System.out.printf("Posts per day     %,.0f at the peak rate all day; %,.0f at the average%n",
                PEAK_POSTS_PER_SECOND * SECONDS_PER_DAY, averagePostsPerDay());
        System.out.printf("Post storage      %.1f GB/day, %.2f TB/year at the average (%.1f GB, %.2f TB at peak all day)%n",
                averagePostsPerDay() * POST_BYTES / 1e9, averagePostsPerDay() * POST_BYTES * 365 / 1e12,
                PEAK_POSTS_PER_SECOND * SECONDS_PER_DAY * POST_BYTES / 1e9,
                PEAK_POSTS_PER_SECOND * SECONDS_PER_DAY * POST_BYTES * 365 / 1e12);
        System.out.printf("Ranking           %.0f ms for %.0f candidates = %.0f us each%n", RANKING_BUDGET_MS,
                RANKING_CANDIDATES, 1000 * RANKING_BUDGET_MS / RANKING_CANDIDATES);
    }

    static double celebrityCacheBytes() {
        return accountsWithAtLeast(CELEBRITY_THRESHOLD) * CELEBRITY_RECENT_POSTS * POST_ID_BYTES;
    }

    static double timelineBytes() {
        return ACCOUNTS * INBOX_POST_IDS * POST_ID_BYTES;
    }

    static int primariesForMemory() {
        return (int) Math.ceil(timelineBytes() / 1e9 / REDIS_GB_PER_PRIMARY);
    }

    static double averagePostsPerDay() {
        return PEAK_POSTS_PER_SECOND / PEAK_TO_AVERAGE * SECONDS_PER_DAY;
    }

    // end::estimate[]

    public static Map<String, Object> facts() {
        double t = CELEBRITY_THRESHOLD;
        double r = accountsWithAtLeast(t);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("accounts", ACCOUNTS);
        f.put("follows", AVERAGE_FOLLOWS);
        f.put("top-followers", TOP_FOLLOWERS);
        f.put("peak-posts", PEAK_POSTS_PER_SECOND);
        f.put("peak-opens", PEAK_FEED_OPENS_PER_SECOND);
        f.put("peak-factor", PEAK_TO_AVERAGE);
        f.put("threshold", t);
        f.put("inbox-ids", INBOX_POST_IDS);
        f.put("celebrity-recent", CELEBRITY_RECENT_POSTS);
        f.put("id-bytes", POST_ID_BYTES);
        f.put("post-bytes", POST_BYTES);
        f.put("redis-ops-per-primary", REDIS_OPS_PER_PRIMARY);
        f.put("redis-gb-per-primary", REDIS_GB_PER_PRIMARY);
        f.put("exponent", S);
        f.put("median-followers", TOP_FOLLOWERS * Math.pow(ACCOUNTS / 2, -S));
        f.put("celebrities", r);
        f.put("celebrity-share-of-accounts", r / ACCOUNTS);
        f.put("celebrity-edge-share", edgeShareAbove(t));
        f.put("push-inserts", PEAK_POSTS_PER_SECOND * AVERAGE_FOLLOWS);
        f.put("hybrid-inserts", hybridInsertsPerSecond(t));
        f.put("normal-average-followers", followersBetween(r, ACCOUNTS, S) / (ACCOUNTS - r));
        f.put("hybrid-timelines", hybridTimelinesPerOpen(t));
        f.put("hybrid-celebrity-reads", (hybridTimelinesPerOpen(t) - 1) * PEAK_FEED_OPENS_PER_SECOND);
        f.put("pull-reads", AVERAGE_FOLLOWS * PEAK_FEED_OPENS_PER_SECOND);
        f.put("celebrity-cache-bytes", celebrityCacheBytes());
        f.put("timeline-bytes", timelineBytes());
        f.put("timeline-primaries", primariesForMemory());
        f.put("inbox-read-primaries", Math.ceil(PEAK_FEED_OPENS_PER_SECOND / REDIS_OPS_PER_PRIMARY));
        f.put("posts-per-day-peak-all-day", PEAK_POSTS_PER_SECOND * SECONDS_PER_DAY);
        f.put("posts-per-day", averagePostsPerDay());
        f.put("post-bytes-per-day-peak-all-day", PEAK_POSTS_PER_SECOND * SECONDS_PER_DAY * POST_BYTES);
        f.put("post-bytes-per-year-peak-all-day", PEAK_POSTS_PER_SECOND * SECONDS_PER_DAY * POST_BYTES * 365);
        f.put("post-bytes-per-day", averagePostsPerDay() * POST_BYTES);
        f.put("post-bytes-per-year", averagePostsPerDay() * POST_BYTES * 365);
        f.put("ranking-budget-ms", RANKING_BUDGET_MS);
        f.put("ranking-candidates", RANKING_CANDIDATES);
        f.put("ranking-us-per-candidate", 1000 * RANKING_BUDGET_MS / RANKING_CANDIDATES);
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> curve = new ArrayList<>();
        for (double exp = 0; exp <= Math.log10(ACCOUNTS) + 1e-9; exp += 0.1) {
            double rank = Math.pow(10, exp);
            curve.add(List.of(Double.parseDouble(String.format("%.4g", rank)),
                    Double.parseDouble(String.format("%.4g", TOP_FOLLOWERS * Math.pow(rank, -S)))));
        }
        double celebrities = accountsWithAtLeast(CELEBRITY_THRESHOLD);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 80, "right", 30, "top", 50, "bottom", 50));
        option.put("xAxis", Map.of("type", "log", "name", "account rank, 1 = most followed (log scale)",
                "nameLocation", "middle", "nameGap", 30));
        option.put("yAxis", Map.of("type", "log", "name", "followers (log scale)"));
        option.put("series", List.of(
                Map.of("type", "line", "name", "followers of the account at each rank", "showSymbol", false, "data", curve),
                Map.of("type", "line", "name", "celebrity threshold", "showSymbol", false, "lineStyle", Map.of("type", "dashed"),
                        "data", List.of(List.of(1.0, CELEBRITY_THRESHOLD), List.of((double) Math.round(celebrities),
                                CELEBRITY_THRESHOLD)))));
        return Map.of("followers", option);
    }
}
