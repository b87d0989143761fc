package drive;

// run: timeout=20s jit=c2

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Fixed-size chunks against content-defined chunks (FastCDC-style, with a gear rolling hash) on a file
 * that is edited and synced again. The measure is what the user waits for: bytes re-uploaded, that
 * is, bytes of chunks whose SHA-256 the server has never seen.
 *
 * Sizes are scaled down a thousandfold so the program runs in a blink: a 4 MiB file and 8 KiB chunks
 * stand for a 4 GiB file and 8 MiB chunks. Every result here is a ratio of chunk size to file size,
 * so it scales with them.
 */
public class Chunking {

    // Assumptions, stated once.
    static final int FILE_BYTES = 4 << 20;          // 4 MiB
    static final int FIXED_CHUNK = 8 << 10;         // 8 KiB fixed blocks
    static final int MIN_CHUNK = 2 << 10;           // content-defined: never cut before 2 KiB...
    static final int NORMAL_CHUNK = 8 << 10;        // ...aim for about 8 KiB...
    static final int MAX_CHUNK = 64 << 10;          // ...and always cut by 64 KiB
    static final int EDIT_BYTES = 100;

    // tag::fastcdc[]
    /** 256 random 64-bit values: the gear hash adds one per byte, after a shift. */
    static final long[] GEAR = new Random(2016).longs(256).toArray();

    /** Cut-point tests on the top bits: 15 bits before the normal size (rare), 11 after (common). */
    static final long HARD_MASK = ((1L << 15) - 1) << 49;
    static final long EASY_MASK = ((1L << 11) - 1) << 53;

    /** Length of the chunk starting at {@code from}, with FastCDC's skipping and normalisation. */
    static int nextCut(byte[] data, int from) {
        int remaining = data.length - from;
        if (remaining <= MIN_CHUNK) {
            return remaining;
        }
        int limit = Math.min(remaining, MAX_CHUNK);
        int normal = Math.min(limit, NORMAL_CHUNK);
        long hash = 0;
        int i = MIN_CHUNK;                            // the first 2 KiB are never hashed
        for (; i < normal; i++) {
            hash = (hash << 1) + GEAR[data[from + i] & 0xff];
            if ((hash & HARD_MASK) == 0) {
                return i + 1;
            }
        }
        for (; i < limit; i++) {
            hash = (hash << 1) + GEAR[data[from + i] & 0xff];
            if ((hash & EASY_MASK) == 0) {
                return i + 1;
            }
        }
        return limit;
    }

    static List<byte[]> contentDefined(byte[] data) {
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < data.length; ) {
            int length = nextCut(data, at);
            chunks.add(Arrays.copyOfRange(data, at, at + length));
            at += length;
        }
        return chunks;
    }
    // end::fastcdc[]

    static List<byte[]> fixed(byte[] data) {
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < data.length; at += FIXED_CHUNK) {
            chunks.add(Arrays.copyOfRange(data, at, Math.min(data.length, at + FIXED_CHUNK)));
        }
        return chunks;
    }

    static String sha256(byte[] chunk) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chunk));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // tag::reupload[]
    /** Bytes the client must send after an edit: chunks of the new version the server lacks. */
    static long reuploaded(List<byte[]> before, List<byte[]> after) {
        Set<String> onServer = new HashSet<>();
        for (byte[] c : before) {
            onServer.add(sha256(c));
        }
        long bytes = 0;
        for (byte[] c : after) {
            if (onServer.add(sha256(c))) {     // add() is true when the hash was new
                bytes += c.length;
            }
        }
        return bytes;
    }
    // end::reupload[]

    record Edit(String name, byte[] result) {
    }

    static List<Edit> edits(byte[] file) {
        byte[] patch = new byte[EDIT_BYTES];
        new Random(99).nextBytes(patch);
        return List.of(
                new Edit("insert 100 B near the start", splice(file, 1_000, 0, patch)),
                new Edit("insert 100 B in the middle", splice(file, file.length / 2, 0, patch)),
                new Edit("delete 100 B near the start", splice(file, 1_000, EDIT_BYTES, new byte[0])),
                new Edit("overwrite 100 B in place", splice(file, file.length / 2, EDIT_BYTES, patch)),
                new Edit("append 100 B at the end", splice(file, file.length, 0, patch)));
    }

    /** The file with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    static byte[] splice(byte[] file, int at, int removed, byte[] inserted) {
        ByteBuffer out = ByteBuffer.allocate(file.length - removed + inserted.length);
        out.put(file, 0, at).put(inserted).put(file, at + removed, file.length - at - removed);
        return out.array();
    }

    record Row(String edit, long fixedBytes, long cdcBytes) {
    }

    static final byte[] FILE = original();
    private static List<Row> rows;

    static byte[] original() {
        byte[] file = new byte[FILE_BYTES];
        new Random(1).nextBytes(file);
        return file;
    }

    static List<Row> rows() {
        if (rows == null) {
            rows = new ArrayList<>();
            List<byte[]> fixedBefore = fixed(FILE), cdcBefore = contentDefined(FILE);
            for (Edit e : edits(FILE)) {
                rows.add(new Row(e.name(), reuploaded(fixedBefore, fixed(e.result())),
                        reuploaded(cdcBefore, contentDefined(e.result()))));
            }
        }
        return rows;
    }

    static double[] chunkStats(List<byte[]> chunks) {
        double sum = 0, sq = 0, min = Double.MAX_VALUE, max = 0;
        for (byte[] c : chunks) {
            sum += c.length;
            sq += (double) c.length * c.length;
            min = Math.min(min, c.length);
            max = Math.max(max, c.length);
        }
        double mean = sum / chunks.size();
        return new double[] {chunks.size(), mean, Math.sqrt(sq / chunks.size() - mean * mean), min, max};
    }

    public static void main(String[] args) {
        double[] s = chunkStats(contentDefined(FILE));
        System.out.printf("%,d-byte file: %d fixed chunks of %,d B%n", FILE_BYTES, fixed(FILE).size(), FIXED_CHUNK);
        System.out.printf("%.0f content-defined chunks: mean %,.0f B, sd %,.0f, min %,.0f, max %,.0f%n",
                s[0], s[1], s[2], s[3], s[4]);
        System.out.println();
        System.out.printf("%-30s %16s %16s%n", "edit", "fixed re-upload", "CDC re-upload");
        for (Row r : rows()) {
            System.out.printf("%-30s %,14d B %,14d B%n", r.edit(), r.fixedBytes(), r.cdcBytes());
        }
    }

    public static Map<String, Object> facts() {
        double[] s = chunkStats(contentDefined(FILE));
        Row insert = rows().get(0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file-mib", FILE_BYTES / 1024.0 / 1024);
        f.put("fixed-chunk-kib", FIXED_CHUNK / 1024.0);
        f.put("min-chunk-kib", MIN_CHUNK / 1024.0);
        f.put("normal-chunk-kib", NORMAL_CHUNK / 1024.0);
        f.put("max-chunk-kib", MAX_CHUNK / 1024.0);
        f.put("cdc-chunks", s[0]);
        f.put("cdc-mean-kib", s[1] / 1024);
        f.put("cdc-sd-kib", s[2] / 1024);
        f.put("fixed-chunks", FILE_BYTES / FIXED_CHUNK);
        f.put("skipped-share", s[0] * MIN_CHUNK / FILE_BYTES);
        f.put("insert-fixed-bytes", insert.fixedBytes());
        f.put("insert-cdc-bytes", insert.cdcBytes());
        f.put("insert-fixed-share", (double) insert.fixedBytes() / FILE_BYTES);
        f.put("insert-cdc-share", (double) insert.cdcBytes() / FILE_BYTES);
        f.put("insert-ratio", (double) insert.fixedBytes() / insert.cdcBytes());
        f.put("overwrite-fixed-bytes", rows().get(3).fixedBytes());
        f.put("overwrite-cdc-bytes", rows().get(3).cdcBytes());
        f.put("append-fixed-bytes", rows().get(4).fixedBytes());
        f.put("append-cdc-bytes", rows().get(4).cdcBytes());
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> t = new ArrayList<>();
        t.add(List.of("Edit", "Fixed 8 KiB chunks: bytes re-uploaded", "Fixed: share of file",
                "Content-defined: bytes re-uploaded", "Content-defined: share of file"));
        for (Row r : rows()) {
            t.add(List.of(r.edit(), String.format("%,d", r.fixedBytes()), String.format("%.2f%%", 100.0 * r.fixedBytes() / FILE_BYTES),
                    String.format("%,d", r.cdcBytes()), String.format("%.2f%%", 100.0 * r.cdcBytes() / FILE_BYTES)));
        }
        return Map.of("reupload", Map.of("rows", t,
                "derived", List.of("Fixed: share of file", "Content-defined: share of file")));
    }

    public static Map<String, Object> charts() {
        List<String> names = new ArrayList<>();
        List<Double> fixedKb = new ArrayList<>(), cdcKb = new ArrayList<>();
        for (Row r : rows()) {
            names.add(r.edit());
            fixedKb.add(Math.round(r.fixedBytes() / 102.4) / 10.0);
            cdcKb.add(Math.round(r.cdcBytes() / 102.4) / 10.0);
        }
        return Map.of("reupload", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 200, "right", 40, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "KiB re-uploaded (log scale)", "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", List.of(
                        Map.of("type", "bar", "name", "fixed 8 KiB chunks", "data", fixedKb),
                        Map.of("type", "bar", "name", "content-defined chunks", "data", cdcKb))));
    }
}
