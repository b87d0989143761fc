package stories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Counting a story's viewers once each when they scroll back. View events are routed to
 * sub-partitions by a hash of the viewer id (so one viewer always lands on the same one), and each
 * sub-partition keeps a Bloom filter of (story, viewer) pairs for the story's 24 hours. A re-view is
 * never counted twice; the price is that a false positive drops a genuinely new viewer, and the
 * program measures that undercount against the formula.
 */
public class ReviewDedup {

    // Assumptions, stated once.
    static final int UNIQUE_VIEWERS = 200_000;       // a scaled-down celebrity story
    static final double REVIEWS_PER_VIEWER = 0.5;    // mean extra views per viewer (Poisson)
    static final int SUB_PARTITIONS = 4;
    static final double TARGET_FPR = 0.01;           // the filter's false-positive rate when full
    static final double[] TARGETS = {0.10, 0.01, 0.001};
    static final long STORY_ID = 7_777;
    static final double CELEBRITY_VIEWERS = 10e6;

    // tag::bloom[]
    /** A Bloom filter sized for n items at a target false-positive rate. */
    static final class BloomFilter {
        final long[] bits;
        final long m;   // bits
        final int k;    // hash functions

        BloomFilter(long expectedItems, double targetFpr) {
            this.m = bitsFor(expectedItems, targetFpr);
            this.k = hashesFor(m, expectedItems);
            this.bits = new long[(int) ((m + 63) / 64)];
        }

        static long bitsFor(long n, double p) {
            return (long) Math.ceil(-n * Math.log(p) / (Math.log(2) * Math.log(2)));
        }

        static int hashesFor(long m, long n) {
            return Math.max(1, (int) Math.round((double) m / n * Math.log(2)));
        }

        /** Adds the key; returns true if it was (probably) there already. */
        boolean checkAndAdd(long key) {
            long h = mix(key), h1 = h >>> 32, h2 = h & 0xffffffffL;
            boolean present = true;
            for (int i = 0; i < k; i++) {
                long bit = Math.floorMod(h1 + i * h2, m); // Kirsch-Mitzenmacher: k indexes from two hashes
                long word = bits[(int) (bit >>> 6)], mask = 1L << (bit & 63);
                if ((word & mask) == 0) {
                    present = false;
                    bits[(int) (bit >>> 6)] = word | mask;
                }
            }
            return present;
        }
    }

    /** Counts a view only if this sub-partition's filter has not seen (story, viewer) before. */
    static long countUniqueViewers(long[] viewEvents, double targetFpr) {
        BloomFilter[] filters = new BloomFilter[SUB_PARTITIONS];
        for (int s = 0; s < SUB_PARTITIONS; s++) {
            filters[s] = new BloomFilter(UNIQUE_VIEWERS / SUB_PARTITIONS, targetFpr);
        }
        long counted = 0;
        for (long viewer : viewEvents) {
            int subPartition = (int) Math.floorMod(mix(viewer), (long) SUB_PARTITIONS); // hash of viewer id
            if (!filters[subPartition].checkAndAdd(STORY_ID * 1_000_003L ^ viewer)) {
                counted++;
            }
        }
        return counted;
    }

    /** False-positive rate of a filter of m bits and k hashes holding n items. */
    static double falsePositiveRate(double m, double n, int k) {
        return Math.pow(1 - Math.exp(-k * n / m), k);
    }

    /** Expected share of new viewers dropped: the filter's rate averaged while it fills from 0 to n. */
    static double expectedUndercount(double m, double n, int k) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += falsePositiveRate(m, i, k);
        }
        return sum / n;
    }
    // end::bloom[]

    static long mix(long z) { // SplitMix64's finaliser: a fast, well-spread 64-bit hash
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Every viewer's first view plus Poisson re-views, shuffled into one stream. */
    static long[] viewEvents(long seed) {
        Random rnd = new Random(seed);
        List<Long> events = new ArrayList<>();
        long firstId = rnd.nextLong();
        for (int v = 0; v < UNIQUE_VIEWERS; v++) {
            int views = 1 + poisson(rnd, REVIEWS_PER_VIEWER);
            for (int i = 0; i < views; i++) {
                events.add(firstId + v * 7919L);
            }
        }
        long[] stream = events.stream().mapToLong(Long::longValue).toArray();
        for (int i = stream.length - 1; i > 0; i--) { // Fisher-Yates
            int j = rnd.nextInt(i + 1);
            long t = stream[i];
            stream[i] = stream[j];
            stream[j] = t;
        }
        return stream;
    }

    static int poisson(Random rnd, double mean) {
        int k = 0;
        for (double p = Math.exp(-mean), s = p, u = rnd.nextDouble(); u > s; s += p) {
            k++;
            p *= mean / k;
        }
        return k;
    }


    record Row(double target, long m, int k, double fpr, double expected, double measured, long counted) {
    }

    static List<Row> cached;
    static long events;

    static synchronized List<Row> results() {
        if (cached == null) {
            long[] stream = viewEvents(11);
            events = stream.length;
            cached = new ArrayList<>();
            long n = UNIQUE_VIEWERS / SUB_PARTITIONS;
            for (double target : TARGETS) {
                long m = BloomFilter.bitsFor(n, target);
                int k = BloomFilter.hashesFor(m, n);
                long counted = countUniqueViewers(stream, target);
                cached.add(new Row(target, m, k, falsePositiveRate(m, n, k), expectedUndercount(m, n, k),
                        1 - (double) counted / UNIQUE_VIEWERS, counted));
            }
        }
        return cached;
    }

    public static void main(String[] args) {
        List<Row> rows = results();
        System.out.printf(Locale.US, "%,d view events from %,d viewers, %d sub-partitions; counting every event gives %,d%n",
                events, UNIQUE_VIEWERS, SUB_PARTITIONS, events);
        System.out.println("target   bits/sub-partition  k   FPR when full  expected undercount  counted   measured undercount");
        for (Row r : rows) {
            System.out.printf(Locale.US, "%6.1f%% %19d %2d %13.3f%% %19.3f%% %,9d %19.3f%%%n", r.target() * 100, r.m(), r.k(),
                    r.fpr() * 100, r.expected() * 100, r.counted(), r.measured() * 100);
        }
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        List<Row> rows = results();
        f.put("bloom-unique-viewers", UNIQUE_VIEWERS);
        f.put("bloom-reviews-per-viewer", REVIEWS_PER_VIEWER);
        f.put("bloom-sub-partitions", SUB_PARTITIONS);
        f.put("bloom-events", events);
        f.put("bloom-naive-overcount", (double) events / UNIQUE_VIEWERS - 1);
        f.put("bloom-n-per-sub-partition", UNIQUE_VIEWERS / SUB_PARTITIONS);
        Row main = rows.get(1);
        f.put("bloom-target-fpr", TARGET_FPR);
        f.put("bloom-m", main.m());
        f.put("bloom-k", main.k());
        f.put("bloom-bits-per-viewer", (double) main.m() / (UNIQUE_VIEWERS / SUB_PARTITIONS));
        f.put("bloom-fpr", main.fpr());
        f.put("bloom-expected-undercount", main.expected());
        f.put("bloom-measured-undercount", main.measured());
        f.put("bloom-missed", UNIQUE_VIEWERS - main.counted());
        f.put("bloom-celebrity-filter-bytes", BloomFilter.bitsFor((long) CELEBRITY_VIEWERS, TARGET_FPR) / 8.0);
        f.put("bloom-celebrity-exact-bytes", CELEBRITY_VIEWERS * 8);
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> out = new ArrayList<>();
        long n = UNIQUE_VIEWERS / SUB_PARTITIONS;
        out.add(List.of("Target FPR", "Viewers per filter n", "Bits m", "Hashes k", "Bits per viewer",
                "FPR when full", "Expected undercount", "Measured undercount"));
        for (Row r : results()) {
            out.add(List.of(pct(r.target(), 1), String.format(Locale.US, "%,d", n), String.format(Locale.US, "%,d", r.m()),
                    String.valueOf(r.k()), String.format(Locale.US, "%.2f", (double) r.m() / n), pct(r.fpr(), 3),
                    pct(r.expected(), 3), pct(r.measured(), 3)));
        }
        return Map.of("bloom-sizing", Map.of("rows", out,
                "derived", List.of("Bits m", "Hashes k", "Bits per viewer", "FPR when full", "Expected undercount")));
    }

    static String pct(double v, int decimals) {
        return String.format(Locale.US, "%." + decimals + "f %%", v * 100);
    }
}
