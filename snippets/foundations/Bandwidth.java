package foundations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Link rates are quoted in bits per second; capacity plans need bytes per second and per day.
 * Every derived column is computed here from the rate, so the table cannot disagree with itself.
 */
public class Bandwidth {

    record Link(String name, double bitsPerSecond, String note) {
    }

    static final double GBPS = 1e9, TBPS = 1e12;
    static final int SECONDS_PER_DAY = 24 * 60 * 60;

    static final List<Link> LINKS = List.of(
            new Link("Home fibre", 1 * GBPS, "a typical consumer plan"),
            new Link("Datacenter NIC", 25 * GBPS, "common server NIC; 100 Gbps is also common"),
            new Link("Server with bonded NICs", 100 * GBPS, "e.g. 4 × 25 Gbps"),
            new Link("Top-of-rack switch", 3.2 * TBPS, "aggregate switching capacity, e.g. 32 × 100 Gbps ports"),
            new Link("Cross-region link", 100 * GBPS, "one wave; providers run many in parallel"));

    /** Share of line rate a real bulk transfer reaches after protocol overhead and contention (rule of thumb). */
    static final double REAL_EFFICIENCY_LOW = 0.6, REAL_EFFICIENCY_HIGH = 0.8;

    static double bytesPerSecond(Link link) {
        return link.bitsPerSecond() / 8;
    }

    static double bytesPerDay(Link link) {
        return bytesPerSecond(link) * SECONDS_PER_DAY;
    }

    // tag::transfer[]
    /** Time to move a data set over a link running flat out (real transfers reach 60–80 % of this). */
    static double secondsToMove(double bytes, Link link) {
        return bytes / bytesPerSecond(link);
    }

    public static void main(String[] args) {
        double tenTerabytes = 10e12;
        System.out.println("Moving 10 TB at full line rate:");
        for (Link link : LINKS) {
            System.out.printf("  %-26s %s%n", link.name(), duration(secondsToMove(tenTerabytes, link)));
        }
    }
    // end::transfer[]

    static String duration(double seconds) {
        if (seconds >= 86_400) {
            return String.format("%.1f days", seconds / 86_400);
        }
        if (seconds >= 3_600) {
            return String.format("%.1f hours", seconds / 3_600);
        }
        if (seconds >= 60) {
            return String.format("%.1f minutes", seconds / 60);
        }
        return String.format("%.1f seconds", seconds);
    }

    /** Decimal units (1 KB = 1,000 B), three significant digits: 125 MB, 3.13 GB, 34.6 PB. */
    static String bytes(double b) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (b >= 1_000 && u < units.length - 1) {
            b /= 1_000;
            u++;
        }
        String n = b >= 100 ? String.format("%.0f", b) : b >= 10 ? String.format("%.1f", b) : String.format("%.2f", b);
        return n.replaceAll("\\.0+$", "").replaceAll("(\\.\\d*?)0+$", "$1") + " " + units[u];
    }

    static String rate(double bits) {
        return bits >= TBPS ? trim(bits / TBPS) + " Tbps" : trim(bits / GBPS) + " Gbps";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format("%.0f", v) : String.valueOf(v);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Link", "Rate", "Bytes per second", "Bytes per day", "Note"));
        for (Link link : LINKS) {
            rows.add(List.of(link.name(), rate(link.bitsPerSecond()), bytes(bytesPerSecond(link)) + "/s",
                    bytes(bytesPerDay(link)), link.note()));
        }
        return Map.of("bandwidth", Map.of("rows", rows, "derived", List.of("Bytes per second", "Bytes per day")));
    }

    public static Map<String, Object> facts() {
        double nicMinutes = secondsToMove(10e12, LINKS.get(1)) / 60;
        return Map.of(
                "home-fibre-bytes-per-day", bytesPerDay(LINKS.get(0)),
                "nic-10tb-minutes", nicMinutes,
                "nic-10tb-minutes-at-high-efficiency", nicMinutes / REAL_EFFICIENCY_HIGH,
                "nic-10tb-minutes-at-low-efficiency", nicMinutes / REAL_EFFICIENCY_LOW,
                "real-efficiency-low", REAL_EFFICIENCY_LOW,
                "real-efficiency-high", REAL_EFFICIENCY_HIGH,
                "home-10tb-hours", secondsToMove(10e12, LINKS.get(0)) / 3_600,
                "bonded-10tb-minutes", secondsToMove(10e12, LINKS.get(2)) / 60,
                "switch-10tb-seconds", secondsToMove(10e12, LINKS.get(3)));
    }

    public static Map<String, Object> charts() {
        List<String> names = new ArrayList<>();
        List<Double> hours = new ArrayList<>();
        for (Link link : LINKS) {
            names.add(link.name());
            hours.add(Math.round(secondsToMove(10e12, link) / 3_600 * 1000) / 1000.0);
        }
        return Map.of("move-10tb", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "grid", Map.of("left", 190, "right", 30, "top", 10, "bottom", 40),
                "xAxis", Map.of("type", "log", "name", "hours to move 10 TB (log scale)", "nameLocation", "middle", "nameGap", 26),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", List.of(Map.of("type", "bar", "name", "hours", "data", hours))));
    }
}
