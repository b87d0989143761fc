package scalability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sessions in a shared store: pods keep nothing, so any pod serves any request, a restart loses no
 * one, and logging out takes effect everywhere at once. InMemoryRedis stands in for a Redis cluster
 * with the commands that matter here (SETEX, GETEX, DEL) on a simulated clock.
 */
public class ExternalSessionStore {

    static final int PODS = 3;
    static final int USERS = 1_000;
    static final int REQUESTS_PER_USER = 10;
    static final long SESSION_TTL_SECONDS = 1_800;     // idle sessions expire after 30 minutes
    static final double STORE_ROUND_TRIP_MS = 0.5;     // one in-datacenter round trip (Module 1)

    // tag::store[]
    /** The Redis semantics this design relies on, in memory: values with an expiry time. */
    static final class InMemoryRedis {
        private record Entry(String value, long expiresAt) {
        }

        private final Map<String, Entry> data = new HashMap<>();
        long clock;        // seconds; the simulation moves it forward
        long commands;     // each one is a network round trip in real life

        void setex(String key, long ttlSeconds, String value) {
            commands++;
            data.put(key, new Entry(value, clock + ttlSeconds));
        }

        /** GETEX (Redis 6.2+): read the value and push its expiry back, in one round trip. */
        String getex(String key, long ttlSeconds) {
            commands++;
            Entry e = data.get(key);
            if (e == null || e.expiresAt() <= clock) {
                return null;
            }
            data.put(key, new Entry(e.value(), clock + ttlSeconds));
            return e.value();
        }

        void del(String key) {
            commands++;
            data.remove(key);
        }
    }

    /** A pod with no session state of its own: everything goes through the shared store. */
    record Pod(String name, InMemoryRedis store) {
        String handle(String token) {
            return store.getex("sess:" + token, SESSION_TTL_SECONDS); // null: log in again
        }
    }
    // end::store[]

    record Result(int requests, int rejected, long commands, boolean logoutEverywhere, boolean idleExpired) {
    }

    static Result run() {
        InMemoryRedis redis = new InMemoryRedis();
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < PODS; i++) {
            pods.add(new Pod("pod" + i, redis));
        }
        Random random = new Random(5);
        Map<String, String> tokenOf = new HashMap<>();
        for (int u = 0; u < USERS; u++) {
            // an opaque random token (from SecureRandom in production)
            String token = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            redis.setex("sess:" + token, SESSION_TTL_SECONDS, "user" + u);
            tokenOf.put("user" + u, token);
        }
        int requests = 0, rejected = 0;
        long commandsBefore = redis.commands;
        for (int round = 1; round < REQUESTS_PER_USER; round++) {
            redis.clock += 60; // a minute between rounds
            if (round == REQUESTS_PER_USER / 2) {
                pods.set(0, new Pod("pod0-after-deploy", redis)); // a restarted pod has nothing to lose
            }
            for (int u = 0; u < USERS; u++) {
                Pod pod = pods.get(random.nextInt(PODS));
                requests++;
                if (pod.handle(tokenOf.get("user" + u)) == null) {
                    rejected++;
                }
            }
        }
        long commandsForRequests = redis.commands - commandsBefore;
        redis.del("sess:" + tokenOf.get("user0")); // user0 logs out
        boolean logoutEverywhere = pods.stream().allMatch(p -> p.handle(tokenOf.get("user0")) == null);
        redis.clock += SESSION_TTL_SECONDS;         // everyone goes idle for half an hour
        boolean idleExpired = pods.get(1).handle(tokenOf.get("user1")) == null;
        return new Result(requests, rejected, commandsForRequests, logoutEverywhere, idleExpired);
    }

    public static void main(String[] args) {
        Result r = run();
        System.out.printf("%,d requests over %d pods, one restarted midway: %d sent back to the login page%n",
                r.requests(), PODS, r.rejected());
        System.out.printf("logout seen by every pod at once: %s; idle session expired: %s%n",
                r.logoutEverywhere(), r.idleExpired());
        System.out.printf("store commands: %,d (%.1f per request), each a round trip of about %.1f ms%n",
                r.commands(), (double) r.commands() / r.requests(), STORE_ROUND_TRIP_MS);
    }

    public static Map<String, Object> facts() {
        Result r = run();
        return Map.of(
                "store-requests", r.requests(),
                "store-rejected", r.rejected(),
                "store-commands-per-request", (double) r.commands() / r.requests(),
                "store-round-trip-ms", STORE_ROUND_TRIP_MS,
                "store-ttl-minutes", SESSION_TTL_SECONDS / 60);
    }
}
