package dispatch;

// run: timeout=20s

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How many rings of hexagons a "drivers within 3 km" query must scan, derived from the cell's geometry.
 * Cells have the area of H3 resolution 9; the grid lives on a local flat map in metres (a city is small
 * enough for that), where H3 does the same job on the whole sphere.
 */
public class HexRings {

    // Assumptions, stated once.
    static final double CELL_AREA_M2 = 105_332.5;     // H3 resolution 9, average hexagon area (h3geo.org)
    static final double H3_V3_EDGE_M = 174.4;         // the edge length H3's 3.x docs listed for resolution 9
    static final double QUOTED_CELL_M = 150;          // the "~150 m" the common sketch divides by
    static final double SEARCH_RADIUS_M = 3_000;      // find drivers within 3 km
    static final int QUOTED_RINGS = 20;               // the ring count the common sketch uses

    /** Edge (centre to corner) of a regular hexagon with the H3 resolution 9 area. */
    static final double EDGE_M = Math.sqrt(2 * CELL_AREA_M2 / (3 * Math.sqrt(3)));

    // tag::geometry[]
    /** A pointy-top hexagon in axial coordinates (q, r). */
    record Cell(int q, int r) {
    }

    static double[] centre(Cell c, double edge) {
        return new double[] {edge * Math.sqrt(3) * (c.q() + c.r() / 2.0), edge * 1.5 * c.r()};
    }

    static Cell cellOf(double x, double y, double edge) {
        double q = (Math.sqrt(3) / 3 * x - y / 3) / edge;
        double r = (2.0 / 3 * y) / edge;
        return roundToCell(q, r);
    }

    /** Rounds fractional axial coordinates to the hexagon that contains them (cube rounding). */
    static Cell roundToCell(double q, double r) {
        double s = -q - r;
        long rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
        double dq = Math.abs(rq - q), dr = Math.abs(rr - r), ds = Math.abs(rs - s);
        if (dq > dr && dq > ds) {
            rq = -rr - rs;
        } else if (dr > ds) {
            rr = -rq - rs;
        }
        return new Cell((int) rq, (int) rr);
    }

    /** Steps between two cells, moving only to neighbours. */
    static int hexDistance(Cell a, Cell b) {
        int dq = a.q() - b.q(), dr = a.r() - b.r();
        return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
    }

    /** Every cell at most k steps from the centre: 3k(k+1)+1 cells. */
    static List<Cell> kRing(Cell centre, int k) {
        List<Cell> cells = new ArrayList<>();
        for (int dq = -k; dq <= k; dq++) {
            for (int dr = Math.max(-k, -dq - k); dr <= Math.min(k, -dq + k); dr++) {
                cells.add(new Cell(centre.q() + dq, centre.r() + dr));
            }
        }
        return cells;
    }
    // end::geometry[]

    // tag::ring-size[]
    /** Adjacent centres are sqrt(3) edges apart: that, not the cell's "size", is a ring's step. */
    static double centreSpacing(double edge) {
        return Math.sqrt(3) * edge;
    }

    /** The quick estimate: radius over centre spacing. Right along the six neighbour directions. */
    static int quickRings(double radius, double edge) {
        return (int) Math.ceil(radius / centreSpacing(edge));
    }

    /**
     * The distance every k-ring query is sure to cover, wherever the rider stands in their cell: the
     * gap between the rider's cell and the nearest cell k+1 steps away.
     */
    static double guaranteedRadius(int k, double edge) {
        List<double[]> home = corners(new Cell(0, 0), edge);
        double nearest = Double.MAX_VALUE;
        for (Cell c : kRing(new Cell(0, 0), k + 1)) {
            if (hexDistance(c, new Cell(0, 0)) == k + 1) {
                nearest = Math.min(nearest, polygonGap(home, corners(c, edge)));
            }
        }
        return nearest;
    }

    /** The smallest ring sure to find every driver within the radius, wherever the rider stands. */
    static int ringsNeeded(double radius, double edge) {
        int k = 0;
        while (guaranteedRadius(k, edge) < radius) {
            k++;
        }
        return k;
    }
    // end::ring-size[]

    static List<double[]> corners(Cell c, double edge) {
        double[] o = centre(c, edge);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double angle = Math.toRadians(60 * i + 30);
            pts.add(new double[] {o[0] + edge * Math.cos(angle), o[1] + edge * Math.sin(angle)});
        }
        return pts;
    }

    /** Distance between two disjoint convex polygons: the closest corner-to-side pair, both ways. */
    static double polygonGap(List<double[]> a, List<double[]> b) {
        return Math.min(cornersToSides(a, b), cornersToSides(b, a));
    }

    private static double cornersToSides(List<double[]> from, List<double[]> to) {
        double best = Double.MAX_VALUE;
        for (double[] p : from) {
            for (int i = 0; i < to.size(); i++) {
                best = Math.min(best, pointToSegment(p, to.get(i), to.get((i + 1) % to.size())));
            }
        }
        return best;
    }

    static double pointToSegment(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0], dy = b[1] - a[1];
        double t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    }





    /** For riders spread over the metro, how many drivers truly within 3 km a k-ring finds. */
    record Recall(int k, int cells, double recall, long missed) {
    }

    private static List<Recall> recall;

    static List<Recall> recallByRing() {
        if (recall == null) {
            recall = measureRecall(14);
        }
        return recall;
    }

    static List<Recall> measureRecall(int maxK) {
        Random random = new Random(9);
        List<double[]> drivers = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            drivers.add(new double[] {random.nextDouble() * 24_000 - 12_000, random.nextDouble() * 24_000 - 12_000});
        }
        long[] atDistance = new long[maxK + 40];
        long total = 0;
        for (int i = 0; i < 1_200; i++) {
            double x = random.nextDouble() * 8_000 - 4_000, y = random.nextDouble() * 8_000 - 4_000;
            Cell home = cellOf(x, y, EDGE_M);
            for (double[] d : drivers) {
                if (Math.hypot(d[0] - x, d[1] - y) <= SEARCH_RADIUS_M) {
                    atDistance[hexDistance(home, cellOf(d[0], d[1], EDGE_M))]++;
                    total++;
                }
            }
        }
        List<Recall> rows = new ArrayList<>();
        long found = 0;
        for (int k = 0; k <= maxK; k++) {
            found += atDistance[k];
            rows.add(new Recall(k, 3 * k * (k + 1) + 1, (double) found / total, total - found));
        }
        return rows;
    }

    public static void main(String[] args) {
        System.out.printf("Cell: edge %.0f m, area %.4f km2, neighbour centres %.0f m apart%n", EDGE_M,
                CELL_AREA_M2 / 1e6, centreSpacing(EDGE_M));
        System.out.printf("Quick estimate: ceil(%.0f / %.0f) = %d rings%n", SEARCH_RADIUS_M, centreSpacing(EDGE_M),
                quickRings(SEARCH_RADIUS_M, EDGE_M));
        for (int k : new int[] {9, 10, 11, 12, QUOTED_RINGS}) {
            System.out.printf("  %2d rings (%,5d cells) cover %,5.0f m wherever the rider stands%n", k,
                    3 * k * (k + 1) + 1, guaranteedRadius(k, EDGE_M));
        }
        int k = ringsNeeded(SEARCH_RADIUS_M, EDGE_M);
        System.out.printf("Rings needed for %.0f m: %d (%d cells)%n", SEARCH_RADIUS_M, k, 3 * k * (k + 1) + 1);
        Recall quick = recallByRing().get(quickRings(SEARCH_RADIUS_M, EDGE_M)), needed = recallByRing().get(k);
        System.out.printf("Simulated riders: %d rings find %.2f%% of drivers within %.0f m, %d rings find %.2f%%%n",
                quick.k(), 100 * quick.recall(), SEARCH_RADIUS_M, needed.k(), 100 * needed.recall());
    }

    public static Map<String, Object> facts() {
        int k = ringsNeeded(SEARCH_RADIUS_M, EDGE_M);
        List<Recall> recall = recallByRing();
        int quick = quickRings(SEARCH_RADIUS_M, EDGE_M);
        Map<String, Object> f = new HashMap<>();
        f.put("cell-area-km2", CELL_AREA_M2 / 1e6);
        f.put("edge-m", EDGE_M);
        f.put("h3-v3-edge-m", H3_V3_EDGE_M);
        f.put("h3-v3-edge-area-km2", 3 * Math.sqrt(3) / 2 * H3_V3_EDGE_M * H3_V3_EDGE_M / 1e6);
        f.put("spacing-m", centreSpacing(EDGE_M));
        f.put("flat-side-step-m", 1.5 * EDGE_M);
        f.put("radius-m", SEARCH_RADIUS_M);
        f.put("quick-rings", quick);
        f.put("rings-needed", k);
        f.put("ring-cells", 3 * k * (k + 1) + 1);
        f.put("guaranteed-at-quick-m", guaranteedRadius(quick, EDGE_M));
        f.put("guaranteed-at-needed-m", guaranteedRadius(k, EDGE_M));
        f.put("recall-at-quick", recall.get(quick).recall());
        f.put("missed-at-quick", recall.get(quick).missed());
        f.put("missed-at-needed", recall.get(k).missed());
        f.put("missed-one-short", recall.get(k - 1).missed());
        f.put("source-cell-m", QUOTED_CELL_M);
        f.put("square-diagonal-extra", Math.sqrt(2) - 1);    // a square's corner neighbour, over its side one
        f.put("source-rings", QUOTED_RINGS);
        f.put("source-ring-cells", 3 * QUOTED_RINGS * (QUOTED_RINGS + 1) + 1);
        f.put("source-ring-radius-m", guaranteedRadius(QUOTED_RINGS, EDGE_M));
        f.put("source-ring-work", (3.0 * QUOTED_RINGS * (QUOTED_RINGS + 1) + 1) / (3.0 * k * (k + 1) + 1));
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Edge length", "Where it comes from", "Centre spacing", "Quick estimate (rings)",
                "Rings needed", "Cells scanned"));
        addRingRow(rows, QUOTED_CELL_M, "the commonly quoted \"~150 m\", read as an edge");
        addRingRow(rows, H3_V3_EDGE_M, "H3 3.x docs' listed edge for resolution 9");
        addRingRow(rows, EDGE_M, "a regular hexagon of H3 resolution 9's average area (this page)");
        return Map.of("ring-size", Map.of("rows", rows,
                "derived", List.of("Centre spacing", "Quick estimate (rings)", "Rings needed", "Cells scanned")));
    }

    private static void addRingRow(List<List<String>> rows, double edge, String basis) {
        int k = ringsNeeded(SEARCH_RADIUS_M, edge);
        rows.add(List.of(String.format("%.1f m", edge), basis, String.format("%.1f m", centreSpacing(edge)),
                String.valueOf(quickRings(SEARCH_RADIUS_M, edge)), String.valueOf(k),
                String.format("%,d", 3 * k * (k + 1) + 1)));
    }

    public static Map<String, Object> charts() {
        List<Recall> rows = recallByRing();
        List<Integer> ks = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        for (Recall r : rows.subList(3, rows.size())) {
            ks.add(r.k());
            recall.add(Math.round(r.recall() * 10_000) / 100.0);
            cells.add(r.cells());
        }
        return Map.of("ring-recall", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 80, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "category", "data", ks, "name", "rings (k)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", List.of(
                        Map.of("type", "value", "name", "drivers within 3 km found (%)", "min", 0, "max", 100),
                        Map.of("type", "value", "name", "cells scanned")),
                "series", List.of(
                        Map.of("type", "line", "name", "drivers within 3 km found (%)", "data", recall),
                        Map.of("type", "bar", "name", "cells scanned", "yAxisIndex", 1, "data", cells))));
    }
}
