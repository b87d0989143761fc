package stories;
// run: jit=c2

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Unique viewers with a HyperLogLog sketch (Apache DataSketches) against the exact count. Many
 * seeded trials give the sketch's measured relative standard error for each size, to hold against
 * the textbook 1.04/sqrt(m); a second part merges two regions' sketches, which exact per-region
 * counts cannot do without double counting.
 */
public class ViewerCounts {

    // Assumptions, stated once.
    static final int[] LG_K = {8, 10, 12};           // sketch sizes: m = 2^lgK registers
    static final int TRIALS = 150;                   // independent seeded streams per size
    static final int VIEWERS = 32_768;               // distinct viewers per stream (8 m at the largest size)
    static final double REVIEW_SHARE = 0.3;          // viewers who come back: duplicates the sketch must ignore
    static final double CELEBRITY_VIEWERS = 10e6;
    static final double BYTES_PER_EXACT_ID = 8;      // a 64-bit viewer id in a sorted array, no overhead

    record Accuracy(int lgK, int registers, double textbookRse, double measuredRse, double measuredHipRse,
                    int sketchBytes) {
    }

    // tag::trials[]
    /** Relative standard error of the sketch's estimates over many seeded streams of known size. */
    static Accuracy measure(int lgK) {
        double sumSquares = 0, sumSquaresHip = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Random rnd = new Random(1_000L * lgK + trial);
            HllSketch sketch = new HllSketch(lgK, TgtHllType.HLL_8);
            long firstId = rnd.nextLong();
            for (int v = 0; v < VIEWERS; v++) {
                sketch.update(firstId + v);               // a view
                if (rnd.nextDouble() < REVIEW_SHARE) {
                    sketch.update(firstId + v);           // the same viewer scrolling back: no change
                }
            }
            double composite = sketch.getCompositeEstimate() / VIEWERS - 1; // classic HLL-style estimator
            double hip = sketch.getEstimate() / VIEWERS - 1;                 // DataSketches' default (HIP)
            sumSquares += composite * composite;
            sumSquaresHip += hip * hip;
        }
        int m = 1 << lgK;
        return new Accuracy(lgK, m, 1.04 / Math.sqrt(m), Math.sqrt(sumSquares / TRIALS),
                Math.sqrt(sumSquaresHip / TRIALS), HllSketch.getMaxUpdatableSerializationBytes(lgK, TgtHllType.HLL_8));
    }
    // end::trials[]

    // tag::merge[]
    /** Two regions count the same story's viewers; 30 % of viewers watched from both. */
    static double[] mergeRegions() {
        Random rnd = new Random(42);
        HllSketch jakarta = new HllSketch(12, TgtHllType.HLL_8), frankfurt = new HllSketch(12, TgtHllType.HLL_8);
        int onlyJakarta = 70_000, onlyFrankfurt = 20_000, both = 30_000;
        long id = rnd.nextLong();
        for (int i = 0; i < onlyJakarta; i++) jakarta.update(id++);
        for (int i = 0; i < onlyFrankfurt; i++) frankfurt.update(id++);
        for (int i = 0; i < both; i++) {          // a traveller, or a phone and a laptop on one account
            jakarta.update(id);
            frankfurt.update(id++);
        }
        Union union = new Union(12);
        union.update(jakarta);
        union.update(frankfurt);
        double exactUnique = onlyJakarta + onlyFrankfurt + both;
        double sumOfRegions = jakarta.getEstimate() + frankfurt.getEstimate();
        return new double[]{exactUnique, sumOfRegions, union.getResult().getEstimate()};
    }
    // end::merge[]

    static List<Accuracy> cached;

    static synchronized List<Accuracy> results() {
        if (cached == null) {
            cached = new ArrayList<>();
            for (int lgK : LG_K) {
                cached.add(measure(lgK));
            }
        }
        return cached;
    }

    public static void main(String[] args) {
        System.out.printf(Locale.US, "%,d trials of %,d distinct viewers (plus %.0f %% re-views) per sketch size%n",
                TRIALS, VIEWERS, REVIEW_SHARE * 100);
        System.out.println("lgK  registers  bytes  1.04/sqrt(m)  measured (composite)  measured (HIP)");
        for (Accuracy a : results()) {
            System.out.printf(Locale.US, "%3d %10d %6d %12.2f%% %20.2f%% %15.2f%%%n", a.lgK(), a.registers(),
                    a.sketchBytes(), a.textbookRse() * 100, a.measuredRse() * 100, a.measuredHipRse() * 100);
        }
        double[] merge = mergeRegions();
        System.out.printf(Locale.US, "Two regions: exact unique viewers %,.0f%n", merge[0]);
        System.out.printf(Locale.US, "  sum of the regions' estimates %,.0f; union of their sketches %,.0f%n", merge[1], merge[2]);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hll-trials", TRIALS);
        f.put("hll-viewers", VIEWERS);
        f.put("hll-review-share", REVIEW_SHARE);
        // The page quotes the two ends of the range; the table shows every size.
        Accuracy small = results().get(0), big = results().get(results().size() - 1);
        for (Accuracy a : List.of(small, big)) {
            String k = "hll-lgk" + a.lgK();
            f.put(k + "-registers", a.registers());
            f.put(k + "-textbook-rse", a.textbookRse());
            f.put(k + "-measured-rse", a.measuredRse());
            f.put(k + "-measured-hip-rse", a.measuredHipRse());
        }
        f.put("hll-lgk" + big.lgK() + "-hip-over-textbook", big.measuredHipRse() / big.textbookRse());
        f.put("hll-lgk" + big.lgK() + "-bytes", big.sketchBytes());
        f.put("hll-celebrity-viewers", CELEBRITY_VIEWERS);
        f.put("hll-exact-bytes", CELEBRITY_VIEWERS * BYTES_PER_EXACT_ID);
        f.put("hll-exact-over-sketch", CELEBRITY_VIEWERS * BYTES_PER_EXACT_ID / big.sketchBytes());
        f.put("hll-celebrity-two-sigma-viewers", 2 * big.textbookRse() * CELEBRITY_VIEWERS);
        double[] merge = mergeRegions();
        f.put("hll-merge-exact", merge[0]);
        f.put("hll-merge-sum", merge[1]);
        f.put("hll-merge-union", merge[2]);
        f.put("hll-merge-union-error", merge[2] / merge[0] - 1);
        f.put("hll-merge-sum-error", merge[1] / merge[0] - 1);
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("lgK", "Registers m", "Sketch bytes (HLL_8)", "Textbook error 1.04/√m",
                "Measured error, composite estimator", "Measured error, default (HIP) estimator"));
        for (Accuracy a : results()) {
            rows.add(List.of(String.valueOf(a.lgK()), String.format(Locale.US, "%,d", a.registers()),
                    String.format(Locale.US, "%,d", a.sketchBytes()), pct(a.textbookRse()), pct(a.measuredRse()),
                    pct(a.measuredHipRse())));
        }
        return Map.of("hll-accuracy", Map.of("rows", rows, "derived", List.of("Registers m", "Textbook error 1.04/√m")));
    }

    static String pct(double v) {
        return String.format(Locale.US, "%.2f %%", v * 100);
    }

    public static Map<String, Object> charts() {
        List<List<Double>> textbook = new ArrayList<>(), measured = new ArrayList<>(), hip = new ArrayList<>();
        for (Accuracy a : results()) {
            textbook.add(List.of((double) a.registers(), round(a.textbookRse() * 100)));
            measured.add(List.of((double) a.registers(), round(a.measuredRse() * 100)));
            hip.add(List.of((double) a.registers(), round(a.measuredHipRse() * 100)));
        }
        return Map.of("hll-error", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 60, "bottom", 55),
                "xAxis", Map.of("type", "log", "logBase", 2, "name", "registers m (log scale)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "log", "name", "relative standard error, % (log scale)"),
                "series", List.of(
                        Map.of("type", "line", "name", "textbook 1.04/√m", "data", textbook),
                        Map.of("type", "scatter", "name", "measured, composite estimator", "symbolSize", 12, "data", measured),
                        Map.of("type", "scatter", "name", "measured, default (HIP) estimator", "symbolSize", 12, "data", hip))));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
