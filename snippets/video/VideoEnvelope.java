package video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The transcoding fan-out and the back-of-envelope for a video platform, from one variant ladder:
 * tasks per uploaded hour, transcode time per task, how fast 500 machines finish one video, the fleet
 * that keeps up with all uploads, the bytes stored per day, and the egress of a billion watch-hours.
 */
public class VideoEnvelope {

    // Assumptions, stated once.
    record Rung(String name, int width, int height, double megabitsPerSecond) {
    }

    static final List<Rung> LADDER = List.of(        // the ladder the pipeline sketch lists
            new Rung("2160p", 3840, 2160, 15),
            new Rung("1080p", 1920, 1080, 4.5),
            new Rung("720p", 1280, 720, 2),
            new Rung("480p", 854, 480, 0.8),
            new Rung("360p", 640, 360, 0.5));
    static final double SEGMENT_S = 10;
    static final double FPS = 30;
    static final double ENCODE_PIXELS_PER_S = 60e6;   // one worker: about 1080p30 in real time (rule of thumb)
    static final int MACHINES = 500;
    static final int[] FLEET_SIZES = {25, 50, 100, 200, 300, 500, 1_000, 1_800, 3_600};   // the chart's x axis
    static final double UPLOAD_HOURS_PER_MINUTE = 500;
    static final double UPLOAD_GB_PER_4K_HOUR = 20;   // the quoted size of a 1-hour 4K upload
    static final double WATCH_HOURS_PER_DAY = 1e9;
    static final double MEAN_WATCHED_MBPS = 3;         // average delivered bitrate across devices (assumed)

    // tag::fanout[]
    /** Seconds of one worker to encode one segment at this rung: pixels over pixels per second. */
    static double taskSeconds(Rung r) {
        return (double) r.width() * r.height() * FPS * SEGMENT_S / ENCODE_PIXELS_PER_S;
    }

    /** One task per (segment, rung): the ladder, not a round "10 variants", sets the count. */
    static List<Double> tasksForOneHour() {
        List<Double> tasks = new ArrayList<>();
        int segments = (int) (3_600 / SEGMENT_S);
        for (int s = 0; s < segments; s++) {
            for (Rung r : LADDER) {
                tasks.add(taskSeconds(r));
            }
        }
        return tasks;
    }

    /** Wall-clock time for a fleet: longest task first, each to the machine free soonest. */
    static double makespan(List<Double> tasks, int machines) {
        Double[] sorted = tasks.toArray(new Double[0]);
        Arrays.sort(sorted, (a, b) -> Double.compare(b, a));
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int m = 0; m < machines; m++) {
            freeAt.add(0.0);
        }
        double end = 0;
        for (double t : sorted) {
            double finish = freeAt.poll() + t;
            end = Math.max(end, finish);
            freeAt.add(finish);
        }
        return end;
    }
    // end::fanout[]

    static double machineSecondsPerVideoHour(boolean with4k) {
        return tasksForOneHour().stream().mapToDouble(Double::doubleValue).sum()
                - (with4k ? 0 : 3_600 / SEGMENT_S * taskSeconds(LADDER.get(0)));
    }

    static double ladderMbps() {
        return LADDER.stream().mapToDouble(Rung::megabitsPerSecond).sum();
    }

    // tag::envelope[]
    static double uploadedHoursPerDay() {
        return UPLOAD_HOURS_PER_MINUTE * 60 * 24;
    }

    /** Bytes of every rung of one hour of video. */
    static double encodedBytesPerHour() {
        return ladderMbps() * 1e6 / 8 * 3_600;
    }

    /** Machines busy around the clock to transcode every upload as it arrives. */
    static double machinesToKeepUp(boolean with4k) {
        double videoHoursPerSecond = UPLOAD_HOURS_PER_MINUTE / 60;
        return videoHoursPerSecond * machineSecondsPerVideoHour(with4k);
    }

    static double averageEgressBitsPerSecond() {
        double concurrentViewers = WATCH_HOURS_PER_DAY / 24;
        return concurrentViewers * MEAN_WATCHED_MBPS * 1e6;
    }
    // end::envelope[]

    public static void main(String[] args) {
        List<Double> tasks = tasksForOneHour();
        System.out.printf("One hour of video: %d segments x %d rungs = %,d tasks%n", (int) (3_600 / SEGMENT_S),
                LADDER.size(), tasks.size());
        for (Rung r : LADDER) {
            System.out.printf("  %-5s %4dx%-4d %5.1f Mbps  %5.1f s per segment task%n", r.name(), r.width(), r.height(),
                    r.megabitsPerSecond(), taskSeconds(r));
        }
        System.out.printf("Work: %.2f machine-hours; on %d machines it finishes in %.0f s%n",
                machineSecondsPerVideoHour(true) / 3_600, MACHINES, makespan(tasks, MACHINES));
        System.out.printf("%nUploads: %,.0f hours a day, stored as %.2f PB a day across the ladder (%.1f GB per hour)%n",
                uploadedHoursPerDay(), uploadedHoursPerDay() * encodedBytesPerHour() / 1e15, encodedBytesPerHour() / 1e9);
        System.out.printf("Transcoding as they arrive: %,.0f machines (full ladder), %,.0f without the 4K rung%n",
                machinesToKeepUp(true), machinesToKeepUp(false));
        System.out.printf("Average egress: %.0f Tbps for %,.0f concurrent viewers%n",
                averageEgressBitsPerSecond() / 1e12, WATCH_HOURS_PER_DAY / 24);
    }

    public static Map<String, Object> facts() {
        List<Double> tasks = tasksForOneHour();
        double uploadMbps = UPLOAD_GB_PER_4K_HOUR * 1e9 * 8 / 3_600 / 1e6;
        double uncompressed4kBytesPerHour = 3840.0 * 2160 * 1.5 * FPS * 3_600;   // 8-bit 4:2:0: 1.5 bytes per pixel
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rungs", LADDER.size());
        f.put("segment-s", SEGMENT_S);
        f.put("segments-per-hour", 3_600 / SEGMENT_S);
        f.put("tasks-per-hour", tasks.size());
        f.put("quoted-tasks", 3_600);
        f.put("fps", FPS);
        f.put("encode-pixels-per-s", ENCODE_PIXELS_PER_S);
        f.put("task-4k-s", taskSeconds(LADDER.get(0)));
        f.put("task-360p-s", taskSeconds(LADDER.get(LADDER.size() - 1)));
        f.put("segment-all-rungs-s", tasks.subList(0, LADDER.size()).stream().mapToDouble(Double::doubleValue).sum());
        f.put("machine-hours-per-hour", machineSecondsPerVideoHour(true) / 3_600);
        f.put("machines", MACHINES);
        f.put("makespan-s", makespan(tasks, MACHINES));
        f.put("fewest-machines", FLEET_SIZES[0]);
        f.put("makespan-fewest-s", makespan(tasks, FLEET_SIZES[0]));
        f.put("most-machines", FLEET_SIZES[FLEET_SIZES.length - 1]);
        f.put("longest-task-binds-from-machines", machineSecondsPerVideoHour(true) / taskSeconds(LADDER.get(0)));
        f.put("makespan-lower-bound-s", Math.max(machineSecondsPerVideoHour(true) / MACHINES, taskSeconds(LADDER.get(0))));
        f.put("upload-hours-per-minute", UPLOAD_HOURS_PER_MINUTE);
        f.put("upload-hours-per-day", uploadedHoursPerDay());
        f.put("ladder-mbps", ladderMbps());
        f.put("encoded-bytes-per-hour", encodedBytesPerHour());
        f.put("encoded-bytes-per-day", uploadedHoursPerDay() * encodedBytesPerHour());
        f.put("encoded-bytes-per-year", uploadedHoursPerDay() * encodedBytesPerHour() * 365);
        f.put("segment-writes-per-s", uploadedHoursPerDay() * tasks.size() / 86_400);
        f.put("segment-requests-per-s", WATCH_HOURS_PER_DAY / 24 / SEGMENT_S);
        f.put("upload-gb-per-4k-hour", UPLOAD_GB_PER_4K_HOUR);
        f.put("upload-implied-mbps", uploadMbps);
        f.put("uncompressed-4k-bytes-per-hour", uncompressed4kBytesPerHour);
        f.put("originals-bytes-per-day", uploadedHoursPerDay() * UPLOAD_GB_PER_4K_HOUR * 1e9);
        f.put("originals-over-ladder", UPLOAD_GB_PER_4K_HOUR * 1e9 / encodedBytesPerHour());
        f.put("segment-objects-per-day", uploadedHoursPerDay() * tasks.size());
        f.put("machines-to-keep-up", machinesToKeepUp(true));
        f.put("machines-to-keep-up-no-4k", machinesToKeepUp(false));
        f.put("watch-hours-per-day", WATCH_HOURS_PER_DAY);
        f.put("concurrent-viewers", WATCH_HOURS_PER_DAY / 24);
        f.put("mean-watched-mbps", MEAN_WATCHED_MBPS);
        f.put("egress-tbps", averageEgressBitsPerSecond() / 1e12);
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Rung", "Resolution", "Bitrate", "GB per hour", "MB per 10 s segment", "Encode seconds per segment"));
        for (Rung r : LADDER) {
            rows.add(List.of(r.name(), r.width() + "×" + r.height(), trim(r.megabitsPerSecond()) + " Mbps",
                    String.format("%.2f", r.megabitsPerSecond() * 1e6 / 8 * 3_600 / 1e9),
                    String.format("%.2f", r.megabitsPerSecond() * 1e6 / 8 * SEGMENT_S / 1e6),
                    String.format("%.1f", taskSeconds(r))));
        }
        return Map.of("ladder", Map.of("rows", rows,
                "derived", List.of("GB per hour", "MB per 10 s segment", "Encode seconds per segment")));
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.format("%.0f", v) : String.valueOf(v);
    }

    public static Map<String, Object> charts() {
        List<Double> tasks = tasksForOneHour();
        List<List<Double>> points = new ArrayList<>(), bound = new ArrayList<>();
        for (int machines : FLEET_SIZES) {
            points.add(List.of((double) machines, Math.round(makespan(tasks, machines) * 10) / 10.0));
            double lower = Math.max(machineSecondsPerVideoHour(true) / machines, taskSeconds(LADDER.get(0)));
            bound.add(List.of((double) machines, Math.round(lower * 10) / 10.0));
        }
        return Map.of("makespan", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "transcode machines (log scale)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "log", "name", "seconds to finish one hour of video (log scale)"),
                "series", List.of(
                        Map.of("type", "line", "name", "longest-task-first schedule", "data", points),
                        Map.of("type", "line", "name", "lower bound: total work ÷ machines, or the longest task",
                                "lineStyle", Map.of("type", "dashed"), "data", bound))));
    }
}
