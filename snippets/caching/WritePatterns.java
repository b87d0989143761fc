package caching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

// run: timeout=20s
/**
 * Six ways to put a cache in front of a database, run on the same workload: 20,000 operations on 50 keys
 * with skewed popularity, one in twenty a write. Time is a logical clock, one tick per operation. Counted for
 * each pattern: reads that had to wait for the database, database reads and writes, reads that returned
 * an out-of-date value, and writes that would be lost if the cache died at the end.
 */
public class WritePatterns {

    static final int KEYS = 50;
    static final int OPERATIONS = 20_000;
    static final double WRITE_SHARE = 0.05;
    static final long TTL = 1_000;           // ticks an entry lives
    static final long FLUSH_EVERY = 100;     // write-behind flushes dirty keys this often
    static final long REFRESH_WINDOW = 100;  // refresh-ahead reloads entries read in their last 10%
    static final int CRASH_AT = OPERATIONS - (int) FLUSH_EVERY / 2; // the cache dies between two flushes

    /** Stand-in for Redis: values with an expiry time on the logical clock. */
    static final class InMemoryCache {
        private record Entry(String value, long expiresAt) {
        }

        private final Map<String, Entry> entries = new HashMap<>();
        long now;

        String get(String key) {
            Entry e = entries.get(key);
            return e == null || e.expiresAt() <= now ? null : e.value();
        }

        long ticksLeft(String key) {
            Entry e = entries.get(key);
            return e == null ? 0 : e.expiresAt() - now;
        }

        void set(String key, String value) {
            entries.put(key, new Entry(value, now + TTL));
        }

        void delete(String key) {
            entries.remove(key);
        }
    }

    /** Stand-in for the database, counting the work it is asked to do. */
    static final class InMemoryDatabase {
        private final Map<String, String> rows = new HashMap<>();
        int reads;
        int writes;

        String read(String key) {
            reads++;
            return rows.getOrDefault(key, "v0");
        }

        void write(String key, String value) {
            writes++;
            rows.put(key, value);
        }
    }

    // tag::patterns[]
    abstract static class Pattern {
        final InMemoryCache cache = new InMemoryCache();
        final InMemoryDatabase db = new InMemoryDatabase();
        int misses;

        abstract String read(String key);

        abstract void write(String key, String value);

        /** Called every tick; only write-behind has background work. */
        void tick() {
        }

        /** Writes acknowledged to the app but not yet in the database. */
        int unflushed() {
            return 0;
        }

        /** The lazy read path most patterns share: cache, else database, then fill. */
        String readThroughCache(String key) {
            String value = cache.get(key);
            if (value == null) {
                misses++;
                value = db.read(key);
                cache.set(key, value);
            }
            return value;
        }
    }

    /** Reads: cache, else database and fill. Writes: database, then delete the key. */
    static final class CacheAside extends Pattern {
        String read(String key) {
            return readThroughCache(key);
        }

        void write(String key, String value) {
            db.write(key, value);
            cache.delete(key);
        }
    }

    /** Write-through: every write goes to the cache and, synchronously, to the database. */
    static final class WriteThrough extends Pattern {
        String read(String key) {
            return readThroughCache(key);
        }

        void write(String key, String value) {
            cache.set(key, value);
            db.write(key, value);
        }
    }

    /** Write-behind: writes land in the cache; dirty keys reach the database in batches. */
    static final class WriteBehind extends Pattern {
        private final Set<String> dirty = new LinkedHashSet<>();
        private long ticks;

        String read(String key) {
            return readThroughCache(key);
        }

        void write(String key, String value) {
            cache.set(key, value);
            dirty.add(key); // many writes to a key between flushes become one
        }

        void tick() {
            if (++ticks % FLUSH_EVERY == 0) {
                dirty.forEach(k -> db.write(k, cache.get(k)));
                dirty.clear();
            }
        }

        int unflushed() {
            return dirty.size();
        }
    }

    /** Write-around, as often described: the write skips the cache entirely. */
    static final class WriteAround extends Pattern {
        String read(String key) {
            return readThroughCache(key);
        }

        void write(String key, String value) {
            db.write(key, value);
        }
    }

    /** Refresh-ahead: reading an entry near expiry reloads it; hot keys never expire. */
    static final class RefreshAhead extends Pattern {
        String read(String key) {
            String value = readThroughCache(key);
            if (cache.ticksLeft(key) < REFRESH_WINDOW) {
                cache.set(key, db.read(key)); // in production, in the background
            }
            return value;
        }

        void write(String key, String value) {
            db.write(key, value);
            cache.delete(key);
        }
    }
    // end::patterns[]

    /** Read-through: the cache library owns the loader. From the database's side it is cache-aside. */
    static final class ReadThrough extends Pattern {
        private final java.util.function.Function<String, String> loader = db::read;

        String read(String key) {
            String value = cache.get(key);
            if (value == null) {
                misses++;
                value = loader.apply(key);
                cache.set(key, value);
            }
            return value;
        }

        void write(String key, String value) {
            db.write(key, value);
            cache.delete(key);
        }
    }

    record Result(String pattern, int writes, int misses, int dbReads, int dbWrites, int staleReads, int lost) {
    }

    // tag::run[]
    static Result run(String name, Pattern pattern) {
        Random random = new Random(5);
        Map<String, String> latest = new HashMap<>(); // what the app last wrote, per key
        int writes = 0;
        int stale = 0;
        int lost = 0;
        for (int op = 0; op < OPERATIONS; op++) {
            if (op == CRASH_AT) {
                lost = pattern.unflushed(); // what a crash at this moment would lose
            }
            pattern.cache.now = op;
            String key = "k" + skewedKey(random);
            if (random.nextDouble() < WRITE_SHARE) {
                String value = "v" + (op + 1);
                pattern.write(key, value);
                latest.put(key, value);
                writes++;
            } else if (!pattern.read(key).equals(latest.getOrDefault(key, "v0"))) {
                stale++;
            }
            pattern.tick();
        }
        InMemoryDatabase db = pattern.db;
        return new Result(name, writes, pattern.misses, db.reads, db.writes, stale, lost);
    }
    // end::run[]

    /** Key i is chosen with probability proportional to 1 / (i + 1): a few hot keys, a long tail. */
    static int skewedKey(Random random) {
        double total = 0;
        for (int i = 0; i < KEYS; i++) {
            total += 1.0 / (i + 1);
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < KEYS; i++) {
            x -= 1.0 / (i + 1);
            if (x < 0) {
                return i;
            }
        }
        return KEYS - 1;
    }

    private static List<Result> results;

    static synchronized List<Result> runAll() {
        if (results == null) {
            results = runEach();
        }
        return results;
    }

    static List<Result> runEach() {
        return List.of(
                run("Cache-aside", new CacheAside()),
                run("Read-through", new ReadThrough()),
                run("Write-through", new WriteThrough()),
                run("Write-behind", new WriteBehind()),
                run("Write-around", new WriteAround()),
                run("Refresh-ahead", new RefreshAhead()));
    }

    public static void main(String[] args) {
        System.out.printf("%-14s %7s %7s %9s %9s %7s %6s%n", "pattern", "writes", "misses", "db reads", "db writes",
                "stale", "lost");
        for (Result r : runAll()) {
            System.out.printf("%-14s %,7d %,7d %,9d %,9d %,7d %,6d%n", r.pattern(), r.writes(), r.misses(), r.dbReads(),
                    r.dbWrites(), r.staleReads(), r.lost());
        }
    }

    static Result find(List<Result> results, String pattern) {
        return results.stream().filter(r -> r.pattern().equals(pattern)).findFirst().orElseThrow();
    }

    /** The qualitative columns, from this guide's reading of each pattern. */
    record Description(String pattern, String readPath, String writePath, int writeRoundTrips, String pro, String con,
                       String consistency, String useWhen) {
    }

    static final List<Description> DESCRIPTIONS = List.of(
            new Description("Cache-aside", "Cache; on a miss the app reads the database and fills",
                    "App writes the database, then deletes the key", 2,
                    "Simple; the app keeps working if the cache dies",
                    "The first read after a write or expiry waits for the database",
                    "Eventual: stale only in rare races, bounded by the TTL", "The default for read-heavy services"),
            new Description("Read-through", "Cache library loads from the database on a miss",
                    "As cache-aside", 2, "Loading logic in one place", "Needs a cache library or proxy that supports it",
                    "As cache-aside", "Your framework offers it; cleaner code than cache-aside"),
            new Description("Write-through", "Cache; misses load as above",
                    "Cache and database, synchronously, on every write", 2, "Cache stays warm and current",
                    "Writes pay both round trips; a database outage blocks writes",
                    "Current after every write (until the two writes disagree on a failure)",
                    "Read-mostly reference data that must not be stale"),
            new Description("Write-behind", "Cache; misses load as above",
                    "Cache now; the database later, in batches", 1, "Fastest writes; repeated writes coalesce",
                    "Acknowledged writes are lost if the cache dies before a flush",
                    "The database lags; the cache is the truth until it flushes",
                    "Write-heavy counters and aggregates that tolerate loss"),
            new Description("Write-around", "Cache; misses load as above",
                    "Database only; the cache is not touched", 1, "No cache churn for data written once",
                    "An entry cached before the write stays stale until it expires",
                    "Stale for up to a TTL unless the write also deletes the key",
                    "Write-once, read-rarely data (logs, archives)"),
            new Description("Refresh-ahead", "Cache; entries read near expiry reload in the background",
                    "As cache-aside", 2, "Hot keys never expire, so no miss spikes",
                    "Extra database reads for keys that may not be read again",
                    "As cache-aside", "Predictable hot keys with smooth latency targets"));

    public static Map<String, Object> tables() {
        List<Result> results = runAll();
        List<List<String>> writes = new ArrayList<>();
        writes.add(List.of("Pattern", "Write path", "Round trips per write", "Pro", "Con", "Database writes",
                "Reads that waited", "Stale reads", "Lost if the cache dies"));
        for (Description d : DESCRIPTIONS) {
            if (d.pattern().equals("Read-through")) {
                continue; // a read strategy; the write table keeps to the five write patterns
            }
            Result r = find(results, d.pattern());
            writes.add(List.of(d.pattern(), d.writePath(), Integer.toString(d.writeRoundTrips()), d.pro(), d.con(),
                    count(r.dbWrites()), count(r.misses()), count(r.staleReads()), count(r.lost())));
        }
        List<List<String>> cheat = new ArrayList<>();
        cheat.add(List.of("Pattern", "Read path", "Write path", "Consistency", "Use when",
                "Stale reads, lost writes (measured)"));
        for (Description d : DESCRIPTIONS) {
            Result r = find(results, d.pattern());
            cheat.add(List.of(d.pattern(), d.readPath(), d.writePath(), d.consistency(), d.useWhen(),
                    count(r.staleReads()) + ", " + count(r.lost())));
        }
        return Map.of("write-patterns", writes, "cache-patterns", cheat);
    }

    static String count(int n) {
        return String.format("%,d", n);
    }

    public static Map<String, Object> facts() {
        List<Result> results = runAll();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("keys", KEYS);
        f.put("operations", OPERATIONS);
        f.put("write-share", WRITE_SHARE);
        f.put("ttl-ticks", TTL);
        f.put("flush-every", FLUSH_EVERY);
        f.put("app-writes", find(results, "Cache-aside").writes());
        f.put("write-behind-db-writes", find(results, "Write-behind").dbWrites());
        f.put("write-behind-lost", find(results, "Write-behind").lost());
        f.put("write-around-stale", find(results, "Write-around").staleReads());
        f.put("cache-aside-misses", find(results, "Cache-aside").misses());
        f.put("write-through-misses", find(results, "Write-through").misses());
        f.put("refresh-ahead-misses", find(results, "Refresh-ahead").misses());
        f.put("refresh-ahead-db-reads", find(results, "Refresh-ahead").dbReads());
        f.put("cache-aside-db-reads", find(results, "Cache-aside").dbReads());
        return f;
    }
}
