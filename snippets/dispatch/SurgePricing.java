package dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Surge for one cell: requests in the last five minutes over idle drivers, clamped to [1, 5] and
 * smoothed with an exponential moving average. A concert lets out an hour in; the simulation shows
 * what smoothing buys (a price that does not flicker) and what it costs (a price that lags).
 */
public class SurgePricing {

    // Assumptions, stated once.
    static final int WINDOW_S = 30;                 // one surge update per 30-second tumbling window
    static final int DEMAND_WINDOWS = 10;           // demand = requests in the last 5 minutes
    static final int WINDOWS = 240;                 // two hours
    static final double CALM_REQUESTS = 2;          // requests per window before and after the event
    static final double PEAK_REQUESTS = 4.5;        // requests per window as the concert empties
    static final double CALM_IDLE_DRIVERS = 16;     // idle drivers in the cell on a normal evening
    static final double PEAK_IDLE_DRIVERS = 10;     // idle drivers left at the height of the rush
    static final double MIN_SURGE = 1.0, MAX_SURGE = 5.0;
    static final double CHOSEN_ALPHA = 0.3;         // weight of the newest window in the moving average
    static final double[] ALPHAS = {1.0, 0.6, 0.3, 0.15, 0.05};

    /** Expected requests per window: calm, a ramp at minute 60, a plateau, a slow decay. */
    static double expectedRequests(int w) {
        double minute = w * WINDOW_S / 60.0;
        if (minute < 60) {
            return CALM_REQUESTS;
        }
        if (minute < 65) {
            return CALM_REQUESTS + (PEAK_REQUESTS - CALM_REQUESTS) * (minute - 60) / 5;
        }
        if (minute < 80) {
            return PEAK_REQUESTS;
        }
        return CALM_REQUESTS + (PEAK_REQUESTS - CALM_REQUESTS) * Math.exp(-(minute - 80) / 10);
    }

    static double expectedIdle(int w) {
        double rush = (expectedRequests(w) - CALM_REQUESTS) / (PEAK_REQUESTS - CALM_REQUESTS);
        return CALM_IDLE_DRIVERS - (CALM_IDLE_DRIVERS - PEAK_IDLE_DRIVERS) * rush;
    }

    // tag::surge[]
    static double clamp(double v) {
        return Math.max(MIN_SURGE, Math.min(MAX_SURGE, v));
    }

    /** The raw multiplier each window: requests in the last five minutes over idle drivers now. */
    static double[] rawSurge(int[] requests, int[] idle) {
        double[] raw = new double[requests.length];
        int recent = 0;
        for (int w = 0; w < requests.length; w++) {
            recent += requests[w];
            if (w >= DEMAND_WINDOWS) {
                recent -= requests[w - DEMAND_WINDOWS];
            }
            raw[w] = clamp((double) recent / Math.max(1, idle[w]));
        }
        return raw;
    }

    /** What riders see: an exponential moving average of the raw multiplier, rounded to 0.1. */
    static double[] shown(double[] raw, double alpha) {
        double[] out = new double[raw.length];
        double ema = raw[0];
        for (int w = 0; w < raw.length; w++) {
            ema = alpha * raw[w] + (1 - alpha) * ema;
            out[w] = Math.round(ema * 10) / 10.0;
        }
        return out;
    }
    // end::surge[]

    /** The multiplier the noise-free demand and supply would give: what a perfect estimate would show. */
    static double[] underlying() {
        double[] out = new double[WINDOWS];
        for (int w = 0; w < WINDOWS; w++) {
            double recent = 0;
            for (int i = Math.max(0, w - DEMAND_WINDOWS + 1); i <= w; i++) {
                recent += expectedRequests(i);
            }
            out[w] = clamp(recent / expectedIdle(w));
        }
        return out;
    }

    record Evening(int[] requests, int[] idle, double[] raw) {
    }

    static Evening evening(long seed) {
        Random random = new Random(seed);
        int[] requests = new int[WINDOWS], idle = new int[WINDOWS];
        for (int w = 0; w < WINDOWS; w++) {
            requests[w] = poisson(random, expectedRequests(w));
            idle[w] = poisson(random, expectedIdle(w));
        }
        return new Evening(requests, idle, rawSurge(requests, idle));
    }

    static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean), product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    record Smoothing(double alpha, double calmJump, int lagWindows, double meanError, double peakShown) {
    }

    // tag::measure[]
    /** Flicker while calm, delay in showing 2x once the rush is real, mean error over two hours. */
    static Smoothing measure(Evening e, double alpha) {
        double[] shown = shown(e.raw(), alpha), truth = underlying();
        double jumps = 0;
        int calmWindows = 110;                               // the first 55 minutes
        for (int w = 1; w < calmWindows; w++) {
            jumps += Math.abs(shown[w] - shown[w - 1]);
        }
        // Lag is measured on the noise-free input, so it is the smoothing's delay and nothing else.
        int lag = firstAtLeast(shown(truth, alpha), 2.0) - firstAtLeast(truth, 2.0);
        double error = 0, peak = 0;
        for (int w = 0; w < WINDOWS; w++) {
            error += Math.abs(shown[w] - truth[w]);
            peak = Math.max(peak, shown[w]);
        }
        return new Smoothing(alpha, jumps / (calmWindows - 1), lag, error / WINDOWS, peak);
    }
    // end::measure[]

    static int firstAtLeast(double[] series, double level) {
        for (int w = 0; w < series.length; w++) {
            if (series[w] >= level) {
                return w;
            }
        }
        return series.length;
    }

    static final Evening EVENING = evening(17);

    public static void main(String[] args) {
        System.out.println("alpha  mean jump while calm  lag to 2x  mean error  peak shown");
        for (double alpha : ALPHAS) {
            Smoothing s = measure(EVENING, alpha);
            System.out.printf("%5.2f  %19.2fx  %7d s  %10.2f  %9.1fx%n", alpha, s.calmJump(),
                    s.lagWindows() * WINDOW_S, s.meanError(), s.peakShown());
        }
    }

    public static Map<String, Object> facts() {
        Smoothing none = measure(EVENING, 1.0), chosen = measure(EVENING, CHOSEN_ALPHA), heavy = measure(EVENING, 0.05);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("window-s", WINDOW_S);
        f.put("demand-minutes", DEMAND_WINDOWS * WINDOW_S / 60);
        f.put("alpha", CHOSEN_ALPHA);
        f.put("raw-calm-jump", none.calmJump());
        f.put("chosen-calm-jump", chosen.calmJump());
        f.put("heavy-calm-jump", heavy.calmJump());
        f.put("chosen-lag-s", chosen.lagWindows() * WINDOW_S);
        f.put("heavy-lag-s", heavy.lagWindows() * WINDOW_S);
        f.put("raw-error", none.meanError());
        f.put("chosen-error", chosen.meanError());
        f.put("heavy-error", heavy.meanError());
        f.put("peak-underlying", max(underlying()));
        f.put("chosen-peak", chosen.peakShown());
        double[] raw = EVENING.raw(), smoothed = shown(raw, CHOSEN_ALPHA);
        int calm = 120;                                      // the hour before the concert lets out
        f.put("calm-raw-max", max(java.util.Arrays.copyOf(raw, calm)));
        f.put("calm-chosen-max", max(java.util.Arrays.copyOf(smoothed, calm)));
        f.put("calm-chosen-mean", java.util.Arrays.stream(smoothed, 0, calm).average().orElseThrow());
        return f;
    }

    static double max(double[] v) {
        double m = v[0];
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Smoothing weight α", "Mean jump per update while calm", "Lag to show 2×", "Mean error vs noise-free multiplier"));
        for (double alpha : ALPHAS) {
            Smoothing s = measure(EVENING, alpha);
            rows.add(List.of(alpha == 1.0 ? "1 (no smoothing)" : String.valueOf(alpha),
                    String.format("%.2f×", s.calmJump()), (s.lagWindows() * WINDOW_S) + " s",
                    String.format("%.2f", s.meanError())));
        }
        return Map.of("smoothing", rows);
    }

    public static Map<String, Object> charts() {
        double[] shown = shown(EVENING.raw(), CHOSEN_ALPHA), truth = underlying();
        List<List<Double>> raw = new ArrayList<>(), smooth = new ArrayList<>(), ideal = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            double minute = w * WINDOW_S / 60.0;
            raw.add(List.of(minute, Math.round(EVENING.raw()[w] * 100) / 100.0));
            smooth.add(List.of(minute, shown[w]));
            ideal.add(List.of(minute, Math.round(truth[w] * 100) / 100.0));
        }
        return Map.of("surge", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "minutes", "nameLocation", "middle", "nameGap", 30, "max", 120),
                "yAxis", Map.of("type", "value", "name", "surge multiplier", "min", 1),
                "series", List.of(
                        Map.of("type", "line", "name", "raw (clamped ratio)", "showSymbol", false, "data", raw),
                        Map.of("type", "line", "name", "shown to riders (EMA, α = " + CHOSEN_ALPHA + ")", "showSymbol", false, "data", smooth),
                        Map.of("type", "line", "name", "noise-free ratio", "showSymbol", false, "lineStyle", Map.of("type", "dashed"), "data", ideal))));
    }
}
