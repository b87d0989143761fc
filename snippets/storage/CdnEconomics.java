package storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a CDN does to an egress bill: every byte leaves through the CDN at its price, and only the
 * misses leave the origin at the origin's price. Prices are rules of thumb, flat per GB (real price
 * lists fall with volume, and large customers negotiate).
 */
public class CdnEconomics {

    static final double MONTHLY_EGRESS_GB = 500_000;      // 500 TB a month served to users
    static final double ORIGIN_PER_GB = 0.09;             // cloud internet egress, first band
    static final double[] CDN_PER_GB = {0.01, 0.02, 0.05}; // the range large CDN customers pay
    static final double HIT_RATE = 0.99;                  // byte hit rate at the edge
    static final double CDN_LIST_PER_GB = 0.085;          // a first-band published price (CloudFront, North America)

    // tag::bill[]
    static double originOnly(double gb) {
        return gb * ORIGIN_PER_GB;
    }

    /** All bytes go out through the CDN; the misses are also fetched from the origin. */
    static double withCdn(double gb, double cdnPerGb, double hitRate) {
        return gb * cdnPerGb + gb * (1 - hitRate) * ORIGIN_PER_GB;
    }

    /** Below this hit rate the CDN costs more than serving everything from the origin. */
    static double breakEvenHitRate(double cdnPerGb) {
        return cdnPerGb / ORIGIN_PER_GB;
    }

    public static void main(String[] args) {
        double gb = MONTHLY_EGRESS_GB;
        System.out.printf("%,.0f TB a month from the origin alone: %s%n",
                gb / 1_000, usd(originOnly(gb)));
        System.out.printf("At %.0f%% hits  %9s %9s %7s %7s %11s%n", 100 * HIT_RATE,
                "CDN bill", "edge", "origin", "saving", "break-even");
        for (double cdn : CDN_PER_GB) {
            double bill = withCdn(gb, cdn, HIT_RATE);
            System.out.printf("CDN $%.2f/GB  %9s %9s %7s %6.0f%% %6.0f%% hits%n", cdn,
                    usd(bill), usd(gb * cdn), usd(gb * (1 - HIT_RATE) * ORIGIN_PER_GB),
                    100 * (1 - bill / originOnly(gb)), 100 * breakEvenHitRate(cdn));
        }
        for (double hits : new double[] {0.90, 0.99, 0.999}) {
            System.out.printf("At %.1f%% hits the origin serves %,.0f GB a month, 1/%,.0f%n",
                    100 * hits, gb * (1 - hits), 1 / (1 - hits));
        }
    }
    // end::bill[]

    static String usd(double dollars) {
        return String.format("$%,.0f", dollars);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("monthly-tb", MONTHLY_EGRESS_GB / 1_000);
        f.put("origin-per-gb", ORIGIN_PER_GB);
        f.put("hit-rate", HIT_RATE);
        f.put("cdn-low-price", CDN_PER_GB[0]);
        f.put("cdn-mid-price", CDN_PER_GB[1]);
        f.put("cdn-high-price", CDN_PER_GB[2]);
        f.put("cdn-list-price", CDN_LIST_PER_GB);
        f.put("origin-only", originOnly(MONTHLY_EGRESS_GB));
        f.put("cdn-low", withCdn(MONTHLY_EGRESS_GB, CDN_PER_GB[0], HIT_RATE));
        f.put("cdn-mid", withCdn(MONTHLY_EGRESS_GB, CDN_PER_GB[1], HIT_RATE));
        f.put("cdn-high", withCdn(MONTHLY_EGRESS_GB, CDN_PER_GB[2], HIT_RATE));
        f.put("origin-share-of-mid", MONTHLY_EGRESS_GB * (1 - HIT_RATE) * ORIGIN_PER_GB
                / withCdn(MONTHLY_EGRESS_GB, CDN_PER_GB[1], HIT_RATE));
        f.put("saving-low", 1 - withCdn(MONTHLY_EGRESS_GB, CDN_PER_GB[0], HIT_RATE) / originOnly(MONTHLY_EGRESS_GB));
        f.put("saving-high", 1 - withCdn(MONTHLY_EGRESS_GB, CDN_PER_GB[2], HIT_RATE) / originOnly(MONTHLY_EGRESS_GB));
        f.put("break-even-high", breakEvenHitRate(CDN_PER_GB[2]));
        f.put("break-even-low", breakEvenHitRate(CDN_PER_GB[0]));
        f.put("break-even-list", breakEvenHitRate(CDN_LIST_PER_GB));
        return f;
    }

    public static Map<String, Object> charts() {
        List<Object> series = new ArrayList<>();
        List<List<Double>> origin = new ArrayList<>();
        for (int h = 50; h <= 100; h++) {
            origin.add(List.of((double) h, originOnly(MONTHLY_EGRESS_GB) / 1_000));
        }
        series.add(Map.of("type", "line", "name", "origin only, $0.09/GB", "showSymbol", false,
                "lineStyle", Map.of("type", "dashed"), "data", origin));
        for (double cdn : CDN_PER_GB) {
            List<List<Double>> data = new ArrayList<>();
            for (int h = 50; h <= 100; h++) {
                data.add(List.of((double) h, Math.round(withCdn(MONTHLY_EGRESS_GB, cdn, h / 100.0) / 100) / 10.0));
            }
            series.add(Map.of("type", "line", "name", String.format("CDN at $%.2f/GB + origin misses", cdn),
                    "showSymbol", false, "data", data));
        }
        return Map.of("cdn-vs-hit-rate", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "edge byte hit rate, %", "nameLocation", "middle",
                        "nameGap", 30, "min", 50, "max", 100),
                "yAxis", Map.of("type", "value", "name", "thousands of dollars a month"),
                "series", series));
    }
}
