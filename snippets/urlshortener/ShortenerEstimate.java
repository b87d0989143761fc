package urlshortener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The URL shortener's back-of-envelope: rates, storage, key length, cache size and a monthly bill,
 * every figure derived from the assumptions at the top.
 */
public class ShortenerEstimate {

    // tag::estimate[]
    // Assumptions, stated once. Rules of thumb are marked as such.
    static final double NEW_URLS_PER_MONTH = 100_000_000;
    static final double DAYS_PER_MONTH = 365.0 / 12;
    static final double PEAK_TO_AVERAGE = 3;               // rule of thumb (Module 1): diurnal peak over the mean
    static final double REDIRECTS_PER_NEW_URL = 100;       // read:write = 100:1
    static final int YEARS_KEPT = 5;
    static final double BYTES_PER_URL = 500;               // long URL, key, owner, dates, index share
    static final int REPLICAS = 3;                         // one copy per availability zone
    static final int RANGE_SIZE = 1_000;                   // keys reserved per counter update
    static final double ZIPF_EXPONENT = 1.0;               // link popularity: the k-th link gets 1/k of the top one's clicks
    static final double CACHE_BYTES_PER_LINK = 200;        // key + long URL + cache overhead; rule of thumb
    static final double TARGET_HIT_RATE = 0.90;
    static final double QPS_PER_APP_SERVER = 10_000;       // rule of thumb (Module 1): cache-backed reads
    static final double REDIS_OPS_PER_PRIMARY = 100_000;   // rule of thumb (Module 1)
    static final double REDIRECT_RESPONSE_BYTES = 500;     // status line and headers of a 301/302
    static final double QUOTED_PEAK_REDIRECTS = 12_000;    // the common write-up's "~12k RPS peak"
    static final double QUOTED_AVERAGE_WRITES = 40;        // its "~40 URLs/sec average"
    static final double QUOTED_PEAK_WRITES = 120;          // its "~120/sec peak"
    // Prices: rules of thumb from on-demand cloud list prices (AWS us-east-1 class), not quotes.
    static final double VM_USD_PER_MONTH = 140;            // 4 vCPU / 16 GB general-purpose VM, $0.19/h x 730 h
    static final double VM_CACHE_GB = 12;                  // of its 16 GB, what a cache node can fill with data
    static final double SSD_USD_PER_GB_MONTH = 0.08;       // network SSD volume
    static final double EGRESS_USD_PER_GB = 0.09;          // internet egress
    static final int ZONES = 3;

    static final double SECONDS_PER_DAY = 86_400;
    static final double EULER_GAMMA = 0.5772156649;

    static double secondsPerMonth() {
        return DAYS_PER_MONTH * SECONDS_PER_DAY;
    }

    static double writesPerSecond() {
        return NEW_URLS_PER_MONTH / secondsPerMonth();
    }

    static double redirectsPerSecond() {
        return writesPerSecond() * REDIRECTS_PER_NEW_URL;
    }

    static double totalUrls() {
        return NEW_URLS_PER_MONTH * 12 * YEARS_KEPT;
    }

    /** Shortest base-62 key that numbers every URL kept. */
    static int keyLengthNeeded(double urls) {
        int length = 1;
        while (Math.pow(62, length) < urls) {
            length++;
        }
        return length;
    }

    /** Harmonic number H(n) = 1 + 1/2 + ... + 1/n, by its asymptotic expansion (exact enough for n > 100). */
    static double harmonic(double n) {
        return Math.log(n) + EULER_GAMMA + 1 / (2 * n) - 1 / (12 * n * n);
    }

    /** Under Zipf(1), the share of clicks that go to the most popular fraction f of N links. */
    static double hitRate(double fractionCached, double links) {
        return harmonic(fractionCached * links) / harmonic(links);
    }

    /** The smallest fraction of links to cache for a target hit rate, by bisection on the curve above. */
    static double fractionForHitRate(double target, double links) {
        double lo = 1e-9, hi = 1;
        for (int i = 0; i < 200; i++) {
            double mid = Math.sqrt(lo * hi);
            if (hitRate(mid, links) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Smallest fleet spread over the zones that still carries the load after losing the largest zone. */
    static int survivingOneZoneLoss(double serversNeeded, int zones) {
        int n = Math.max(zones, (int) Math.ceil(serversNeeded));
        while (n - (n + zones - 1) / zones < serversNeeded) {
            n++;
        }
        return n;
    }

    record Bill(int appServers, int cacheNodes, int databaseNodes, double storageGb, double egressGb,
                double vmUsd, double storageUsd, double egressUsd) {
        double total() {
            return vmUsd + storageUsd + egressUsd;
        }
    }

    static double cacheGbForTarget() {
        return fractionForHitRate(TARGET_HIT_RATE, totalUrls()) * totalUrls() * CACHE_BYTES_PER_LINK / 1e9;
    }

    static Bill bill() {
        int app = survivingOneZoneLoss(PEAK_TO_AVERAGE * redirectsPerSecond() / QPS_PER_APP_SERVER, ZONES);
        int cache = (int) Math.ceil(cacheGbForTarget() / VM_CACHE_GB);
        int database = REPLICAS;
        double storageGb = totalUrls() * BYTES_PER_URL * REPLICAS / 1e9;
        double egressGb = redirectsPerSecond() * secondsPerMonth() * REDIRECT_RESPONSE_BYTES / 1e9;
        int vms = app + cache + database;
        return new Bill(app, cache, database, storageGb, egressGb, vms * VM_USD_PER_MONTH,
                storageGb * SSD_USD_PER_GB_MONTH, egressGb * EGRESS_USD_PER_GB);
    }

    public static void main(String[] args) {
        double writes = writesPerSecond(), reads = redirectsPerSecond(), urls = totalUrls();
        System.out.printf("New URLs          %.1f/s average, %.1f/s peak%n", writes, writes * PEAK_TO_AVERAGE);
        System.out.printf("Redirects         %,.0f/s average, %,.0f/s peak%n", reads, reads * PEAK_TO_AVERAGE);
        System.out.printf("Click events      %,.0f a day%n", reads * SECONDS_PER_DAY);
        System.out.printf("Counter updates   %.3f/s at peak, one per %,d keys%n", writes * PEAK_TO_AVERAGE / RANGE_SIZE,
                RANGE_SIZE);
        System.out.printf("URLs kept         %,.0f in %d years%n", urls, YEARS_KEPT);
        System.out.printf("Key length        %d base-62 characters suffice%n", keyLengthNeeded(urls));
        System.out.printf("Storage           %.1f TB, %.1f TB with %d replicas%n", urls * BYTES_PER_URL / 1e12,
                urls * BYTES_PER_URL * REPLICAS / 1e12, REPLICAS);
        System.out.printf("Top 10%% cached    %.1f%% hit rate under Zipf(1)%n", 100 * hitRate(0.10, urls));
        System.out.printf("For a %.0f%% hit     cache the top %.1f%% of links: %.0f GB%n", 100 * TARGET_HIT_RATE,
                100 * fractionForHitRate(TARGET_HIT_RATE, urls), cacheGbForTarget());
        System.out.printf("Redis load        %.0f%% of one primary at peak%n",
                100 * reads * PEAK_TO_AVERAGE / REDIS_OPS_PER_PRIMARY);
        Bill b = bill();
        System.out.printf("Bill: VMs         (%d app + %d cache + %d database) x $%.0f = $%,.0f%n", b.appServers(),
                b.cacheNodes(), b.databaseNodes(), VM_USD_PER_MONTH, b.vmUsd());
        System.out.printf("Bill: SSD         %,.0f GB x $%.2f = $%,.0f%n", b.storageGb(), SSD_USD_PER_GB_MONTH, b.storageUsd());
        System.out.printf("Bill: egress      %,.0f GB x $%.2f = $%,.0f%n", b.egressGb(), EGRESS_USD_PER_GB, b.egressUsd());
        System.out.printf("Bill: total       $%,.0f a month%n", b.total());
    }
    // end::estimate[]

    record Rate(String quantity, double averagePerSecond) {
    }

    static List<Rate> rates() {
        double writes = writesPerSecond();
        return List.of(
                new Rate("New short URLs", writes),
                new Rate("Redirects (= click events)", redirectsPerSecond()),
                new Rate("Counter updates (one per range)", writes / RANGE_SIZE));
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Quantity", "Average per second", "Peak per second", "Average per day"));
        for (Rate r : rates()) {
            rows.add(List.of(r.quantity(), readable(r.averagePerSecond()),
                    readable(r.averagePerSecond() * PEAK_TO_AVERAGE), readable(r.averagePerSecond() * SECONDS_PER_DAY)));
        }
        return Map.of("rates", Map.of("rows", rows,
                "derived", List.of("Average per second", "Peak per second", "Average per day")));
    }

    /** Three significant digits or whole numbers: 0.114, 38.1, 3,805. */
    static String readable(double v) {
        return v >= 100 ? String.format("%,.0f", v) : v >= 1 ? String.format("%.1f", v) : String.format("%.3f", v);
    }

    public static Map<String, Object> facts() {
        double writes = writesPerSecond(), reads = redirectsPerSecond(), urls = totalUrls();
        Bill b = bill();
        return Map.ofEntries(
                Map.entry("new-urls-per-month", NEW_URLS_PER_MONTH),
                Map.entry("days-per-month", DAYS_PER_MONTH),
                Map.entry("peak-factor", PEAK_TO_AVERAGE),
                Map.entry("redirects-per-url", REDIRECTS_PER_NEW_URL),
                Map.entry("years", YEARS_KEPT),
                Map.entry("bytes-per-url", BYTES_PER_URL),
                Map.entry("replicas", REPLICAS),
                Map.entry("range-size", RANGE_SIZE),
                Map.entry("writes-avg", writes),
                Map.entry("writes-peak", writes * PEAK_TO_AVERAGE),
                Map.entry("redirects-avg", reads),
                Map.entry("redirects-peak", reads * PEAK_TO_AVERAGE),
                Map.entry("redirects-per-day", reads * SECONDS_PER_DAY),
                Map.entry("source-peak-redirects", QUOTED_PEAK_REDIRECTS),
                Map.entry("source-writes-avg", QUOTED_AVERAGE_WRITES),
                Map.entry("source-writes-peak", QUOTED_PEAK_WRITES),
                Map.entry("source-writes-avg-overstatement", QUOTED_AVERAGE_WRITES / writes - 1),
                Map.entry("source-redirects-peak-overstatement", QUOTED_PEAK_REDIRECTS / (reads * PEAK_TO_AVERAGE) - 1),
                Map.entry("source-events-per-day", QUOTED_PEAK_REDIRECTS * SECONDS_PER_DAY),
                Map.entry("counter-updates-peak", writes * PEAK_TO_AVERAGE / RANGE_SIZE),
                Map.entry("total-urls", urls),
                Map.entry("key-length-needed", keyLengthNeeded(urls)),
                Map.entry("six-char-space", Math.pow(62, 6)),
                Map.entry("six-char-years", Math.pow(62, 6) / (NEW_URLS_PER_MONTH * 12)),
                Map.entry("seven-char-years", Math.pow(62, 7) / (NEW_URLS_PER_MONTH * 12)),
                Map.entry("digit-first-keys", 10 * Math.pow(62, 6)),
                Map.entry("storage-bytes", urls * BYTES_PER_URL),
                Map.entry("storage-replicated-bytes", urls * BYTES_PER_URL * REPLICAS),
                Map.entry("hit-rate-top-10pct", hitRate(0.10, urls)),
                Map.entry("hit-rate-top-1pct", hitRate(0.01, urls)),
                Map.entry("target-hit-rate", TARGET_HIT_RATE),
                Map.entry("fraction-for-target", fractionForHitRate(TARGET_HIT_RATE, urls)),
                Map.entry("fraction-for-95", fractionForHitRate(0.95, urls)),
                Map.entry("cache-bytes-per-link", CACHE_BYTES_PER_LINK),
                Map.entry("cache-gb-target", cacheGbForTarget()),
                Map.entry("cache-gb-95", fractionForHitRate(0.95, urls) * urls * CACHE_BYTES_PER_LINK / 1e9),
                Map.entry("redis-ops-per-primary", REDIS_OPS_PER_PRIMARY),
                Map.entry("redis-utilisation", reads * PEAK_TO_AVERAGE / REDIS_OPS_PER_PRIMARY),
                Map.entry("qps-per-app-server", QPS_PER_APP_SERVER),
                Map.entry("app-servers", b.appServers()),
                Map.entry("zones", ZONES),
                Map.entry("cache-nodes", b.cacheNodes()),
                Map.entry("vm-cache-gb", VM_CACHE_GB),
                Map.entry("database-nodes", b.databaseNodes()),
                Map.entry("vm-usd", VM_USD_PER_MONTH),
                Map.entry("ssd-usd-per-gb", SSD_USD_PER_GB_MONTH),
                Map.entry("egress-usd-per-gb", EGRESS_USD_PER_GB),
                Map.entry("response-bytes", REDIRECT_RESPONSE_BYTES),
                Map.entry("bill-vm-usd", b.vmUsd()),
                Map.entry("bill-storage-gb", b.storageGb()),
                Map.entry("bill-storage-usd", b.storageUsd()),
                Map.entry("bill-egress-gb", b.egressGb()),
                Map.entry("bill-egress-usd", b.egressUsd()),
                Map.entry("bill-total-usd", b.total()));
    }

    public static Map<String, Object> charts() {
        double urls = totalUrls();
        List<List<Double>> curve = new ArrayList<>();
        for (double exp = -6; exp <= 0.0001; exp += 0.1) {
            double fraction = Math.pow(10, exp);
            curve.add(List.of(Double.parseDouble(String.format("%.3g", fraction * 100)),
                    Math.round(hitRate(fraction, urls) * 10_000) / 100.0));
        }
        return Map.of("hit-rate", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 70, "right", 30, "top", 20, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", String.format("share of the %.0fB links held in cache, %% (log scale)", urls / 1e9),
                        "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "value", "name", "cache hit rate, %", "min", 0, "max", 100),
                "series", List.of(Map.of("type", "line", "name", "hit rate under Zipf(1)", "showSymbol", false,
                        "data", curve))));
    }
}
