package design.verified.sitetests;

import org.jsoup.nodes.Document;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final String PAGE = "modules/10-search.html";

    private static Document doc() {
        return PublishedSite.page(PAGE);
    }

    private static double fact(String name) {
        Element e = doc().selectFirst("span.fact[data-fact=search." + name + "]");
        assertNotNull(e, PAGE + " does not quote search." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    private static List<Element> rows(String table) {
        List<Element> rows = doc().select("table[data-table=" + table + "] tbody tr");
        assertFalse(rows.isEmpty(), PAGE + ": table " + table + " is missing");
        return rows;
    }

    private static void assertRounded(String cell, double exact, String where) {
        assertTrue(Quantities.isCorrectlyRounded(Quantities.number(cell), exact),
                PAGE + ", " + where + ": shows '" + cell + "' but the arithmetic gives " + exact);
    }

    private static String outputOf(String program) {
        Element meta = doc().selectFirst(".snippet-meta[data-program=" + program + "]");
        assertNotNull(meta, PAGE + ": no snippet " + program);
        Element pre = meta.closest(".snippet").selectFirst(".literalblock.output pre");
        assertNotNull(pre, PAGE + ": snippet " + program + " shows no output");
        return pre.wholeText();
    }

    // --- BM25, written again from the textbook formula ------------------------------------------

    private static double idf(double df, double n) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private static double weight(double tf, double length, double average, double k1, double b) {
        return tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average));
    }

    @Test
    void everySiteIdfFollowsFromItsDocumentFrequency() {
        double n = fact("site-sections");
        for (Element row : rows("search.site-terms")) {
            double df = Double.parseDouble(row.child(1).text());
            assertTrue(df <= n, PAGE + ", site-terms, " + row.child(0).text() + ": df above the section count");
            assertRounded(row.child(2).text(), idf(df, n), "site-terms, " + row.child(0).text() + ", IDF");
        }
    }

    @Test
    void everySiteScoreIsTheSumOfItsTermsBm25() {
        double n = fact("site-sections");
        double average = fact("site-average-length");
        double k1 = fact("k1");
        double b = fact("b");
        Map<String, Double> df = new HashMap<>();
        for (Element row : rows("search.site-terms")) {
            df.put(row.child(0).text(), Double.parseDouble(row.child(1).text()));
        }
        Map<String, List<Double>> scoresByQuery = new LinkedHashMap<>();
        for (Element row : rows("search.site-results")) {
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
            assertRounded(row.child(5).text(), score, where + ", BM25 score");
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
        String out = outputOf("search/Bm25");
        Matcher header = Pattern.compile("(\\d+) documents, average length ([\\d.]+) tokens, k1 = ([\\d.]+), b = ([\\d.]+)")
                .matcher(out);
        assertTrue(header.find(), PAGE + ": the BM25 demonstration prints no collection statistics");
        double n = Double.parseDouble(header.group(1));
        double average = Double.parseDouble(header.group(2));
        double k1 = Double.parseDouble(header.group(3));
        double b = Double.parseDouble(header.group(4));
        assertEquals(fact("k1"), k1, 1e-12, PAGE + ": the demonstration's k1 is not the page's");
        Matcher idfLine = Pattern.compile("idf\\((\\w+)\\) = ([\\d.]+)\\s+\\(in (\\d+) of (\\d+) documents\\)").matcher(out);
        Map<String, Double> df = new LinkedHashMap<>();
        while (idfLine.find()) {
            double d = Double.parseDouble(idfLine.group(3));
            df.put(idfLine.group(1), d);
            assertRounded(idfLine.group(2), idf(d, n), "BM25 demonstration, idf(" + idfLine.group(1) + ")");
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
            assertRounded(row.group(5), bm25, "BM25 demonstration, " + row.group(1) + ", BM25");
            assertRounded(row.group(6), tfIdf, "BM25 demonstration, " + row.group(1) + ", TF-IDF");
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
        double k1 = fact("k1"), b = fact("b"), commonK1 = 1.5;
        assertEquals(1.2, k1, 1e-12, PAGE + ": Lucene's default k1");
        assertEquals(0.75, b, 1e-12, PAGE + ": Lucene's default b");
        double one = weight(1, 1, 1, k1, b);
        assertEquals(k1 + 1, fact("ceiling-relative") * one, 1e-9, PAGE + ": BM25's ceiling");
        assertEquals(weight(10, 1, 1, k1, b) / one, fact("tf10-relative"), 1e-9, PAGE + ": ten occurrences");
        assertEquals(weight(10, 1, 1, commonK1, b) / weight(1, 1, 1, commonK1, b), fact("tf10-relative-common-k1"), 1e-9,
                PAGE + ": ten occurrences at k1 = 1.5");
        assertEquals(9 * k1, fact("tf-for-90-percent"), 1e-9, PAGE + ": tf / (tf + k1) = 0.9");
        assertEquals(weight(1, 2, 1, k1, b) / one, fact("long-doc-single"), 1e-9, PAGE + ": a document twice as long");
    }

    // --- Inverted index over the site --------------------------------------------------------------

    @Test
    void theSiteIndexAnswersFromItsOwnPostingLists() {
        String out = outputOf("search/SiteIndex");
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
        double common = fact("common-postings");
        assertEquals(4 * common, fact("raw-bytes"), 1e-9, PAGE + ": four bytes per raw posting");
        assertEquals(fact("raw-bytes") / fact("encoded-bytes"), fact("compression-ratio"), 1e-9, PAGE + ": compression ratio");
        assertEquals(fact("encoded-bytes") / common, fact("bytes-per-posting"), 1e-9, PAGE + ": bytes per posting");
        assertTrue(fact("encoded-bytes") >= common, PAGE + ": a varint takes at least one byte per posting");
        assertEquals(fact("merge-reads") / fact("skip-reads"), fact("skip-speedup"), 1e-9, PAGE + ": skip speed-up");
        assertTrue(fact("merge-reads") <= common + fact("rare-postings"), PAGE + ": a merge reads each posting at most once");
        assertTrue(fact("matches") <= fact("rare-postings"), PAGE + ": more matches than the rare list has entries");
    }

    // --- Two stages, metrics -----------------------------------------------------------------------

    @Test
    void theReRankingBudgetFollowsFromCostPerDocument() {
        double cheap = fact("rerank-ms-cheap"), heavy = fact("rerank-ms-heavy");
        assertEquals(0.1, cheap, 1e-12, PAGE + ": the rule of thumb's low end");
        assertEquals(1.0, heavy, 1e-12, PAGE + ": the rule of thumb's high end");
        assertEquals(1_000 * cheap / 1_000, fact("cpu-s-1000-cheap"), 1e-12, PAGE + ": 1,000 candidates at 0.1 ms");
        assertEquals(1_000 * heavy / 1_000, fact("cpu-s-1000-heavy"), 1e-12, PAGE + ": 1,000 candidates at 1 ms");
        assertEquals(1_000 * fact("cpu-s-1000-heavy"), fact("cores-at-1000-qps-heavy"), 1e-9, PAGE + ": cores at 1,000 QPS");
        assertEquals(1_000 * fact("cpu-s-1000-cheap"), fact("cores-at-1000-qps-cheap"), 1e-9, PAGE + ": cores at 1,000 QPS");
        assertEquals(fact("ndcg-1000") / fact("ndcg-all"), fact("share-of-best-at-1000"), 1e-12, PAGE + ": share of the best");
        assertTrue(fact("first-stage-ndcg") < fact("ndcg-100") && fact("ndcg-100") < fact("ndcg-1000"),
                PAGE + ": the page says quality rises with the candidates re-ranked");
    }

    @Test
    void everyMetricFollowsFromTheJudgedGrades() {
        List<Element> judged = rows("search.judged");
        List<Element> metrics = rows("search.metrics");
        Map<String, double[]> sums = new LinkedHashMap<>();
        int k = (int) fact("k");
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
            assertRounded(m.child(2).text(), precision, where + ", P@" + k);
            assertRounded(m.child(3).text(), recall, where + ", R@" + k);
            assertRounded(m.child(4).text(), rr, where + ", reciprocal rank");
            assertRounded(m.child(5).text(), ndcg, where + ", NDCG@" + k);
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
                assertRounded(m.child(2 + c).text(), sum[c] / sum[4], where + ", column " + (c + 2));
            }
        }
        assertEquals(sums.get("BM25")[2] / sums.get("BM25")[4], fact("bm25-mrr"), 1e-12, PAGE + ": BM25 MRR");
        assertEquals(sums.get("BM25 + re-ranker")[3] / sums.get("BM25 + re-ranker")[4], fact("reranked-ndcg"), 1e-12,
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
        List<Element> rows = rows("search.vector-memory");
        double flatBytes = Double.parseDouble(rows.get(0).child(1).text());
        assertEquals(768 * 4, flatBytes, PAGE + ": a 768-dimensional float32 vector");
        for (Element row : rows) {
            String where = "vector-memory, " + row.child(0).text();
            double bytes = Double.parseDouble(row.child(1).text());
            assertRounded(row.child(2).text(), 10_000_000 * bytes / 1e9, where + ", memory (GB)");
            if (row.child(3).text().endsWith("×")) {
                assertRounded(row.child(3).text(), flatBytes / bytes, where + ", compression");
            }
        }
        assertEquals(10_000_000 * flatBytes, fact("big-flat-bytes"), 1, PAGE + ": flat index size");
        assertEquals(fact("big-flat-bytes") / 1e9 / fact("memory-gb-per-s-one-core"), fact("big-scan-s-one-core"), 1e-9,
                PAGE + ": brute-force scan on one core");
        assertEquals(fact("big-flat-bytes") / 1e9 / fact("memory-gb-per-s-server"), fact("big-scan-s-server"), 1e-9,
                PAGE + ": brute-force scan on a server");
        assertEquals(fact("big-flat-bytes") / 1e6 * 250e-6, fact("big-scan-s-ladder"), 1e-9,
                PAGE + ": brute-force scan at Module 1's 250 µs per MB");
    }

    @Test
    void fusionArithmeticRewardsAgreement() {
        double k = fact("rrf-k");
        assertEquals(60, k, PAGE + ": the conventional RRF constant");
        assertEquals(1 / (k + 1) + 1 / (k + 10), fact("rrf-1-and-10"), 1e-12, PAGE + ": RRF of ranks 1 and 10");
        assertEquals(2 / (k + 5), fact("rrf-5-and-5"), 1e-12, PAGE + ": RRF of ranks 5 and 5");
        assertTrue(fact("rrf-5-and-5") > fact("rrf-1-and-10"), PAGE + ": the page says agreement wins");
        assertEquals(1 / (k + 1), fact("rrf-1-only"), 1e-12, PAGE + ": RRF of rank 1 in one list only");
        List<Element> rows = rows("search.hybrid");
        assertRounded(rows.get(0).child(1).text(), fact("lexical-recall"), "hybrid, lexical");
        assertRounded(rows.get(1).child(1).text(), fact("vector-recall"), "hybrid, vector");
        assertRounded(rows.get(2).child(1).text(), fact("sum-recall"), "hybrid, score sum");
        assertRounded(rows.get(3).child(1).text(), fact("rrf-recall"), "hybrid, RRF");
        assertTrue(fact("rrf-recall") > Math.max(fact("lexical-recall"), fact("vector-recall")),
                PAGE + ": the page says RRF beats both retrievers");
    }

    @Test
    void recommendationClaimsFollowFromTheSimulations() {
        assertTrue(fact("thompson-regret") < fact("epsilon-regret") && fact("epsilon-regret") < fact("greedy-regret"),
                PAGE + ": the page orders the policies Thompson < epsilon-greedy < greedy by regret");
        assertEquals(fact("blended-satisfied") / fact("clicks-only-satisfied"), fact("satisfied-gain"), 1e-12,
                PAGE + ": satisfied-visit gain");
        assertTrue(fact("blended-clicks") < fact("clicks-only-clicks"), PAGE + ": the page says clicks fall");
        assertTrue(fact("explore-clickbait") > fact("clicks-only-clickbait"),
                PAGE + ": the page says exploration alone makes clickbait worse");
    }
}
