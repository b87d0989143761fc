package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The URL shortener case study, recomputed from what the page states: the rates from the monthly volume,
 * the birthday bound from n and 62^7, the HyperLogLog error from its register count, the cache and the
 * bill from their stated assumptions. The formulas are written again here on purpose.
 */
class UrlShortenerTest {

    private static final String PAGE = "case-studies/url-shortener.html";
    private static final double SECONDS_PER_DAY = 86_400;

    private static Document page() {
        return PublishedSite.page(PAGE);
    }

    private static double fact(String name) {
        Element e = page().selectFirst("span.fact[data-fact=urlshortener." + name + "]");
        assertNotNull(e, PAGE + " does not quote urlshortener." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    private static String textFact(String name) {
        Element e = page().selectFirst("span.fact[data-fact=urlshortener." + name + "]");
        assertNotNull(e, PAGE + " does not quote urlshortener." + name);
        return e.attr("data-value");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-12, PAGE + ": " + what);
    }

    private static double writesPerSecond() {
        return fact("new-urls-per-month") / (fact("days-per-month") * SECONDS_PER_DAY);
    }

    @Test
    void ratesFollowFromTheMonthlyVolume() {
        double writes = writesPerSecond();
        double peak = fact("peak-factor");
        double reads = writes * fact("redirects-per-url");
        assertClose(writes, fact("writes-avg"), "average writes per second");
        assertClose(writes * peak, fact("writes-peak"), "peak writes per second");
        assertClose(reads, fact("redirects-avg"), "average redirects per second");
        assertClose(reads * peak, fact("redirects-peak"), "peak redirects per second");
        assertClose(reads * SECONDS_PER_DAY, fact("redirects-per-day"), "redirects per day");
        assertClose(writes * peak / fact("range-size"), fact("counter-updates-peak"), "counter updates at peak");
        assertClose(fact("source-peak-redirects") * SECONDS_PER_DAY, fact("source-events-per-day"),
                "the commonly quoted events per day");
        assertClose(fact("source-writes-avg") / writes - 1, fact("source-writes-avg-overstatement"),
                "how far the commonly quoted 40/s overstates the average");
        assertClose(fact("source-peak-redirects") / (reads * peak) - 1, fact("source-redirects-peak-overstatement"),
                "how far the commonly quoted 12k overstates the peak");
    }

    @Test
    void everyRatesTableCellFollowsFromTheAverage() {
        List<Element> rows = page().select("table[data-table=urlshortener.rates] tbody tr");
        assertEquals(3, rows.size(), PAGE + ": the rates table should have three rows");
        double writes = writesPerSecond();
        double[] averages = {writes, writes * fact("redirects-per-url"), writes / fact("range-size")};
        double peak = fact("peak-factor");
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            String quantity = row.child(0).text();
            double[] expected = {averages[i], averages[i] * peak, averages[i] * SECONDS_PER_DAY};
            String[] columns = {"Average per second", "Peak per second", "Average per day"};
            for (int c = 0; c < 3; c++) {
                String cell = row.child(c + 1).text();
                assertTrue(Quantities.isCorrectlyRounded(Quantities.number(cell), expected[c]),
                        PAGE + " rates table, " + quantity + ", " + columns[c] + ": shows " + cell + " but is " + expected[c]);
            }
        }
    }

    @Test
    void storageAndKeyLengthFollowFromTheVolume() {
        double urls = fact("new-urls-per-month") * 12 * fact("years");
        assertClose(urls, fact("total-urls"), "URLs kept");
        assertClose(urls * fact("bytes-per-url"), fact("storage-bytes"), "storage");
        assertClose(urls * fact("bytes-per-url") * fact("replicas"), fact("storage-replicated-bytes"), "replicated storage");
        int length = 1;
        while (Math.pow(62, length) < urls) {
            length++;
        }
        assertEquals(length, (int) fact("key-length-needed"), PAGE + ": shortest key for " + urls + " URLs");
        assertClose(Math.pow(62, 6), fact("six-char-space"), "62^6");
        assertClose(Math.pow(62, 6) / (fact("new-urls-per-month") * 12), fact("six-char-years"), "years of 6-char keys");
        assertClose(Math.pow(62, 7) / (fact("new-urls-per-month") * 12), fact("seven-char-years"), "years of 7-char keys");
        assertClose(10 * Math.pow(62, 6), fact("digit-first-keys"), "keys whose first character is a digit");
    }

    @Test
    void theLargestKeyDecodesToTheTopOfTheKeySpace() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        String key = textFact("largest-key");
        assertEquals(7, key.length(), PAGE + ": the largest key should have seven characters");
        long value = 0;
        for (char c : key.toCharArray()) {
            value = value * 62 + alphabet.indexOf(c);
        }
        assertEquals((long) Math.pow(62, 7) - 1, value, PAGE + ": largest key " + key);
        assertEquals(Math.pow(62, 7), fact("key-space"), 0, PAGE + ": key space");
    }

    @Test
    void theConcurrencyRunIssuedNoDuplicateAndOneUpdatePerRange() {
        double keys = fact("concurrent-keys");
        assertEquals(keys, fact("concurrent-distinct"), PAGE + ": concurrent run issued a key twice");
        assertEquals(Math.ceil(keys / fact("range-size")), fact("concurrent-db-updates"),
                PAGE + ": a full range per counter update (keys " + keys + ")");
    }

    @Test
    void birthdayFiguresFollowFromNAndTheKeySpace() {
        double space = Math.pow(62, 7);
        assertClose(space, fact("key-space-7"), "62^7");
        assertClose(Math.log(space) / Math.log(2), fact("key-space-7-bits"), "bits in 62^7");
        for (String point : List.of("source-n", "five-year-n")) {
            double n = fact(point);
            double pairs = n * (n - 1) / (2 * space);
            String suffix = point.equals("source-n") ? "source-n" : "five-years";
            assertClose(pairs, fact("pairs-at-" + suffix), "expected pairs at n = " + n);
            assertClose(1 - Math.exp(-pairs), fact("p-at-" + suffix), "P(any collision) at n = " + n);
            assertClose(n / space, fact("insert-p-at-" + suffix), "next insert collides at n = " + n);
        }
        assertClose(fact("pairs-at-five-years") / fact("five-year-n"), fact("rehash-share-five-years"), "re-hash share");
        assertClose(Math.sqrt(2 * Math.log(2)), fact("fifty-percent-factor"), "the 1.1774 factor");
        assertClose(Math.sqrt(2 * space * Math.log(2)), fact("fifty-percent-n-62-7"), "50% point for 62^7");
        assertClose(Math.sqrt(2 * Math.pow(2, 42) * Math.log(2)), fact("fifty-percent-n-42-bits"), "50% point for 2^42");
        assertClose(Math.pow(2, 21), fact("sqrt-42-bits"), "2^21");
        double n = Math.pow(2, 21);
        assertClose(1 - Math.exp(-n * (n - 1) / (2 * Math.pow(2, 42))), fact("p-at-sqrt-n"), "P at 2^21 keys");
        assertTrue(fact("p-at-source-n") > 0.4, PAGE + ": the page says 2M keys are nearly a coin toss");
    }

    @Test
    void theSimulationAgreesWithTheFormula() {
        double space = Math.pow(62, fact("sim-key-chars"));
        assertClose(space, fact("sim-key-space"), "simulated key space");
        assertEquals(Math.round(Math.sqrt(2 * space * Math.log(2))), fact("sim-fifty-percent-n"), PAGE + ": simulated 50% point");
        double critical = 1.36 / Math.sqrt(fact("sim-trials"));
        assertClose(critical, fact("sim-ks-critical-95"), "Kolmogorov-Smirnov critical value");
        assertTrue(fact("sim-max-deviation") < critical, PAGE + ": simulation deviates by " + fact("sim-max-deviation"));
        assertEquals(0.5, fact("sim-p-at-fifty-percent-n"), critical, PAGE + ": simulated probability at the 50% point");
    }

    @Test
    void hyperLogLogErrorsFollowFromTheRegisterCount() {
        double registers = Math.pow(2, fact("lg-k"));
        assertEquals(registers, fact("registers"), PAGE + ": registers of the sketch used");
        assertClose(1.04 / Math.sqrt(registers), fact("classic-error"), "textbook error of the sketch used");
        double in2kb = 2048 * 8 / 6.0;
        assertClose(in2kb, fact("registers-in-2kb"), "6-bit registers in 2 KB");
        assertClose(1.04 / Math.sqrt(in2kb), fact("classic-error-2kb"), "textbook error of 2 KB");
        assertTrue(fact("classic-error-2kb") > 0.01, PAGE + ": the page says 2 KB cannot give 1%");
        double needed = Math.pow(1.04 / 0.01, 2);
        double onePercent = Math.pow(2, Math.ceil(Math.log(needed) / Math.log(2)));
        assertEquals(onePercent, fact("one-percent-registers"), PAGE + ": registers for 1%");
        // 48 streams estimate an error to about 10 %; allow three standard deviations.
        double measured = fact("measured-error"), bound = fact("library-error");
        assertTrue(Math.abs(measured / bound - 1) < 0.3, PAGE + ": measured " + measured + " against the library's " + bound);
        assertClose(fact("sketch-daily") / fact("exact-daily") - 1, fact("sketch-daily-error"), "rollup error");
        assertTrue(Math.abs(fact("sketch-daily-error")) < 3 * fact("classic-error"), PAGE + ": rollup estimate off by more than 3 sigma");
        assertClose(fact("sum-of-hourly") / fact("exact-daily"), fact("sum-over-exact"), "hourly sum over the truth");
        assertClose(fact("distinct-per-trial") / Math.pow(2, 14), fact("largest-distinct-over-registers"), "visitors per register");
    }

    /** H(n) by summing the first million terms exactly and integrating the rest. */
    private static double harmonic(double n) {
        int exact = (int) Math.min(n, 1_000_000);
        double sum = 0;
        for (int k = exact; k >= 1; k--) {
            sum += 1.0 / k;
        }
        return sum + Math.log(n / exact) + 1 / (2 * n) - 1 / (2.0 * exact);
    }

    @Test
    void cacheSizingFollowsFromZipf() {
        double links = fact("total-urls");
        double total = harmonic(links);
        assertEquals(harmonic(0.1 * links) / total, fact("hit-rate-top-10pct"), 1e-6, PAGE + ": hit rate caching 10%");
        assertEquals(harmonic(0.01 * links) / total, fact("hit-rate-top-1pct"), 1e-6, PAGE + ": hit rate caching 1%");
        for (String[] target : new String[][]{{"fraction-for-95", "0.95", "cache-gb-95"},
                {"fraction-for-target", String.valueOf(fact("target-hit-rate")), "cache-gb-target"}}) {
            double fraction = fact(target[0]);
            assertEquals(Double.parseDouble(target[1]), harmonic(fraction * links) / total, 1e-6,
                    PAGE + ": caching " + fraction + " of links should reach " + target[1]);
            assertClose(fraction * links * fact("cache-bytes-per-link") / 1e9, fact(target[2]), target[2]);
        }
        double peak = writesPerSecond() * fact("redirects-per-url") * fact("peak-factor");
        assertClose(peak / fact("redis-ops-per-primary"), fact("redis-utilisation"), "Redis utilisation");
    }

    @Test
    void theMonthlyBillAddsUp() {
        double secondsPerMonth = fact("days-per-month") * SECONDS_PER_DAY;
        double storageGb = fact("total-urls") * fact("bytes-per-url") * fact("replicas") / 1e9;
        assertClose(storageGb, fact("bill-storage-gb"), "SSD GB");
        assertClose(storageGb * fact("ssd-usd-per-gb"), fact("bill-storage-usd"), "SSD dollars");
        double egressGb = fact("redirects-avg") * secondsPerMonth * fact("response-bytes") / 1e9;
        assertClose(egressGb, fact("bill-egress-gb"), "egress GB");
        assertClose(egressGb * fact("egress-usd-per-gb"), fact("bill-egress-usd"), "egress dollars");
        assertEquals(Math.ceil(fact("cache-gb-target") / fact("vm-cache-gb")), fact("cache-nodes"), PAGE + ": cache nodes");
        double needed = fact("redirects-peak") / fact("qps-per-app-server");
        int zones = (int) fact("zones");
        int fleet = zones; // at least one server per zone
        while (fleet - Math.ceil((double) fleet / zones) < needed) {
            fleet++;
        }
        double app = fact("app-servers");
        assertEquals(fleet, app, PAGE + ": smallest app fleet that survives losing one of " + zones + " zones");
        double vms = app + fact("cache-nodes") + fact("database-nodes");
        assertClose(vms * fact("vm-usd"), fact("bill-vm-usd"), "VM dollars");
        assertClose(fact("bill-vm-usd") + fact("bill-storage-usd") + fact("bill-egress-usd"), fact("bill-total-usd"), "total");
        assertTrue(fact("bill-total-usd") > 500, PAGE + ": the page says the bill is not under $500");
    }

    @Test
    void pathLatenciesInProseMatchTheChart() throws Exception {
        Element canvas = page().selectFirst("figure[data-chart=urlshortener.path-latency] .chart-canvas");
        assertNotNull(canvas, PAGE + ": path latency chart missing");
        JsonNode option = new ObjectMapper().readTree(canvas.attr("data-echarts"));
        double[] sums = new double[3];
        for (JsonNode series : option.get("series")) {
            for (int i = 0; i < 3; i++) {
                sums[i] += series.get("data").get(i).asDouble();
            }
        }
        assertEquals(fact("hit-path-ms"), sums[0], 1e-6, PAGE + ": cache-hit bar against the prose");
        assertEquals(fact("miss-path-ms"), sums[1], 1e-6, PAGE + ": cache-miss bar against the prose");
        assertEquals(fact("create-path-ms"), sums[2], 1e-6, PAGE + ": create bar against the prose");
        double hit = fact("target-hit-rate");
        assertClose(hit * sums[0] + (1 - hit) * sums[1], fact("expected-redirect-ms"), "expected redirect latency");
    }

    @Test
    void theRingMovesAboutOneShardsShare() {
        double shards = fact("shards");
        assertClose(1 / (shards + 1), fact("ideal-moved"), "ideal share moved");
        assertEquals(fact("ideal-moved"), fact("moved-ring"), 0.03, PAGE + ": ring moved share");
        assertEquals(shards / (shards + 1), fact("moved-modulo"), 0.01, PAGE + ": mod-N moved share");
        assertTrue(fact("max-over-mean-256") < fact("max-over-mean-1"), PAGE + ": virtual nodes should even the load");
    }

    @Test
    void thePageEndsWithPracticeQuestions() {
        List<Element> questions = page().select("details");
        assertFalse(questions.size() < 4, PAGE + ": fewer than four practice questions");
    }
}
