package search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much each further occurrence of a term is worth, under raw TF-IDF, log-scaled TF and BM25's
 * saturating TF, computed with Bm25.termWeight. Values are relative to a single occurrence in a
 * document of average length, so "2" means "worth twice one occurrence".
 */
public class TfSaturation {

    static final int MAX_TF = 20;
    static final double K1 = Bm25.DEFAULT_K1, B = Bm25.DEFAULT_B, COMMON_K1 = 1.5; // the k1 interview guides often quote

    static double bm25Relative(int tf, double lengthOverAverage, double k1) {
        return Bm25.termWeight(tf, lengthOverAverage, 1, k1, B) / Bm25.termWeight(1, 1, 1, k1, B);
    }

    /** Occurrences needed to reach a share of BM25's ceiling (k1 + 1) in an average-length document. */
    static double tfForShareOfCeiling(double share, double k1) {
        return share * k1 / (1 - share);   // solve tf / (tf + k1) = share
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("k1", K1);
        f.put("b", B);
        f.put("common-k1", COMMON_K1);
        f.put("ceiling-relative", (K1 + 1) / Bm25.termWeight(1, 1, 1, K1, B));
        f.put("tf10-relative", bm25Relative(10, 1, K1));
        f.put("tf10-relative-common-k1", bm25Relative(10, 1, COMMON_K1));
        f.put("ceiling-relative-common-k1", (COMMON_K1 + 1) / Bm25.termWeight(1, 1, 1, COMMON_K1, B));
        f.put("log-tf-20-relative", 1 + Math.log(20));
        f.put("tf-for-90-percent", tfForShareOfCeiling(0.9, K1));
        f.put("long-doc-single", bm25Relative(1, 2, K1));
        return f;
    }

    public static Map<String, Object> charts() {
        Map<String, List<List<Double>>> curves = new LinkedHashMap<>();
        curves.put("TF-IDF: raw term frequency", new ArrayList<>());
        curves.put("log TF: 1 + ln(tf)", new ArrayList<>());
        curves.put("BM25, k1 = 1.2 (Lucene default)", new ArrayList<>());
        curves.put("BM25, k1 = 1.5", new ArrayList<>());
        curves.put("BM25, k1 = 1.2, document twice average length", new ArrayList<>());
        for (int tf = 1; tf <= MAX_TF; tf++) {
            double x = tf;
            List<Double> values = List.of((double) tf, 1 + Math.log(tf), bm25Relative(tf, 1, K1),
                    bm25Relative(tf, 1, COMMON_K1), bm25Relative(tf, 2, K1));
            int i = 0;
            for (List<List<Double>> curve : curves.values()) {
                curve.add(List.of(x, Math.round(values.get(i++) * 1000) / 1000.0));
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        curves.forEach((name, data) -> series.add(Map.of("type", "line", "name", name, "data", data)));
        return Map.of("tf-saturation", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 80, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "occurrences of the term in the document (tf)",
                        "nameLocation", "middle", "nameGap", 30, "min", 1, "max", MAX_TF),
                "yAxis", Map.of("type", "log", "name", "weight relative to one occurrence (log scale)", "min", 0.5),
                "series", series));
    }
}
