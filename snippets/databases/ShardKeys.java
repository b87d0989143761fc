package databases;

// run: timeout=20s

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Three ways to shard the same stream of events (a user did something at a time) over eight shards,
 * judged on the two things a shard key decides: where today's writes land, and how many shards a
 * typical read has to visit.
 */
public class ShardKeys {

    static final int SHARDS = 8;
    static final int USERS = 5_000;
    static final int DAYS = 32;
    static final int EVENTS_PER_DAY = 10_000;
    static final long DAY_MS = 86_400_000L;
    static final long SEED = 42;

    record Event(long userId, long timeMs) {
    }

    // tag::strategies[]
    /** Range on time: each shard owns a contiguous stretch of history (4 days each). */
    static int byTimeRange(Event e) {
        long span = (long) DAYS * DAY_MS / SHARDS;
        return (int) Math.min(SHARDS - 1, e.timeMs() / span);
    }

    /** Hash of the event's own id (time plus user): spreads everything, keeps no order. */
    static int byEventHash(Event e) {
        return Math.floorMod(mix(e.timeMs() * 31 + e.userId()), SHARDS);
    }

    /** Hash of the user, time order inside: a partition key plus a clustering key. */
    static int byUserHash(Event e) {
        return Math.floorMod(mix(e.userId()), SHARDS);
    }
    // end::strategies[]

    /** A 64-bit finaliser (from SplitMix64) so that consecutive ids land far apart. */
    static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    static List<Event> history() {
        Random random = new Random(SEED);
        List<Event> events = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (int i = 0; i < EVENTS_PER_DAY; i++) {
                events.add(new Event(random.nextInt(USERS), day * DAY_MS + (long) (random.nextDouble() * DAY_MS)));
            }
        }
        return events;
    }

    /** What a strategy does to today's writes and to two common reads. */
    record Verdict(String strategy, double busiestShareOfTodaysWrites, int shardsForLastDay, int shardsForOneUsersHistory) {
    }

    // tag::judge[]
    static Verdict judge(String name, ToIntFunction<Event> shardOf, List<Event> events) {
        long today = (DAYS - 1) * DAY_MS;
        int[] todaysWrites = new int[SHARDS];
        Set<Integer> lastDay = new TreeSet<>(), oneUsersHistory = new TreeSet<>();
        int total = 0;
        for (Event e : events) {
            int shard = shardOf.applyAsInt(e);
            if (e.timeMs() >= today) {
                todaysWrites[shard]++;
                total++;
                lastDay.add(shard);           // read 1: "everything in the last 24 hours"
            }
            if (e.userId() == 7) {
                oneUsersHistory.add(shard);   // read 2: "user 7's history"
            }
        }
        int busiest = 0;
        for (int n : todaysWrites) {
            busiest = Math.max(busiest, n);
        }
        return new Verdict(name, (double) busiest / total, lastDay.size(),
                oneUsersHistory.size());
    }
    // end::judge[]

    private static List<Verdict> cached;

    static synchronized List<Verdict> verdicts() {
        if (cached != null) {
            return cached;
        }
        List<Event> events = history();
        return cached = List.of(
                judge("range on time", ShardKeys::byTimeRange, events),
                judge("hash of event id", ShardKeys::byEventHash, events),
                judge("hash of user, time inside", ShardKeys::byUserHash, events));
    }

    public static void main(String[] args) {
        System.out.printf("%,d events over %d days on %d shards (a fair share is %.1f%%)%n",
                DAYS * EVENTS_PER_DAY, DAYS, SHARDS, 100.0 / SHARDS);
        System.out.printf("%-27s %15s %21s%n", "", "busiest shard,", "shards visited by");
        System.out.printf("%-27s %15s %12s %12s%n", "strategy", "today's writes", "last 24 h",
                "one user");
        for (Verdict v : verdicts()) {
            System.out.printf("%-27s %14.1f%% %12d %12d%n", v.strategy(), 100 * v.busiestShareOfTodaysWrites(),
                    v.shardsForLastDay(), v.shardsForOneUsersHistory());
        }
    }

    public static Map<String, Object> facts() {
        List<Verdict> v = verdicts();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("event-shards", SHARDS);
        facts.put("range-busiest-today", v.get(0).busiestShareOfTodaysWrites());
        facts.put("event-hash-busiest-today", v.get(1).busiestShareOfTodaysWrites());
        facts.put("user-hash-busiest-today", v.get(2).busiestShareOfTodaysWrites());
        facts.put("range-shards-last-day", v.get(0).shardsForLastDay());
        facts.put("range-shards-one-user", v.get(0).shardsForOneUsersHistory());
        facts.put("event-hash-shards-one-user", v.get(1).shardsForOneUsersHistory());
        facts.put("user-hash-shards-one-user", v.get(2).shardsForOneUsersHistory());
        facts.put("user-hash-shards-last-day", v.get(2).shardsForLastDay());
        return facts;
    }
}
