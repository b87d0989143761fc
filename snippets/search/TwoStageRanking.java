package search;

// run: timeout=20s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Why production search ranks in two stages. Each simulated query has 10,000 matching documents, of
 * which 30 are relevant (graded 1 to 3). A cheap first stage (think BM25) sees the grade through heavy
 * noise, so relevant documents are scattered deep in its ranking; an expensive re-ranker (a learned
 * model) sees it through light noise but costs 0.1 to 1 ms per document. The program re-ranks the
 * first stage's top K and measures the quality of the final top 10 (NDCG@10) and the CPU it cost.
 */
public class TwoStageRanking {

    static final int MATCHING_DOCS = 10_000;
    static final int[] RELEVANT_PER_GRADE = {0, 15, 10, 5};   // grade 1, 2, 3 documents per query
    static final int QUERIES = 50;
    static final int SHOWN = 10;
    static final double FIRST_STAGE_NOISE = 1.0;   // noise around the grade, in grade units
    static final double RERANKER_NOISE = 0.35;
    static final double RERANK_MS_CHEAP = 0.1;     // per document: a small gradient-boosted model
    static final double RERANK_MS_HEAVY = 1.0;     // per document: a cross-encoder or large model
    static final int[] CANDIDATES = {10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000};

    /** One query's documents: the true grade of each and the score each stage gives it. */
    record Query(int[] grade, double[] firstStage, double[] reranker) {
    }

    static Query query(Random random) {
        int[] grade = new int[MATCHING_DOCS];
        int d = 0;
        for (int g = 1; g < RELEVANT_PER_GRADE.length; g++) {
            for (int i = 0; i < RELEVANT_PER_GRADE[g]; i++) {
                grade[d++] = g;
            }
        }
        double[] first = new double[MATCHING_DOCS], second = new double[MATCHING_DOCS];
        for (int i = 0; i < MATCHING_DOCS; i++) {
            first[i] = grade[i] + FIRST_STAGE_NOISE * random.nextGaussian();
            second[i] = grade[i] + RERANKER_NOISE * random.nextGaussian();
        }
        return new Query(grade, first, second);
    }

    // tag::two-stage[]
    /** The first stage's full ranking: document ids by descending score. */
    static int[] rankBy(double[] score) {
        return IntStream.range(0, score.length).boxed()
                .sorted((a, b) -> Double.compare(score[b], score[a]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Stage 2: re-rank the first `k` candidates with the expensive model, keep the best 10. */
    static int[] twoStage(Query q, int[] firstStageRanking, int k) {
        Comparator<Integer> byReranker = Comparator.comparingDouble(d -> q.reranker()[d]);
        PriorityQueue<Integer> best = new PriorityQueue<>(byReranker);
        for (int i = 0; i < k; i++) {            // k calls to the re-ranker: this is the cost
            best.add(firstStageRanking[i]);
            if (best.size() > SHOWN) {
                best.poll();                     // drop the worst of the 11
            }
        }
        int[] top = new int[best.size()];
        for (int i = top.length - 1; i >= 0; i--) {
            top[i] = best.poll();
        }
        return top;
    }
    // end::two-stage[]

    /** NDCG@10 with gains 2^grade - 1, discounted by log2(position + 1). */
    static double ndcg(Query q, int[] shown) {
        return dcg(Arrays.stream(shown).map(d -> q.grade()[d]).toArray()) / idealDcg(q);
    }

    static double dcg(int[] grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(SHOWN, grades.length); i++) {
            dcg += (Math.pow(2, grades[i]) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }

    static double idealDcg(Query q) {
        int[] sorted = Arrays.stream(q.grade()).boxed().sorted(Comparator.reverseOrder())
                .mapToInt(Integer::intValue).limit(SHOWN).toArray();
        return dcg(sorted);
    }

    /** Averages over the simulated queries: NDCG@10 per candidate count, and first-stage recall. */
    record Results(double[] ndcg, double firstStageNdcg, double recallAt100, double recallAt1000) {
    }

    private static Results results;

    static synchronized Results simulate() {
        if (results != null) {
            return results;
        }
        Random random = new Random(10);
        double[] ndcg = new double[CANDIDATES.length];
        double firstStage = 0, recall100 = 0, recall1000 = 0;
        for (int i = 0; i < QUERIES; i++) {
            Query q = query(random);
            int[] byFirstStage = rankBy(q.firstStage());
            for (int c = 0; c < CANDIDATES.length; c++) {
                ndcg[c] += ndcg(q, twoStage(q, byFirstStage, CANDIDATES[c])) / QUERIES;
            }
            firstStage += ndcg(q, Arrays.copyOf(byFirstStage, SHOWN)) / QUERIES;
            recall100 += recall(q, byFirstStage, 100) / QUERIES;
            recall1000 += recall(q, byFirstStage, 1_000) / QUERIES;
        }
        results = new Results(ndcg, firstStage, recall100, recall1000);
        return results;
    }

    /** Share of all relevant documents that the first stage put in its top k. */
    static double recall(Query q, int[] byFirstStage, int k) {
        long found = IntStream.range(0, k).filter(r -> q.grade()[byFirstStage[r]] > 0).count();
        return (double) found / Arrays.stream(RELEVANT_PER_GRADE).sum();
    }

    public static void main(String[] args) {
        double[] ndcg = simulate().ndcg();
        System.out.printf("First stage alone, top 10: NDCG@10 %.3f%n", simulate().firstStageNdcg());
        System.out.printf("%10s %9s %22s%n", "candidates", "NDCG@10", "re-rank CPU per query");
        for (int c = 0; c < CANDIDATES.length; c++) {
            System.out.printf("%,10d %9.3f %10s to %s%n", CANDIDATES[c], ndcg[c],
                    ms(CANDIDATES[c] * RERANK_MS_CHEAP), ms(CANDIDATES[c] * RERANK_MS_HEAVY));
        }
    }

    static String ms(double millis) {
        return millis >= 1000 ? String.format("%.1f s", millis / 1000) : String.format("%.0f ms", millis);
    }

    static int index(int candidates) {
        for (int c = 0; c < CANDIDATES.length; c++) {
            if (CANDIDATES[c] == candidates) {
                return c;
            }
        }
        throw new IllegalArgumentException("not simulated: " + candidates);
    }

    public static Map<String, Object> facts() {
        double[] ndcg = simulate().ndcg();
        double all = ndcg[CANDIDATES.length - 1];
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("matching-docs", MATCHING_DOCS);
        f.put("rerank-ms-cheap", RERANK_MS_CHEAP);
        f.put("rerank-ms-heavy", RERANK_MS_HEAVY);
        f.put("first-stage-ndcg", simulate().firstStageNdcg());
        f.put("recall-at-100", simulate().recallAt100());
        f.put("recall-at-1000", simulate().recallAt1000());
        f.put("ndcg-10", ndcg[index(10)]);
        f.put("ndcg-100", ndcg[index(100)]);
        f.put("ndcg-1000", ndcg[index(1_000)]);
        f.put("ndcg-all", all);
        f.put("share-of-best-at-100", ndcg[index(100)] / all);
        f.put("share-of-best-at-1000", ndcg[index(1_000)] / all);
        f.put("cpu-s-1000-cheap", 1_000 * RERANK_MS_CHEAP / 1000);
        f.put("cpu-s-1000-heavy", 1_000 * RERANK_MS_HEAVY / 1000);
        f.put("cores-at-1000-qps-heavy", 1_000 * 1_000 * RERANK_MS_HEAVY / 1000);
        f.put("cores-at-1000-qps-cheap", 1_000 * 1_000 * RERANK_MS_CHEAP / 1000);
        return f;
    }

    public static Map<String, Object> charts() {
        double[] ndcg = simulate().ndcg();
        List<List<Double>> quality = new ArrayList<>(), cheap = new ArrayList<>(), heavy = new ArrayList<>();
        for (int c = 0; c < CANDIDATES.length; c++) {
            quality.add(List.of((double) CANDIDATES[c], Math.round(ndcg[c] * 1000) / 1000.0));
            cheap.add(List.of((double) CANDIDATES[c], CANDIDATES[c] * RERANK_MS_CHEAP));
            heavy.add(List.of((double) CANDIDATES[c], CANDIDATES[c] * RERANK_MS_HEAVY));
        }
        return Map.of("candidates", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 80, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "candidates re-ranked per query (log scale)",
                        "nameLocation", "middle", "nameGap", 30),
                "yAxis", List.of(
                        Map.of("type", "value", "name", "NDCG@10", "min", 0, "max", 1),
                        Map.of("type", "log", "name", "re-rank CPU, ms per query (log)")),
                "series", List.of(
                        Map.of("type", "line", "name", "NDCG@10 of the final top 10", "data", quality),
                        Map.of("type", "line", "name", "CPU at 0.1 ms per document", "yAxisIndex", 1,
                                "lineStyle", Map.of("type", "dashed"), "data", cheap),
                        Map.of("type", "line", "name", "CPU at 1 ms per document", "yAxisIndex", 1,
                                "lineStyle", Map.of("type", "dashed"), "data", heavy))));
    }
}
