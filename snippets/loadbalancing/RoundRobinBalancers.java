package loadbalancing;

import java.util.Arrays;

/**
 * Round robin and smooth weighted round robin, and the order in which each sends requests. Main shows that
 * the weighted version interleaves (no backend gets a burst) and that a canary's weight is its share.
 */
public class RoundRobinBalancers {

    // tag::balancers[]
    /** Cycle through the backends in order. */
    static final class RoundRobin {
        private final int backends;
        private int next;

        RoundRobin(int backends) {
            this.backends = backends;
        }

        int pick() {
            int chosen = next;
            next = (next + 1) % backends;
            return chosen;
        }
    }

    /**
     * Smooth weighted round robin, the variant nginx uses: on every pick each backend earns
     * its weight in credit; the richest wins and pays back the total. Weights 4:1:1 give
     * a a b a c a, not a a a a b c.
     */
    static final class WeightedRoundRobin {
        private final int[] weight;
        private final int[] credit;
        private final int totalWeight;

        WeightedRoundRobin(int... weight) {
            this.weight = weight.clone();
            this.credit = new int[weight.length];
            this.totalWeight = Arrays.stream(weight).sum();
        }

        int pick() {
            int richest = 0;
            for (int b = 0; b < weight.length; b++) {
                credit[b] += weight[b];
                if (credit[b] > credit[richest]) {
                    richest = b;
                }
            }
            credit[richest] -= totalWeight;
            return richest;
        }
    }
    // end::balancers[]

    static String sequence(java.util.function.IntSupplier picker, int picks) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < picks; i++) {
            s.append((char) ('a' + picker.getAsInt())).append(' ');
        }
        return s.toString().strip();
    }

    public static void main(String[] args) {
        System.out.println("Round robin, 3 backends:      " + sequence(new RoundRobin(3)::pick, 12));
        System.out.println("Weighted 4:1:1, smooth:       " + sequence(new WeightedRoundRobin(4, 1, 1)::pick, 12));

        WeightedRoundRobin canary = new WeightedRoundRobin(19, 1); // 19 parts stable, 1 part canary
        int toCanary = 0;
        int picks = 10_000;
        for (int i = 0; i < picks; i++) {
            toCanary += canary.pick() == 1 ? 1 : 0;
        }
        System.out.printf("Canary at weight 1 of 20:     %,d of %,d requests (%.1f%%)%n", toCanary, picks,
                100.0 * toCanary / picks);
    }
}
