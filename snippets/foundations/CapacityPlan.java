package foundations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The capacity worked example for a Twitter-like home feed: daily users to peak QPS to servers, with
 * headroom to lose an availability zone and a region. Every number the page quotes comes from here.
 */
public class CapacityPlan {

    // Assumptions, stated once.
    static final long DAILY_ACTIVE_USERS = 300_000_000;
    static final int FEED_OPENS_PER_USER_PER_DAY = 20;
    public static final double PEAK_TO_AVERAGE = 3.0;        // diurnal peak; 2–5× is typical
    static final double QPS_PER_SERVER = 10_000;      // cache-backed read path; see "Per-server rules of thumb"
    static final int ZONES_PER_REGION = 3;            // survive the loss of one zone
    static final int REGIONS = 5;                     // survive the loss of one region
    public static final int SECONDS_PER_DAY = 86_400;

    // tag::plan[]
    record Plan(double averageQps, double peakQps, double serversExact, int serversAtPeak,
                int withZoneLoss, double regionalPeakQps, int perRegion, int total) {
    }

    static Plan plan(long users, int actionsPerUser, double peakFactor, double qpsPerServer, int zones, int regions) {
        double average = (double) users * actionsPerUser / SECONDS_PER_DAY;
        double peak = average * peakFactor;
        double exact = peak / qpsPerServer;
        int withZoneLoss = survivingOneZoneLoss(exact, zones);
        // Regions split the traffic; when one fails, the others absorb its share.
        double regionalPeak = peak / (regions - 1);
        int perRegion = survivingOneZoneLoss(regionalPeak / qpsPerServer, zones);
        return new Plan(average, peak, exact, (int) Math.ceil(exact), withZoneLoss, regionalPeak, perRegion,
                perRegion * regions);
    }

    /** Smallest fleet, spread evenly over the zones, that still carries the load after losing the biggest zone. */
    static int survivingOneZoneLoss(double serversNeeded, int zones) {
        int n = (int) Math.ceil(serversNeeded);
        while (n - ceilDiv(n, zones) < serversNeeded) {
            n++;
        }
        return n;
    }
    // end::plan[]

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static Plan defaults() {
        return plan(DAILY_ACTIVE_USERS, FEED_OPENS_PER_USER_PER_DAY, PEAK_TO_AVERAGE, QPS_PER_SERVER,
                ZONES_PER_REGION, REGIONS);
    }

    public static void main(String[] args) {
        Plan p = defaults();
        System.out.printf("Average QPS     %,13.0f  = %,d users x %d opens / %,d s%n", p.averageQps(),
                DAILY_ACTIVE_USERS, FEED_OPENS_PER_USER_PER_DAY, SECONDS_PER_DAY);
        System.out.printf("Peak QPS        %,13.0f  = average x %.0f%n", p.peakQps(), PEAK_TO_AVERAGE);
        System.out.printf("Servers at peak %,13.2f  -> %d (at %,.0f QPS each)%n", p.serversExact(), p.serversAtPeak(),
                QPS_PER_SERVER);
        System.out.printf("One zone down   %13d  servers over %d zones%n", p.withZoneLoss(), ZONES_PER_REGION);
        System.out.printf("Per region      %,13.0f  QPS when %d of %d regions carry the peak -> %d servers%n",
                p.regionalPeakQps(), REGIONS - 1, REGIONS, p.perRegion());
        System.out.printf("Fleet           %13d  servers in %d regions%n", p.total(), REGIONS);
        int shortcut = (int) (p.serversExact() * 1.5);
        System.out.printf("Shortcut check: int(%.2f x 1.5) = %d servers keep only %,.0f QPS after a zone loss%n",
                p.serversExact(), shortcut, (shortcut - ceilDiv(shortcut, ZONES_PER_REGION)) * QPS_PER_SERVER);
    }

    public static Map<String, Object> facts() {
        Plan p = defaults();
        int shortcut = (int) (p.serversExact() * 1.5);
        return Map.ofEntries(
                Map.entry("dau", DAILY_ACTIVE_USERS),
                Map.entry("opens-per-user", FEED_OPENS_PER_USER_PER_DAY),
                Map.entry("peak-factor", PEAK_TO_AVERAGE),
                Map.entry("qps-per-server", QPS_PER_SERVER),
                Map.entry("zones", ZONES_PER_REGION),
                Map.entry("regions", REGIONS),
                Map.entry("average-qps", p.averageQps()),
                Map.entry("average-qps-with-1e5", (double) DAILY_ACTIVE_USERS * FEED_OPENS_PER_USER_PER_DAY / 1e5),
                Map.entry("shortcut-1e5-understatement", 1 - 86_400 / 1e5),
                Map.entry("peak-qps", p.peakQps()),
                Map.entry("servers-exact", p.serversExact()),
                Map.entry("servers-at-peak", p.serversAtPeak()),
                Map.entry("servers-zone-loss", p.withZoneLoss()),
                Map.entry("shortcut-servers", shortcut),
                Map.entry("shortcut-qps-after-zone-loss", (shortcut - ceilDiv(shortcut, ZONES_PER_REGION)) * QPS_PER_SERVER),
                Map.entry("regional-peak-qps", p.regionalPeakQps()),
                Map.entry("servers-per-region", p.perRegion()),
                Map.entry("fleet", p.total()),
                Map.entry("fleet-if-each-region-takes-all", p.withZoneLoss() * REGIONS),
                Map.entry("redis-primaries-for-peak", (int) Math.ceil(p.peakQps() / 100_000)));
    }

    public static Map<String, Object> charts() {
        List<Double> users = new ArrayList<>();
        List<List<Double>> cacheBacked = new ArrayList<>();
        List<List<Double>> databaseBound = new ArrayList<>();
        for (double dau = 1e6; dau <= 1e9 * 1.0001; dau *= Math.pow(10, 0.25)) {
            users.add(dau);
            cacheBacked.add(List.of(round(dau), (double) plan((long) dau, 20, 3, 10_000, 3, 5).total()));
            databaseBound.add(List.of(round(dau), (double) plan((long) dau, 20, 3, 1_000, 3, 5).total()));
        }
        return Map.of("fleet-vs-dau", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "daily active users (log scale)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "log", "name", "servers (log scale)"),
                "series", List.of(
                        Map.of("type", "line", "name", "cache-backed reads, 10,000 QPS per server", "data", cacheBacked),
                        Map.of("type", "line", "name", "database-bound reads, 1,000 QPS per server", "data", databaseBound))));
    }

    private static double round(double v) {
        return Math.round(v);
    }
}
