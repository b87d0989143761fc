package search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline evaluation on a small judged set: three queries against a help-centre search, each with
 * graded judgments (3 = exactly right, 2 = useful, 1 = related, 0 or unjudged = not relevant), and the
 * top 10 of two rankers. The four standard metrics disagree about which ranker is better, and the
 * output shows why.
 */
public class RankingMetrics {

    record Judged(String query, Map<String, Integer> grades, Map<String, List<String>> rankings) {
    }

    static final List<Judged> JUDGED = List.of(
            new Judged("reset my password",
                    Map.of("password-reset", 3, "forgot-email", 2, "two-factor", 1, "account-locked", 2,
                            "sso-login", 1),
                    Map.of("BM25", List.of("password-policy", "password-reset", "password-manager", "account-locked",
                                    "change-email", "sso-login", "api-keys", "two-factor", "billing", "privacy"),
                            "BM25 + re-ranker", List.of("password-reset", "account-locked", "forgot-email",
                                    "password-policy", "two-factor", "password-manager", "sso-login", "api-keys",
                                    "change-email", "billing"))),
            new Judged("rate limit headers",
                    Map.of("rate-limits", 3, "retry-after", 3, "api-errors", 2, "quotas", 1),
                    Map.of("BM25", List.of("rate-limits", "http-headers", "limit-orders", "retry-after", "quotas",
                                    "api-errors", "pagination", "webhooks", "sdk-setup", "status-page"),
                            "BM25 + re-ranker", List.of("http-headers", "rate-limits", "retry-after", "api-errors",
                                    "quotas", "limit-orders", "pagination", "webhooks", "sdk-setup", "status-page"))),
            new Judged("delete my account",
                    Map.of("delete-account", 3, "data-export", 2, "cancel-plan", 2, "privacy", 1),
                    Map.of("BM25", List.of("account-settings", "delete-project", "delete-account", "account-locked",
                                    "cancel-plan", "api-keys", "billing", "privacy", "team-members", "sso-login"),
                            "BM25 + re-ranker", List.of("delete-account", "cancel-plan", "account-settings",
                                    "data-export", "delete-project", "privacy", "billing", "account-locked",
                                    "api-keys", "team-members"))));

    static final int K = 5;

    // tag::metrics[]
    static int grade(Judged j, String doc) {
        return j.grades().getOrDefault(doc, 0);
    }

    /** Fraction of the top k that is relevant. */
    static double precisionAt(Judged j, List<String> ranked, int k) {
        return ranked.subList(0, k).stream().filter(d -> grade(j, d) > 0).count() / (double) k;
    }

    /** Fraction of all relevant documents that made the top k. */
    static double recallAt(Judged j, List<String> ranked, int k) {
        long relevant = j.grades().values().stream().filter(g -> g > 0).count();
        long found = ranked.subList(0, k).stream().filter(d -> grade(j, d) > 0).count();
        return found / (double) relevant;
    }

    /** 1 / rank of the first relevant result (0 if none); MRR is its mean over queries. */
    static double reciprocalRank(Judged j, List<String> ranked) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grade(j, ranked.get(i)) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** Graded gain 2^grade - 1, discounted by log2(rank + 1), over the best possible order. */
    static double ndcgAt(Judged j, List<String> ranked, int k) {
        List<Integer> ideal = j.grades().values().stream().sorted((a, b) -> b - a).toList();
        List<Integer> shown = ranked.subList(0, k).stream().map(d -> grade(j, d)).toList();
        return dcg(shown, k) / dcg(ideal, k);
    }

    static double dcg(List<Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, grades.size()); i++) {
            dcg += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }
    // end::metrics[]

    static final List<String> RANKERS = List.of("BM25", "BM25 + re-ranker");

    static double[] metrics(Judged j, String ranker) {
        List<String> ranked = j.rankings().get(ranker);
        return new double[]{precisionAt(j, ranked, K), recallAt(j, ranked, K), reciprocalRank(j, ranked),
                ndcgAt(j, ranked, K)};
    }

    static double[] mean(String ranker) {
        double[] sum = new double[4];
        for (Judged j : JUDGED) {
            double[] m = metrics(j, ranker);
            for (int i = 0; i < 4; i++) {
                sum[i] += m[i] / JUDGED.size();
            }
        }
        return sum;
    }

    public static void main(String[] args) {
        System.out.printf("%-20s %-17s %5s %5s %5s %7s%n", "query", "ranker", "P@5", "R@5", "RR", "NDCG@5");
        for (Judged j : JUDGED) {
            for (String ranker : RANKERS) {
                double[] m = metrics(j, ranker);
                System.out.printf("%-20s %-17s %5.2f %5.2f %5.2f %7.3f%n", j.query(), ranker, m[0], m[1], m[2], m[3]);
            }
        }
        for (String ranker : RANKERS) {
            double[] m = mean(ranker);
            System.out.printf("%-20s %-17s %5.2f %5.2f %5.2f %7.3f%n", "mean (MRR for RR)", ranker, m[0], m[1], m[2], m[3]);
        }
    }

    public static Map<String, Object> tables() {
        List<List<String>> judged = new ArrayList<>();
        judged.add(List.of("Query", "Ranker", "Grades of results 1 to 10", "Relevant documents judged"));
        List<List<String>> metrics = new ArrayList<>();
        metrics.add(List.of("Query", "Ranker", "P@5", "R@5", "Reciprocal rank", "NDCG@5"));
        for (Judged j : JUDGED) {
            for (String ranker : RANKERS) {
                List<String> grades = j.rankings().get(ranker).stream().map(d -> String.valueOf(grade(j, d))).toList();
                String relevant = j.grades().values().stream().sorted((a, b) -> b - a).map(String::valueOf)
                        .reduce((a, b) -> a + " " + b).orElse("");
                judged.add(List.of(j.query(), ranker, String.join(" ", grades), relevant));
                double[] m = metrics(j, ranker);
                metrics.add(List.of(j.query(), ranker, f(m[0], 2), f(m[1], 2), f(m[2], 2), f(m[3], 3)));
            }
        }
        for (String ranker : RANKERS) {
            double[] m = mean(ranker);
            metrics.add(List.of("mean over queries", ranker, f(m[0], 2), f(m[1], 2), f(m[2], 2), f(m[3], 3)));
        }
        return Map.of("judged", judged,
                "metrics", Map.of("rows", metrics, "derived", List.of("P@5", "R@5", "Reciprocal rank", "NDCG@5")));
    }

    static String f(double v, int decimals) {
        return String.format("%." + decimals + "f", v);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        double[] bm25 = mean("BM25"), reranked = mean("BM25 + re-ranker");
        f.put("k", K);
        f.put("bm25-mrr", bm25[2]);
        f.put("reranked-mrr", reranked[2]);
        f.put("bm25-ndcg", bm25[3]);
        f.put("reranked-ndcg", reranked[3]);
        f.put("bm25-precision", bm25[0]);
        f.put("reranked-precision", reranked[0]);
        return f;
    }
}
