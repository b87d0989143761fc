package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ride-dispatch case study, rechecked from the published page: the ring size from the cell's
 * geometry (with a hexagon-distance computation written independently of the program's), the
 * back-of-envelope from its stated assumptions, and the claims the prose makes about the simulations.
 */
class RideDispatchTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/ride-dispatch.html", "dispatch");
    private static final double SQRT3 = Math.sqrt(3);

    // ---- ring size -------------------------------------------------------------------------------

    /** Corners of the pointy-top hexagon at axial (q, r), edge e. */
    private static double[][] hexagon(int q, int r, double e) {
        double cx = e * SQRT3 * (q + r / 2.0), cy = e * 1.5 * r;
        double[][] p = new double[6][];
        for (int i = 0; i < 6; i++) {
            double a = Math.PI / 6 + i * Math.PI / 3;
            p[i] = new double[] {cx + e * Math.cos(a), cy + e * Math.sin(a)};
        }
        return p;
    }

    /** Points spaced along a hexagon's outline; their pairwise distances bound the gap from above. */
    private static List<double[]> outline(double[][] corners, int perSide) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] a = corners[i], b = corners[(i + 1) % 6];
            for (int s = 0; s < perSide; s++) {
                double t = (double) s / perSide;
                pts.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
            }
        }
        return pts;
    }

    /** Gap between the home cell and the nearest cell exactly k+1 steps away, by sampling both outlines. */
    private static double coveredRadius(int k, double e) {
        List<double[]> home = outline(hexagon(0, 0, e), 60);
        double best = Double.MAX_VALUE;
        int d = k + 1;
        for (int q = -d; q <= d; q++) {
            for (int r = -d; r <= d; r++) {
                if ((Math.abs(q) + Math.abs(r) + Math.abs(q + r)) / 2 != d) {
                    continue;
                }
                double[] c = {e * SQRT3 * (q + r / 2.0), e * 1.5 * r};
                if (Math.hypot(c[0], c[1]) - 2 * e > best) {
                    continue; // cannot be nearer than the best so far
                }
                for (double[] p : outline(hexagon(q, r, e), 60)) {
                    for (double[] h : home) {
                        best = Math.min(best, Math.hypot(p[0] - h[0], p[1] - h[1]));
                    }
                }
            }
        }
        return best;
    }

    private static int cellsInRing(int k) {
        return 3 * k * (k + 1) + 1;
    }

    @Test
    void theRingSizeFollowsFromTheCellGeometry() {
        double area = PAGE.fact("cell-area-km2") * 1e6;
        double radius = PAGE.fact("radius-m");
        double edge = Math.sqrt(2 * area / (3 * SQRT3));
        assertEquals(edge, PAGE.fact("edge-m"), 1e-6, PAGE + ": edge of a regular hexagon of the stated area");
        assertEquals(SQRT3 * edge, PAGE.fact("spacing-m"), 1e-6, PAGE + ": neighbour centres are sqrt(3) edges apart");
        assertEquals(1.5 * edge, PAGE.fact("flat-side-step-m"), 1e-6, PAGE + ": a ring's step towards its flat side");
        int quick = (int) Math.ceil(radius / (SQRT3 * edge));
        assertEquals(quick, PAGE.fact("quick-rings"), PAGE + ": quick estimate, radius over spacing");

        int needed = 0;
        while (coveredRadius(needed, edge) < radius) {
            needed++;
        }
        assertEquals(needed, PAGE.fact("rings-needed"), PAGE + ": smallest ring sure to cover " + radius + " m");
        assertEquals(cellsInRing(needed), PAGE.fact("ring-cells"), PAGE + ": cells in the needed ring");
        assertEquals(coveredRadius(needed, edge), PAGE.fact("guaranteed-at-needed-m"), 1.0, PAGE + ": radius covered by the needed ring");
        assertEquals(coveredRadius(quick, edge), PAGE.fact("guaranteed-at-quick-m"), 1.0, PAGE + ": radius covered by the quick estimate");
        assertTrue(PAGE.fact("guaranteed-at-quick-m") < radius, PAGE + ": the page says the quick estimate falls short; it does not");
        assertEquals(0, PAGE.fact("missed-at-needed"), PAGE + ": a ring sure to cover the radius cannot miss a driver within it");
        assertTrue(PAGE.fact("missed-at-quick") > 0, PAGE + ": the quick estimate falls short, so the simulation should miss drivers");
    }

    @Test
    void theSourcesTwentyRingsAreRecountedFromTheGeometry() {
        double edge = PAGE.fact("edge-m");
        int source = (int) PAGE.fact("source-rings");
        assertEquals(20, source, PAGE + ": the commonly quoted ring count");
        assertEquals(cellsInRing(source), PAGE.fact("source-ring-cells"), PAGE + ": cells in 20 rings");
        assertEquals(coveredRadius(source, edge), PAGE.fact("source-ring-radius-m"), 1.0, PAGE + ": radius covered by 20 rings");
        assertEquals((double) cellsInRing(source) / cellsInRing((int) PAGE.fact("rings-needed")), PAGE.fact("source-ring-work"), 1e-9,
                PAGE + ": 20 rings against the needed ring");
        assertEquals(Math.sqrt(2) - 1, PAGE.fact("square-diagonal-extra"), 1e-12, PAGE + ": a square's diagonal over its side");
        double v3 = PAGE.fact("h3-v3-edge-m");
        assertEquals(3 * SQRT3 / 2 * v3 * v3 / 1e6, PAGE.fact("h3-v3-edge-area-km2"), 1e-9, PAGE + ": area of a hexagon with H3 3.x's edge");
    }

    @Test
    void everyRowOfTheRingTableFollowsFromItsEdge() {
        for (Element row : PAGE.rows("dispatch.ring-size")) {
            double edge = Quantities.number(row.child(0).text()).doubleValue();
            String where = PAGE + " ring-size table, edge " + row.child(0).text();
            assertEquals(SQRT3 * edge, Quantities.number(row.child(2).text()).doubleValue(), 0.051, where + ": Centre spacing");
            int quick = (int) Math.ceil(3_000 / (SQRT3 * edge));
            assertEquals(quick, Integer.parseInt(row.child(3).text()), where + ": Quick estimate");
            int needed = 0;
            while (coveredRadius(needed, edge) < 3_000) {
                needed++;
            }
            assertEquals(needed, Integer.parseInt(row.child(4).text()), where + ": Rings needed");
            assertEquals(cellsInRing(needed), Quantities.number(row.child(5).text()).intValue(), where + ": Cells scanned");
            assertTrue(needed != 20, where + ": no reading of the cell size should give the source's 20 rings");
        }
    }

    // ---- index and sharding ----------------------------------------------------------------------

    @Test
    void theIndexScansTheRingTheGeometryAsksFor() {
        assertEquals(PAGE.fact("ring-cells"), PAGE.fact("query-cells"), PAGE + ": the index's query scans a different ring");
    }

    @Test
    void hashingFineCellsSpreadsOneQueryLikeBallsInBins() {
        double pods = PAGE.fact("pods");
        double cells = PAGE.fact("query-cells");
        double expected = pods * (1 - Math.pow(1 - 1 / pods, cells));
        assertEquals(expected, PAGE.fact("pods-hashing-cells"), 0.5, PAGE + ": pods touched when each cell is hashed");
        // A ring spans 2k+1 cells along each axis; regions of R cells overlap it in at most
        // ceil((2k+1)/R)+1 regions per axis.
        int k = (int) PAGE.fact("rings-needed");
        int perAxis = (int) Math.ceil((2.0 * k + 1) / PAGE.fact("region-cells")) + 1;
        assertTrue(PAGE.fact("pods-hashing-regions") <= perAxis * perAxis,
                PAGE + ": a ring cannot touch more than " + perAxis * perAxis + " regions");
        assertEquals(PAGE.fact("region-cells") * SQRT3 * PAGE.fact("edge-m") / 1000, PAGE.fact("region-km"), 0.01, PAGE + ": region width");
    }

    @Test
    void cellChangesMatchTheCroftonEstimate() {
        // A step of length s crosses a tiling with boundary length L per unit area E = 2 s L / pi times on
        // average; for hexagons of edge e, L = 2 / (sqrt(3) e). A change of cell happens at most that often.
        double step = PAGE.fact("cruise-kmh") / 3.6 * PAGE.fact("index-ping-interval-s");
        double e = PAGE.fact("edge-m");
        double crossings = 2 * step * (2 / (SQRT3 * e)) / Math.PI;
        double share = PAGE.fact("cell-change-share");
        assertTrue(share <= crossings * 1.03 && share >= crossings * 0.93,
                PAGE + ": " + share + " of updates changed cell; geometry expects just under " + crossings);
    }

    // ---- matching and surge ----------------------------------------------------------------------

    @Test
    void theTwoRiderExampleIsRecomputedFromTheCodeShown() {
        String code = PAGE.doc().select("pre code").stream().map(Element::text)
                .filter(t -> t.contains("TWO_RIDERS = {")).findFirst().orElse(null);
        assertNotNull(code, PAGE + ": the two-rider matrix is not shown");
        Matcher m = Pattern.compile("\\{(\\d+), (\\d+)}").matcher(code.substring(code.indexOf("TWO_RIDERS = {")));
        double[][] cost = new double[2][2];
        for (int i = 0; i < 2; i++) {
            assertTrue(m.find(), PAGE + ": row " + i + " of the two-rider matrix");
            cost[i][0] = Double.parseDouble(m.group(1));
            cost[i][1] = Double.parseDouble(m.group(2));
        }
        int aTakes = cost[0][0] <= cost[0][1] ? 0 : 1;
        double greedy = cost[0][aTakes] + cost[1][1 - aTakes];
        double optimal = Math.min(cost[0][0] + cost[1][1], cost[0][1] + cost[1][0]);
        assertEquals(greedy, PAGE.fact("two-greedy-total-s"), PAGE + ": greedy total of the two-rider example");
        assertEquals(optimal, PAGE.fact("two-optimal-total-s"), PAGE + ": optimal total of the two-rider example");
        assertTrue(optimal < greedy, PAGE + ": the example should show greedy losing");
        assertEquals(Math.pow(1_000, 3), PAGE.fact("batch-1000-steps"), PAGE + ": n^3 for n = 1,000");
    }

    @Test
    void theBatchingClaimsHoldInTheQuotedResults() {
        assertTrue(PAGE.fact("snapshot-saving-1") > PAGE.fact("snapshot-saving-2") && PAGE.fact("snapshot-saving-2") > PAGE.fact("snapshot-saving-10")
                        && PAGE.fact("snapshot-saving-10") >= 0,
                PAGE + ": the page says the saving shrinks as drivers per rider grow");
        assertEquals(0, PAGE.fact("moderate-best-window-s"), PAGE + ": the page says greedy wins on an ordinary evening");
        assertTrue(PAGE.fact("moderate-w60-total-s") > PAGE.fact("moderate-greedy-total-s"),
                PAGE + ": a long window should cost time when supply is ample");
        assertTrue(PAGE.fact("strained-best-total-s") < PAGE.fact("strained-greedy-total-s"), PAGE + ": batching should win on a strained evening");
        assertTrue(PAGE.fact("strained-best-pickup-saving") >= PAGE.fact("strained-w10-pickup-saving"),
                PAGE + ": the best window saves at least what the 10 s window saves");
    }

    @Test
    void theSmoothingTableTradesFlickerForLag() {
        List<Element> rows = PAGE.rows("dispatch.smoothing");
        double previousJump = Double.MAX_VALUE, previousLag = -1;
        for (Element row : rows) {
            String where = PAGE + " smoothing table, alpha " + row.child(0).text();
            double jump = Quantities.number(row.child(1).text()).doubleValue();
            double lag = Quantities.number(row.child(2).text()).doubleValue();
            assertTrue(jump <= previousJump, where + ": heavier smoothing should not flicker more");
            assertTrue(lag >= previousLag, where + ": heavier smoothing should not react sooner");
            previousJump = jump;
            previousLag = lag;
        }
        assertTrue(PAGE.fact("chosen-error") < PAGE.fact("heavy-error"), PAGE + ": the page says the middle weight beats heavy smoothing");
    }

    // ---- back-of-envelope ------------------------------------------------------------------------

    @Test
    void theEnvelopeFollowsFromTheStatedAssumptions() {
        double registered = PAGE.fact("registered-drivers");
        double online = registered * PAGE.fact("online-share");
        double interval = PAGE.fact("ping-interval-s");
        assertEquals(online, PAGE.fact("online-drivers"), 1e-6, PAGE + ": online drivers");
        assertEquals(online / interval, PAGE.fact("updates-per-s"), 1e-6, PAGE + ": updates per second");
        assertEquals(registered / interval, PAGE.fact("updates-if-all-ping"), 1e-6, PAGE + ": if every driver pinged");
        assertEquals(1e6 * interval, PAGE.fact("drivers-for-quoted-rate"), 1e-6, PAGE + ": drivers needed for 1M/s");
        assertEquals(1e6 * interval / registered, PAGE.fact("quoted-online-share"), 1e-12, PAGE + ": share online for 1M/s");
        double bytes = PAGE.fact("bytes-per-update");
        assertEquals(1e6 * bytes, PAGE.fact("quoted-bytes-per-s"), 1e-6, PAGE + ": quoted bandwidth");
        assertEquals(online / interval * bytes, PAGE.fact("bytes-per-s"), 1e-6, PAGE + ": bandwidth");
        assertEquals(online / interval * bytes * 86_400, PAGE.fact("bytes-per-day"), 1e-3, PAGE + ": bytes per day");
        double perPod = PAGE.fact("drivers-per-pod");
        assertEquals(registered / perPod, PAGE.fact("pods-for-all"), 1e-9, PAGE + ": pods for every registered driver");
        assertEquals(online / perPod, PAGE.fact("pods-for-online"), 1e-9, PAGE + ": pods for online drivers");
        assertEquals(perPod / interval, PAGE.fact("updates-per-pod"), 1e-9, PAGE + ": updates per pod");
        assertEquals(online * PAGE.fact("driver-state-bytes"), PAGE.fact("state-bytes"), 1e-6, PAGE + ": driver state");
        double rides = PAGE.fact("rides-per-day") / 86_400;
        assertEquals(rides, PAGE.fact("rides-per-s"), 1e-9, PAGE + ": rides per second");
        double peak = rides * PAGE.fact("peak-factor");
        assertEquals(peak, PAGE.fact("peak-rides-per-s"), 1e-9, PAGE + ": peak rides per second");
        assertEquals(10_000 / rides, PAGE.fact("quoted-over-average"), 1e-9, PAGE + ": 10k/s over the average");
        assertEquals(10_000 / peak, PAGE.fact("quoted-over-peak"), 1e-9, PAGE + ": 10k/s over the peak");
        assertEquals(peak * 3_600 / online, PAGE.fact("rides-per-driver-hour"), 1e-9, PAGE + ": rides per online driver-hour");
        assertEquals(1 / PAGE.fact("online-share"), PAGE.fact("registered-over-online"), 1e-12, PAGE + ": registered over online");
    }

    @Test
    void theChecksTableQuotesTheRecomputedFigures() {
        List<Element> rows = PAGE.rows("dispatch.checks");
        String[] facts = {"updates-per-s", "bytes-per-s", "pods-for-online", "peak-rides-per-s"};
        double[] scale = {1, 1e6, 1, 1};
        assertEquals(facts.length, rows.size(), PAGE + ": checks table rows");
        for (int i = 0; i < facts.length; i++) {
            Element row = rows.get(i);
            double shown = Quantities.number(row.child(2).text()).doubleValue() * scale[i];
            double exact = PAGE.fact(facts[i]);
            assertTrue(Math.abs(shown - exact) <= Math.max(0.5, exact * 0.005),
                    PAGE + " checks table, " + row.child(0).text() + ": Recomputed says " + row.child(2).text()
                            + " but the envelope gives " + exact);
        }
    }
}
