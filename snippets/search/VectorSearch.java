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
 * Exact nearest neighbours against an IVF (inverted file) index on generated embeddings: 10,000 unit
 * vectors in 32 dimensions, drawn around 200 topics. IVF clusters the vectors with k-means into 100
 * lists and, at query time, scans only the lists whose centroids are closest to the query. Recall@10
 * is the share of the true 10 nearest neighbours that the index returns.
 */
public class VectorSearch {

    static final int VECTORS = 10_000;
    static final int DIMENSIONS = 32;
    static final int TOPICS = 200;
    static final double TOPIC_SPREAD = 0.2;   // how far documents stray from their topic   // how far documents stray from their topic
    static final int LISTS = 100;             // IVF: k-means clusters
    static final int KMEANS_ROUNDS = 6;
    static final int QUERIES = 100;
    static final int K = 10;
    static final int[] PROBES = {1, 2, 4, 8, 16, 32, 64, 100};

    static float[][] embeddings(int count, Random random, float[][] topics) {
        float[][] v = new float[count][DIMENSIONS];
        for (float[] x : v) {
            float[] topic = topics[random.nextInt(TOPICS)];
            for (int d = 0; d < DIMENSIONS; d++) {
                x[d] = (float) (topic[d] + TOPIC_SPREAD * random.nextGaussian());
            }
            normalise(x);
        }
        return v;
    }

    static void normalise(float[] x) {
        double norm = 0;
        for (float f : x) {
            norm += f * f;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < x.length; d++) {
            x[d] /= (float) norm;
        }
    }

    /** Cosine similarity of unit vectors is their dot product. */
    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    // tag::ivf[]
    /** Exact search: compare the query with every vector, keep the k most similar. */
    static int[] exact(float[][] vectors, float[] query, int k) {
        return topK(IntStream.range(0, vectors.length), vectors, query, k);
    }

    /** IVF index: k-means centroids, and for each centroid the list of vectors assigned to it. */
    record Ivf(float[][] centroids, List<List<Integer>> lists) {

        /** Scan only the `probes` lists whose centroids are most similar to the query. */
        int[] search(float[][] vectors, float[] query, int k, int probes, long[] scanned) {
            IntStream allLists = IntStream.range(0, centroids.length);
            int[] nearestLists = topK(allLists, centroids, query, probes);
            List<Integer> candidates = new ArrayList<>();
            for (int list : nearestLists) {
                candidates.addAll(lists.get(list));
            }
            scanned[0] += candidates.size();
            return topK(candidates.stream().mapToInt(Integer::intValue), vectors, query, k);
        }
    }

    static Ivf build(float[][] vectors, Random random) {
        float[][] centroids = new float[LISTS][];
        for (int c = 0; c < LISTS; c++) {
            centroids[c] = vectors[random.nextInt(vectors.length)].clone();
        }
        int[] assignment = new int[vectors.length];
        for (int round = 0; round < KMEANS_ROUNDS; round++) {   // Lloyd's k-means
            for (int i = 0; i < vectors.length; i++) {
                assignment[i] = nearest(centroids, vectors[i]);
            }
            float[][] sums = new float[LISTS][DIMENSIONS];
            for (int i = 0; i < vectors.length; i++) {
                for (int d = 0; d < DIMENSIONS; d++) {
                    sums[assignment[i]][d] += vectors[i][d];
                }
            }
            for (int c = 0; c < LISTS; c++) {
                normalise(sums[c]);
                if (!Float.isNaN(sums[c][0])) {   // an empty cluster keeps its old centroid
                    centroids[c] = sums[c];
                }
            }
        }
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < LISTS; c++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < vectors.length; i++) {
            lists.get(nearest(centroids, vectors[i])).add(i);
        }
        return new Ivf(centroids, lists);
    }

    static int nearest(float[][] centroids, float[] v) {
        int best = 0;
        float bestSimilarity = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            float similarity = dot(centroids[c], v);
            if (similarity > bestSimilarity) {
                best = c;
                bestSimilarity = similarity;
            }
        }
        return best;
    }
    // end::ivf[]

    /** The k ids from `ids` whose vectors are most similar to the query, most similar first. */
    static int[] topK(IntStream ids, float[][] vectors, float[] query, int k) {
        PriorityQueue<float[]> best = new PriorityQueue<>(Comparator.comparingDouble(e -> e[0]));
        ids.forEach(i -> {
            float similarity = dot(vectors[i], query);
            if (best.size() < k || similarity > best.peek()[0]) {
                best.add(new float[]{similarity, i});
                if (best.size() > k) {
                    best.poll();
                }
            }
        });
        int[] result = new int[best.size()];
        for (int i = result.length - 1; i >= 0; i--) {
            result[i] = (int) best.poll()[1];
        }
        return result;
    }

    record Point(int probes, double recall, double scannedShare) {
    }

    private static List<Point> curve;

    static synchronized List<Point> measure() {
        if (curve != null) {
            return curve;
        }
        Random random = new Random(42);
        float[][] topics = new float[TOPICS][DIMENSIONS];
        for (float[] t : topics) {
            for (int d = 0; d < DIMENSIONS; d++) {
                t[d] = (float) random.nextGaussian();
            }
            normalise(t);
        }
        float[][] vectors = embeddings(VECTORS, random, topics);
        float[][] queries = embeddings(QUERIES, random, topics);
        Ivf ivf = build(vectors, random);
        int[][] truth = new int[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            truth[q] = exact(vectors, queries[q], K);
        }
        List<Point> points = new ArrayList<>();
        for (int probes : PROBES) {
            long[] scanned = {0};
            int found = 0;
            for (int q = 0; q < QUERIES; q++) {
                int[] approx = ivf.search(vectors, queries[q], K, probes, scanned);
                int[] exactIds = truth[q];
                found += (int) Arrays.stream(approx).filter(id -> Arrays.stream(exactIds).anyMatch(t -> t == id)).count();
            }
            points.add(new Point(probes, (double) found / (QUERIES * K), (double) scanned[0] / QUERIES / VECTORS));
        }
        curve = points;
        return curve;
    }

    public static void main(String[] args) {
        System.out.printf("%,d vectors, %d dimensions, %d IVF lists, %d queries%n", VECTORS, DIMENSIONS, LISTS, QUERIES);
        System.out.printf("%7s %16s %10s%n", "probes", "vectors scanned", "recall@10");
        for (Point p : measure()) {
            System.out.printf("%7d %15.1f%% %10.3f%n", p.probes(), p.scannedShare() * 100, p.recall());
        }
    }

    static Point at(int probes) {
        return measure().stream().filter(p -> p.probes() == probes).findFirst().orElseThrow();
    }

    // Sizing a real deployment: 10 million 768-dimensional embeddings.
    static final double BIG_VECTORS = 10_000_000;
    static final int BIG_DIMENSIONS = 768;
    static final double MEMORY_GB_PER_S_ONE_CORE = 10;    // rule of thumb: one core streaming from DRAM
    static final double MEMORY_GB_PER_S_SERVER = 100;     // rule of thumb: a whole server's bandwidth
    static final int HNSW_M = 16;                         // links per node; 2M on the bottom layer

    public static Map<String, Object> tables() {
        double flat = BIG_VECTORS * BIG_DIMENSIONS * 4;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Representation", "Bytes per vector", "Memory for 10M vectors", "Compression"));
        addRow(rows, "float32 (exact)", BIG_DIMENSIONS * 4, flat);
        addRow(rows, "float16", BIG_DIMENSIONS * 2, flat);
        addRow(rows, "int8 scalar quantisation", BIG_DIMENSIONS, flat);
        addRow(rows, "product quantisation, 384 sub-vectors x 1 byte", 384, flat);
        addRow(rows, "product quantisation, 96 sub-vectors x 1 byte", 96, flat);
        List<String> hnsw = List.of("HNSW links (M = 16, bottom layer), added to the vectors",
                String.valueOf(2 * HNSW_M * 4), gb(BIG_VECTORS * 2 * HNSW_M * 4), "overhead");
        rows.add(hnsw);
        return Map.of("vector-memory", Map.of("rows", rows, "derived", List.of("Memory for 10M vectors", "Compression")));
    }

    static void addRow(List<List<String>> rows, String name, int bytes, double flat) {
        rows.add(List.of(name, String.valueOf(bytes), gb(BIG_VECTORS * bytes),
                String.format("%.0f×", flat / (BIG_VECTORS * bytes))));
    }

    static String gb(double bytes) {
        return String.format("%.2f GB", bytes / 1e9);
    }

    public static Map<String, Object> facts() {
        double flatBytes = BIG_VECTORS * BIG_DIMENSIONS * 4;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("vectors", VECTORS);
        f.put("dimensions", DIMENSIONS);
        f.put("lists", LISTS);
        f.put("recall-1", at(1).recall());
        f.put("recall-4", at(4).recall());
        f.put("recall-8", at(8).recall());
        f.put("recall-16", at(16).recall());
        f.put("recall-64", at(64).recall());
        f.put("scanned-1", at(1).scannedShare());
        f.put("scanned-4", at(4).scannedShare());
        f.put("scanned-8", at(8).scannedShare());
        f.put("scanned-16", at(16).scannedShare());
        f.put("big-flat-bytes", flatBytes);
        f.put("big-scan-s-one-core", flatBytes / 1e9 / MEMORY_GB_PER_S_ONE_CORE);
        f.put("big-scan-s-server", flatBytes / 1e9 / MEMORY_GB_PER_S_SERVER);
        f.put("memory-gb-per-s-one-core", MEMORY_GB_PER_S_ONE_CORE);
        f.put("big-scan-s-ladder", flatBytes / 1e6 * 250e-6);   // 1 MB sequentially from memory: 250 us
        f.put("memory-gb-per-s-server", MEMORY_GB_PER_S_SERVER);
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> recall = new ArrayList<>(), scanned = new ArrayList<>();
        for (Point p : measure()) {
            recall.add(List.of((double) p.probes(), Math.round(p.recall() * 1000) / 1000.0));
            scanned.add(List.of((double) p.probes(), Math.round(p.scannedShare() * 1000) / 10.0));
        }
        return Map.of("ivf-recall", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 80, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "log", "logBase", 2, "name", "lists probed per query (log scale)",
                        "nameLocation", "middle", "nameGap", 30, "min", 1, "max", 128),
                "yAxis", List.of(
                        Map.of("type", "value", "name", "recall@10", "min", 0, "max", 1),
                        Map.of("type", "value", "name", "% of vectors scanned", "min", 0, "max", 100)),
                "series", List.of(
                        Map.of("type", "line", "name", "recall@10", "data", recall),
                        Map.of("type", "line", "name", "% of vectors scanned", "yAxisIndex", 1,
                                "lineStyle", Map.of("type", "dashed"), "data", scanned))));
    }
}
