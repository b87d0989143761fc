package storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where durability nines come from: a textbook Markov estimate of the mean time to data loss for a
 * group of disks that survives m failures, with disks failing independently and a lost copy rebuilt
 * within a repair time. Real stores also fight correlated failures (a rack, a power feed, a bad
 * deploy), which this model ignores; it shows the levers, not a provider's figure.
 */
public class WhereNinesComeFrom {

    static final double DISK_AFR = 0.02;           // 2 % of disks fail a year: a rule of thumb for a large fleet
    static final double HOURS_PER_YEAR = 8_760;

    /** A placement scheme: how many disks hold one object, and how many may fail without losing it. */
    record Scheme(String name, int disks, int tolerated, double overhead) {
        static Scheme replicas(int r) {
            return new Scheme(r + " replicas", r, r - 1, r);
        }

        static Scheme erasure(int data, int parity) {
            return new Scheme("erasure code " + data + "+" + parity, data + parity, parity,
                    (double) (data + parity) / data);
        }
    }

    static final List<Scheme> SCHEMES = List.of(
            Scheme.replicas(2), Scheme.replicas(3), Scheme.erasure(6, 3), Scheme.erasure(10, 4));

    // tag::model[]
    /**
     * Mean years until a group loses data: the (m+1)-th failure must land while the previous
     * m are being repaired. MTTDL = mu^m / (n (n-1) ... (n-m) lambda^(m+1)), with lambda the
     * failures per disk-year and mu the repairs per year.
     */
    static double meanYearsToDataLoss(Scheme s, double repairHours) {
        double lambda = -Math.log(1 - DISK_AFR);
        double mu = HOURS_PER_YEAR / repairHours;
        double waysToFail = 1;
        for (int i = 0; i <= s.tolerated(); i++) {
            waysToFail *= s.disks() - i;
        }
        int m = s.tolerated();
        return Math.pow(mu, m) / (waysToFail * Math.pow(lambda, m + 1));
    }

    /** Annual durability in nines: -log10 of the yearly chance of losing the object. */
    static double nines(Scheme s, double repairHours) {
        double yearlyLoss = -Math.expm1(-1 / meanYearsToDataLoss(s, repairHours));
        return -Math.log10(yearlyLoss);
    }

    public static void main(String[] args) {
        System.out.printf("Disks fail at %.0f%% a year, independently. Nines by repair time:%n",
                100 * DISK_AFR);
        System.out.printf("%-18s %8s %8s %8s %8s%n",
                "scheme", "overhead", "1 hour", "1 day", "1 week");
        for (Scheme s : SCHEMES) {
            System.out.printf("%-18s %7.2fx %8.1f %8.1f %8.1f%n", s.name(), s.overhead(),
                    nines(s, 1), nines(s, 24), nines(s, 168));
        }
    }
    // end::model[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("disk-afr", DISK_AFR);
        f.put("three-replicas-24h", nines(SCHEMES.get(1), 24));
        f.put("three-replicas-1h", nines(SCHEMES.get(1), 1));
        f.put("two-replicas-24h", nines(SCHEMES.get(0), 24));
        f.put("ec-10-4-24h", nines(SCHEMES.get(3), 24));
        f.put("ec-10-4-overhead", SCHEMES.get(3).overhead());
        f.put("ec-6-3-24h", nines(SCHEMES.get(2), 24));
        f.put("ec-6-3-overhead", SCHEMES.get(2).overhead());
        // the ends of the chart: repair within an hour, and within a week
        f.put("two-replicas-1h", nines(SCHEMES.get(0), 1));
        f.put("two-replicas-1week", nines(SCHEMES.get(0), 168));
        f.put("three-replicas-1week", nines(SCHEMES.get(1), 168));
        f.put("ec-10-4-1week", nines(SCHEMES.get(3), 168));
        return f;
    }

    public static Map<String, Object> charts() {
        List<Object> series = new ArrayList<>();
        for (Scheme s : SCHEMES) {
            List<List<Double>> data = new ArrayList<>();
            for (double h = 1; h <= 168 * 1.0001; h *= Math.pow(168, 1 / 16.0)) {
                data.add(List.of(Math.round(h * 100) / 100.0, Math.round(nines(s, h) * 100) / 100.0));
            }
            series.add(Map.of("type", "line", "name", String.format("%s (%.2f× raw bytes)", s.name(), s.overhead()),
                    "showSymbol", false, "data", data));
        }
        series.add(Map.of("type", "line", "name", "11 nines", "showSymbol", false,
                "lineStyle", Map.of("type", "dashed"), "data", List.of(List.of(1.0, 11.0), List.of(168.0, 11.0))));
        return Map.of("nines-vs-repair", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "hours to rebuild a lost copy (log scale)", "nameLocation", "middle",
                        "nameGap", 30, "min", 1, "max", 168),
                "yAxis", Map.of("type", "value", "name", "annual durability, nines"),
                "series", series));
    }
}
