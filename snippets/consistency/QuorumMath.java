package consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quorum arithmetic for Dynamo-style replication: N copies of each key, a write waits for W of them, a
 * read asks R. The overlap claim (R + W > N means every read meets the latest write) is checked by brute
 * force over every pair of replica sets, not taken on trust.
 */
public class QuorumMath {

    static final int DEFAULT_N = 3, DEFAULT_R = 2, DEFAULT_W = 2;

    // tag::quorum[]
    record Quorum(int n, int r, int w) {
        /** Every set of r replicas shares a member with every set of w replicas. */
        boolean strong() {
            return r + w > n;
        }

        /** Replicas that may be down while a write still collects w acknowledgements. */
        int writeFailuresTolerated() {
            return n - w;
        }

        /** Replicas that may be down while a read still gets its r answers. */
        int readFailuresTolerated() {
            return n - r;
        }

        /** An acknowledged write sits on at least w replicas: losing w - 1 cannot erase it. */
        int diskLossesAWriteSurvives() {
            return w - 1;
        }
    }

    /** Counts (read set, write set) pairs with no replica in common: such reads miss the write. */
    static long[] missingPairs(Quorum q) {
        long missing = 0, pairs = 0;
        for (int readSet = 0; readSet < 1 << q.n(); readSet++) {
            for (int writeSet = 0; writeSet < 1 << q.n(); writeSet++) {
                if (Integer.bitCount(readSet) == q.r()
                        && Integer.bitCount(writeSet) == q.w()) {
                    pairs++;
                    if ((readSet & writeSet) == 0) {
                        missing++;
                    }
                }
            }
        }
        return new long[] {missing, pairs};
    }
    // end::quorum[]

    static List<Quorum> allPairs(int n) {
        List<Quorum> all = new ArrayList<>();
        for (int w = n; w >= 1; w--) {
            for (int r = 1; r <= n; r++) {
                all.add(new Quorum(n, r, w));
            }
        }
        return all;
    }

    /** The rows worth a table for N = 5: the cheapest strong pairs and the common weak ones. */
    static List<Quorum> interestingForFive() {
        return List.of(new Quorum(5, 1, 5), new Quorum(5, 2, 4), new Quorum(5, 3, 3), new Quorum(5, 4, 2),
                new Quorum(5, 5, 1), new Quorum(5, 2, 3), new Quorum(5, 2, 2), new Quorum(5, 1, 1));
    }

    static String use(Quorum q) {
        if (q.r() == 1 && q.w() == q.n()) {
            return "read-heavy; one replica down blocks writes";
        }
        if (q.w() == 1 && q.r() == q.n()) {
            return "write-heavy; one replica down blocks reads";
        }
        if (q.strong() && q.r() == q.n() / 2 + 1 && q.w() == q.n() / 2 + 1) {
            return "balanced default";
        }
        if (q.strong()) {
            return q.r() + q.w() > q.n() + 1 ? "strong, more replicas than needed"
                    : "strong, cheaper " + (q.r() < q.w() ? "reads" : "writes");
        }
        return q.r() == 1 && q.w() == 1 ? "fastest; eventual" : "weak: sets can miss";
    }

    public static void main(String[] args) {
        for (int n : List.of(3, 5)) {
            List<Quorum> shown = n == 3 ? allPairs(3) : interestingForFive();
            System.out.printf("N = %d%n   R  W  R+W  strong  writes ok with  reads ok with  read/write sets that miss%n", n);
            for (Quorum q : shown) {
                long[] miss = missingPairs(q);
                System.out.printf("   %d  %d  %2d   %-6s  %d down         %d down        %d of %d%n", q.r(), q.w(),
                        q.r() + q.w(), q.strong() ? "yes" : "no", q.writeFailuresTolerated(), q.readFailuresTolerated(),
                        miss[0], miss[1]);
            }
            long agree = allPairs(n).stream().filter(q -> (missingPairs(q)[0] == 0) == q.strong()).count();
            long strong = allPairs(n).stream().filter(Quorum::strong).count();
            System.out.printf("   %d of %d pairs are strong; brute force agrees with R + W > N for %d of %d%n%n",
                    strong, n * n, agree, n * n);
        }
    }

    /** The columns computed from N, R and W (the site's tests recompute them from the page). */
    static final List<String> DERIVED = List.of("R + W", "Strong (R + W > N)", "Writes work with … down",
            "Reads work with … down", "Acked write survives … losses", "Read/write sets that miss");

    static List<List<String>> table(List<Quorum> quorums) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("N", "R", "W", "R + W", "Strong (R + W > N)", "Writes work with … down",
                "Reads work with … down", "Acked write survives … losses", "Read/write sets that miss",
                "Use"));
        for (Quorum q : quorums) {
            long[] miss = missingPairs(q);
            rows.add(List.of(String.valueOf(q.n()), String.valueOf(q.r()), String.valueOf(q.w()),
                    String.valueOf(q.r() + q.w()), q.strong() ? "yes" : "no", String.valueOf(q.writeFailuresTolerated()),
                    String.valueOf(q.readFailuresTolerated()), String.valueOf(q.diskLossesAWriteSurvives()),
                    miss[0] + " of " + miss[1], use(q)));
        }
        return rows;
    }

    public static Map<String, Object> tables() {
        return Map.of("quorum-n3", Map.of("rows", table(allPairs(3)), "derived", DERIVED),
                "quorum-n5", Map.of("rows", table(interestingForFive()), "derived", DERIVED));
    }

    public static Map<String, Object> facts() {
        Quorum q = new Quorum(DEFAULT_N, DEFAULT_R, DEFAULT_W);
        Quorum one = new Quorum(3, 1, 1);
        long[] miss = missingPairs(one);
        return Map.ofEntries(
                Map.entry("quorum-default-n", q.n()),
                Map.entry("quorum-default-r", q.r()),
                Map.entry("quorum-default-w", q.w()),
                Map.entry("quorum-default-strong", q.strong() ? 1 : 0),
                Map.entry("quorum-default-write-failures-tolerated", q.writeFailuresTolerated()),
                Map.entry("quorum-default-read-failures-tolerated", q.readFailuresTolerated()),
                Map.entry("quorum-default-disk-losses-survived", q.diskLossesAWriteSurvives()),
                Map.entry("quorum-n3-r1w1-missing-fraction", (double) miss[0] / miss[1]),
                Map.entry("quorum-n3-r1w3-write-failures-tolerated", new Quorum(3, 1, 3).writeFailuresTolerated()));
    }
}
