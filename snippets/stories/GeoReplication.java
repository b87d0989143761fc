package stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A poster in Jakarta, viewers on every continent. For each replication strategy, replay the same
 * seeded audience and measure the first-frame latency of every view, and count the bytes each story
 * sends across regions. Edges (CDN points of presence) cache a blob after their first miss; an edge
 * that misses asks its region's shield cache, and only a shield miss crosses regions.
 */
public class GeoReplication {

    // Assumptions, stated once. Round trips are rules of thumb for paths between cloud regions.
    static final String[] REGIONS = {"Jakarta (home)", "Mumbai", "Tokyo", "Frankfurt", "Virginia", "São Paulo"};
    static final double[] RTT_TO_HOME_MS = {0, 60, 70, 160, 220, 330};
    static final double[] AUDIENCE_SHARE = {0.70, 0.06, 0.06, 0.06, 0.07, 0.05};
    static final int EDGES_PER_REGION = 8;
    static final double VIEWER_TO_EDGE_MS = 25;        // median; mobile networks spread it (lognormal)
    static final double VIEWER_TO_REGION_MS = 40;      // median round trip to the regional API
    static final double SERVICE_MS = 10;               // metadata read inside a region
    static final double IN_REGION_RTT_MS = 2;          // edge -> a same-region origin
    static final double ORIGIN_FIRST_BYTE_MS = 20;     // object store, median
    static final double FIRST_FRAME_BYTES = 150_000;   // enough of the file to paint the first frame
    static final double VIEWER_MBPS = 20;              // median mobile downlink
    static final double METADATA_BYTES = 2_000;
    static final double BLOB_BYTES = 3_000_000;        // the renditions most clients fetch, per story
    static final double AUDIENCE_MEDIAN = 30;          // viewers per story: lognormal, heavy-tailed
    static final double AUDIENCE_SIGMA = 1.5;
    static final int STORIES = 1_200;
    static final double TARGET_MS = 500;

    // tag::strategy[]
    /** Where a story's metadata and blob live before anyone asks for them. */
    record Strategy(String name, boolean eagerMetadata, double pushBlobAtExpectedViewers) {
        boolean pushesBlobTo(int region, int audience) {
            return region == 0 || audience * AUDIENCE_SHARE[region] >= pushBlobAtExpectedViewers;
        }
    }

    static final Strategy LAZY_PULL = new Strategy("Lazy pull", false, Double.POSITIVE_INFINITY);
    static final Strategy EAGER_METADATA = new Strategy("Eager metadata, lazy blob", true, Double.POSITIVE_INFINITY);
    static final Strategy EAGER_BOTH = new Strategy("Eager metadata and blob", true, 0);

    /** Where the viewer's edge finds the blob. */
    enum Source { EDGE, REGION, HOME }

    static double firstFrameMs(Strategy s, int region, Source source, Random rnd) {
        double toHome = RTT_TO_HOME_MS[region];
        double metadata = lognormal(rnd, VIEWER_TO_REGION_MS, 0.4) + SERVICE_MS + (s.eagerMetadata() ? 0 : toHome);
        double blob = lognormal(rnd, VIEWER_TO_EDGE_MS, 0.4)
                + FIRST_FRAME_BYTES * 8 / (lognormal(rnd, VIEWER_MBPS, 0.6) * 1e6) * 1000;
        if (source != Source.EDGE) { // the edge fetches from its region's shield or pushed copy, or from home
            blob += (source == Source.REGION ? IN_REGION_RTT_MS : toHome) + lognormal(rnd, ORIGIN_FIRST_BYTE_MS, 0.5);
        }
        return metadata + blob;
    }
    // end::strategy[]

    record Result(Strategy strategy, double p50AllMs, double p95AllMs, double p95DistantMs, double shareOverTarget,
                  double crossRegionBytesPerStory) {
    }

    // tag::replay[]
    static Result replay(Strategy s, long seed) {
        Random rnd = new Random(seed); // same seed: every strategy sees the same audiences
        List<Double> all = new ArrayList<>(), distant = new ArrayList<>(); // first-frame times, ms
        double crossRegionBytes = 0;
        for (int story = 0; story < STORIES; story++) {
            int audience = (int) Math.max(1, Math.round(lognormal(rnd, AUDIENCE_MEDIAN, AUDIENCE_SIGMA)));
            boolean[] warmEdges = new boolean[REGIONS.length * EDGES_PER_REGION];
            boolean[] warmRegions = new boolean[REGIONS.length];
            for (int r = 0; r < REGIONS.length; r++) {
                warmRegions[r] = s.pushesBlobTo(r, audience); // home always holds the original
                if (r > 0) {
                    crossRegionBytes += (s.eagerMetadata() ? METADATA_BYTES : 0) + (warmRegions[r] ? BLOB_BYTES : 0);
                }
            }
            for (int v = 0; v < audience; v++) {
                int region = pick(rnd, AUDIENCE_SHARE);
                int edge = region * EDGES_PER_REGION + rnd.nextInt(EDGES_PER_REGION);
                Source source = warmEdges[edge] ? Source.EDGE : warmRegions[region] ? Source.REGION : Source.HOME;
                warmEdges[edge] = true;
                warmRegions[region] = true;
                if (source == Source.HOME) {
                    crossRegionBytes += BLOB_BYTES; // the region's shield pulls the blob from home once
                }
                if (!s.eagerMetadata() && region != 0) {
                    crossRegionBytes += METADATA_BYTES; // every distant view reads home's metadata
                }
                double ms = firstFrameMs(s, region, source, rnd);
                all.add(ms);
                if (RTT_TO_HOME_MS[region] >= 150) {
                    distant.add(ms);
                }
            }
        }
        double over = all.stream().filter(ms -> ms > TARGET_MS).count() / (double) all.size();
        return new Result(s, percentile(all, 50), percentile(all, 95), percentile(distant, 95), over,
                crossRegionBytes / STORIES);
    }
    // end::replay[]

    static int pick(Random rnd, double[] shares) {
        double u = rnd.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    static double lognormal(Random rnd, double median, double sigma) {
        return median * Math.exp(sigma * rnd.nextGaussian());
    }

    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(p / 100 * sorted.length) - 1];
    }

    static final double[] PUSH_THRESHOLDS = {1, 3, 10, 30, 100};

    static Map<String, Result> cached;

    static synchronized Map<String, Result> results() {
        if (cached == null) {
            cached = new LinkedHashMap<>();
            for (Strategy s : List.of(LAZY_PULL, EAGER_METADATA, EAGER_BOTH)) {
                cached.put(s.name(), replay(s, 7));
            }
            for (double k : PUSH_THRESHOLDS) {
                Strategy s = new Strategy(String.format(Locale.US, "Push blob where ≥ %.0f viewers expected", k), true, k);
                cached.put(s.name(), replay(s, 7));
            }
        }
        return cached;
    }

    public static void main(String[] args) {
        System.out.printf(Locale.US, "%-38s %5s %5s %7s %6s %9s%n", "strategy (ms)", "p50", "p95", "p95 far",
                ">500", "x-region");
        for (Result r : results().values()) {
            System.out.printf(Locale.US, "%-38s %5.0f %5.0f %7.0f %5.1f%% %9s%n", r.strategy().name(), r.p50AllMs(),
                    r.p95AllMs(), r.p95DistantMs(), r.shareOverTarget() * 100, StoriesBytes.of(r.crossRegionBytesPerStory()));
        }
    }

    /** Decimal byte units with three significant digits. */
    static final class StoriesBytes {
        static String of(double b) {
            String[] units = {"B", "KB", "MB", "GB"};
            int u = 0;
            while (b >= 1_000 && u < units.length - 1) {
                b /= 1_000;
                u++;
            }
            return String.format(Locale.US, b >= 100 ? "%.0f %s" : b >= 10 ? "%.1f %s" : "%.2f %s", b, units[u]);
        }
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("geo-stories", STORIES);
        f.put("geo-audience-median", AUDIENCE_MEDIAN);
        f.put("geo-edges-per-region", EDGES_PER_REGION);
        f.put("geo-blob-bytes", BLOB_BYTES);
        f.put("geo-sao-paulo-rtt-ms", RTT_TO_HOME_MS[5]);
        f.put("geo-frankfurt-rtt-ms", RTT_TO_HOME_MS[3]);
        f.put("geo-target-ms", TARGET_MS);
        String[] keys = {"lazy", "eager-metadata", "eager-both"};
        List<Result> r = new ArrayList<>(results().values());
        for (int i = 0; i < keys.length; i++) {
            f.put("geo-" + keys[i] + "-p95-distant-ms", r.get(i).p95DistantMs());
            f.put("geo-" + keys[i] + "-over-target", r.get(i).shareOverTarget());
            f.put("geo-" + keys[i] + "-bytes-per-story", r.get(i).crossRegionBytesPerStory());
        }
        f.put("geo-lazy-p95-ms", r.get(0).p95AllMs());     // every viewer, against the distant ones above
        // The page quotes the hybrid at its lowest threshold; the chart shows the others.
        Result hybrid = r.get(3);
        String k = String.format(Locale.US, "push-%.0f", PUSH_THRESHOLDS[0]);
        f.put("geo-" + k + "-p95-distant-ms", hybrid.p95DistantMs());
        f.put("geo-" + k + "-bytes-per-story", hybrid.crossRegionBytesPerStory());
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Strategy", "p50 first frame", "p95 first frame", "p95, viewers ≥ 150 ms from home",
                "Views over 500 ms", "Cross-region bytes per story"));
        for (Result r : results().values()) {
            rows.add(List.of(r.strategy().name(), String.format(Locale.US, "%.0f ms", r.p50AllMs()),
                    String.format(Locale.US, "%.0f ms", r.p95AllMs()), String.format(Locale.US, "%.0f ms", r.p95DistantMs()),
                    String.format(Locale.US, "%.1f %%", r.shareOverTarget() * 100), StoriesBytes.of(r.crossRegionBytesPerStory())));
        }
        return Map.of("geo-strategies", rows);
    }

    public static Map<String, Object> charts() {
        List<Map<String, Object>> series = new ArrayList<>();
        List<List<Object>> hybrid = new ArrayList<>();
        for (Result r : results().values()) {
            List<Object> point = List.of(Math.round(r.crossRegionBytesPerStory() / 1e6 * 100) / 100.0,
                    Math.round(r.p95DistantMs()));
            if (r.strategy().name().startsWith("Push")) {
                hybrid.add(point);
            } else {
                series.add(Map.of("type", "scatter", "name", r.strategy().name(), "symbolSize", 14, "data", List.of(point)));
            }
        }
        series.add(Map.of("type", "line", "name", "Eager metadata, push blob where ≥ K viewers expected (K = 1 … 100)",
                "data", hybrid));
        return Map.of("geo-bytes-vs-latency", Map.of(
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 40, "top", 80, "bottom", 60),
                "xAxis", Map.of("type", "value", "scale", true, "name", "cross-region bytes per story, MB",
                        "nameLocation", "middle", "nameGap", 32),
                "yAxis", Map.of("type", "value", "name", "p95 first frame, distant viewers (ms)"),
                "series", series));
    }
}
