package storage;

// run: timeout=20s

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A user-agnostic API response (trending items per region and category) served through CDN points of
 * presence with a one-second micro-cache, with and without a regional shield cache in front of the
 * origin. Counts what reaches the origin and how stale an answer can get.
 */
public class EdgeMicroCache {

    static final int POPS = 20;
    static final int VARIANTS = 50;                // distinct URLs (region x category)
    static final int REQUESTS_PER_SECOND = 5_000;
    static final int SECONDS = 20;
    static final long TTL_MS = 1_000;

    // tag::cache[]
    /** Origin, shield or POP. Returns the time at which the origin produced the answer. */
    interface Layer {
        long get(int key, long now);
    }

    /** The origin computes a fresh answer for every request that reaches it. */
    static class Origin implements Layer {
        long requests;

        public long get(int key, long now) {
            requests++;
            return now;
        }
    }

    /** Serves an entry until it has been held TTL_MS, then refetches it from the layer behind. */
    static class TtlCache implements Layer {
        private record Entry(long producedAt, long storedAt) {
        }

        private final Map<Integer, Entry> entries = new HashMap<>();
        private final Layer behind;

        TtlCache(Layer behind) {
            this.behind = behind;
        }

        public long get(int key, long now) {
            Entry e = entries.get(key);
            if (e == null || now - e.storedAt() >= TTL_MS) {
                e = new Entry(behind.get(key, now), now);
                entries.put(key, e);
            }
            return e.producedAt();
        }
    }
    // end::cache[]

    record Outcome(long requests, long originFetches, long maxStalenessMs) {
    }

    // tag::run[]
    static Outcome simulate(boolean edgeCache, boolean shield) {
        Random random = new Random(7);
        Origin origin = new Origin();
        Layer shieldCache = shield ? new TtlCache(origin) : origin;
        Layer[] pops = new Layer[POPS];
        for (int p = 0; p < POPS; p++) {
            pops[p] = edgeCache ? new TtlCache(shieldCache) : shieldCache;
        }
        long requests = (long) REQUESTS_PER_SECOND * SECONDS, worst = 0;
        for (long i = 0; i < requests; i++) {
            long now = i * 1_000 / REQUESTS_PER_SECOND;     // evenly spread arrivals, in ms
            int pop = random.nextInt(POPS);
            int key = popularKey(random);
            long producedAt = pops[pop].get(key, now);
            worst = Math.max(worst, now - producedAt);
        }
        return new Outcome(requests, origin.requests, worst);
    }

    /** A few variants are hot: variant k is requested with weight 1/(k+1), a Zipf law. */
    static final double[] CUMULATIVE_WEIGHT = new double[VARIANTS];

    static {
        double total = 0;
        for (int k = 0; k < VARIANTS; k++) {
            total += 1.0 / (k + 1);
            CUMULATIVE_WEIGHT[k] = total;
        }
    }

    static int popularKey(Random random) {
        double r = random.nextDouble() * CUMULATIVE_WEIGHT[VARIANTS - 1];
        int k = 0;
        while (CUMULATIVE_WEIGHT[k] < r) {
            k++;
        }
        return k;
    }

    public static void main(String[] args) {
        System.out.printf("%-28s %14s %9s %13s%n", "", "origin req/s", "share", "oldest");
        print("no edge cache", simulate(false, false));
        print("1 s micro-cache at each POP", simulate(true, false));
        print("1 s micro-cache + shield", simulate(true, true));
        System.out.printf("Bounds: POPs x variants / TTL = %,d/s; variants / TTL = %d/s%n",
                POPS * VARIANTS * 1_000 / TTL_MS, VARIANTS * 1_000 / TTL_MS);
    }

    static void print(String setup, Outcome o) {
        System.out.printf("%-28s %,14.1f %8.2f%% %,10d ms%n", setup,
                (double) o.originFetches() / SECONDS, 100.0 * o.originFetches() / o.requests(),
                o.maxStalenessMs());
    }
    // end::run[]

    public static Map<String, Object> facts() {
        Outcome none = simulate(false, false), edge = simulate(true, false), shielded = simulate(true, true);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("pops", POPS);
        f.put("variants", VARIANTS);
        f.put("rps", REQUESTS_PER_SECOND);
        f.put("ttl-ms", TTL_MS);
        f.put("edge-origin-rps", (double) edge.originFetches() / SECONDS);
        f.put("shield-origin-rps", (double) shielded.originFetches() / SECONDS);
        f.put("edge-offload", (double) none.originFetches() / edge.originFetches());
        f.put("edge-staleness-ms", edge.maxStalenessMs());
        f.put("shield-staleness-ms", shielded.maxStalenessMs());
        return f;
    }
}
