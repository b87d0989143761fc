package apis;

// run: timeout=20s

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Two servers handle the same payment (the client retried while the first was still working). Each
 * handler is written as ordinary code with a pause() before every step; a scripted schedule decides
 * who runs next, so the interleaving that causes a double charge is replayed exactly, every run.
 */
public class IdempotencyRace {

    /** Redis semantics that matter here: GET, SET NX with an expiry, SET with an expiry, DEL. */
    static class InMemoryRedis {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Long> expiresAt = new HashMap<>();
        long now;                                    // seconds, set by the schedule

        String get(String key) {
            Long until = expiresAt.get(key);
            if (until != null && until <= now) {
                values.remove(key);
                expiresAt.remove(key);
            }
            return values.get(key);
        }

        boolean setNx(String key, String value, long ttlSeconds) {
            if (get(key) != null) {
                return false;
            }
            values.put(key, value);
            expiresAt.put(key, now + ttlSeconds);
            return true;
        }

        void setEx(String key, String value, long ttlSeconds) {
            values.put(key, value);
            expiresAt.put(key, now + ttlSeconds);
        }

        void del(String key) {
            values.remove(key);
            expiresAt.remove(key);
        }
    }

    static class Shared {
        final InMemoryRedis redis = new InMemoryRedis();
        final Map<String, String> durable = new HashMap<>();   // a database table of keys
        int charges;
    }

    // tag::shown[]
    /** The common sketch: check for a result, take a 10 s lock, charge, store, unlock. */
    static String checkThenLock(Worker w, Shared s, String key) {
        w.pause("GET result");
        String cached = s.redis.get("idem:" + key);
        if (cached != null) {
            return cached;
        }
        w.pause("SET lock NX EX 10");
        if (!s.redis.setNx("idem:lock:" + key, w.name, 10)) {
            return "retry later";
        }
        w.pause("charge the card");
        String result = "ch_" + ++s.charges;
        w.pause("SET result EX 86400");
        s.redis.setEx("idem:" + key, result, 86_400);
        w.pause("DEL lock");
        s.redis.del("idem:lock:" + key);
        return result;
    }

    /** The same, but it looks for a result again once it holds the lock. */
    static String recheckAfterLock(Worker w, Shared s, String key) {
        w.pause("GET result");
        if (s.redis.get("idem:" + key) != null) {
            return s.redis.get("idem:" + key);
        }
        w.pause("SET lock NX EX 10");
        if (!s.redis.setNx("idem:lock:" + key, w.name, 10)) {
            return "retry later";
        }
        w.pause("GET result again");
        String cached = s.redis.get("idem:" + key);
        if (cached == null) {
            w.pause("charge the card");
            cached = "ch_" + ++s.charges;
            w.pause("SET result EX 86400");
            s.redis.setEx("idem:" + key, cached, 86_400);
        }
        w.pause("DEL lock");
        s.redis.del("idem:lock:" + key);
        return cached;
    }

    /** Claim the key in durable storage with an atomic insert; no expiring lock. */
    static String durableClaim(Worker w, Shared s, String key) {
        w.pause("INSERT key IN_PROGRESS");
        String earlier = s.durable.putIfAbsent(key, "IN_PROGRESS");
        if (earlier != null) {
            return earlier.equals("IN_PROGRESS") ? "409 retry later" : earlier;
        }
        w.pause("charge the card");
        String result = "ch_" + ++s.charges;
        w.pause("UPDATE key DONE");
        s.durable.put(key, result);
        return result;
    }
    // end::shown[]

    interface Handler {
        String handle(Worker w, Shared s, String key);
    }

    /** A handler on its own thread that runs one step each time the scheduler says go. */
    static class Worker {
        final String name;
        private final Semaphore go = new Semaphore(0), paused = new Semaphore(0);
        private volatile boolean finished;
        volatile String result;
        final List<String> steps = new ArrayList<>();

        Worker(String name, Handler handler, Shared shared) {
            this.name = name;
            Thread t = new Thread(() -> {
                awaitTurn();
                result = handler.handle(this, shared, "order-7");
                finished = true;
                paused.release();
            });
            t.setDaemon(true);
            t.start();
        }

        void pause(String step) {
            steps.add(step);
            paused.release();
            awaitTurn();
        }

        private void awaitTurn() {
            go.acquireUninterruptibly();
        }

        /** Runs this worker up to its next pause (or to the end); false if it had already ended. */
        boolean step() {
            if (finished) {
                return false;
            }
            go.release();
            paused.acquireUninterruptibly();
            return true;
        }

        void runToEnd() {
            while (step()) {
                // keep going
            }
        }
    }

    // tag::shown[]

    /** A and B both start; A's first step runs, then B's; then A finishes, then B. */
    static int raceAfterCheck(Handler h) {
        Shared s = new Shared();
        Worker a = new Worker("A", h, s), b = new Worker("B", h, s);
        a.step();   // A enters the handler
        b.step();   // B enters the handler
        a.step();   // A's first step (a check: nothing stored yet)
        b.step();   // B's first step (the same check: still nothing)
        a.runToEnd();
        b.runToEnd();
        return s.charges;
    }

    /** A takes the lock at t=0 and the card network answers at t=12; B retries at t=11. */
    static int lockExpiresMidCharge(Handler h) {
        Shared s = new Shared();
        Worker a = new Worker("A", h, s), b = new Worker("B", h, s);
        a.step();
        while (!a.steps.get(a.steps.size() - 1).equals("charge the card")) {
            a.step();
        }
        a.step();                // the charge call is sent; its answer takes 12 s
        s.redis.now = 11;
        b.runToEnd();            // the client's retry lands on B
        s.redis.now = 12;
        a.runToEnd();
        return s.charges;
    }

    public static void main(String[] args) {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put("check, then lock", IdempotencyRace::checkThenLock);
        handlers.put("re-check after locking", IdempotencyRace::recheckAfterLock);
        handlers.put("durable claim", IdempotencyRace::durableClaim);
        System.out.printf("%-24s %18s %24s%n", "charges for one payment", "race after check",
                "lock expires mid-charge");
        handlers.forEach((name, h) -> System.out.printf("%-24s %18d %24d%n", name,
                raceAfterCheck(h), lockExpiresMidCharge(h)));
    }
    // end::shown[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sketch-race", raceAfterCheck(IdempotencyRace::checkThenLock));
        f.put("sketch-expiry", lockExpiresMidCharge(IdempotencyRace::checkThenLock));
        f.put("recheck-race", raceAfterCheck(IdempotencyRace::recheckAfterLock));
        f.put("recheck-expiry", lockExpiresMidCharge(IdempotencyRace::recheckAfterLock));
        f.put("durable-race", raceAfterCheck(IdempotencyRace::durableClaim));
        f.put("durable-expiry", lockExpiresMidCharge(IdempotencyRace::durableClaim));
        return f;
    }
}
