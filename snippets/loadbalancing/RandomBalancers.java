package loadbalancing;

import java.util.Random;

/**
 * Random choice and the power of two choices, on the classic experiment: n requests onto n servers, none
 * finishing. Random leaves the busiest server with about ln n / ln ln n requests; sampling two and taking
 * the lighter cuts that to about ln ln n / ln 2, an exponential improvement from one extra look.
 */
public class RandomBalancers {

    // tag::balancers[]
    /** Any backend, uniformly at random. */
    static final class RandomChoice {
        private final int backends;
        private final Random random;

        RandomChoice(int backends, long seed) {
            this.backends = backends;
            this.random = new Random(seed);
        }

        int pick() {
            return random.nextInt(backends);
        }
    }

    /** Power of two choices: sample two backends, send to the one with fewer in flight. */
    static final class PowerOfTwoChoices {
        final int[] inFlight;
        private final Random random;

        PowerOfTwoChoices(int backends, long seed) {
            this.inFlight = new int[backends];
            this.random = new Random(seed);
        }

        int pick() {
            int a = random.nextInt(inFlight.length);
            int b = random.nextInt(inFlight.length - 1);
            if (b >= a) {
                b++; // two distinct backends
            }
            return inFlight[a] <= inFlight[b] ? a : b;
        }

        void started(int backend) {
            inFlight[backend]++;
        }

        void finished(int backend, double latencyMs) {
            inFlight[backend]--;
        }
    }
    // end::balancers[]

    static final int SERVERS = 100_000;

    public static void main(String[] args) {
        int[] randomLoad = new int[SERVERS];
        RandomChoice random = new RandomChoice(SERVERS, 1);
        PowerOfTwoChoices twoChoices = new PowerOfTwoChoices(SERVERS, 1);
        for (int request = 0; request < SERVERS; request++) {
            randomLoad[random.pick()]++;
            twoChoices.started(twoChoices.pick());
        }
        double ln = Math.log(SERVERS);
        System.out.printf("%,d requests onto %,d servers (mean load 1):%n", SERVERS, SERVERS);
        System.out.printf("  random:            busiest server holds %d   (ln n / ln ln n = %.1f)%n", max(randomLoad),
                ln / Math.log(ln));
        System.out.printf("  two choices:       busiest server holds %d   (ln ln n / ln 2 = %.1f)%n",
                max(twoChoices.inFlight), Math.log(ln) / Math.log(2));
    }

    static int max(int[] load) {
        int m = 0;
        for (int l : load) {
            m = Math.max(m, l);
        }
        return m;
    }
}
