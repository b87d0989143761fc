package storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Storage tiers from memory to tape-like archive. One list of tiers feeds the page's table, its
 * cost-against-latency chart and the "move it down a tier" check in main.
 *
 * Prices are on-demand list prices of one AWS region (us-east-1) as published in 2024-2025, first
 * volume band, in US dollars per decimal GB-month. They are rules of thumb: they differ by region, fall
 * with volume and change over time.
 */
public class StorageTiers {

    /**
     * One tier. firstByteMs is a typical time to the first byte of a read (a rule of thumb), fee is
     * the retrieval charge per GB read, minDays the minimum billed storage duration.
     */
    record Tier(String name, String example, double dollarsPerGbMonth, double firstByteMs, String firstByte,
                double retrievalPerGb, int minDays, String useCase) {
    }

    // Memory is sold by the node-hour, so its price per GB-month is computed, not typed.
    static final double CACHE_NODE_DOLLARS_PER_HOUR = 0.219;   // cache.r7g.large, on demand
    static final double CACHE_NODE_GIB = 13.07;                 // its memory
    static final double HOURS_PER_MONTH = 730;
    static final double GB_PER_GIB = 1.073741824;

    static double memoryDollarsPerGbMonth() {
        return CACHE_NODE_DOLLARS_PER_HOUR * HOURS_PER_MONTH / (CACHE_NODE_GIB * GB_PER_GIB);
    }

    static final double SECOND = 1_000, MINUTE = 60 * SECOND, HOUR = 60 * MINUTE;

    static final List<Tier> TIERS = List.of(
            new Tier("Hot memory", "ElastiCache (Redis OSS) node", memoryDollarsPerGbMonth(), 0.5, "under 1 ms",
                    0, 0, "sessions, top-N lists, hot keys"),
            new Tier("Hot block", "EBS gp3 volume", 0.08, 1, "about 1 ms",
                    0, 0, "database volumes"),
            new Tier("Hot object", "S3 Standard", 0.023, 30, "tens of ms",
                    0, 0, "images, web assets, fresh logs"),
            new Tier("Warm", "S3 Standard-IA", 0.0125, 30, "tens of ms",
                    0.01, 30, "backups, logs older than a month"),
            new Tier("Cold", "S3 Glacier Instant Retrieval", 0.004, 30, "tens of ms",
                    0.03, 90, "compliance data read a few times a year"),
            new Tier("Colder", "S3 Glacier Flexible Retrieval", 0.0036, 4 * HOUR, "minutes to hours (3-5 h standard)",
                    0.01, 90, "archives restored in bulk"),
            new Tier("Frozen", "S3 Glacier Deep Archive", 0.00099, 12 * HOUR, "within 12 hours",
                    0.02, 180, "regulatory retention, tape replacement"));

    static Tier tier(String example) {
        return TIERS.stream().filter(t -> t.example().equals(example)).findFirst().orElseThrow();
    }

    // tag::steps[]
    /** How much cheaper each tier is than the one above it, and than S3 Standard. */
    public static void main(String[] args) {
        Tier standard = tier("S3 Standard");
        System.out.printf("%-30s %11s %12s%n", "tier", "vs above", "vs Standard");
        for (int i = 1; i < TIERS.size(); i++) {
            Tier t = TIERS.get(i);
            double perGb = t.dollarsPerGbMonth();
            System.out.printf("%-30s %10.2fx %11.2fx%n", t.example(),
                    TIERS.get(i - 1).dollarsPerGbMonth() / perGb,
                    standard.dollarsPerGbMonth() / perGb);
        }
        double deep = tier("S3 Glacier Deep Archive").dollarsPerGbMonth();
        System.out.printf("Deep Archive: $%.2f per TB-month, $%.2f per TiB-month%n",
                deep * 1_000, deep * 1_024 * GB_PER_GIB);
        System.out.println("Cheaper than Standard while the data read back each month is below:");
        for (Tier t : TIERS) {
            if (t.retrievalPerGb() > 0 && t.firstByteMs() < SECOND) {
                System.out.printf("  %-28s %3.0f%% of what is stored%n",
                        t.example(), 100 * breakEvenReadFraction(t));
            }
        }
    }

    /** Share of the data read per month at which the retrieval fees eat the storage saving. */
    static double breakEvenReadFraction(Tier t) {
        double saving = tier("S3 Standard").dollarsPerGbMonth() - t.dollarsPerGbMonth();
        return saving / t.retrievalPerGb();
    }
    // end::steps[]

    static String price(double dollars) {
        if (dollars >= 1) {
            return String.format("$%,.2f", dollars);
        }
        String s = String.format("%.5f", dollars).replaceAll("0+$", "");
        return "$" + s;
    }

    static String ratio(double r) {
        return String.format("%.2f×", r);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Tier", "Example (AWS)", "$/GB-month", "$/TB-month", "Cheaper than the tier above",
                "First byte", "Retrieval fee per GB", "Minimum billed days", "Use case"));
        for (int i = 0; i < TIERS.size(); i++) {
            Tier t = TIERS.get(i);
            String step = i == 0 ? "–" : ratio(TIERS.get(i - 1).dollarsPerGbMonth() / t.dollarsPerGbMonth());
            rows.add(List.of(t.name(), t.example(), price(t.dollarsPerGbMonth()), price(t.dollarsPerGbMonth() * 1_000),
                    step, t.firstByte(), t.retrievalPerGb() == 0 ? "none" : price(t.retrievalPerGb()),
                    t.minDays() == 0 ? "none" : String.valueOf(t.minDays()), t.useCase()));
        }
        return Map.of("tiers", Map.of("rows", rows, "derived", List.of("$/TB-month", "Cheaper than the tier above")));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        Tier standard = tier("S3 Standard"), ia = tier("S3 Standard-IA"), gir = tier("S3 Glacier Instant Retrieval");
        Tier deep = tier("S3 Glacier Deep Archive"), gp3 = tier("EBS gp3 volume");
        f.put("cache-node-dollars-per-hour", CACHE_NODE_DOLLARS_PER_HOUR);
        f.put("cache-node-gib", CACHE_NODE_GIB);
        f.put("memory-per-gb-month", memoryDollarsPerGbMonth());
        f.put("memory-vs-common-figure", memoryDollarsPerGbMonth() / 0.50);
        // the spread the cost-against-latency chart shows, in orders of magnitude
        Tier first = TIERS.get(0), last = TIERS.get(TIERS.size() - 1);
        f.put("price-span-orders", Math.log10(first.dollarsPerGbMonth() / last.dollarsPerGbMonth()));
        f.put("first-byte-span-orders", Math.log10(last.firstByteMs() / first.firstByteMs()));
        f.put("deep-per-gb-month", deep.dollarsPerGbMonth());
        f.put("deep-per-tb-month", deep.dollarsPerGbMonth() * 1_000);
        f.put("deep-per-tib-month", deep.dollarsPerGbMonth() * 1_024 * GB_PER_GIB);
        f.put("standard-to-ia", standard.dollarsPerGbMonth() / ia.dollarsPerGbMonth());
        f.put("gp3-to-standard", gp3.dollarsPerGbMonth() / standard.dollarsPerGbMonth());
        f.put("standard-to-gir", standard.dollarsPerGbMonth() / gir.dollarsPerGbMonth());
        f.put("standard-to-deep", standard.dollarsPerGbMonth() / deep.dollarsPerGbMonth());
        f.put("memory-to-gp3", memoryDollarsPerGbMonth() / gp3.dollarsPerGbMonth());
        f.put("ia-break-even-read", breakEvenReadFraction(ia));
        f.put("gir-break-even-read", breakEvenReadFraction(gir));
        double smallestStep = Double.MAX_VALUE, largestObjectStep = 0;
        for (int i = 2; i < TIERS.size(); i++) { // steps within object storage
            double r = TIERS.get(i - 1).dollarsPerGbMonth() / TIERS.get(i).dollarsPerGbMonth();
            smallestStep = Math.min(smallestStep, r);
            largestObjectStep = Math.max(largestObjectStep, r);
        }
        f.put("smallest-object-step", smallestStep);
        f.put("largest-object-step", largestObjectStep);
        return f;
    }

    public static Map<String, Object> charts() {
        List<Object> points = new ArrayList<>();
        for (Tier t : TIERS) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", t.example());
            p.put("value", List.of(t.firstByteMs() / SECOND, round(t.dollarsPerGbMonth())));
            points.add(p);
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "scatter");
        series.put("name", "storage tier");
        series.put("symbolSize", 14);
        series.put("data", points);
        series.put("label", Map.of("show", true, "formatter", "{b}", "position", "right", "fontSize", 11));
        return Map.of("cost-vs-latency", Map.of(
                "tooltip", Map.of("trigger", "item"),
                "grid", Map.of("left", 80, "right", 190, "top", 30, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "time to first byte, seconds (log scale)",
                        "nameLocation", "middle", "nameGap", 30, "min", 1e-4, "max", 1e5),
                "yAxis", Map.of("type", "log", "name", "$ per GB-month (log scale)", "min", 1e-4, "max", 100),
                "series", List.of(series)));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
