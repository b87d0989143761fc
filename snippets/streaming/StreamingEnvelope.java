package streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Back-of-envelope for a Netflix-style streaming service with its own CDN. Concurrency comes from
 * hours watched, egress from concurrency, appliance load from egress, fill from what changes each
 * night, catalog size and render jobs from the ladder. The assumptions are the constants below.
 */
public class StreamingEnvelope {

    // tag::envelope[]
    // Assumptions, stated once.
    static final double SUBSCRIBERS = 260e6;
    static final double HOURS_PER_DAY = 250e6;         // hours watched per day, all subscribers
    static final double PEAK_TO_AVERAGE = 2.5;         // busiest hour over the day's average (rule of thumb)
    static final double AVERAGE_STREAM_MBPS = 5;       // phones, laptops, HD and 4K TVs (rule of thumb)
    static final double OCA_SHARE = 0.95;              // bytes served by appliances inside ISPs
    static final double APPLIANCES = 10_000;
    static final double APPLIANCE_NIC_GBPS = 200;      // 2 x 100GbE
    static final double APPLIANCE_DISK_TB = 10;
    static final double NIGHTLY_CHANGE_SHARE = 0.10;   // share of a disk rewritten per night (see the fill simulation)
    static final double FILL_WINDOW_HOURS = 6;         // the ISP's off-peak window
    static final double TITLES = 15_000;
    static final double HOURS_PER_TITLE = 5;           // films and series together
    static final double VIDEOS_PER_TITLE = 6;          // a film is one video, a series one per episode
    static final int RUNGS = 10, DYNAMIC_RANGES = 2, CODECS = 3; // SDR and HDR; AVC, HEVC, AV1
    static final double AVERAGE_RENDITION_MBPS = 2.5;  // mean bitrate over all rungs and codecs
    // the widely quoted figures being checked
    static final double QUOTED_CONCURRENT = 250e6, QUOTED_PEAK_TBPS = 200, QUOTED_CATALOG_TB = 200;
    // end::envelope[]

    // tag::envelope[]

    static double averageConcurrent() {
        return HOURS_PER_DAY / 24;
    }

    static double peakConcurrent() {
        return averageConcurrent() * PEAK_TO_AVERAGE;
    }

    static double peakEgressTbps() {
        return peakConcurrent() * AVERAGE_STREAM_MBPS / 1e6;
    }

    static double perApplianceGbps() {
        return peakEgressTbps() * OCA_SHARE * 1_000 / APPLIANCES;
    }

    static double deliveredPbPerDay() {
        return HOURS_PER_DAY * 3_600 * AVERAGE_STREAM_MBPS * 1e6 / 8 / 1e15;
    }

    static double fullFillPb() {
        return APPLIANCE_DISK_TB * APPLIANCES / 1_000;
    }

    static double renditionsPerVideo() {
        return RUNGS * DYNAMIC_RANGES * CODECS;
    }

    static double catalogPb() {
        double contentHours = TITLES * HOURS_PER_TITLE;
        return contentHours * 3_600 * renditionsPerVideo() * AVERAGE_RENDITION_MBPS * 1e6 / 8 / 1e15;
    }
    // end::envelope[]

    public static void main(String[] args) {
        System.out.printf("Concurrent streams   %,.0f on average, %,.0f at peak (%.1f%% of subscribers)%n",
                averageConcurrent(), peakConcurrent(), 100 * peakConcurrent() / SUBSCRIBERS);
        System.out.printf("Peak egress          %.0f Tbps; the quoted %.0f Tbps needs %.1f Mbps per stream%n",
                peakEgressTbps(), QUOTED_PEAK_TBPS, QUOTED_PEAK_TBPS * 1e6 / peakConcurrent());
        System.out.printf("Per appliance        %.1f Gbps at peak, %.1f%% of %.0f Gbps%n", perApplianceGbps(),
                100 * perApplianceGbps() / APPLIANCE_NIC_GBPS, APPLIANCE_NIC_GBPS);
        System.out.printf("Delivered per day    %.0f PB%n", deliveredPbPerDay());
        System.out.printf("Nightly fill         %.0f PB if every disk is rewritten, %.0f PB at %.0f%% change%n",
                fullFillPb(), fullFillPb() * NIGHTLY_CHANGE_SHARE, 100 * NIGHTLY_CHANGE_SHARE);
        System.out.printf("Encoded catalog      %.2f PB (%,.0f renditions per video)%n", catalogPb(), renditionsPerVideo());
        System.out.printf("Render jobs          %,.0f per title count, %,.0f per video count%n",
                TITLES * renditionsPerVideo(), TITLES * VIDEOS_PER_TITLE * renditionsPerVideo());
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("subscribers", SUBSCRIBERS);
        f.put("hours-per-day", HOURS_PER_DAY);
        f.put("peak-to-average", PEAK_TO_AVERAGE);
        f.put("stream-mbps", AVERAGE_STREAM_MBPS);
        f.put("oca-share", OCA_SHARE);
        f.put("appliances", APPLIANCES);
        f.put("nic-gbps", APPLIANCE_NIC_GBPS);
        f.put("disk-tb", APPLIANCE_DISK_TB);
        f.put("nightly-change-share", NIGHTLY_CHANGE_SHARE);
        f.put("fill-window-hours", FILL_WINDOW_HOURS);
        f.put("titles", TITLES);
        f.put("hours-per-title", HOURS_PER_TITLE);
        f.put("videos-per-title", VIDEOS_PER_TITLE);
        f.put("rungs", RUNGS);
        f.put("dynamic-ranges", DYNAMIC_RANGES);
        f.put("codecs", CODECS);
        f.put("rendition-mbps", AVERAGE_RENDITION_MBPS);
        f.put("quoted-concurrent", QUOTED_CONCURRENT);
        f.put("quoted-peak-tbps", QUOTED_PEAK_TBPS);
        f.put("quoted-catalog-tb", QUOTED_CATALOG_TB);

        f.put("average-concurrent", averageConcurrent());
        f.put("peak-concurrent", peakConcurrent());
        f.put("peak-share-of-subscribers", peakConcurrent() / SUBSCRIBERS);
        f.put("quoted-concurrent-share", QUOTED_CONCURRENT / SUBSCRIBERS);
        f.put("quoted-concurrent-egress-tbps", QUOTED_CONCURRENT * AVERAGE_STREAM_MBPS / 1e6);
        f.put("peak-egress-tbps", peakEgressTbps());
        f.put("quoted-egress-implies-mbps", QUOTED_PEAK_TBPS * 1e6 / peakConcurrent());
        f.put("oca-egress-tbps", peakEgressTbps() * OCA_SHARE);
        f.put("off-oca-tbps", peakEgressTbps() * (1 - OCA_SHARE));
        f.put("per-appliance-gbps", perApplianceGbps());
        f.put("per-appliance-utilisation", perApplianceGbps() / APPLIANCE_NIC_GBPS);
        f.put("quoted-per-appliance-gbps", QUOTED_PEAK_TBPS * OCA_SHARE * 1_000 / APPLIANCES);
        f.put("quoted-per-appliance-utilisation", QUOTED_PEAK_TBPS * OCA_SHARE * 1_000 / APPLIANCES / APPLIANCE_NIC_GBPS);
        f.put("appliances-at-half-nic", Math.ceil(peakEgressTbps() * OCA_SHARE * 1_000 / (0.5 * APPLIANCE_NIC_GBPS)));
        f.put("delivered-pb-per-day", deliveredPbPerDay());
        f.put("full-fill-pb", fullFillPb());
        f.put("full-fill-share-of-day", fullFillPb() / deliveredPbPerDay());
        f.put("nightly-fill-pb", fullFillPb() * NIGHTLY_CHANGE_SHARE);
        f.put("nightly-fill-share-of-day", fullFillPb() * NIGHTLY_CHANGE_SHARE / deliveredPbPerDay());
        f.put("full-fill-gbps-per-appliance", APPLIANCE_DISK_TB * 1e12 * 8 / (FILL_WINDOW_HOURS * 3_600) / 1e9);
        f.put("nightly-fill-gbps-per-appliance",
                APPLIANCE_DISK_TB * NIGHTLY_CHANGE_SHARE * 1e12 * 8 / (FILL_WINDOW_HOURS * 3_600) / 1e9);
        f.put("full-fill-tbps", fullFillPb() * 1e15 * 8 / (FILL_WINDOW_HOURS * 3_600) / 1e12);
        f.put("nightly-fill-tbps", fullFillPb() * NIGHTLY_CHANGE_SHARE * 1e15 * 8 / (FILL_WINDOW_HOURS * 3_600) / 1e12);
        f.put("content-hours", TITLES * HOURS_PER_TITLE);
        f.put("renditions-per-video", renditionsPerVideo());
        f.put("render-jobs-by-title", TITLES * renditionsPerVideo());
        f.put("render-jobs-by-video", TITLES * VIDEOS_PER_TITLE * renditionsPerVideo());
        f.put("catalog-pb", catalogPb());
        f.put("quoted-catalog-implies-mbps", QUOTED_CATALOG_TB * 1e12 * 8 / (TITLES * HOURS_PER_TITLE * 3_600) / 1e6);
        f.put("disk-share-of-catalog", APPLIANCE_DISK_TB / (catalogPb() * 1_000));
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Figure", "Widely quoted", "Computed here", "From"));
        rows.add(List.of("Peak concurrent streams", "250M", String.format("%.1fM", peakConcurrent() / 1e6),
                "hours a day ÷ 24 × peak factor"));
        rows.add(List.of("Peak egress", "200 Tbps", String.format("%.0f Tbps", peakEgressTbps()),
                "peak streams × average bitrate"));
        rows.add(List.of("Egress per appliance at peak", "~20 Gbps", String.format("%.1f Gbps", perApplianceGbps()),
                "95 % of egress over 10,000 appliances"));
        rows.add(List.of("Nightly fill", "100 PB", String.format("%.0f PB", fullFillPb() * NIGHTLY_CHANGE_SHARE),
                "the share of each disk that changes, not the whole disk"));
        rows.add(List.of("Encoded catalog", "~200 TB", String.format("%.2f PB", catalogPb()),
                "content hours × renditions × average rendition bitrate"));
        rows.add(List.of("Render jobs", "900k", String.format("%.1fM", TITLES * VIDEOS_PER_TITLE * renditionsPerVideo() / 1e6),
                "renditions per video, not per title"));
        return Map.of("claims", Map.of("rows", rows, "derived", List.of("Computed here")));
    }
}
