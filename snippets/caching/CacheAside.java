package caching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cache-aside, the interview default, and four interleavings that decide how its write path must look.
 * Each scenario runs the same steps the read and write paths run, in a fixed order, with an in-memory
 * stand-in for Redis and for a database with one lagging read replica.
 */
public class CacheAside {

    static final long TTL_S = 300;

    /** Stand-in for Redis: GET, SET with a TTL, DEL, and leases (a fill is refused if a DEL came first). */
    static final class InMemoryRedis {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Long> deletes = new HashMap<>(); // per key, bumped by every DEL

        String get(String key) {
            return values.get(key);
        }

        void setex(String key, long ttlSeconds, String value) {
            values.put(key, value); // the scenarios take seconds, so nothing expires during them
        }

        void del(String key) {
            values.remove(key);
            deletes.merge(key, 1L, Long::sum);
        }

        /** A token taken on a miss; the fill succeeds only if nobody deleted the key since. */
        long lease(String key) {
            return deletes.getOrDefault(key, 0L);
        }

        boolean setexWithLease(String key, long lease, long ttlSeconds, String value) {
            if (deletes.getOrDefault(key, 0L) != lease) {
                return false;
            }
            setex(key, ttlSeconds, value);
            return true;
        }
    }

    /** Stand-in for a primary database and a read replica that applies writes when told to. */
    static final class InMemoryDatabase {
        private final Map<String, String> primary = new HashMap<>();
        private final Map<String, String> replica = new HashMap<>();

        void update(String id, String name) {
            primary.put(id, name);
        }

        String readPrimary(String id) {
            return primary.get(id);
        }

        String readReplica(String id) {
            return replica.get(id);
        }

        void replicate() {
            replica.putAll(primary);
        }
    }

    // tag::aside[]
    static String getUser(InMemoryRedis redis, InMemoryDatabase db, String id) {
        String key = "user:" + id;
        String cached = redis.get(key);
        if (cached != null) {
            return cached;
        }
        String row = db.readPrimary(id);
        redis.setex(key, TTL_S, row); // the TTL bounds staleness if a delete is missed
        return row;
    }

    static void updateUser(InMemoryRedis redis, InMemoryDatabase db, String id, String name) {
        db.update(id, name);
        redis.del("user:" + id); // delete, do not set: see the scenarios below
    }
    // end::aside[]

    record Outcome(String scenario, String cached, String database) {
        boolean stale() {
            return cached != null && !cached.equals(database);
        }
    }

    static Outcome report(String scenario, InMemoryRedis redis, InMemoryDatabase db) {
        Outcome o = new Outcome(scenario, redis.get("user:42"), db.readPrimary("42"));
        System.out.printf("   => cache %s, database %s: %s%n%n", o.cached() == null ? "empty" : o.cached(),
                o.database(), o.stale() ? "STALE for up to " + TTL_S + " s (the TTL)" : "consistent");
        return o;
    }

    static void step(String who, String what) {
        System.out.printf("   %-7s %s%n", who, what);
    }

    // tag::scenarios[]
    /** Writers A and B update one user; A pauses between its database and cache writes. */
    static Outcome twoWritersThatSet() {
        System.out.println("1. Two writers, each SETs the cache after updating the database");
        InMemoryRedis redis = new InMemoryRedis();
        InMemoryDatabase db = new InMemoryDatabase();
        db.update("42", "Ann");
        step("A", "UPDATE name = 'Ann'");
        db.update("42", "Bob");
        step("B", "UPDATE name = 'Bob'");
        redis.setex("user:42", TTL_S, "Bob");
        step("B", "SET user:42 Bob");
        redis.setex("user:42", TTL_S, "Ann");
        step("A", "SET user:42 Ann   (after a GC pause)");
        return report("set on write", redis, db);
    }

    /** The same interleaving, with the write path of updateUser: delete instead of set. */
    static Outcome twoWritersThatDelete() {
        System.out.println("2. The same two writers, each DELetes the key instead");
        InMemoryRedis redis = new InMemoryRedis();
        InMemoryDatabase db = new InMemoryDatabase();
        db.update("42", "Ann");
        step("A", "UPDATE name = 'Ann'");
        db.update("42", "Bob");
        step("B", "UPDATE name = 'Bob'");
        redis.del("user:42");
        step("B", "DEL user:42");
        redis.del("user:42");
        step("A", "DEL user:42   (after a GC pause)");
        step("reader", "GET user:42 -> miss, loads " + getUser(redis, db, "42"));
        return report("delete on write", redis, db);
    }

    /** A reader misses, reads the old row; a writer commits, deletes; the reader fills. */
    static Outcome slowReaderRacesWriter(boolean withLease) {
        System.out.println(withLease ? "4. The same race, with a lease on the fill"
                : "3. Delete on write, and a slow reader that fills after the delete");
        InMemoryRedis redis = new InMemoryRedis();
        InMemoryDatabase db = new InMemoryDatabase();
        db.update("42", "Ann");
        long lease = redis.lease("user:42");
        step("reader", "GET user:42 -> miss" + (withLease ? ", takes a lease" : ""));
        String old = db.readPrimary("42");
        step("reader", "SELECT -> " + old);
        updateUser(redis, db, "42", "Bob");
        step("writer", "UPDATE name = 'Bob'; DEL user:42");
        if (withLease) {
            boolean filled = redis.setexWithLease("user:42", lease, TTL_S, old);
            String result = filled ? "stored" : "refused: deleted since the lease";
            step("reader", "SET user:42 " + old + " -> " + result);
        } else {
            redis.setex("user:42", TTL_S, old);
            step("reader", "SET user:42 " + old);
        }
        return report(withLease ? "slow reader, lease" : "slow reader", redis, db);
    }

    /** A writer deletes; a reader refills from a replica that has not applied the write. */
    static Outcome laggingReplica() {
        System.out.println("5. Delete on write, and a refill from a lagging read replica");
        InMemoryRedis redis = new InMemoryRedis();
        InMemoryDatabase db = new InMemoryDatabase();
        db.update("42", "Ann");
        db.replicate();
        updateUser(redis, db, "42", "Bob");
        step("writer", "UPDATE name = 'Bob' on the primary; DEL user:42");
        String fromReplica = db.readReplica("42");
        redis.setex("user:42", TTL_S, fromReplica);
        step("reader", "GET user:42 -> miss; replica SELECT -> " + fromReplica + "; SET user:42");
        db.replicate();
        step("replica", "applies the update, too late");
        return report("lagging replica", redis, db);
    }
    // end::scenarios[]

    static List<Outcome> runAll() {
        return List.of(twoWritersThatSet(), twoWritersThatDelete(), slowReaderRacesWriter(false),
                slowReaderRacesWriter(true), laggingReplica());
    }

    public static void main(String[] args) {
        runAll();
    }

    public static Map<String, Object> facts() {
        return Map.of("aside-ttl-s", TTL_S);
    }
}
