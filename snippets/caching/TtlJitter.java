package caching;

import java.util.Map;
import java.util.Random;

/**
 * Synchronised expiry: a cache warmed in one burst (after a deploy or a flush) expires in one burst. 10,000
 * keys are filled within the same second with a 300-second TTL; count the misses in the busiest second when
 * they expire, with and without random jitter on each TTL.
 */
public class TtlJitter {

    static final int KEYS = 10_000;
    static final int TTL_S = 300;

    // tag::jitter[]
    /** Busiest second of expiries when each TTL varies at random by up to ±jitter. */
    static int busiestSecond(double jitter, long seed) {
        Random random = new Random(seed);
        int[] expiriesPerSecond = new int[2 * TTL_S];
        for (int key = 0; key < KEYS; key++) {
            double filledAt = random.nextDouble();                  // all filled in second 0
            double ttl = TTL_S * (1 + jitter * (2 * random.nextDouble() - 1));
            expiriesPerSecond[(int) (filledAt + ttl)]++;
        }
        int busiest = 0;
        for (int n : expiriesPerSecond) {
            busiest = Math.max(busiest, n);
        }
        return busiest;
    }

    public static void main(String[] args) {
        for (double jitter : new double[] {0, 0.05, 0.10, 0.20}) {
            System.out.printf("TTL %d s, jitter ±%2.0f%%: busiest second has %,6d misses%n",
                    TTL_S, 100 * jitter, busiestSecond(jitter, 9));
        }
    }
    // end::jitter[]

    public static Map<String, Object> facts() {
        return Map.of("jitter-keys", KEYS, "jitter-ttl-s", TTL_S, "busiest-no-jitter", busiestSecond(0, 9),
                "busiest-jitter-10", busiestSecond(0.10, 9));
    }
}
