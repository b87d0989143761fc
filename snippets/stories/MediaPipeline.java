package stories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The asynchronous media pipeline, simulated on a slice of the fleet at peak: uploads arrive, the
 * story is viewable once the original is durable, and the ladder's jobs run on a pool of cores sized
 * from the back-of-envelope at its utilisation target. Jobs carry priorities (safety scan and the
 * most-served rung first, HEVC last). Two ways to cut the work: one job per rendition, or 1-second
 * chunks that many cores encode in parallel. Costs come from StoriesEnvelope, the single source.
 */
public class MediaPipeline {

    static final double SLICE = 1.0 / 2_000;       // simulate this share of the peak upload rate
    static final double SECONDS_OF_ARRIVALS = 120;
    static final double DURABLE_ORIGINAL_S = 0.1;  // the upload is acknowledged once the original is stored
    static final double CHUNK_SECONDS = 1;

    enum Milestone { FIRST_RUNG, ALL_RUNGS, HEVC }

    /** A unit of work: core-seconds, a priority (lower first), and the milestone it counts toward. */
    record Job(int upload, double arrival, double coreSeconds, int priority, Milestone milestone, long seq) {
    }

    static final class Upload {
        final double arrival;
        final boolean video, hevc;
        final int[] pending = new int[Milestone.values().length];
        final double[] doneAt = new double[Milestone.values().length];

        Upload(double arrival, boolean video, boolean hevc) {
            this.arrival = arrival;
            this.video = video;
            this.hevc = hevc;
        }
    }

    static List<Job> jobsFor(int id, Upload u, boolean chunked, long[] seq) {
        List<Job> jobs = new ArrayList<>();
        double t = u.arrival + DURABLE_ORIGINAL_S;
        StoriesEnvelope.Work w = u.video ? StoriesEnvelope.videoWork() : StoriesEnvelope.photoWork();
        jobs.add(new Job(id, t, w.safetyScan() + w.validation(), 0, Milestone.ALL_RUNGS, seq[0]++));
        List<StoriesEnvelope.Rendition> ladder = u.video ? StoriesEnvelope.VIDEO_LADDER : StoriesEnvelope.PHOTO_LADDER;
        double decodeShare = w.decode() / (ladder.size() - 1);
        for (int i = 1; i < ladder.size(); i++) {
            StoriesEnvelope.Rendition r = ladder.get(i);
            boolean isHevc = r.format().equals("HEVC");
            if (isHevc && !u.hevc) {
                continue;
            }
            boolean first = i == 1; // 1080p WebP or 720p60 H.264: what most clients fetch
            Milestone m = isHevc ? Milestone.HEVC : first ? Milestone.FIRST_RUNG : Milestone.ALL_RUNGS;
            int priority = isHevc ? 3 : first ? 1 : 2;
            double cost = r.encodeCoreSeconds() + decodeShare;
            int pieces = chunked && u.video ? (int) Math.ceil(StoriesEnvelope.CLIP_SECONDS / CHUNK_SECONDS) : 1;
            for (int p = 0; p < pieces; p++) {
                jobs.add(new Job(id, t, cost / pieces, priority, m, seq[0]++));
            }
        }
        return jobs;
    }

    record Result(int cores, double utilisation, double[][] percentiles) { // [milestone][p50, p95]
    }

    static Result run(boolean chunked, long seed) {
        Random rnd = new Random(seed);
        double rate = StoriesEnvelope.peakPostsPerSecond() * SLICE;
        double share = StoriesEnvelope.HEVC_SHARE_IF_SELECTIVE;
        int cores = (int) Math.ceil(rate * StoriesEnvelope.coreSecondsPerUpload(share) / StoriesEnvelope.TARGET_UTILISATION);
        List<Upload> uploads = new ArrayList<>();
        List<Job> arrivals = new ArrayList<>();
        long[] seq = {0};
        for (double t = exp(rnd, rate); t < SECONDS_OF_ARRIVALS; t += exp(rnd, rate)) {
            boolean video = rnd.nextDouble() >= StoriesEnvelope.PHOTO_SHARE;
            Upload u = new Upload(t, video, video && rnd.nextDouble() < share);
            uploads.add(u);
            for (Job j : jobsFor(uploads.size() - 1, u, chunked, seq)) {
                u.pending[j.milestone().ordinal()]++;
                arrivals.add(j);
            }
        }
        // Non-preemptive priority scheduling on identical cores.
        PriorityQueue<Job> waiting = new PriorityQueue<>((a, b) -> a.priority() != b.priority()
                ? Integer.compare(a.priority(), b.priority()) : Long.compare(a.seq(), b.seq()));
        PriorityQueue<double[]> running = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0])); // {end, jobIndex}
        List<Job> started = new ArrayList<>();
        int next = 0, free = cores;
        double busy = arrivals.stream().mapToDouble(Job::coreSeconds).sum(), now;
        while (next < arrivals.size() || !waiting.isEmpty() || !running.isEmpty()) {
            double nextArrival = next < arrivals.size() ? arrivals.get(next).arrival() : Double.POSITIVE_INFINITY;
            double nextEnd = running.isEmpty() ? Double.POSITIVE_INFINITY : running.peek()[0];
            if (nextEnd <= nextArrival) {
                double[] done = running.poll();
                now = done[0];
                free++;
                Job j = started.get((int) done[1]);
                Upload u = uploads.get(j.upload());
                if (--u.pending[j.milestone().ordinal()] == 0) {
                    u.doneAt[j.milestone().ordinal()] = now - u.arrival;
                }
            } else {
                now = nextArrival;
                waiting.add(arrivals.get(next++));
            }
            while (free > 0 && !waiting.isEmpty()) {
                Job j = waiting.poll();
                started.add(j);
                running.add(new double[]{now + j.coreSeconds(), started.size() - 1});
                free--;
            }
        }
        double[][] pct = new double[Milestone.values().length + 1][];
        for (Milestone m : Milestone.values()) { // videos: the slow case
            double[] times = uploads.stream().filter(u -> u.video && (m != Milestone.HEVC || u.hevc))
                    .mapToDouble(u -> readyAt(u, m)).sorted().toArray();
            pct[m.ordinal()] = new double[]{at(times, 0.50), at(times, 0.95)};
        }
        double[] photos = uploads.stream().filter(u -> !u.video).mapToDouble(u -> readyAt(u, Milestone.ALL_RUNGS))
                .sorted().toArray();
        pct[Milestone.values().length] = new double[]{at(photos, 0.50), at(photos, 0.95)};
        return new Result(cores, busy / (cores * SECONDS_OF_ARRIVALS), pct);
    }

    /** Seconds after upload until a milestone: every rung includes the first one. */
    static double readyAt(Upload u, Milestone m) {
        double t = u.doneAt[m.ordinal()];
        return m == Milestone.ALL_RUNGS ? Math.max(t, u.doneAt[Milestone.FIRST_RUNG.ordinal()]) : t;
    }

    static double at(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(q * sorted.length) - 1];
    }

    static double exp(Random rnd, double rate) {
        return -Math.log(1 - rnd.nextDouble()) / rate;
    }

    static Result whole, chunked;

    static synchronized void runBoth() {
        if (whole == null) {
            whole = run(false, 5);
            chunked = run(true, 5);
        }
    }

    public static void main(String[] args) {
        runBoth();
        System.out.printf(Locale.US, "%d cores for %.1f uploads/s; seconds after upload (p50 / p95) for videos:%n",
                whole.cores(), StoriesEnvelope.peakPostsPerSecond() * SLICE);
        for (Result r : List.of(whole, chunked)) {
            System.out.printf(Locale.US, "%-9s first rung %.1f / %.1f  all rungs %.1f / %.1f  HEVC %.1f / %.1f  (photos, all rungs %.1f / %.1f)%n",
                    r == whole ? "whole" : "chunked", r.percentiles()[0][0], r.percentiles()[0][1], r.percentiles()[1][0],
                    r.percentiles()[1][1], r.percentiles()[2][0], r.percentiles()[2][1], r.percentiles()[3][0],
                    r.percentiles()[3][1]);
        }
    }

    public static Map<String, Object> facts() {
        runBoth();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("pipeline-slice", SLICE);
        f.put("pipeline-cores", whole.cores());
        f.put("pipeline-utilisation", chunked.utilisation());
        f.put("pipeline-durable-original-s", DURABLE_ORIGINAL_S);
        f.put("pipeline-chunk-seconds", CHUNK_SECONDS);
        // The page quotes 95th percentiles; the chart shows medians too.
        String[] names = {"first-rung", "all-rungs", "hevc", "photo-all-rungs"};
        for (int m = 0; m < names.length; m++) {
            f.put("pipeline-chunked-" + names[m] + "-p95-s", chunked.percentiles()[m][1]);
        }
        f.put("pipeline-whole-first-rung-p95-s", whole.percentiles()[0][1]);
        f.put("pipeline-whole-hevc-p95-s", whole.percentiles()[2][1]);
        return f;
    }

    public static Map<String, Object> charts() {
        runBoth();
        List<String> milestones = List.of("viewable (original durable)", "video: first rung (720p H.264)", "video: every H.264 rung",
                "video: HEVC rungs (most-watched clips)", "photo: every rung");
        List<Map<String, Object>> series = new ArrayList<>();
        for (Result r : List.of(whole, chunked)) {
            for (int q = 0; q < 2; q++) {
                List<Double> data = new ArrayList<>();
                data.add(DURABLE_ORIGINAL_S);
                for (int m = 0; m < 4; m++) {
                    data.add(Math.round(r.percentiles()[m][q] * 100) / 100.0);
                }
                series.add(Map.of("type", "bar", "name", (r == whole ? "one job per rendition" : "1-second chunks")
                        + (q == 0 ? ", p50" : ", p95"), "data", data));
            }
        }
        return Map.of("pipeline-latency", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 210, "right", 30, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "seconds after upload (log scale)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "category", "data", milestones, "inverse", true),
                "series", series));
    }
}
