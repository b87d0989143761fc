package drive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A file's manifest as a Merkle tree: leaves are chunk hashes, each parent hashes its two children, the
 * root names the whole file. Comparing two versions from the root down touches only the paths to the
 * chunks that differ, as long as the chunks stay in place; when a chunk is inserted, every later leaf
 * shifts, and the set of chunk hashes is what finds the new ones.
 */
public class MerkleDiff {

    // Assumptions, stated once.
    static final int CHUNKS = 1_024;
    static final int CHUNK_BYTES = 1_024;         // small chunks keep the program fast; the tree does not care
    static final int INSERT_AT = 10;              // where the inserted chunk goes

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // tag::tree[]
    /** levels.get(0) holds the leaf hashes; the last level holds the root. */
    record Tree(List<byte[][]> levels) {
        byte[] root() {
            return levels.get(levels.size() - 1)[0];
        }
    }

    static Tree build(List<byte[]> chunks) {
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = chunks.stream().map(MerkleDiff::sha256).toArray(byte[][]::new);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                boolean pair = 2 * i + 1 < level.length;
                // an odd node out moves up unchanged
                up[i] = pair ? sha256(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(up);
            level = up;
        }
        return new Tree(levels);
    }

    /** Walks both trees from the root, descending only where hashes differ. Counts comparisons. */
    static List<Integer> changedLeaves(Tree a, Tree b, int[] comparisons) {
        List<Integer> changed = new ArrayList<>();
        int top = Math.max(a.levels().size(), b.levels().size()) - 1;
        walk(a, b, top, 0, changed, comparisons);
        return changed;
    }

    private static void walk(Tree a, Tree b, int level, int index, List<Integer> out,
                             int[] comparisons) {
        byte[] x = node(a, level, index), y = node(b, level, index);
        if (x == null && y == null) {
            return;
        }
        comparisons[0]++;
        if (x != null && y != null && Arrays.equals(x, y)) {
            return;                                   // identical subtree: skip all its leaves
        }
        if (level == 0) {
            out.add(index);
            return;
        }
        walk(a, b, level - 1, 2 * index, out, comparisons);
        walk(a, b, level - 1, 2 * index + 1, out, comparisons);
    }

    /** The hash at (level, index), or null; above a smaller tree's top, its root is index 0. */
    static byte[] node(Tree t, int level, int index) {
        int top = t.levels().size() - 1;
        if (level > top) {
            return index == 0 ? t.root() : null;
        }
        byte[][] row = t.levels().get(level);
        return index < row.length ? row[index] : null;
    }
    // end::tree[]

    /** What a positional diff cannot see: chunks of the new version whose hash the old one never had. */
    static int newChunks(List<byte[]> before, List<byte[]> after) {
        Set<String> known = new HashSet<>();
        for (byte[] c : before) {
            known.add(Arrays.toString(sha256(c)));
        }
        int fresh = 0;
        for (byte[] c : after) {
            fresh += known.contains(Arrays.toString(sha256(c))) ? 0 : 1;
        }
        return fresh;
    }

    record Case(String name, int changedLeaves, int comparisons, int newChunks) {
    }

    static List<Case> cases() {
        Random random = new Random(8);
        List<byte[]> v1 = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            byte[] c = new byte[CHUNK_BYTES];
            random.nextBytes(c);
            v1.add(c);
        }
        Tree t1 = build(v1);
        List<Case> out = new ArrayList<>();
        List<byte[]> oneEdit = new ArrayList<>(v1);
        oneEdit.set(700, fresh(random));
        out.add(compare("one chunk edited in place", v1, t1, oneEdit));
        List<byte[]> threeEdits = new ArrayList<>(v1);
        for (int i : new int[] {5, 300, 1_000}) {
            threeEdits.set(i, fresh(random));
        }
        out.add(compare("three chunks edited in place", v1, t1, threeEdits));
        List<byte[]> inserted = new ArrayList<>(v1);
        inserted.add(INSERT_AT, fresh(random));
        out.add(compare("one chunk inserted near the start", v1, t1, inserted));
        return out;
    }

    static byte[] fresh(Random random) {
        byte[] c = new byte[CHUNK_BYTES];
        random.nextBytes(c);
        return c;
    }

    static Case compare(String name, List<byte[]> before, Tree treeBefore, List<byte[]> after) {
        int[] comparisons = {0};
        List<Integer> changed = changedLeaves(treeBefore, build(after), comparisons);
        return new Case(name, changed.size(), comparisons[0], newChunks(before, after));
    }

    static final List<Case> CASES = cases();

    public static void main(String[] args) {
        System.out.printf("%,d chunks, tree depth %d%n", CHUNKS, 32 - Integer.numberOfLeadingZeros(CHUNKS - 1));
        System.out.printf("%-36s %15s %12s %11s%n", "change", "leaves differ", "comparisons", "new chunks");
        for (Case c : CASES) {
            System.out.printf("%-36s %15d %12d %11d%n", c.name(), c.changedLeaves(), c.comparisons(), c.newChunks());
        }
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("merkle-chunks", CHUNKS);
        f.put("one-edit-comparisons", CASES.get(0).comparisons());
        f.put("three-edit-comparisons", CASES.get(1).comparisons());
        f.put("insert-position", INSERT_AT);
        f.put("insert-leaves-differ", CASES.get(2).changedLeaves());
        f.put("insert-comparisons", CASES.get(2).comparisons());
        f.put("insert-new-chunks", CASES.get(2).newChunks());
        return f;
    }
}
