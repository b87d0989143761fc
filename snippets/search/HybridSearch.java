package search;

// run: timeout=20s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Hybrid retrieval with reciprocal rank fusion (RRF), on simulated queries. Lexical search (BM25) finds
 * documents that share the query's words, including exact identifiers such as error codes, but misses
 * paraphrases. Vector search finds paraphrases but blurs identifiers. The two score on unrelated
 * scales (BM25 is unbounded, cosine similarity lies in [-1, 1]), so adding scores does not work; RRF
 * adds 1 / (60 + rank) from each list and ignores the scores altogether.
 */
public class HybridSearch {

    static final int DOCS = 1_000;
    static final int RELEVANT = 10;
    static final int QUERIES = 300;
    static final int LIST = 100;            // each retriever returns its top 100
    static final int SHOWN = 10;
    static final int RRF_K = 60;            // the constant from the original RRF paper
    static final double IDENTIFIER_QUERIES = 0.3;

    /** One query's documents, scored by both retrievers; documents 0..RELEVANT-1 are the relevant ones. */
    record Scored(double[] lexical, double[] vector) {
    }

    static Scored simulate(Random random) {
        boolean identifier = random.nextDouble() < IDENTIFIER_QUERIES; // "E1234 timeout" vs "why is it slow"
        double[] lexical = new double[DOCS], vector = new double[DOCS];
        for (int d = 0; d < DOCS; d++) {
            boolean relevant = d < RELEVANT;
            // lexical: documents sharing the query's words score high, whether relevant or not
            boolean sharesWords = relevant && random.nextDouble() < (identifier ? 0.9 : 0.5);
            boolean sharesSomeWords = !relevant && random.nextDouble() < 0.05;
            double mean = sharesWords ? 15 : sharesSomeWords ? 10 : 3;
            lexical[d] = Math.max(0, mean + 3 * random.nextGaussian());
            // vector: relevant documents sit close in meaning, except that identifiers carry no meaning
            boolean onTopic = random.nextDouble() < 0.1;
            double meaning = relevant && !identifier ? 0.80 : relevant || onTopic ? 0.70 : 0.55;
            vector[d] = Math.min(1, meaning + 0.05 * random.nextGaussian());
        }
        return new Scored(lexical, vector);
    }

    /** Document ids by descending score, cut to the retriever's list length. */
    static int[] ranking(double[] score, int length) {
        return IntStream.range(0, score.length).boxed()
                .sorted((a, b) -> Double.compare(score[b], score[a]))
                .limit(length).mapToInt(Integer::intValue).toArray();
    }

    // tag::rrf[]
    /** Reciprocal rank fusion: every list adds 1 / (k + rank) for each document it returned. */
    static int[] rrf(List<int[]> rankings, int k, int length) {
        Map<Integer, Double> fused = new HashMap<>();
        for (int[] ranking : rankings) {
            for (int rank = 1; rank <= ranking.length; rank++) {
                fused.merge(ranking[rank - 1], 1.0 / (k + rank), Double::sum);
            }
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(length).mapToInt(Map.Entry::getKey).toArray();
    }

    /** The naive alternative: add the raw scores of the documents either list returned. */
    static int[] scoreSum(Scored s, int[] lexical, int[] vector, int length) {
        double[] sum = new double[DOCS];
        Arrays.fill(sum, Double.NEGATIVE_INFINITY);
        for (int d : lexical) {
            sum[d] = s.lexical()[d] + s.vector()[d];
        }
        for (int d : vector) {
            sum[d] = s.lexical()[d] + s.vector()[d];
        }
        return ranking(sum, length);
    }
    // end::rrf[]

    static double recall(int[] shown) {
        return (double) Arrays.stream(shown).limit(SHOWN).filter(d -> d < RELEVANT).count() / RELEVANT;
    }

    static final List<String> METHODS = List.of("lexical (BM25) alone", "vector alone", "sum of raw scores",
            "reciprocal rank fusion");

    private static double[] results;

    /** Mean recall@10 per method, over the simulated queries. */
    static synchronized double[] evaluate() {
        if (results != null) {
            return results;
        }
        Random random = new Random(60);
        double[] sum = new double[METHODS.size()];
        for (int q = 0; q < QUERIES; q++) {
            Scored s = simulate(random);
            int[] lexical = ranking(s.lexical(), LIST);
            int[] vector = ranking(s.vector(), LIST);
            sum[0] += recall(lexical);
            sum[1] += recall(vector);
            sum[2] += recall(scoreSum(s, lexical, vector, SHOWN));
            sum[3] += recall(rrf(List.of(lexical, vector), RRF_K, SHOWN));
        }
        results = Arrays.stream(sum).map(x -> x / QUERIES).toArray();
        return results;
    }

    public static void main(String[] args) {
        System.out.printf("%d queries (%.0f%% look up identifiers), %d relevant documents each%n", QUERIES,
                IDENTIFIER_QUERIES * 100, RELEVANT);
        double[] r = evaluate();
        for (int m = 0; m < METHODS.size(); m++) {
            System.out.printf("  %-24s recall@10 %.3f%n", METHODS.get(m), r[m]);
        }
    }

    public static Map<String, Object> facts() {
        double[] r = evaluate();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rrf-k", RRF_K);
        f.put("lexical-recall", r[0]);
        f.put("vector-recall", r[1]);
        f.put("sum-recall", r[2]);
        f.put("rrf-recall", r[3]);
        f.put("identifier-queries", IDENTIFIER_QUERIES);
        // RRF arithmetic for one document ranked 1st by one list and 10th by the other
        f.put("rrf-1-and-10", 1.0 / (RRF_K + 1) + 1.0 / (RRF_K + 10));
        f.put("rrf-1-only", 1.0 / (RRF_K + 1));
        f.put("rrf-5-and-5", 2.0 / (RRF_K + 5));
        return f;
    }

    public static Map<String, Object> tables() {
        double[] r = evaluate();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Retrieval", "Mean recall@10"));
        for (int m = 0; m < METHODS.size(); m++) {
            rows.add(List.of(METHODS.get(m), String.format("%.3f", r[m])));
        }
        return Map.of("hybrid", rows);
    }
}
