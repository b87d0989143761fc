package caching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

// run: timeout=20s
/**
 * Single-flight (request coalescing): when many callers miss on the same key at once, one of them loads
 * it and the others wait for that load. Main sends 100 concurrent misses at a cold key, without and with
 * single-flight, and counts database loads. Latches make every run identical: the load does not finish
 * until all 100 callers have arrived, so all of them are truly concurrent.
 */
public class SingleFlight {

    // tag::single-flight[]
    /** One in-flight load per key; callers that arrive during a load share its result. */
    static final class Flight<V> {
        private final Map<String, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
        private final AtomicInteger shared = new AtomicInteger(); // joined a load

        V load(String key, Supplier<V> loader) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
            if (running != null) {
                shared.incrementAndGet();
                return running.join(); // someone else is loading: wait for their result
            }
            try {
                V value = loader.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e); // waiters see the failure too, and may retry
                throw e;
            } finally {
                inFlight.remove(key, mine);  // the next miss after this starts a fresh load
            }
        }

        int shared() {
            return shared.get();
        }
    }
    // end::single-flight[]

    static final int CALLERS = 100;

    /** A cache in front of a database that counts its loads. */
    static final class Store {
        final Map<String, String> cache = new ConcurrentHashMap<>();
        final AtomicInteger databaseLoads = new AtomicInteger();
    }

    // tag::demo[]
    /** 100 threads miss on one key at once; the load waits until all of them are in. */
    static int stampede(boolean coalesce) throws InterruptedException {
        Store store = new Store();
        Flight<String> flight = new Flight<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch allMissed = new CountDownLatch(CALLERS);
        Supplier<String> slowQuery = () -> {
            store.databaseLoads.incrementAndGet();
            awaitUninterruptibly(allMissed);       // every caller has seen the miss by now
            if (coalesce) {
                waitUntil(() -> flight.shared() == CALLERS - 1); // ... and joined this load
            }
            return "profile of user 42";
        };
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Thread t = new Thread(() -> {
                awaitUninterruptibly(start);
                String value = store.cache.get("user:42");
                if (value == null) {
                    allMissed.countDown();
                    value = coalesce ? flight.load("user:42", slowQuery) : slowQuery.get();
                    store.cache.put("user:42", value);
                }
            });
            t.start();
            callers.add(t);
        }
        start.countDown();
        for (Thread t : callers) {
            t.join();
        }
        return store.databaseLoads.get();
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.printf("%d concurrent misses, no coalescing:  %d database loads%n",
                CALLERS, stampede(false));
        System.out.printf("%d concurrent misses, single-flight: %d database load%n",
                CALLERS, stampede(true));
    }
    // end::demo[]

    static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    public static Map<String, Object> facts() throws InterruptedException {
        return Map.of("callers", CALLERS, "loads-without", stampede(false), "loads-with", stampede(true));
    }
}
