package qa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Q&A study's back-of-envelope: traffic, the edge cache, database and search load, storage,
 * votes and the viral question, all from the assumptions at the top. The edge cache is computed in
 * closed form and then simulated request by request, to show the trade-off between a longer TTL
 * (less origin load) and staler pages.
 */
public class QaEnvelope {

    // tag::assumptions[]
    // Traffic: the widely quoted figures.
    static final double PAGE_VIEWS_PER_MONTH = 2e9;
    static final double DAYS_PER_MONTH = 30;
    static final double QUOTED_PEAK_RPS = 700;          // the widely repeated "700 RPS peak reads"
    static final double PEAK_TO_AVERAGE = 2;            // rule of thumb; Module 1 uses 2 to 5
    static final double ANONYMOUS_SHARE = 0.95;         // anonymous, mostly from web search
    static final double MONTHLY_ACTIVE_USERS = 100e6;
    static final double REGISTERED_USERS = 20e6;

    // Content and writes.
    static final double QUESTIONS = 25e6;
    static final double ANSWERS = 50e6;
    static final double QUESTION_BYTES = 5_000;
    static final double ANSWER_BYTES = 2_000;
    static final double QUESTIONS_PER_DAY = 25_000;
    static final double ANSWERS_PER_DAY = 100_000;
    static final double VOTES_PER_NEW_POST = 2;         // assumption: votes a day = 2 x posts
    static final double VOTE_ROW_BYTES = 40;            // ids, type, time, amount, index share

    // Edge cache: every question page is one cacheable URL; popularity falls as 1/rank.
    static final double EDGE_TTL_SECONDS = 60;
    static final int POINTS_OF_PRESENCE = 50;           // CDN sites, each fetching on its own
    static final double LONG_TTL_SECONDS = 3_600;       // the alternative: long TTL plus purges

    // Published by Stack Overflow for 9 February 2016 (Nick Craver's architecture post).
    static final double SO_PAGE_LOADS_PER_DAY = 66_294_789;
    static final double SO_SQL_QUERIES_PER_DAY = 504_816_843;  // from HTTP requests alone
    static final double SO_SEARCHES_PER_DAY = 17_158_874;

    // The viral question, and a rule of thumb for scans.
    static final double VIRAL_CONCURRENT_VIEWERS = 50_000;
    static final double VIRAL_SECONDS_ON_PAGE = 180;
    static final double SCAN_BYTES_PER_SECOND = 1e9;   // sequential SSD read: 1 MB per ms
    // end::assumptions[]

    static final double SECONDS_PER_DAY = 86_400;

    // tag::traffic[]
    static final double VIEWS_PER_DAY = PAGE_VIEWS_PER_MONTH / DAYS_PER_MONTH;
    static final double AVERAGE_VIEWS_PER_S = VIEWS_PER_DAY / SECONDS_PER_DAY;
    static final double PEAK_VIEWS_PER_S = AVERAGE_VIEWS_PER_S * PEAK_TO_AVERAGE;
    static final double PEAK_ANONYMOUS_PER_S = PEAK_VIEWS_PER_S * ANONYMOUS_SHARE;
    static final double PEAK_LOGGED_IN_PER_S = PEAK_VIEWS_PER_S - PEAK_ANONYMOUS_PER_S;

    static final double POSTS_PER_DAY = QUESTIONS_PER_DAY + ANSWERS_PER_DAY;
    static final double VOTES_PER_DAY = VOTES_PER_NEW_POST * POSTS_PER_DAY;
    /** Chance that a view is followed by a visible change to the page: a vote or an answer. */
    static final double CHANGES_PER_VIEW = (VOTES_PER_DAY + ANSWERS_PER_DAY) / VIEWS_PER_DAY;

    static final double SQL_PER_PAGE_LOAD = SO_SQL_QUERIES_PER_DAY / SO_PAGE_LOADS_PER_DAY;
    static final double SEARCHES_PER_PAGE_LOAD = SO_SEARCHES_PER_DAY / SO_PAGE_LOADS_PER_DAY;
    // end::traffic[]

    // tag::edge-model[]
    /** Rank r's share of views: ln(1 + 1/r) / ln(N + 1), which is 1/rank within 1/(2r). */
    static double share(double rank) {
        return Math.log1p(1 / rank) / Math.log(QUESTIONS + 1);
    }

    /** Per page, with views at rate λ, a TTL of T and a change after a fraction w of views. */
    record PageRates(double misses, double staleHits) {
    }

    static PageRates page(double lambda, double ttl, double w, boolean purgeOnChange) {
        if (purgeOnChange) {
            // A copy lives until it expires or a change evicts it; the next view misses.
            double cachedSeconds = (1 - w) * -Math.expm1(-lambda * w * ttl) / (lambda * w);
            return new PageRates(1 / (cachedSeconds + 1 / lambda), 0);
        }
        // A cycle: one miss, then on average λT hits until the copy expires.
        double cycleSeconds = ttl + 1 / lambda;
        // A hit at age a is stale if a change followed any earlier view of this copy.
        double staleHitsPerCycle = lambda * ttl - (1 - w) * -Math.expm1(-lambda * w * ttl) / w;
        return new PageRates(1 / cycleSeconds, staleHitsPerCycle / cycleSeconds);
    }

    /** Misses and stale hits a second over all questions: top ranks one by one, then in bands. */
    static PageRates edge(double anonymousPerS, double ttl, double w, boolean purgeOnChange) {
        double misses = 0;
        double stale = 0;
        for (int r = 1; r <= 20_000; r++) {
            PageRates p = page(anonymousPerS * share(r), ttl, w, purgeOnChange);
            misses += p.misses();
            stale += p.staleHits();
        }
        for (double a = 20_001; a <= QUESTIONS; ) {          // bands of ranks [a, b), 0.2 % wide
            double b = Math.min(QUESTIONS + 1, Math.ceil(a * 1.002));
            double count = b - a;
            double bandShare = Math.log(b / a) / Math.log(QUESTIONS + 1);   // exact: shares telescope
            PageRates p = page(anonymousPerS * bandShare / count, ttl, w, purgeOnChange);
            misses += count * p.misses();
            stale += count * p.staleHits();
            a = b;
        }
        return new PageRates(misses, stale);
    }
    // end::edge-model[]

    // tag::edge-sim[]
    /** What a run measured, over the measured window only. */
    record Measured(boolean purge, double ttl, long views, long misses, long staleHits,
                    double seconds) {
        double hitRatio() {
            return 1 - (double) misses / views;
        }

        double originPerS() {
            return misses / seconds + PEAK_LOGGED_IN_PER_S;   // logged-in views all reach the origin
        }

        double staleShare() {
            return (double) staleHits / views;
        }
    }

    /**
     * Anonymous views arrive at the peak rate (Poisson), each for a question drawn by popularity;
     * the edge keeps each page for ttl seconds. After a fraction w of views the page changes (a vote
     * or an answer); with purgeOnChange the change also evicts the edge copy. Warm up, then measure.
     */
    static Measured simulate(double ttl, boolean purgeOnChange, double measureSeconds,
                             long seed) {
        Random random = new Random(seed);
        EdgeTable edge = new EdgeTable(1 << 20);
        double logN = Math.log(QUESTIONS + 1);
        double warmUp = 2 * ttl;
        double now = 0;
        long views = 0, misses = 0, stale = 0;
        while (now < warmUp + measureSeconds) {
            now += -Math.log(1 - random.nextDouble()) / PEAK_ANONYMOUS_PER_S;
            double u = random.nextDouble();
            int question = (int) Math.min(QUESTIONS, Math.floor(Math.exp(u * logN)));  // rank
            int slot = edge.slot(question);
            boolean miss = !edge.cached(slot) || now - edge.fetchedAt[slot] >= ttl;
            boolean measured = now >= warmUp;
            if (miss) {
                edge.fetch(slot, now);
            } else if (measured && edge.copyVersion[slot] < edge.version[slot]) {
                stale++;
            }
            if (measured) {
                views++;
                misses += miss ? 1 : 0;
            }
            if (random.nextDouble() < CHANGES_PER_VIEW) {     // this reader votes or answers
                edge.version[slot]++;
                if (purgeOnChange) {
                    edge.fetchedAt[slot] = Double.NEGATIVE_INFINITY;
                }
            }
        }
        return new Measured(purgeOnChange, ttl, views, misses, stale, measureSeconds);
    }

    // end::edge-sim[]

    /** Open addressing from question id to its edge copy: when fetched, which version. */
    static final class EdgeTable {
        final int[] keys;
        final double[] fetchedAt;
        final int[] copyVersion;
        final int[] version;

        EdgeTable(int capacity) {
            keys = new int[capacity];
            fetchedAt = new double[capacity];
            copyVersion = new int[capacity];
            version = new int[capacity];
            Arrays.fill(fetchedAt, Double.NEGATIVE_INFINITY);
        }

        int slot(int question) {
            int mask = keys.length - 1;
            int i = (question * 0x9E3779B9) >>> 11 & mask;
            while (keys[i] != 0 && keys[i] != question) {
                i = (i + 1) & mask;
            }
            keys[i] = question;
            return i;
        }

        boolean cached(int slot) {
            return fetchedAt[slot] != Double.NEGATIVE_INFINITY;
        }

        void fetch(int slot, double now) {
            fetchedAt[slot] = now;
            copyVersion[slot] = version[slot];
        }
    }

    static final double[] SIMULATED_TTLS = {10, 60};
    static final double MEASURE_SECONDS = 60;

    private static List<Measured> runs;

    static synchronized List<Measured> runs() {
        if (runs == null) {
            List<Measured> all = new ArrayList<>();
            long seed = 11;
            for (boolean purge : new boolean[] {false, true}) {
                for (double ttl : SIMULATED_TTLS) {
                    all.add(simulate(ttl, purge, MEASURE_SECONDS, seed++));
                }
            }
            runs = all;
        }
        return runs;
    }

    // --- The envelope itself ---------------------------------------------------------------------

    private static Map<String, Double> envelope;

    static synchronized Map<String, Double> envelope() {
        if (envelope != null) {
            return envelope;
        }
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("average-views-per-s", AVERAGE_VIEWS_PER_S);
        e.put("peak-views-per-s", PEAK_VIEWS_PER_S);
        e.put("quoted-over-average", QUOTED_PEAK_RPS / AVERAGE_VIEWS_PER_S);
        e.put("peak-anonymous-per-s", PEAK_ANONYMOUS_PER_S);
        e.put("peak-logged-in-per-s", PEAK_LOGGED_IN_PER_S);
        PageRates atTtl = edge(PEAK_ANONYMOUS_PER_S, EDGE_TTL_SECONDS, CHANGES_PER_VIEW, false);
        e.put("edge-hit-ratio", 1 - atTtl.misses() / PEAK_ANONYMOUS_PER_S);
        e.put("edge-misses-per-s", atTtl.misses());
        e.put("edge-stale-share", atTtl.staleHits() / PEAK_ANONYMOUS_PER_S);
        double origin = atTtl.misses() + PEAK_LOGGED_IN_PER_S;
        e.put("origin-per-s", origin);
        e.put("origin-share-of-views", origin / PEAK_VIEWS_PER_S);
        e.put("edge-outage-factor", PEAK_VIEWS_PER_S / origin);
        e.put("renders-saved-per-decade", PEAK_ANONYMOUS_PER_S / Math.log(QUESTIONS + 1) * Math.log(10));
        e.put("ttl-1s-origin-per-s", edge(PEAK_ANONYMOUS_PER_S, 1, CHANGES_PER_VIEW, false).misses() + PEAK_LOGGED_IN_PER_S);
        PageRates purgeHour = edge(PEAK_ANONYMOUS_PER_S, LONG_TTL_SECONDS, CHANGES_PER_VIEW, true);
        e.put("purge-long-ttl-origin-per-s", purgeHour.misses() + PEAK_LOGGED_IN_PER_S);
        e.put("purge-long-ttl-hit-ratio", 1 - purgeHour.misses() / PEAK_ANONYMOUS_PER_S);
        PageRates ttlHour = edge(PEAK_ANONYMOUS_PER_S, LONG_TTL_SECONDS, CHANGES_PER_VIEW, false);
        e.put("long-ttl-stale-share", ttlHour.staleHits() / PEAK_ANONYMOUS_PER_S);
        e.put("long-ttl-origin-per-s", ttlHour.misses() + PEAK_LOGGED_IN_PER_S);
        e.put("sql-per-page-load", SQL_PER_PAGE_LOAD);
        e.put("db-queries-per-s", origin * SQL_PER_PAGE_LOAD);
        e.put("quoted-db-reads-per-s", (1 - ANONYMOUS_SHARE) * QUOTED_PEAK_RPS);
        e.put("db-over-quoted", origin * SQL_PER_PAGE_LOAD / ((1 - ANONYMOUS_SHARE) * QUOTED_PEAK_RPS));
        e.put("so-page-loads-per-s", SO_PAGE_LOADS_PER_DAY / SECONDS_PER_DAY);
        e.put("so-page-loads-per-month", SO_PAGE_LOADS_PER_DAY * DAYS_PER_MONTH);
        e.put("so-sql-per-s", SO_SQL_QUERIES_PER_DAY / SECONDS_PER_DAY);
        e.put("searches-per-page-load", SEARCHES_PER_PAGE_LOAD);
        e.put("peak-searches-per-s", PEAK_VIEWS_PER_S * SEARCHES_PER_PAGE_LOAD);
        e.put("question-bytes-total", QUESTIONS * QUESTION_BYTES);
        e.put("answer-bytes-total", ANSWERS * ANSWER_BYTES);
        e.put("content-bytes", QUESTIONS * QUESTION_BYTES + ANSWERS * ANSWER_BYTES);
        double growthPerDay = QUESTIONS_PER_DAY * QUESTION_BYTES + ANSWERS_PER_DAY * ANSWER_BYTES;
        e.put("growth-bytes-per-day", growthPerDay);
        e.put("growth-bytes-per-year", growthPerDay * 365);
        e.put("years-of-questions", QUESTIONS / QUESTIONS_PER_DAY / 365);
        e.put("years-of-answers", ANSWERS / ANSWERS_PER_DAY / 365);
        e.put("answers-per-question-stock", ANSWERS / QUESTIONS);
        e.put("answers-per-question-flow", ANSWERS_PER_DAY / QUESTIONS_PER_DAY);
        e.put("votes-per-day", VOTES_PER_DAY);
        e.put("changes-per-view", CHANGES_PER_VIEW);
        e.put("peak-votes-per-s", VOTES_PER_DAY / SECONDS_PER_DAY * PEAK_TO_AVERAGE);
        e.put("peak-writes-per-s", (VOTES_PER_DAY + POSTS_PER_DAY) / SECONDS_PER_DAY * PEAK_TO_AVERAGE);
        double historyDays = QUESTIONS / QUESTIONS_PER_DAY;        // the stock at today's rate
        e.put("vote-history-rows", VOTES_PER_DAY * historyDays);
        e.put("vote-history-bytes", VOTES_PER_DAY * historyDays * VOTE_ROW_BYTES);
        e.put("replay-seconds", VOTES_PER_DAY * historyDays * VOTE_ROW_BYTES / SCAN_BYTES_PER_SECOND);
        double viralViewsPerS = VIRAL_CONCURRENT_VIEWERS / VIRAL_SECONDS_ON_PAGE;  // Little's law
        e.put("viral-views-per-s", viralViewsPerS);
        e.put("viral-origin-ttl-per-s", POINTS_OF_PRESENCE / EDGE_TTL_SECONDS);
        double viralVotesPerS = viralViewsPerS * VOTES_PER_DAY / VIEWS_PER_DAY;
        e.put("viral-votes-per-s", viralVotesPerS);
        e.put("viral-origin-purge-per-s", POINTS_OF_PRESENCE * viralVotesPerS);
        envelope = e;
        return e;
    }

    public static void main(String[] args) {
        Map<String, Double> e = envelope();
        line("Page views", "%,.1f /s average, %,.0f /s at peak (x%.0f); quoted 700 = %.0f%% of average",
                e.get("average-views-per-s"), e.get("peak-views-per-s"), PEAK_TO_AVERAGE,
                100 * e.get("quoted-over-average"));
        line("At peak", "%,.0f /s anonymous, %,.0f /s logged in", e.get("peak-anonymous-per-s"),
                e.get("peak-logged-in-per-s"));
        line("Edge, TTL " + (int) EDGE_TTL_SECONDS + " s", "%.1f%% hits, %,.0f misses/s, %.1f%% of anonymous views stale",
                100 * e.get("edge-hit-ratio"), e.get("edge-misses-per-s"), 100 * e.get("edge-stale-share"));
        line("Origin", "%,.0f renders/s (%.0f%% of all views)", e.get("origin-per-s"),
                100 * e.get("origin-share-of-views"));
        line("Database", "%,.0f queries/s at %.1f per render (quoted: %.0f reads/s)",
                e.get("db-queries-per-s"), SQL_PER_PAGE_LOAD, e.get("quoted-db-reads-per-s"));
        line("Search", "%,.0f queries/s at peak (%.2f per page view)", e.get("peak-searches-per-s"),
                SEARCHES_PER_PAGE_LOAD);
        line("Content", "%s questions + %s answers = %s; grows %s a year", gb(e.get("question-bytes-total")),
                gb(e.get("answer-bytes-total")), gb(e.get("content-bytes")), gb(e.get("growth-bytes-per-year")));
        line("Stock vs rate", "questions = %.1f years of today's rate, answers = %.1f years",
                e.get("years-of-questions"), e.get("years-of-answers"));
        line("Writes at peak", "%.1f /s (%.1f votes/s); vote history %s, replayed in %.0f s",
                e.get("peak-writes-per-s"), e.get("peak-votes-per-s"), gb(e.get("vote-history-bytes")),
                e.get("replay-seconds"));
        line("Viral question", "%,.0f views/s; origin %.2f /s with TTL, %.0f /s purging per vote",
                e.get("viral-views-per-s"), e.get("viral-origin-ttl-per-s"), e.get("viral-origin-purge-per-s"));
        System.out.printf("%nSimulated edge: %.0f s of peak after a warm-up of two TTLs (formula in brackets)%n",
                MEASURE_SECONDS);
        System.out.printf("  %-16s %6s  %-16s %8s  %s%n", "policy", "TTL", "hits", "origin/s", "stale views");
        for (Measured m : runs()) {
            PageRates f = edge(PEAK_ANONYMOUS_PER_S, m.ttl(), CHANGES_PER_VIEW, m.purge());
            System.out.printf("  %-16s %4.0f s  %5.2f%% (%5.2f%%) %8.0f  %5.2f%% (%5.2f%%)%n",
                    m.purge() ? "purge on change" : "TTL only", m.ttl(), 100 * m.hitRatio(),
                    100 * (1 - f.misses() / PEAK_ANONYMOUS_PER_S), m.originPerS(), 100 * m.staleShare(),
                    100 * f.staleHits() / PEAK_ANONYMOUS_PER_S);
        }
    }

    static void line(String label, String format, Object... values) {
        System.out.printf("%-16s%s%n", label, String.format(format, values));
    }

    static String gb(double bytes) {
        return String.format("%,.0f GB", bytes / 1e9);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("page-views-per-month", PAGE_VIEWS_PER_MONTH);
        facts.put("days-per-month", DAYS_PER_MONTH);
        facts.put("quoted-peak-rps", QUOTED_PEAK_RPS);
        facts.put("peak-to-average", PEAK_TO_AVERAGE);
        facts.put("anonymous-share", ANONYMOUS_SHARE);
        facts.put("monthly-active-users", MONTHLY_ACTIVE_USERS);
        facts.put("registered-users", REGISTERED_USERS);
        facts.put("views-per-active-user-month", PAGE_VIEWS_PER_MONTH / MONTHLY_ACTIVE_USERS);
        facts.put("questions", QUESTIONS);
        facts.put("answers", ANSWERS);
        facts.put("question-bytes", QUESTION_BYTES);
        facts.put("answer-bytes", ANSWER_BYTES);
        facts.put("questions-per-day", QUESTIONS_PER_DAY);
        facts.put("answers-per-day", ANSWERS_PER_DAY);
        facts.put("votes-per-new-post", VOTES_PER_NEW_POST);
        facts.put("vote-row-bytes", VOTE_ROW_BYTES);
        facts.put("edge-ttl-s", EDGE_TTL_SECONDS);
        facts.put("points-of-presence", POINTS_OF_PRESENCE);
        facts.put("so-page-loads-per-day", SO_PAGE_LOADS_PER_DAY);
        facts.put("so-sql-queries-per-day", SO_SQL_QUERIES_PER_DAY);
        facts.put("so-searches-per-day", SO_SEARCHES_PER_DAY);
        facts.put("viral-viewers", VIRAL_CONCURRENT_VIEWERS);
        facts.put("viral-seconds-on-page", VIRAL_SECONDS_ON_PAGE);
        facts.put("scan-bytes-per-s", SCAN_BYTES_PER_SECOND);
        facts.putAll(envelope());
        facts.put("sim-measure-s", MEASURE_SECONDS);
        facts.put("long-ttl-s", LONG_TTL_SECONDS);
        for (Measured m : runs()) {
            if (m.ttl() != EDGE_TTL_SECONDS) {
                continue;                      // the page quotes the runs at its own TTL; the table shows the rest
            }
            String key = (m.purge() ? "sim-purge-" : "sim-ttl-") + (int) m.ttl();
            facts.put(key + "-hit-ratio", m.hitRatio());
            facts.put(key + "-origin-per-s", m.originPerS());
            facts.put(key + "-stale-share", m.staleShare());
        }
        return facts;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Policy", "TTL (s)", "Anonymous views measured", "Edge misses", "Stale hits",
                "Hit ratio, simulated", "Hit ratio, formula", "Origin renders/s", "Stale views, simulated",
                "Stale views, formula"));
        for (Measured m : runs()) {
            PageRates f = edge(PEAK_ANONYMOUS_PER_S, m.ttl(), CHANGES_PER_VIEW, m.purge());
            rows.add(List.of(m.purge() ? "purge on change" : "TTL only", String.format("%.0f", m.ttl()),
                    String.format("%,d", m.views()), String.format("%,d", m.misses()), String.format("%,d", m.staleHits()),
                    String.format("%.2f%%", 100 * m.hitRatio()),
                    String.format("%.2f%%", 100 * (1 - f.misses() / PEAK_ANONYMOUS_PER_S)),
                    String.format("%,.0f", m.originPerS()), String.format("%.2f%%", 100 * m.staleShare()),
                    String.format("%.2f%%", 100 * f.staleHits() / PEAK_ANONYMOUS_PER_S)));
        }
        return Map.of("edge-runs", Map.of("rows", rows, "derived", List.of("Hit ratio, simulated",
                "Hit ratio, formula", "Origin renders/s", "Stale views, simulated", "Stale views, formula")));
    }

    public static Map<String, Object> charts() {
        List<List<Double>> ttlOrigin = new ArrayList<>();
        List<List<Double>> purgeOrigin = new ArrayList<>();
        List<List<Double>> stale = new ArrayList<>();
        for (double ttl = 1; ttl <= 86_400 * 1.0001; ttl *= Math.pow(10, 1.0 / 6)) {
            PageRates p = edge(PEAK_ANONYMOUS_PER_S, ttl, CHANGES_PER_VIEW, false);
            PageRates q = edge(PEAK_ANONYMOUS_PER_S, ttl, CHANGES_PER_VIEW, true);
            ttlOrigin.add(List.of(round(ttl, 2), round(p.misses() + PEAK_LOGGED_IN_PER_S, 1)));
            purgeOrigin.add(List.of(round(ttl, 2), round(q.misses() + PEAK_LOGGED_IN_PER_S, 1)));
            stale.add(List.of(round(ttl, 2), round(100 * p.staleHits() / PEAK_ANONYMOUS_PER_S, 2)));
        }
        List<List<Double>> simTtl = new ArrayList<>();
        List<List<Double>> simPurge = new ArrayList<>();
        for (Measured m : runs()) {
            (m.purge() ? simPurge : simTtl).add(List.of(m.ttl(), round(m.originPerS(), 1)));
        }
        return Map.of("edge-ttl", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 70, "top", 80, "bottom", 55),
                "xAxis", Map.of("type", "log", "name", "edge TTL, seconds (log scale)", "nameLocation", "middle",
                        "nameGap", 32, "min", 1, "max", 86_400),
                "yAxis", List.of(
                        Map.of("type", "value", "name", "origin renders/s at peak", "min", 0),
                        Map.of("type", "value", "name", "stale anonymous views, %", "min", 0, "max", 100)),
                "series", List.of(
                        Map.of("type", "line", "name", "origin, TTL only", "data", ttlOrigin, "showSymbol", false),
                        Map.of("type", "line", "name", "origin, purge on change", "data", purgeOrigin,
                                "showSymbol", false),
                        Map.of("type", "line", "name", "stale views %, TTL only", "yAxisIndex", 1, "data", stale,
                                "showSymbol", false, "lineStyle", Map.of("type", "dashed")),
                        Map.of("type", "scatter", "name", "simulated, TTL only", "data", simTtl, "symbolSize", 10),
                        Map.of("type", "scatter", "name", "simulated, purge on change", "data", simPurge,
                                "symbol", "diamond", "symbolSize", 12))));
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
