package caching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

// run: timeout=20s
/**
 * Cache penetration: lookups for ids that do not exist miss the cache every time and reach the database.
 * Two defences, measured on two kinds of traffic: a negative cache (remember "not found" for a while) and a
 * Bloom filter of the ids that exist (answer "certainly not" without asking the database). The Bloom
 * filter's false-positive rate is measured against the formula (1 - e^(-k/b))^k.
 */
public class Penetration {

    static final int EXISTING = 100_000;    // ids 0 .. 99,999 exist
    static final int BITS_PER_KEY = 10;
    static final int HASHES = 7;            // the best k for 10 bits per key is 10 × ln 2 ≈ 6.9
    static final int REQUESTS = 100_000;

    // tag::bloom[]
    static final class BloomFilter {
        private final long[] words;
        private final long bits;
        private final int hashes;

        BloomFilter(int expectedKeys, int bitsPerKey, int hashes) {
            this.bits = (long) expectedKeys * bitsPerKey;
            this.words = new long[(int) ((bits + 63) / 64)];
            this.hashes = hashes;
        }

        void add(long key) {
            for (int i = 0; i < hashes; i++) {
                long bit = index(key, i);
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
        }

        /** False means certainly absent; true means present, or a false positive. */
        boolean mightContain(long key) {
            for (int i = 0; i < hashes; i++) {
                long bit = index(key, i);
                if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** Double hashing: position i is h1 + i × h2, both halves of one 64-bit hash. */
        private long index(long key, int i) {
            long h = mix(key);
            long h1 = h >>> 32;
            long h2 = (h & 0xffffffffL) | 1;
            return Math.floorMod(h1 + i * h2, bits);
        }
    }

    static double predictedFalsePositiveRate(double bitsPerKey, int hashes) {
        return Math.pow(1 - Math.exp(-hashes / bitsPerKey), hashes);
    }
    // end::bloom[]

    /** A 64-bit finalizer (from MurmurHash3): nearby ids land far apart. */
    static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return x ^ (x >>> 33);
    }

    static BloomFilter filterOfExistingIds(int bitsPerKey, int hashes) {
        BloomFilter filter = new BloomFilter(EXISTING, bitsPerKey, hashes);
        for (long id = 0; id < EXISTING; id++) {
            filter.add(id);
        }
        return filter;
    }

    /** Share of ids that do not exist for which the filter still says "maybe". */
    static double measuredFalsePositiveRate(BloomFilter filter, int probes, long seed) {
        Random random = new Random(seed);
        int falsePositives = 0;
        for (int i = 0; i < probes; i++) {
            long absent = EXISTING + (random.nextLong() >>> 1) % 1_000_000_000_000L;
            falsePositives += filter.mightContain(absent) ? 1 : 0;
        }
        return (double) falsePositives / probes;
    }

    // tag::defences[]
    enum Defence { NONE, NEGATIVE_CACHE, BLOOM_FILTER }

    record Cost(int databaseQueries, int junkCacheEntries) {
    }

    /** Serves requests for ids that do not exist; counts what reaches the database. */
    static Cost serve(long[] missingIds, Defence defence, BloomFilter filter) {
        Set<Long> negativeCache = new HashSet<>(); // "not found", with a TTL longer than the run
        int queries = 0;
        for (long id : missingIds) {
            if (defence == Defence.NEGATIVE_CACHE && negativeCache.contains(id)) {
                continue;
            }
            if (defence == Defence.BLOOM_FILTER && !filter.mightContain(id)) {
                continue;
            }
            queries++;                                 // SELECT ... WHERE id = ? -> no row
            if (defence == Defence.NEGATIVE_CACHE) {
                negativeCache.add(id);
            }
        }
        return new Cost(queries, negativeCache.size());
    }
    // end::defences[]

    /** A deleted but popular item: the same 100 missing ids, requested over and over. */
    static long[] repeatedMisses(long seed) {
        Random random = new Random(seed);
        long[] ids = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            ids[i] = EXISTING + 1_000_000L + random.nextInt(100);
        }
        return ids;
    }

    /** An enumeration attack: a different random id that does not exist, every time. */
    static long[] randomMisses(long seed) {
        Random random = new Random(seed);
        long[] ids = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            ids[i] = EXISTING + (random.nextLong() >>> 1) % 1_000_000_000_000L;
        }
        return ids;
    }

    private static Map<String, Object> cachedFacts;

    public static void main(String[] args) {
        BloomFilter filter = filterOfExistingIds(BITS_PER_KEY, HASHES);
        System.out.printf("Bloom filter: %,d ids, %d bits each (%,d bytes), %d hashes%n", EXISTING, BITS_PER_KEY,
                (long) EXISTING * BITS_PER_KEY / 8, HASHES);
        System.out.printf("  false positives: measured %.3f%%, formula %.3f%%%n%n",
                100 * measuredFalsePositiveRate(filter, 1_000_000, 1),
                100 * predictedFalsePositiveRate(BITS_PER_KEY, HASHES));
        System.out.printf("%-32s %-15s %10s %12s%n", "traffic (100,000 requests)", "defence", "db queries",
                "junk entries");
        Map<String, long[]> workloads = new LinkedHashMap<>();
        workloads.put("100 missing ids, repeated", repeatedMisses(2));
        workloads.put("a new random missing id each", randomMisses(3));
        workloads.forEach((name, ids) -> {
            for (Defence d : Defence.values()) {
                Cost c = serve(ids, d, filter);
                System.out.printf("%-32s %-15s %,10d %,12d%n", name, d.name().toLowerCase().replace('_', ' '),
                        c.databaseQueries(), c.junkCacheEntries());
            }
        });
    }

    public static synchronized Map<String, Object> facts() {
        if (cachedFacts == null) {
            BloomFilter filter = filterOfExistingIds(BITS_PER_KEY, HASHES);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("bloom-keys", EXISTING);
            f.put("bits-per-key", BITS_PER_KEY);
            f.put("hashes", HASHES);
            f.put("bloom-probes", 1_000_000);
            f.put("fp-measured", measuredFalsePositiveRate(filter, 1_000_000, 1));
            f.put("fp-formula", predictedFalsePositiveRate(BITS_PER_KEY, HASHES));
            f.put("bloom-bytes", (double) EXISTING * BITS_PER_KEY / 8);
            f.put("bloom-bytes-billion", 1e9 * BITS_PER_KEY / 8);
            f.put("requests", REQUESTS);
            f.put("repeated-negative", serve(repeatedMisses(2), Defence.NEGATIVE_CACHE, filter).databaseQueries());
            f.put("repeated-bloom", serve(repeatedMisses(2), Defence.BLOOM_FILTER, filter).databaseQueries());
            f.put("random-negative", serve(randomMisses(3), Defence.NEGATIVE_CACHE, filter).databaseQueries());
            f.put("random-negative-junk", serve(randomMisses(3), Defence.NEGATIVE_CACHE, filter).junkCacheEntries());
            f.put("random-bloom", serve(randomMisses(3), Defence.BLOOM_FILTER, filter).databaseQueries());
            // the chart's ends and its 10-bit point, computed as the chart computes them
            f.put("chart-fp-formula-4-bits", predictedFalsePositiveRate(4, bestHashes(4)));
            f.put("chart-fp-formula-16-bits", predictedFalsePositiveRate(16, bestHashes(16)));
            f.put("chart-fp-measured-10-bits", chartMeasurement(10));
            cachedFacts = f;
        }
        return cachedFacts;
    }

    /** The number of hash functions that minimises false positives at b bits per key: b × ln 2, rounded. */
    static int bestHashes(double bitsPerKey) {
        return Math.max(1, (int) Math.round(bitsPerKey * Math.log(2)));
    }

    /** One measured point of the chart: 200,000 absent ids against a filter with the best number of hashes. */
    static double chartMeasurement(int bitsPerKey) {
        return measuredFalsePositiveRate(filterOfExistingIds(bitsPerKey, bestHashes(bitsPerKey)), 200_000, bitsPerKey);
    }

    public static Map<String, Object> charts() {
        List<List<Double>> formula = new ArrayList<>();
        List<List<Double>> measured = new ArrayList<>();
        for (int bitsPerKey = 4; bitsPerKey <= 16; bitsPerKey += 2) {
            measured.add(List.of((double) bitsPerKey, round(100 * chartMeasurement(bitsPerKey))));
        }
        for (double b = 4; b <= 16.0001; b += 0.25) {
            formula.add(List.of(b, round(100 * predictedFalsePositiveRate(b, bestHashes(b)))));
        }
        return Map.of("false-positives", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "bits per stored key", "nameLocation", "middle", "nameGap", 28,
                        "min", 4, "max", 16),
                "yAxis", Map.of("type", "log", "name", "false-positive rate (%, log scale)"),
                "series", List.of(
                        Map.of("type", "line", "name", "formula, k = round(b ln 2)", "showSymbol", false, "data", formula),
                        Map.of("type", "scatter", "name", "measured on 200,000 absent ids", "symbolSize", 9,
                                "data", measured))));
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
