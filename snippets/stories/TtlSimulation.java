package stories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * One simulated day of stories under five expiry policies. Every story's media blob is uploaded
 * first (while the poster adds stickers), its metadata row is written at publish, and viewers open
 * their tray at some age of the story and tap a moment later. The same seeded traffic is replayed
 * against each policy, and the program counts what goes wrong: stories shown after they expired,
 * taps that find the blob already deleted ("TTL misses"), and blobs that are never deleted.
 */
public class TtlSimulation {

    // Assumptions, stated once.
    static final int STORIES = 10_000;               // posted uniformly over one day
    static final int TRAY_OPENS_PER_STORY = 100;     // attempts to see each story, over its life and after
    static final double ABANDONED_SHARE = 0.05;      // blobs uploaded but never published
    static final double DRAFT_MEAN_S = 90;           // upload -> publish (stickers, caption)
    static final double OPEN_AGE_MEAN_H = 6;         // tray opens thin out as a story ages
    static final double QUICK_TAP_MEAN_S = 5;        // most taps follow the tray load within seconds...
    static final double SLOW_TAP_MEAN_S = 300;       // ...but 1 in 10 trays sits open for minutes
    static final double SLOW_TAP_SHARE = 0.10;
    static final double CLOCK_SKEW_SD_S = 0.5;       // serving nodes' clocks against true time
    static final double LAZY_DELETE_MEAN_S = 6 * 3600; // a store's background TTL sweep (DynamoDB-like)
    static final double REPLICATION_LAG_MEAN_S = 2;  // a delete reaching the other regions
    static final double GC_LAG_MEAN_S = 30;          // blob delete driven by the metadata-expiry event
    static final double LOST_EVENT_SHARE = 0.001;    // expiry events that never reach the blob GC
    static final double DAY = 86_400, TTL = 86_400, BLOB_TTL_GRACE = 2 * 86_400;

    // tag::model[]
    enum Policy {
        SHARED_TTL("One TTL for both, set at publish"),
        BLOB_FROM_UPLOAD("Same TTL, blob clock from upload"),
        BLOB_ON_METADATA_EXPIRY("Blob deleted on metadata expiry"),
        TRUST_STORE_DELETION("Store's lazy delete, no filter"),
        INDEPENDENT_GRACE("Filtered 24 h + blob 48 h");

        final String label;

        Policy(String label) {
            this.label = label;
        }
    }

    /** One story's timeline in true seconds, plus the random delays the policies may use. */
    record Story(double uploadedAt, double publishedAt, boolean abandoned, double gcLag, boolean eventLost,
                 double lazyDelete) {
        double expiresAt() {
            return publishedAt + TTL;
        }
    }

    /** When the blob disappears under a policy (infinity: never). */
    static double blobDeletedAt(Policy p, Story s) {
        return switch (p) {
            case SHARED_TTL -> s.abandoned() ? Double.POSITIVE_INFINITY : s.expiresAt(); // no publish, no TTL
            case BLOB_FROM_UPLOAD -> s.uploadedAt() + TTL;
            case BLOB_ON_METADATA_EXPIRY -> s.abandoned() || s.eventLost() ? Double.POSITIVE_INFINITY
                    : s.expiresAt() + s.gcLag();
            case TRUST_STORE_DELETION, INDEPENDENT_GRACE -> s.uploadedAt() + BLOB_TTL_GRACE;
        };
    }

    /** Does a tray read at true time t, on a node whose clock is off by skew, still list the story? */
    static boolean metadataVisible(Policy p, Story s, double t, double skew, double replicationLag) {
        if (p == Policy.TRUST_STORE_DELETION) {
            return t < s.expiresAt() + s.lazyDelete() + replicationLag; // expired rows linger until swept
        }
        return t + skew < s.expiresAt(); // the service compares expires_at with its own clock
    }

    static final class Tally {
        long opens, shown, shownAfterExpiry, taps, ttlMisses, servedAfterExpiry, orphanedBlobs;
        double blobHoursAfterExpiry;
        final List<Double> overshoots = new ArrayList<>(); // tap time minus (upload + 24 h), when positive
    }

    static Map<Policy, Tally> simulate(long seed) {
        Random rnd = new Random(seed);
        Map<Policy, Tally> tallies = new LinkedHashMap<>();
        for (Policy p : Policy.values()) {
            tallies.put(p, new Tally());
        }
        for (int i = 0; i < STORIES; i++) {
            double upload = rnd.nextDouble() * DAY;
            Story s = new Story(upload, upload + exponential(rnd, DRAFT_MEAN_S), rnd.nextDouble() < ABANDONED_SHARE,
                    exponential(rnd, GC_LAG_MEAN_S), rnd.nextDouble() < LOST_EVENT_SHARE,
                    exponential(rnd, LAZY_DELETE_MEAN_S));
            for (Policy p : Policy.values()) {
                Tally t = tallies.get(p);
                double deleted = blobDeletedAt(p, s);
                if (Double.isInfinite(deleted)) {
                    t.orphanedBlobs++;
                } else if (!s.abandoned()) {
                    t.blobHoursAfterExpiry += Math.max(0, deleted - s.expiresAt()) / 3600;
                }
            }
            if (s.abandoned()) {
                continue; // nobody can open what was never published
            }
            for (int v = 0; v < TRAY_OPENS_PER_STORY; v++) {
                double open = s.publishedAt() + exponential(rnd, OPEN_AGE_MEAN_H * 3600);
                double tap = open + exponential(rnd, rnd.nextDouble() < SLOW_TAP_SHARE ? SLOW_TAP_MEAN_S : QUICK_TAP_MEAN_S);
                double skew = rnd.nextGaussian() * CLOCK_SKEW_SD_S;
                double lag = exponential(rnd, REPLICATION_LAG_MEAN_S);
                for (Policy p : Policy.values()) {
                    record(tallies.get(p), p, s, open, tap, skew, lag);
                }
            }
        }
        return tallies;
    }

    static void record(Tally t, Policy p, Story s, double open, double tap, double skew, double lag) {
        t.opens++;
        if (!metadataVisible(p, s, open, skew, lag)) {
            return; // the tray no longer lists the story: correct, nothing to count
        }
        t.shown++;
        if (open >= s.expiresAt()) {
            t.shownAfterExpiry++;
        }
        t.taps++;
        if (tap >= blobDeletedAt(p, s)) {
            t.ttlMisses++; // listed in the tray, but the media is gone: a broken story
        } else if (tap >= s.expiresAt()) {
            t.servedAfterExpiry++;
        }
        double overshoot = tap - (s.uploadedAt() + TTL);
        if (overshoot > 0) {
            t.overshoots.add(overshoot);
        }
    }
    // end::model[]

    static double exponential(Random rnd, double mean) {
        return -mean * Math.log(1 - rnd.nextDouble());
    }

    static Map<Policy, Tally> cached;

    static synchronized Map<Policy, Tally> results() {
        if (cached == null) {
            cached = simulate(24);
        }
        return cached;
    }

    static double perMillion(long count, long of) {
        return count * 1e6 / of;
    }

    public static void main(String[] args) {
        Map<Policy, Tally> r = results();
        System.out.printf(Locale.US, "%,d stories, %,d tray opens each, one simulated day%n", STORIES, TRAY_OPENS_PER_STORY);
        System.out.printf(Locale.US, "%-33s %8s %8s %8s %7s %7s%n", "per million taps:", "expired", "TTL miss",
                "late tap", "orphans", "grace h");
        for (Map.Entry<Policy, Tally> e : r.entrySet()) {
            Tally t = e.getValue();
            System.out.printf(Locale.US, "%-33s %8.1f %8.1f %8.1f %7d %7.1f%n", e.getKey().label,
                    perMillion(t.shownAfterExpiry, t.taps), perMillion(t.ttlMisses, t.taps),
                    perMillion(t.servedAfterExpiry, t.taps), t.orphanedBlobs,
                    t.blobHoursAfterExpiry / (STORIES * (1 - ABANDONED_SHARE)));
        }
    }

    /** TTL misses per million taps if blobs lived 24 h + grace after upload. */
    static double missesWithGrace(double graceSeconds) {
        Tally t = results().get(Policy.BLOB_FROM_UPLOAD);
        long misses = t.overshoots.stream().filter(o -> o > graceSeconds).count();
        return perMillion(misses, t.taps);
    }

    static final double[] GRACE_MINUTES = {0, 1, 2, 5, 10, 20, 30, 60, 120, 240, 720, 1440};

    /** What the page says about each policy; the table shows every count for every policy. */
    static final Map<Policy, List<String>> QUOTED = Map.of(
            Policy.SHARED_TTL, List.of("ttl-miss-rate", "orphans"),
            Policy.BLOB_FROM_UPLOAD, List.of("ttl-miss-rate"),
            Policy.BLOB_ON_METADATA_EXPIRY, List.of("ttl-miss-rate", "orphans"),
            Policy.TRUST_STORE_DELETION, List.of("shown-after-expiry-rate"),
            Policy.INDEPENDENT_GRACE, List.of("shown-after-expiry-rate", "ttl-miss-rate", "late-tap-rate", "orphans"));

    public static Map<String, Object> facts() {
        Map<Policy, Tally> r = results();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ttl-stories", STORIES);
        f.put("ttl-opens-per-story", TRAY_OPENS_PER_STORY);
        f.put("ttl-abandoned-share", ABANDONED_SHARE);
        f.put("ttl-draft-mean-s", DRAFT_MEAN_S);
        f.put("ttl-open-age-mean-h", OPEN_AGE_MEAN_H);
        f.put("ttl-slow-tap-share", SLOW_TAP_SHARE);
        f.put("ttl-slow-tap-mean-s", SLOW_TAP_MEAN_S);
        f.put("ttl-clock-skew-sd-s", CLOCK_SKEW_SD_S);
        f.put("ttl-lazy-delete-mean-h", LAZY_DELETE_MEAN_S / 3600);
        f.put("ttl-gc-lag-mean-s", GC_LAG_MEAN_S);
        f.put("ttl-lost-event-share", LOST_EVENT_SHARE);
        for (Map.Entry<Policy, Tally> e : r.entrySet()) {
            String key = e.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-');
            Tally t = e.getValue();
            Map<String, Number> measures = Map.of(
                    "shown-after-expiry-rate", (double) t.shownAfterExpiry / t.taps,
                    "ttl-miss-rate", (double) t.ttlMisses / t.taps,
                    "late-tap-rate", (double) t.servedAfterExpiry / t.taps,
                    "orphans", t.orphanedBlobs);
            for (String measure : QUOTED.get(e.getKey())) {
                f.put("ttl-" + key + "-" + measure, measures.get(measure));
            }
        }
        f.put("ttl-grace-for-zero-misses-min", minutesUntilNoMisses());
        return f;
    }

    static double minutesUntilNoMisses() {
        double max = results().get(Policy.BLOB_FROM_UPLOAD).overshoots.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return Math.ceil(max / 60);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Policy", "Taps", "Shown after expiry", "TTL misses", "Served late (tap after expiry)",
                "Blobs never deleted", "Blob hours kept past expiry, per story"));
        for (Map.Entry<Policy, Tally> e : results().entrySet()) {
            Tally t = e.getValue();
            rows.add(List.of(e.getKey().label, String.format(Locale.US, "%,d", t.taps),
                    String.format(Locale.US, "%,d", t.shownAfterExpiry), String.format(Locale.US, "%,d", t.ttlMisses),
                    String.format(Locale.US, "%,d", t.servedAfterExpiry), String.format(Locale.US, "%,d", t.orphanedBlobs),
                    String.format(Locale.US, "%.1f", t.blobHoursAfterExpiry / (STORIES * (1 - ABANDONED_SHARE)))));
        }
        return Map.of("ttl-policies", rows);
    }

    public static Map<String, Object> charts() {
        List<String> labels = new ArrayList<>();
        List<Double> misses = new ArrayList<>();
        List<Double> storage = new ArrayList<>();
        for (double g : GRACE_MINUTES) {
            labels.add(g < 60 ? String.format(Locale.US, "%.0f min", g) : String.format(Locale.US, "%.0f h", g / 60));
            misses.add(Math.round(missesWithGrace(g * 60) * 10) / 10.0);
            storage.add(Math.round((TTL + g * 60) / TTL * 1000) / 1000.0);
        }
        return Map.of("ttl-grace-trade-off", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 80, "top", 50, "bottom", 60),
                "xAxis", Map.of("type", "category", "data", labels, "name", "grace: blob TTL beyond 24 h",
                        "nameLocation", "middle", "nameGap", 35),
                "yAxis", List.of(
                        Map.of("type", "value", "name", "TTL misses per million taps"),
                        Map.of("type", "value", "name", "blob storage × 24 h", "min", 1, "max", 2)),
                "series", List.of(
                        Map.of("type", "bar", "name", "TTL misses per million taps", "data", misses),
                        Map.of("type", "line", "name", "blob storage relative to 24 h", "yAxisIndex", 1, "data", storage))));
    }
}
