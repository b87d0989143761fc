package casestudies;

import chat.ChatEstimate;
import dispatch.DispatchEnvelope;
import drive.DriveEnvelope;
import feed.FeedEstimate;
import qa.QaEnvelope;
import streaming.StreamingEnvelope;
import sync.SyncEnvelope;
import stories.StoriesEnvelope;
import urlshortener.ShortenerEstimate;
import video.VideoEnvelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Module 12 overview: one list of case studies, each with its scale quoted from its own
 * back-of-envelope program's facts, so the overview cannot drift from the study pages.
 * To add a study: write its page and estimate program, then add one entry to {@link #studies()}.
 */
public class CaseStudies {

    /** A scale figure: a fact of the study's estimate program and how to read it. */
    record Figure(Map<String, ?> facts, String fact, Unit unit, String label) {
        double value() {
            Object v = facts.get(fact);
            if (!(v instanceof Number n)) {
                throw new IllegalArgumentException("no numeric fact '" + fact + "'");
            }
            return n.doubleValue();
        }

        String text() {
            return unit.format(value()) + " " + label;
        }
    }

    enum Unit {
        COUNT, BYTES;

        String format(double v) {
            return this == BYTES ? scaled(v, new String[]{"B", "KB", "MB", "GB", "TB", "PB", "EB"}, " ")
                    : scaled(v, new String[]{"", "K", "M", "B", "T"}, "");
        }
    }

    record Study(String title, String hardest, Figure writes, Figure reads, Figure data) {
    }

    static List<Study> studies() {
        Map<String, Object> shortener = ShortenerEstimate.facts();
        Map<String, Object> feed = FeedEstimate.facts();
        Map<String, Object> chat = ChatEstimate.facts();
        Map<String, Object> dispatch = DispatchEnvelope.facts();
        Map<String, Object> drive = DriveEnvelope.facts();
        Map<String, Object> video = VideoEnvelope.facts();
        Map<String, Object> stories = StoriesEnvelope.facts();
        Map<String, Object> qa = QaEnvelope.facts();
        Map<String, Object> sync = SyncEnvelope.facts();
        Map<String, Object> streaming = StreamingEnvelope.facts();
        return List.of(
                new Study("URL shortener", "Unique short keys without a central bottleneck",
                        new Figure(shortener, "writes-peak", Unit.COUNT, "new URLs/s"),
                        new Figure(shortener, "redirects-peak", Unit.COUNT, "redirects/s"),
                        new Figure(shortener, "storage-bytes", Unit.BYTES, "of links in 5 years")),
                new Study("Twitter-like feed", "Fan-out when follower counts are heavy-tailed",
                        new Figure(feed, "peak-posts", Unit.COUNT, "posts/s"),
                        new Figure(feed, "peak-opens", Unit.COUNT, "feed reads/s"),
                        new Figure(feed, "post-bytes-per-year", Unit.BYTES, "of posts a year")),
                new Study("Chat (WhatsApp-like)", "Routing each message to the gateway that holds the recipient",
                        new Figure(chat, "peak-messages", Unit.COUNT, "messages/s"),
                        new Figure(chat, "peak-deliveries", Unit.COUNT, "deliveries/s"),
                        new Figure(chat, "offline-queue-bytes", Unit.BYTES, "queued for offline users")),
                new Study("Ride dispatch (Uber-like)", "Finding the drivers near a rider, fast, while they move",
                        new Figure(dispatch, "updates-per-s", Unit.COUNT, "location updates/s"),
                        new Figure(dispatch, "peak-rides-per-s", Unit.COUNT, "ride requests/s"),
                        new Figure(dispatch, "bytes-per-day", Unit.BYTES, "of location updates a day")),
                new Study("Cloud drive (Drive / Dropbox storage)", "Chunking, dedup and resumable uploads",
                        new Figure(drive, "peak-file-ops", Unit.COUNT, "file operations/s"),
                        new Figure(drive, "peak-pushes", Unit.COUNT, "change notifications/s"),
                        new Figure(drive, "nominal-bytes", Unit.BYTES, "stored before dedup")),
                new Study("Video platform (YouTube-like)", "Transcoding every upload into a ladder of variants",
                        new Figure(video, "segment-writes-per-s", Unit.COUNT, "encoded segments/s"),
                        new Figure(video, "segment-requests-per-s", Unit.COUNT, "segment requests/s"),
                        new Figure(video, "encoded-bytes-per-day", Unit.BYTES, "encoded a day")),
                new Study("Sync client (Dropbox-like)", "Keeping every device's folder in step, offline edits included",
                        new Figure(sync, "peak-commits-per-s", Unit.COUNT, "file commits/s"),
                        new Figure(sync, "peak-notifications-per-s", Unit.COUNT, "device notifications/s"),
                        new Figure(sync, "journal-tb-per-year", Unit.COUNT, "terabytes of journal a year")),
                new Study("Streaming CDN (Netflix Open Connect)", "Putting tomorrow's bytes inside each ISP tonight",
                        new Figure(streaming, "nightly-fill-tbps", Unit.COUNT, "Tbps of nightly fill"),
                        new Figure(streaming, "peak-egress-tbps", Unit.COUNT, "Tbps of peak egress"),
                        new Figure(streaming, "catalog-pb", Unit.COUNT, "petabytes encoded catalog")),
                new Study("Q&A site (Stack Overflow-like)", "Serving a long tail of pages, mostly from the edge",
                        new Figure(qa, "peak-writes-per-s", Unit.COUNT, "posts and votes/s"),
                        new Figure(qa, "peak-views-per-s", Unit.COUNT, "page views/s"),
                        new Figure(qa, "content-bytes", Unit.BYTES, "of questions and answers")),
                new Study("Ephemeral stories (Instagram-like)", "Expiring metadata, blobs and caches together",
                        new Figure(stories, "peak-posts-per-second", Unit.COUNT, "stories/s"),
                        new Figure(stories, "peak-views-per-second", Unit.COUNT, "story views/s"),
                        new Figure(stories, "bytes-per-day", Unit.BYTES, "of new media a day")));
    }

    /** Three significant digits, trailing zeros dropped: 114, 11.4K, 6B, 3 TB. */
    static String scaled(double v, String[] units, String separator) {
        int i = 0;
        while (Math.abs(v) >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        int decimals = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
        String number = String.format("%,." + decimals + "f", v);
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number + (units[i].isEmpty() ? "" : separator + units[i]);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Case study", "Peak writes", "Peak reads", "Data", "Hardest sub-problem"));
        for (Study s : studies()) {
            rows.add(List.of(s.title(), s.writes().text(), s.reads().text(), s.data().text(), s.hardest()));
        }
        return Map.of("overview", rows);
    }

    public static Map<String, Object> facts() {
        // The chart's extremes among the figures that are rates per second (the streaming study's are in Tbps).
        Study slowest = null, fastest = null;
        double min = Double.MAX_VALUE, max = 0;
        for (Study s : studies()) {
            for (Figure f : List.of(s.writes(), s.reads())) {
                if (!f.label().endsWith("/s")) {
                    continue;
                }
                if (f.value() < min) {
                    min = f.value();
                    slowest = s;
                }
                if (f.value() > max) {
                    max = f.value();
                    fastest = s;
                }
            }
        }
        return Map.of("count", studies().size(),
                "slowest-rate", min, "slowest-rate-study", slowest.title(),
                "fastest-rate", max, "fastest-rate-study", fastest.title(),
                "rate-orders", Math.log10(max / min));
    }

    public static Map<String, Object> charts() {
        List<String> titles = new ArrayList<>();
        List<Double> writes = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        for (Study s : studies()) {
            titles.add(s.title());
            writes.add((double) Math.round(s.writes().value()));
            reads.add((double) Math.round(s.reads().value()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 140, "right", 30, "top", 40, "bottom", 50));
        option.put("xAxis", Map.of("type", "log", "name", "peak rate, in each study's unit (log scale)", "nameLocation", "middle",
                "nameGap", 30, "min", 1));
        option.put("yAxis", Map.of("type", "category", "data", titles, "inverse", true));
        option.put("series", List.of(
                Map.of("type", "bar", "name", "peak writes", "data", writes),
                Map.of("type", "bar", "name", "peak reads", "data", reads)));
        return Map.of("scale", option);
    }
}
