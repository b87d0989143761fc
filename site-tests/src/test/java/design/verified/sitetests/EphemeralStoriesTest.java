package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ephemeral-stories case study, recomputed from what the page states: the back-of-envelope from
 * its assumptions, the rendition ladder from pixels and bitrates, the transcoding fleet from the work
 * per upload, HyperLogLog error from the sketch size, and Bloom filter sizes and false-positive rates
 * from m, n and k. The arithmetic is written again here on purpose.
 */
class EphemeralStoriesTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/ephemeral-stories.html", "stories");
    private static final double LN2 = Math.log(2);

    // The tables this test recomputes, by id.
    private static final String RENDITIONS = "stories.renditions";
    private static final String WORK = "stories.work";
    private static final String FLEET = "stories.fleet";
    private static final String TTL_POLICIES = "stories.ttl-policies";
    private static final String HLL_ACCURACY = "stories.hll-accuracy";
    private static final String BLOOM_SIZING = "stories.bloom-sizing";

    private static String cell(Element row, List<String> header, String column) {
        int i = header.indexOf(column);
        assertTrue(i >= 0, PAGE + ": no column '" + column + "' in " + header);
        return row.child(i).text();
    }

    /** "778 KB" or "6.00 PB": decimal bytes, checked digit by digit against the exact value. */
    private static void assertBytes(String shown, double exactBytes, String where) {
        double unit = Quantities.bytes("1 " + Quantities.unit(shown));
        PAGE.assertRounded(shown, exactBytes / unit, where);
    }

    /** "600M", "1B": the compact counts the tables use. */
    private static double compact(String shown) {
        Map<String, Double> scale = Map.of("K", 1e3, "M", 1e6, "B", 1e9);
        String suffix = shown.substring(shown.length() - 1);
        return Quantities.number(shown).doubleValue() * scale.getOrDefault(suffix, 1.0);
    }

    private static void near(double expected, String fact, String what) {
        assertEquals(expected, PAGE.fact(fact), Math.abs(expected) * 1e-9 + 1e-12, PAGE + ": " + what + " (stories." + fact + ")");
    }

    // --- Back-of-envelope ------------------------------------------------------------------------

    @Test
    void ratesAndConcurrencyFollowFromTheStatedAssumptions() {
        double dau = PAGE.fact("dau"), stories = PAGE.fact("stories-per-day"), peak = PAGE.fact("peak-factor");
        double minutes = PAGE.fact("story-minutes-per-dau"), photoShare = PAGE.fact("photo-share");
        near(stories / dau, "stories-per-dau", "stories per DAU");
        near(stories / 86_400, "posts-per-second", "posts per second");
        near(stories / 86_400 * peak, "peak-posts-per-second", "peak posts per second");
        double secondsPerView = photoShare * PAGE.fact("photo-seconds") + (1 - photoShare) * PAGE.fact("video-seconds-watched");
        near(secondsPerView, "seconds-per-view", "seconds on screen per view");
        double viewsPerDay = dau * minutes * 60 / secondsPerView;
        near(minutes * 60 / secondsPerView, "views-per-dau", "views per DAU");
        near(viewsPerDay, "views-per-day", "views per day");
        near(viewsPerDay / 86_400, "views-per-second", "views per second");
        near(viewsPerDay / 86_400 * peak, "peak-views-per-second", "peak views per second");
        near(viewsPerDay / 86_400 * peak * PAGE.fact("view-event-bytes"), "view-events-peak-bytes-per-second", "view-event bytes at peak");
        // Little's law: concurrency = daily viewing minutes / minutes in a day.
        double concurrent = dau * minutes / 1_440;
        near(concurrent, "concurrent-viewers", "average concurrent viewers");
        near(concurrent * peak, "peak-concurrent-viewers", "peak concurrent viewers");
        double quoted = PAGE.fact("quoted-peak-concurrent");
        near(quoted / peak * 1_440 / dau, "minutes-implied-by-20m", "minutes implied by the quoted peak");
        near(quoted / (concurrent * peak), "quoted-over-estimate", "quoted peak over the estimate");
        near(PAGE.fact("views-per-day") * PAGE.fact("alert-threshold"), "alert-reads-per-day", "alert threshold per day");
        near(PAGE.fact("views-per-second") * PAGE.fact("alert-threshold"), "alert-reads-per-second", "alert threshold per second");
    }

    @Test
    void everyRenditionSizeFollowsFromPixelsOrBitrate() {
        List<String> h = PAGE.header(RENDITIONS);
        double stories = PAGE.fact("stories-per-day"), photoShare = PAGE.fact("photo-share");
        double photoBytes = 0, videoBytes = 0, dayBytes = 0;
        Pattern bitrate = Pattern.compile("([\\d.]+) Mbps for (\\d+) s");
        for (Element row : PAGE.rows(RENDITIONS)) {
            String kind = cell(row, h, "Story"), name = kind + " " + cell(row, h, "Rendition") + " " + cell(row, h, "Format");
            if (kind.equals("all")) {
                assertBytes(cell(row, h, "Bytes per day"), dayBytes, "renditions, total bytes per day");
                continue;
            }
            String quality = cell(row, h, "Bits per pixel or bitrate");
            double bytes;
            Matcher m = bitrate.matcher(quality);
            if (m.find()) {
                bytes = Double.parseDouble(m.group(1)) * 1e6 * Double.parseDouble(m.group(2)) / 8;
                assertEquals(PAGE.fact("clip-seconds"), Double.parseDouble(m.group(2)), PAGE + ": " + name + " clip length");
            } else {
                String[] wh = cell(row, h, "Pixels").split("×");
                bytes = Double.parseDouble(wh[0].strip()) * Double.parseDouble(wh[1].strip())
                        * Quantities.number(quality).doubleValue() / 8;
            }
            assertBytes(cell(row, h, "Bytes each"), bytes, "renditions, " + name + ", bytes each");
            double perDay = stories * (kind.equals("photo") ? photoShare : 1 - photoShare);
            assertEquals(perDay, compact(cell(row, h, "Stories per day")), 1e-6 * perDay,
                    PAGE + ", renditions, " + name + ": stories per day");
            assertBytes(cell(row, h, "Bytes per day"), bytes * perDay, "renditions, " + name + ", bytes per day");
            if (kind.equals("photo")) {
                photoBytes += bytes;
            } else {
                videoBytes += bytes;
            }
            dayBytes += bytes * perDay;
        }
        near(photoBytes, "photo-story-bytes", "bytes per photo story");
        near(videoBytes, "video-story-bytes", "bytes per clip");
        near(dayBytes, "bytes-per-day", "new media per day");
        near(dayBytes * PAGE.fact("blob-retention-hours") / 24, "steady-state-bytes", "bytes held with the grace window");
        near(dayBytes * PAGE.fact("other-regions"), "eager-blob-bytes-per-day", "eager blob replication per day");
        near(stories * PAGE.fact("metadata-bytes") * PAGE.fact("other-regions"), "eager-metadata-bytes-per-day",
                "eager metadata replication per day");
        near(PAGE.fact("eager-blob-bytes-per-day") / PAGE.fact("eager-metadata-bytes-per-day"), "eager-blob-over-metadata",
                "blob over metadata replication");
        assertEquals(PAGE.fact("regions") - 1, PAGE.fact("other-regions"), PAGE + ": other regions");
    }

    @Test
    void egressFollowsFromTheServedRenditions() {
        List<String> h = PAGE.header(RENDITIONS);
        double webp1080 = Double.NaN, h264Bps = Double.NaN;
        for (Element row : PAGE.rows(RENDITIONS)) {
            String rendition = cell(row, h, "Rendition"), format = cell(row, h, "Format");
            if (rendition.equals("1080p") && format.equals("WebP")) {
                String[] wh = cell(row, h, "Pixels").split("×");
                webp1080 = Double.parseDouble(wh[0].strip()) * Double.parseDouble(wh[1].strip())
                        * Quantities.number(cell(row, h, "Bits per pixel or bitrate")).doubleValue() / 8;
            }
            if (rendition.equals("720p60") && format.equals("H.264")) {
                h264Bps = Quantities.number(cell(row, h, "Bits per pixel or bitrate")).doubleValue() * 1e6;
            }
        }
        double share = PAGE.fact("photo-share");
        double perView = share * webp1080 + (1 - share) * h264Bps * PAGE.fact("video-seconds-watched") / 8;
        near(perView, "bytes-per-view", "bytes per view");
        near(PAGE.fact("peak-views-per-second") * perView * 8 / 1e12, "peak-egress-tbps", "peak egress");
    }

    @Test
    void theCelebrityBurstAndItsSubPartitionsFollowFromTheArrivalCurve() {
        double viewers = PAGE.fact("celebrity-viewers"), tauMinutes = PAGE.fact("burst-decay-minutes");
        double capacity = PAGE.fact("events-per-consumer");
        double hourAverage = viewers / 3_600, peak = viewers / (tauMinutes * 60);
        near(hourAverage, "celebrity-hour-average-per-second", "hour average");
        near(peak, "celebrity-peak-per-second", "first-minute rate");
        near(1 - Math.exp(-60 / tauMinutes), "celebrity-share-within-hour", "share within the hour");
        near(hourAverage / capacity, "celebrity-hour-average-load", "hour-average load on one consumer");
        near(peak / capacity, "celebrity-peak-load", "peak load on one consumer");
        near(peak * PAGE.fact("view-event-bytes"), "celebrity-peak-bytes-per-second", "peak bytes");
        near(1e6 / capacity, "consumer-us-per-event", "microseconds per event");
        // The rate decays as peak * exp(-t/tau); it meets the capacity at t = tau ln(peak/capacity).
        near(tauMinutes * Math.log(peak / capacity), "celebrity-minutes-over-capacity", "minutes above capacity");
        assertEquals(powerOfTwoAtLeast(Math.ceil(peak / capacity)), PAGE.fact("sub-partitions"), PAGE + ": sub-partitions");
        double fast = viewers / (PAGE.fact("fast-burst-minutes") * 60);
        near(fast, "fast-burst-average-per-second", "10M in minutes");
        assertTrue(hourAverage < capacity && peak > capacity,
                PAGE + ": the page says the hour average fits one consumer and the first minute does not");
    }

    private static double powerOfTwoAtLeast(double n) {
        double p = 1;
        while (p < n) {
            p *= 2;
        }
        return p;
    }

    @Test
    void theTranscodingFleetFollowsFromTheWorkPerUpload() {
        List<String> h = PAGE.header(WORK);
        List<String> stages = List.of("Validation", "Decode original", "Resize ladder / H.264", "HEVC", "Safety scan");
        for (Element row : PAGE.rows(WORK)) {
            String story = cell(row, h, "Story");
            double sum = 0;
            for (String stage : stages) {
                sum += Quantities.number(cell(row, h, stage)).doubleValue();
            }
            // Each shown stage is rounded; their sum may be off the exact total by half a unit per stage.
            BigDecimal total = Quantities.number(cell(row, h, "Total"));
            double slack = stages.size() * 0.5 * Math.pow(10, -total.scale()) + 0.5 * Math.pow(10, -total.scale());
            assertEquals(sum, total.doubleValue(), slack, PAGE + ", work, " + story + ": Total is not the sum of its stages");
            PAGE.assertRounded(cell(row, h, "Total"), PAGE.fact(story.equals("photo") ? "photo-core-seconds" : "video-core-seconds"),
                    "work, " + story + ", Total against the quoted fact");
        }
        double photo = PAGE.fact("photo-core-seconds"), video = PAGE.fact("video-core-seconds"), hevc = PAGE.fact("video-hevc-core-seconds");
        double share = PAGE.fact("photo-share");
        near(hevc / video, "video-hevc-share", "HEVC share of a clip's work");
        List<String> fh = PAGE.header(FLEET);
        for (Element row : PAGE.rows(FLEET)) {
            String policy = cell(row, fh, "Policy");
            double hevcShare = Quantities.number(cell(row, fh, "HEVC share of clips")).doubleValue() / 100;
            double perUpload = share * photo + (1 - share) * (video - hevc + hevcShare * hevc);
            double cores = PAGE.fact("peak-posts-per-second") * perUpload;
            double servers = Math.ceil(cores / PAGE.fact("target-utilisation") / PAGE.fact("cores-per-server"));
            PAGE.assertRounded(cell(row, fh, "Core-s per upload"), perUpload, "fleet, " + policy + ", core-s per upload");
            PAGE.assertRounded(cell(row, fh, "Cores at peak"), cores, "fleet, " + policy + ", cores at peak");
            assertEquals(servers, Quantities.number(cell(row, fh, "Servers")).doubleValue(), PAGE + ", fleet, " + policy + ": servers");
            if (hevcShare == 1) {
                near(cores, "peak-cores", "peak cores");
                near(servers, "servers", "servers");
            } else if (hevcShare == PAGE.fact("hevc-share-if-selective")) {
                near(servers, "servers-selective", "servers with selective HEVC");
            }
        }
    }

    // --- TTL simulation -----------------------------------------------------------------------------

    @Test
    void everyQuotedTtlRateIsItsCountOverTheTapsAndTheClaimsHold() {
        List<String> h = PAGE.header(TTL_POLICIES);
        Map<String, String> keys = Map.of(
                "One TTL", "shared-ttl", "Same TTL", "blob-from-upload", "Blob deleted", "blob-on-metadata-expiry",
                "Store's lazy", "trust-store-deletion", "Filtered 24 h", "independent-grace");
        int matched = 0;
        for (Element row : PAGE.rows(TTL_POLICIES)) {
            String policy = cell(row, h, "Policy");
            String key = keys.entrySet().stream().filter(e -> policy.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError(PAGE + ": unexpected policy row " + policy));
            matched++;
            double taps = Quantities.number(cell(row, h, "Taps")).doubleValue();
            double shown = Quantities.number(cell(row, h, "Shown after expiry")).doubleValue();
            double misses = Quantities.number(cell(row, h, "TTL misses")).doubleValue();
            double late = Quantities.number(cell(row, h, "Served late (tap after expiry)")).doubleValue();
            double orphans = Quantities.number(cell(row, h, "Blobs never deleted")).doubleValue();
            quotedIfPresent("ttl-" + key + "-shown-after-expiry-rate", shown / taps, policy);
            quotedIfPresent("ttl-" + key + "-ttl-miss-rate", misses / taps, policy);
            quotedIfPresent("ttl-" + key + "-late-tap-rate", late / taps, policy);
            quotedIfPresent("ttl-" + key + "-orphans", orphans, policy);
            if (key.equals("independent-grace")) {
                assertEquals(0, misses, PAGE + ": the page says the grace policy has no TTL misses");
                assertEquals(0, orphans, PAGE + ": the page says the grace policy leaks no blobs");
            }
        }
        assertEquals(keys.size(), matched, PAGE + ": the TTL table should have one row per policy");
        double alert = PAGE.fact("alert-threshold");
        assertTrue(PAGE.fact("ttl-blob-from-upload-ttl-miss-rate") > alert, PAGE + ": the page says blob-first misses cross the alert line");
        assertTrue(PAGE.fact("ttl-independent-grace-shown-after-expiry-rate") < alert, PAGE + ": filtered reads stay under the alert line");
        assertTrue(PAGE.fact("ttl-trust-store-deletion-shown-after-expiry-rate") > alert, PAGE + ": lazy deletion crosses the alert line");
    }

    private static void quotedIfPresent(String name, double expected, String policy) {
        Element e = PAGE.doc().selectFirst("span.fact[data-fact=stories." + name + "]");
        if (e != null) {
            assertEquals(expected, Double.parseDouble(e.attr("data-value")), 1e-12,
                    PAGE + ", ttl-policies, " + policy + ": stories." + name + " is not the table's count over its taps");
        }
    }

    // --- Multi-region replication -----------------------------------------------------------------

    @Test
    void theReplicationClaimsMatchTheSimulatedNumbers() {
        assertTrue(PAGE.fact("geo-lazy-p95-distant-ms") > PAGE.fact("geo-target-ms"), PAGE + ": lazy pull misses the target for distant viewers");
        assertTrue(PAGE.fact("geo-eager-metadata-p95-distant-ms") < PAGE.fact("geo-lazy-p95-distant-ms"), PAGE + ": eager metadata helps");
        assertTrue(PAGE.fact("geo-eager-both-p95-distant-ms") < PAGE.fact("geo-eager-metadata-p95-distant-ms"), PAGE + ": eager blobs help more");
        assertTrue(PAGE.fact("geo-push-1-bytes-per-story") < PAGE.fact("geo-eager-both-bytes-per-story"), PAGE + ": the hybrid costs fewer bytes");
        // Eager push copies the row and the blob to every other region, once per story.
        double eagerBoth = (PAGE.fact("geo-blob-bytes") + PAGE.fact("metadata-bytes")) * PAGE.fact("other-regions");
        near(eagerBoth, "geo-eager-both-bytes-per-story", "eager push of both, bytes per story");
    }

    // --- Viewer counting ----------------------------------------------------------------------------

    @Test
    void hyperLogLogErrorsFollowFromTheSketchSize() {
        List<String> h = PAGE.header(HLL_ACCURACY);
        for (Element row : PAGE.rows(HLL_ACCURACY)) {
            int lgK = Integer.parseInt(cell(row, h, "lgK"));
            double m = Math.pow(2, lgK);
            double textbook = 1.04 / Math.sqrt(m);
            assertEquals(m, Quantities.number(cell(row, h, "Registers m")).doubleValue(), PAGE + ", hll-accuracy, lgK " + lgK + ": m");
            PAGE.assertRounded(cell(row, h, "Textbook error 1.04/√m"), textbook * 100, "hll-accuracy, lgK " + lgK + ", textbook error");
            assertTrue(Quantities.number(cell(row, h, "Sketch bytes (HLL_8)")).doubleValue() >= m,
                    PAGE + ", hll-accuracy, lgK " + lgK + ": an HLL_8 sketch needs a byte per register");
            // Over 150 trials the measured error is itself uncertain by ~6 %; the bands below are wide.
            double composite = Quantities.number(cell(row, h, "Measured error, composite estimator")).doubleValue() / 100;
            double hip = Quantities.number(cell(row, h, "Measured error, default (HIP) estimator")).doubleValue() / 100;
            assertTrue(composite > 0.75 * textbook && composite < 1.15 * textbook,
                    PAGE + ", hll-accuracy, lgK " + lgK + ": composite error " + composite + " far from 1.04/sqrt(m) = " + textbook);
            assertTrue(hip > 0.6 * textbook && hip < 0.95 * textbook,
                    PAGE + ", hll-accuracy, lgK " + lgK + ": HIP error " + hip + " should sit near 0.84/sqrt(m)");
        }
        double m12 = PAGE.fact("hll-lgk12-registers");
        assertEquals(4_096, m12, PAGE + ": lgK 12 is 4,096 registers");
        near(1.04 / Math.sqrt(m12), "hll-lgk12-textbook-rse", "textbook error at lgK 12");
        near(PAGE.fact("hll-lgk12-measured-hip-rse") / PAGE.fact("hll-lgk12-textbook-rse"), "hll-lgk12-hip-over-textbook", "HIP over textbook");
        double viewers = PAGE.fact("hll-celebrity-viewers");
        near(viewers * 8, "hll-exact-bytes", "exact set of 64-bit ids");
        near(viewers * 8 / PAGE.fact("hll-lgk12-bytes"), "hll-exact-over-sketch", "exact over sketch");
        near(2 * 1.04 / Math.sqrt(m12) * viewers, "hll-celebrity-two-sigma-viewers", "two standard errors");
        double exact = PAGE.fact("hll-merge-exact");
        near(PAGE.fact("hll-merge-sum") / exact - 1, "hll-merge-sum-error", "summing regional counts");
        near(PAGE.fact("hll-merge-union") / exact - 1, "hll-merge-union-error", "union of sketches");
        assertTrue(Math.abs(PAGE.fact("hll-merge-union-error")) < 3 * 1.04 / Math.sqrt(m12), PAGE + ": union within 3 sigma");
    }

    @Test
    void bloomFilterSizesAndRatesFollowFromMNAndK() {
        List<String> h = PAGE.header(BLOOM_SIZING);
        for (Element row : PAGE.rows(BLOOM_SIZING)) {
            String target = cell(row, h, "Target FPR");
            double p = Quantities.number(target).doubleValue() / 100;
            double n = Quantities.number(cell(row, h, "Viewers per filter n")).doubleValue();
            double m = Math.ceil(-n * Math.log(p) / (LN2 * LN2));
            double k = Math.max(1, Math.round(m / n * LN2));
            String where = "bloom-sizing, target " + target;
            assertEquals(m, Quantities.number(cell(row, h, "Bits m")).doubleValue(), PAGE + ", " + where + ": m");
            assertEquals(k, Quantities.number(cell(row, h, "Hashes k")).doubleValue(), PAGE + ", " + where + ": k");
            PAGE.assertRounded(cell(row, h, "Bits per viewer"), m / n, where + ", bits per viewer");
            double fpr = Math.pow(1 - Math.exp(-k * n / m), k);
            PAGE.assertRounded(cell(row, h, "FPR when full"), fpr * 100, where + ", FPR when full");
            double expected = averageFprWhileFilling(m, n, (int) k);
            PAGE.assertRounded(cell(row, h, "Expected undercount"), expected * 100, where + ", expected undercount");
            // Dropped viewers are a sum of rare independent events: the measured share should sit within
            // four standard deviations of the expected one.
            double unique = PAGE.fact("bloom-unique-viewers");
            double measured = Quantities.number(cell(row, h, "Measured undercount")).doubleValue() / 100;
            double sigma = Math.sqrt(expected * unique) / unique;
            assertTrue(Math.abs(measured - expected) < 4 * sigma + 0.5e-5,
                    PAGE + ", " + where + ": measured undercount " + measured + " is far from the formula's " + expected);
        }
        double n = PAGE.fact("bloom-n-per-sub-partition"), m = PAGE.fact("bloom-m"), k = PAGE.fact("bloom-k");
        assertEquals(PAGE.fact("bloom-unique-viewers") / PAGE.fact("bloom-sub-partitions"), n, PAGE + ": viewers per sub-partition");
        assertEquals(Math.ceil(-n * Math.log(PAGE.fact("bloom-target-fpr")) / (LN2 * LN2)), m, PAGE + ": quoted m");
        near(m / n, "bloom-bits-per-viewer", "bits per viewer");
        near(Math.pow(1 - Math.exp(-k * n / m), k), "bloom-fpr", "quoted false-positive rate");
        assertEquals(averageFprWhileFilling(m, n, (int) k), PAGE.fact("bloom-expected-undercount"), 1e-12,
                PAGE + ": quoted expected undercount");
        near(PAGE.fact("bloom-events") / PAGE.fact("bloom-unique-viewers") - 1, "bloom-naive-overcount", "counting every event");
        assertEquals(Math.round(PAGE.fact("bloom-unique-viewers") * PAGE.fact("bloom-measured-undercount")), PAGE.fact("bloom-missed"),
                PAGE + ": missed viewers");
        double celebrity = PAGE.fact("hll-celebrity-viewers");
        near(Math.ceil(-celebrity * Math.log(PAGE.fact("bloom-target-fpr")) / (LN2 * LN2)) / 8, "bloom-celebrity-filter-bytes",
                "celebrity filter bytes");
        near(celebrity * 8, "bloom-celebrity-exact-bytes", "exact set of ids");
    }

    /** The filter's false-positive rate averaged over its fill from empty to n items. */
    private static double averageFprWhileFilling(double m, double n, int k) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.pow(1 - Math.exp(-k * i / m), k);
        }
        return sum / n;
    }
}
