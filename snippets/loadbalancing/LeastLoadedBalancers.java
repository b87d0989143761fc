package loadbalancing;

/**
 * Least connections and least latency, fed by the balancer's own bookkeeping: it hears when each request
 * starts and finishes. Main sends steady traffic to three backends, one five times slower than the others,
 * and counts where each balancer sends it.
 */
public class LeastLoadedBalancers {

    // tag::balancers[]
    /** Send to the backend with the fewest requests in flight; ties rotate. */
    static class LeastConnections {
        final int[] inFlight;
        private int tieBreak;

        LeastConnections(int backends) {
            this.inFlight = new int[backends];
        }

        int pick() {
            int best = -1;
            for (int i = 0; i < inFlight.length; i++) {
                int b = (tieBreak + i) % inFlight.length;
                if (best < 0 || score(b) < score(best)) {
                    best = b;
                }
            }
            tieBreak = (tieBreak + 1) % inFlight.length;
            return best;
        }

        double score(int backend) {
            return inFlight[backend];
        }

        void started(int backend) {
            inFlight[backend]++;
        }

        void finished(int backend, double latencyMs) {
            inFlight[backend]--;
        }
    }

    /**
     * Least latency: requests in flight weighted by a moving average of response times, so
     * a backend that turns slow is avoided before its queue grows (like Finagle's peak EWMA).
     */
    static final class LeastLatency extends LeastConnections {
        private static final double NEWEST_SAMPLE_WEIGHT = 0.1;
        private final double[] averageMs;

        LeastLatency(int backends) {
            super(backends);
            this.averageMs = new double[backends];
        }

        @Override
        double score(int backend) {
            return averageMs[backend] * (inFlight[backend] + 1);
        }

        @Override
        void finished(int backend, double latencyMs) {
            super.finished(backend, latencyMs);
            double old = averageMs[backend];
            averageMs[backend] = old == 0 ? latencyMs
                    : (1 - NEWEST_SAMPLE_WEIGHT) * old + NEWEST_SAMPLE_WEIGHT * latencyMs;
        }
    }
    // end::balancers[]

    static final int[] LATENCY_MS = {10, 10, 50};

    /** Three requests arrive every millisecond for ten seconds; each takes its backend's latency. */
    static int[] route(LeastConnections balancer) {
        int[] sent = new int[LATENCY_MS.length];
        int horizon = 10_000;
        int[][] finishing = new int[horizon + 60][LATENCY_MS.length]; // requests finishing per ms, per backend
        for (int ms = 0; ms < horizon; ms++) {
            for (int b = 0; b < LATENCY_MS.length; b++) {
                for (int k = 0; k < finishing[ms][b]; k++) {
                    balancer.finished(b, LATENCY_MS[b]);
                }
            }
            for (int r = 0; r < 3; r++) {
                int b = balancer.pick();
                balancer.started(b);
                sent[b]++;
                finishing[ms + LATENCY_MS[b]][b]++;
            }
        }
        return sent;
    }

    public static void main(String[] args) {
        System.out.println("Backend latencies 10, 10 and 50 ms; share of requests each one gets:");
        print("Least connections", route(new LeastConnections(3)));
        print("Least latency", route(new LeastLatency(3)));
        double[] speed = new double[LATENCY_MS.length];
        for (int b = 0; b < speed.length; b++) {
            speed[b] = 1.0 / LATENCY_MS[b];
        }
        print("In proportion to speed", speed);
    }

    static void print(String name, int[] sent) {
        print(name, java.util.Arrays.stream(sent).asDoubleStream().toArray());
    }

    static void print(String name, double[] amount) {
        double total = java.util.Arrays.stream(amount).sum();
        System.out.printf("  %-24s %5.1f%% %5.1f%% %5.1f%%%n", name, 100 * amount[0] / total, 100 * amount[1] / total,
                100 * amount[2] / total);
    }
}
