package urlshortener;
// run: timeout=15s

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short keys from a counter, without a central bottleneck: each write pod reserves a range of counter
 * values with one atomic database update, then hands the values out from memory, base-62 encoded.
 */
public class KeyAllocator {

    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int KEY_LENGTH = 7;
    static final long KEY_SPACE = pow(62, KEY_LENGTH);     // 62^7 distinct 7-character keys
    static final int RANGE_SIZE = 1_000;                   // counter values reserved per database write

    // tag::allocator[]
    /** Stand-in for the one-row counter table: UPDATE counter SET next = next + :size RETURNING next - :size. */
    static final class InMemoryCounterTable {
        private final AtomicLong next;
        private final AtomicInteger updates = new AtomicInteger();

        InMemoryCounterTable(long start) {
            next = new AtomicLong(start);
        }

        long reserve(int size) {
            updates.incrementAndGet();
            return next.getAndAdd(size);
        }
    }

    /** One per write pod. Only a range refill touches the database; every other key is a local increment. */
    static final class Allocator {
        private final InMemoryCounterTable table;
        private final int rangeSize;
        private long nextValue;
        private long rangeEnd;   // exclusive; nextValue == rangeEnd means "reserve a new range"

        Allocator(InMemoryCounterTable table, int rangeSize) {
            this.table = table;
            this.rangeSize = rangeSize;
        }

        synchronized String nextKey() {
            if (nextValue == rangeEnd) {
                nextValue = table.reserve(rangeSize);
                rangeEnd = nextValue + rangeSize;
            }
            return encode(nextValue++);
        }
    }

    /** Base-62, left-padded to seven characters; refuses values the seven characters cannot hold. */
    static String encode(long value) {
        if (value < 0 || value >= KEY_SPACE) {
            throw new IllegalStateException("key space exhausted: " + value + " needs more than " + KEY_LENGTH + " characters");
        }
        char[] key = new char[KEY_LENGTH];
        for (int i = KEY_LENGTH - 1; i >= 0; i--) {
            key[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(key);
    }
    // end::allocator[]

    static long decode(String key) {
        long value = 0;
        for (char c : key.toCharArray()) {
            value = value * 62 + BASE62.indexOf(c);
        }
        return value;
    }

    static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, base);
        }
        return result;
    }

    static void edgeCases() {
        System.out.println("Encoding edge cases:");
        for (long v : new long[]{0, 61, 62, KEY_SPACE - 1}) {
            System.out.printf("  %,19d -> %s -> %,d%n", v, encode(v), decode(encode(v)));
        }
        try {
            encode(KEY_SPACE);
        } catch (IllegalStateException e) {
            System.out.println("  " + e.getMessage());
        }
    }

    static void rangeExhaustion() {
        System.out.println("Two pods sharing one counter, ranges of 3:");
        InMemoryCounterTable table = new InMemoryCounterTable(0);
        Allocator podA = new Allocator(table, 3);
        Allocator podB = new Allocator(table, 3);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            issued.add("A:" + podA.nextKey());
            issued.add("B:" + podB.nextKey());
        }
        System.out.println("  " + String.join(" ", issued));
        System.out.println("  database updates: " + table.updates.get() + " for " + issued.size() + " keys");
        long abandonedFrom = podA.nextValue, abandonedTo = podA.rangeEnd - 1;
        Allocator restartedA = new Allocator(table, 3);   // pod A restarts: the rest of its range is abandoned
        System.out.printf("  pod A restarts and gets %s; values %d..%d of its old range are never issued%n",
                restartedA.nextKey(), abandonedFrom, abandonedTo);

        InMemoryCounterTable nearlyFull = new InMemoryCounterTable(KEY_SPACE - 2);
        Allocator last = new Allocator(nearlyFull, 3);
        System.out.print("  counter at 62^7 - 2: " + last.nextKey() + " " + last.nextKey() + " then ");
        try {
            last.nextKey();
        } catch (IllegalStateException e) {
            System.out.println("refused (" + e.getMessage().split(":")[0] + ")");
        }
    }

    // tag::allocator[]

    record ConcurrentRun(int keys, int distinct, int databaseUpdates, String lowest, String highest) {
    }

    /** Pods x threads all start at one latch, draw keys, and the run checks that no key was issued twice. */
    static ConcurrentRun concurrentRun(int pods, int threadsPerPod, int keysPerThread) throws InterruptedException {
        InMemoryCounterTable table = new InMemoryCounterTable(0);
        Set<String> issued = ConcurrentHashMap.newKeySet();
        AtomicInteger total = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(pods * threadsPerPod);
        for (int p = 0; p < pods; p++) {
            Allocator pod = new Allocator(table, RANGE_SIZE);
            for (int t = 0; t < threadsPerPod; t++) {
                new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < keysPerThread; i++) {
                            issued.add(pod.nextKey());
                            total.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
        }
        start.countDown();
        done.await();
        List<String> sorted = new ArrayList<>(issued);
        sorted.sort(null);
        return new ConcurrentRun(total.get(), issued.size(), table.updates.get(), sorted.get(0), sorted.get(sorted.size() - 1));
    }
    // end::allocator[]

    static final int PODS = 4, THREADS_PER_POD = 4, KEYS_PER_THREAD = 5_000;

    public static void main(String[] args) throws InterruptedException {
        edgeCases();
        rangeExhaustion();
        ConcurrentRun run = concurrentRun(PODS, THREADS_PER_POD, KEYS_PER_THREAD);
        System.out.printf("%d pods x %d threads x %,d keys: %,d issued, %,d distinct, %d database updates, keys %s..%s%n",
                PODS, THREADS_PER_POD, KEYS_PER_THREAD, run.keys(), run.distinct(), run.databaseUpdates(),
                run.lowest(), run.highest());
    }

    public static Map<String, Object> facts() throws InterruptedException {
        ConcurrentRun run = concurrentRun(PODS, THREADS_PER_POD, KEYS_PER_THREAD);
        return Map.of(
                "key-space", KEY_SPACE,
                "largest-key", encode(KEY_SPACE - 1),
                "concurrent-keys", run.keys(),
                "concurrent-distinct", run.distinct(),
                "concurrent-db-updates", run.databaseUpdates(),
                "concurrent-pods", PODS,
                "concurrent-threads", PODS * THREADS_PER_POD);
    }
}
