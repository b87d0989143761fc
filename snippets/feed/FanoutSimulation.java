package feed;
// run: timeout=15s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Push, pull and hybrid fan-out on a follower graph with a heavy tail. Account number r (1 = the most
 * followed) has TOP_FOLLOWERS * r^-s followers, with the exponent s fitted so that the average account
 * has AVERAGE_FOLLOWERS; follow edges land on accounts in proportion to their follower counts. Ten
 * minutes of peak posting (plus one post by the most-followed account) go through a fan-out queue of
 * fixed capacity; sampled feed opens count the timelines each one must read.
 */
public class FanoutSimulation {

    static final double ACCOUNTS = 300e6;
    static final double AVERAGE_FOLLOWERS = 200;            // = average accounts followed
    static final double TOP_FOLLOWERS = 100e6;              // the most-followed account
    static final double POSTS_PER_SECOND = 500;             // peak; authors drawn uniformly from all accounts
    static final double FEED_OPENS_PER_SECOND = 200_000;    // peak
    static final double FANOUT_INSERTS_PER_SECOND = 1e6;    // 10 Redis primaries at 100k ops/s (rule of thumb)
    static final int SECONDS = 600;
    static final int CELEBRITY_POST_AT = 60;                // the most-followed account posts once, here
    static final int READERS = 4_000;                       // sampled feed opens
    static final double DEFAULT_THRESHOLD = 10_000;
    static final long SEED = 7;

    // tag::graph[]
    /** The exponent s for which the average of TOP * r^-s over r in [1, N] is AVERAGE_FOLLOWERS. */
    static double exponent() {
        double lo = 0.01, hi = 0.99;
        for (int i = 0; i < 100; i++) {
            double s = (lo + hi) / 2;
            double mean = TOP_FOLLOWERS * (Math.pow(ACCOUNTS, 1 - s) - 1) / ((1 - s) * (ACCOUNTS - 1));
            if (mean > AVERAGE_FOLLOWERS) {
                lo = s;             // too flat: steepen the tail
            } else {
                hi = s;
            }
        }
        return (lo + hi) / 2;
    }

    static final double S = exponent();

    static double followers(double rank) {
        return TOP_FOLLOWERS * Math.pow(rank, -S);
    }

    /** The author of a post: any account, equally likely. */
    static double randomAuthor(Random random) {
        return 1 + random.nextDouble() * (ACCOUNTS - 1);
    }

    /** The target of a follow edge: accounts drawn in proportion to their followers (inverse CDF of r^-s). */
    static double randomFollowee(Random random) {
        double top = Math.pow(ACCOUNTS, 1 - S) - 1;
        return Math.pow(1 + random.nextDouble() * top, 1 / (1 - S));
    }
    // end::graph[]

    record Post(double time, double followers, boolean injected) {
    }

    private static List<Post> posts;
    private static double[] followeeFollowers;   // READERS x AVERAGE_FOLLOWERS sampled follow edges

    static synchronized void sample() {
        if (posts != null) {
            return;
        }
        Random random = new Random(SEED);
        posts = new ArrayList<>();
        int perSecond = (int) POSTS_PER_SECOND;
        for (int second = 0; second < SECONDS; second++) {
            for (int i = 0; i < perSecond; i++) {
                posts.add(new Post(second + (double) i / perSecond, followers(randomAuthor(random)), false));
            }
            if (second == CELEBRITY_POST_AT) {
                posts.add(new Post(second + 0.5, followers(1), true));
            }
        }
        posts.sort((a, b) -> Double.compare(a.time(), b.time()));
        int follows = (int) AVERAGE_FOLLOWERS;
        followeeFollowers = new double[READERS * follows];
        for (int i = 0; i < followeeFollowers.length; i++) {
            followeeFollowers[i] = followers(randomFollowee(random));
        }
    }

    // tag::strategies[]
    record Outcome(double threshold, double insertsPerSecond, double largestFanout, double worstDelaySeconds,
                   double p99DelaySeconds, double timelinesPerOpen) {
        double readsPerSecond() {
            return timelinesPerOpen * FEED_OPENS_PER_SECOND;
        }
    }

    /**
     * Accounts with at least `threshold` followers are pulled at read time; the rest are pushed to every
     * follower's inbox. Infinity is pure push; zero is pure pull.
     */
    static Outcome run(double threshold) {
        sample();
        double inserts = 0, largest = 0, backlog = 0, previous = 0;
        double[] delays = new double[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            backlog = Math.max(0, backlog - FANOUT_INSERTS_PER_SECOND * (p.time() - previous));
            previous = p.time();
            double work = p.followers() < threshold ? Math.round(p.followers()) : 0;   // pulled posts cost no inserts
            backlog += work;
            inserts += work;
            largest = Math.max(largest, work);
            delays[i] = work == 0 ? 0 : backlog / FANOUT_INSERTS_PER_SECOND;   // FIFO: wait for everything queued before it
        }
        Arrays.sort(delays);
        double pulled = 0;
        for (double f : followeeFollowers) {
            if (f >= threshold) {
                pulled++;
            }
        }
        double inboxReads = threshold > 0 ? 1 : 0;
        return new Outcome(threshold, inserts / SECONDS, largest, delays[delays.length - 1],
                delays[(int) Math.floor(0.99 * (delays.length - 1))], inboxReads + pulled / READERS);
    }
    // end::strategies[]

    static void print(String name, Outcome o) {
        System.out.printf("%-16s %,13.0f %,13.0f %9.3f s %9.3f s %9.1f %,14.0f%n", name, o.insertsPerSecond(),
                o.largestFanout(), o.worstDelaySeconds(), o.p99DelaySeconds(), o.timelinesPerOpen(), o.readsPerSecond());
    }

    public static void main(String[] args) {
        System.out.printf("Follower exponent s = %.3f; median account has %.0f followers; %,.0f accounts have 10,000+%n",
                S, followers(ACCOUNTS / 2), Math.pow(TOP_FOLLOWERS / DEFAULT_THRESHOLD, 1 / S));
        System.out.printf("%d s at %.0f posts/s, fan-out capacity %,.0f inserts/s, the top account posts at t = %d s%n",
                SECONDS, POSTS_PER_SECOND, FANOUT_INSERTS_PER_SECOND, CELEBRITY_POST_AT);
        System.out.println("strategy          inserts/s avg  largest post  worst delay  p99 delay  timelines/open   reads/s");
        print("push", run(Double.POSITIVE_INFINITY));
        print("hybrid (10,000)", run(DEFAULT_THRESHOLD));
        print("pull", run(0));
        System.out.printf("push without the top account's post: %,.0f inserts/s%n", pushInsertsFromRandomAuthors());
    }

    /** The push average over the random stream alone, which should be POSTS_PER_SECOND x AVERAGE_FOLLOWERS. */
    static double pushInsertsFromRandomAuthors() {
        sample();
        return posts.stream().filter(p -> !p.injected()).mapToDouble(p -> Math.round(p.followers())).sum() / SECONDS;
    }

    static final double[] SWEEP = sweep();

    static double[] sweep() {
        List<Double> t = new ArrayList<>();
        for (double exp = 2; exp <= 8.5001; exp += 0.25) {   // past 10^8 the top account is pushed too
            t.add(Math.pow(10, exp));
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static Map<String, Object> facts() {
        Outcome push = run(Double.POSITIVE_INFINITY), hybrid = run(DEFAULT_THRESHOLD), pull = run(0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sim-seconds", SECONDS);
        f.put("sim-accounts", ACCOUNTS);
        f.put("sim-average-followers", AVERAGE_FOLLOWERS);
        f.put("sim-top-followers", TOP_FOLLOWERS);
        f.put("sim-posts-per-second", POSTS_PER_SECOND);
        f.put("sim-opens-per-second", FEED_OPENS_PER_SECOND);
        f.put("sim-threshold", DEFAULT_THRESHOLD);
        f.put("sim-readers", READERS);
        f.put("sim-fanout-capacity", FANOUT_INSERTS_PER_SECOND);
        f.put("sim-celebrity-post-at", CELEBRITY_POST_AT);
        f.put("sim-exponent", S);
        f.put("sim-push-inserts", push.insertsPerSecond());
        f.put("sim-push-inserts-random", pushInsertsFromRandomAuthors());
        f.put("sim-hybrid-worst-delay-ms", hybrid.worstDelaySeconds() * 1000);
        f.put("sim-push-largest", push.largestFanout());
        f.put("sim-push-worst-delay", push.worstDelaySeconds());
        f.put("sim-push-p99-delay", push.p99DelaySeconds());
        f.put("sim-hybrid-inserts", hybrid.insertsPerSecond());
        f.put("sim-hybrid-largest", hybrid.largestFanout());
        f.put("sim-hybrid-timelines", hybrid.timelinesPerOpen());
        f.put("sim-hybrid-reads", hybrid.readsPerSecond());
        f.put("sim-pull-timelines", pull.timelinesPerOpen());
        f.put("sim-pull-reads", pull.readsPerSecond());
        Outcome lowest = run(SWEEP[0]), million = run(1_000_000);
        f.put("sweep-lowest-threshold", SWEEP[0]);
        f.put("sweep-lowest-delay-ms", lowest.worstDelaySeconds() * 1000);
        f.put("sweep-lowest-timelines", lowest.timelinesPerOpen());
        f.put("sweep-lowest-reads", lowest.readsPerSecond());
        f.put("sweep-lowest-inserts", lowest.insertsPerSecond());
        f.put("sweep-million-delay", million.worstDelaySeconds());
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Strategy", "Inbox inserts per second", "Largest single fan-out", "Worst fan-out delay",
                "Timelines read per feed open", "Timeline reads per second"));
        Object[][] strategies = {{"Push (fan-out on write)", Double.POSITIVE_INFINITY},
                {"Hybrid, threshold 10,000", DEFAULT_THRESHOLD}, {"Pull (fan-out on read)", 0.0}};
        for (Object[] s : strategies) {
            Outcome o = run((Double) s[1]);
            rows.add(List.of((String) s[0], String.format("%,.0f", o.insertsPerSecond()),
                    String.format("%,.0f", o.largestFanout()), String.format("%.3f s", o.worstDelaySeconds()),
                    String.format("%.2f", o.timelinesPerOpen()), String.format("%,.0f", o.readsPerSecond())));
        }
        return Map.of("strategies", rows);
    }

    public static Map<String, Object> charts() {
        List<List<Double>> delay = new ArrayList<>();
        List<List<Double>> timelines = new ArrayList<>();
        List<List<Double>> inserts = new ArrayList<>();
        List<List<Double>> reads = new ArrayList<>();
        for (double t : SWEEP) {
            Outcome o = run(t);
            double x = Math.round(t);
            delay.add(List.of(x, Math.max(round(o.worstDelaySeconds()), 1e-4)));
            timelines.add(List.of(x, round(o.timelinesPerOpen())));
            inserts.add(List.of(x, (double) Math.round(o.insertsPerSecond())));
            reads.add(List.of(x, (double) Math.round(o.readsPerSecond())));
        }
        Map<String, Object> tradeOff = new LinkedHashMap<>();
        tradeOff.put("tooltip", Map.of("trigger", "axis"));
        tradeOff.put("legend", Map.of("top", 0));
        tradeOff.put("grid", Map.of("left", 70, "right", 80, "top", 50, "bottom", 50));
        tradeOff.put("xAxis", Map.of("type", "log", "name", "celebrity threshold: followers (log scale)",
                "nameLocation", "middle", "nameGap", 30));
        tradeOff.put("yAxis", List.of(
                Map.of("type", "log", "name", "worst fan-out delay, s (log)"),
                Map.of("type", "log", "name", "timelines read per open (log)")));
        tradeOff.put("series", List.of(
                Map.of("type", "line", "name", "worst fan-out delay (write side)", "data", delay),
                Map.of("type", "line", "name", "timelines read per feed open (read side)", "yAxisIndex", 1, "data", timelines)));

        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("tooltip", Map.of("trigger", "axis"));
        cost.put("legend", Map.of("top", 0));
        cost.put("grid", Map.of("left", 80, "right", 30, "top", 50, "bottom", 50));
        cost.put("xAxis", Map.of("type", "log", "name", "celebrity threshold: followers (log scale)",
                "nameLocation", "middle", "nameGap", 30));
        cost.put("yAxis", Map.of("type", "log", "name", "operations per second at peak (log)"));
        cost.put("series", List.of(
                Map.of("type", "line", "name", "inbox inserts (writes)", "data", inserts),
                Map.of("type", "line", "name", "timeline reads", "data", reads)));
        return Map.of("threshold-trade-off", tradeOff, "threshold-cost", cost);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
