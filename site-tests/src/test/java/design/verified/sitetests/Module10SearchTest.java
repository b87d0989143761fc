package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 10's numbers, recomputed from what the page shows: BM25 scores from the term frequencies,
 * lengths and document frequencies the tables print (so the check holds whatever the site's pages
 * say today), posting-list arithmetic from the index's own output, ranking metrics from the judged
 * grades, vector memory from bytes per vector.
 */
class Module10SearchTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/10-search.html", "search");

    // --- BM25, written again from the textbook formula ------------------------------------------

    private static double idf(double df, double n) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private static double weight(double tf, double length, double average, double k1, double b) {
        return tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average));
    }

    @Test
    void everySiteIdfFollowsFromItsDocumentFrequency() {
        double n = PAGE.fact("site-sections");
        for (Element row : PAGE.rows("search.site-terms")) {
            double df = Double.parseDouble(row.child(1).text());
            assertTrue(df <= n, PAGE + ", site-terms, " + row.child(0).text() + ": df above the section count");
            PAGE.assertRounded(row.child(2).text(), idf(df, n), "site-terms, " + row.child(0).text() + ", IDF");
        }
    }

    @Test
    void everySiteScoreIsTheSumOfItsTermsBm25() {
        double n = PAGE.fact("site-sections");
        double average = PAGE.fact("site-average-length");
        double k1 = PAGE.fact("k1");
        double b = PAGE.fact("b");
        Map<String, Double> df = new HashMap<>();
        for (Element row : PAGE.rows("search.site-terms")) {
            df.put(row.child(0).text(), Double.parseDouble(row.child(1).text()));
        }
        Map<String, List<Double>> scoresByQuery = new LinkedHashMap<>();
        for (Element row : PAGE.rows("search.site-results")) {
            String query = row.child(0).text();
            String where = "site-results, " + query + ", rank " + row.child(1).text();
            double length = Double.parseDouble(row.child(3).text());
            double score = 0;
            for (String pair : row.child(4).text().split(",\\s*")) {
                String[] termAndTf = pair.strip().split("\\s+");
                double tf = Double.parseDouble(termAndTf[1]);
                assertNotNull(df.get(termAndTf[0]), PAGE + ", " + where + ": term " + termAndTf[0] + " has no IDF row");
                if (tf > 0) {
                    score += idf(df.get(termAndTf[0]), n) * weight(tf, length, average, k1, b);
                }
            }
            PAGE.assertRounded(row.child(5).text(), score, where + ", BM25 score");
            List<Double> scores = scoresByQuery.computeIfAbsent(query, q -> new ArrayList<>());
            assertEquals(scores.size() + 1, Integer.parseInt(row.child(1).text()), PAGE + ", " + where + ": rank order");
            if (!scores.isEmpty()) {
                assertTrue(score <= scores.get(scores.size() - 1) + 1e-9, PAGE + ", " + where + ": ranked above a lower score");
            }
            scores.add(score);
        }
    }

    @Test
    void theDemonstrationScoresFollowFromItsCounts() {
        String out = PAGE.outputOf("search/Bm25");
        Matcher header = Pattern.compile("(\\d+) documents, average length ([\\d.]+) tokens, k1 = ([\\d.]+), b = ([\\d.]+)")
                .matcher(out);
        assertTrue(header.find(), PAGE + ": the BM25 demonstration prints no collection statistics");
        double n = Double.parseDouble(header.group(1));
        double average = Double.parseDouble(header.group(2));
        double k1 = Double.parseDouble(header.group(3));
        double b = Double.parseDouble(header.group(4));
        assertEquals(PAGE.fact("k1"), k1, 1e-12, PAGE + ": the demonstration's k1 is not the page's");
        Matcher idfLine = Pattern.compile("idf\\((\\w+)\\) = ([\\d.]+)\\s+\\(in (\\d+) of (\\d+) documents\\)").matcher(out);
        Map<String, Double> df = new LinkedHashMap<>();
        while (idfLine.find()) {
            double d = Double.parseDouble(idfLine.group(3));
            df.put(idfLine.group(1), d);
            PAGE.assertRounded(idfLine.group(2), idf(d, n), "BM25 demonstration, idf(" + idfLine.group(1) + ")");
        }
        assertEquals(2, df.size(), PAGE + ": the demonstration should print the IDF of both query terms");
        double[] idfs = df.values().stream().mapToDouble(d -> idf(d, n)).toArray();
        double[] logs = df.values().stream().mapToDouble(d -> Math.log(n / d)).toArray();
        String bestBm25 = null, bestTfIdf = null;
        double topTfIdf = -1;
        // rows: id, length, tf of term 1, tf of term 2, BM25, TF-IDF
        Matcher row = Pattern.compile("(?m)^([a-z-]+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)$").matcher(out);
        int rows = 0;
        while (row.find()) {
            double length = Double.parseDouble(row.group(2));
            double[] tf = {Double.parseDouble(row.group(3)), Double.parseDouble(row.group(4))};
            double bm25 = 0, tfIdf = 0;
            for (int t = 0; t < 2; t++) {
                if (tf[t] > 0) {
                    bm25 += idfs[t] * weight(tf[t], length, average, k1, b);
                    tfIdf += tf[t] * logs[t];
                }
            }
            PAGE.assertRounded(row.group(5), bm25, "BM25 demonstration, " + row.group(1) + ", BM25");
            PAGE.assertRounded(row.group(6), tfIdf, "BM25 demonstration, " + row.group(1) + ", TF-IDF");
            bestBm25 = bestBm25 == null ? row.group(1) : bestBm25;
            if (tfIdf > topTfIdf) {
                topTfIdf = tfIdf;
                bestTfIdf = row.group(1);
            }
            rows++;
        }
        assertTrue(rows >= 4, PAGE + ": the BM25 demonstration prints too few rows");
        assertEquals("keyword-stuffed", bestTfIdf, PAGE + ": the page says TF-IDF puts the stuffed page first");
        assertNotEquals(bestTfIdf, bestBm25, PAGE + ": the page says BM25 does not");
    }

    @Test
    void saturationFactsFollowFromK1AndB() {
        double k1 = PAGE.fact("k1"), b = PAGE.fact("b"), commonK1 = 1.5;
        assertEquals(1.2, k1, 1e-12, PAGE + ": Lucene's default k1");
        assertEquals(0.75, b, 1e-12, PAGE + ": Lucene's default b");
        double one = weight(1, 1, 1, k1, b);
        assertEquals(k1 + 1, PAGE.fact("ceiling-relative") * one, 1e-9, PAGE + ": BM25's ceiling");
        assertEquals(weight(10, 1, 1, k1, b) / one, PAGE.fact("tf10-relative"), 1e-9, PAGE + ": ten occurrences");
        assertEquals(weight(10, 1, 1, commonK1, b) / weight(1, 1, 1, commonK1, b), PAGE.fact("tf10-relative-common-k1"), 1e-9,
                PAGE + ": ten occurrences at k1 = 1.5");
        assertEquals(9 * k1, PAGE.fact("tf-for-90-percent"), 1e-9, PAGE + ": tf / (tf + k1) = 0.9");
        assertEquals(weight(1, 2, 1, k1, b) / one, PAGE.fact("long-doc-single"), 1e-9, PAGE + ": a document twice as long");
    }

    // --- Inverted index over the site --------------------------------------------------------------

    @Test
    void theSiteIndexAnswersFromItsOwnPostingLists() {
        String out = PAGE.outputOf("search/SiteIndex");
        Map<String, TreeSet<String>> lists = new LinkedHashMap<>();
        String term = null;
        int declaredDf = -1;
        for (String line : out.split("\n")) {
            Matcher header = Pattern.compile("^term (\\S+)\\s+df (\\d+)$").matcher(line.strip());
            if (header.matches()) {
                checkDf(term, declaredDf, lists);
                term = header.group(1);
                declaredDf = Integer.parseInt(header.group(2));
                lists.put(term, new TreeSet<>());
            } else if (term != null && line.startsWith("    ")) {
                Matcher entry = Pattern.compile("(\\S+\\.adoc) tf=(\\d+)").matcher(line);
                while (entry.find()) {
                    assertTrue(Integer.parseInt(entry.group(2)) > 0, PAGE + ": posting with tf 0 for " + term);
                    lists.get(term).add(entry.group(1));
                }
            } else if (!line.isBlank()) {
                checkDf(term, declaredDf, lists);
                term = null;
            }
        }
        assertTrue(lists.containsKey("error") && lists.containsKey("budget"), PAGE + ": the index shows no error/budget lists");
        TreeSet<String> both = new TreeSet<>(lists.get("error"));
        both.retainAll(lists.get("budget"));
        List<String> and = pages(out, "AND error budget:");
        assertEquals(new ArrayList<>(both), and, PAGE + ": AND error budget is not the intersection of the lists shown");
        for (String page : pages(out, "PHRASE \"error budget\":")) {
            assertTrue(both.contains(page.replaceAll(" x\\d+$", "")), PAGE + ": phrase match " + page + " is not in the AND result");
        }
    }

    private static void checkDf(String term, int declared, Map<String, TreeSet<String>> lists) {
        if (term != null) {
            assertEquals(declared, lists.get(term).size(), PAGE + ": df of '" + term + "' is not its posting-list length");
        }
    }

    private static List<String> pages(String out, String prefix) {
        for (String line : out.split("\n")) {
            if (line.startsWith(prefix)) {
                String rest = line.substring(prefix.length()).strip();
                return rest.isEmpty() ? List.of() : Arrays.asList(rest.split(",\\s*"));
            }
        }
        throw new AssertionError(PAGE + ": the index output has no line '" + prefix + "'");
    }

    @Test
    void postingListArithmeticIsConsistent() {
        double common = PAGE.fact("common-postings");
        assertEquals(4 * common, PAGE.fact("raw-bytes"), 1e-9, PAGE + ": four bytes per raw posting");
        assertEquals(PAGE.fact("raw-bytes") / PAGE.fact("encoded-bytes"), PAGE.fact("compression-ratio"), 1e-9, PAGE + ": compression ratio");
        assertEquals(PAGE.fact("encoded-bytes") / common, PAGE.fact("bytes-per-posting"), 1e-9, PAGE + ": bytes per posting");
        assertTrue(PAGE.fact("encoded-bytes") >= common, PAGE + ": a varint takes at least one byte per posting");
        assertEquals(PAGE.fact("merge-reads") / PAGE.fact("skip-reads"), PAGE.fact("skip-speedup"), 1e-9, PAGE + ": skip speed-up");
        assertTrue(PAGE.fact("merge-reads") <= common + PAGE.fact("rare-postings"), PAGE + ": a merge reads each posting at most once");
        assertTrue(PAGE.fact("matches") <= PAGE.fact("rare-postings"), PAGE + ": more matches than the rare list has entries");
    }

    // --- Two stages, metrics -----------------------------------------------------------------------

    @Test
    void theReRankingBudgetFollowsFromCostPerDocument() {
        double cheap = PAGE.fact("rerank-ms-cheap"), heavy = PAGE.fact("rerank-ms-heavy");
        assertEquals(0.1, cheap, 1e-12, PAGE + ": the rule of thumb's low end");
        assertEquals(1.0, heavy, 1e-12, PAGE + ": the rule of thumb's high end");
        assertEquals(1_000 * cheap / 1_000, PAGE.fact("cpu-s-1000-cheap"), 1e-12, PAGE + ": 1,000 candidates at 0.1 ms");
        assertEquals(1_000 * heavy / 1_000, PAGE.fact("cpu-s-1000-heavy"), 1e-12, PAGE + ": 1,000 candidates at 1 ms");
        assertEquals(1_000 * PAGE.fact("cpu-s-1000-heavy"), PAGE.fact("cores-at-1000-qps-heavy"), 1e-9, PAGE + ": cores at 1,000 QPS");
        assertEquals(1_000 * PAGE.fact("cpu-s-1000-cheap"), PAGE.fact("cores-at-1000-qps-cheap"), 1e-9, PAGE + ": cores at 1,000 QPS");
        assertEquals(PAGE.fact("ndcg-1000") / PAGE.fact("ndcg-all"), PAGE.fact("share-of-best-at-1000"), 1e-12, PAGE + ": share of the best");
        assertTrue(PAGE.fact("first-stage-ndcg") < PAGE.fact("ndcg-100") && PAGE.fact("ndcg-100") < PAGE.fact("ndcg-1000"),
                PAGE + ": the page says quality rises with the candidates re-ranked");
    }

    @Test
    void everyMetricFollowsFromTheJudgedGrades() {
        List<Element> judged = PAGE.rows("search.judged");
        List<Element> metrics = PAGE.rows("search.metrics");
        Map<String, double[]> sums = new LinkedHashMap<>();
        int k = (int) PAGE.fact("k");
        for (int i = 0; i < judged.size(); i++) {
            Element j = judged.get(i), m = metrics.get(i);
            String where = "metrics, " + j.child(0).text() + ", " + j.child(1).text();
            assertEquals(j.child(0).text() + j.child(1).text(), m.child(0).text() + m.child(1).text(),
                    PAGE + ": the judged and metrics tables are not in the same order");
            int[] grades = Arrays.stream(j.child(2).text().split("\\s+")).mapToInt(Integer::parseInt).toArray();
            int[] judgedGrades = Arrays.stream(j.child(3).text().split("\\s+")).mapToInt(Integer::parseInt).toArray();
            long relevantInTopK = Arrays.stream(grades).limit(k).filter(g -> g > 0).count();
            double precision = relevantInTopK / (double) k;
            double recall = relevantInTopK / (double) Arrays.stream(judgedGrades).filter(g -> g > 0).count();
            double rr = 0;
            for (int r = 0; r < grades.length; r++) {
                if (grades[r] > 0) {
                    rr = 1.0 / (r + 1);
                    break;
                }
            }
            double ndcg = dcg(grades, k) / dcg(judgedGrades, k); // judged grades are listed best first
            PAGE.assertRounded(m.child(2).text(), precision, where + ", P@" + k);
            PAGE.assertRounded(m.child(3).text(), recall, where + ", R@" + k);
            PAGE.assertRounded(m.child(4).text(), rr, where + ", reciprocal rank");
            PAGE.assertRounded(m.child(5).text(), ndcg, where + ", NDCG@" + k);
            double[] sum = sums.computeIfAbsent(j.child(1).text(), x -> new double[5]);
            sum[0] += precision;
            sum[1] += recall;
            sum[2] += rr;
            sum[3] += ndcg;
            sum[4]++;
        }
        for (Element m : metrics.subList(judged.size(), metrics.size())) {
            double[] sum = sums.get(m.child(1).text());
            String where = "metrics, mean, " + m.child(1).text();
            for (int c = 0; c < 4; c++) {
                PAGE.assertRounded(m.child(2 + c).text(), sum[c] / sum[4], where + ", column " + (c + 2));
            }
        }
        assertEquals(sums.get("BM25")[2] / sums.get("BM25")[4], PAGE.fact("bm25-mrr"), 1e-12, PAGE + ": BM25 MRR");
        assertEquals(sums.get("BM25 + re-ranker")[3] / sums.get("BM25 + re-ranker")[4], PAGE.fact("reranked-ndcg"), 1e-12,
                PAGE + ": re-ranked NDCG");
    }

    private static double dcg(int[] grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, grades.length); i++) {
            dcg += (Math.pow(2, grades[i]) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }

    // --- Vectors, fusion, recommendations --------------------------------------------------------

    @Test
    void vectorMemoryFollowsFromBytesPerVector() {
        List<Element> rows = PAGE.rows("search.vector-memory");
        double flatBytes = Double.parseDouble(rows.get(0).child(1).text());
        assertEquals(768 * 4, flatBytes, PAGE + ": a 768-dimensional float32 vector");
        for (Element row : rows) {
            String where = "vector-memory, " + row.child(0).text();
            double bytes = Double.parseDouble(row.child(1).text());
            PAGE.assertRounded(row.child(2).text(), 10_000_000 * bytes / 1e9, where + ", memory (GB)");
            if (row.child(3).text().endsWith("×")) {
                PAGE.assertRounded(row.child(3).text(), flatBytes / bytes, where + ", compression");
            }
        }
        assertEquals(10_000_000 * flatBytes, PAGE.fact("big-flat-bytes"), 1, PAGE + ": flat index size");
        assertEquals(PAGE.fact("big-flat-bytes") / 1e9 / PAGE.fact("memory-gb-per-s-one-core"), PAGE.fact("big-scan-s-one-core"), 1e-9,
                PAGE + ": brute-force scan on one core");
        assertEquals(PAGE.fact("big-flat-bytes") / 1e9 / PAGE.fact("memory-gb-per-s-server"), PAGE.fact("big-scan-s-server"), 1e-9,
                PAGE + ": brute-force scan on a server");
        assertEquals(PAGE.fact("big-flat-bytes") / 1e6 * 250e-6, PAGE.fact("big-scan-s-ladder"), 1e-9,
                PAGE + ": brute-force scan at Module 1's 250 µs per MB");
    }

    @Test
    void fusionArithmeticRewardsAgreement() {
        double k = PAGE.fact("rrf-k");
        assertEquals(60, k, PAGE + ": the conventional RRF constant");
        assertEquals(1 / (k + 1) + 1 / (k + 10), PAGE.fact("rrf-1-and-10"), 1e-12, PAGE + ": RRF of ranks 1 and 10");
        assertEquals(2 / (k + 5), PAGE.fact("rrf-5-and-5"), 1e-12, PAGE + ": RRF of ranks 5 and 5");
        assertTrue(PAGE.fact("rrf-5-and-5") > PAGE.fact("rrf-1-and-10"), PAGE + ": the page says agreement wins");
        assertEquals(1 / (k + 1), PAGE.fact("rrf-1-only"), 1e-12, PAGE + ": RRF of rank 1 in one list only");
        List<Element> rows = PAGE.rows("search.hybrid");
        PAGE.assertRounded(rows.get(0).child(1).text(), PAGE.fact("lexical-recall"), "hybrid, lexical");
        PAGE.assertRounded(rows.get(1).child(1).text(), PAGE.fact("vector-recall"), "hybrid, vector");
        PAGE.assertRounded(rows.get(2).child(1).text(), PAGE.fact("sum-recall"), "hybrid, score sum");
        PAGE.assertRounded(rows.get(3).child(1).text(), PAGE.fact("rrf-recall"), "hybrid, RRF");
        assertTrue(PAGE.fact("rrf-recall") > Math.max(PAGE.fact("lexical-recall"), PAGE.fact("vector-recall")),
                PAGE + ": the page says RRF beats both retrievers");
    }

    @Test
    void recommendationClaimsFollowFromTheSimulations() {
        assertTrue(PAGE.fact("thompson-regret") < PAGE.fact("epsilon-regret") && PAGE.fact("epsilon-regret") < PAGE.fact("greedy-regret"),
                PAGE + ": the page orders the policies Thompson < epsilon-greedy < greedy by regret");
        assertEquals(PAGE.fact("blended-satisfied") / PAGE.fact("clicks-only-satisfied"), PAGE.fact("satisfied-gain"), 1e-12,
                PAGE + ": satisfied-visit gain");
        assertTrue(PAGE.fact("blended-clicks") < PAGE.fact("clicks-only-clicks"), PAGE + ": the page says clicks fall");
        assertTrue(PAGE.fact("explore-clickbait") > PAGE.fact("clicks-only-clickbait"),
                PAGE + ": the page says exploration alone makes clickbait worse");
    }
}
