package video;

// run: timeout=20s

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Three candidate thumbnails, one true click-through rate each, unknown to the system. A fixed A/B test
 * shows each a third of the time; Thompson sampling shows each with the probability that it is the
 * best, given the clicks so far. Both are run on the same seeded impressions.
 */
public class ThumbnailBandit {

    // Assumptions, stated once.
    static final double[] TRUE_CTR = {0.040, 0.046, 0.052};   // the model's top three frames
    static final int IMPRESSIONS = 50_000;
    static final int RUNS = 20;                               // averaged over this many seeded runs
    static final int CHECKPOINT = 2_500;                      // report every this many impressions

    // tag::thompson[]
    /** Per thumbnail: Beta(1 + clicks, 1 + misses), the belief about its click-through rate. */
    static int thompsonPick(int[] clicks, int[] shows, Random random) {
        int best = 0;
        double bestDraw = -1;
        for (int i = 0; i < clicks.length; i++) {
            double draw = beta(1 + clicks[i], 1 + shows[i] - clicks[i], random);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = i;
            }
        }
        return best;
    }

    /** A Beta(a, b) draw from two Gamma draws. */
    static double beta(double a, double b, Random random) {
        double x = gamma(a, random), y = gamma(b, random);
        return x / (x + y);
    }

    /** Marsaglia and Tsang's Gamma(shape >= 1) sampler. */
    static double gamma(double shape, Random random) {
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian(), v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
    // end::thompson[]

    record Run(double[] bestShare, double[] regret) {
    }

    /** Clicks lost against always showing the best thumbnail, at each checkpoint. */
    static Run run(boolean thompson, long seed) {
        Random random = new Random(seed);
        int[] clicks = new int[TRUE_CTR.length], shows = new int[TRUE_CTR.length];
        int points = IMPRESSIONS / CHECKPOINT;
        double[] bestShare = new double[points], regret = new double[points];
        double lost = 0;
        double best = TRUE_CTR[TRUE_CTR.length - 1];
        for (int n = 1; n <= IMPRESSIONS; n++) {
            int pick = thompson ? thompsonPick(clicks, shows, random) : random.nextInt(TRUE_CTR.length);
            shows[pick]++;
            clicks[pick] += random.nextDouble() < TRUE_CTR[pick] ? 1 : 0;
            lost += best - TRUE_CTR[pick];                        // expected clicks given up
            if (n % CHECKPOINT == 0) {
                bestShare[n / CHECKPOINT - 1] = (double) shows[TRUE_CTR.length - 1] / n;
                regret[n / CHECKPOINT - 1] = lost;
            }
        }
        return new Run(bestShare, regret);
    }

    static Run average(boolean thompson) {
        int points = IMPRESSIONS / CHECKPOINT;
        double[] share = new double[points], regret = new double[points];
        for (int r = 0; r < RUNS; r++) {
            Run one = run(thompson, 1_000 + r * 7_919L);
            for (int i = 0; i < points; i++) {
                share[i] += one.bestShare()[i] / RUNS;
                regret[i] += one.regret()[i] / RUNS;
            }
        }
        return new Run(share, regret);
    }

    static final Run AB = average(false), THOMPSON = average(true);

    public static void main(String[] args) {
        int last = IMPRESSIONS / CHECKPOINT - 1;
        System.out.printf("After %,d impressions (mean of %d runs):%n", IMPRESSIONS, RUNS);
        System.out.printf("  fixed A/B split:   best thumbnail shown %4.1f%%, clicks lost %5.0f%n",
                100 * AB.bestShare()[last], AB.regret()[last]);
        System.out.printf("  Thompson sampling: best thumbnail shown %4.1f%%, clicks lost %5.0f%n",
                100 * THOMPSON.bestShare()[last], THOMPSON.regret()[last]);
    }

    public static Map<String, Object> facts() {
        int last = IMPRESSIONS / CHECKPOINT - 1;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ctr-low", TRUE_CTR[0]);
        f.put("ctr-mid", TRUE_CTR[1]);
        f.put("ctr-best", TRUE_CTR[2]);
        f.put("impressions", IMPRESSIONS);
        f.put("runs", RUNS);
        f.put("ab-best-share", AB.bestShare()[last]);
        f.put("ts-best-share", THOMPSON.bestShare()[last]);
        f.put("ab-regret", AB.regret()[last]);
        f.put("ts-regret", THOMPSON.regret()[last]);
        f.put("regret-ratio", AB.regret()[last] / THOMPSON.regret()[last]);
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> ab = new ArrayList<>(), ts = new ArrayList<>();
        for (int i = 0; i < IMPRESSIONS / CHECKPOINT; i++) {
            double n = (i + 1) * CHECKPOINT;
            ab.add(List.of(n, Math.round(AB.regret()[i] * 10) / 10.0));
            ts.add(List.of(n, Math.round(THOMPSON.regret()[i] * 10) / 10.0));
        }
        return Map.of("bandit", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "impressions", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "value", "name", "clicks lost vs always the best"),
                "series", List.of(
                        Map.of("type", "line", "name", "fixed A/B split (1/3 each)", "showSymbol", false, "data", ab),
                        Map.of("type", "line", "name", "Thompson sampling", "showSymbol", false, "data", ts))));
    }
}
