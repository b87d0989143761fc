package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The URL shortener case study, recomputed from what the page states: the rates from the monthly volume,
 * the birthday bound from n and 62^7, the HyperLogLog error from its register count, the cache and the
 * bill from their stated assumptions. The formulas are written again here on purpose.
 */
class UrlShortenerTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/url-shortener.html", "urlshortener");
    private static final double SECONDS_PER_DAY = 86_400;

    private static double writesPerSecond() {
        return PAGE.fact("new-urls-per-month") / (PAGE.fact("days-per-month") * SECONDS_PER_DAY);
    }

    @Test
    void ratesFollowFromTheMonthlyVolume() {
        double writes = writesPerSecond();
        double peak = PAGE.fact("peak-factor");
        double reads = writes * PAGE.fact("redirects-per-url");
        PAGE.assertClose(writes, PAGE.fact("writes-avg"), "average writes per second");
        PAGE.assertClose(writes * peak, PAGE.fact("writes-peak"), "peak writes per second");
        PAGE.assertClose(reads, PAGE.fact("redirects-avg"), "average redirects per second");
        PAGE.assertClose(reads * peak, PAGE.fact("redirects-peak"), "peak redirects per second");
        PAGE.assertClose(reads * SECONDS_PER_DAY, PAGE.fact("redirects-per-day"), "redirects per day");
        PAGE.assertClose(writes * peak / PAGE.fact("range-size"), PAGE.fact("counter-updates-peak"), "counter updates at peak");
        PAGE.assertClose(PAGE.fact("source-peak-redirects") * SECONDS_PER_DAY, PAGE.fact("source-events-per-day"),
                "the commonly quoted events per day");
        PAGE.assertClose(PAGE.fact("source-writes-avg") / writes - 1, PAGE.fact("source-writes-avg-overstatement"),
                "how far the commonly quoted 40/s overstates the average");
        PAGE.assertClose(PAGE.fact("source-peak-redirects") / (reads * peak) - 1, PAGE.fact("source-redirects-peak-overstatement"),
                "how far the commonly quoted 12k overstates the peak");
    }

    @Test
    void everyRatesTableCellFollowsFromTheAverage() {
        List<Element> rows = PAGE.rows("urlshortener.rates");
        assertEquals(3, rows.size(), PAGE + ": the rates table should have three rows");
        double writes = writesPerSecond();
        double[] averages = {writes, writes * PAGE.fact("redirects-per-url"), writes / PAGE.fact("range-size")};
        double peak = PAGE.fact("peak-factor");
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
        double urls = PAGE.fact("new-urls-per-month") * 12 * PAGE.fact("years");
        PAGE.assertClose(urls, PAGE.fact("total-urls"), "URLs kept");
        PAGE.assertClose(urls * PAGE.fact("bytes-per-url"), PAGE.fact("storage-bytes"), "storage");
        PAGE.assertClose(urls * PAGE.fact("bytes-per-url") * PAGE.fact("replicas"), PAGE.fact("storage-replicated-bytes"), "replicated storage");
        int length = 1;
        while (Math.pow(62, length) < urls) {
            length++;
        }
        assertEquals(length, (int) PAGE.fact("key-length-needed"), PAGE + ": shortest key for " + urls + " URLs");
        PAGE.assertClose(Math.pow(62, 6), PAGE.fact("six-char-space"), "62^6");
        PAGE.assertClose(Math.pow(62, 6) / (PAGE.fact("new-urls-per-month") * 12), PAGE.fact("six-char-years"), "years of 6-char keys");
        PAGE.assertClose(Math.pow(62, 7) / (PAGE.fact("new-urls-per-month") * 12), PAGE.fact("seven-char-years"), "years of 7-char keys");
        PAGE.assertClose(10 * Math.pow(62, 6), PAGE.fact("digit-first-keys"), "keys whose first character is a digit");
    }

    @Test
    void theLargestKeyDecodesToTheTopOfTheKeySpace() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        String key = PAGE.factText("largest-key");
        assertEquals(7, key.length(), PAGE + ": the largest key should have seven characters");
        long value = 0;
        for (char c : key.toCharArray()) {
            value = value * 62 + alphabet.indexOf(c);
        }
        assertEquals((long) Math.pow(62, 7) - 1, value, PAGE + ": largest key " + key);
        assertEquals(Math.pow(62, 7), PAGE.fact("key-space"), 0, PAGE + ": key space");
    }

    @Test
    void theConcurrencyRunIssuedNoDuplicateAndOneUpdatePerRange() {
        double keys = PAGE.fact("concurrent-keys");
        assertEquals(keys, PAGE.fact("concurrent-distinct"), PAGE + ": concurrent run issued a key twice");
        assertEquals(Math.ceil(keys / PAGE.fact("range-size")), PAGE.fact("concurrent-db-updates"),
                PAGE + ": a full range per counter update (keys " + keys + ")");
    }

    @Test
    void birthdayFiguresFollowFromNAndTheKeySpace() {
        double space = Math.pow(62, 7);
        PAGE.assertClose(space, PAGE.fact("key-space-7"), "62^7");
        PAGE.assertClose(Math.log(space) / Math.log(2), PAGE.fact("key-space-7-bits"), "bits in 62^7");
        for (String point : List.of("source-n", "five-year-n")) {
            double n = PAGE.fact(point);
            double pairs = n * (n - 1) / (2 * space);
            String suffix = point.equals("source-n") ? "source-n" : "five-years";
            PAGE.assertClose(pairs, PAGE.fact("pairs-at-" + suffix), "expected pairs at n = " + n);
            PAGE.assertClose(1 - Math.exp(-pairs), PAGE.fact("p-at-" + suffix), "P(any collision) at n = " + n);
            PAGE.assertClose(n / space, PAGE.fact("insert-p-at-" + suffix), "next insert collides at n = " + n);
        }
        PAGE.assertClose(PAGE.fact("pairs-at-five-years") / PAGE.fact("five-year-n"), PAGE.fact("rehash-share-five-years"), "re-hash share");
        PAGE.assertClose(Math.sqrt(2 * Math.log(2)), PAGE.fact("fifty-percent-factor"), "the 1.1774 factor");
        PAGE.assertClose(Math.sqrt(2 * space * Math.log(2)), PAGE.fact("fifty-percent-n-62-7"), "50% point for 62^7");
        PAGE.assertClose(Math.sqrt(2 * Math.pow(2, 42) * Math.log(2)), PAGE.fact("fifty-percent-n-42-bits"), "50% point for 2^42");
        PAGE.assertClose(Math.pow(2, 21), PAGE.fact("sqrt-42-bits"), "2^21");
        double n = Math.pow(2, 21);
        PAGE.assertClose(1 - Math.exp(-n * (n - 1) / (2 * Math.pow(2, 42))), PAGE.fact("p-at-sqrt-n"), "P at 2^21 keys");
        assertTrue(PAGE.fact("p-at-source-n") > 0.4, PAGE + ": the page says 2M keys are nearly a coin toss");
    }

    @Test
    void theSimulationAgreesWithTheFormula() {
        double space = Math.pow(62, PAGE.fact("sim-key-chars"));
        PAGE.assertClose(space, PAGE.fact("sim-key-space"), "simulated key space");
        assertEquals(Math.round(Math.sqrt(2 * space * Math.log(2))), PAGE.fact("sim-fifty-percent-n"), PAGE + ": simulated 50% point");
        double critical = 1.36 / Math.sqrt(PAGE.fact("sim-trials"));
        PAGE.assertClose(critical, PAGE.fact("sim-ks-critical-95"), "Kolmogorov-Smirnov critical value");
        assertTrue(PAGE.fact("sim-max-deviation") < critical, PAGE + ": simulation deviates by " + PAGE.fact("sim-max-deviation"));
        assertEquals(0.5, PAGE.fact("sim-p-at-fifty-percent-n"), critical, PAGE + ": simulated probability at the 50% point");
    }

    @Test
    void hyperLogLogErrorsFollowFromTheRegisterCount() {
        double registers = Math.pow(2, PAGE.fact("lg-k"));
        assertEquals(registers, PAGE.fact("registers"), PAGE + ": registers of the sketch used");
        PAGE.assertClose(1.04 / Math.sqrt(registers), PAGE.fact("classic-error"), "textbook error of the sketch used");
        double in2kb = 2048 * 8 / 6.0;
        PAGE.assertClose(in2kb, PAGE.fact("registers-in-2kb"), "6-bit registers in 2 KB");
        PAGE.assertClose(1.04 / Math.sqrt(in2kb), PAGE.fact("classic-error-2kb"), "textbook error of 2 KB");
        assertTrue(PAGE.fact("classic-error-2kb") > 0.01, PAGE + ": the page says 2 KB cannot give 1%");
        double needed = Math.pow(1.04 / 0.01, 2);
        double onePercent = Math.pow(2, Math.ceil(Math.log(needed) / Math.log(2)));
        assertEquals(onePercent, PAGE.fact("one-percent-registers"), PAGE + ": registers for 1%");
        // 48 streams estimate an error to about 10 %; allow three standard deviations.
        double measured = PAGE.fact("measured-error"), bound = PAGE.fact("library-error");
        assertTrue(Math.abs(measured / bound - 1) < 0.3, PAGE + ": measured " + measured + " against the library's " + bound);
        PAGE.assertClose(PAGE.fact("sketch-daily") / PAGE.fact("exact-daily") - 1, PAGE.fact("sketch-daily-error"), "rollup error");
        assertTrue(Math.abs(PAGE.fact("sketch-daily-error")) < 3 * PAGE.fact("classic-error"), PAGE + ": rollup estimate off by more than 3 sigma");
        PAGE.assertClose(PAGE.fact("sum-of-hourly") / PAGE.fact("exact-daily"), PAGE.fact("sum-over-exact"), "hourly sum over the truth");
        PAGE.assertClose(PAGE.fact("distinct-per-trial") / Math.pow(2, 14), PAGE.fact("largest-distinct-over-registers"), "visitors per register");
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
        double links = PAGE.fact("total-urls");
        double total = harmonic(links);
        assertEquals(harmonic(0.1 * links) / total, PAGE.fact("hit-rate-top-10pct"), 1e-6, PAGE + ": hit rate caching 10%");
        assertEquals(harmonic(0.01 * links) / total, PAGE.fact("hit-rate-top-1pct"), 1e-6, PAGE + ": hit rate caching 1%");
        for (String[] target : new String[][]{{"fraction-for-95", "0.95", "cache-gb-95"},
                {"fraction-for-target", String.valueOf(PAGE.fact("target-hit-rate")), "cache-gb-target"}}) {
            double fraction = PAGE.fact(target[0]);
            assertEquals(Double.parseDouble(target[1]), harmonic(fraction * links) / total, 1e-6,
                    PAGE + ": caching " + fraction + " of links should reach " + target[1]);
            PAGE.assertClose(fraction * links * PAGE.fact("cache-bytes-per-link") / 1e9, PAGE.fact(target[2]), target[2]);
        }
        double peak = writesPerSecond() * PAGE.fact("redirects-per-url") * PAGE.fact("peak-factor");
        PAGE.assertClose(peak / PAGE.fact("redis-ops-per-primary"), PAGE.fact("redis-utilisation"), "Redis utilisation");
    }

    @Test
    void theMonthlyBillAddsUp() {
        double secondsPerMonth = PAGE.fact("days-per-month") * SECONDS_PER_DAY;
        double storageGb = PAGE.fact("total-urls") * PAGE.fact("bytes-per-url") * PAGE.fact("replicas") / 1e9;
        PAGE.assertClose(storageGb, PAGE.fact("bill-storage-gb"), "SSD GB");
        PAGE.assertClose(storageGb * PAGE.fact("ssd-usd-per-gb"), PAGE.fact("bill-storage-usd"), "SSD dollars");
        double egressGb = PAGE.fact("redirects-avg") * secondsPerMonth * PAGE.fact("response-bytes") / 1e9;
        PAGE.assertClose(egressGb, PAGE.fact("bill-egress-gb"), "egress GB");
        PAGE.assertClose(egressGb * PAGE.fact("egress-usd-per-gb"), PAGE.fact("bill-egress-usd"), "egress dollars");
        assertEquals(Math.ceil(PAGE.fact("cache-gb-target") / PAGE.fact("vm-cache-gb")), PAGE.fact("cache-nodes"), PAGE + ": cache nodes");
        double needed = PAGE.fact("redirects-peak") / PAGE.fact("qps-per-app-server");
        int zones = (int) PAGE.fact("zones");
        int fleet = zones; // at least one server per zone
        while (fleet - Math.ceil((double) fleet / zones) < needed) {
            fleet++;
        }
        double app = PAGE.fact("app-servers");
        assertEquals(fleet, app, PAGE + ": smallest app fleet that survives losing one of " + zones + " zones");
        double vms = app + PAGE.fact("cache-nodes") + PAGE.fact("database-nodes");
        PAGE.assertClose(vms * PAGE.fact("vm-usd"), PAGE.fact("bill-vm-usd"), "VM dollars");
        PAGE.assertClose(PAGE.fact("bill-vm-usd") + PAGE.fact("bill-storage-usd") + PAGE.fact("bill-egress-usd"), PAGE.fact("bill-total-usd"),
                "total");
        assertTrue(PAGE.fact("bill-total-usd") > 500, PAGE + ": the page says the bill is not under $500");
    }

    @Test
    void pathLatenciesInProseMatchTheChart() {
        JsonNode option = PAGE.chart("path-latency");
        double[] sums = new double[3];
        for (JsonNode series : option.get("series")) {
            for (int i = 0; i < 3; i++) {
                sums[i] += series.get("data").get(i).asDouble();
            }
        }
        assertEquals(PAGE.fact("hit-path-ms"), sums[0], 1e-6, PAGE + ": cache-hit bar against the prose");
        assertEquals(PAGE.fact("miss-path-ms"), sums[1], 1e-6, PAGE + ": cache-miss bar against the prose");
        assertEquals(PAGE.fact("create-path-ms"), sums[2], 1e-6, PAGE + ": create bar against the prose");
        double hit = PAGE.fact("target-hit-rate");
        PAGE.assertClose(hit * sums[0] + (1 - hit) * sums[1], PAGE.fact("expected-redirect-ms"), "expected redirect latency");
    }

    @Test
    void theRingMovesAboutOneShardsShare() {
        double shards = PAGE.fact("shards");
        PAGE.assertClose(1 / (shards + 1), PAGE.fact("ideal-moved"), "ideal share moved");
        assertEquals(PAGE.fact("ideal-moved"), PAGE.fact("moved-ring"), 0.03, PAGE + ": ring moved share");
        assertEquals(shards / (shards + 1), PAGE.fact("moved-modulo"), 0.01, PAGE + ": mod-N moved share");
        assertTrue(PAGE.fact("max-over-mean-256") < PAGE.fact("max-over-mean-1"), PAGE + ": virtual nodes should even the load");
    }

    @Test
    void thePageEndsWithPracticeQuestions() {
        List<Element> questions = PAGE.doc().select("details");
        assertFalse(questions.size() < 4, PAGE + ": fewer than four practice questions");
    }
}
