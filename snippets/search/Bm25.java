package search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Okapi BM25 over an in-memory inverted index. Build it from any documents (id -> text), then rank:
 *
 * <pre>
 * Bm25 index = Bm25.index(Map.of("a", "text of a", "b", "text of b"));
 * List&lt;Bm25.Hit&gt; top = index.search("query words", 10);
 * </pre>
 *
 * Defaults are Lucene's and Elasticsearch's: k1 = 1.2, b = 0.75, and Lucene's IDF, which never goes
 * negative. Unlike Lucene since version 8, the score keeps the constant (k1 + 1) factor of the
 * classic formula; it scales every score equally and changes no ranking.
 */
public final class Bm25 {

    public static final double DEFAULT_K1 = 1.2;
    public static final double DEFAULT_B = 0.75;

    /** A ranked document. */
    public record Hit(String id, double score) {
    }

    private final double k1;
    private final double b;
    private final Map<String, Map<String, Integer>> postings = new TreeMap<>(); // term -> (doc -> tf)
    private final Map<String, Integer> lengths = new TreeMap<>();             // doc -> tokens
    private final double averageLength;

    private Bm25(Map<String, String> documents, double k1, double b) {
        this.k1 = k1;
        this.b = b;
        long total = 0;
        for (Map.Entry<String, String> doc : new TreeMap<>(documents).entrySet()) {
            List<String> tokens = tokenize(doc.getValue());
            lengths.put(doc.getKey(), tokens.size());
            total += tokens.size();
            for (String t : tokens) {
                postings.computeIfAbsent(t, x -> new TreeMap<>()).merge(doc.getKey(), 1, Integer::sum);
            }
        }
        this.averageLength = documents.isEmpty() ? 0 : (double) total / documents.size();
    }

    /** Indexes the documents with k1 = 1.2 and b = 0.75. */
    public static Bm25 index(Map<String, String> documents) {
        return new Bm25(documents, DEFAULT_K1, DEFAULT_B);
    }

    public static Bm25 index(Map<String, String> documents, double k1, double b) {
        return new Bm25(documents, k1, b);
    }

    /** Lower-cased runs of letters and digits; everything else separates words. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        for (String t : text.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    // tag::score[]
    /** Rare terms weigh more: Lucene's IDF, log(1 + (N - df + 0.5) / (df + 0.5)), never negative. */
    public static double idf(int docFreq, int docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    /**
     * The term-frequency part: grows with tf but saturates towards k1 + 1, and is discounted for
     * documents longer than average (b = 1: fully; b = 0: not at all).
     */
    public static double termWeight(int tf, double length, double averageLength, double k1, double b) {
        double lengthNorm = 1 - b + b * length / averageLength;
        return tf * (k1 + 1) / (tf + k1 * lengthNorm);
    }

    /** The BM25 score of one document: the sum over the query's distinct terms. */
    public double score(String query, String docId) {
        double score = 0;
        for (String term : new LinkedHashSet<>(tokenize(query))) {
            int tf = termFrequency(term, docId);
            if (tf > 0) {
                score += idf(docFreq(term), docCount())
                        * termWeight(tf, lengths.get(docId), averageLength, k1, b);
            }
        }
        return score;
    }

    /** Top k documents containing at least one query term, best first (ties by id). */
    public List<Hit> search(String query, int k) {
        Map<String, Double> scores = new TreeMap<>();
        for (String term : new LinkedHashSet<>(tokenize(query))) {
            for (String docId : postings(term).keySet()) {   // only documents on a posting list
                scores.computeIfAbsent(docId, d -> score(query, d));
            }
        }
        return scores.entrySet().stream()
                .map(e -> new Hit(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(Hit::score).reversed()
                        .thenComparing(Hit::id))
                .limit(k)
                .toList();
    }
    // end::score[]

    /** Documents containing the term, with its frequency in each, by document id. */
    public Map<String, Integer> postings(String term) {
        return Collections.unmodifiableMap(postings.getOrDefault(term, Map.of()));
    }

    public int docFreq(String term) {
        return postings(term).size();
    }

    public int termFrequency(String term, String docId) {
        return postings(term).getOrDefault(docId, 0);
    }

    public int docLength(String docId) {
        return lengths.getOrDefault(docId, 0);
    }

    public double averageDocLength() {
        return averageLength;
    }

    public int docCount() {
        return lengths.size();
    }

    public double k1() {
        return k1;
    }

    public double b() {
        return b;
    }

    // --- Demonstration: why BM25 and not raw TF-IDF -------------------------------------------

    static final Map<String, String> DOCS = new LinkedHashMap<>();

    static {
        DOCS.put("lru-guide", "An LRU cache evicts the least recently used entry when the cache is full. "
                + "Eviction keeps the cache inside its memory limit.");
        DOCS.put("keyword-stuffed", "cache cache cache cache cache cache cache cache cache cache cache cache "
                + "best cache cheap cache");
        DOCS.put("ttl-note", "Give keys a TTL so that stale data expires from the cache on its own.");
        DOCS.put("long-essay", "A history of computer memory, from core memory to modern DRAM. Early machines "
                + "had a few kilobytes of memory and no cache at all; programmers placed data by hand. "
                + "Processor speed then outgrew memory speed, and hardware designers added small fast "
                + "memories close to the processor. Operating systems later added a page cache for disks, "
                + "and databases a buffer pool with its own eviction rules. Today every layer of a computer, "
                + "from the CPU to the network edge, keeps copies of data close to where it is used, and the "
                + "same questions of size, speed and cost decide the design at every layer.");
        DOCS.put("eviction-policies", "Eviction policies compared: LRU, LFU and FIFO eviction under a skewed "
                + "workload, and what each does to the hit rate of a cache.");
        DOCS.put("db-index", "A B-tree index makes range queries on a database fast.");
    }

    /** Classic TF-IDF for comparison: raw term frequency times log(N / df). */
    static double tfIdf(Bm25 index, String query, String docId) {
        double score = 0;
        for (String term : new LinkedHashSet<>(tokenize(query))) {
            int tf = index.termFrequency(term, docId);
            if (tf > 0) {
                score += tf * Math.log((double) index.docCount() / index.docFreq(term));
            }
        }
        return score;
    }

    public static void main(String[] args) {
        Bm25 index = Bm25.index(DOCS);
        String query = "cache eviction";
        System.out.printf("%d documents, average length %.1f tokens, k1 = %.1f, b = %.2f%n", index.docCount(),
                index.averageDocLength(), index.k1(), index.b());
        for (String term : tokenize(query)) {
            System.out.printf("idf(%s) = %.3f  (in %d of %d documents)%n", term, idf(index.docFreq(term),
                    index.docCount()), index.docFreq(term), index.docCount());
        }
        System.out.printf("%nQuery \"%s\"%n%-18s %6s %9s %9s %8s %8s%n", query, "document", "length",
                "tf cache", "tf evict.", "BM25", "TF-IDF");
        for (Hit hit : index.search(query, 10)) {
            System.out.printf("%-18s %6d %9d %9d %8.3f %8.3f%n", hit.id(), index.docLength(hit.id()),
                    index.termFrequency("cache", hit.id()), index.termFrequency("eviction", hit.id()),
                    hit.score(), tfIdf(index, query, hit.id()));
        }
    }
}
