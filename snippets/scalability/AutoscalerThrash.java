package scalability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A load ramp served by an autoscaled fleet, with Kubernetes' defences against flapping switched on one
 * at a time. The bare formula, applied every 15 s to CPU averaged over ready pods only, keeps adding
 * pods while new ones boot and drops them once they arrive. Counting booting pods as idle fixes the
 * overshoot; the 10 % tolerance ignores small wobbles; the 5-minute scale-down window (which also
 * brings Kubernetes' scale-up limit of doubling or 4 pods per step) stops the fleet chasing noise.
 * Simplification: Kubernetes sets booting pods aside when scaling down; here they count as idle both
 * ways, which yields the same replica count.
 */
public class AutoscalerThrash {

    static final int STEP_S = 15;                 // the HPA sync period
    static final int MINUTES = 60;
    static final double POD_CAPACITY_RPS = 100;   // requests per second at 100 % CPU
    static final double TARGET = 0.6;             // target CPU utilisation
    static final int BOOT_S = 60;                 // from scheduled to ready
    static final double NOISE = 0.08;             // standard deviation of load and metric noise, per step
    static final double HOT = 0.8;                // CPU above which latency suffers

    /** Requests per second at a given minute: flat, a ramp up, a plateau, a ramp down. */
    static double load(double minute) {
        if (minute < 10) {
            return 1_200;
        }
        if (minute < 25) {
            return 1_200 + (6_000 - 1_200) * (minute - 10) / 15;
        }
        if (minute < 40) {
            return 6_000;
        }
        if (minute < 50) {
            return 6_000 - (6_000 - 2_000) * (minute - 40) / 10;
        }
        return 2_000;
    }

    static int needed(double rps) {
        return (int) Math.ceil(rps / (POD_CAPACITY_RPS * TARGET));
    }

    /** A fleet: pods that are ready, and pods still booting (with the step at which each becomes ready). */
    static final class Fleet {
        int ready;
        final Deque<Integer> booting = new ArrayDeque<>();

        int total() {
            return ready + booting.size();
        }

        void tick(int step) {
            while (!booting.isEmpty() && booting.peekFirst() <= step) {
                booting.pollFirst();
                ready++;
            }
        }

        void scaleTo(int replicas, int step) {
            while (total() < replicas) {
                booting.addLast(step + BOOT_S / STEP_S);
            }
            while (total() > replicas) { // remove booting pods first, newest first
                if (!booting.isEmpty()) {
                    booting.pollLast();
                } else {
                    ready--;
                }
            }
        }
    }

    /** Which of Kubernetes' defences against flapping are switched on. */
    record Settings(String name, boolean bootingPodsIdle, double tolerance, int downscaleWindowS) {
    }

    static final List<Settings> SETTINGS = List.of(
            new Settings("formula only", false, 0, 0),
            new Settings("+ booting pods count as idle", true, 0, 0),
            new Settings("+ 10% tolerance", true, 0.1, 0),
            new Settings("+ 5-minute scale-down window (Kubernetes defaults)", true, 0.1, 300));

    // tag::controller[]
    static final class Autoscaler {
        private final Settings settings;
        private final Deque<int[]> recent = new ArrayDeque<>(); // {step, recommendation}

        Autoscaler(Settings settings) {
            this.settings = settings;
        }

        int desired(Fleet fleet, double rps, int step) {
            // CPU per pod: booting pods either count as idle, or are left out of the average
            int counted = settings.bootingPodsIdle() ? fleet.total() : fleet.ready;
            double ratio = rps / (counted * POD_CAPACITY_RPS) / TARGET;
            int recommendation = Math.abs(ratio - 1) <= settings.tolerance() ? fleet.total()
                    : Math.max(1, (int) Math.ceil(fleet.total() * ratio));
            if (settings.downscaleWindowS() > 0) {
                int limit = Math.max(2 * fleet.total(), fleet.total() + 4); // at most double, or +4
                recommendation = Math.min(recommendation, limit);
            }
            // scale down only to the highest recommendation of the window
            recent.addLast(new int[] {step, recommendation});
            int windowSteps = Math.max(1, settings.downscaleWindowS() / STEP_S);
            while (recent.peekFirst()[0] <= step - windowSteps) {
                recent.pollFirst();
            }
            int highest = recent.stream().mapToInt(r -> r[1]).max().orElseThrow();
            if (recommendation >= fleet.total()) {
                return recommendation;
            }
            return Math.min(fleet.total(), highest);
        }
    }
    // end::controller[]

    record Run(List<Integer> replicas, int scaleEvents, int reversals, int podsStarted, double hotMinutes,
               double podHours, int peakReplicas) {
    }

    static Run simulate(Settings settings) {
        Autoscaler controller = new Autoscaler(settings);
        Random random = new Random(99); // the same noisy load for both controllers
        Fleet fleet = new Fleet();
        fleet.ready = needed(load(0));
        List<Integer> series = new ArrayList<>();
        int events = 0, reversals = 0, lastDirection = 0, peak = 0;
        int started = 0;
        double hotSteps = 0, podSeconds = 0;
        for (int step = 0; step < MINUTES * 60 / STEP_S; step++) {
            fleet.tick(step);
            double rps = load(step * STEP_S / 60.0) * (1 + NOISE * random.nextGaussian());
            if (rps > HOT * fleet.ready * POD_CAPACITY_RPS) {
                hotSteps++;
            }
            int target = controller.desired(fleet, rps, step);
            if (target != fleet.total()) {
                int direction = Integer.signum(target - fleet.total());
                events++;
                if (lastDirection != 0 && direction != lastDirection) {
                    reversals++;
                }
                lastDirection = direction;
                started += Math.max(0, target - fleet.total());
                fleet.scaleTo(target, step);
            }
            podSeconds += fleet.total() * STEP_S;
            peak = Math.max(peak, fleet.total());
            series.add(fleet.total());
        }
        return new Run(series, events, reversals, started, hotSteps * STEP_S / 60.0, podSeconds / 3_600, peak);
    }

    static Map<String, Run> runs() {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (Settings settings : SETTINGS) {
            runs.put(settings.name(), simulate(settings));
        }
        return runs;
    }

    public static void main(String[] args) {
        System.out.printf("60 minutes, 1,200 -> 6,000 -> 2,000 req/s with %.0f%% noise, pods ready after %d s%n",
                NOISE * 100, BOOT_S);
        System.out.printf("%-30s %8s %9s %8s %9s %9s %5s%n", "", "scalings", "reversals", "started",
                "min >80%", "pod-hours", "peak");
        runs().forEach((name, r) -> System.out.printf("%-30s %8d %9d %8d %9.2f %9.1f %5d%n",
                name.replace(" (Kubernetes defaults)", ""), r.scaleEvents(), r.reversals(), r.podsStarted(),
                r.hotMinutes(), r.podHours(), r.peakReplicas()));
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Controller", "Scaling actions", "Direction reversals", "Pods started",
                "Minutes above 80 % CPU", "Pod-hours", "Peak pods"));
        runs().forEach((name, r) -> rows.add(List.of(name, String.valueOf(r.scaleEvents()),
                String.valueOf(r.reversals()), String.valueOf(r.podsStarted()), String.format("%.2f", r.hotMinutes()),
                String.format("%.1f", r.podHours()), String.valueOf(r.peakReplicas()))));
        return Map.of("thrash", rows);
    }

    public static Map<String, Object> facts() {
        Map<String, Run> runs = runs();
        Run naive = runs.get(SETTINGS.get(0).name()), k8s = runs.get(SETTINGS.get(3).name());
        Run tolerance = runs.get(SETTINGS.get(2).name());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("thrash-naive-events", naive.scaleEvents());
        facts.put("thrash-naive-reversals", naive.reversals());
        facts.put("thrash-k8s-events", k8s.scaleEvents());
        facts.put("thrash-k8s-reversals", k8s.reversals());
        facts.put("thrash-naive-peak", naive.peakReplicas());
        facts.put("thrash-k8s-peak", k8s.peakReplicas());
        facts.put("thrash-needed-at-plateau", needed(6_000));
        facts.put("thrash-needed-at-start", needed(load(0)));
        facts.put("thrash-needed-at-end", needed(load(MINUTES)));
        facts.put("thrash-boot-s", BOOT_S);
        facts.put("thrash-naive-started", naive.podsStarted());
        facts.put("thrash-k8s-started", k8s.podsStarted());
        facts.put("thrash-naive-hot-min", naive.hotMinutes());
        facts.put("thrash-k8s-hot-min", k8s.hotMinutes());
        facts.put("thrash-pod-capacity-rps", POD_CAPACITY_RPS);
        facts.put("thrash-target", TARGET);
        facts.put("thrash-start-rps", load(0));
        facts.put("thrash-peak-rps", load(30));
        facts.put("thrash-end-rps", load(MINUTES));
        facts.put("thrash-noise", NOISE);
        facts.put("thrash-tolerance-events", tolerance.scaleEvents());
        facts.put("thrash-tolerance-reversals", tolerance.reversals());
        facts.put("thrash-tolerance-pod-hours", tolerance.podHours());
        facts.put("thrash-k8s-pod-hours", k8s.podHours());
        return facts;
    }

    public static Map<String, Object> charts() {
        Map<String, Run> runs = runs();
        List<Object> series = new ArrayList<>();
        List<List<Double>> neededSeries = new ArrayList<>();
        for (int step = 0; step < MINUTES * 60 / STEP_S; step++) {
            double minute = step * STEP_S / 60.0;
            neededSeries.add(List.of(minute, (double) needed(load(minute))));
        }
        series.add(Map.of("type", "line", "name", "needed for the noise-free load at 60% CPU", "showSymbol", false,
                "lineStyle", Map.of("type", "dashed"), "data", neededSeries));
        runs.forEach((name, run) -> {
            if (name.startsWith("+ booting") || name.startsWith("+ 10%")) {
                return; // the chart shows the two ends; the table has every step
            }
            List<List<Double>> points = new ArrayList<>();
            for (int step = 0; step < run.replicas().size(); step++) {
                points.add(List.of(step * STEP_S / 60.0, (double) run.replicas().get(step)));
            }
            series.add(Map.of("type", "line", "step", "end", "name", name, "showSymbol", false, "data", points));
        });
        return Map.of("thrash", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "minutes", "nameLocation", "middle", "nameGap", 28,
                        "max", MINUTES),
                "yAxis", Map.of("type", "value", "name", "pods (replicas)"),
                "series", series));
    }
}
