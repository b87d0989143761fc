package drive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back-of-envelope for a cloud drive: bytes on disk after dedup, what they cost a month, the
 * metadata, the chunk index, and the notification fan-out.
 */
public class DriveEnvelope {

    // Assumptions, stated once.
    static final double USERS = 1e9;
    static final double GB_PER_USER = 10;
    static final double DEDUP_LOW = 1.5, DEDUP_HIGH = 3;      // logical bytes over stored bytes
    static final double STANDARD_PER_GB_MONTH = 0.023;       // S3 Standard list price, first 50 TB tier
    static final double STANDARD_BULK_PER_GB_MONTH = 0.021;  // the same, beyond 500 TB a month
    static final double FLEXIBLE_PER_GB_MONTH = 0.0036;      // S3 Glacier Flexible Retrieval
    static final double DEEP_ARCHIVE_PER_GB_MONTH = 0.00099; // S3 Glacier Deep Archive
    static final double COLD_SHARE = 0.7;                    // bytes untouched for a year (assumed)
    static final double FILES_PER_USER = 1_000;
    static final double METADATA_BYTES_PER_FILE = 200;
    static final double CHUNK_BYTES = 4 * 1024 * 1024;       // 4 MiB blocks
    static final double HASH_BYTES = 32;                     // SHA-256
    static final double INDEX_ENTRY_BYTES = 64;              // hash, location, reference count
    static final double PEAK_FILE_OPS = 100_000;             // per second
    static final double DEVICES_TO_NOTIFY = 20;              // the quoted upper bound per change
    static final double[] CHUNK_SIZES = {64 * 1024, 1024 * 1024, 4 * 1024 * 1024, 16 * 1024 * 1024};

    // tag::envelope[]
    static double nominalBytes() {
        return USERS * GB_PER_USER * 1e9;
    }

    static double storedBytes(double dedup) {
        return nominalBytes() / dedup;
    }

    static double monthlyCost(double bytes, double pricePerGbMonth) {
        return bytes / 1e9 * pricePerGbMonth;
    }

    /** Hot bytes at the Standard price, cold bytes at the archive price. */
    static double tieredMonthlyCost(double bytes) {
        return monthlyCost(bytes * (1 - COLD_SHARE), STANDARD_PER_GB_MONTH)
                + monthlyCost(bytes * COLD_SHARE, DEEP_ARCHIVE_PER_GB_MONTH);
    }

    static double metadataBytes() {
        return USERS * FILES_PER_USER * METADATA_BYTES_PER_FILE;
    }

    /** Every file's manifest lists one hash per logical chunk. */
    static double manifestBytes(double chunk) {
        return nominalBytes() / chunk * HASH_BYTES;
    }

    /** One index entry per stored chunk; the low dedup ratio (most chunks) is the worst case. */
    static double chunkIndexBytes(double chunk) {
        return storedBytes(DEDUP_LOW) / chunk * INDEX_ENTRY_BYTES;
    }
    // end::envelope[]

    public static void main(String[] args) {
        System.out.printf("Nominal          %.0f EB%n", nominalBytes() / 1e18);
        System.out.printf("Stored           %.2f to %.2f EB after %.1fx to %.0fx dedup%n", storedBytes(DEDUP_HIGH) / 1e18,
                storedBytes(DEDUP_LOW) / 1e18, DEDUP_LOW, DEDUP_HIGH);
        System.out.printf("Standard storage $%.1fM to $%.1fM a month at $%.3f/GB-month%n",
                monthlyCost(storedBytes(DEDUP_HIGH), STANDARD_PER_GB_MONTH) / 1e6,
                monthlyCost(storedBytes(DEDUP_LOW), STANDARD_PER_GB_MONTH) / 1e6, STANDARD_PER_GB_MONTH);
        System.out.printf("With %.0f%% cold    $%.1fM to $%.1fM a month%n", COLD_SHARE * 100,
                tieredMonthlyCost(storedBytes(DEDUP_HIGH)) / 1e6, tieredMonthlyCost(storedBytes(DEDUP_LOW)) / 1e6);
        System.out.printf("File metadata    %.0f TB%n", metadataBytes() / 1e12);
        System.out.printf("Manifests        %.0f TB of hashes; chunk index up to %.0f TB (4 MiB chunks)%n",
                manifestBytes(CHUNK_BYTES) / 1e12, chunkIndexBytes(CHUNK_BYTES) / 1e12);
        System.out.printf("Notifications    up to %,.0f pushes/s at peak%n", PEAK_FILE_OPS * DEVICES_TO_NOTIFY);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("users", USERS);
        f.put("gb-per-user", GB_PER_USER);
        f.put("dedup-low", DEDUP_LOW);
        f.put("dedup-high", DEDUP_HIGH);
        f.put("nominal-bytes", nominalBytes());
        f.put("stored-low-bytes", storedBytes(DEDUP_HIGH));
        f.put("stored-high-bytes", storedBytes(DEDUP_LOW));
        f.put("standard-price", STANDARD_PER_GB_MONTH);
        f.put("standard-bulk-price", STANDARD_BULK_PER_GB_MONTH);
        f.put("flexible-price", FLEXIBLE_PER_GB_MONTH);
        f.put("deep-archive-price", DEEP_ARCHIVE_PER_GB_MONTH);
        f.put("cost-low", monthlyCost(storedBytes(DEDUP_HIGH), STANDARD_PER_GB_MONTH));
        f.put("cost-high", monthlyCost(storedBytes(DEDUP_LOW), STANDARD_PER_GB_MONTH));
        f.put("quoted-cost-overstatement", 100e6 / monthlyCost(storedBytes(DEDUP_HIGH), STANDARD_PER_GB_MONTH) - 1);
        f.put("bulk-cost-low", monthlyCost(storedBytes(DEDUP_HIGH), STANDARD_BULK_PER_GB_MONTH));
        f.put("bulk-cost-high", monthlyCost(storedBytes(DEDUP_LOW), STANDARD_BULK_PER_GB_MONTH));
        f.put("flexible-ratio", STANDARD_PER_GB_MONTH / FLEXIBLE_PER_GB_MONTH);
        f.put("deep-archive-ratio", STANDARD_PER_GB_MONTH / DEEP_ARCHIVE_PER_GB_MONTH);
        f.put("cold-share", COLD_SHARE);
        f.put("tiered-cost-low", tieredMonthlyCost(storedBytes(DEDUP_HIGH)));
        f.put("tiered-cost-high", tieredMonthlyCost(storedBytes(DEDUP_LOW)));
        f.put("files-per-user", FILES_PER_USER);
        f.put("metadata-bytes-per-file", METADATA_BYTES_PER_FILE);
        f.put("metadata-bytes", metadataBytes());
        f.put("average-file-bytes", GB_PER_USER * 1e9 / FILES_PER_USER);
        f.put("hash-bytes", HASH_BYTES);
        f.put("index-entry-bytes", INDEX_ENTRY_BYTES);
        f.put("logical-chunks", nominalBytes() / CHUNK_BYTES);
        f.put("manifest-bytes", manifestBytes(CHUNK_BYTES));
        f.put("chunk-index-bytes", chunkIndexBytes(CHUNK_BYTES));
        f.put("peak-file-ops", PEAK_FILE_OPS);
        f.put("devices-to-notify", DEVICES_TO_NOTIFY);
        f.put("peak-pushes", PEAK_FILE_OPS * DEVICES_TO_NOTIFY);
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Chunk size", "Chunks in 10 EB (logical)", "Manifest hashes", "Stored chunks (1.5× dedup)",
                "Chunk index"));
        for (double c : CHUNK_SIZES) {
            rows.add(List.of(c >= 1024 * 1024 ? String.format("%.0f MiB", c / 1024 / 1024) : String.format("%.0f KiB", c / 1024),
                    String.format("%.3g trillion", nominalBytes() / c / 1e12),
                    String.format("%,.0f TB", manifestBytes(c) / 1e12),
                    String.format("%.3g trillion", storedBytes(DEDUP_LOW) / c / 1e12),
                    String.format("%,.0f TB", chunkIndexBytes(c) / 1e12)));
        }
        return Map.of("chunk-metadata", Map.of("rows", rows, "derived", List.of("Chunks in 10 EB (logical)",
                "Manifest hashes", "Stored chunks (1.5× dedup)", "Chunk index")));
    }
}
