package observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Alert hysteresis on a noisy signal. A day of per-minute p99 latency hovers just under its 300 ms
 * threshold, crosses it now and then by chance, and has one real 40-minute incident. A naive alert
 * pages on every crossing; a hysteretic one needs 3 breaching minutes in a row to fire and 5 normal
 * minutes in a row to clear.
 */
public class AlertHysteresis {

    static final double THRESHOLD_MS = 300;
    static final int MINUTES = 24 * 60;
    static final int INCIDENT_START = 14 * 60;     // 14:00
    static final int INCIDENT_MINUTES = 40;
    static final int BREACHES_TO_FIRE = 3;
    static final int NORMALS_TO_CLEAR = 5;

    /** p99 latency per minute: slow drift around 255 ms, minute-to-minute noise, one real incident. */
    static double[] signal(long seed) {
        Random random = new Random(seed);
        double[] p99 = new double[MINUTES];
        double drift = 0;
        for (int m = 0; m < MINUTES; m++) {
            drift = 0.9 * drift + random.nextGaussian() * 8;          // correlated wander
            double noise = random.nextGaussian() * 14;                 // scrape-to-scrape jitter
            boolean incident = m >= INCIDENT_START && m < INCIDENT_START + INCIDENT_MINUTES;
            p99[m] = 255 + drift + noise + (incident ? 110 : 0);
        }
        return p99;
    }

    // tag::hysteresis[]
    /** Naive: the alert fires exactly while the signal is over the threshold. */
    static boolean[] naive(double[] p99) {
        boolean[] firing = new boolean[p99.length];
        for (int m = 0; m < p99.length; m++) {
            firing[m] = p99[m] > THRESHOLD_MS;
        }
        return firing;
    }

    /** Fires after BREACHES_TO_FIRE breaches in a row; clears after NORMALS_TO_CLEAR normal minutes. */
    static boolean[] hysteretic(double[] p99) {
        boolean[] firing = new boolean[p99.length];
        boolean on = false;
        int run = 0;   // consecutive minutes that disagree with the current state
        for (int m = 0; m < p99.length; m++) {
            boolean breach = p99[m] > THRESHOLD_MS;
            run = breach != on ? run + 1 : 0;
            if (!on && run == BREACHES_TO_FIRE || on && run == NORMALS_TO_CLEAR) {
                on = !on;
                run = 0;
            }
            firing[m] = on;
        }
        return firing;
    }

    /** A page goes out each time the alert starts firing. */
    static List<Integer> pages(boolean[] firing) {
        List<Integer> pages = new ArrayList<>();
        for (int m = 0; m < firing.length; m++) {
            if (firing[m] && (m == 0 || !firing[m - 1])) {
                pages.add(m);
            }
        }
        return pages;
    }
    // end::hysteresis[]

    static final long SEED = 1;

    public static void main(String[] args) {
        double[] p99 = signal(SEED);
        List<Integer> naive = pages(naive(p99));
        List<Integer> hysteretic = pages(hysteretic(p99));
        long breachingMinutes = java.util.Arrays.stream(p99).filter(v -> v > THRESHOLD_MS).count();
        System.out.printf("Minutes over %.0f ms: %d of %d (%d during the incident)%n", THRESHOLD_MS, breachingMinutes,
                MINUTES, incidentBreaches(p99));
        System.out.printf("Naive alert:      %3d pages, first incident page at %s%n", naive.size(),
                clock(firstAtOrAfter(naive, INCIDENT_START)));
        System.out.printf("Hysteretic alert: %3d pages, first incident page at %s (incident began %s)%n",
                hysteretic.size(), clock(firstAtOrAfter(hysteretic, INCIDENT_START)), clock(INCIDENT_START));
        System.out.printf("Pages outside the incident: naive %d, hysteretic %d%n",
                outsideIncident(naive), outsideIncident(hysteretic));
    }

    static long incidentBreaches(double[] p99) {
        long n = 0;
        for (int m = INCIDENT_START; m < INCIDENT_START + INCIDENT_MINUTES; m++) {
            n += p99[m] > THRESHOLD_MS ? 1 : 0;
        }
        return n;
    }

    static int firstAtOrAfter(List<Integer> pages, int minute) {
        return pages.stream().filter(p -> p >= minute).findFirst().orElse(-1);
    }

    static long outsideIncident(List<Integer> pages) {
        return pages.stream().filter(p -> p < INCIDENT_START || p >= INCIDENT_START + INCIDENT_MINUTES).count();
    }

    static String clock(int minute) {
        return minute < 0 ? "never" : String.format("%02d:%02d", minute / 60, minute % 60);
    }

    public static Map<String, Object> facts() {
        double[] p99 = signal(SEED);
        List<Integer> naive = pages(naive(p99));
        List<Integer> hysteretic = pages(hysteretic(p99));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("threshold-ms", THRESHOLD_MS);
        f.put("breaches-to-fire", BREACHES_TO_FIRE);
        f.put("normals-to-clear", NORMALS_TO_CLEAR);
        f.put("incident-minutes", INCIDENT_MINUTES);
        f.put("naive-pages", naive.size());
        f.put("hysteretic-pages", hysteretic.size());
        f.put("naive-false-pages", outsideIncident(naive));
        f.put("hysteretic-false-pages", outsideIncident(hysteretic));
        f.put("detection-delay-minutes", firstAtOrAfter(hysteretic, INCIDENT_START) - firstAtOrAfter(naive, INCIDENT_START));
        f.put("hysteretic-fires-after-incident-start-minutes", firstAtOrAfter(hysteretic, INCIDENT_START) - INCIDENT_START);
        double quietMin = Double.MAX_VALUE, quietMax = 0, incidentPeak = 0;
        for (int m = 0; m < MINUTES; m++) {
            if (m >= INCIDENT_START && m < INCIDENT_START + INCIDENT_MINUTES) {
                incidentPeak = Math.max(incidentPeak, p99[m]);
            } else {
                quietMin = Math.min(quietMin, p99[m]);
                quietMax = Math.max(quietMax, p99[m]);
            }
        }
        f.put("quiet-p99-min-ms", quietMin);
        f.put("quiet-p99-max-ms", quietMax);
        f.put("incident-p99-peak-ms", incidentPeak);
        return f;
    }

    public static Map<String, Object> charts() {
        double[] p99 = signal(SEED);
        boolean[] state = hysteretic(p99);
        List<List<Double>> latency = new ArrayList<>();
        List<List<Double>> firing = new ArrayList<>();
        for (int m = 0; m < MINUTES; m++) {
            double hour = Math.round(m / 60.0 * 1000) / 1000.0;
            latency.add(List.of(hour, Math.round(p99[m] * 10) / 10.0));
            firing.add(List.of(hour, state[m] ? 1.0 : 0.0));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", List.of(
                Map.of("left", 60, "right", 30, "top", 40, "height", "55%"),
                Map.of("left", 60, "right", 30, "top", "75%", "height", "13%")));
        option.put("xAxis", List.of(
                Map.of("type", "value", "gridIndex", 0, "min", 0, "max", 24, "interval", 2),
                Map.of("type", "value", "gridIndex", 1, "min", 0, "max", 24, "interval", 2,
                        "name", "hour of the day", "nameLocation", "middle", "nameGap", 28)));
        option.put("yAxis", List.of(
                Map.of("type", "value", "gridIndex", 0, "name", "p99 latency (ms)", "min", 150),
                Map.of("type", "value", "gridIndex", 1, "min", 0, "max", 1, "interval", 1, "name", "firing")));
        option.put("series", List.of(
                Map.of("type", "line", "name", "p99 latency per minute", "showSymbol", false, "data", latency,
                        "markLine", Map.of("symbol", "none", "label", Map.of("position", "insideEndTop", "formatter", "threshold " + (int) THRESHOLD_MS + " ms"),
                                "data", List.of(Map.of("yAxis", THRESHOLD_MS)))),
                Map.of("type", "line", "name", "hysteretic alert (3 to fire, 5 to clear)", "step", "end",
                        "showSymbol", false, "xAxisIndex", 1, "yAxisIndex", 1, "data", firing)));
        return Map.of("hysteresis", option);
    }
}
