package consistency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * "Eventual" is fine for a like counter only if the merge is right. Two replicas take likes and exchange
 * their state 50 ms later. Merging a plain number by last writer wins throws increments away for good;
 * a grow-only counter (a CRDT: one slot per replica, merged by taking the larger of each slot) converges
 * to the exact total and is only ever briefly behind.
 */
public class LikeCounters {

    static final int LIKES = 1_000;
    static final double SPAN_MS = 2_000;     // the likes arrive over two seconds
    static final double LAG_MS = 50;         // one replica's state reaches the other this much later
    static final int REPLICAS = 2;

    /** Something that happens at a time: a like at a replica, or one replica's state arriving at the other. */
    record Event(double timeMs, int replica, long[] slots, long count, double stamp) {
    }

    // tag::counters[]
    /** A plain number with a timestamp; on merge, the newer number replaces the older one. */
    static final class LastWriterWinsCounter {
        long count;
        double stamp;

        void like(double now) {
            count++;
            stamp = now;
        }

        void merge(long otherCount, double otherStamp) {
            if (otherStamp > stamp) {
                count = otherCount;
                stamp = otherStamp;
            }
        }
    }

    /** One slot per replica, which only that replica increments; merge keeps each slot's maximum. */
    static final class GrowOnlyCounter {
        final long[] slots = new long[REPLICAS];

        void like(int replica) {
            slots[replica]++;
        }

        void merge(long[] other) {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = Math.max(slots[i], other[i]);
            }
        }

        long value() {
            long sum = 0;
            for (long s : slots) {
                sum += s;
            }
            return sum;
        }
    }
    // end::counters[]

    record Run(long lwwFinal, long gcounterFinal, long worstGcounterLag) {
    }

    static Run run() {
        Random random = new Random(11);
        List<double[]> likes = new ArrayList<>(); // {time, replica}
        for (int i = 0; i < LIKES; i++) {
            likes.add(new double[] {random.nextDouble() * SPAN_MS, random.nextInt(REPLICAS)});
        }
        likes.sort(Comparator.comparingDouble(l -> l[0]));

        LastWriterWinsCounter[] lww = {new LastWriterWinsCounter(), new LastWriterWinsCounter()};
        GrowOnlyCounter[] crdt = {new GrowOnlyCounter(), new GrowOnlyCounter()};
        List<Event> inFlight = new ArrayList<>();
        long worstLag = 0;
        int liked = 0;
        for (double[] like : likes) {
            double now = like[0];
            deliverUpTo(now, inFlight, lww, crdt);
            int at = (int) like[1];
            lww[at].like(now);
            crdt[at].like(at);
            liked++;
            int other = 1 - at;
            inFlight.add(new Event(now + LAG_MS, other, crdt[at].slots.clone(), lww[at].count, lww[at].stamp));
            worstLag = Math.max(worstLag, liked - crdt[other].value()); // what a reader at the other replica misses
        }
        deliverUpTo(Double.MAX_VALUE, inFlight, lww, crdt);
        return new Run(lww[0].count, crdt[0].value(), worstLag);
    }

    private static void deliverUpTo(double now, List<Event> inFlight, LastWriterWinsCounter[] lww, GrowOnlyCounter[] crdt) {
        inFlight.sort(Comparator.comparingDouble(Event::timeMs));
        while (!inFlight.isEmpty() && inFlight.get(0).timeMs() <= now) {
            Event e = inFlight.remove(0);
            lww[e.replica()].merge(e.count(), e.stamp());
            crdt[e.replica()].merge(e.slots());
        }
    }

    public static void main(String[] args) {
        Run r = run();
        System.out.printf("%,d likes on %d replicas, state exchanged %.0f ms later%n", LIKES, REPLICAS, LAG_MS);
        System.out.printf("  last writer wins: converges to %,d (%,d likes lost for good)%n", r.lwwFinal(), LIKES - r.lwwFinal());
        System.out.printf("  grow-only counter: converges to %,d (never more than %d behind while replicating)%n",
                r.gcounterFinal(), r.worstGcounterLag());
    }

    public static Map<String, Object> facts() {
        Run r = run();
        return Map.of(
                "likes-total", LIKES,
                "likes-lag-ms", LAG_MS,
                "likes-lww-final", r.lwwFinal(),
                "likes-lww-lost", LIKES - r.lwwFinal(),
                "likes-crdt-final", r.gcounterFinal(),
                "likes-crdt-worst-lag", r.worstGcounterLag());
    }
}
