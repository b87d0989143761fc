package dispatch;

// run: timeout=20s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Greedy nearest-driver dispatch against batched optimal matching (the Hungarian algorithm), on the
 * same seeded stream of ride requests in one busy district. Batching picks better pairs but makes
 * every rider wait for the batch to close: the simulation measures both sides of that trade.
 */
public class BatchedMatching {

    // Assumptions, stated once.
    static final double DISTRICT_M = 8_000;             // an 8 km x 8 km busy district
    static final int FLEET = 300;                        // drivers working the district
    static final double STRAINED_PER_HOUR = 760;         // a strained evening: few drivers idle
    static final double MODERATE_PER_HOUR = 600;         // an ordinary evening
    static final double SPEED_MS = 20 / 3.6;             // 20 km/h average in city traffic
    static final double DETOUR = 1.3;                    // road distance over straight-line distance
    static final int SIMULATED_S = 4 * 3_600;
    static final int WARM_UP_S = 3_600;                  // statistics start after the first hour
    static final int[] WINDOWS_S = {0, 2, 5, 10, 20, 30, 60};
    static final long[] REQUEST_SEEDS = {2024, 2025, 2026};   // results are averaged over three evenings
    static final int SNAPSHOT_RIDERS = 30;               // riders waiting in one batch, in a 4 km x 4 km zone
    static final double[] DRIVERS_PER_RIDER = {1, 1.2, 1.5, 2, 3, 5, 10};
    static final double[] QUOTED_RATIOS = {1, 2, 5, 10};       // the supply ratios the page names

    // tag::hungarian[]
    /**
     * Minimum-total-cost assignment of each row (rider) to its own column (driver), rows <= columns.
     * Kuhn–Munkres with potentials: each rider is added in turn, and the cheapest augmenting path
     * may take a driver away from an earlier rider and hand that rider another.
     * O(rows² x columns).
     */
    static int[] hungarian(double[][] cost) {
        int n = cost.length, m = cost[0].length;
        double[] u = new double[n + 1], v = new double[m + 1];
        int[] owner = new int[m + 1], way = new int[m + 1];   // owner[j]: row holding column j
        for (int row = 1; row <= n; row++) {
            owner[0] = row;
            int j0 = 0;
            double[] minSlack = new double[m + 1];
            boolean[] used = new boolean[m + 1];
            Arrays.fill(minSlack, Double.MAX_VALUE);
            do {
                used[j0] = true;
                int i0 = owner[j0], next = 0;
                double delta = Double.MAX_VALUE;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double slack = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (slack < minSlack[j]) {
                            minSlack[j] = slack;
                            way[j] = j0;
                        }
                        if (minSlack[j] < delta) {
                            delta = minSlack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[owner[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                j0 = next;
            } while (owner[j0] != 0);
            do {                                                  // flip the augmenting path
                int j1 = way[j0];
                owner[j0] = owner[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] driverOf = new int[n];
        for (int j = 1; j <= m; j++) {
            if (owner[j] != 0) {
                driverOf[owner[j] - 1] = j - 1;
            }
        }
        return driverOf;
    }

    /** Greedy: riders in arrival order, each takes the nearest driver still free. */
    static int[] greedy(double[][] cost) {
        int n = cost.length, m = cost[0].length;
        boolean[] taken = new boolean[m];
        int[] driverOf = new int[n];
        for (int i = 0; i < n; i++) {
            int best = -1;
            for (int j = 0; j < m; j++) {
                if (!taken[j] && (best < 0 || cost[i][j] < cost[i][best])) {
                    best = j;
                }
            }
            taken[best] = true;
            driverOf[i] = best;
        }
        return driverOf;
    }

    /** Two riders, two drivers: the nearest-first choice for rider A strands rider B. */
    static final double[][] TWO_RIDERS = {
            {60, 120},    // rider A: driver 1 is 1 min away, driver 2 is 2 min away
            {120, 600},   // rider B: driver 1 is 2 min away, driver 2 is 10 min away
    };
    // end::hungarian[]

    static double total(double[][] cost, int[] driverOf) {
        double sum = 0;
        for (int i = 0; i < driverOf.length; i++) {
            sum += cost[i][driverOf[i]];
        }
        return sum;
    }

    record Request(int arrivesAt, double x, double y, double toX, double toY) {
    }

    record Outcome(int windowS, int served, double meanPickupS, double meanAssignWaitS, double meanTimeToPickupS) {
    }

    static class Driver {
        double x, y;
        int freeAt;

        Driver(double x, double y) {
            this.x = x;
            this.y = y;
        }
    }

    static double etaSeconds(double x1, double y1, double x2, double y2) {
        return Math.hypot(x1 - x2, y1 - y2) * DETOUR / SPEED_MS;
    }

    /** The same requests for every policy: Poisson arrivals, pickups and drop-offs anywhere in the district. */
    static List<Request> requests(double perHour, long seed) {
        Random random = new Random(seed);
        List<Request> list = new ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) * 3_600 / perHour;
            if (t >= SIMULATED_S) {
                return list;
            }
            list.add(new Request((int) t, random.nextDouble() * DISTRICT_M, random.nextDouble() * DISTRICT_M,
                    random.nextDouble() * DISTRICT_M, random.nextDouble() * DISTRICT_M));
        }
    }

    // tag::simulation[]
    /** Window 0: greedy dispatch every second. Window W: one optimal matching every W seconds. */
    static Outcome simulate(List<Request> requests, int windowS, long seed) {
        Random random = new Random(seed);
        List<Driver> fleet = new ArrayList<>();
        for (int i = 0; i < FLEET; i++) {
            fleet.add(new Driver(random.nextDouble() * DISTRICT_M, random.nextDouble() * DISTRICT_M));
        }
        List<Request> waiting = new ArrayList<>();
        double pickup = 0, assignWait = 0;
        int served = 0, next = 0;
        for (int t = 0; t < SIMULATED_S; t++) {
            while (next < requests.size() && requests.get(next).arrivesAt() <= t) {
                waiting.add(requests.get(next++));
            }
            boolean dispatchNow = windowS == 0 || t % windowS == 0;
            if (!dispatchNow || waiting.isEmpty()) {
                continue;
            }
            List<Driver> idle = new ArrayList<>();
            for (Driver d : fleet) {
                if (d.freeAt <= t) {
                    idle.add(d);
                }
            }
            if (idle.isEmpty()) {
                continue;
            }
            int size = Math.min(waiting.size(), idle.size());     // oldest riders first
            List<Request> batch = new ArrayList<>(waiting.subList(0, size));
            double[][] cost = new double[batch.size()][idle.size()];
            for (int i = 0; i < batch.size(); i++) {
                for (int j = 0; j < idle.size(); j++) {
                    Request r = batch.get(i);
                    cost[i][j] = etaSeconds(r.x(), r.y(), idle.get(j).x, idle.get(j).y);
                }
            }
            int[] driverOf = windowS == 0 ? greedy(cost) : hungarian(cost);
            for (int i = 0; i < batch.size(); i++) {
                Request r = batch.get(i);
                Driver d = idle.get(driverOf[i]);
                double toPickup = cost[i][driverOf[i]];
                double trip = etaSeconds(r.x(), r.y(), r.toX(), r.toY());
                d.freeAt = (int) Math.ceil(t + toPickup + trip);
                d.x = r.toX();
                d.y = r.toY();
                if (r.arrivesAt() >= WARM_UP_S) {
                    pickup += toPickup;
                    assignWait += t - r.arrivesAt();
                    served++;
                }
            }
            waiting.subList(0, batch.size()).clear();
        }
        double total = pickup + assignWait;
        return new Outcome(windowS, served, pickup / served, assignWait / served, total / served);
    }
    // end::simulation[]

    private static final Map<Double, List<Outcome>> OUTCOMES = new LinkedHashMap<>();

    static List<Outcome> outcomes() {
        return outcomes(STRAINED_PER_HOUR);
    }

    /** Each window's outcome, averaged over the evenings in REQUEST_SEEDS. */
    static List<Outcome> outcomes(double perHour) {
        return OUTCOMES.computeIfAbsent(perHour, BatchedMatching::measure);
    }

    static List<Outcome> measure(double perHour) {
        {
            List<List<Request>> evenings = new ArrayList<>();
            for (long seed : REQUEST_SEEDS) {
                evenings.add(requests(perHour, seed));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int w : WINDOWS_S) {
                int served = 0;
                double pickup = 0, wait = 0;
                for (List<Request> evening : evenings) {
                    Outcome o = simulate(evening, w, 7);
                    served += o.served();
                    pickup += o.meanPickupS() * o.served();
                    wait += o.meanAssignWaitS() * o.served();
                }
                outcomes.add(new Outcome(w, served, pickup / served, wait / served, (pickup + wait) / served));
            }
            return outcomes;
        }
    }

    // tag::snapshot[]
    /** One batch frozen in time: mean pickup ETA, greedy against optimal, at a drivers-per-rider ratio. */
    static double[] snapshot(double driversPerRider, int trials, long seed) {
        Random random = new Random(seed);
        int riders = SNAPSHOT_RIDERS, drivers = (int) Math.round(riders * driversPerRider);
        double greedySum = 0, optimalSum = 0;
        for (int trial = 0; trial < trials; trial++) {
            double[][] cost = new double[riders][drivers];
            double[][] r = points(random, riders), d = points(random, drivers);
            for (int i = 0; i < riders; i++) {
                for (int j = 0; j < drivers; j++) {
                    cost[i][j] = etaSeconds(r[i][0], r[i][1], d[j][0], d[j][1]);
                }
            }
            greedySum += total(cost, greedy(cost));
            optimalSum += total(cost, hungarian(cost));
        }
        return new double[] {greedySum / (trials * riders), optimalSum / (trials * riders)};
    }
    // end::snapshot[]

    static double[][] points(Random random, int n) {
        double[][] p = new double[n][2];
        for (double[] xy : p) {
            xy[0] = random.nextDouble() * 4_000;
            xy[1] = random.nextDouble() * 4_000;
        }
        return p;
    }

    private static List<double[]> snapshots;

    static List<double[]> snapshots() {
        if (snapshots == null) {
            snapshots = new ArrayList<>();
            for (double ratio : DRIVERS_PER_RIDER) {
                snapshots.add(snapshot(ratio, 100, 11));
            }
        }
        return snapshots;
    }

    static Outcome best(List<Outcome> list) {
        Outcome best = list.get(0);
        for (Outcome o : list) {
            if (o.meanTimeToPickupS() < best.meanTimeToPickupS()) {
                best = o;
            }
        }
        return best;
    }

    static Outcome window(List<Outcome> list, int seconds) {
        return list.stream().filter(o -> o.windowS() == seconds).findFirst().orElseThrow();
    }


    public static void main(String[] args) {
        int[] g = greedy(TWO_RIDERS), h = hungarian(TWO_RIDERS);
        System.out.printf("Two riders: greedy A->%d, B->%d totals %.0f s; optimal A->%d, B->%d totals %.0f s%n",
                g[0] + 1, g[1] + 1, total(TWO_RIDERS, g), h[0] + 1, h[1] + 1, total(TWO_RIDERS, h));
        System.out.println();
        System.out.println("Drivers per rider   greedy pickup   optimal pickup   saving");
        for (int i = 0; i < DRIVERS_PER_RIDER.length; i++) {
            double[] s = snapshots().get(i);
            System.out.printf("%17.1f   %11.1f s   %12.1f s   %5.1f %%%n", DRIVERS_PER_RIDER[i], s[0], s[1], 100 * (1 - s[1] / s[0]));
        }
        for (double load : new double[] {MODERATE_PER_HOUR, STRAINED_PER_HOUR}) {
            System.out.printf("%n%d drivers, %.0f requests/hour, %d evenings of %d h%n", FLEET, load,
                    REQUEST_SEEDS.length, (SIMULATED_S - WARM_UP_S) / 3_600);
            System.out.println("window  served  pickup ETA  wait for batch  request-to-pickup");
            for (Outcome o : outcomes(load)) {
                System.out.printf("%4d s  %6d  %8.1f s  %12.1f s  %15.1f s%s%n", o.windowS(), o.served(), o.meanPickupS(),
                        o.meanAssignWaitS(), o.meanTimeToPickupS(), o.windowS() == 0 ? "   (greedy)" : "");
            }
        }
    }

    public static Map<String, Object> facts() {
        List<Outcome> strained = outcomes(STRAINED_PER_HOUR), moderate = outcomes(MODERATE_PER_HOUR);
        Outcome greedy = strained.get(0), best = best(strained);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("two-greedy-total-s", total(TWO_RIDERS, greedy(TWO_RIDERS)));
        f.put("two-optimal-total-s", total(TWO_RIDERS, hungarian(TWO_RIDERS)));
        f.put("batch-1000-steps", Math.pow(1_000, 3));   // rows² x columns for a 1,000 x 1,000 batch
        f.put("fleet", FLEET);
        f.put("strained-per-hour", STRAINED_PER_HOUR);
        f.put("moderate-per-hour", MODERATE_PER_HOUR);
        f.put("district-km", DISTRICT_M / 1000);
        f.put("speed-kmh", SPEED_MS * 3.6);
        f.put("detour", DETOUR);
        f.put("snapshot-riders", SNAPSHOT_RIDERS);
        for (int i = 0; i < DRIVERS_PER_RIDER.length; i++) {
            double[] g = snapshots().get(i);
            double ratio = DRIVERS_PER_RIDER[i];
            if (java.util.Arrays.stream(QUOTED_RATIOS).anyMatch(q -> q == ratio)) {
                f.put("snapshot-saving-" + (int) ratio, 1 - g[1] / g[0]);
            }
            if (ratio == 1) {
                f.put("snapshot-greedy-1-s", g[0]);
                f.put("snapshot-optimal-1-s", g[1]);
            }
        }
        f.put("moderate-greedy-total-s", moderate.get(0).meanTimeToPickupS());
        f.put("moderate-best-window-s", best(moderate).windowS());
        f.put("moderate-w60-pickup-saving", 1 - window(moderate, 60).meanPickupS() / moderate.get(0).meanPickupS());
        f.put("moderate-w60-total-s", window(moderate, 60).meanTimeToPickupS());
        f.put("strained-greedy-pickup-s", greedy.meanPickupS());
        f.put("strained-greedy-total-s", greedy.meanTimeToPickupS());
        f.put("strained-w10-pickup-saving", 1 - window(strained, 10).meanPickupS() / greedy.meanPickupS());
        f.put("strained-w10-total-s", window(strained, 10).meanTimeToPickupS());
        f.put("strained-best-window-s", best.windowS());
        f.put("strained-best-total-s", best.meanTimeToPickupS());
        f.put("strained-best-pickup-saving", 1 - best.meanPickupS() / greedy.meanPickupS());
        return f;
    }

    public static Map<String, Object> charts() {
        List<String> windows = new ArrayList<>();
        List<Double> pickup = new ArrayList<>(), total = new ArrayList<>(), moderateTotal = new ArrayList<>();
        for (int i = 0; i < WINDOWS_S.length; i++) {
            Outcome o = outcomes(STRAINED_PER_HOUR).get(i);
            windows.add(o.windowS() == 0 ? "greedy" : o.windowS() + " s");
            pickup.add(round1(o.meanPickupS()));
            total.add(round1(o.meanTimeToPickupS()));
            moderateTotal.add(round1(outcomes(MODERATE_PER_HOUR).get(i).meanTimeToPickupS()));
        }
        List<String> ratios = new ArrayList<>();
        List<Double> greedy = new ArrayList<>(), optimal = new ArrayList<>();
        for (int i = 0; i < DRIVERS_PER_RIDER.length; i++) {
            ratios.add(String.valueOf(DRIVERS_PER_RIDER[i]).replace(".0", ""));
            greedy.add(round1(snapshots().get(i)[0]));
            optimal.add(round1(snapshots().get(i)[1]));
        }
        return Map.of(
                "batching", Map.of(
                        "tooltip", Map.of("trigger", "axis"),
                        "legend", Map.of("top", 0),
                        "grid", Map.of("left", 70, "right", 30, "top", 60, "bottom", 50),
                        "xAxis", Map.of("type", "category", "data", windows, "name", "batch window", "nameLocation", "middle", "nameGap", 30),
                        "yAxis", Map.of("type", "value", "name", "seconds (mean per rider)"),
                        "series", List.of(
                                Map.of("type", "line", "name", "strained: pickup ETA", "data", pickup),
                                Map.of("type", "line", "name", "strained: request to pickup", "data", total),
                                Map.of("type", "line", "name", "ordinary: request to pickup", "data", moderateTotal))),
                "batch-supply", Map.of(
                        "tooltip", Map.of("trigger", "axis"),
                        "legend", Map.of("top", 0),
                        "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                        "xAxis", Map.of("type", "category", "data", ratios, "name", "idle drivers per waiting rider in the batch",
                                "nameLocation", "middle", "nameGap", 30),
                        "yAxis", Map.of("type", "value", "name", "mean pickup ETA (s)"),
                        "series", List.of(
                                Map.of("type", "bar", "name", "greedy, nearest first", "data", greedy),
                                Map.of("type", "bar", "name", "optimal (Hungarian)", "data", optimal))));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
