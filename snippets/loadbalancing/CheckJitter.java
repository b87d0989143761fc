package loadbalancing;

import java.util.Map;
import java.util.Random;

/**
 * A deploy restarts 200 instances within the same 50 ms, and each one then pings the shared database every
 * 5 s as part of its health check. With a fixed interval they stay in lockstep forever; with a little
 * random jitter on each interval they drift apart. Counted: checks landing in the busiest 100 ms window.
 */
public class CheckJitter {

    static final int INSTANCES = 200;
    static final double INTERVAL_S = 5;
    static final double WINDOW_S = 0.1;
    static final double OBSERVE_FROM_S = 50;  // look at the second minute after the deploy
    static final double OBSERVE_TO_S = 60;

    // tag::jitter[]
    /** Busiest 100 ms window from 50 s to 60 s; each interval varies by up to ±jitter. */
    static int busiestWindow(double jitter, long seed) {
        Random random = new Random(seed);
        int[] checksPerWindow = new int[(int) Math.ceil(OBSERVE_TO_S / WINDOW_S)];
        for (int instance = 0; instance < INSTANCES; instance++) {
            double t = 0.05 * random.nextDouble(); // all started by the same deploy
            while (t < OBSERVE_TO_S) {
                if (t >= OBSERVE_FROM_S) {
                    checksPerWindow[(int) (t / WINDOW_S)]++;
                }
                t += INTERVAL_S * (1 + jitter * (2 * random.nextDouble() - 1));
            }
        }
        int busiest = 0;
        for (int count : checksPerWindow) {
            busiest = Math.max(busiest, count);
        }
        return busiest;
    }
    // end::jitter[]

    static double averagePerWindow() {
        return INSTANCES * WINDOW_S / INTERVAL_S;
    }

    public static void main(String[] args) {
        System.out.printf("%d instances, one check each every %.0f s: %.0f checks per 100 ms on average%n", INSTANCES,
                INTERVAL_S, averagePerWindow());
        for (double jitter : new double[] {0, 0.1, 0.2}) {
            System.out.printf("  jitter ±%2.0f%%: busiest 100 ms window holds %3d checks%n", 100 * jitter,
                    busiestWindow(jitter, 11));
        }
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "instances", INSTANCES,
                "check-interval-s", INTERVAL_S,
                "average-per-window", averagePerWindow(),
                "busiest-no-jitter", busiestWindow(0, 11),
                "busiest-jitter-20", busiestWindow(0.2, 11));
    }
}
