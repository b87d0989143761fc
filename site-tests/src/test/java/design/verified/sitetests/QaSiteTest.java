package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Q&A case study's numbers, recomputed from what the page states: the traffic, edge-cache,
 * database, storage and viral-question arithmetic from the assumptions; the edge model summed over
 * every question rank; reputation replayed from the rules table; drift, flag priorities and SLA
 * breaches from their tables; posting lists and their union from the questions table; the search
 * re-ranking from BM25, reputation and age.
 */
class QaSiteTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/qa-site.html", "qa");

    /** A table's rows as maps from column name to cell text, selected by {@code table[data-table=qa.name]}. */
    private static List<Map<String, String>> table(String selector) {
        Element table = PAGE.doc().selectFirst(selector);
        assertNotNull(table, PAGE + ": no " + selector);
        String name = table.attr("data-table");
        List<String> header = table.select("thead th").eachText();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Element tr : table.select("tbody tr")) {
            List<String> cells = tr.select("td").stream().map(Element::text).toList();  // eachText() drops empty cells
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        assertFalse(rows.isEmpty(), PAGE + ": table " + name + " has no rows");
        return rows;
    }

    /** "1,000", "+208", "−2", "50.19%" as numbers. */
    private static double number(String cell) {
        return Double.parseDouble(cell.replace("−", "-").replace("+", "").replace(",", "").replace("%", "").strip());
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)),
                PAGE + ", " + what + ": page has " + actual + " but the arithmetic gives " + expected);
    }

    private static void assertRounded(String cell, double exact, String where) {
        String shown = cell.replace("−", "-").replace("+", "").replace("%", "").strip();
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(shown), exact),
                PAGE + ", " + where + ": shows '" + cell + "' but the arithmetic gives " + exact);
    }

    // --- Traffic, database, storage, writes, the viral question -----------------------------------

    @Test
    void trafficFiguresFollowFromTheStatedAssumptions() {
        double viewsPerDay = PAGE.fact("page-views-per-month") / PAGE.fact("days-per-month");
        double average = viewsPerDay / 86_400;
        double peak = average * PAGE.fact("peak-to-average");
        double anonymous = peak * PAGE.fact("anonymous-share");
        assertClose(average, PAGE.fact("average-views-per-s"), "average views a second");
        assertClose(peak, PAGE.fact("peak-views-per-s"), "peak views a second");
        assertClose(anonymous, PAGE.fact("peak-anonymous-per-s"), "peak anonymous views");
        assertClose(peak - anonymous, PAGE.fact("peak-logged-in-per-s"), "peak logged-in views");
        assertClose(PAGE.fact("quoted-peak-rps") / average, PAGE.fact("quoted-over-average"), "700 against the average");
        assertTrue(PAGE.fact("quoted-over-average") < 1, PAGE + " says 700 RPS is below the average; it is not");
        assertClose(PAGE.fact("page-views-per-month") / PAGE.fact("monthly-active-users"), PAGE.fact("views-per-active-user-month"),
                "views per active user");
    }

    @Test
    void databaseSearchStorageAndWritesFollowFromTheAssumptions() {
        double peak = PAGE.fact("peak-views-per-s");
        double sqlPerLoad = PAGE.fact("so-sql-queries-per-day") / PAGE.fact("so-page-loads-per-day");
        assertClose(sqlPerLoad, PAGE.fact("sql-per-page-load"), "SQL queries per page load");
        assertClose(PAGE.fact("origin-per-s") * sqlPerLoad, PAGE.fact("db-queries-per-s"), "database queries a second");
        double quoted = (1 - PAGE.fact("anonymous-share")) * PAGE.fact("quoted-peak-rps");
        assertClose(quoted, PAGE.fact("quoted-db-reads-per-s"), "the quoted 5 % × 700");
        assertClose(PAGE.fact("db-queries-per-s") / quoted, PAGE.fact("db-over-quoted"), "database queries over the quoted figure");
        assertClose(PAGE.fact("so-sql-queries-per-day") / 86_400, PAGE.fact("so-sql-per-s"), "Stack Overflow's SQL queries a second");
        assertClose(PAGE.fact("so-page-loads-per-day") / 86_400, PAGE.fact("so-page-loads-per-s"), "Stack Overflow's page loads a second");
        assertClose(PAGE.fact("so-page-loads-per-day") * PAGE.fact("days-per-month"), PAGE.fact("so-page-loads-per-month"),
                "Stack Overflow's page loads a month");
        double searchesPerLoad = PAGE.fact("so-searches-per-day") / PAGE.fact("so-page-loads-per-day");
        assertClose(searchesPerLoad, PAGE.fact("searches-per-page-load"), "searches per page load");
        assertClose(peak * searchesPerLoad, PAGE.fact("peak-searches-per-s"), "peak searches a second");

        double questions = PAGE.fact("questions") * PAGE.fact("question-bytes");
        double answers = PAGE.fact("answers") * PAGE.fact("answer-bytes");
        assertClose(questions, PAGE.fact("question-bytes-total"), "question bytes");
        assertClose(answers, PAGE.fact("answer-bytes-total"), "answer bytes");
        assertClose(questions + answers, PAGE.fact("content-bytes"), "content bytes");
        double perDay = PAGE.fact("questions-per-day") * PAGE.fact("question-bytes") + PAGE.fact("answers-per-day") * PAGE.fact("answer-bytes");
        assertClose(perDay, PAGE.fact("growth-bytes-per-day"), "growth a day");
        assertClose(perDay * 365, PAGE.fact("growth-bytes-per-year"), "growth a year");
        assertClose(PAGE.fact("questions") / PAGE.fact("questions-per-day") / 365, PAGE.fact("years-of-questions"), "years of questions");
        assertClose(PAGE.fact("answers") / PAGE.fact("answers-per-day") / 365, PAGE.fact("years-of-answers"), "years of answers");
        assertClose(PAGE.fact("answers") / PAGE.fact("questions"), PAGE.fact("answers-per-question-stock"), "answers per question, stock");
        assertClose(PAGE.fact("answers-per-day") / PAGE.fact("questions-per-day"), PAGE.fact("answers-per-question-flow"),
                "answers per question, daily");

        double posts = PAGE.fact("questions-per-day") + PAGE.fact("answers-per-day");
        double votes = PAGE.fact("votes-per-new-post") * posts;
        double viewsPerDay = PAGE.fact("page-views-per-month") / PAGE.fact("days-per-month");
        assertClose(votes, PAGE.fact("votes-per-day"), "votes a day");
        assertClose((votes + PAGE.fact("answers-per-day")) / viewsPerDay, PAGE.fact("changes-per-view"), "changes per view");
        assertClose(votes / 86_400 * PAGE.fact("peak-to-average"), PAGE.fact("peak-votes-per-s"), "peak votes a second");
        assertClose((votes + posts) / 86_400 * PAGE.fact("peak-to-average"), PAGE.fact("peak-writes-per-s"), "peak writes a second");
        double historyRows = votes * PAGE.fact("questions") / PAGE.fact("questions-per-day");
        assertClose(historyRows, PAGE.fact("vote-history-rows"), "vote history rows");
        assertClose(historyRows * PAGE.fact("vote-row-bytes"), PAGE.fact("vote-history-bytes"), "vote history bytes");
        assertClose(historyRows * PAGE.fact("vote-row-bytes") / PAGE.fact("scan-bytes-per-s"), PAGE.fact("replay-seconds"), "replay time");

        double viralViews = PAGE.fact("viral-viewers") / PAGE.fact("viral-seconds-on-page");
        assertClose(viralViews, PAGE.fact("viral-views-per-s"), "viral views a second (Little's law)");
        assertClose(PAGE.fact("points-of-presence") / PAGE.fact("edge-ttl-s"), PAGE.fact("viral-origin-ttl-per-s"), "viral origin load with a TTL");
        double viralVotes = viralViews * votes / viewsPerDay;
        assertClose(viralVotes, PAGE.fact("viral-votes-per-s"), "votes a second on the viral question");
        assertClose(PAGE.fact("points-of-presence") * viralVotes, PAGE.fact("viral-origin-purge-per-s"), "viral origin load with purges");
        assertClose(peak / PAGE.fact("origin-per-s"), PAGE.fact("edge-outage-factor"), "load on the origin if the edge fails");
    }

    // --- The edge cache, summed over every question ------------------------------------------------

    /** Misses and stale hits a second for a page cache over all ranks (TTL in seconds, purge on change or not). */
    private static synchronized double[] edge(double anonymousPerS, double ttl, double w, boolean purge) {
        return EDGE.computeIfAbsent(ttl + "/" + purge, k -> sumOverRanks(anonymousPerS, ttl, w, purge));
    }

    private static final Map<String, double[]> EDGE = new HashMap<>();

    /**
     * Rank r gets the share ln(1 + 1/r) / ln(N + 1) of views. Ranks up to two million are summed one by
     * one; beyond, in blocks of 100 consecutive ranks, whose shares sum to exactly ln(b / a) / ln(N + 1)
     * and whose view rates differ by less than 0.01 % within a block.
     */
    private static double[] sumOverRanks(double anonymousPerS, double ttl, double w, boolean purge) {
        double questions = PAGE.fact("questions");
        double logN = Math.log(questions + 1);
        double[] total = new double[2];
        for (long r = 1; r <= 2_000_000; r++) {
            add(total, anonymousPerS * Math.log1p(1.0 / r) / logN, 1, ttl, w, purge);
        }
        for (long a = 2_000_001; a <= (long) questions; a += 100) {
            long b = Math.min(a + 100, (long) questions + 1);
            double blockShare = Math.log((double) b / a) / logN;
            add(total, anonymousPerS * blockShare / (b - a), b - a, ttl, w, purge);
        }
        return total;
    }

    private static void add(double[] total, double lambda, double pages, double ttl, double w, boolean purge) {
        double changedWithinTtl = -Math.expm1(-lambda * w * ttl);
        if (purge) {
            // cached until it expires or a view changes the page; then the next view misses; never stale
            double cached = (1 - w) * changedWithinTtl / (lambda * w);
            total[0] += pages / (cached + 1 / lambda);
        } else {
            // a miss, then hits for ttl seconds; a hit is stale once any earlier view of the copy changed the page
            double cycle = ttl + 1 / lambda;
            total[0] += pages / cycle;
            total[1] += pages * (lambda * ttl - (1 - w) * changedWithinTtl / w) / cycle;
        }
    }

    @Test
    void edgeFiguresFollowFromThePopularityModel() {
        double anonymous = PAGE.fact("peak-anonymous-per-s");
        double w = PAGE.fact("changes-per-view");
        double[] atTtl = edge(anonymous, PAGE.fact("edge-ttl-s"), w, false);
        assertEquals(1 - atTtl[0] / anonymous, PAGE.fact("edge-hit-ratio"), 1e-6, PAGE + ": edge hit ratio at the stated TTL");
        assertEquals(atTtl[0], PAGE.fact("edge-misses-per-s"), 1e-3 * atTtl[0], PAGE + ": anonymous misses a second");
        assertEquals(atTtl[1] / anonymous, PAGE.fact("edge-stale-share"), 1e-6, PAGE + ": stale share at the stated TTL");
        double origin = atTtl[0] + PAGE.fact("peak-logged-in-per-s");
        assertEquals(origin, PAGE.fact("origin-per-s"), 1e-3 * origin, PAGE + ": origin renders a second");
        assertClose(PAGE.fact("origin-per-s") / PAGE.fact("peak-views-per-s"), PAGE.fact("origin-share-of-views"), "origin share of views");

        double[] longPurge = edge(anonymous, PAGE.fact("long-ttl-s"), w, true);
        assertEquals(1 - longPurge[0] / anonymous, PAGE.fact("purge-long-ttl-hit-ratio"), 1e-6,
                PAGE + ": hit ratio with purges at the long TTL");
        double[] longTtl = edge(anonymous, PAGE.fact("long-ttl-s"), w, false);
        assertEquals(longTtl[1] / anonymous, PAGE.fact("long-ttl-stale-share"), 1e-6, PAGE + ": stale share at the long TTL");
        double perDecade = anonymous / Math.log(PAGE.fact("questions") + 1) * Math.log(10);
        assertClose(perDecade, PAGE.fact("renders-saved-per-decade"), "renders saved per tenfold TTL");
        double[] tenSeconds = edge(anonymous, 10, w, false);
        double[] hundredSeconds = edge(anonymous, 100, w, false);
        for (double[] pair : List.of(new double[] {edge(anonymous, 1, w, false)[0], tenSeconds[0]},
                new double[] {tenSeconds[0], hundredSeconds[0]})) {
            assertEquals(perDecade, pair[0] - pair[1], 0.1 * perDecade,
                    PAGE + ": a tenfold TTL does not save about the quoted renders a second");
        }
        double[] oneSecond = edge(anonymous, 1, w, false);
        assertEquals(oneSecond[0] + PAGE.fact("peak-logged-in-per-s"), PAGE.fact("ttl-1s-origin-per-s"), 1e-3 * oneSecond[0],
                PAGE + ": origin at a 1-second TTL");
    }

    @Test
    void edgeRunsTableFollowsFromItsCountsAndAgreesWithTheFormula() {
        double anonymous = PAGE.fact("peak-anonymous-per-s");
        double w = PAGE.fact("changes-per-view");
        for (Map<String, String> row : table("table[data-table=qa.edge-runs]")) {
            String where = "edge-runs, " + row.get("Policy") + " TTL " + row.get("TTL (s)");
            double views = number(row.get("Anonymous views measured"));
            double misses = number(row.get("Edge misses"));
            double stale = number(row.get("Stale hits"));
            boolean purge = row.get("Policy").equals("purge on change");
            assertRounded(row.get("Hit ratio, simulated"), 100 * (1 - misses / views), where + ", simulated hit ratio");
            assertRounded(row.get("Stale views, simulated"), 100 * stale / views, where + ", simulated stale share");
            assertRounded(row.get("Origin renders/s"), misses / PAGE.fact("sim-measure-s") + PAGE.fact("peak-logged-in-per-s"),
                    where + ", origin renders");
            double[] formula = edge(anonymous, number(row.get("TTL (s)")), w, purge);
            assertRounded(row.get("Hit ratio, formula"), 100 * (1 - formula[0] / anonymous), where + ", formula hit ratio");
            assertRounded(row.get("Stale views, formula"), 100 * formula[1] / anonymous, where + ", formula stale share");
            // the page says the simulation agrees with the closed form to a fraction of a percentage point
            assertTrue(Math.abs(number(row.get("Hit ratio, simulated")) - number(row.get("Hit ratio, formula"))) < 1,
                    PAGE + ", " + where + ": simulation and formula disagree by a point or more");
            assertTrue(Math.abs(number(row.get("Stale views, simulated")) - number(row.get("Stale views, formula"))) < 1,
                    PAGE + ", " + where + ": simulated and formula staleness disagree by a point or more");
        }
    }

    // --- Reputation ------------------------------------------------------------------------------

    private record Rule(int toAuthor, boolean capped) {
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> rules = new TreeMap<>();
        for (Map<String, String> row : table("table[data-table=qa.rules]")) {
            rules.put(row.get("Event"), new Rule((int) number(row.get("To the post's author")),
                    row.get("Counts toward the daily cap").equals("yes")));
        }
        return rules;
    }

    private static final Map<String, String> EVENT_WORDS = Map.of("upvote", "Answer upvoted",
            "downvote", "Answer downvoted", "accept", "Answer accepted", "edit", "Suggested edit approved");

    @Test
    void capOrderTableReplaysFromTheRulesTable() {
        Map<String, Rule> rules = rules();
        int cap = (int) PAGE.fact("daily-cap");
        int floor = (int) PAGE.fact("floor");
        Map<String, Integer> endings = new TreeMap<>();
        for (Map<String, String> row : table("table[data-table=qa.cap-order]")) {
            String where = "cap-order, " + row.get("Scenario");
            int start = (int) number(row.get("Start"));
            int reputation = start;
            int earned = 0;
            int sum = 0;
            for (String step : row.get("Events, in order").split(",\\s*")) {
                String[] parts = step.split("\\s*×\\s*");
                Rule rule = rules.get(EVENT_WORDS.get(parts[1].strip()));
                assertNotNull(rule, PAGE + ", " + where + ": unknown event '" + parts[1] + "'");
                for (int i = 0; i < Integer.parseInt(parts[0].strip()); i++) {
                    int delta = rule.toAuthor();
                    sum += delta;
                    if (rule.capped() && delta > 0) {
                        delta = Math.max(0, Math.min(delta, cap - earned));
                    }
                    int applied = Math.max(floor, reputation + delta) - reputation;
                    reputation += applied;
                    if (rule.capped()) {
                        earned += applied;
                    }
                }
            }
            assertEquals(sum, (int) number(row.get("Sum of the rules")), PAGE + ", " + where + ", sum of the rules");
            assertEquals(reputation, (int) number(row.get("Reputation after")), PAGE + ", " + where + ", reputation after");
            assertEquals(reputation - start, (int) number(row.get("Change")), PAGE + ", " + where + ", change");
            endings.put(row.get("Scenario"), reputation);
        }
        assertEquals(endings.get("Upvotes first"), (int) PAGE.fact("upvotes-first"), PAGE + ": upvotes-first fact");
        assertEquals(endings.get("Downvote first"), (int) PAGE.fact("downvote-first"), PAGE + ": downvote-first fact");
        assertFalse(endings.get("Upvotes first").equals(endings.get("Downvote first")),
                PAGE + " claims the order matters, but both orders end equal");
    }

    @Test
    void driftTableAddsUpToTheQuotedTotals() {
        List<Map<String, String>> rows = table("table[data-table=qa.drift]");
        int total = 0;
        for (Map<String, String> row : rows) {
            int drift = (int) number(row.get("Stored (live counter)")) - (int) number(row.get("Replayed"));
            assertEquals(drift, (int) number(row.get("Drift")), PAGE + ", drift, user " + row.get("User"));
            assertTrue(drift != 0, PAGE + ", drift, user " + row.get("User") + ": listed without drift");
            total += drift;
        }
        assertEquals(rows.size(), (int) PAGE.fact("day-drift-users"), PAGE + ": drifted users against the drift table");
        assertEquals(total, (int) PAGE.fact("day-drift-points"), PAGE + ": drift points against the drift table");
        assertEquals((int) PAGE.fact("day-races"), (int) (PAGE.fact("day-drift-users") + PAGE.fact("day-masked")),
                PAGE + ": the page splits the lost updates into drifted and absorbed; they must add up");
    }

    // --- Moderation ------------------------------------------------------------------------------

    @Test
    void flagPrioritiesAndSlaBreachesFollowFromTheFlagsTable() {
        Map<String, Integer> weights = new TreeMap<>();
        Map<String, Boolean> red = new TreeMap<>();
        for (Map<String, String> row : table("table[data-table=qa.flag-weights]")) {
            weights.put(row.get("Flag"), (int) number(row.get("Weight")));
            red.put(row.get("Flag"), row.get("Lane").startsWith("red"));
        }
        double halfLife = PAGE.fact("half-life-hours");
        Map<String, Boolean> postIsRed = new TreeMap<>();
        Map<String, Map<String, String>> firstRow = new TreeMap<>();
        Map<String, Double> priorityOf = new TreeMap<>();
        for (Map<String, String> row : table("table[data-table=qa.flags]")) {
            String post = row.get("Post");
            double ageHours = number(row.get("Post age (min)")) / 60;
            double priority = weights.get(row.get("Flag")) * number(row.get("Flagger reputation"))
                    * Math.pow(0.5, ageHours / halfLife);
            assertRounded(row.get("Textbook priority"), priority, "flags, " + post + " at " + row.get("At (s)") + " s, priority");
            priorityOf.putIfAbsent(post, priority);
            postIsRed.merge(post, red.get(row.get("Flag")), Boolean::logicalOr);
            if (!row.get("Route").isEmpty()) {
                firstRow.put(post, row);
            }
        }
        assertEquals(postIsRed.keySet(), firstRow.keySet(), PAGE + ": every post in qa.flags needs its route and waits");
        assertEquals((int) PAGE.fact("posts"), firstRow.size(), PAGE + ": posts fact against the flags table");
        int sla = (int) PAGE.fact("sla-minutes") * 60;
        for (String column : List.of("Wait, textbook (s)", "Wait, red lane (s)")) {
            int breaches = 0;
            int worst = 0;
            for (Map.Entry<String, Map<String, String>> e : firstRow.entrySet()) {
                if (postIsRed.get(e.getKey()) && e.getValue().get("Route").equals("moderator")) {
                    int wait = (int) number(e.getValue().get(column));
                    worst = Math.max(worst, wait);
                    breaches += wait > sla ? 1 : 0;
                }
            }
            String prefix = column.contains("textbook") ? "textbook" : "lanes";
            assertEquals(breaches, (int) PAGE.fact(prefix + "-breaches"), PAGE + ": SLA breaches in column " + column);
            assertEquals(worst, (int) PAGE.fact(prefix + "-worst-red-wait-s"), PAGE + ": worst red wait in column " + column);
        }
        assertEquals(priorityOf.get("q10") / priorityOf.get("q20"), PAGE.fact("minor-over-spam"),
                1e-3 * PAGE.fact("minor-over-spam"), PAGE + ": the ratio of q10's flag to q20's spam flag");
    }

    // --- Tags ------------------------------------------------------------------------------------

    @Test
    void postingListsAndTheUnionFollowFromTheQuestionsTable() {
        Map<String, TreeSet<Integer>> postings = new TreeMap<>();
        Map<Integer, Boolean> answered = new TreeMap<>();
        for (Map<String, String> row : table("table[data-table=qa.tag-questions]")) {
            int id = Integer.parseInt(row.get("Question"));
            answered.put(id, row.get("Answered").equals("yes"));
            for (String tag : row.get("Tags").split(",\\s*")) {
                postings.computeIfAbsent(tag, t -> new TreeSet<>(Comparator.reverseOrder())).add(id);
            }
        }
        List<Map<String, String>> lists = table("table[data-table=qa.tag-postings]");
        assertEquals(postings.keySet(), new TreeSet<>(lists.stream().map(r -> r.get("Tag")).toList()),
                PAGE + ": tag-postings lists other tags than the questions carry");
        for (Map<String, String> row : lists) {
            String expected = String.join(", ", postings.get(row.get("Tag")).stream().map(String::valueOf).toList());
            assertEquals(expected, row.get("Posting list, newest first"), PAGE + ", tag-postings, " + row.get("Tag"));
            assertEquals(postings.get(row.get("Tag")).size(), (int) number(row.get("Length")),
                    PAGE + ", tag-postings, " + row.get("Tag") + ", length");
        }
        TreeSet<Integer> union = new TreeSet<>(Comparator.reverseOrder());
        int entries = 0;
        for (String tag : PAGE.factText("my-tags").split(",\\s*")) {
            union.addAll(postings.get(tag));
            entries += postings.get(tag).size();
        }
        Function<List<Integer>, String> joined = ids -> String.join(", ", ids.stream().map(String::valueOf).toList());
        assertEquals(joined.apply(new ArrayList<>(union)), PAGE.factText("small-union"), PAGE + ": the union of the user's tags");
        assertEquals(union.size(), (int) PAGE.fact("small-union-size"), PAGE + ": union size");
        assertEquals(entries, (int) PAGE.fact("small-list-entries"), PAGE + ": entries in the user's lists");
        assertEquals(entries - union.size(), (int) PAGE.fact("small-repeats"), PAGE + ": questions seen twice");
        List<Integer> open = union.stream().filter(id -> !answered.get(id)).toList();
        assertEquals(joined.apply(open), PAGE.factText("small-unanswered"), PAGE + ": unanswered in my tags");
        assertEquals(open.size(), (int) PAGE.fact("small-unanswered-size"), PAGE + ": unanswered count");
        assertEquals(answered.size(), (int) PAGE.fact("small-questions"), PAGE + ": question count");
    }

    @Test
    void unionWorkTableIsConsistentWithTheLists() {
        List<Map<String, String>> rows = table("table[data-table=qa.union-work]");
        Map<String, String> full = rows.get(0);
        double entries = number(full.get("Posting entries read"));
        assertEquals(PAGE.fact("site-list-entries"), entries, PAGE + ": a full merge reads every entry of every list");
        assertEquals(2 * entries, number(full.get("Heap operations")),
                PAGE + ": a full merge pushes and pops each entry once");
        assertEquals(PAGE.fact("site-union-unanswered"), number(full.get("Results")), PAGE + ": full merge results");
        assertTrue(number(full.get("is_answered lookups")) <= entries, PAGE + ": more lookups than entries");
        for (Map<String, String> row : rows.subList(1, rows.size())) {
            assertEquals(PAGE.fact("page"), number(row.get("Results")), PAGE + ", union-work, " + row.get("Strategy"));
            assertTrue(number(row.get("Posting entries read")) >= PAGE.fact("page"),
                    PAGE + ", union-work, " + row.get("Strategy") + ": fewer entries read than results");
        }
        assertEquals(0, number(rows.get(2).get("is_answered lookups")), PAGE + ": the unanswered-only lists need no lookups");
        assertTrue(number(rows.get(2).get("Posting entries read")) <= PAGE.fact("site-open-entries"),
                PAGE + ": read more entries than the unanswered-only lists hold");
        assertClose(entries / number(rows.get(1).get("Posting entries read")), PAGE.fact("full-over-lazy"),
                "full merge over lazy merge");
        assertEquals(number(full.get("Posting entries read")), PAGE.fact("full-entries"), PAGE + ": full-entries fact");
        assertEquals(number(rows.get(1).get("Posting entries read")), PAGE.fact("lazy-entries"), PAGE + ": lazy-entries fact");
        assertEquals(number(rows.get(2).get("Posting entries read")), PAGE.fact("view-entries"), PAGE + ": view-entries fact");
    }

    // --- Search ----------------------------------------------------------------------------------

    @Test
    void rankingFollowsFromBm25ThePriorAndTheDecay() {
        double priorWeight = PAGE.fact("prior-weight");
        double floor = PAGE.fact("decay-floor");
        double gentle = PAGE.fact("gentle-floor");
        double halfLife = PAGE.fact("half-life-days");
        Map<String, Map<String, String>> candidates = new TreeMap<>();
        for (Map<String, String> row : table("table[data-table=qa.candidates]")) {
            candidates.put(row.get("Question"), row);
        }
        List<Map<String, String>> rows = table("table[data-table=qa.ranking]");
        Map<String, double[]> scores = new LinkedHashMap<>(); // bm25, with prior, final, gentle
        for (Map<String, String> row : rows) {
            String where = "ranking, " + row.get("Question");
            Map<String, String> candidate = candidates.get(row.get("Question"));
            assertNotNull(candidate, PAGE + ", " + where + ": not in the candidates table");
            double bm25 = number(candidate.get("BM25"));
            double prior = 1 + priorWeight * Math.log10(1 + number(candidate.get("Author reputation")));
            double age = number(candidate.get("Age (days)"));
            double decay = floor + (1 - floor) * Math.pow(0.5, age / halfLife);
            double gentleDecay = gentle + (1 - gentle) * Math.pow(0.5, age / halfLife);
            assertRounded(row.get("Prior"), prior, where + ", prior");
            assertRounded(row.get("Decay"), decay, where + ", decay");
            // BM25 is shown to three decimals, so the product is known to within half a unit of that
            assertTrue(Math.abs(number(row.get("Final score")) - bm25 * prior * decay) <= 0.0005 * prior * decay + 0.0005,
                    PAGE + ", " + where + ": final score is not BM25 × prior × decay");
            scores.put(row.get("Question"), new double[] {bm25, bm25 * prior, bm25 * prior * decay, bm25 * prior * gentleDecay});
        }
        assertEquals(candidates.keySet(), new TreeSet<>(scores.keySet()), PAGE + ": candidates and ranking list other questions");
        String[] columns = {"Rank: BM25", "Rank: with prior", "Rank: with decay", "Rank: gentle decay"};
        for (int c = 0; c < columns.length; c++) {
            int column = c;
            List<String> order = new ArrayList<>(scores.keySet());
            order.sort(Comparator.comparingDouble((String q) -> -scores.get(q)[column]).thenComparing(q -> q));
            for (Map<String, String> row : rows) {
                assertEquals(order.indexOf(row.get("Question")) + 1, (int) number(row.get(columns[c])),
                        PAGE + ", ranking, " + row.get("Question") + ", " + columns[c]);
            }
        }
        Map<String, String> canonical = rows.stream().filter(r -> r.get("Question").equals("q1")).findFirst().orElseThrow();
        assertEquals(number(canonical.get("Rank: BM25")), PAGE.fact("canonical-rank-bm25"), PAGE + ": canonical rank, BM25");
        assertEquals(number(canonical.get("Rank: with prior")), PAGE.fact("canonical-rank-prior"), PAGE + ": canonical rank, prior");
        assertEquals(number(canonical.get("Rank: with decay")), PAGE.fact("canonical-rank-final"), PAGE + ": canonical rank, final");
        assertEquals(number(canonical.get("Rank: gentle decay")), PAGE.fact("canonical-rank-gentle-decay"),
                PAGE + ": canonical rank, gentle decay");
        assertTrue(candidates.containsKey(PAGE.factText("bm25-top")), PAGE + ": bm25-top is not a candidate");
    }
}
