package qa;

import search.Bm25;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Full-text search over a generated question corpus, ranked by Module 10's BM25 (search.Bm25), then
 * re-ranked with a reputation prior and a recency decay, to show how each term moves the results.
 */
public class QaSearch {

    static final String QUERY = "remove from hashmap while iterating concurrentmodificationexception";

    static final double PRIOR_WEIGHT = 0.1;        // final = BM25 × (1 + 0.1 × log10(1 + reputation)) × decay
    static final double DECAY_FLOOR = 0.5;         // an old post keeps at least half its score
    static final double HALF_LIFE_DAYS = 365;      // the decaying part halves every year
    static final double GENTLE_FLOOR = 0.9;        // the alternative: an old post keeps 90 %

    record Question(String id, String title, String body, int authorRep, int ageDays) {
        String text() {
            return title + " " + body;
        }
    }

    /** The questions a reader would hope to find for the query, with their authors and ages. */
    static final List<Question> CANDIDATES = List.of(
            new Question("q1", "Iterating through a HashMap and removing entries throws ConcurrentModificationException",
                    "I loop over map.keySet() and call map.remove(key) for some keys; Java throws "
                            + "ConcurrentModificationException. How do I remove entries safely while iterating?",
                    250_000, 4_800),
            new Question("q2", "ConcurrentModificationException remove HashMap for-each loop",
                    "remove from hashmap in for-each loop gives ConcurrentModificationException, remove while "
                            + "iterating hashmap how?", 12, 3),
            new Question("q3", "How to delete entries from a Java HashMap with an Iterator",
                    "Use the iterator's own remove method, or removeIf on the entry set, instead of removing through "
                            + "the map while a loop walks it.", 48_000, 2_900),
            new Question("q4", "ConcurrentHashMap or a synchronized HashMap?",
                    "Which map should threads share? Iterating a ConcurrentHashMap never throws "
                            + "ConcurrentModificationException, even while other threads remove entries.", 90_000, 1_500),
            new Question("q5", "Why does my ArrayList throw ConcurrentModificationException?",
                    "I remove elements from an ArrayList while iterating over it in a for-each loop and get "
                            + "ConcurrentModificationException.", 3_200, 400),
            new Question("q6", "Java 21: removeIf on a HashMap's entrySet while iterating",
                    "Is map.entrySet().removeIf(e -> e.getValue() == null) the idiomatic way to remove from a "
                            + "HashMap, and is it faster than an explicit Iterator?", 1_500, 40));

    static final String[] TOPICS = {
            "python list comprehension filter", "sql left join null rows", "git rebase interactive squash",
            "css flexbox center vertically", "java stream collect to map duplicate key", "java hashmap default value",
            "javascript promise all reject", "react useEffect runs twice", "docker container exits immediately",
            "kotlin coroutine cancel", "c++ iterator invalidation vector erase", "java arraylist sort comparator",
            "python dict iterate keys values", "hashmap vs treemap ordering java", "spring boot bean not found",
            "pandas dataframe drop rows condition", "regex match whole word", "bash loop over files spaces",
            "java iterator hasnext next", "thread safe counter java"};

    /** The candidates plus a few hundred other questions, so that document frequencies look like a site's. */
    static Map<String, String> corpus() {
        Map<String, String> docs = new TreeMap<>();
        CANDIDATES.forEach(q -> docs.put(q.id(), q.text()));
        Random random = new Random(3);
        String[] filler = {"error", "example", "code", "works", "fails", "output", "expected", "version", "help",
                "value", "function", "method", "class", "object", "returns", "null", "loop", "problem", "why", "how"};
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder(TOPICS[random.nextInt(TOPICS.length)]);
            int words = 12 + random.nextInt(30);
            for (int w = 0; w < words; w++) {
                text.append(' ').append(filler[random.nextInt(filler.length)]);
            }
            docs.put(String.format("b%03d", i), text.toString());
        }
        return docs;
    }

    static double prior(int reputation) {
        return 1 + PRIOR_WEIGHT * Math.log10(1 + reputation);
    }

    static double decay(int ageDays, double floor) {
        return floor + (1 - floor) * Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
    }

    record Scored(Question q, double bm25, double prior, double decay, double gentleDecay) {
        double withPrior() {
            return bm25 * prior;
        }

        double finalScore() {
            return bm25 * prior * decay;
        }

        double gentleDecayScore() {
            return bm25 * prior * gentleDecay;
        }
    }

    private static List<Scored> scored;
    private static Bm25 index;

    static synchronized Bm25 index() {
        if (index == null) {
            index = Bm25.index(corpus());
        }
        return index;
    }

    static synchronized List<Scored> scored() {
        if (scored == null) {
            List<Scored> all = new ArrayList<>();
            for (Question q : CANDIDATES) {
                all.add(new Scored(q, index().score(QUERY, q.id()), prior(q.authorRep()), decay(q.ageDays(), DECAY_FLOOR),
                        decay(q.ageDays(), GENTLE_FLOOR)));
            }
            scored = all;
            if (!topHits().stream().allMatch(h -> h.id().startsWith("q"))) {
                throw new IllegalStateException("the candidates are not the query's top hits in the corpus");
            }
        }
        return scored;
    }

    /** 1-based rank of each candidate under a score, best first (ties by id). */
    static Map<String, Integer> ranks(java.util.function.ToDoubleFunction<Scored> score) {
        List<Scored> sorted = new ArrayList<>(scored());
        sorted.sort(Comparator.comparingDouble(score).reversed().thenComparing(s -> s.q().id()));
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            ranks.put(sorted.get(i).q().id(), i + 1);
        }
        return ranks;
    }

    /** Whether the query's top BM25 hit, among all documents, is one of the candidates. */
    static List<Bm25.Hit> topHits() {
        return index().search(QUERY, CANDIDATES.size());
    }

    public static Map<String, Object> facts() {
        Map<String, Integer> bm25 = ranks(Scored::bm25);
        Map<String, Integer> fin = ranks(Scored::finalScore);
        Map<String, Integer> gentle = ranks(Scored::gentleDecayScore);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("query", QUERY);
        facts.put("corpus-size", index().docCount());
        facts.put("prior-weight", PRIOR_WEIGHT);
        facts.put("decay-floor", DECAY_FLOOR);
        facts.put("half-life-days", HALF_LIFE_DAYS);
        facts.put("gentle-floor", GENTLE_FLOOR);
        facts.put("bm25-top", first(bm25));
        facts.put("final-top", first(fin));
        facts.put("gentle-decay-top", first(gentle));
        facts.put("canonical-rank-bm25", bm25.get("q1"));
        facts.put("canonical-rank-prior", ranks(Scored::withPrior).get("q1"));
        facts.put("canonical-rank-final", fin.get("q1"));
        facts.put("canonical-rank-gentle-decay", gentle.get("q1"));
        return facts;
    }

    static String first(Map<String, Integer> ranks) {
        return ranks.entrySet().stream().filter(e -> e.getValue() == 1).findFirst().orElseThrow().getKey();
    }

    public static Map<String, Object> tables() {
        Map<String, Integer> bm25 = ranks(Scored::bm25);
        Map<String, Integer> prior = ranks(Scored::withPrior);
        Map<String, Integer> fin = ranks(Scored::finalScore);
        Map<String, Integer> gentle = ranks(Scored::gentleDecayScore);
        List<Scored> byBm25 = new ArrayList<>(scored());
        byBm25.sort(Comparator.comparingInt(s -> bm25.get(s.q().id())));
        List<List<String>> candidates = new ArrayList<>();
        candidates.add(List.of("Question", "Title", "Author reputation", "Age (days)", "BM25"));
        for (Scored s : byBm25) {
            candidates.add(List.of(s.q().id(), s.q().title(), String.format("%,d", s.q().authorRep()),
                    String.format("%,d", s.q().ageDays()), String.format("%.3f", s.bm25())));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Question", "Prior", "Decay", "Final score", "Rank: BM25", "Rank: with prior",
                "Rank: with decay", "Rank: gentle decay"));
        for (Scored s : byBm25) {
            String id = s.q().id();
            rows.add(List.of(id, String.format("%.3f", s.prior()), String.format("%.3f", s.decay()),
                    String.format("%.3f", s.finalScore()), String.valueOf(bm25.get(id)),
                    String.valueOf(prior.get(id)), String.valueOf(fin.get(id)), String.valueOf(gentle.get(id))));
        }
        return Map.of("candidates", candidates,
                "ranking", Map.of("rows", rows, "derived", List.of("Prior", "Decay", "Final score", "Rank: BM25",
                        "Rank: with prior", "Rank: with decay", "Rank: gentle decay")));
    }

    public static Map<String, Object> charts() {
        List<String> stages = List.of("BM25", "+ reputation prior", "+ decay, floor 0.5", "gentle decay, floor 0.9");
        List<Map<String, Integer>> ranks = List.of(ranks(Scored::bm25), ranks(Scored::withPrior),
                ranks(Scored::finalScore), ranks(Scored::gentleDecayScore));
        List<Object> series = new ArrayList<>();
        for (Question q : CANDIDATES) {
            List<Integer> data = ranks.stream().map(r -> r.get(q.id())).toList();
            series.add(Map.of("type", "line", "name", q.id(), "data", data,
                    "symbolSize", 9, "endLabel", Map.of("show", true, "formatter", q.id())));
        }
        return Map.of("rank-changes", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 60, "top", 60, "bottom", 40),
                "xAxis", Map.of("type", "category", "data", stages, "boundaryGap", false),
                "yAxis", Map.of("type", "value", "name", "rank (1 = top)", "nameLocation", "start", "inverse", true,
                        "min", 1,
                        "max", CANDIDATES.size(), "interval", 1),
                "series", series));
    }
}
