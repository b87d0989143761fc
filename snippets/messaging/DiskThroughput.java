package messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an append-only log is fast on spinning disks, and what "500 MB/s per drive" would take. Each
 * drive is described by figures from typical datasheets (rules of thumb, not measurements of a
 * particular model); sequential and random throughput are computed from them.
 */
public class DiskThroughput {

    static final double KB4 = 4_096;
    static final double MB = 1e6;

    // tag::drives[]
    /** A drive: sequential bandwidth, plus what one random 4 KB access costs. */
    record Drive(String name, double sequentialMBps, double randomIops) {

        double randomMBps() {
            return randomIops * KB4 / MB;
        }

        double sequentialOverRandom() {
            return sequentialMBps / randomMBps();
        }
    }

    /** A spinning disk pays a seek and, on average, half a turn before each random read. */
    static Drive spinningDisk(String name, double sequentialMBps, double seekMs, double rpm) {
        double halfTurnMs = 0.5 * 60_000 / rpm;
        double transferMs = KB4 / (sequentialMBps * MB) * 1_000;
        return new Drive(name, sequentialMBps, 1_000 / (seekMs + halfTurnMs + transferMs));
    }
    // end::drives[]

    /** SATA III signals 6 Gb/s and spends 10 bits on the wire for every 8-bit byte. */
    static final double SATA_CEILING_MBPS = 6e9 / 10 / MB;

    static final double HDD_SEQUENTIAL_MBPS = 200, HDD_SEEK_MS = 8.5, HDD_RPM = 7_200;

    static final List<Drive> DRIVES = List.of(
            spinningDisk("7,200 rpm hard disk", HDD_SEQUENTIAL_MBPS, HDD_SEEK_MS, HDD_RPM),
            new Drive("SATA SSD", 550, 90_000),
            new Drive("NVMe SSD (PCIe 4.0 x4)", 7_000, 1_000_000));

    static final double CLUSTER_INGEST_MBPS = 500;   // what producers write, cluster-wide
    static final int REPLICATION_FACTOR = 3;

    static final double RETENTION_DAYS = 7;          // log.retention.hours = 168, Kafka's default

    static double retainedTerabytes() {
        return CLUSTER_INGEST_MBPS * MB * RETENTION_DAYS * 86_400 * REPLICATION_FACTOR / 1e12;
    }

    static int drivesToAbsorb(Drive d, double mbps) {
        return (int) Math.ceil(mbps / d.sequentialMBps());
    }

    public static void main(String[] args) {
        System.out.printf("%-24s %12s %14s %12s%n", "drive", "sequential", "random 4 KB", "seq/random");
        for (Drive d : DRIVES) {
            System.out.printf("%-24s %8.0f MB/s %10.1f MB/s %11.1fx%n", d.name(), d.sequentialMBps(),
                    d.randomMBps(), d.sequentialOverRandom());
        }
        System.out.printf("SATA interface ceiling: %.0f MB/s%n", SATA_CEILING_MBPS);
        double written = CLUSTER_INGEST_MBPS * REPLICATION_FACTOR;
        System.out.printf("%.0f MB/s produced x RF %d = %.0f MB/s of log appends across the cluster:%n",
                CLUSTER_INGEST_MBPS, REPLICATION_FACTOR, written);
        for (Drive d : DRIVES) {
            int n = drivesToAbsorb(d, written);
            System.out.printf("  %-24s %3d drive%s at full sequential speed%n", d.name(), n, n == 1 ? "" : "s");
        }
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Drive (datasheet figures)", "Sequential", "Random 4 KB", "Sequential ÷ random",
                "Reaches 500 MB/s alone?"));
        for (Drive d : DRIVES) {
            rows.add(List.of(d.name(), String.format("%,.0f MB/s", d.sequentialMBps()),
                    String.format(d.randomMBps() < 10 ? "%.2f MB/s" : "%,.0f MB/s", d.randomMBps()),
                    String.format("%,.1f×", d.sequentialOverRandom()),
                    d.sequentialMBps() >= 500 ? "yes" : "no"));
        }
        return Map.of("drives", Map.of("rows", rows, "derived", List.of("Sequential ÷ random", "Reaches 500 MB/s alone?")));
    }

    public static Map<String, Object> facts() {
        Drive hdd = DRIVES.get(0), sata = DRIVES.get(1), nvme = DRIVES.get(2);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("hdd-sequential-mbps", hdd.sequentialMBps());
        facts.put("hdd-random-iops", hdd.randomIops());
        facts.put("hdd-seek-ms", HDD_SEEK_MS);
        facts.put("hdd-rpm", HDD_RPM);
        facts.put("hdd-ratio", hdd.sequentialOverRandom());
        facts.put("sata-ratio", sata.sequentialOverRandom());
        facts.put("nvme-ratio", nvme.sequentialOverRandom());
        facts.put("sata-ceiling-mbps", SATA_CEILING_MBPS);
        facts.put("hdd-over-500", 500 / hdd.sequentialMBps());
        facts.put("cluster-ingest-mbps", CLUSTER_INGEST_MBPS);
        facts.put("cluster-rf", REPLICATION_FACTOR);
        facts.put("cluster-appends-mbps", CLUSTER_INGEST_MBPS * REPLICATION_FACTOR);
        facts.put("retention-days", RETENTION_DAYS);
        facts.put("retained-tb", retainedTerabytes());
        facts.put("hdds-for-appends", drivesToAbsorb(hdd, CLUSTER_INGEST_MBPS * REPLICATION_FACTOR));
        return facts;
    }
}
