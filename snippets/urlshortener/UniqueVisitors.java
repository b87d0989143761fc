package urlshortener;
// run: timeout=15s jit=c2

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Unique visitors per link with a HyperLogLog sketch (Apache DataSketches). Counts add up across
 * hourly buckets; unique visitors do not, but sketches merge. Then: how large an error does a sketch
 * of a given size make, measured against the theory?
 */
public class UniqueVisitors {

    static final int LG_K = 11;                    // 2^11 = 2,048 registers of 6 bits
    static final int CLICKS = 400_000;
    static final int VISITORS = 120_000;           // visitor ids drawn uniformly; many click more than once
    static final int HOURS = 24;
    static final long SEED = 12;

    static final int ERROR_TRIALS = 48;            // independent streams per sketch size
    static final int DISTINCT_PER_TRIAL = 40_000;
    static final int MIN_LG_K = 8, MAX_LG_K = 14;

    // tag::rollup[]
    record Rollup(int clicks, int exactDaily, long sumOfHourlyUniques, double sketchDaily, int sketchBytes) {
    }

    private static Rollup rollup;

    static synchronized Rollup rollup() {
        if (rollup == null) {
            rollup = computeRollup();
        }
        return rollup;
    }

    static Rollup computeRollup() {
        Random random = new Random(SEED);
        List<Set<Integer>> exactByHour = new ArrayList<>();
        List<HllSketch> sketchByHour = new ArrayList<>();
        for (int h = 0; h < HOURS; h++) {
            exactByHour.add(new HashSet<>());
            sketchByHour.add(new HllSketch(LG_K, TgtHllType.HLL_6));
        }
        Set<Integer> exactDaily = new HashSet<>();
        for (int c = 0; c < CLICKS; c++) {
            int visitor = random.nextInt(VISITORS);
            int hour = random.nextInt(HOURS);
            exactByHour.get(hour).add(visitor);
            sketchByHour.get(hour).update(visitor);
            exactDaily.add(visitor);
        }
        long sumOfHourly = exactByHour.stream().mapToLong(Set::size).sum();
        Union daily = new Union(LG_K);                 // the daily rollup merges 24 hourly sketches
        sketchByHour.forEach(daily::update);
        HllSketch result = daily.getResult(TgtHllType.HLL_6);
        return new Rollup(CLICKS, exactDaily.size(), sumOfHourly, result.getEstimate(),
                result.getCompactSerializationBytes());
    }
    // end::rollup[]

    // tag::rollup[]

    /** Root-mean-square relative error of the estimate over independent streams of distinct ids. */
    static double measuredRelativeError(int lgK) {
        double sumOfSquares = 0;
        for (int trial = 0; trial < ERROR_TRIALS; trial++) {
            HllSketch sketch = new HllSketch(lgK, TgtHllType.HLL_6);
            long firstId = (long) trial * DISTINCT_PER_TRIAL + ((long) lgK << 40);
            for (long id = firstId; id < firstId + DISTINCT_PER_TRIAL; id++) {
                sketch.update(id);
            }
            double relative = sketch.getEstimate() / DISTINCT_PER_TRIAL - 1;
            sumOfSquares += relative * relative;
        }
        return Math.sqrt(sumOfSquares / ERROR_TRIALS);
    }

    /** The textbook HyperLogLog standard error for m registers (Flajolet et al., 2007). */
    static double classicError(double registers) {
        return 1.04 / Math.sqrt(registers);
    }
    // end::rollup[]

    static int sketchBytes(int lgK) {
        return HllSketch.getMaxUpdatableSerializationBytes(lgK, TgtHllType.HLL_6);
    }

    /** The library's own one-standard-deviation bound (its HIP estimator beats the textbook one). */
    static double libraryError(int lgK) {
        return HllSketch.getRelErr(false, false, lgK, 1);
    }

    record Size(int lgK, int registers, int bytes, double measured, double classic, double library) {
    }

    private static List<Size> sizes;

    static synchronized List<Size> sizes() {
        if (sizes == null) {
            sizes = new ArrayList<>();
            for (int lgK = MIN_LG_K; lgK <= MAX_LG_K; lgK++) {
                int k = 1 << lgK;
                sizes.add(new Size(lgK, k, sketchBytes(lgK), measuredRelativeError(lgK), classicError(k), libraryError(lgK)));
            }
        }
        return sizes;
    }

    static Size size(int lgK) {
        return sizes().stream().filter(s -> s.lgK() == lgK).findFirst().orElseThrow();
    }

    /** The commonly repeated claim: 2 KB of 6-bit registers. */
    static double registersIn2KB() {
        return 2048 * 8 / 6.0;
    }

    /** Registers the textbook formula needs for a 1 % standard error, rounded up to a power of two. */
    static int lgKForOnePercent() {
        double needed = Math.pow(1.04 / 0.01, 2);
        return (int) Math.ceil(Math.log(needed) / Math.log(2));
    }

    public static void main(String[] args) {
        Rollup r = rollup();
        System.out.printf("%,d clicks on one link over %d hours%n", r.clicks(), HOURS);
        System.out.printf("  exact unique visitors for the day:   %,d%n", r.exactDaily());
        System.out.printf("  sum of the hourly unique counts:     %,d (visitors who return are counted again)%n",
                r.sumOfHourlyUniques());
        System.out.printf("  union of 24 hourly sketches:         %,.0f (error %+.2f%%, sketch %,d bytes)%n",
                r.sketchDaily(), 100 * (r.sketchDaily() / r.exactDaily() - 1), r.sketchBytes());
        System.out.printf("Relative standard error over %d streams of %,d distinct visitors:%n", ERROR_TRIALS, DISTINCT_PER_TRIAL);
        System.out.println("  registers    bytes   measured   1.04/sqrt(m)   library bound");
        for (Size s : sizes()) {
            System.out.printf("  %9d %8d %9.2f%% %13.2f%% %14.2f%%%n", s.registers(), s.bytes(), 100 * s.measured(),
                    100 * s.classic(), 100 * s.library());
        }
    }

    public static Map<String, Object> facts() {
        Rollup r = rollup();
        Size ours = size(LG_K);
        Size onePercent = size(lgKForOnePercent());
        return Map.ofEntries(
                Map.entry("clicks", CLICKS),
                Map.entry("exact-daily", r.exactDaily()),
                Map.entry("sum-of-hourly", r.sumOfHourlyUniques()),
                Map.entry("sketch-daily", r.sketchDaily()),
                Map.entry("sum-over-exact", (double) r.sumOfHourlyUniques() / r.exactDaily()),
                Map.entry("largest-distinct-over-registers", (double) DISTINCT_PER_TRIAL / (1 << MAX_LG_K)),
                Map.entry("sketch-daily-error", r.sketchDaily() / r.exactDaily() - 1),
                Map.entry("lg-k", LG_K),
                Map.entry("registers", ours.registers()),
                Map.entry("sketch-bytes", ours.bytes()),
                Map.entry("measured-error", ours.measured()),
                Map.entry("classic-error", ours.classic()),
                Map.entry("library-error", ours.library()),
                Map.entry("registers-in-2kb", registersIn2KB()),
                Map.entry("classic-error-2kb", classicError(registersIn2KB())),
                Map.entry("one-percent-registers", onePercent.registers()),
                Map.entry("one-percent-bytes", onePercent.bytes()),
                Map.entry("one-percent-measured", onePercent.measured()),
                Map.entry("error-trials", ERROR_TRIALS),
                Map.entry("distinct-per-trial", DISTINCT_PER_TRIAL));
    }

    public static Map<String, Object> charts() {
        List<List<Double>> measured = new ArrayList<>();
        List<List<Double>> classic = new ArrayList<>();
        List<List<Double>> library = new ArrayList<>();
        for (Size s : sizes()) {
            measured.add(List.of((double) s.bytes(), percent(s.measured())));
            classic.add(List.of((double) s.bytes(), percent(s.classic())));
            library.add(List.of((double) s.bytes(), percent(s.library())));
        }
        return Map.of("hll-error", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "sketch size, bytes (log scale)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "log", "name", "relative standard error, % (log scale)"),
                "series", List.of(
                        Map.of("type", "line", "name", "textbook 1.04/√m", "data", classic),
                        Map.of("type", "line", "name", "DataSketches bound (HIP estimator)", "data", library),
                        Map.of("type", "scatter", "name", "measured over " + ERROR_TRIALS + " streams", "symbolSize", 9,
                                "data", measured))));
    }

    private static double percent(double v) {
        return Math.round(v * 100_000) / 1_000.0;
    }
}
