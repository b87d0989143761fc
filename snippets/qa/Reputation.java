package qa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Reputation as a Q&A site keeps it: one transactional update per vote on a denormalized counter, a
 * daily cap on what votes can earn, a floor of 1, and a nightly job that replays the vote history in
 * order to find drift. A simulated day with a lost-update bug shows the replay finding it, and shows
 * why a replay must keep the order of the votes.
 */
public class Reputation {

    // tag::rules[]
    static final int DAILY_CAP = 200;   // reputation a user can earn from votes in one UTC day
    static final int FLOOR = 1;         // reputation never falls below 1

    /** What an event gives the post's author and the user who acts; whether the cap applies. */
    enum Kind {
        QUESTION_UPVOTE(10, 0, true),
        ANSWER_UPVOTE(10, 0, true),
        QUESTION_DOWNVOTE(-2, 0, true),
        ANSWER_DOWNVOTE(-2, -1, true),   // the voter pays 1 to downvote an answer
        ACCEPT(15, 2, false),            // answerer +15, asker +2: outside the daily cap
        EDIT_APPROVED(2, 0, true);       // a suggested edit is approved: +2 to the editor

        final int toAuthor;
        final int toActor;
        final boolean capped;

        Kind(int toAuthor, int toActor, boolean capped) {
            this.toAuthor = toAuthor;
            this.toActor = toActor;
            this.capped = capped;
        }
    }

    /** One row of the vote history: append-only, in commit order. */
    record Event(long seq, int day, Kind kind, int author, int actor) {
    }
    // end::rules[]

    /** The denormalized row on the user table: reputation, and what votes earned today. */
    static final class Account {
        int reputation;
        int day = -1;
        int earnedToday;

        Account(int reputation) {
            this.reputation = reputation;
        }

        Account copy() {
            Account a = new Account(reputation);
            a.day = day;
            a.earnedToday = earnedToday;
            return a;
        }
    }

    // tag::cap[]
    /** Applies one change to one account: the cap to capped gains, then the floor. */
    static void apply(Account a, int day, int delta, boolean capped) {
        if (a.day != day) {              // a new UTC day: the cap starts again
            a.day = day;
            a.earnedToday = 0;
        }
        if (capped && delta > 0) {
            delta = Math.max(0, Math.min(delta, DAILY_CAP - a.earnedToday));
        }
        int applied = Math.max(FLOOR, a.reputation + delta) - a.reputation;
        a.reputation += applied;
        if (capped) {
            a.earnedToday += applied;    // a downvote lowers today's total: upvotes earn it back
        }
    }
    // end::cap[]

    // tag::vote[]
    /** An in-memory stand-in for the SQL database: the vote history and the user rows. */
    static final class InMemoryDb {
        final List<Event> history = new ArrayList<>();
        final Map<Integer, Account> users = new HashMap<>();

        /** BEGIN; INSERT vote; SELECT ... FOR UPDATE both users; UPDATE them; COMMIT. */
        synchronized void recordInTransaction(Event e) {
            history.add(e);
            applyEvent(users, e);
        }

        /** The bug: two app servers read the author's row, then both write it; one write is lost. */
        synchronized void recordRacing(Event first, Event second) {
            history.add(first);
            history.add(second);
            Account snapshot = users.get(first.author()).copy();       // both servers read this
            Account fromFirst = snapshot.copy();
            apply(fromFirst, first.day(), first.kind().toAuthor, first.kind().capped);
            Account fromSecond = snapshot.copy();
            apply(fromSecond, second.day(), second.kind().toAuthor, second.kind().capped);
            users.put(first.author(), fromFirst);
            users.put(first.author(), fromSecond);                       // last write wins
            applyActor(users, first);
            applyActor(users, second);
        }
    }

    static void applyEvent(Map<Integer, Account> users, Event e) {
        apply(users.get(e.author()), e.day(), e.kind().toAuthor, e.kind().capped);
        applyActor(users, e);
    }

    static void applyActor(Map<Integer, Account> users, Event e) {
        if (e.kind().toActor != 0) {
            apply(users.get(e.actor()), e.day(), e.kind().toActor, e.kind().capped);
        }
    }
    // end::vote[]

    // tag::reconcile[]
    /** The nightly job: replay the history in commit order from the last reconciled state. */
    static Map<Integer, Integer> replay(Map<Integer, Integer> startOfDay, List<Event> history) {
        Map<Integer, Account> users = new HashMap<>();
        startOfDay.forEach((id, rep) -> users.put(id, new Account(rep)));
        history.stream().sorted((x, y) -> Long.compare(x.seq(), y.seq()))
                .forEach(e -> applyEvent(users, e));
        Map<Integer, Integer> result = new TreeMap<>();
        users.forEach((id, a) -> result.put(id, a.reputation));
        return result;
    }

    /** Users whose stored reputation differs from the replay: user -> stored - recomputed. */
    static Map<Integer, Integer> drift(Map<Integer, Account> stored,
                                       Map<Integer, Integer> recomputed) {
        Map<Integer, Integer> drift = new TreeMap<>();
        recomputed.forEach((id, rep) -> {
            int d = stored.get(id).reputation - rep;
            if (d != 0) {
                drift.put(id, d);
            }
        });
        return drift;
    }
    // end::reconcile[]

    /** The tempting shortcut: per-user sums of the day's events, the cap applied once to the total. */
    static Map<Integer, Integer> sumsInsteadOfReplay(Map<Integer, Integer> startOfDay, List<Event> history) {
        Map<Integer, Integer> capped = new HashMap<>();
        Map<Integer, Integer> uncapped = new HashMap<>();
        for (Event e : history) {
            (e.kind().capped ? capped : uncapped).merge(e.author(), e.kind().toAuthor, Integer::sum);
            if (e.kind().toActor != 0) {
                (e.kind().capped ? capped : uncapped).merge(e.actor(), e.kind().toActor, Integer::sum);
            }
        }
        Map<Integer, Integer> result = new TreeMap<>();
        startOfDay.forEach((id, rep) -> result.put(id, Math.max(FLOOR, rep
                + Math.min(DAILY_CAP, capped.getOrDefault(id, 0)) + uncapped.getOrDefault(id, 0))));
        return result;
    }

    // --- Scripted sequences: the same events in different orders -------------------------------

    record Scenario(String name, int start, List<Map.Entry<Kind, Integer>> steps) {
        List<Kind> events() {
            List<Kind> all = new ArrayList<>();
            steps.forEach(s -> all.addAll(java.util.Collections.nCopies(s.getValue(), s.getKey())));
            return all;
        }

        /** Reputation after each event, the start first. */
        List<Integer> path() {
            Account a = new Account(start);
            List<Integer> path = new ArrayList<>(List.of(start));
            for (Kind k : events()) {
                apply(a, 0, k.toAuthor, k.capped);
                path.add(a.reputation);
            }
            return path;
        }

        int uncapped() {
            return events().stream().mapToInt(k -> k.toAuthor).sum();
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            steps.forEach(s -> parts.add(s.getValue() + " × " + WORD.get(s.getKey())));
            return String.join(", ", parts);
        }
    }

    static final Map<Kind, String> WORD = Map.of(Kind.ANSWER_UPVOTE, "upvote", Kind.ANSWER_DOWNVOTE, "downvote",
            Kind.ACCEPT, "accept", Kind.EDIT_APPROVED, "edit");

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("Upvotes first", 1000, List.of(Map.entry(Kind.ANSWER_UPVOTE, 21), Map.entry(Kind.ANSWER_DOWNVOTE, 1))),
            new Scenario("Downvote first", 1000, List.of(Map.entry(Kind.ANSWER_DOWNVOTE, 1), Map.entry(Kind.ANSWER_UPVOTE, 21))),
            new Scenario("Accept after the cap", 1000, List.of(Map.entry(Kind.ANSWER_UPVOTE, 20), Map.entry(Kind.EDIT_APPROVED, 1),
                    Map.entry(Kind.ACCEPT, 1))),
            new Scenario("New user, downvote first", 1, List.of(Map.entry(Kind.ANSWER_DOWNVOTE, 1), Map.entry(Kind.ANSWER_UPVOTE, 1))),
            new Scenario("New user, upvote first", 1, List.of(Map.entry(Kind.ANSWER_UPVOTE, 1), Map.entry(Kind.ANSWER_DOWNVOTE, 1))));

    // --- A simulated day ------------------------------------------------------------------------

    static final long SEED = 42;
    static final int USERS = 3_000;
    static final int EVENTS = 40_000;
    static final double SAME_POST_BURST = 0.3;   // chance the next event concerns the same author (a post trending)
    static final double RACE_CHANCE = 0.0015;    // chance such a pair lands on two servers at once

    record Day(Map<Integer, Integer> startOfDay, InMemoryDb db, int races, List<Event> raced) {
    }

    private static Day day;

    static synchronized Day simulateDay() {
        if (day != null) {
            return day;
        }
        Random random = new Random(SEED);
        Map<Integer, Integer> start = new TreeMap<>();
        InMemoryDb db = new InMemoryDb();
        for (int id = 1; id <= USERS; id++) {
            int rep = (int) Math.round(Math.pow(50_000, random.nextDouble())); // 1 to 50,000, log-uniform
            start.put(id, rep);
            db.users.put(id, new Account(rep));
        }
        double[] authorWeight = new double[USERS + 1];   // a few authors get most of the votes
        double total = 0;
        for (int id = 1; id <= USERS; id++) {
            total += 1.0 / Math.pow(id, 0.8);
            authorWeight[id] = total;
        }
        List<Event> raced = new ArrayList<>();
        int author = 0;
        for (long seq = 1; seq <= EVENTS; seq++) {
            boolean burst = author != 0 && random.nextDouble() < SAME_POST_BURST;
            if (!burst) {
                author = pick(authorWeight, total, random.nextDouble());
            }
            Event e = new Event(seq, 0, kind(random.nextDouble()), author, actor(random, author));
            if (burst && seq < EVENTS && random.nextDouble() < RACE_CHANCE) {
                seq++;                   // the next event on the same author arrives at the same moment
                Event next = new Event(seq, 0, kind(random.nextDouble()), author, actor(random, author));
                db.recordRacing(e, next);
                raced.add(e);
            } else {
                db.recordInTransaction(e);
            }
        }
        day = new Day(start, db, raced.size(), raced);
        return day;
    }

    private static int actor(Random random, int author) {
        int actor = 1 + random.nextInt(USERS);
        return actor == author ? actor % USERS + 1 : actor;
    }

    private static Kind kind(double u) {
        if (u < 0.45) return Kind.ANSWER_UPVOTE;
        if (u < 0.70) return Kind.QUESTION_UPVOTE;
        if (u < 0.76) return Kind.ANSWER_DOWNVOTE;
        if (u < 0.80) return Kind.QUESTION_DOWNVOTE;
        if (u < 0.88) return Kind.ACCEPT;
        return Kind.EDIT_APPROVED;
    }

    private static int pick(double[] cumulative, double total, double u) {
        int lo = 1;
        int hi = cumulative.length - 1;
        double target = u * total;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    record Findings(int cappedUsers, Map<Integer, Integer> drift, int masked, Map<Integer, Integer> falseAlarms,
                    Map<Integer, Integer> recomputed, Map<Integer, Integer> eventsPerUser) {
    }

    private static Findings findings;

    static synchronized Findings findings() {
        if (findings != null) {
            return findings;
        }
        Day d = simulateDay();
        Map<Integer, Integer> recomputed = replay(d.startOfDay(), d.db().history);
        Map<Integer, Integer> drift = drift(d.db().users, recomputed);
        java.util.Set<Integer> racedAuthors = new java.util.TreeSet<>();
        d.raced().forEach(e -> racedAuthors.add(e.author()));
        if (!racedAuthors.containsAll(drift.keySet())) {
            throw new IllegalStateException("drift on a user without a lost update");
        }
        for (Event e : d.raced()) {       // the page says: every loss without drift was a capped gain
            if (!drift.containsKey(e.author()) && !(e.kind().capped && e.kind().toAuthor > 0)) {
                throw new IllegalStateException("a lost " + e.kind() + " left no drift");
            }
        }
        Map<Integer, Integer> sums = sumsInsteadOfReplay(d.startOfDay(), d.db().history);
        Map<Integer, Integer> falseAlarms = new TreeMap<>();
        recomputed.forEach((id, rep) -> {
            if (!sums.get(id).equals(rep)) {
                falseAlarms.put(id, sums.get(id) - rep);
            }
        });
        Map<Integer, Integer> events = new TreeMap<>();
        for (Event e : d.db().history) {
            events.merge(e.author(), 1, Integer::sum);
        }
        int capped = (int) d.db().users.values().stream().filter(a -> a.earnedToday >= DAILY_CAP).count();
        findings = new Findings(capped, drift, racedAuthors.size() - drift.size(), falseAlarms, recomputed, events);
        return findings;
    }

    public static void main(String[] args) {
        System.out.println("The same events in a different order:");
        for (Scenario s : SCENARIOS) {
            List<Integer> path = s.path();
            System.out.printf("  %-26s start %,6d  %-34s -> %,6d%n", s.name(), s.start(), s.describe(),
                    path.get(path.size() - 1));
        }
        Day d = simulateDay();
        Findings f = findings();
        System.out.printf("%nA day of %,d events for %,d users (seed %d)%n", EVENTS, USERS, SEED);
        System.out.printf("  users who reached the daily cap          %5d%n", f.cappedUsers());
        System.out.printf("  updates lost to a race                   %5d%n", d.races());
        System.out.printf("Nightly replay in commit order%n");
        System.out.printf("  users with drift (all had a lost update) %5d  (%+d points in total)%n", f.drift().size(),
                f.drift().values().stream().mapToInt(Integer::intValue).sum());
        System.out.printf("  users whose lost update the cap absorbed %5d%n", f.masked());
        System.out.printf("Per-user sums with the cap applied once%n");
        System.out.printf("  users flagged although nothing was lost  %5d%n", f.falseAlarms().size());
    }

    public static Map<String, Object> facts() {
        Day d = simulateDay();
        Findings f = findings();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("daily-cap", DAILY_CAP);
        facts.put("floor", FLOOR);
        facts.put("day-events", EVENTS);
        facts.put("day-users", USERS);
        facts.put("day-capped-users", f.cappedUsers());
        facts.put("day-races", d.races());
        facts.put("day-drift-users", f.drift().size());
        facts.put("day-drift-points", f.drift().values().stream().mapToInt(Integer::intValue).sum());
        facts.put("day-masked", f.masked());
        facts.put("day-false-alarms", f.falseAlarms().size());
        Scenario up = SCENARIOS.get(0);
        Scenario down = SCENARIOS.get(1);
        facts.put("upvotes-first", up.path().get(up.path().size() - 1));
        facts.put("downvote-first", down.path().get(down.path().size() - 1));
        return facts;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rules = new ArrayList<>();
        rules.add(List.of("Event", "To the post's author", "To the user who acts", "Counts toward the daily cap"));
        rules.add(List.of("Question upvoted", signed(Kind.QUESTION_UPVOTE.toAuthor), "0", "yes"));
        rules.add(List.of("Answer upvoted", signed(Kind.ANSWER_UPVOTE.toAuthor), "0", "yes"));
        rules.add(List.of("Question downvoted", signed(Kind.QUESTION_DOWNVOTE.toAuthor), "0", "yes"));
        rules.add(List.of("Answer downvoted", signed(Kind.ANSWER_DOWNVOTE.toAuthor), signed(Kind.ANSWER_DOWNVOTE.toActor), "yes"));
        rules.add(List.of("Answer accepted", signed(Kind.ACCEPT.toAuthor), signed(Kind.ACCEPT.toActor), "no"));
        rules.add(List.of("Suggested edit approved", signed(Kind.EDIT_APPROVED.toAuthor), "0", "yes"));

        List<List<String>> orders = new ArrayList<>();
        orders.add(List.of("Scenario", "Start", "Events, in order", "Sum of the rules", "Reputation after", "Change"));
        for (Scenario s : SCENARIOS) {
            List<Integer> path = s.path();
            int end = path.get(path.size() - 1);
            orders.add(List.of(s.name(), String.format("%,d", s.start()), s.describe(), signed(s.uncapped()),
                    String.format("%,d", end), signed(end - s.start())));
        }

        Findings f = findings();
        Day d = simulateDay();
        List<List<String>> drift = new ArrayList<>();
        drift.add(List.of("User", "Start of day", "Events as author", "Stored (live counter)", "Replayed", "Drift"));
        f.drift().forEach((id, delta) -> drift.add(List.of("u" + id, String.format("%,d", d.startOfDay().get(id)),
                String.valueOf(f.eventsPerUser().getOrDefault(id, 0)),
                String.format("%,d", d.db().users.get(id).reputation), String.format("%,d", f.recomputed().get(id)),
                signed(delta))));

        return Map.of(
                "rules", rules,
                "cap-order", Map.of("rows", orders, "derived", List.of("Sum of the rules", "Reputation after", "Change")),
                "drift", Map.of("rows", drift, "derived", List.of("Drift")));
    }

    public static Map<String, Object> charts() {
        List<Object> series = new ArrayList<>();
        for (Scenario s : SCENARIOS.subList(0, 2)) {
            List<List<Integer>> points = new ArrayList<>();
            List<Integer> path = s.path();
            for (int i = 0; i < path.size(); i++) {
                points.add(List.of(i, path.get(i)));
            }
            series.add(Map.of("type", "line", "name", s.name() + " (" + s.describe() + ")", "data", points,
                    "symbolSize", 5));
        }
        return Map.of("cap-path", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "events applied", "nameLocation", "middle", "nameGap", 30,
                        "max", 22),
                "yAxis", Map.of("type", "value", "name", "reputation", "min", 950, "max", 1250,
                        "interval", 50),
                "series", series));
    }

    static String signed(int v) {
        return v > 0 ? "+" + String.format("%,d", v) : String.format("%,d", v);
    }
}
