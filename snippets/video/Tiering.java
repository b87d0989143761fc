package video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two quoted claims about how views concentrate, checked against a Zipf popularity model, then the
 * tiering rule run on three videos' lives: hot on SSD at the edge, warm in regional object storage,
 * cold on archive media, with a spike detector that re-heats a video faster than the daily job can.
 */
public class Tiering {

    // Assumptions, stated once.
    static final double CATALOG = 1e9;                 // videos
    static final double CLAIM_A_TOP = 1e-4, CLAIM_A_SHARE = 0.5;   // "top 0.01% of videos: 50% of watch-hours"
    static final double CLAIM_B_TOP = 1e-2, CLAIM_B_SHARE = 0.6;   // "hot = ~1% of catalog, ~60% of bytes"
    static final double COLD_FROM = 0.2;               // the bottom 80% of the catalog lives in the cold tier
    static final double HOT_90_DAY_VIEWS = 100_000;    // the daily job: hot above this many views in 90 days
    static final double WARM_90_DAY_VIEWS = 1_000;     //   ...warm above this, cold below
    static final double SPIKE_VIEWS_PER_HOUR = 2_000;  // the detector: promote at once above this hourly rate

    // tag::tiering[]
    // tag::zipf[]
    /** Sum of k^-s for k = 1..n: exact for the first terms, an integral for the tail. */
    static double harmonic(double n, double s) {
        int exact = (int) Math.min(n, 10_000);
        double sum = 0;
        for (int k = 1; k <= exact; k++) {
            sum += Math.pow(k, -s);
        }
        if (n > exact) {
            double a = exact + 0.5, b = n + 0.5;
            sum += Math.abs(s - 1) < 1e-12 ? Math.log(b / a)
                    : (Math.pow(b, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
        }
        return sum;
    }

    /** Share of all views that go to the most popular {@code fraction} of the catalog. */
    static double topShare(double fraction, double s) {
        return harmonic(fraction * CATALOG, s) / harmonic(CATALOG, s);
    }

    /** The Zipf exponent under which the top {@code fraction} gets {@code share} of views. */
    static double fitExponent(double fraction, double share) {
        double lo = 0.3, hi = 2.0;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (topShare(fraction, mid) < share) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
    // end::zipf[]

    // tag::lifecycle[]
    enum Tier { HOT, WARM, COLD }

    record Life(String video, double totalViews, double coldViews, double coldViewsWithDetector,
                double offEdgeViews, double offEdgeViewsWithDetector, int idleHotDays) {
    }

    /**
     * Hour by hour for a year. The nightly job sets the tier from the last 90 days of views; the
     * spike detector, when on, promotes a video to hot once an hour's views cross its threshold.
     */
    static double[] run(double[] viewsPerHour, boolean detector, Tier start) {
        Tier tier = start;
        double window = 0, cold = 0, offEdge = 0, idleHotDays = 0, today = 0;
        for (int h = 0; h < viewsPerHour.length; h++) {
            window += viewsPerHour[h] - (h >= 90 * 24 ? viewsPerHour[h - 90 * 24] : 0);
            if (detector && tier != Tier.HOT && viewsPerHour[h] > SPIKE_VIEWS_PER_HOUR) {
                tier = Tier.HOT;
            }
            cold += tier == Tier.COLD ? viewsPerHour[h] : 0;        // seconds to first byte
            offEdge += tier != Tier.HOT ? viewsPerHour[h] : 0;      // fetched from a regional origin
            today += viewsPerHour[h];
            if (h % 24 == 23) {                                     // the nightly job
                idleHotDays += tier == Tier.HOT && today < HOT_90_DAY_VIEWS / 90 ? 1 : 0;
                tier = window > HOT_90_DAY_VIEWS ? Tier.HOT
                        : window > WARM_90_DAY_VIEWS ? Tier.WARM : Tier.COLD;
                today = 0;
            }
        }
        return new double[] {cold, offEdge, idleHotDays};
    }
    // end::lifecycle[]
    // end::tiering[]

    static Life live(String name, double[] viewsPerHour, Tier start) {
        double[] plain = run(viewsPerHour, false, start), detected = run(viewsPerHour, true, start);
        double total = 0;
        for (double v : viewsPerHour) {
            total += v;
        }
        return new Life(name, total, plain[0], detected[0], plain[1], detected[1], (int) detected[2]);
    }

    /** Three shapes of a video's life, in views per hour over a year. */
    static List<Life> lives() {
        int hours = 365 * 24;
        double[] viral = new double[hours], steady = new double[hours], reheated = new double[hours];
        for (int h = 0; h < hours; h++) {
            double day = h / 24.0;
            viral[h] = 40_000 * Math.pow(0.5, day / 2) + 2;          // a news clip: half-life of two days
            steady[h] = 150;                                          // a tutorial people keep finding
            double sinceShare = day - 200.4;                          // shared mid-morning on day 200
            reheated[h] = 0.3 + (sinceShare >= 0 ? 20_000 * Math.pow(0.5, sinceShare / 0.5) : 0);
        }
        return List.of(live("news clip", viral, Tier.WARM), live("tutorial", steady, Tier.WARM),
                live("old video, shared", reheated, Tier.COLD));
    }

    static final double S_A = fitExponent(CLAIM_A_TOP, CLAIM_A_SHARE);
    static final double S_B = fitExponent(CLAIM_B_TOP, CLAIM_B_SHARE);
    static final List<Life> LIVES = lives();

    public static void main(String[] args) {
        System.out.printf("Catalog of %.0e videos, Zipf popularity%n", CATALOG);
        System.out.printf("  claim A (top 0.01%% -> 50%%) needs s = %.3f; then the top 1%% gets %.1f%%%n", S_A,
                100 * topShare(CLAIM_B_TOP, S_A));
        System.out.printf("  claim B (top 1%% -> 60%%) needs s = %.3f; then the top 0.01%% gets %.1f%%%n", S_B,
                100 * topShare(CLAIM_A_TOP, S_B));
        System.out.printf("  views landing on the cold 80%%: %.1f%% under claim A, %.1f%% under claim B%n",
                100 * (1 - topShare(COLD_FROM, S_A)), 100 * (1 - topShare(COLD_FROM, S_B)));
        System.out.println();
        System.out.println("One year of three videos, without -> with the spike detector:");
        System.out.printf("  %-18s %10s  %-22s  %-18s  %s%n", "video", "views", "off the edge", "from cold",
                "idle hot days");
        for (Life l : LIVES) {
            System.out.printf("  %-18s %,10.0f  %,9.0f -> %,9.0f  %,7.0f -> %,7.0f  %4d%n", l.video(), l.totalViews(),
                    l.offEdgeViews(), l.offEdgeViewsWithDetector(), l.coldViews(), l.coldViewsWithDetector(),
                    l.idleHotDays());
        }
    }

    public static Map<String, Object> facts() {
        Life news = LIVES.get(0), reheated = LIVES.get(2);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("catalog", CATALOG);
        f.put("s-a", S_A);
        f.put("s-b", S_B);
        f.put("top1-under-a", topShare(CLAIM_B_TOP, S_A));
        f.put("top001-under-b", topShare(CLAIM_A_TOP, S_B));
        f.put("top1-under-zipf1", topShare(CLAIM_B_TOP, 1.0));
        f.put("top001-under-zipf1", topShare(CLAIM_A_TOP, 1.0));
        f.put("cold-share-a", 1 - topShare(COLD_FROM, S_A));
        f.put("cold-share-b", 1 - topShare(COLD_FROM, S_B));
        f.put("hot-90-day-views", HOT_90_DAY_VIEWS);
        f.put("warm-90-day-views", WARM_90_DAY_VIEWS);
        f.put("spike-views-per-hour", SPIKE_VIEWS_PER_HOUR);
        f.put("news-off-edge", news.offEdgeViews());
        f.put("news-off-edge-detector", news.offEdgeViewsWithDetector());
        f.put("news-idle-hot-days", news.idleHotDays());
        f.put("reheat-cold-views", reheated.coldViews());
        f.put("reheat-cold-views-detector", reheated.coldViewsWithDetector());
        return f;
    }

    public static Map<String, Object> charts() {
        List<Map<String, Object>> series = new ArrayList<>();
        for (double[] fit : new double[][] {{S_A}, {S_B}, {1.0}}) {
            List<List<Double>> curve = new ArrayList<>();
            for (double e = -7; e <= 0.0001; e += 0.25) {
                double fraction = Math.pow(10, e);
                double percent = Double.parseDouble(String.format(Locale.ROOT, "%.4g", fraction * 100));
                curve.add(List.of(percent, Math.round(topShare(fraction, fit[0]) * 1000) / 10.0));
            }
            series.add(Map.of("type", "line", "name", String.format("Zipf, s = %.2f", fit[0]), "showSymbol", false,
                    "data", curve));
        }
        series.add(Map.of("type", "scatter", "name", "quoted claims", "symbolSize", 12,
                "data", List.of(List.of(CLAIM_A_TOP * 100, CLAIM_A_SHARE * 100), List.of(CLAIM_B_TOP * 100, CLAIM_B_SHARE * 100))));
        return Map.of("zipf", Map.of(
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "most popular share of the catalog (%, log scale)", "nameLocation", "middle",
                        "nameGap", 30, "min", 0.00001, "max", 100),
                "yAxis", Map.of("type", "value", "name", "share of all views (%)", "min", 0, "max", 100),
                "series", series));
    }
}
