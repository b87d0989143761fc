package qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * "Unanswered questions in my tags" as a union of posting lists: each tag keeps the ids of its
 * questions in order, a user follows a few tags, and a k-way merge walks the lists newest first,
 * dropping duplicates (a question can carry several of the user's tags) and answered questions.
 * First on twelve questions, then on a generated site, counting the work three ways.
 */
public class TagUnion {

    /** Counts what a merge touched. */
    static final class Work {
        long entriesRead;
        long heapOperations;
        long answeredLookups;
    }

    // tag::merge[]
    /** A cursor on one posting list (ids ascending), read from the end: newest first. */
    record Cursor(int[] ids, int[] position) {
        int current() {
            return ids[position[0]];
        }

        boolean advance() {
            return --position[0] >= 0;
        }
    }

    /**
     * Merges the lists newest first with a heap of cursors, skips duplicates, keeps ids that
     * pass the filter, and stops after {@code limit} results. O(entries read × log k).
     */
    static List<Integer> union(List<int[]> lists, IntPredicate keep, int limit, Work work) {
        PriorityQueue<Cursor> heap =
                new PriorityQueue<>((a, b) -> Integer.compare(b.current(), a.current()));
        for (int[] ids : lists) {
            if (ids.length > 0) {
                heap.add(new Cursor(ids, new int[] {ids.length - 1}));
                work.heapOperations++;
            }
        }
        List<Integer> result = new ArrayList<>();
        int last = Integer.MIN_VALUE;
        while (!heap.isEmpty() && result.size() < limit) {
            Cursor c = heap.poll();
            work.heapOperations++;
            work.entriesRead++;
            int id = c.current();
            if (id != last) {                // a repeat comes from another of my tags: skip
                last = id;
                if (keep.test(id)) {
                    result.add(id);
                }
            }
            if (c.advance()) {
                heap.add(c);
                work.heapOperations++;
            }
        }
        return result;
    }
    // end::merge[]

    // --- Twelve questions, three tags ------------------------------------------------------------

    record Question(int id, List<String> tags, boolean answered) {
    }

    static final List<Question> SMALL = List.of(
            new Question(101, List.of("java"), false),
            new Question(102, List.of("jpa"), true),
            new Question(103, List.of("java", "spring"), false),
            new Question(104, List.of("hibernate"), false),
            new Question(105, List.of("java"), true),
            new Question(106, List.of("spring"), false),
            new Question(107, List.of("javascript"), false),
            new Question(108, List.of("java", "jpa"), true),
            new Question(109, List.of("jpa", "hibernate", "spring"), false),
            new Question(110, List.of("spring", "spring-boot"), true),
            new Question(111, List.of("python"), false),
            new Question(112, List.of("java", "streams"), false));

    static final List<String> MY_TAGS = List.of("java", "spring", "jpa");

    /** The inverted index: tag -> ids of its questions, ascending (the order ids are assigned). */
    static Map<String, int[]> postings(List<Question> questions) {
        Map<String, List<Integer>> lists = new TreeMap<>();
        for (Question q : questions) {
            q.tags().forEach(t -> lists.computeIfAbsent(t, x -> new ArrayList<>()).add(q.id()));
        }
        Map<String, int[]> result = new TreeMap<>();
        lists.forEach((t, ids) -> result.put(t, ids.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return result;
    }

    static List<Integer> smallUnion(boolean unansweredOnly) {
        Map<String, int[]> index = postings(SMALL);
        Map<Integer, Boolean> answered = new TreeMap<>();
        SMALL.forEach(q -> answered.put(q.id(), q.answered()));
        List<int[]> mine = MY_TAGS.stream().map(index::get).toList();
        return union(mine, id -> !unansweredOnly || !answered.get(id), Integer.MAX_VALUE, new Work());
    }

    // --- A generated site -------------------------------------------------------------------------

    static final long SEED = 7;
    static final int QUESTIONS = 400_000;
    static final int TAGS = 5_000;                 // tag popularity falls as 1/rank
    static final int[] FOLLOWED_RANKS = {2, 7, 15, 40, 120};
    static final int PAGE = 50;

    record Site(List<int[]> all, List<int[]> unansweredOnly, boolean[] answered) {
    }

    private static Site site;

    static synchronized Site site() {
        if (site != null) {
            return site;
        }
        Random random = new Random(SEED);
        double[] cumulative = new double[TAGS + 1];
        for (int r = 1; r <= TAGS; r++) {
            cumulative[r] = cumulative[r - 1] + 1.0 / r;
        }
        boolean[] answered = new boolean[QUESTIONS + 1];
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < FOLLOWED_RANKS.length; i++) {
            lists.add(new ArrayList<>());
        }
        for (int id = 1; id <= QUESTIONS; id++) {
            int age = QUESTIONS - id;                               // in questions posted since
            double unanswered = 0.12 + 0.6 * Math.exp(-age / 30_000.0);
            answered[id] = random.nextDouble() >= unanswered;
            int tagCount = 1 + random.nextInt(5);   // 1 to 5 tags; a repeated draw is one tag
            boolean[] has = new boolean[FOLLOWED_RANKS.length];
            for (int t = 0; t < tagCount; t++) {
                int tag = rank(cumulative, random.nextDouble());
                for (int i = 0; i < FOLLOWED_RANKS.length; i++) {
                    has[i] |= tag == FOLLOWED_RANKS[i];
                }
            }
            for (int i = 0; i < FOLLOWED_RANKS.length; i++) {
                if (has[i]) {
                    lists.get(i).add(id);
                }
            }
        }
        List<int[]> all = lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
        List<int[]> open = all.stream().map(ids -> java.util.Arrays.stream(ids).filter(id -> !answered[id]).toArray())
                .toList();
        site = new Site(all, open, answered);
        return site;
    }

    private static int rank(double[] cumulative, double u) {
        double target = u * cumulative[TAGS];
        int lo = 1;
        int hi = TAGS;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    record Strategy(String name, List<Integer> result, Work work) {
    }

    private static List<Strategy> strategies;

    static synchronized List<Strategy> strategies() {
        if (strategies != null) {
            return strategies;
        }
        Site s = site();
        IntPredicate unanswered = id -> !s.answered()[id];
        Work full = new Work();
        List<Integer> everything = union(s.all(), id -> {
            full.answeredLookups++;
            return unanswered.test(id);
        }, Integer.MAX_VALUE, full);
        Work lazy = new Work();
        List<Integer> page = union(s.all(), id -> {
            lazy.answeredLookups++;
            return unanswered.test(id);
        }, PAGE, lazy);
        Work view = new Work();
        List<Integer> fromView = union(s.unansweredOnly(), id -> true, PAGE, view);
        strategies = List.of(
                new Strategy("Merge every list, then filter", everything, full),
                new Strategy("Merge newest first, stop at one page", page, lazy),
                new Strategy("Unanswered-only lists, stop at one page", fromView, view));
        return strategies;
    }

    public static void main(String[] args) {
        Map<String, int[]> index = postings(SMALL);
        for (String tag : MY_TAGS) {
            System.out.printf("%-7s %s%n", tag, newestFirst(index.get(tag)));
        }
        System.out.println("union, newest first:    " + smallUnion(false));
        System.out.println("unanswered in my tags:  " + smallUnion(true));

        Site s = site();
        System.out.printf("%nGenerated site: %,d questions, %,d tags; following tags ranked %s%n", QUESTIONS, TAGS,
                java.util.Arrays.toString(FOLLOWED_RANKS));
        System.out.printf("posting list lengths: %s%n", s.all().stream().map(l -> String.format("%,d", l.length)).toList());
        System.out.printf("%-40s %10s %10s %9s %8s%n", "", "entries", "heap ops", "lookups", "results");
        for (Strategy st : strategies()) {
            System.out.printf("%-40s %,10d %,10d %,9d %,8d%n", st.name(), st.work().entriesRead,
                    st.work().heapOperations, st.work().answeredLookups, st.result().size());
        }
        boolean same = strategies().get(1).result().equals(strategies().get(2).result());
        System.out.println("both page strategies return the same " + PAGE + " questions: " + same);
    }

    static String newestFirst(int[] ids) {
        List<Integer> list = new ArrayList<>();
        for (int i = ids.length - 1; i >= 0; i--) {
            list.add(ids[i]);
        }
        return list.toString();
    }

    static String joined(List<Integer> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("my-tags", String.join(", ", MY_TAGS));
        facts.put("small-union", joined(smallUnion(false)));
        facts.put("small-union-size", smallUnion(false).size());
        facts.put("small-unanswered", joined(smallUnion(true)));
        facts.put("small-unanswered-size", smallUnion(true).size());
        int sum = MY_TAGS.stream().mapToInt(t -> postings(SMALL).get(t).length).sum();
        facts.put("small-list-entries", sum);
        facts.put("small-questions", SMALL.size());
        facts.put("small-repeats", sum - smallUnion(false).size());
        facts.put("followed-tags", FOLLOWED_RANKS.length);
        Site s = site();
        facts.put("site-questions", QUESTIONS);
        facts.put("site-tags", TAGS);
        facts.put("page", PAGE);
        facts.put("site-list-entries", s.all().stream().mapToInt(l -> l.length).sum());
        facts.put("site-open-entries", s.unansweredOnly().stream().mapToInt(l -> l.length).sum());
        List<Strategy> st = strategies();
        facts.put("site-union-unanswered", st.get(0).result().size());
        facts.put("full-entries", st.get(0).work().entriesRead);
        facts.put("lazy-entries", st.get(1).work().entriesRead);
        facts.put("view-entries", st.get(2).work().entriesRead);
        facts.put("full-over-lazy", (double) st.get(0).work().entriesRead / st.get(1).work().entriesRead);
        return facts;
    }

    public static Map<String, Object> tables() {
        List<List<String>> questions = new ArrayList<>();
        questions.add(List.of("Question", "Tags", "Answered"));
        for (int i = SMALL.size() - 1; i >= 0; i--) {
            Question q = SMALL.get(i);
            questions.add(List.of(String.valueOf(q.id()), String.join(", ", q.tags()), q.answered() ? "yes" : "no"));
        }
        List<List<String>> lists = new ArrayList<>();
        lists.add(List.of("Tag", "Posting list, newest first", "Length"));
        postings(SMALL).forEach((tag, ids) -> lists.add(List.of(tag,
                newestFirst(ids).replace("[", "").replace("]", ""), String.valueOf(ids.length))));
        List<List<String>> work = new ArrayList<>();
        work.add(List.of("Strategy", "Posting entries read", "Heap operations", "is_answered lookups", "Results"));
        for (Strategy st : strategies()) {
            work.add(List.of(st.name(), String.format("%,d", st.work().entriesRead),
                    String.format("%,d", st.work().heapOperations), String.format("%,d", st.work().answeredLookups),
                    String.format("%,d", st.result().size())));
        }
        return Map.of(
                "tag-questions", questions,
                "tag-postings", Map.of("rows", lists, "derived", List.of("Posting list, newest first", "Length")),
                "union-work", work);
    }
}
