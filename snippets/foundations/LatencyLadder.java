package foundations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The latency ladder. One list of rungs feeds the page's table, its log-scale chart and the budget
 * check in main, so a corrected figure changes all three at once.
 */
public class LatencyLadder {

    /** One operation, what it costs in nanoseconds, and what that means in a design discussion. */
    record Rung(String operation, double nanos, String whiteboard) {
    }

    static final double NS = 1, US = 1_000, MS = 1_000_000;

    /** Wire time of 1,000 bytes on a 1 Gbps link, computed rather than typed: 8,000 bits at 1e9 bit/s. */
    static final double SEND_1KB_ON_1GBPS = 1_000 * 8 / 1e9 * 1e9;

    static final List<Rung> RUNGS = List.of(
            new Rung("L1 cache reference", 0.5 * NS, "Free. Every instruction does several."),
            new Rung("Branch mispredict", 5 * NS, "Matters in tight loops, never at the whiteboard."),
            new Rung("L2 cache reference", 7 * NS, "Still free at system-design scale."),
            new Rung("Mutex lock/unlock", 25 * NS, "Fine once per request; costly inside a hot loop."),
            new Rung("Main memory reference", 100 * NS, "The unit cost of an in-memory data structure."),
            new Rung("Compress 1 KB with Snappy", 3 * US, "Cheaper than sending the bytes uncompressed."),
            new Rung("Send 1 KB over a 1 Gbps link", SEND_1KB_ON_1GBPS, "Wire time only; the hop's round trip costs far more."),
            new Rung("Read 4 KB at random from SSD", 150 * US, "A cache miss that reaches an SSD."),
            new Rung("Read 1 MB sequentially from memory", 250 * US, "Streaming memory beats random access."),
            new Rung("Round trip within a datacenter", 500 * US, "The interview unit: 0.5 ms per internal hop."),
            new Rung("Read 1 MB sequentially from SSD", 1 * MS, "Scanning 1 GB from SSD takes about a second."),
            new Rung("Disk seek (HDD)", 10 * MS, "Why spinning disks are kept away from random I/O."),
            new Rung("Read 1 MB sequentially from HDD", 20 * MS, "Sequential HDD reads are fine; seeks are not."),
            new Rung("Round trip California ↔ Netherlands", 150 * MS, "One transatlantic call spends most of a 200 ms budget."));

    // tag::budget[]
    /** How many times each operation fits, one after another, into a latency budget. */
    static void fitInBudget(double budgetNanos) {
        System.out.printf("In a %s budget, done one after another:%n", human(budgetNanos));
        for (Rung r : RUNGS) {
            long times = (long) Math.floor(budgetNanos / r.nanos());
            System.out.printf("  %-38s %,15d x%n", r.operation(), times);
        }
    }

    public static void main(String[] args) {
        fitInBudget(200 * MS);
        double gigabyteFromSsd = 1_000 * nanosOf("Read 1 MB sequentially from SSD");
        System.out.printf("Scanning 1 GB from SSD at this rate: %s%n", human(gigabyteFromSsd));
    }
    // end::budget[]

    static double nanosOf(String operation) {
        return RUNGS.stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow().nanos();
    }

    /** A duration in the largest unit that keeps the number at or above 1: 0.5 ns, 8 μs, 150 ms. */
    static String human(double nanos) {
        String[] units = {"ns", "μs", "ms", "s"};
        int u = 0;
        while (u < units.length - 1 && nanos >= 1_000) {
            nanos /= 1_000;
            u++;
        }
        String number = nanos == Math.rint(nanos) ? String.format("%.0f", nanos) : String.format("%.1f", nanos);
        return number + " " + units[u];
    }

    public static Map<String, Object> tables() {
        double l1 = RUNGS.get(0).nanos();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Operation", "Time", "Relative to L1", "At the whiteboard"));
        for (Rung r : RUNGS) {
            rows.add(List.of(r.operation(), human(r.nanos()), String.format("%,.0f×", r.nanos() / l1), r.whiteboard()));
        }
        return Map.of("latency", Map.of("rows", rows, "derived", List.of("Relative to L1")));
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "send-1kb-ns", SEND_1KB_ON_1GBPS,
                "ssd-gb-scan-ms", 1_000 * nanosOf("Read 1 MB sequentially from SSD") / MS,
                "transatlantic-ms", nanosOf("Round trip California ↔ Netherlands") / MS,
                "dc-round-trips-in-200ms", Math.floor(200 * MS / nanosOf("Round trip within a datacenter")),
                "hdd-seek-in-dc-round-trips", nanosOf("Disk seek (HDD)") / nanosOf("Round trip within a datacenter"),
                "hdd-to-l1", nanosOf("Read 1 MB sequentially from HDD") / RUNGS.get(0).nanos());
    }

    public static Map<String, Object> charts() {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Rung r : RUNGS) {
            names.add(r.operation());
            values.add(r.nanos());
        }
        return Map.of("latency-log", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 230, "right", 30, "top", 10, "bottom", 40),
                "xAxis", Map.of("type", "log", "name", "nanoseconds (log scale)", "nameLocation", "middle",
                        "nameGap", 26, "min", 0.1),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", List.of(Map.of("type", "bar", "name", "latency (ns)", "data", values))));
    }
}
