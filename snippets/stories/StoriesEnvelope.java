package stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Back-of-envelope for ephemeral stories: posting and viewing rates, concurrent viewers, the
 * rendition ladder's bytes per day, CDN egress, the celebrity burst against one stream partition,
 * and the transcoding fleet. Every assumption is stated once, below; every other number follows.
 */
public class StoriesEnvelope {

    // ---- Assumptions, stated once -------------------------------------------------------------
    static final double DAU = 500e6;
    static final double STORIES_PER_DAY = 1e9;             // the brief's figure: 2 per DAU on average
    static final double PEAK_FACTOR = 3;                   // peak hour over the daily average (rule of thumb, Module 1)
    static final double STORY_MINUTES_PER_DAU = 10;        // minutes a day an average DAU spends tapping through stories
    static final double PHOTO_SHARE = 0.6;                 // share of stories (and of views) that are photos
    static final double PHOTO_SECONDS_ON_SCREEN = 5;       // a photo story advances after about 5 s
    static final double VIDEO_SECONDS_WATCHED = 10;        // of a clip of up to 15 s, on average
    static final double CLIP_SECONDS = 15;                 // every video sized as a full 15 s clip (an upper bound)
    static final double VIEW_EVENT_BYTES = 100;            // story id, viewer id, timestamp, client info
    static final double METADATA_BYTES = 2_000;            // the story row: ids, media keys, expiry, stickers
    static final int REGIONS = 6;                          // serving regions that each hold a copy of eager data
    static final int BLOB_RETENTION_HOURS = 48;            // metadata lives 24 h; blobs are kept 48 h (grace window)

    // Image sizes: bits per pixel by codec (rules of thumb for a quality-80 photo; WebP and HEIC
    // save roughly 30 % and 50 % against JPEG at similar visual quality).
    static final double JPEG_BITS_PER_PIXEL = 2.0;
    static final double WEBP_BITS_PER_PIXEL = 1.4;
    static final double HEIC_BITS_PER_PIXEL = 1.0;
    static final double ORIGINAL_PHOTO_BITS_PER_PIXEL = 3.0; // what the client uploads at 1080 × 1920

    // Video bitrates (rules of thumb for short mobile clips; HEVC at about 60 % of H.264's bitrate).
    static final double H264_720P60_BPS = 3.5e6;
    static final double H264_480P30_BPS = 1.2e6;
    static final double HEVC_BITRATE_RATIO = 0.6;
    static final double ORIGINAL_VIDEO_BPS = 8e6;          // the client's 1080p30 upload

    // Encoder speeds in megapixels per core-second (software encoders on one server core; order of
    // magnitude only: presets and content move them by 2-3x).
    static final double DECODE_MPX_PER_CORE_S = 400;
    static final double JPEG_MPX_PER_CORE_S = 100;
    static final double WEBP_MPX_PER_CORE_S = 10;
    static final double HEIC_MPX_PER_CORE_S = 3;
    static final double H264_MPX_PER_CORE_S = 40;
    static final double HEVC_MPX_PER_CORE_S = 8;
    static final double SAFETY_SCAN_CORE_S_PER_FRAME = 0.2; // one classifier pass on a CPU core
    static final double VIDEO_FRAMES_SCANNED_PER_S = 1;     // sample one frame a second
    static final double VALIDATION_CORE_S = 0.02;           // sniff the format, decode headers in a sandbox
    static final double HEVC_SHARE_IF_SELECTIVE = 0.10;     // HEVC only for the most-watched 10 % of clips
    static final int CORES_PER_SERVER = 64;
    static final double TARGET_UTILISATION = 0.7;

    // The celebrity burst: viewers arrive fast at first and tail off (exponential decay).
    static final double CELEBRITY_VIEWERS = 10e6;
    static final double FAST_BURST_MINUTES = 10;           // the failure-mode version: 10M viewers "in minutes"
    static final double BURST_DECAY_MINUTES = 15;          // time constant: 98 % of viewers arrive within an hour
    static final double EVENTS_PER_S_PER_CONSUMER = 5_000; // one ordered consumer doing a state update per event (rule of thumb)
    static final double READ_AFTER_EXPIRE_ALERT = 0.0001;  // "alert above 0.01 % of reads"

    static final double SECONDS_PER_DAY = 86_400;

    // ---- Rates ---------------------------------------------------------------------------------
    // tag::rates[]
    static double storiesPerDau() { return STORIES_PER_DAY / DAU; }
    static double postsPerSecond() { return STORIES_PER_DAY / SECONDS_PER_DAY; }
    static double peakPostsPerSecond() { return postsPerSecond() * PEAK_FACTOR; }

    static double secondsPerView() {
        return PHOTO_SHARE * PHOTO_SECONDS_ON_SCREEN + (1 - PHOTO_SHARE) * VIDEO_SECONDS_WATCHED;
    }
    static double viewsPerDau() { return STORY_MINUTES_PER_DAU * 60 / secondsPerView(); }
    static double viewsPerDay() { return DAU * viewsPerDau(); }
    static double viewsPerSecond() { return viewsPerDay() / SECONDS_PER_DAY; }
    static double peakViewsPerSecond() { return viewsPerSecond() * PEAK_FACTOR; }

    /** Little's law: people watching at once = arrival rate of viewing-minutes x minutes each. */
    static double averageConcurrentViewers() { return DAU * STORY_MINUTES_PER_DAU / (24 * 60); }
    static double peakConcurrentViewers() { return averageConcurrentViewers() * PEAK_FACTOR; }
    /** Minutes per DAU a day that a given peak of concurrent viewers implies. */
    static double minutesImpliedBy(double peakConcurrent) { return peakConcurrent / PEAK_FACTOR * 24 * 60 / DAU; }
    // end::rates[]

    // ---- Renditions and storage ----------------------------------------------------------------
    record Rendition(String kind, String name, String format, int width, int height, double bitsPerPixel,
                     double bitsPerSecond, double mpxPerCoreSecond, double fps) {
        double pixels() { return (double) width * height; }

        double bytes() {
            return bitsPerSecond > 0 ? bitsPerSecond * CLIP_SECONDS / 8 : pixels() * bitsPerPixel / 8;
        }

        /** Megapixels the encoder must produce: one frame for an image, every frame for a clip. */
        double megapixelsEncoded() {
            return pixels() * (fps > 0 ? fps * CLIP_SECONDS : 1) / 1e6;
        }

        double encodeCoreSeconds() { return mpxPerCoreSecond > 0 ? megapixelsEncoded() / mpxPerCoreSecond : 0; }

        boolean isOriginal() { return name.equals("original"); }
    }

    static Rendition image(String name, String format, int w, int h, double bpp, double speed) {
        return new Rendition("photo", name, format, w, h, bpp, 0, speed, 0);
    }

    static Rendition video(String name, String format, int w, int h, double bps, double speed, double fps) {
        return new Rendition("video", name, format, w, h, 0, bps, speed, fps);
    }

    static final List<Rendition> PHOTO_LADDER = List.of(
            image("original", "JPEG", 1080, 1920, ORIGINAL_PHOTO_BITS_PER_PIXEL, 0),
            image("1080p", "WebP", 1080, 1920, WEBP_BITS_PER_PIXEL, WEBP_MPX_PER_CORE_S),
            image("1080p", "HEIC", 1080, 1920, HEIC_BITS_PER_PIXEL, HEIC_MPX_PER_CORE_S),
            image("1080p", "JPEG", 1080, 1920, JPEG_BITS_PER_PIXEL, JPEG_MPX_PER_CORE_S),
            image("720p", "WebP", 720, 1280, WEBP_BITS_PER_PIXEL, WEBP_MPX_PER_CORE_S),
            image("720p", "HEIC", 720, 1280, HEIC_BITS_PER_PIXEL, HEIC_MPX_PER_CORE_S),
            image("720p", "JPEG", 720, 1280, JPEG_BITS_PER_PIXEL, JPEG_MPX_PER_CORE_S),
            image("320p thumbnail", "WebP", 320, 568, WEBP_BITS_PER_PIXEL, WEBP_MPX_PER_CORE_S),
            image("320p thumbnail", "HEIC", 320, 568, HEIC_BITS_PER_PIXEL, HEIC_MPX_PER_CORE_S),
            image("320p thumbnail", "JPEG", 320, 568, JPEG_BITS_PER_PIXEL, JPEG_MPX_PER_CORE_S));

    static final List<Rendition> VIDEO_LADDER = List.of(
            video("original", "H.264 1080p30", 1080, 1920, ORIGINAL_VIDEO_BPS, 0, 30),
            video("720p60", "H.264", 720, 1280, H264_720P60_BPS, H264_MPX_PER_CORE_S, 60),
            video("720p60", "HEVC", 720, 1280, H264_720P60_BPS * HEVC_BITRATE_RATIO, HEVC_MPX_PER_CORE_S, 60),
            video("480p30", "H.264", 480, 854, H264_480P30_BPS, H264_MPX_PER_CORE_S, 30),
            video("480p30", "HEVC", 480, 854, H264_480P30_BPS * HEVC_BITRATE_RATIO, HEVC_MPX_PER_CORE_S, 30));

    static double ladderBytes(List<Rendition> ladder) {
        return ladder.stream().mapToDouble(Rendition::bytes).sum();
    }

    static double photosPerDay() { return STORIES_PER_DAY * PHOTO_SHARE; }
    static double videosPerDay() { return STORIES_PER_DAY * (1 - PHOTO_SHARE); }

    static double bytesPerDay() {
        return photosPerDay() * ladderBytes(PHOTO_LADDER) + videosPerDay() * ladderBytes(VIDEO_LADDER);
    }

    /** Every blob lives BLOB_RETENTION_HOURS, so the store holds that many hours of uploads at once. */
    static double steadyStateBytes() { return bytesPerDay() * BLOB_RETENTION_HOURS / 24; }

    // ---- Egress --------------------------------------------------------------------------------
    static double bytesPerView() {
        double photo = PHOTO_LADDER.get(1).bytes();                 // 1080p WebP
        double video = H264_720P60_BPS * VIDEO_SECONDS_WATCHED / 8;  // 720p H.264 for the seconds watched
        return PHOTO_SHARE * photo + (1 - PHOTO_SHARE) * video;
    }

    static double peakEgressBitsPerSecond() { return peakViewsPerSecond() * bytesPerView() * 8; }

    // ---- Cross-region replication per day --------------------------------------------------------
    static double eagerMetadataBytesPerDay() { return STORIES_PER_DAY * METADATA_BYTES * (REGIONS - 1); }
    static double eagerBlobBytesPerDay() { return bytesPerDay() * (REGIONS - 1); }

    // ---- The celebrity burst -------------------------------------------------------------------
    // tag::burst[]
    static double hourAverageViewsPerSecond() { return CELEBRITY_VIEWERS / 3_600; }

    /** Arrivals decay as N/tau * exp(-t/tau); the first second carries the peak rate N/tau. */
    static double burstPeakViewsPerSecond() { return CELEBRITY_VIEWERS / (BURST_DECAY_MINUTES * 60); }

    static double shareWithinAnHour() { return 1 - Math.exp(-60 / BURST_DECAY_MINUTES); }

    /** Sub-partitions (hash of viewer id) so that no consumer sees more than it can process. */
    static int subPartitionsNeeded(double eventsPerSecond) {
        int needed = (int) Math.ceil(eventsPerSecond / EVENTS_PER_S_PER_CONSUMER);
        int power = 1;
        while (power < needed) {
            power *= 2; // a power of two, so a sub-partition can later split in half
        }
        return power;
    }
    // end::burst[]

    // ---- Media processing work -----------------------------------------------------------------
    /** Work for one upload, by stage, in core-seconds. */
    record Work(double validation, double decode, double encode, double hevcEncode, double safetyScan) {
        double total() { return validation + decode + encode + hevcEncode + safetyScan; }
        double withoutHevc() { return total() - hevcEncode; }
    }

    static Work photoWork() {
        double encode = PHOTO_LADDER.stream().mapToDouble(Rendition::encodeCoreSeconds).sum();
        double decode = PHOTO_LADDER.get(0).megapixelsEncoded() / DECODE_MPX_PER_CORE_S;
        return new Work(VALIDATION_CORE_S, decode, encode, 0, SAFETY_SCAN_CORE_S_PER_FRAME);
    }

    static Work videoWork() {
        double h264 = VIDEO_LADDER.stream().filter(r -> r.format().equals("H.264"))
                .mapToDouble(Rendition::encodeCoreSeconds).sum();
        double hevc = VIDEO_LADDER.stream().filter(r -> r.format().equals("HEVC"))
                .mapToDouble(Rendition::encodeCoreSeconds).sum();
        double decode = VIDEO_LADDER.get(0).megapixelsEncoded() / DECODE_MPX_PER_CORE_S;
        double scan = CLIP_SECONDS * VIDEO_FRAMES_SCANNED_PER_S * SAFETY_SCAN_CORE_S_PER_FRAME;
        return new Work(VALIDATION_CORE_S, decode, h264, hevc, scan);
    }

    /** Average core-seconds per upload, with HEVC encoded for the given share of clips. */
    static double coreSecondsPerUpload(double hevcShare) {
        Work v = videoWork();
        return PHOTO_SHARE * photoWork().total()
                + (1 - PHOTO_SHARE) * (v.withoutHevc() + hevcShare * v.hevcEncode());
    }

    static double peakCores(double hevcShare) { return peakPostsPerSecond() * coreSecondsPerUpload(hevcShare); }

    static double servers(double hevcShare) {
        return Math.ceil(peakCores(hevcShare) / TARGET_UTILISATION / CORES_PER_SERVER);
    }

    // ---- Output --------------------------------------------------------------------------------
    public static void main(String[] args) {
        Locale.setDefault(Locale.US);
        System.out.printf("Stories per DAU per day      %,12.1f%n", storiesPerDau());
        System.out.printf("Posts per second             %,12.0f   peak %,.0f%n", postsPerSecond(), peakPostsPerSecond());
        System.out.printf("Views per DAU per day        %,12.1f   (%.0f min at %.1f s a story)%n", viewsPerDau(),
                STORY_MINUTES_PER_DAU, secondsPerView());
        System.out.printf("Views per second             %,12.0f   peak %,.0f%n", viewsPerSecond(), peakViewsPerSecond());
        System.out.printf("Concurrent viewers           %,12.0f   peak %,.0f%n", averageConcurrentViewers(),
                peakConcurrentViewers());
        System.out.printf("A 20M peak implies           %,12.1f   minutes of stories per DAU per day%n",
                minutesImpliedBy(20e6));
        System.out.printf("Bytes per photo / video story %11s / %s%n", bytes(ladderBytes(PHOTO_LADDER)),
                bytes(ladderBytes(VIDEO_LADDER)));
        System.out.printf("New media per day            %12s   held at once (%d h): %s%n", bytes(bytesPerDay()),
                BLOB_RETENTION_HOURS, bytes(steadyStateBytes()));
        System.out.printf("Peak CDN egress              %,12.1f Tbps%n", peakEgressBitsPerSecond() / 1e12);
        System.out.printf("Celebrity views/s, hour avg  %,12.0f   first minute %,.0f%n", hourAverageViewsPerSecond(),
                burstPeakViewsPerSecond());
        System.out.printf("Sub-partitions for the burst %12d%n", subPartitionsNeeded(burstPeakViewsPerSecond()));
        System.out.printf("Transcoding cores at peak    %,12.0f   %,.0f servers%n", peakCores(1), servers(1));
        System.out.printf("  with HEVC for 10 %% of clips %,10.0f   %,.0f servers%n", peakCores(HEVC_SHARE_IF_SELECTIVE),
                servers(HEVC_SHARE_IF_SELECTIVE));
    }

    static String bytes(double b) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (b >= 1_000 && u < units.length - 1) {
            b /= 1_000;
            u++;
        }
        return String.format(Locale.US, b >= 100 ? "%.0f %s" : b >= 10 ? "%.1f %s" : "%.2f %s", b, units[u]);
    }

    public static Map<String, Object> facts() {
        Work p = photoWork(), v = videoWork();
        return Map.ofEntries(
                Map.entry("dau", DAU),
                Map.entry("stories-per-day", STORIES_PER_DAY),
                Map.entry("peak-factor", PEAK_FACTOR),
                Map.entry("story-minutes-per-dau", STORY_MINUTES_PER_DAU),
                Map.entry("photo-share", PHOTO_SHARE),
                Map.entry("photo-seconds", PHOTO_SECONDS_ON_SCREEN),
                Map.entry("video-seconds-watched", VIDEO_SECONDS_WATCHED),
                Map.entry("clip-seconds", CLIP_SECONDS),
                Map.entry("view-event-bytes", VIEW_EVENT_BYTES),
                Map.entry("metadata-bytes", METADATA_BYTES),
                Map.entry("regions", REGIONS),
                Map.entry("other-regions", REGIONS - 1),
                Map.entry("blob-retention-hours", BLOB_RETENTION_HOURS),
                Map.entry("stories-per-dau", storiesPerDau()),
                Map.entry("posts-per-second", postsPerSecond()),
                Map.entry("peak-posts-per-second", peakPostsPerSecond()),
                Map.entry("seconds-per-view", secondsPerView()),
                Map.entry("views-per-dau", viewsPerDau()),
                Map.entry("views-per-day", viewsPerDay()),
                Map.entry("views-per-second", viewsPerSecond()),
                Map.entry("peak-views-per-second", peakViewsPerSecond()),
                Map.entry("view-events-peak-bytes-per-second", peakViewsPerSecond() * VIEW_EVENT_BYTES),
                Map.entry("concurrent-viewers", averageConcurrentViewers()),
                Map.entry("peak-concurrent-viewers", peakConcurrentViewers()),
                Map.entry("quoted-peak-concurrent", 20e6),
                Map.entry("minutes-implied-by-20m", minutesImpliedBy(20e6)),
                Map.entry("photo-story-bytes", ladderBytes(PHOTO_LADDER)),
                Map.entry("video-story-bytes", ladderBytes(VIDEO_LADDER)),
                Map.entry("bytes-per-day", bytesPerDay()),
                Map.entry("steady-state-bytes", steadyStateBytes()),
                Map.entry("bytes-per-view", bytesPerView()),
                Map.entry("peak-egress-tbps", peakEgressBitsPerSecond() / 1e12),
                Map.entry("eager-metadata-bytes-per-day", eagerMetadataBytesPerDay()),
                Map.entry("eager-blob-bytes-per-day", eagerBlobBytesPerDay()),
                Map.entry("eager-blob-over-metadata", eagerBlobBytesPerDay() / eagerMetadataBytesPerDay()),
                Map.entry("celebrity-viewers", CELEBRITY_VIEWERS),
                Map.entry("burst-decay-minutes", BURST_DECAY_MINUTES),
                Map.entry("events-per-consumer", EVENTS_PER_S_PER_CONSUMER),
                Map.entry("celebrity-hour-average-per-second", hourAverageViewsPerSecond()),
                Map.entry("celebrity-peak-per-second", burstPeakViewsPerSecond()),
                Map.entry("celebrity-share-within-hour", shareWithinAnHour()),
                Map.entry("celebrity-hour-average-load", hourAverageViewsPerSecond() / EVENTS_PER_S_PER_CONSUMER),
                Map.entry("celebrity-peak-load", burstPeakViewsPerSecond() / EVENTS_PER_S_PER_CONSUMER),
                Map.entry("celebrity-peak-bytes-per-second", burstPeakViewsPerSecond() * VIEW_EVENT_BYTES),
                Map.entry("sub-partitions", subPartitionsNeeded(burstPeakViewsPerSecond())),
                Map.entry("fast-burst-minutes", FAST_BURST_MINUTES),
                Map.entry("consumer-us-per-event", 1e6 / EVENTS_PER_S_PER_CONSUMER),
                Map.entry("celebrity-minutes-over-capacity",
                        BURST_DECAY_MINUTES * Math.log(burstPeakViewsPerSecond() / EVENTS_PER_S_PER_CONSUMER)),
                Map.entry("quoted-over-estimate", 20e6 / peakConcurrentViewers()),
                Map.entry("h264-720p-core-seconds", VIDEO_LADDER.get(1).encodeCoreSeconds()),
                Map.entry("fast-burst-average-per-second", CELEBRITY_VIEWERS / (FAST_BURST_MINUTES * 60)),
                Map.entry("fast-burst-sub-partitions", subPartitionsNeeded(CELEBRITY_VIEWERS / (FAST_BURST_MINUTES * 60))),
                Map.entry("alert-threshold", READ_AFTER_EXPIRE_ALERT),
                Map.entry("alert-reads-per-day", viewsPerDay() * READ_AFTER_EXPIRE_ALERT),
                Map.entry("alert-reads-per-second", viewsPerSecond() * READ_AFTER_EXPIRE_ALERT),
                Map.entry("photo-core-seconds", p.total()),
                Map.entry("video-core-seconds", v.total()),
                Map.entry("video-hevc-core-seconds", v.hevcEncode()),
                Map.entry("video-hevc-share", v.hevcEncode() / v.total()),
                Map.entry("core-seconds-per-upload", coreSecondsPerUpload(1)),
                Map.entry("core-seconds-per-upload-selective", coreSecondsPerUpload(HEVC_SHARE_IF_SELECTIVE)),
                Map.entry("hevc-share-if-selective", HEVC_SHARE_IF_SELECTIVE),
                Map.entry("cores-per-server", CORES_PER_SERVER),
                Map.entry("target-utilisation", TARGET_UTILISATION),
                Map.entry("peak-cores", peakCores(1)),
                Map.entry("servers", servers(1)),
                Map.entry("servers-h264-only", servers(0)),
                Map.entry("servers-selective", servers(HEVC_SHARE_IF_SELECTIVE)));
    }

    public static Map<String, Object> tables() {
        List<List<String>> renditions = new ArrayList<>();
        renditions.add(List.of("Story", "Rendition", "Format", "Pixels", "Bits per pixel or bitrate", "Bytes each",
                "Stories per day", "Bytes per day"));
        for (List<Rendition> ladder : List.of(PHOTO_LADDER, VIDEO_LADDER)) {
            for (Rendition r : ladder) {
                double perDay = r.kind().equals("photo") ? photosPerDay() : videosPerDay();
                String quality = r.bitsPerSecond() > 0
                        ? String.format(Locale.US, "%.2f Mbps for %.0f s", r.bitsPerSecond() / 1e6, CLIP_SECONDS)
                        : String.format(Locale.US, "%.1f bits/px", r.bitsPerPixel());
                renditions.add(List.of(r.kind(), r.name(), r.format(), r.width() + " × " + r.height(), quality,
                        bytes(r.bytes()), compact(perDay), bytes(r.bytes() * perDay)));
            }
        }
        renditions.add(List.of("all", "total", "", "", "", "", compact(STORIES_PER_DAY), bytes(bytesPerDay())));

        List<List<String>> work = new ArrayList<>();
        work.add(List.of("Story", "Validation", "Decode original", "Resize ladder / H.264", "HEVC", "Safety scan", "Total"));
        Map<String, Work> byKind = new java.util.LinkedHashMap<>();
        byKind.put("photo", photoWork());
        byKind.put("15 s clip", videoWork());
        for (Map.Entry<String, Work> e : byKind.entrySet()) {
            Work w = e.getValue();
            work.add(List.of(e.getKey(), seconds(w.validation()),
                    seconds(w.decode()), seconds(w.encode()), seconds(w.hevcEncode()), seconds(w.safetyScan()),
                    seconds(w.total())));
        }

        List<List<String>> fleet = new ArrayList<>();
        fleet.add(List.of("Policy", "HEVC share of clips", "Core-s per upload", "Cores at peak", "Servers"));
        for (double[] option : new double[][]{{1}, {HEVC_SHARE_IF_SELECTIVE}, {0}}) {
            double share = option[0];
            String name = share == 1 ? "Every rung for every clip" : share == 0 ? "H.264 only"
                    : "HEVC only for the most-watched clips";
            fleet.add(List.of(name, String.format(Locale.US, "%.0f %%", share * 100),
                    seconds(coreSecondsPerUpload(share)), String.format(Locale.US, "%,.0f", peakCores(share)),
                    String.format(Locale.US, "%,.0f", servers(share))));
        }
        return Map.of(
                "renditions", Map.of("rows", renditions, "derived", List.of("Bytes each", "Stories per day", "Bytes per day")),
                "work", Map.of("rows", work, "derived", List.of("Total")),
                "fleet", Map.of("rows", fleet, "derived", List.of("Core-s per upload", "Cores at peak", "Servers")));
    }

    static String seconds(double s) {
        return String.format(Locale.US, s >= 10 ? "%.1f" : "%.3f", s);
    }

    static String compact(double v) {
        return v >= 1e9 ? String.format(Locale.US, "%.2fB", v / 1e9).replace(".00B", "B")
                : String.format(Locale.US, "%.0fM", v / 1e6);
    }

    public static Map<String, Object> charts() {
        List<List<Double>> rate = new ArrayList<>();
        for (int minute = 0; minute <= 60; minute++) {
            double perSecond = burstPeakViewsPerSecond() * Math.exp(-minute / BURST_DECAY_MINUTES);
            rate.add(List.of((double) minute, (double) Math.round(perSecond)));
        }
        List<List<Double>> capacity = List.of(List.of(0.0, EVENTS_PER_S_PER_CONSUMER), List.of(60.0, EVENTS_PER_S_PER_CONSUMER));
        List<List<Double>> average = List.of(List.of(0.0, (double) Math.round(hourAverageViewsPerSecond())),
                List.of(60.0, (double) Math.round(hourAverageViewsPerSecond())));
        return Map.of("celebrity-burst", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 80, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "minutes after posting", "nameLocation", "middle", "nameGap", 30, "max", 60),
                "yAxis", Map.of("type", "value", "name", "view events per second"),
                "series", List.of(
                        Map.of("type", "line", "name", "celebrity story, view events/s", "showSymbol", false, "data", rate),
                        Map.of("type", "line", "name", "hour average", "showSymbol", false, "lineStyle", Map.of("type", "dotted"), "data", average),
                        Map.of("type", "line", "name", "one consumer's capacity", "showSymbol", false, "lineStyle", Map.of("type", "dashed"), "data", capacity))));
    }
}
