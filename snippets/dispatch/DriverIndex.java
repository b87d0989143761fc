package dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * One dispatcher pod's memory: drivers bucketed by hexagonal cell, updated by pings, queried by ring.
 * Then the question the usual sketch skips: if pods own cells, how many pods does one query touch?
 */
public class DriverIndex {

    // Assumptions, stated once.
    static final double EDGE_M = 201.35;              // cells of H3 resolution 9's area (see HexRings)
    static final int RINGS = 11;                      // rings that cover 3 km wherever the rider stands (HexRings)
    static final double SEARCH_RADIUS_M = 3_000;
    static final double STALE_AFTER_S = 15;           // skip drivers whose last ping is older than this
    static final double PING_INTERVAL_S = 4;
    static final double DRIVER_SPEED_KMH = 30;        // cruising speed between pings
    static final int DRIVERS = 8_000;                 // online in a 20 km x 20 km metro
    static final double QUIET_SHARE = 0.03;           // drivers whose app stopped pinging a while ago
    static final int PODS = 64;                       // dispatcher pods serving the metro
    static final int REGION_CELLS = 16;               // a shard region: 16 x 16 cells

    record Cell(int q, int r) {
    }

    /** The pointy-top hexagon containing (x, y), in axial coordinates (cube rounding). */
    static Cell cellOf(double x, double y) {
        double q = (Math.sqrt(3) / 3 * x - y / 3) / EDGE_M, r = (2.0 / 3 * y) / EDGE_M, s = -q - r;
        long rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
        double dq = Math.abs(rq - q), dr = Math.abs(rr - r), ds = Math.abs(rs - s);
        if (dq > dr && dq > ds) {
            rq = -rr - rs;
        } else if (dr > ds) {
            rr = -rq - rs;
        }
        return new Cell((int) rq, (int) rr);
    }

    static List<Cell> kRing(Cell centre, int k) {
        List<Cell> cells = new ArrayList<>();
        for (int dq = -k; dq <= k; dq++) {
            for (int dr = Math.max(-k, -dq - k); dr <= Math.min(k, -dq + k); dr++) {
                cells.add(new Cell(centre.q() + dq, centre.r() + dr));
            }
        }
        return cells;
    }

    // tag::index-and-sharding[]
    // tag::index[]
    record Ping(int driver, double x, double y, double atSeconds) {
    }

    record Found(Ping ping, double metres) {
    }

    record QueryStats(int cellsScanned, int driversExamined, int staleSkipped, int withinRadius,
                      List<Found> nearest) {
    }

    /** Stand-in for one dispatcher pod's memory: drivers bucketed by the cell they are in. */
    static class InMemoryDriverIndex {
        private final Map<Cell, Map<Integer, Ping>> byCell = new HashMap<>();
        private final Map<Integer, Cell> cellOfDriver = new HashMap<>();
        int updates, cellChanges;

        /** A ping overwrites the last one; a driver who crossed a cell edge changes bucket. */
        void update(Ping ping) {
            Cell now = cellOf(ping.x(), ping.y());
            Cell before = cellOfDriver.put(ping.driver(), now);
            if (before != null) {
                updates++;
                if (!before.equals(now)) {
                    byCell.get(before).remove(ping.driver());
                    cellChanges++;
                }
            }
            byCell.computeIfAbsent(now, c -> new HashMap<>()).put(ping.driver(), ping);
        }

        /** Drivers within the radius of (x, y), nearest first, skipping stale pings. */
        QueryStats near(double x, double y, double nowSeconds, int limit) {
            List<Cell> cells = kRing(cellOf(x, y), RINGS);
            List<Found> found = new ArrayList<>();
            int examined = 0, stale = 0;
            for (Cell c : cells) {
                for (Ping p : byCell.getOrDefault(c, Map.of()).values()) {
                    examined++;
                    if (nowSeconds - p.atSeconds() > STALE_AFTER_S) {
                        stale++;                 // moved on, or the app went offline
                        continue;
                    }
                    double d = Math.hypot(p.x() - x, p.y() - y);
                    if (d <= SEARCH_RADIUS_M) {
                        found.add(new Found(p, d));
                    }
                }
            }
            found.sort(Comparator.comparingDouble(Found::metres));
            return new QueryStats(cells.size(), examined, stale, found.size(),
                    found.subList(0, Math.min(limit, found.size())));
        }
    }
    // end::index[]

    // tag::sharding[]
    /** Pods one ring query must ask, when a pod owns whatever cells the shard key sends it. */
    static double podsPerQuery(List<Cell> riders, ToIntFunction<Cell> shardKey) {
        double total = 0;
        for (Cell rider : riders) {
            Set<Integer> pods = new HashSet<>();
            for (Cell c : kRing(rider, RINGS)) {
                pods.add(Math.floorMod(shardKey.applyAsInt(c), PODS));
            }
            total += pods.size();
        }
        return total / riders.size();
    }

    static final ToIntFunction<Cell> BY_CELL = c -> mix(c.q(), c.r());
    static final ToIntFunction<Cell> BY_REGION =
            c -> mix(Math.floorDiv(c.q(), REGION_CELLS), Math.floorDiv(c.r(), REGION_CELLS));
    // end::sharding[]
    // end::index-and-sharding[]

    /** Drivers cruise in straight lines, pinging every 4 s; a few went quiet a while ago. */
    static InMemoryDriverIndex metro(Random random) {
        InMemoryDriverIndex index = new InMemoryDriverIndex();
        double now = 120, step = DRIVER_SPEED_KMH / 3.6 * PING_INTERVAL_S;
        for (int id = 0; id < DRIVERS; id++) {
            double x = random.nextDouble() * 20_000 - 10_000, y = random.nextDouble() * 20_000 - 10_000;
            double heading = random.nextDouble() * 2 * Math.PI;
            boolean quiet = random.nextDouble() < QUIET_SHARE;
            double lastPing = quiet ? random.nextDouble() * 100 : now - random.nextDouble() * PING_INTERVAL_S;
            for (int i = 8; i >= 0; i--) {
                index.update(new Ping(id, x, y, lastPing - i * PING_INTERVAL_S));
                x += step * Math.cos(heading);
                y += step * Math.sin(heading);
            }
        }
        return index;
    }



    /** A well-spread hash of two integers (any decent hash gives the same picture). */
    static int mix(int a, int b) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 29));
    }

    static List<Cell> riders() {
        Random random = new Random(7);
        List<Cell> riders = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            riders.add(cellOf(random.nextDouble() * 16_000 - 8_000, random.nextDouble() * 16_000 - 8_000));
        }
        return riders;
    }

    static final InMemoryDriverIndex METRO = metro(new Random(42));
    static final QueryStats CENTRE_QUERY = METRO.near(0, 0, 120, 5);

    public static void main(String[] args) {
        QueryStats q = CENTRE_QUERY;
        System.out.printf("%,d location updates, %,d of them moved a driver to another cell%n", METRO.updates, METRO.cellChanges);
        System.out.printf("Query at the centre: %d cells, %d drivers examined, %d stale skipped, %d within %.0f m%n",
                q.cellsScanned(), q.driversExamined(), q.staleSkipped(), q.withinRadius(), SEARCH_RADIUS_M);
        for (Found f : q.nearest()) {
            System.out.printf("  driver %4d  %,5.0f m away, last ping %.1f s ago%n", f.ping().driver(), f.metres(),
                    120 - f.ping().atSeconds());
        }
        List<Cell> riders = riders();
        System.out.printf("Pods asked per query (of %d): %.1f when cells are hashed, %.1f when %dx%d-cell regions are%n",
                PODS, podsPerQuery(riders, BY_CELL), podsPerQuery(riders, BY_REGION), REGION_CELLS, REGION_CELLS);
    }

    public static Map<String, Object> facts() {
        List<Cell> riders = riders();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("index-rings", RINGS);
        f.put("query-cells", CENTRE_QUERY.cellsScanned());
        f.put("query-examined", CENTRE_QUERY.driversExamined());
        f.put("query-stale", CENTRE_QUERY.staleSkipped());
        f.put("stale-after-s", STALE_AFTER_S);
        f.put("index-ping-interval-s", PING_INTERVAL_S);
        f.put("cruise-kmh", DRIVER_SPEED_KMH);
        f.put("index-edge-m", EDGE_M);
        f.put("cell-change-share", (double) METRO.cellChanges / METRO.updates);
        f.put("pods", PODS);
        f.put("region-cells", REGION_CELLS);
        f.put("region-km", REGION_CELLS * Math.sqrt(3) * EDGE_M / 1000);
        f.put("pods-hashing-cells", podsPerQuery(riders, BY_CELL));
        f.put("pods-hashing-regions", podsPerQuery(riders, BY_REGION));
        return f;
    }
}
