package messaging;

// run: timeout=20s

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The log model in miniature: a topic of append-only partitions, records placed by key, and
 * consumers reading the partitions in parallel. Same key, same partition, so per-key order holds.
 */
public class PartitionedLog {

    // tag::log[]
    record LogRecord(int partition, long offset, String key, String value) {
    }

    /** A topic as Kafka models it: numbered partitions, each an append-only list. */
    static class InMemoryTopic {
        final List<List<LogRecord>> partitions = new ArrayList<>();
        private int roundRobin;

        InMemoryTopic(int partitionCount) {
            for (int p = 0; p < partitionCount; p++) {
                partitions.add(new ArrayList<>());
            }
        }

        /** Same key, same partition (Kafka hashes the key bytes with murmur2). */
        int partitionFor(String key) {
            return Math.floorMod(mix(key.hashCode()), partitions.size());
        }

        LogRecord append(String key, String value) {
            int p = key != null ? partitionFor(key) : roundRobin++ % partitions.size();
            List<LogRecord> log = partitions.get(p);
            LogRecord r = new LogRecord(p, log.size(), key, value);
            log.add(r);
            return r;
        }
    }
    // end::log[]

    static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        return x ^ (x >>> 16);
    }

    static final int PARTITIONS = 6;
    static final int USERS = 1_000;
    static final String[] STEPS = {"signed-up", "verified-email", "first-order"};
    static final long SEED = 11;

    // tag::log[]
    /**
     * Publishes each user's three events in time order, lets consumers drain the partitions
     * in a random interleaving, and counts events seen after a later one of the same user.
     */
    static int usersSeenOutOfOrder(boolean keyed, Random random) {
        InMemoryTopic topic = new InMemoryTopic(PARTITIONS);
        for (String[] event : eventsInTimeOrder(random)) {
            topic.append(keyed ? event[0] : null, event[0] + ":" + event[1]);
        }
        int[] next = new int[PARTITIONS];           // each consumer's position in its partition
        Map<String, Integer> lastStepSeen = new HashMap<>();
        int outOfOrder = 0;
        for (int remaining = USERS * STEPS.length; remaining > 0; remaining--) {
            int p;
            do {
                p = random.nextInt(PARTITIONS);       // whichever consumer happens to run next
            } while (next[p] == topic.partitions.get(p).size());
            String[] event = topic.partitions.get(p).get(next[p]++).value().split(":");
            int step = Integer.parseInt(event[1]);
            Integer before = lastStepSeen.put(event[0], step);
            if (before != null && before > step) {
                outOfOrder++;
            }
        }
        return outOfOrder;
    }
    // end::log[]

    /** Each user signs up at a random moment and takes the next two steps soon after. */
    static List<String[]> eventsInTimeOrder(Random random) {
        TreeMap<Double, String[]> byTime = new TreeMap<>();
        for (int u = 0; u < USERS; u++) {
            double t = random.nextDouble() * USERS;
            for (int step = 0; step < STEPS.length; step++) {
                byTime.put(t, new String[] {"user-" + u, String.valueOf(step)});
                t += -Math.log(1 - random.nextDouble()) * 2; // a couple of time units later
            }
        }
        return new ArrayList<>(byTime.values());
    }

    /** Share of keys whose partition changes when the partition count goes from {@code from} to {@code to}. */
    static double keysRemapped(int from, int to) {
        int moved = 0, keys = 100_000;
        for (int k = 0; k < keys; k++) {
            int h = mix(("key-" + k).hashCode());
            if (Math.floorMod(h, from) != Math.floorMod(h, to)) {
                moved++;
            }
        }
        return (double) moved / keys;
    }

    public static void main(String[] args) {
        Random random = new Random(SEED);
        System.out.printf("%,d users x %d events over %d partitions, consumed in parallel:%n", USERS,
                STEPS.length, PARTITIONS);
        int events = USERS * STEPS.length;
        System.out.printf("  keyed by user id: %4d of %,d events arrived after a later one of the same user%n",
                usersSeenOutOfOrder(true, random), events);
        System.out.printf("  no key (spread):  %4d of %,d events arrived after a later one of the same user%n",
                usersSeenOutOfOrder(false, random), events);

        System.out.printf("Growing the topic from 12 to 16 partitions remaps %.1f%% of keys%n",
                100 * keysRemapped(12, 16));
    }

    public static Map<String, Object> facts() {
        Random random = new Random(SEED);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("order-partitions", PARTITIONS);
        facts.put("order-users", USERS);
        facts.put("keyed-out-of-order", usersSeenOutOfOrder(true, random));
        facts.put("unkeyed-out-of-order", usersSeenOutOfOrder(false, random));
        facts.put("remap-12-16", keysRemapped(12, 16));
        return facts;
    }
}
