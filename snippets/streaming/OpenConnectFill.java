package streaming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The nightly fill of one Open Connect appliance as a knapsack: choose the video files that maximise
 * the bytes it will serve tomorrow, by predicted demand, within its disk. Then a simulated day: views
 * drawn from the true demand (which has drifted, and holds a surprise hit the prediction missed)
 * measure the byte hit rate of the push fill, of a fill made with perfect foresight, and of a pull
 * cache (LRU, fill on miss) of the same size.
 */
public class OpenConnectFill {

    // Assumptions, stated once.
    static final int TITLES = 15_000;
    static final double FILM_SHARE = 0.6;              // the rest are series
    static final int MIN_EPISODES = 6, MAX_EPISODES = 20;
    static final double SITE_RENDITIONS_MBPS = 20;      // sum of the bitrates of the renditions this site's devices use
    static final double ZIPF_EXPONENT = 1.1;            // title popularity skew
    static final double EPISODE_RETENTION = 0.85;       // each episode is watched this much less than the one before
    static final double PREDICTION_NOISE = 0.3;         // log-normal sigma of the demand forecast's error
    static final double OVERNIGHT_DRIFT = 0.3;          // log-normal sigma of each title's change from one day to the next
    static final int ANNOUNCED_RELEASE_RANK = 3;        // a new season on the calendar: the forecast knows
    static final int SURPRISE_HIT_RANK = 5;             // an old title goes viral overnight: the forecast does not know
    static final int VIEWS_PER_DAY = 50_000;            // file views at this site in a day
    static final double CAPACITY_TB = 10;               // the appliance's disk
    static final double DETECTION_SHARE = 0.05;         // emergency fill looks at misses after this share of the day
    static final int EMERGENCY_MIN_VIEWS = 3;           // a missed file viewed this often by then is filled at once
    static final long SEED = 42;

    record VideoFile(int id, int title, double gigabytes) {
    }

    /** The catalog and two days of true demand (share of views per file). */
    record World(List<VideoFile> files, double[] yesterday, double[] today, int announced, int surprise) {
    }

    static World world(long seed) {
        Random random = new Random(seed);
        List<VideoFile> files = new ArrayList<>();
        List<Double> titleWeight = new ArrayList<>(), withinTitle = new ArrayList<>();
        List<Integer> titleOf = new ArrayList<>();
        double gbPerHour = SITE_RENDITIONS_MBPS * 1e6 * 3_600 / 8 / 1e9;
        for (int t = 0; t < TITLES; t++) {
            double weight = 1 / Math.pow(t + 1, ZIPF_EXPONENT); // title t has popularity rank t + 1
            if (random.nextDouble() < FILM_SHARE) {
                files.add(new VideoFile(files.size(), t, gbPerHour * (1.5 + random.nextDouble())));
                titleOf.add(t);
                withinTitle.add(1.0);
                titleWeight.add(weight);
            } else {
                int episodes = MIN_EPISODES + random.nextInt(MAX_EPISODES - MIN_EPISODES + 1);
                double hours = 0.4 + 0.6 * random.nextDouble();
                double norm = 0;
                for (int e = 0; e < episodes; e++) {
                    norm += Math.pow(EPISODE_RETENTION, e);
                }
                for (int e = 0; e < episodes; e++) {
                    files.add(new VideoFile(files.size(), t, gbPerHour * hours));
                    titleOf.add(t);
                    withinTitle.add(Math.pow(EPISODE_RETENTION, e) / norm);
                    titleWeight.add(weight);
                }
            }
        }
        double[] titleDrift = new double[TITLES];
        for (int t = 0; t < TITLES; t++) {
            titleDrift[t] = Math.exp(OVERNIGHT_DRIFT * random.nextGaussian());
        }
        // two titles from the tail jump to the top tomorrow: one announced, one not
        int announced = TITLES - 1 - random.nextInt(1_000), surprise = TITLES - 1_001 - random.nextInt(1_000);
        titleDrift[announced] = Math.pow((double) announced + 1, ZIPF_EXPONENT) / Math.pow(ANNOUNCED_RELEASE_RANK, ZIPF_EXPONENT);
        titleDrift[surprise] = Math.pow((double) surprise + 1, ZIPF_EXPONENT) / Math.pow(SURPRISE_HIT_RANK, ZIPF_EXPONENT);
        double[] yesterday = new double[files.size()], today = new double[files.size()];
        for (int f = 0; f < files.size(); f++) {
            yesterday[f] = titleWeight.get(f) * withinTitle.get(f);
            today[f] = yesterday[f] * titleDrift[titleOf.get(f)];
        }
        return new World(files, normalise(yesterday), normalise(today), announced, surprise);
    }

    static double[] normalise(double[] v) {
        double sum = Arrays.stream(v).sum();
        return Arrays.stream(v).map(x -> x / sum).toArray();
    }

    /** Tonight's forecast: yesterday's demand with forecast error, corrected by the release calendar. */
    static double[] forecast(World w, Random random) {
        double[] predicted = new double[w.files().size()];
        for (VideoFile f : w.files()) {
            predicted[f.id()] = f.title() == w.announced() ? w.today()[f.id()]
                    : w.yesterday()[f.id()] * Math.exp(PREDICTION_NOISE * random.nextGaussian());
        }
        return predicted;
    }

    // tag::fill[]
    record Fill(Set<Integer> files, double gigabytes, double predictedValue, double upperBound) {
        double gap() {
            return (upperBound - predictedValue) / upperBound;
        }
    }

    /**
     * 0/1 knapsack by greedy density. A file's value is the bytes it would serve (views x size), its
     * weight its size, so its density is simply its predicted views. Files are taken in that order
     * while they fit; the first one that does not fit gives Dantzig's bound (fill the rest of the disk
     * with a fraction of it), which no 0/1 solution can beat, so bound - value is the optimality gap.
     */
    static Fill greedyFill(List<VideoFile> files, double[] viewShare, double capacityGb) {
        List<VideoFile> byDensity = new ArrayList<>(files);
        byDensity.sort(Comparator.comparingDouble((VideoFile f) -> viewShare[f.id()]).reversed()
                .thenComparingInt(VideoFile::id));
        Set<Integer> chosen = new HashSet<>();
        double used = 0, value = 0, bound = -1;
        for (VideoFile f : byDensity) {
            double v = viewShare[f.id()] * f.gigabytes();
            if (used + f.gigabytes() <= capacityGb) {
                chosen.add(f.id());
                used += f.gigabytes();
                value += v;
            } else if (bound < 0) {
                bound = value + (capacityGb - used) * viewShare[f.id()]; // the fractional relaxation
            }
        }
        return new Fill(chosen, used, value, bound < 0 ? value : bound);
    }
    // end::fill[]

    /** Views of today drawn from the true demand, in a fixed order for every policy. */
    static int[] views(World w, Random random) {
        double[] cumulative = new double[w.today().length];
        double sum = 0;
        for (int f = 0; f < cumulative.length; f++) {
            sum += w.today()[f];
            cumulative[f] = sum;
        }
        int[] views = new int[VIEWS_PER_DAY];
        for (int i = 0; i < views.length; i++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            views[i] = Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
        }
        return views;
    }

    record DayResult(double byteHitRate, double missGigabytes, double surpriseMissGigabytes, double daytimeFillGigabytes) {
    }

    static DayResult servePushed(World w, Set<Integer> stored, int[] views) {
        double served = 0, missed = 0, surpriseMissed = 0;
        for (int v : views) {
            VideoFile f = w.files().get(v);
            served += f.gigabytes();
            if (!stored.contains(v)) {
                missed += f.gigabytes();
                surpriseMissed += f.title() == w.surprise() ? f.gigabytes() : 0;
            }
        }
        return new DayResult(1 - missed / served, missed, surpriseMissed, 0);
    }

    // tag::fill[]
    /**
     * Push plus emergency fill: early in the day, any file that keeps missing is copied in at once,
     * evicting the stored files with the lowest forecast. This is how a hit nobody predicted is caught.
     */
    static DayResult servePushedWithEmergencyFill(World w, Set<Integer> stored, double[] forecast, double capacityGb,
                                                  int[] views) {
        Set<Integer> disk = new HashSet<>(stored);
        Map<Integer, Integer> missesSoFar = new HashMap<>();
        int checkAt = (int) (views.length * DETECTION_SHARE);
        double served = 0, missed = 0, surpriseMissed = 0, emergencyGb = 0;
        for (int i = 0; i < views.length; i++) {
            VideoFile f = w.files().get(views[i]);
            served += f.gigabytes();
            if (!disk.contains(f.id())) {
                missed += f.gigabytes();
                surpriseMissed += f.title() == w.surprise() ? f.gigabytes() : 0;
                missesSoFar.merge(f.id(), 1, Integer::sum);
            }
            if (i == checkAt) {
                emergencyGb = emergencyFill(w, disk, forecast, capacityGb, missesSoFar);
            }
        }
        return new DayResult(1 - missed / served, missed, surpriseMissed, emergencyGb);
    }

    static double emergencyFill(World w, Set<Integer> disk, double[] forecast, double capacityGb,
                                Map<Integer, Integer> missesSoFar) {
        List<VideoFile> evictable = new ArrayList<>(disk.stream().map(w.files()::get).toList());
        evictable.sort(Comparator.comparingDouble((VideoFile f) -> forecast[f.id()]).thenComparingInt(VideoFile::id));
        double used = evictable.stream().mapToDouble(VideoFile::gigabytes).sum(), copied = 0;
        List<Integer> hot = missesSoFar.entrySet().stream().filter(e -> e.getValue() >= EMERGENCY_MIN_VIEWS)
                .map(Map.Entry::getKey).sorted().toList();
        for (int id : hot) {
            VideoFile f = w.files().get(id);
            while (used + f.gigabytes() > capacityGb && !evictable.isEmpty()) {
                VideoFile victim = evictable.remove(0);
                disk.remove(victim.id());
                used -= victim.gigabytes();
            }
            disk.add(id);
            used += f.gigabytes();
            copied += f.gigabytes();
        }
        return copied;
    }
    // end::fill[]

    /** A pull cache: every miss is fetched from upstream during the day and evicts the least recently used. */
    static DayResult servePulled(World w, double capacityGb, int[] warmUp, int[] views) {
        LinkedHashMap<Integer, Double> lru = new LinkedHashMap<>(16, 0.75f, true);
        double[] used = {0};
        DayResult ignored = pull(w, lru, used, capacityGb, warmUp);
        return pull(w, lru, used, capacityGb, views);
    }

    private static DayResult pull(World w, LinkedHashMap<Integer, Double> lru, double[] used, double capacityGb, int[] views) {
        double served = 0, missed = 0, surpriseMissed = 0;
        for (int v : views) {
            VideoFile f = w.files().get(v);
            served += f.gigabytes();
            if (lru.get(v) == null) {
                missed += f.gigabytes();
                surpriseMissed += f.title() == w.surprise() ? f.gigabytes() : 0;
                while (used[0] + f.gigabytes() > capacityGb && !lru.isEmpty()) {
                    var eldest = lru.entrySet().iterator().next();
                    used[0] -= eldest.getValue();
                    lru.remove(eldest.getKey());
                }
                lru.put(v, f.gigabytes());
                used[0] += f.gigabytes();
            }
        }
        return new DayResult(1 - missed / served, missed, surpriseMissed, missed); // every miss is also a fill
    }

    record Run(double capacityTb, Fill tonight, double nightlyFillGb, DayResult push, DayResult emergency,
               DayResult oracle, DayResult pull, double catalogTb, double catalogHours, int fileCount) {
    }

    static Run run(double capacityTb) {
        World w = world(SEED);
        double capacityGb = capacityTb * 1_000;
        Fill lastNight = greedyFill(w.files(), w.yesterday(), capacityGb);
        double[] forecast = forecast(w, new Random(SEED + 1));
        Fill tonight = greedyFill(w.files(), forecast, capacityGb);
        double fill = w.files().stream().filter(f -> tonight.files().contains(f.id()) && !lastNight.files().contains(f.id()))
                .mapToDouble(VideoFile::gigabytes).sum();
        Fill oracle = greedyFill(w.files(), w.today(), capacityGb);
        int[] today = views(w, new Random(SEED + 2));
        World yesterdayWorld = new World(w.files(), w.yesterday(), w.yesterday(), w.announced(), w.surprise());
        int[] yesterday = views(yesterdayWorld, new Random(SEED + 3));
        double catalogGb = w.files().stream().mapToDouble(VideoFile::gigabytes).sum();
        double gbPerHour = SITE_RENDITIONS_MBPS * 1e6 * 3_600 / 8 / 1e9;
        return new Run(capacityTb, tonight, fill, servePushed(w, tonight.files(), today),
                servePushedWithEmergencyFill(w, tonight.files(), forecast, capacityGb, today),
                servePushed(w, oracle.files(), today), servePulled(w, capacityGb, yesterday, today),
                catalogGb / 1_000, catalogGb / gbPerHour, w.files().size());
    }

    private static final Map<Double, Run> RUNS = new LinkedHashMap<>();

    static synchronized Run cached(double capacityTb) {
        return RUNS.computeIfAbsent(capacityTb, OpenConnectFill::run);
    }

    static final double[] SIZES_TB = {2.5, 5, 10, 20, 40, 80, 160, 320};

    public static void main(String[] args) {
        Run r = cached(CAPACITY_TB);
        System.out.printf("Catalog at this site: %,d files, %,.0f content hours, %,.0f TB of renditions%n",
                r.fileCount(), r.catalogHours(), r.catalogTb());
        System.out.printf("Tonight's fill: %,d files, %,.2f of %,.0f TB, optimality gap at most %.4f%%%n",
                r.tonight().files().size(), r.tonight().gigabytes() / 1_000, CAPACITY_TB, 100 * r.tonight().gap());
        System.out.printf("New bytes to copy tonight: %,.0f GB (%.1f%% of the disk)%n", r.nightlyFillGb(),
                100 * r.nightlyFillGb() / (CAPACITY_TB * 1_000));
        System.out.printf("A day of %,d views     byte hit rate   filled by day   surprise's share of misses%n",
                VIEWS_PER_DAY);
        for (Map.Entry<String, DayResult> e : policies(r).entrySet()) {
            DayResult d = e.getValue();
            System.out.printf("  %-20s %10.1f%% %11.2f disks %16.0f%%%n", e.getKey(), 100 * d.byteHitRate(),
                    d.daytimeFillGigabytes() / (CAPACITY_TB * 1_000), 100 * d.surpriseMissGigabytes() / d.missGigabytes());
        }
        System.out.println("Push + emergency fill by disk size:");
        for (double tb : SIZES_TB) {
            System.out.printf("  %5s TB  %.1f%%%n", trim(tb), 100 * cached(tb).emergency().byteHitRate());
        }
    }

    static Map<String, DayResult> policies(Run r) {
        Map<String, DayResult> p = new LinkedHashMap<>();
        p.put("push (forecast)", r.push());
        p.put("push + emergency", r.emergency());
        p.put("perfect forecast", r.oracle());
        p.put("pull (LRU)", r.pull());
        return p;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.format("%.0f", v) : String.valueOf(v);
    }

    public static Map<String, Object> tables() {
        Run r = cached(CAPACITY_TB);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Fill policy (10 TB)", "Byte hit rate", "Bytes from upstream", "Copied in during the day",
                "Surprise hit's share of misses"));
        for (Map.Entry<String, DayResult> e : policies(r).entrySet()) {
            DayResult d = e.getValue();
            rows.add(List.of(e.getKey(), String.format("%.1f %%", 100 * d.byteHitRate()),
                    String.format("%.1f %%", 100 * (1 - d.byteHitRate())),
                    String.format("%,.0f GB", d.daytimeFillGigabytes()),
                    String.format("%.0f %%", 100 * d.surpriseMissGigabytes() / d.missGigabytes())));
        }
        return Map.of("policies", Map.of("rows", rows, "derived", List.of("Bytes from upstream")));
    }

    public static Map<String, Object> facts() {
        Run r = cached(CAPACITY_TB);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sim-titles", TITLES);
        f.put("sim-files", r.fileCount());
        f.put("sim-catalog-tb", r.catalogTb());
        f.put("sim-hours-per-title", r.catalogHours() / TITLES);
        f.put("sim-videos-per-title", (double) r.fileCount() / TITLES);
        f.put("site-renditions-mbps", SITE_RENDITIONS_MBPS);
        f.put("zipf", ZIPF_EXPONENT);
        f.put("prediction-noise", PREDICTION_NOISE);
        f.put("drift", OVERNIGHT_DRIFT);
        f.put("announced-rank", ANNOUNCED_RELEASE_RANK);
        f.put("surprise-rank", SURPRISE_HIT_RANK);
        f.put("views-per-day", VIEWS_PER_DAY);
        f.put("detection-share", DETECTION_SHARE);
        f.put("emergency-min-views", EMERGENCY_MIN_VIEWS);
        f.put("capacity-tb", CAPACITY_TB);
        f.put("capacity-share-of-catalog", CAPACITY_TB / r.catalogTb());
        f.put("fill-files", r.tonight().files().size());
        List<VideoFile> files = world(SEED).files();
        f.put("fill-titles", r.tonight().files().stream().map(id -> files.get(id).title()).distinct().count());
        f.put("fill-tb", r.tonight().gigabytes() / 1_000);
        f.put("fill-gap", r.tonight().gap());
        f.put("nightly-fill-gb", r.nightlyFillGb());
        f.put("nightly-fill-share", r.nightlyFillGb() / (CAPACITY_TB * 1_000));
        for (Map.Entry<String, DayResult> e : policies(r).entrySet()) {
            String key = switch (e.getKey()) {
                case "push (forecast)" -> "push";
                case "push + emergency" -> "emergency";
                case "perfect forecast" -> "perfect";
                default -> "pull";
            };
            DayResult d = e.getValue();
            f.put(key + "-hit", d.byteHitRate());
            if (d.daytimeFillGigabytes() > 0) {          // the forecast-only policies copy nothing by day
                f.put(key + "-daytime-fill-gb", d.daytimeFillGigabytes());
            }
            if (d.surpriseMissGigabytes() > 0) {         // a perfect forecast never misses the surprise
                f.put(key + "-surprise-share", d.surpriseMissGigabytes() / d.missGigabytes());
            }
        }
        f.put("pull-daytime-fill-disks", r.pull().daytimeFillGigabytes() / (CAPACITY_TB * 1_000));
        f.put("surprise-cost", r.oracle().byteHitRate() - r.push().byteHitRate());
        double reaches = Double.NaN;
        for (double tb : SIZES_TB) {
            if (Double.isNaN(reaches) && cached(tb).emergency().byteHitRate() >= 0.95) {
                reaches = tb;
            }
        }
        f.put("emergency-95-tb", reaches);
        f.put("largest-tb", SIZES_TB[SIZES_TB.length - 1]);
        f.put("largest-emergency-hit", cached(SIZES_TB[SIZES_TB.length - 1]).emergency().byteHitRate());
        f.put("largest-pull-hit", cached(SIZES_TB[SIZES_TB.length - 1]).pull().byteHitRate());
        return f;
    }

    public static Map<String, Object> charts() {
        List<String> sizes = new ArrayList<>();
        for (double tb : SIZES_TB) {
            sizes.add(trim(tb) + " TB");
        }
        List<Object> series = new ArrayList<>();
        for (String policy : policies(cached(CAPACITY_TB)).keySet()) {
            List<Double> hits = new ArrayList<>();
            for (double tb : SIZES_TB) {
                hits.add(Math.round(1_000 * policies(cached(tb)).get(policy).byteHitRate()) / 10.0);
            }
            series.add(Map.of("type", "line", "name", policy, "data", hits));
        }
        return Map.of("hit-rate", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 50, "bottom", 55),
                "xAxis", Map.of("type", "category", "data", sizes, "name", "disk at the site (doubling each step)",
                        "nameLocation", "middle", "nameGap", 32),
                "yAxis", Map.of("type", "value", "name", "byte hit rate, %", "min", 30, "max", 100),
                "series", series));
    }
}
