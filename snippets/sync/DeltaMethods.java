package sync;
// run: jit=c2

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Three ways to send a changed file, measured on real bytes: fixed-size blocks, content-defined
 * chunks (boundaries chosen by a rolling hash of the content, so an insertion moves only nearby
 * boundaries), and an rsync-style rolling-hash delta (copy what matches the old version, send the
 * rest literally). The file is 32 MiB of incompressible data with 1 MiB blocks: Dropbox's 4 MiB
 * blocks on a 128 MiB file, scaled down four times so the run stays fast; block counts are the same.
 */
public class DeltaMethods {

    static final int KIB = 1024, MIB = 1024 * KIB;

    // Assumptions, stated once.
    static final int FILE = 32 * MIB;
    static final int BLOCK = MIB;                       // fixed blocks
    static final int CDC_MIN = 256 * KIB, CDC_MAX = 4 * MIB;
    static final int CDC_MASK_BITS = 20;                // a boundary after ~1 MiB past the minimum, on average
    static final int RSYNC_WINDOW = 4 * KIB;            // granularity of rolling-hash matches
    static final int COPY_TOKEN_BYTES = 8;              // "copy old blocks i..j" costs a few bytes on the wire

    // tag::methods[]
    /** Gear hash: one table lookup and a shift per byte; a boundary where the top bits are zero. */
    static List<int[]> contentDefinedChunks(byte[] data, long[] gear) {
        List<int[]> chunks = new ArrayList<>();
        int start = 0;
        long h = 0;
        for (int i = 0; i < data.length; i++) {
            h = (h << 1) + gear[data[i] & 0xff];
            int length = i - start + 1;
            boolean boundary = length >= CDC_MIN && (h >>> (64 - CDC_MASK_BITS)) == 0;
            if (boundary || length >= CDC_MAX || i == data.length - 1) {
                chunks.add(new int[] {start, length});
                start = i + 1;
                h = 0;
            }
        }
        return chunks;
    }
    // end::methods[]

    static List<int[]> fixedBlocks(byte[] data) {
        List<int[]> blocks = new ArrayList<>();
        for (int start = 0; start < data.length; start += BLOCK) {
            blocks.add(new int[] {start, Math.min(BLOCK, data.length - start)});
        }
        return blocks;
    }

    /** Bytes uploaded when only pieces whose hash the server lacks are sent. */
    static long uploadNew(byte[] before, List<int[]> oldPieces, byte[] after, List<int[]> newPieces) {
        Set<ByteBuffer> known = new HashSet<>();
        for (int[] p : oldPieces) {
            known.add(sha256(before, p));
        }
        long sent = 0;
        for (int[] p : newPieces) {
            if (known.add(sha256(after, p))) {
                sent += p[1];
            }
        }
        return sent;
    }

    // tag::methods[]
    /**
     * rsync's idea: slide a window over the new file; where it matches a block of the old one, send a
     * reference ("copy old blocks i to j"), else send the byte. The client holds both versions.
     */
    static long rollingDelta(byte[] before, byte[] after) {
        Map<Integer, List<Integer>> oldBlocks = new HashMap<>();
        BitSet maybeOld = new BitSet(1 << 24); // a cheap first filter before the map lookup
        for (int b = 0; b + RSYNC_WINDOW <= before.length; b += RSYNC_WINDOW) {
            int weak = weakSum(before, b);
            oldBlocks.computeIfAbsent(weak, k -> new ArrayList<>()).add(b);
            maybeOld.set(weak & 0xffffff);
        }
        long literal = 0, copyTokens = 0;
        int pos = 0, previousMatch = -1;
        int[] ab = weakParts(after, 0);
        while (pos + RSYNC_WINDOW <= after.length) {
            int weak = ab[0] | (ab[1] << 16);
            int match = maybeOld.get(weak & 0xffffff)
                    ? findOldBlock(oldBlocks.get(weak), before, after, pos, previousMatch) : -1;
            if (match >= 0) {
                if (match != previousMatch + RSYNC_WINDOW) {
                    copyTokens++; // a new run of copied blocks; a continuing run costs nothing more
                }
                previousMatch = match;
                pos += RSYNC_WINDOW;
                if (pos + RSYNC_WINDOW <= after.length) {
                    ab = weakParts(after, pos);
                }
            } else { // roll the window one byte: drop the first, add the next
                literal++;
                previousMatch = -1;
                if (pos + RSYNC_WINDOW < after.length) {
                    int out = after[pos] & 0xff, in = after[pos + RSYNC_WINDOW] & 0xff;
                    ab[0] = (ab[0] - out + in) & 0xffff;
                    ab[1] = (ab[1] - RSYNC_WINDOW * out + ab[0]) & 0xffff;
                }
                pos++;
            }
        }
        literal += after.length - pos;
        return literal + copyTokens * COPY_TOKEN_BYTES;
    }
    // end::methods[]

    /** The old block whose bytes equal the window, preferring the one that continues the current run. */
    static int findOldBlock(List<Integer> candidates, byte[] before, byte[] after, int pos, int previousMatch) {
        if (candidates == null) {
            return -1;
        }
        int found = -1;
        for (int b : candidates) {
            if (java.util.Arrays.equals(before, b, b + RSYNC_WINDOW, after, pos, pos + RSYNC_WINDOW)) {
                if (b == previousMatch + RSYNC_WINDOW) {
                    return b;
                }
                found = found < 0 ? b : found;
            }
        }
        return found;
    }

    static int[] weakParts(byte[] data, int start) {
        int a = 0, b = 0;
        for (int i = start; i < start + RSYNC_WINDOW; i++) {
            a = (a + (data[i] & 0xff)) & 0xffff;
            b = (b + a) & 0xffff;
        }
        return new int[] {a, b};
    }

    static int weakSum(byte[] data, int start) {
        int[] ab = weakParts(data, start);
        return ab[0] | (ab[1] << 16);
    }

    static ByteBuffer sha256(byte[] data, int[] piece) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, piece[0], piece[1]);
            return ByteBuffer.wrap(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the edits ----

    record Edit(String name, long bytesChanged, byte[] after) {
    }

    static List<Edit> edits(byte[] original, Random random) {
        List<Edit> edits = new ArrayList<>();
        byte[] overwrite = original.clone();
        fill(overwrite, 13 * MIB + 12_345, 64 * KIB, random);
        edits.add(new Edit("overwrite 64 KiB in place", 64 * KIB, overwrite));

        byte[] scattered = original.clone();
        random.ints(0, FILE / (4 * KIB)).distinct().limit(40).forEach(page -> fill(scattered, page * 4 * KIB, 4 * KIB, random));
        edits.add(new Edit("overwrite 40 scattered 4 KiB pages", 40 * 4 * KIB, scattered));

        byte[] inserted = new byte[FILE + 100];
        int at = MIB + 12_345;
        System.arraycopy(original, 0, inserted, 0, at);
        fill(inserted, at, 100, random);
        System.arraycopy(original, at, inserted, at + 100, FILE - at);
        edits.add(new Edit("insert 100 bytes near the start", 100, inserted));

        byte[] deleted = new byte[FILE - 10_000];
        int from = 20 * MIB + 777;
        System.arraycopy(original, 0, deleted, 0, from);
        System.arraycopy(original, from + 10_000, deleted, from, FILE - from - 10_000);
        edits.add(new Edit("delete 10,000 bytes in the middle", 10_000, deleted));

        byte[] reencrypted = new byte[FILE];
        random.nextBytes(reencrypted);
        edits.add(new Edit("re-encrypt or re-compress: every byte changes", FILE, reencrypted));
        return edits;
    }

    static void fill(byte[] data, int start, int length, Random random) {
        byte[] fresh = new byte[length];
        random.nextBytes(fresh);
        System.arraycopy(fresh, 0, data, start, length);
    }

    record Result(String edit, long changed, long fixed, long cdc, long rolling) {
    }

    static List<Result> measure() {
        Random random = new Random(2024);
        byte[] original = new byte[FILE];
        random.nextBytes(original);
        long[] gear = new long[256];
        for (int i = 0; i < gear.length; i++) {
            gear[i] = random.nextLong();
        }
        List<int[]> oldFixed = fixedBlocks(original);
        List<int[]> oldCdc = contentDefinedChunks(original, gear);
        List<Result> results = new ArrayList<>();
        for (Edit e : edits(original, random)) {
            results.add(new Result(e.name(), e.bytesChanged(),
                    uploadNew(original, oldFixed, e.after(), fixedBlocks(e.after())),
                    uploadNew(original, oldCdc, e.after(), contentDefinedChunks(e.after(), gear)),
                    rollingDelta(original, e.after())));
        }
        return results;
    }

    static String size(long bytes) {
        return bytes >= MIB ? String.format("%.2f MiB", (double) bytes / MIB)
                : bytes >= KIB ? String.format("%.1f KiB", (double) bytes / KIB) : bytes + " B";
    }

    private static List<Result> cached;

    static synchronized List<Result> results() {
        if (cached == null) {
            cached = measure();
        }
        return cached;
    }

    public static void main(String[] args) {
        System.out.printf("%s file, %s fixed blocks, content-defined chunks of %s-%s, rsync window %s%n",
                size(FILE), size(BLOCK), size(CDC_MIN), size(CDC_MAX), size(RSYNC_WINDOW));
        System.out.printf("%-46s %10s %11s %11s %11s%n", "edit", "changed", "fixed", "CDC", "rolling");
        for (Result r : results()) {
            System.out.printf("%-46s %10s %11s %11s %11s%n", r.edit(), size(r.changed()), size(r.fixed()),
                    size(r.cdc()), size(r.rolling()));
        }
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Edit", "Bytes changed", "Fixed 1 MiB blocks", "Content-defined chunks", "Rolling-hash delta",
                "Delta saves vs fixed"));
        for (Result r : results()) {
            rows.add(List.of(r.edit(), size(r.changed()), size(r.fixed()), size(r.cdc()), size(r.rolling()),
                    String.format("%.2f %%", 100.0 * (1 - (double) r.rolling() / r.fixed()))));
        }
        return Map.of("methods", Map.of("rows", rows, "derived", List.of("Delta saves vs fixed")));
    }

    public static Map<String, Object> facts() {
        List<Result> r = results();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("methods-file-mib", FILE / MIB);
        f.put("methods-blocks", FILE / BLOCK);
        f.put("insert-fixed-mib", (double) r.get(2).fixed() / MIB);
        f.put("insert-cdc-kib", (double) r.get(2).cdc() / KIB);
        f.put("insert-rolling-kib", (double) r.get(2).rolling() / KIB);
        f.put("overwrite-saving", 1 - (double) r.get(0).rolling() / r.get(0).fixed());
        f.put("scattered-saving", 1 - (double) r.get(1).rolling() / r.get(1).fixed());
        f.put("scattered-fixed-mib", (double) r.get(1).fixed() / MIB);
        f.put("scattered-cdc-mib", (double) r.get(1).cdc() / MIB);
        return f;
    }
}
