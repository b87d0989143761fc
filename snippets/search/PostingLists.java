package search;

// run: timeout=20s

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Two tricks that make posting lists cheap at scale, measured on generated lists over ten million
 * documents: storing gaps between sorted document ids as variable-length bytes, and intersecting a
 * short list with a long one by skipping ahead instead of walking every entry.
 */
public class PostingLists {

    static final int DOCUMENTS = 10_000_000;
    static final double COMMON_TERM_SHARE = 0.10;   // in 10 % of documents, like "data"
    static final double RARE_TERM_SHARE = 0.0001;   // in 0.01 % of documents, like "hysteresis"
    static final int SKIP_EVERY = 128;              // a skip pointer every 128 postings

    /** Sorted document ids of a term that appears in each document with the given probability. */
    static int[] postingList(double share, long seed) {
        Random random = new Random(seed);
        int[] ids = new int[(int) (DOCUMENTS * share * 1.2)];
        int n = 0;
        // geometric gaps: the distance to the next document that contains the term
        for (long doc = gap(random, share) - 1; doc < DOCUMENTS; doc += gap(random, share)) {
            ids[n++] = (int) doc;
        }
        return java.util.Arrays.copyOf(ids, n);
    }

    static long gap(Random random, double p) {
        return 1 + (long) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }

    // tag::lists[]
    /** Delta + varint: each gap to the previous id, 7 bits a byte, high bit = "more follows". */
    static byte[] encode(int[] sortedIds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int previous = 0;
        for (int id : sortedIds) {
            int gap = id - previous;
            previous = id;
            while (gap >= 0x80) {
                out.write((gap & 0x7F) | 0x80);
                gap >>>= 7;
            }
            out.write(gap);
        }
        return out.toByteArray();
    }

    // end::lists[]

    static int[] decode(byte[] bytes, int count) {
        int[] ids = new int[count];
        int previous = 0, i = 0, pos = 0;
        while (i < count) {
            int gap = 0, shift = 0, b;
            do {
                b = bytes[pos++] & 0xFF;
                gap |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            previous += gap;
            ids[i++] = previous;
        }
        return ids;
    }

    // tag::lists[]
    /** Counts the postings each strategy reads while intersecting. */
    static final class Reads {
        long count;
    }

    /** Merge: advance whichever list is behind; reads every entry of both lists. */
    static int mergeIntersect(int[] a, int[] b, Reads reads) {
        int i = 0, j = 0, matches = 0;
        while (i < a.length && j < b.length) {
            reads.count++;
            if (a[i] == b[j]) {
                matches++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return matches;
    }

    /** Skips: for each id of the short list, jump the long one ahead SKIP_EVERY at a time. */
    static int skipIntersect(int[] shortList, int[] longList, Reads reads) {
        int j = 0, matches = 0;
        for (int id : shortList) {
            while (j + SKIP_EVERY < longList.length && longList[j + SKIP_EVERY] <= id) {
                reads.count++; // one skip pointer followed
                j += SKIP_EVERY;
            }
            while (j < longList.length && longList[j] < id) {
                reads.count++;
                j++;
            }
            if (j < longList.length && longList[j] == id) {
                matches++;
            }
        }
        return matches;
    }
    // end::lists[]

    record Measured(int commonSize, int rareSize, long rawBytes, long encodedBytes, int matches,
                    long mergeReads, long skipReads) {
    }

    static Measured measure() {
        int[] common = postingList(COMMON_TERM_SHARE, 1);
        int[] rare = postingList(RARE_TERM_SHARE, 2);
        byte[] encoded = encode(common);
        if (!java.util.Arrays.equals(decode(encoded, common.length), common)) {
            throw new AssertionError("varint round trip failed");
        }
        Reads merge = new Reads(), skip = new Reads();
        int m1 = mergeIntersect(common, rare, merge);
        int m2 = skipIntersect(rare, common, skip);
        if (m1 != m2) {
            throw new AssertionError("the two intersections disagree");
        }
        return new Measured(common.length, rare.length, 4L * common.length, encoded.length, m1, merge.count, skip.count);
    }

    public static void main(String[] args) {
        Measured m = measure();
        System.out.printf("Common term: %,d postings; rare term: %,d postings (of %,d documents)%n",
                m.commonSize(), m.rareSize(), DOCUMENTS);
        System.out.printf("Common list as 4-byte ids: %,d bytes%n", m.rawBytes());
        System.out.printf("  as delta + varint:       %,d bytes (%.2f bytes each, %.1fx smaller)%n",
                m.encodedBytes(), (double) m.encodedBytes() / m.commonSize(), (double) m.rawBytes() / m.encodedBytes());
        System.out.printf("Intersection: %,d documents contain both%n", m.matches());
        System.out.printf("  merge reads %,d postings; skipping reads %,d (%.1fx fewer)%n", m.mergeReads(),
                m.skipReads(), (double) m.mergeReads() / m.skipReads());
    }

    public static Map<String, Object> facts() {
        Measured m = measure();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("documents", DOCUMENTS);
        f.put("common-postings", m.commonSize());
        f.put("rare-postings", m.rareSize());
        f.put("raw-bytes", m.rawBytes());
        f.put("encoded-bytes", m.encodedBytes());
        f.put("bytes-per-posting", (double) m.encodedBytes() / m.commonSize());
        f.put("compression-ratio", (double) m.rawBytes() / m.encodedBytes());
        f.put("matches", m.matches());
        f.put("merge-reads", m.mergeReads());
        f.put("skip-reads", m.skipReads());
        f.put("skip-speedup", (double) m.mergeReads() / m.skipReads());
        f.put("skip-every", SKIP_EVERY);
        return f;
    }
}
