package search;

// run: timeout=20s

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Exploration for recommendations, as a multi-armed bandit: ten candidate items for one slot, each with
 * an unknown click-through rate. Every impression shows one item and observes a click or not. Regret
 * counts the clicks lost against always showing the best item. Greedy locks onto an early winner;
 * epsilon-greedy explores at a fixed rate forever; Thompson sampling explores exactly as much as its
 * uncertainty warrants.
 */
public class Bandits {

    static final double[] CLICK_RATES = {0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10, 0.12};
    static final int IMPRESSIONS = 30_000;
    static final int RUNS = 12;
    static final double EPSILON = 0.1;

    interface Policy {
        int choose(int[] shows, int[] clicks, Random random);
    }

    // tag::policies[]
    /** Always show the item with the best click rate so far (unseen items first). */
    static int greedy(int[] shows, int[] clicks) {
        int best = 0;
        double bestRate = -1;
        for (int i = 0; i < shows.length; i++) {
            double rate = shows[i] == 0 ? Double.MAX_VALUE : (double) clicks[i] / shows[i];
            if (rate > bestRate) {
                best = i;
                bestRate = rate;
            }
        }
        return best;
    }

    /** With probability epsilon show a random item, otherwise the best so far. */
    static int epsilonGreedy(int[] shows, int[] clicks, Random random, double epsilon) {
        return random.nextDouble() < epsilon ? random.nextInt(shows.length) : greedy(shows, clicks);
    }

    /** Draw a plausible click rate for each item from its Beta posterior; show the highest draw. */
    static int thompson(int[] shows, int[] clicks, Random random) {
        int best = 0;
        double bestDraw = -1;
        for (int i = 0; i < shows.length; i++) {
            double draw = beta(1 + clicks[i], 1 + shows[i] - clicks[i], random);
            if (draw > bestDraw) {
                best = i;
                bestDraw = draw;
            }
        }
        return best;
    }
    // end::policies[]

    /** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    static double beta(double a, double b, Random random) {
        double x = gamma(a, random);
        return x / (x + gamma(b, random));
    }

    /** Marsaglia and Tsang's method, for shape >= 1. */
    static double gamma(double shape, Random random) {
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian(), v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static final Map<String, Policy> POLICIES = new LinkedHashMap<>();

    static {
        POLICIES.put("greedy", (s, c, r) -> greedy(s, c));
        POLICIES.put("epsilon-greedy (10 %)", (s, c, r) -> epsilonGreedy(s, c, r, EPSILON));
        POLICIES.put("Thompson sampling", Bandits::thompson);
    }

    /** Expected regret after each impression, averaged over runs; plus the share of the best item. */
    record Curve(double[] regret, double bestShare) {
    }

    private static Map<String, Curve> curves;

    static synchronized Map<String, Curve> simulate() {
        if (curves != null) {
            return curves;
        }
        double best = CLICK_RATES[CLICK_RATES.length - 1];
        curves = new LinkedHashMap<>();
        for (Map.Entry<String, Policy> p : POLICIES.entrySet()) {
            double[] regret = new double[IMPRESSIONS];
            long bestShown = 0;
            for (int run = 0; run < RUNS; run++) {
                Random random = new Random(1_000 + run);   // the same click draws for every policy
                int[] shows = new int[CLICK_RATES.length], clicks = new int[CLICK_RATES.length];
                double lost = 0;
                for (int t = 0; t < IMPRESSIONS; t++) {
                    int item = p.getValue().choose(shows, clicks, random);
                    shows[item]++;
                    clicks[item] += random.nextDouble() < CLICK_RATES[item] ? 1 : 0;
                    lost += best - CLICK_RATES[item];
                    regret[t] += lost / RUNS;
                    bestShown += item == CLICK_RATES.length - 1 ? 1 : 0;
                }
            }
            curves.put(p.getKey(), new Curve(regret, (double) bestShown / RUNS / IMPRESSIONS));
        }
        return curves;
    }

    public static void main(String[] args) {
        System.out.printf("%d items, click rates %.1f%% to %.1f%%; %,d impressions, mean of %d runs%n",
                CLICK_RATES.length, CLICK_RATES[0] * 100, CLICK_RATES[CLICK_RATES.length - 1] * 100, IMPRESSIONS, RUNS);
        System.out.printf("%-24s %14s %14s %16s%n", "policy", "regret @1,000",
                String.format("regret @%,d", IMPRESSIONS), "best item shown");
        simulate().forEach((name, c) -> System.out.printf("%-24s %14.1f %14.1f %15.1f%%%n", name, c.regret()[999],
                c.regret()[IMPRESSIONS - 1], c.bestShare() * 100));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Curve> c = simulate();
        f.put("impressions", IMPRESSIONS);
        f.put("items", CLICK_RATES.length);
        f.put("epsilon", EPSILON);
        f.put("lowest-rate", CLICK_RATES[0]);
        f.put("highest-rate", CLICK_RATES[CLICK_RATES.length - 1]);
        f.put("greedy-regret", c.get("greedy").regret()[IMPRESSIONS - 1]);
        f.put("epsilon-regret", c.get("epsilon-greedy (10 %)").regret()[IMPRESSIONS - 1]);
        f.put("thompson-regret", c.get("Thompson sampling").regret()[IMPRESSIONS - 1]);
        f.put("greedy-best-share", c.get("greedy").bestShare());
        f.put("epsilon-best-share", c.get("epsilon-greedy (10 %)").bestShare());
        f.put("thompson-best-share", c.get("Thompson sampling").bestShare());
        // epsilon-greedy's floor: a random item every 1/epsilon impressions costs this much per impression
        double mean = java.util.Arrays.stream(CLICK_RATES).average().orElseThrow();
        f.put("epsilon-floor-per-1000", EPSILON * (CLICK_RATES[CLICK_RATES.length - 1] - mean) * 1000);
        return f;
    }

    public static Map<String, Object> charts() {
        List<Map<String, Object>> series = new ArrayList<>();
        simulate().forEach((name, c) -> {
            List<List<Double>> points = new ArrayList<>();
            for (int t = 99; t < IMPRESSIONS; t += 100) {
                points.add(List.of((double) t + 1, Math.round(c.regret()[t] * 10) / 10.0));
            }
            series.add(Map.of("type", "line", "name", name, "showSymbol", false, "data", points));
        });
        return Map.of("regret", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "impressions", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "value", "name", "cumulative regret (clicks lost)"),
                "series", series));
    }
}
