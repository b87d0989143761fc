package sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fixed-size block sync on a 2 GiB image file: on save the client hashes every 4 MiB block and
 * uploads the blocks whose hash changed. How many that is depends on where the changed bytes sit, so
 * five edits of the same file are measured here, from the best case to the worst.
 */
public class BlockDelta {

    static final long KIB = 1024, MIB = 1024 * KIB, GIB = 1024 * MIB;

    // Assumptions, stated once.
    static final long FILE = 2 * GIB;            // the saved image file
    static final long BLOCK = 4 * MIB;           // Dropbox's block size
    static final long CHANGED = 10 * MIB;        // bytes of pixels the save modifies
    static final long PAGE = 4 * KIB;            // size of one scattered write
    static final int HASH_BYTES = 32;            // SHA-256 per block in the block list a save commits
    static final int WIDTH = 16_384, HEIGHT = 32_768, CHANNELS = 4; // planar, one byte per channel: 2 GiB
    static final int BRUSH_W = 2_560, BRUSH_H = 1_024, BRUSH_TOP = 1_000, BRUSH_LEFT = 5_000;

    /** A modified byte range [start, start + length). */
    record Range(long start, long length) {
    }

    record Edit(String name, List<Range> ranges) {
        long bytesChanged() {
            return ranges.stream().mapToLong(Range::length).sum();
        }
    }

    // tag::blocks[]
    /** The blocks a save must upload: every block that any changed byte falls in. */
    static long blocksTouched(List<Range> ranges, long blockSize) {
        TreeSet<Long> blocks = new TreeSet<>();
        for (Range r : ranges) {
            for (long b = r.start() / blockSize; b <= (r.start() + r.length() - 1) / blockSize; b++) {
                blocks.add(b);
            }
        }
        return blocks.size();
    }

    static List<Edit> edits() {
        List<Edit> edits = new ArrayList<>();
        edits.add(new Edit("10 MiB in one run, starting on a block boundary", List.of(new Range(40 * BLOCK, CHANGED))));
        edits.add(new Edit("10 MiB in one run, starting 3 MiB into a block", List.of(new Range(40 * BLOCK + 3 * MIB, CHANGED))));
        edits.add(new Edit("a 2,560 × 1,024 px brush stroke, 4 planar channels", brushStroke()));
        edits.add(new Edit("2,560 scattered 4 KiB writes", scatteredWrites(new Random(7))));
        return edits;
    }

    /** Each channel is stored as its own plane, row by row: a rectangle is a stack of short runs per plane. */
    static List<Range> brushStroke() {
        List<Range> ranges = new ArrayList<>();
        long plane = (long) WIDTH * HEIGHT;
        for (int c = 0; c < CHANNELS; c++) {
            for (int row = BRUSH_TOP; row < BRUSH_TOP + BRUSH_H; row++) {
                ranges.add(new Range(c * plane + (long) row * WIDTH + BRUSH_LEFT, BRUSH_W));
            }
        }
        return ranges;
    }

    /** The same 10 MiB as distinct pages written at random (layers, masks, thumbnails, headers). */
    static List<Range> scatteredWrites(Random random) {
        TreeSet<Long> pages = new TreeSet<>();
        while (pages.size() < CHANGED / PAGE) {
            pages.add((long) (random.nextDouble() * (FILE / PAGE)));
        }
        return pages.stream().map(p -> new Range(p * PAGE, PAGE)).toList();
    }
    // end::blocks[]

    static String mib(double bytes) {
        return bytes >= GIB ? String.format("%.2f GiB", bytes / GIB) : String.format("%,.0f MiB", bytes / MIB);
    }

    public static void main(String[] args) {
        long blocksInFile = FILE / BLOCK;
        System.out.printf("%s file, %s blocks: %,d blocks; the save changes %s%n", mib(FILE), mib(BLOCK), blocksInFile,
                mib(CHANGED));
        for (Edit e : edits()) {
            long touched = blocksTouched(e.ranges(), BLOCK);
            System.out.printf("  %-50s %3d blocks  %9s uploaded (%5.1f%% of the file)%n", e.name(), touched,
                    mib(touched * BLOCK), 100.0 * touched * BLOCK / FILE);
        }
        long pieces = CHANGED / PAGE;
        System.out.printf("Bounds: best ceil(%s / %s) = %d blocks; worst min(%,d pieces, %d blocks) = %d blocks%n",
                mib(CHANGED), mib(BLOCK), ceilDiv(CHANGED, BLOCK), pieces, blocksInFile, Math.min(pieces, blocksInFile));
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Edit (10 MiB of changed bytes each)", "Blocks touched", "Uploaded", "Share of the file"));
        for (Edit e : edits()) {
            long touched = blocksTouched(e.ranges(), BLOCK);
            rows.add(List.of(e.name(), String.format("%,d of %,d", touched, FILE / BLOCK), mib(touched * BLOCK),
                    String.format("%.1f %%", 100.0 * touched * BLOCK / FILE)));
        }
        return Map.of("fixed-blocks", Map.of("rows", rows, "derived", List.of("Uploaded", "Share of the file")));
    }

    public static Map<String, Object> facts() {
        List<Edit> edits = edits();
        long brush = blocksTouched(edits.get(2).ranges(), BLOCK);
        long scattered = blocksTouched(edits.get(3).ranges(), BLOCK);
        return Map.ofEntries(
                Map.entry("file-gib", (double) FILE / GIB),
                Map.entry("block-mib", (double) BLOCK / MIB),
                Map.entry("changed-mib", (double) CHANGED / MIB),
                Map.entry("page-kib", (double) PAGE / KIB),
                Map.entry("blocks-in-file", FILE / BLOCK),
                Map.entry("best-blocks", ceilDiv(CHANGED, BLOCK)),
                Map.entry("best-mib", (double) ceilDiv(CHANGED, BLOCK) * BLOCK / MIB),
                Map.entry("unaligned-mib", (double) blocksTouched(edits.get(1).ranges(), BLOCK) * BLOCK / MIB),
                Map.entry("brush-mib", (double) brush * BLOCK / MIB),
                Map.entry("brush-over-changed", (double) brush * BLOCK / CHANGED),
                Map.entry("scattered-pieces", CHANGED / PAGE),
                Map.entry("scattered-blocks", scattered),
                Map.entry("scattered-share", (double) scattered * BLOCK / FILE),
                Map.entry("worst-blocks", Math.min(CHANGED / PAGE, FILE / BLOCK)),
                Map.entry("hash-list-at-4kib-mib", (double) FILE / (4 * KIB) * HASH_BYTES / MIB),
                Map.entry("hash-list-at-block-kib", (double) FILE / BLOCK * HASH_BYTES / KIB));
    }

    /** Uploaded bytes against block size for three of the edits, and the block list every save commits. */
    public static Map<String, Object> charts() {
        List<Edit> edits = edits();
        List<String> sizes = new ArrayList<>();
        for (long block = 4 * KIB; block <= 64 * MIB; block *= 2) {
            sizes.add(block >= MIB ? block / MIB + " MiB" : block / KIB + " KiB");
        }
        String[] names = {"", "contiguous 10 MiB, unaligned", "brush stroke", "scattered 4 KiB writes"};
        List<Object> series = new ArrayList<>();
        for (int i : new int[] {1, 2, 3}) {
            List<Double> mib = new ArrayList<>();
            for (long block = 4 * KIB; block <= 64 * MIB; block *= 2) {
                mib.add(round3((double) blocksTouched(edits.get(i).ranges(), block) * block / MIB));
            }
            series.add(Map.of("type", "line", "name", names[i], "data", mib));
        }
        List<Double> list = new ArrayList<>();
        for (long block = 4 * KIB; block <= 64 * MIB; block *= 2) {
            list.add(round3((double) FILE / block * HASH_BYTES / MIB));
        }
        series.add(Map.of("type", "line", "name", "block list per save", "lineStyle", Map.of("type", "dashed"),
                "data", list));
        return Map.of("block-size", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 60, "bottom", 55),
                "xAxis", Map.of("type", "category", "data", sizes, "name", "block size",
                        "nameLocation", "middle", "nameGap", 32),
                "yAxis", Map.of("type", "log", "name", "MiB sent per save (log scale)"),
                "series", series));
    }

    /** Three significant digits keep the chart's data short. */
    static double round3(double v) {
        if (v == 0) {
            return 0;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}
