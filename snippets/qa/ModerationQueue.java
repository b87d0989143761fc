package qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A moderation queue run on a scripted ten minutes of flags: automatic rules first, then one human
 * moderator who takes the highest-priority post each time they are free. Two orderings are compared:
 * the textbook product (flag weight × flagger reputation × recency) and a queue that gives red flags
 * (spam, abuse) their own lane ordered by deadline. Then two moderators delete the same post at once.
 */
public class ModerationQueue {

    static final int SLA_SECONDS = 5 * 60;      // red flags must be handled within five minutes
    static final int SECONDS_PER_DECISION = 60; // one moderator, one decision a minute
    static final double RECENCY_HALF_LIFE_HOURS = 6;

    // tag::rules[]
    enum FlagKind {
        SPAM(10, true), RUDE_OR_ABUSIVE(10, true), NOT_AN_ANSWER(3, false),
        LOW_QUALITY(2, false), NEEDS_IMPROVEMENT(2, false), DUPLICATE(1, false),
        OWN_POST_EDIT(1, false);

        final int weight;
        final boolean red;   // red flags: harmful while visible, under the five-minute SLA

        FlagKind(int weight, boolean red) {
            this.weight = weight;
            this.red = red;
        }
    }

    record Flag(int at, String post, FlagKind kind, int flaggerId, int flaggerRep,
                double postAgeMinutes, double spamScore) {
    }

    enum Route { AUTO_DELETE, AUTO_APPROVE, HUMAN }

    static final double SPAM_SCORE_DELETE = 0.95;
    static final int RED_FLAGS_TO_DELETE = 6;      // distinct users
    static final int TRUSTED_EDITOR_REP = 10_000;

    /** The automatic rules, applied as each flag arrives; redFlagsOnPost includes this one. */
    static Route route(Flag f, int redFlagsOnPost) {
        if (f.kind() == FlagKind.SPAM && f.spamScore() > SPAM_SCORE_DELETE) {
            return Route.AUTO_DELETE;
        }
        if (f.kind().red && redFlagsOnPost >= RED_FLAGS_TO_DELETE) {
            return Route.AUTO_DELETE;
        }
        if (f.kind() == FlagKind.OWN_POST_EDIT && f.flaggerRep() > TRUSTED_EDITOR_REP) {
            return Route.AUTO_APPROVE;
        }
        return Route.HUMAN;
    }
    // end::rules[]

    // tag::priority[]
    /** The textbook priority of a flag: weight × flagger reputation × recency of the post. */
    static double textbookPriority(Flag f, int now) {
        double ageHours = (f.postAgeMinutes() + (now - f.at()) / 60.0) / 60;
        double recency = Math.pow(0.5, ageHours / RECENCY_HALF_LIFE_HOURS);
        return f.kind().weight * (double) f.flaggerRep() * recency;
    }

    /** A post waiting for a human, with every flag it has received. */
    record QueuedPost(String post, List<Flag> flags) {
        int firstAt() {
            return flags.get(0).at();
        }

        boolean red() {
            return flags.stream().anyMatch(f -> f.kind().red);
        }
    }

    interface Policy {
        Comparator<QueuedPost> order(int now);   // best first
    }

    /** The textbook queue: highest summed priority first. */
    static final Policy TEXTBOOK = now -> Comparator.comparingDouble((QueuedPost p) -> p.flags()
            .stream().mapToDouble(f -> textbookPriority(f, now)).sum()).reversed();

    /**
     * Red flags in their own lane, earliest deadline first; other flags after them, by weight
     * times a logarithmic trust in the flagger (100k rep counts 5, a new user 1), and the wait.
     */
    static final Policy LANES = now -> Comparator
            .comparing((QueuedPost p) -> !p.red())
            .thenComparingInt(p -> p.red() ? p.firstAt() + SLA_SECONDS : 0)
            .thenComparing(Comparator.comparingDouble((QueuedPost p) -> p.flags().stream()
                    .mapToDouble(f -> f.kind().weight * Math.log10(10 + f.flaggerRep())).sum()
                    * (1 + (now - p.firstAt()) / 600.0)).reversed());
    // end::priority[]

    static final List<Flag> SCRIPT = List.of(
            new Flag(0, "q10", FlagKind.NEEDS_IMPROVEMENT, 101, 85_000, 30, 0.02),
            new Flag(10, "a11", FlagKind.SPAM, 102, 40, 5, 0.62),
            new Flag(20, "a12", FlagKind.SPAM, 103, 300, 1, 0.99),
            new Flag(30, "q13", FlagKind.DUPLICATE, 104, 120_000, 3 * 24 * 60, 0.01),
            new Flag(40, "a14", FlagKind.RUDE_OR_ABUSIVE, 105, 15, 20, 0.10),
            new Flag(50, "a15", FlagKind.NOT_AN_ANSWER, 106, 9_000, 120, 0.05),
            new Flag(60, "q16", FlagKind.OWN_POST_EDIT, 107, 25_000, 10, 0.00),
            new Flag(70, "a17", FlagKind.SPAM, 108, 120, 3, 0.71),
            new Flag(80, "a17", FlagKind.SPAM, 109, 45, 3, 0.71),
            new Flag(90, "q18", FlagKind.LOW_QUALITY, 110, 50_000, 24 * 60, 0.03),
            new Flag(95, "a17", FlagKind.SPAM, 111, 210, 3, 0.71),
            new Flag(100, "a19", FlagKind.NOT_AN_ANSWER, 112, 2_000, 40, 0.04),
            new Flag(110, "a17", FlagKind.SPAM, 113, 18, 3, 0.71),
            new Flag(120, "q20", FlagKind.SPAM, 114, 1, 15, 0.80),
            new Flag(125, "a17", FlagKind.RUDE_OR_ABUSIVE, 115, 75, 3, 0.71),
            new Flag(130, "q21", FlagKind.DUPLICATE, 116, 30_000, 6 * 60, 0.01),
            new Flag(140, "a17", FlagKind.SPAM, 117, 60, 3, 0.71));

    record Outcome(String post, Route route, int decidedAt, int waited, boolean red) {
    }

    // tag::simulate[]
    /** One moderator: whenever free, take the best post in the queue under the policy. */
    static Map<String, Outcome> run(Policy policy) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, QueuedPost> queue = new LinkedHashMap<>();
        Map<String, Integer> redFlags = new TreeMap<>();
        int next = 0;          // next flag in the script
        int moderatorFree = 0;
        while (next < SCRIPT.size() || !queue.isEmpty()) {
            int now = queue.isEmpty() ? Math.max(moderatorFree, SCRIPT.get(next).at())
                                      : moderatorFree;
            for (; next < SCRIPT.size() && SCRIPT.get(next).at() <= now; next++) {
                arrive(SCRIPT.get(next), queue, redFlags, outcomes);
            }
            if (queue.isEmpty() || now < moderatorFree) {
                continue;
            }
            QueuedPost best = queue.values().stream().min(policy.order(now)).orElseThrow();
            queue.remove(best.post());
            int waited = now - best.firstAt();
            outcomes.put(best.post(), new Outcome(best.post(), Route.HUMAN, now, waited, best.red()));
            moderatorFree = now + SECONDS_PER_DECISION;
        }
        return outcomes;
    }

    static void arrive(Flag f, Map<String, QueuedPost> queue, Map<String, Integer> redFlags,
                       Map<String, Outcome> outcomes) {
        if (outcomes.containsKey(f.post())) {
            return;                          // already handled
        }
        int red = f.kind().red ? redFlags.merge(f.post(), 1, Integer::sum)
                               : redFlags.getOrDefault(f.post(), 0);
        Route route = route(f, red);
        if (route != Route.HUMAN) {
            QueuedPost waiting = queue.remove(f.post());
            int since = waiting == null ? f.at() : waiting.firstAt();
            outcomes.put(f.post(), new Outcome(f.post(), route, f.at(), f.at() - since,
                    f.kind().red));
            return;
        }
        queue.computeIfAbsent(f.post(), p -> new QueuedPost(p, new ArrayList<>()))
                .flags().add(f);
    }
    // end::simulate[]

    // tag::action[]
    /** Posts with a version; a moderator's action applies only to the version they saw. */
    static final class InMemoryPosts {
        final Map<String, String> state = new TreeMap<>();
        final Map<String, Integer> version = new TreeMap<>();
        final List<String> auditLog = new ArrayList<>();   // append-only: who did what to what

        /** UPDATE posts SET state='deleted', version=version+1 WHERE id=? AND version=? */
        synchronized String delete(String post, int seenVersion, String moderator) {
            if (version.get(post) != seenVersion) {
                return moderator + ": already " + state.get(post) + " (version "
                        + version.get(post) + "), nothing done";
            }
            state.put(post, "deleted");
            version.merge(post, 1, Integer::sum);
            auditLog.add(moderator + " deleted " + post + " at version " + seenVersion);
            return moderator + ": deleted " + post;
        }
    }
    // end::action[]

    static int breaches(Map<String, Outcome> outcomes) {
        return (int) outcomes.values().stream()
                .filter(o -> o.red() && o.route() == Route.HUMAN && o.waited() > SLA_SECONDS).count();
    }

    static int worstRedWait(Map<String, Outcome> outcomes) {
        return outcomes.values().stream().filter(o -> o.red() && o.route() == Route.HUMAN)
                .mapToInt(Outcome::waited).max().orElse(0);
    }

    public static void main(String[] args) {
        Map<String, Outcome> textbook = run(TEXTBOOK);
        Map<String, Outcome> lanes = run(LANES);
        System.out.printf("%-5s %-18s %-23s %15s %15s%n", "post", "first flag", "route", "wait, textbook", "wait, red lane");
        for (String post : textbook.keySet().stream().sorted().toList()) {
            Outcome t = textbook.get(post);
            Outcome l = lanes.get(post);
            Flag first = SCRIPT.stream().filter(f -> f.post().equals(post)).findFirst().orElseThrow();
            String line = String.format("%-5s %-18s %-23s %13ds%-1s %13ds%-1s", post, name(first.kind()),
                    routeName(t.route()), t.waited(), mark(t), l.waited(), mark(l));
            System.out.println(line.stripTrailing());
        }
        System.out.printf("Red flags past the %d-minute SLA: textbook %d (worst wait %d s), red lane %d (worst %d s)%n",
                SLA_SECONDS / 60, breaches(textbook), worstRedWait(textbook), breaches(lanes), worstRedWait(lanes));

        InMemoryPosts posts = new InMemoryPosts();
        posts.state.put("a14", "visible");
        posts.version.put("a14", 7);
        System.out.println();
        System.out.println(posts.delete("a14", 7, "mod A"));   // both opened the post at version 7
        System.out.println(posts.delete("a14", 7, "mod B"));
        System.out.println("audit log: " + posts.auditLog);
    }

    private static String mark(Outcome o) {
        return o.red() && o.route() == Route.HUMAN && o.waited() > SLA_SECONDS ? "!" : "";
    }

    public static Map<String, Object> facts() {
        Map<String, Outcome> textbook = run(TEXTBOOK);
        Map<String, Outcome> lanes = run(LANES);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sla-minutes", SLA_SECONDS / 60);
        facts.put("decision-seconds", SECONDS_PER_DECISION);
        facts.put("half-life-hours", RECENCY_HALF_LIFE_HOURS);
        facts.put("flag-count", SCRIPT.size());
        facts.put("posts", textbook.size());
        facts.put("auto-handled", textbook.values().stream().filter(o -> o.route() != Route.HUMAN).count());
        facts.put("textbook-breaches", breaches(textbook));
        facts.put("textbook-worst-red-wait-s", worstRedWait(textbook));
        facts.put("lanes-breaches", breaches(lanes));
        facts.put("lanes-worst-red-wait-s", worstRedWait(lanes));
        facts.put("script-seconds", SCRIPT.get(SCRIPT.size() - 1).at());
        Flag minor = SCRIPT.get(0);                      // "needs improvement" from a high-reputation user
        Flag spam = SCRIPT.stream().filter(f -> f.post().equals("q20")).findFirst().orElseThrow();
        facts.put("minor-over-spam", textbookPriority(minor, minor.at()) / textbookPriority(spam, spam.at()));
        facts.put("spam-score-delete", SPAM_SCORE_DELETE);
        facts.put("red-flags-to-delete", RED_FLAGS_TO_DELETE);
        facts.put("trusted-editor-rep", TRUSTED_EDITOR_REP);
        return facts;
    }

    public static Map<String, Object> tables() {
        List<List<String>> weights = new ArrayList<>();
        weights.add(List.of("Flag", "Weight", "Lane"));
        for (FlagKind k : FlagKind.values()) {
            weights.add(List.of(name(k), String.valueOf(k.weight), k.red ? "red (5-minute SLA)" : "ordinary"));
        }
        Map<String, Outcome> textbook = run(TEXTBOOK);
        Map<String, Outcome> lanes = run(LANES);
        List<List<String>> flags = new ArrayList<>();
        flags.add(List.of("At (s)", "Post", "Flag", "Flagger reputation", "Post age (min)", "Spam score",
                "Textbook priority", "Route", "Wait, textbook (s)", "Wait, red lane (s)"));
        Map<String, Boolean> shown = new TreeMap<>();
        for (Flag f : SCRIPT) {
            boolean firstOfPost = shown.putIfAbsent(f.post(), true) == null;
            Outcome t = textbook.get(f.post());
            Outcome l = lanes.get(f.post());
            flags.add(List.of(String.valueOf(f.at()), f.post(), name(f.kind()), String.format("%,d", f.flaggerRep()),
                    String.format("%,.0f", f.postAgeMinutes()), String.format("%.2f", f.spamScore()),
                    String.format("%,.1f", textbookPriority(f, f.at())),
                    firstOfPost ? routeName(t.route()) : "",
                    firstOfPost ? String.valueOf(t.waited()) : "", firstOfPost ? String.valueOf(l.waited()) : ""));
        }
        return Map.of("flag-weights", weights,
                "flags", Map.of("rows", flags, "derived", List.of("Textbook priority")));
    }

    static String name(FlagKind k) {
        return k == FlagKind.OWN_POST_EDIT ? "edit of own post" : k.name().toLowerCase().replace('_', ' ');
    }

    static String routeName(Route r) {
        return switch (r) {
            case AUTO_DELETE -> "deleted automatically";
            case AUTO_APPROVE -> "approved automatically";
            case HUMAN -> "moderator";
        };
    }
}
