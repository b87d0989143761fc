package storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A log-retention lifecycle policy priced at steady state: logs arrive every day, spend 30 days in
 * S3 Standard, move to Standard-IA until day 120, then to an archive tier for 7 years, then are deleted.
 * Prices are us-east-1 list prices (2024-2025), first volume band: rules of thumb, not quotes.
 */
public class LifecyclePolicy {

    // Stated assumptions.
    static final double RETAINED_GB = 1_000_000;         // 1 PB (decimal) stored at any time
    static final int STANDARD_DAYS = 30, IA_UNTIL_DAY = 120, ARCHIVE_YEARS = 7;
    static final double LOG_OBJECT_BYTES = 64e6;          // logs shipped as 64 MB compressed batches
    static final double SMALL_OBJECT_BYTES = 128e3;       // the same logs as one 128 KB object per event batch

    // $/GB-month, and $ per 1,000 lifecycle transition requests into the class.
    static final double STANDARD = 0.023, IA = 0.0125, INSTANT = 0.004, DEEP = 0.00099;
    static final double TO_IA = 0.01, TO_INSTANT = 0.02, TO_DEEP = 0.05;
    // Deep Archive bills each object for 8 KB of index at the Standard price and 32 KB at the archive price.
    static final double ARCHIVE_OVERHEAD_STANDARD_GB = 8e3 / 1e9, ARCHIVE_OVERHEAD_ARCHIVE_GB = 32e3 / 1e9;

    record Archive(String name, double dollarsPerGbMonth, double transitionPer1000, boolean perObjectOverhead) {
    }

    static final Archive GLACIER_INSTANT = new Archive("Instant Retrieval", INSTANT, TO_INSTANT, false);
    static final Archive DEEP_ARCHIVE = new Archive("Deep Archive", DEEP, TO_DEEP, true);

    record YearlyCost(double standard, double ia, double archive, double transitions) {
        double total() {
            return standard + ia + archive + transitions;
        }
    }

    // tag::policy[]
    static int retentionDays() {
        return IA_UNTIL_DAY + ARCHIVE_YEARS * 365;
    }

    /** At steady state each tier holds the days' worth of logs that sit in it. */
    static double gbPerDay() {
        return RETAINED_GB / retentionDays();
    }

    static YearlyCost withPolicy(Archive archive, double objectBytes) {
        double standardGb = gbPerDay() * STANDARD_DAYS;
        double iaGb = gbPerDay() * (IA_UNTIL_DAY - STANDARD_DAYS);
        double archiveGb = gbPerDay() * ARCHIVE_YEARS * 365;
        double objectsPerYear = gbPerDay() * 1e9 / objectBytes * 365;
        double archivedObjects = archiveGb * 1e9 / objectBytes;
        if (archive.perObjectOverhead()) {
            standardGb += archivedObjects * ARCHIVE_OVERHEAD_STANDARD_GB;
            archiveGb += archivedObjects * ARCHIVE_OVERHEAD_ARCHIVE_GB;
        }
        double transitions = objectsPerYear / 1_000 * (TO_IA + archive.transitionPer1000());
        return new YearlyCost(12 * standardGb * STANDARD, 12 * iaGb * IA,
                12 * archiveGb * archive.dollarsPerGbMonth(), transitions);
    }

    static double allHotPerYear() {
        return 12 * RETAINED_GB * STANDARD;
    }

    public static void main(String[] args) {
        System.out.printf("1 PB retained: %,.0f GB of logs a day, kept %,d days%n",
                gbPerDay(), retentionDays());
        System.out.printf("%-37s %9s %9s %12s%n", "a year", "bill", "saving", "transitions");
        System.out.printf("%-37s %9s%n", "All in S3 Standard", usd(allHotPerYear()));
        for (Archive a : List.of(GLACIER_INSTANT, DEEP_ARCHIVE)) {
            for (double size : new double[] {LOG_OBJECT_BYTES, SMALL_OBJECT_BYTES}) {
                YearlyCost c = withPolicy(a, size);
                String policy = String.format("-> %s, %s objects", a.name(), sizeName(size));
                System.out.printf("%-37s %9s %9s %12s%n", policy, usd(c.total()),
                        usd(allHotPerYear() - c.total()), usd(c.transitions()));
            }
        }
    }
    // end::policy[]

    static String usd(double dollars) {
        return String.format("$%,.0f", dollars);
    }

    static String sizeName(double bytes) {
        return bytes >= 1e6 ? String.format("%.0f MB", bytes / 1e6) : String.format("%.0f KB", bytes / 1e3);
    }

    /** The all-hot bill with S3 Standard's volume bands: 50 TB at $0.023, 450 TB at $0.022, the rest at $0.021. */
    static double allHotBandedPerYear() {
        double first = Math.min(RETAINED_GB, 50_000), next = Math.min(RETAINED_GB - first, 450_000);
        double rest = RETAINED_GB - first - next;
        return 12 * (first * 0.023 + next * 0.022 + rest * 0.021);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        YearlyCost instant = withPolicy(GLACIER_INSTANT, LOG_OBJECT_BYTES);
        YearlyCost deep = withPolicy(DEEP_ARCHIVE, LOG_OBJECT_BYTES);
        YearlyCost deepSmall = withPolicy(DEEP_ARCHIVE, SMALL_OBJECT_BYTES);
        f.put("retained-gb", RETAINED_GB);
        f.put("retained-pb", RETAINED_GB / 1e6);
        f.put("retention-days", retentionDays());
        f.put("gb-per-day", gbPerDay());
        f.put("standard-price", STANDARD);
        f.put("ia-price", IA);
        f.put("instant-price", INSTANT);
        f.put("deep-price", DEEP);
        f.put("to-ia-per-1000", TO_IA);
        f.put("to-instant-per-1000", TO_INSTANT);
        f.put("to-deep-per-1000", TO_DEEP);
        f.put("standard-days", STANDARD_DAYS);
        f.put("ia-until-day", IA_UNTIL_DAY);
        f.put("archive-years", ARCHIVE_YEARS);
        f.put("all-hot-per-year", allHotPerYear());
        f.put("all-hot-banded-per-year", allHotBandedPerYear());
        f.put("instant-per-year", instant.total());
        f.put("deep-per-year", deep.total());
        f.put("instant-saving", allHotPerYear() - instant.total());
        f.put("deep-saving", allHotPerYear() - deep.total());
        f.put("deep-saving-fraction", 1 - deep.total() / allHotPerYear());
        f.put("deep-transitions", deep.transitions());
        f.put("deep-small-transitions", deepSmall.transitions());
        f.put("deep-small-per-year", deepSmall.total());
        f.put("deep-small-saving", allHotPerYear() - deepSmall.total());
        // what small objects add at the Standard price: the per-object index Deep Archive bills there
        f.put("deep-small-standard-index", deepSmall.standard() - deep.standard());
        f.put("object-mb", LOG_OBJECT_BYTES / 1e6);
        f.put("small-object-kb", SMALL_OBJECT_BYTES / 1e3);
        f.put("archive-share", (double) ARCHIVE_YEARS * 365 / retentionDays());
        return f;
    }

    public static Map<String, Object> charts() {
        List<String> policies = List.of("All in S3 Standard", "→ IA → Glacier Instant Retrieval",
                "→ IA → Deep Archive (64 MB objects)", "→ IA → Deep Archive (128 KB objects)");
        List<YearlyCost> costs = List.of(new YearlyCost(allHotPerYear(), 0, 0, 0),
                withPolicy(GLACIER_INSTANT, LOG_OBJECT_BYTES), withPolicy(DEEP_ARCHIVE, LOG_OBJECT_BYTES),
                withPolicy(DEEP_ARCHIVE, SMALL_OBJECT_BYTES));
        List<Object> series = new ArrayList<>();
        String[] parts = {"S3 Standard", "Standard-IA", "archive tier", "transition requests"};
        for (int p = 0; p < parts.length; p++) {
            List<Double> data = new ArrayList<>();
            for (YearlyCost c : costs) {
                double v = switch (p) {
                    case 0 -> c.standard();
                    case 1 -> c.ia();
                    case 2 -> c.archive();
                    default -> c.transitions();
                };
                data.add((double) Math.round(v / 1_000 * 10) / 10); // thousands of dollars, one decimal
            }
            series.add(Map.of("type", "bar", "stack", "cost", "name", parts[p], "data", data));
        }
        return Map.of("lifecycle-cost", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 250, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "thousands of dollars a year for 1 PB retained",
                        "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "category", "data", policies, "inverse", true),
                "series", series));
    }
}
