package dispatch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Why dispatch ranks candidates by road ETA, not straight-line distance. A grid city with arterials,
 * a river crossed by three bridges and a congested centre whose speeds come from recent driver pings;
 * for each rider, the straight-line nearest driver is compared with the driver who arrives first.
 */
public class RoadEta {

    // Assumptions, stated once.
    static final int GRID = 33;                   // 33 x 33 intersections...
    static final double BLOCK_M = 250;            // ...250 m apart: an 8 km x 8 km city
    static final int RIVER_AFTER_ROW = 16;        // the river runs between rows 16 and 17
    static final int[] BRIDGE_COLUMNS = {4, 16, 28};
    static final double STREET_KMH = 25, ARTERIAL_KMH = 40;   // free-flow speeds; every 4th street is an arterial
    static final double CENTRE_RADIUS_M = 1_500;  // the congested centre...
    static final double CENTRE_OBSERVED_KMH = 9;  // ...where recent pings average this speed
    static final double EMA_WEIGHT = 0.2;         // weight of each new ping in an edge's speed
    static final double STRAIGHT_LINE_KMH = 25, DETOUR = 1.3;  // the naive estimate: distance x 1.3 at 25 km/h
    static final int RIDERS = 400, CANDIDATES = 8;    // candidates the geo index returned per rider
    static final double SEARCH_RADIUS_M = 3_000;

    static int node(int col, int row) {
        return row * GRID + col;
    }

    // tag::speeds[]
    /** Speed per directed edge: free-flow at first, then pulled towards what recent pings saw. */
    static class LiveSpeeds {
        final double[][] kmh = new double[GRID * GRID][4];   // 0 east, 1 west, 2 north, 3 south

        void observe(int from, int direction, double observedKmh) {
            double old = kmh[from][direction];
            kmh[from][direction] = EMA_WEIGHT * observedKmh + (1 - EMA_WEIGHT) * old;
        }
    }
    // end::speeds[]

    static int neighbour(int from, int direction) {
        int col = from % GRID, row = from / GRID;
        int c = col + (direction == 0 ? 1 : direction == 1 ? -1 : 0);
        int r = row + (direction == 2 ? 1 : direction == 3 ? -1 : 0);
        if (c < 0 || r < 0 || c >= GRID || r >= GRID) {
            return -1;
        }
        boolean crossesRiver = Math.min(row, r) == RIVER_AFTER_ROW && row != r;
        if (crossesRiver && Arrays.stream(BRIDGE_COLUMNS).noneMatch(b -> b == col)) {
            return -1;
        }
        return node(c, r);
    }

    static LiveSpeeds city(Random random) {
        LiveSpeeds s = new LiveSpeeds();
        for (int n = 0; n < GRID * GRID; n++) {
            for (int d = 0; d < 4; d++) {
                boolean arterial = d < 2 ? (n / GRID) % 4 == 0 : (n % GRID) % 4 == 0;
                s.kmh[n][d] = arterial ? ARTERIAL_KMH : STREET_KMH;
            }
        }
        double centre = (GRID - 1) * BLOCK_M / 2;
        for (int n = 0; n < GRID * GRID; n++) {
            double x = (n % GRID) * BLOCK_M - centre, y = (n / GRID) * BLOCK_M - centre;
            if (Math.hypot(x, y) < CENTRE_RADIUS_M) {
                for (int d = 0; d < 4; d++) {
                    for (int ping = 0; ping < 20; ping++) {  // five minutes of pings from passing drivers
                        s.observe(n, d, CENTRE_OBSERVED_KMH * (0.6 + 0.8 * random.nextDouble()));
                    }
                }
            }
        }
        return s;
    }

    // tag::dijkstra[]
    /** Seconds from one intersection to every other, over the live speeds. */
    static double[] secondsFrom(int start, LiveSpeeds speeds) {
        double[] best = new double[GRID * GRID];
        Arrays.fill(best, Double.MAX_VALUE);
        best[start] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] {0, start});
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int at = (int) head[1];
            if (head[0] > best[at]) {
                continue;
            }
            for (int d = 0; d < 4; d++) {
                int next = neighbour(at, d);
                if (next >= 0) {
                    double t = head[0] + BLOCK_M / (speeds.kmh[at][d] / 3.6);
                    if (t < best[next]) {
                        best[next] = t;
                        queue.add(new double[] {t, next});
                    }
                }
            }
        }
        return best;
    }
    // end::dijkstra[]

    static double straightLineSeconds(int a, int b) {
        double dx = (a % GRID - b % GRID) * BLOCK_M, dy = (a / GRID - b / GRID) * BLOCK_M;
        return Math.hypot(dx, dy) * DETOUR / (STRAIGHT_LINE_KMH / 3.6);
    }

    /** A random intersection within the 3 km the geo index searched. */
    static int nearby(Random random, int rider) {
        while (true) {
            int n = random.nextInt(GRID * GRID);
            double dx = (n % GRID - rider % GRID) * BLOCK_M, dy = (n / GRID - rider / GRID) * BLOCK_M;
            if (Math.hypot(dx, dy) <= SEARCH_RADIUS_M) {
                return n;
            }
        }
    }

    record Result(int riders, int wrongPick, double meanExtraWhenWrongS, double worstExtraS, double meanAbsErrorShare) {
    }

    // tag::compare[]
    /**
     * The rider's candidates come back from the geo index; the router times each one. Straight-line
     * ranking is cheaper but picks a slower driver whenever a river or a jam is in the way.
     * (The trip is symmetric here, so one search from the rider times every candidate.)
     */
    static Result compare(long seed) {
        Random random = new Random(seed);
        LiveSpeeds speeds = city(random);
        int wrong = 0;
        double extra = 0, worst = 0, error = 0;
        for (int i = 0; i < RIDERS; i++) {
            int rider = random.nextInt(GRID * GRID);
            double[] road = secondsFrom(rider, speeds);
            int byLine = -1, byRoad = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                int driver = nearby(random, rider);
                double line = straightLineSeconds(rider, driver);
                if (byLine < 0 || line < straightLineSeconds(rider, byLine)) {
                    byLine = driver;
                }
                if (byRoad < 0 || road[driver] < road[byRoad]) {
                    byRoad = driver;
                }
            }
            if (road[byLine] > road[byRoad]) {
                wrong++;
                extra += road[byLine] - road[byRoad];
                worst = Math.max(worst, road[byLine] - road[byRoad]);
            }
            if (road[byRoad] > 0) {
                error += Math.abs(straightLineSeconds(rider, byRoad) - road[byRoad]) / road[byRoad];
            }
        }
        return new Result(RIDERS, wrong, extra / Math.max(1, wrong), worst, error / RIDERS);
    }
    // end::compare[]

    static final Result RESULT = compare(5);

    public static void main(String[] args) {
        Result r = RESULT;
        System.out.printf("%d riders, %d candidate drivers each%n", r.riders(), CANDIDATES);
        System.out.printf("Straight-line nearest is not the first to arrive: %d riders (%.0f%%)%n", r.wrongPick(),
                100.0 * r.wrongPick() / r.riders());
        System.out.printf("  extra wait when it is wrong: %.0f s on average, %.0f s at worst%n",
                r.meanExtraWhenWrongS(), r.worstExtraS());
        System.out.printf("Straight-line ETA misses the road ETA by %.0f%% on average%n", 100 * r.meanAbsErrorShare());
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("candidates", CANDIDATES);
        f.put("wrong-pick-share", (double) RESULT.wrongPick() / RESULT.riders());
        f.put("extra-when-wrong-s", RESULT.meanExtraWhenWrongS());
        f.put("worst-extra-s", RESULT.worstExtraS());
        f.put("straight-line-error", RESULT.meanAbsErrorShare());
        f.put("bridges", BRIDGE_COLUMNS.length);
        f.put("centre-kmh", CENTRE_OBSERVED_KMH);
        return f;
    }
}
