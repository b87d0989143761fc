package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 8 (storage), recomputed from what the page states: the tier table's derived columns, the
 * expected losses behind "eleven nines", the fleet-loss chances for block volumes, the lifecycle
 * policy's yearly bill and the CDN egress bill. Formulas are written again here on purpose.
 */
class Module08StorageTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/08-storage.html", "storage");

    /** "$11,391.78" or "$0.00099" as a number. */
    private static double dollars(String cell) {
        assertTrue(cell.startsWith("$"), "not a price: '" + cell + "'");
        return Double.parseDouble(cell.substring(1).replace(",", ""));
    }

    private static double halfUnit(String shown) {
        return 0.5 * Math.pow(10, -Quantities.number(shown).scale());
    }

    /** Equal within {@code relative}, plus an absolute 1e-12. */
    private static void assertClose(double expected, double actual, double relative, String message) {
        Quantities.assertClose(expected, actual, relative, 1e-12, message);
    }

    // --- tiers ---

    @Test
    void everyTierRowPricesATerabyteAtAThousandGigabytes() {
        for (Element row : PAGE.rows("storage.tiers")) {
            String gbCell = row.child(2).text(), tbCell = row.child(3).text();
            // the $/GB cell is itself rounded: a thousand times its half-unit is the slack it leaves
            double slack = 1_000 * halfUnit(gbCell) + halfUnit(tbCell);
            assertTrue(Math.abs(dollars(tbCell) - 1_000 * dollars(gbCell)) <= slack * (1 + 1e-9),
                    PAGE + " tiers table, " + row.child(1).text() + ": $/TB-month " + tbCell + " is not 1,000 × " + gbCell);
        }
    }

    @Test
    void everyStepColumnIsThePriceAboveOverThePriceHere() {
        List<Element> rows = PAGE.rows("storage.tiers");
        assertEquals("–", rows.get(0).child(4).text(), PAGE + " tiers table: the first tier has no tier above");
        for (int i = 1; i < rows.size(); i++) {
            // $/TB carries more digits than $/GB for the computed memory price, so divide those.
            double above = dollars(rows.get(i - 1).child(3).text());
            double here = dollars(rows.get(i).child(3).text());
            String shown = rows.get(i).child(4).text();
            assertTrue(shown.endsWith("×"), PAGE + " tiers table, " + rows.get(i).child(1).text() + ": step '" + shown + "'");
            BigDecimalCheck.roundedTo(Quantities.number(shown).doubleValue(), above / here, shown,
                    PAGE + " tiers table, " + rows.get(i).child(1).text() + ": cheaper than the tier above");
        }
    }

    @Test
    void memoryIsPricedFromTheNodeHour() {
        double perGbMonth = PAGE.fact("cache-node-dollars-per-hour") * 730 / (PAGE.fact("cache-node-gib") * Math.pow(2, 30) / 1e9);
        assertClose(perGbMonth, PAGE.fact("memory-per-gb-month"), 1e-9, PAGE + ": memory $/GB-month");
        assertClose(perGbMonth / 0.50, PAGE.fact("memory-vs-common-figure"), 1e-9, PAGE + ": memory against the common $0.50");
        double firstRow = dollars(PAGE.rows("storage.tiers").get(0).child(2).text());
        assertClose(perGbMonth, firstRow, 0.005 / firstRow, PAGE + " tiers table: memory row");
    }

    @Test
    void theStepClaimsMatchTheTable() {
        List<Element> rows = PAGE.rows("storage.tiers");
        double standard = priceOf(rows, "S3 Standard"), deep = priceOf(rows, "S3 Glacier Deep Archive");
        assertClose(standard / deep, PAGE.fact("standard-to-deep"), 1e-9, PAGE + ": Standard to Deep Archive");
        assertClose(standard / priceOf(rows, "S3 Standard-IA"), PAGE.fact("standard-to-ia"), 1e-9, PAGE + ": Standard to IA");
        assertClose(standard / priceOf(rows, "S3 Glacier Instant Retrieval"), PAGE.fact("standard-to-gir"), 1e-9,
                PAGE + ": Standard to Glacier Instant Retrieval");
        assertClose(priceOf(rows, "EBS gp3 volume") / standard, PAGE.fact("gp3-to-standard"), 1e-9, PAGE + ": gp3 to Standard");
        assertClose(deep * 1_000, PAGE.fact("deep-per-tb-month"), 1e-9, PAGE + ": Deep Archive per TB");
        assertClose(deep * 1024 * Math.pow(2, 30) / 1e9, PAGE.fact("deep-per-tib-month"), 1e-9, PAGE + ": Deep Archive per TiB");
        assertTrue(PAGE.fact("largest-object-step") < 10, PAGE + ": the page says no object-storage step saves 10×");
        // the lifecycle section must price with the table's prices
        assertEquals(standard, PAGE.fact("standard-price"), PAGE + ": lifecycle Standard price differs from the table");
        assertEquals(priceOf(rows, "S3 Standard-IA"), PAGE.fact("ia-price"), PAGE + ": lifecycle IA price differs from the table");
        assertEquals(priceOf(rows, "S3 Glacier Instant Retrieval"), PAGE.fact("instant-price"),
                PAGE + ": lifecycle Glacier Instant Retrieval price differs from the table");
        assertEquals(deep, PAGE.fact("deep-price"), PAGE + ": lifecycle Deep Archive price differs from the table");
    }

    @Test
    void retrievalBreakEvenIsTheSavingOverTheFee() {
        List<Element> rows = PAGE.rows("storage.tiers");
        double standard = priceOf(rows, "S3 Standard");
        for (String tier : List.of("S3 Standard-IA", "S3 Glacier Instant Retrieval")) {
            Element row = row(rows, tier);
            double fee = dollars(row.child(6).text());
            double expected = (standard - dollars(row.child(2).text())) / fee;
            String name = tier.equals("S3 Standard-IA") ? "ia-break-even-read" : "gir-break-even-read";
            assertClose(expected, PAGE.fact(name), 1e-9, PAGE + ": break-even reads for " + tier);
        }
    }

    private static Element row(List<Element> rows, String example) {
        return rows.stream().filter(r -> r.child(1).text().equals(example)).findFirst()
                .orElseThrow(() -> new AssertionError(PAGE + " tiers table has no row " + example));
    }

    private static double priceOf(List<Element> rows, String example) {
        return dollars(row(rows, example).child(2).text());
    }

    // --- durability ---

    @Test
    void elevenNinesIsOneLossPerHundredBillionObjectYears() {
        double perObjectYear = 1e-11;
        assertClose(1e7 * 1e4 * perObjectYear, PAGE.fact("aws-expected-loss"), 1e-9, PAGE + ": AWS's wording");
        assertClose(1e4 * 1e7 * perObjectYear, PAGE.fact("common-expected-loss"), 1e-9, PAGE + ": the swapped wording");
        assertClose(1 / (1e7 * perObjectYear), PAGE.fact("years-per-loss-10m"), 1e-9, PAGE + ": years between losses");
        assertClose(1e11 * perObjectYear, PAGE.fact("losses-per-year-100b"), 1e-9, PAGE + ": 10^11 objects");
        assertClose(1e13 * perObjectYear, PAGE.fact("losses-per-year-10t"), 1e-9, PAGE + ": 10^13 objects");
    }

    @Test
    void fleetLossChancesFollowFromTheAnnualFailureRates() {
        for (String[] pair : new String[][] {{"gp3-best-afr", "gp3-best-fleet-1000"},
                {"gp3-worst-afr", "gp3-worst-fleet-1000"}, {"io2-afr", "io2-fleet-1000"}}) {
            double afr = PAGE.fact(pair[0]);
            double noneLost = 1;
            for (int v = 0; v < 1_000; v++) {
                noneLost *= 1 - afr;
            }
            assertClose(1 - noneLost, PAGE.fact(pair[1]), 1e-9, PAGE + ": " + pair[1]);
        }
        assertEquals(0.001, PAGE.fact("gp3-best-afr"), 1e-15, PAGE + ": AWS documents 99.9 % for gp3 at best");
        assertEquals(0.002, PAGE.fact("gp3-worst-afr"), 1e-15, PAGE + ": AWS documents 99.8 % for gp3 at worst");
        assertEquals(0.00001, PAGE.fact("io2-afr"), 1e-15, PAGE + ": AWS documents 99.999 % for io2");
        assertClose(PAGE.fact("gp3-worst-afr") / PAGE.fact("io2-afr"), PAGE.fact("gp3-worst-vs-io2"), 1e-9, PAGE + ": gp3 vs io2");
        assertClose(1_000 * PAGE.fact("gp3-best-afr"), PAGE.fact("gp3-best-losses-1000"), 1e-9, PAGE + ": expected gp3 losses, best");
        assertClose(1_000 * PAGE.fact("gp3-worst-afr"), PAGE.fact("gp3-worst-losses-1000"), 1e-9, PAGE + ": expected gp3 losses, worst");
    }

    @Test
    void replicationNinesFollowTheMarkovEstimate() {
        double lambda = -Math.log(1 - PAGE.fact("disk-afr"));
        double mu = 8_760 / 24.0;
        // three replicas: the third failure must land while two are being rebuilt
        double mttdl = mu * mu / (3 * 2 * 1 * Math.pow(lambda, 3));
        assertClose(ninesFromMeanYears(mttdl), PAGE.fact("three-replicas-24h"), 1e-6, PAGE + ": 3 replicas, 24 h");
        // 10+4: the fifth failure among fourteen fragments
        double ec = Math.pow(mu, 4) / (14.0 * 13 * 12 * 11 * 10 * Math.pow(lambda, 5));
        assertClose(ninesFromMeanYears(ec), PAGE.fact("ec-10-4-24h"), 1e-6, PAGE + ": EC 10+4, 24 h");
        assertClose(14.0 / 10, PAGE.fact("ec-10-4-overhead"), 1e-12, PAGE + ": EC 10+4 overhead");
    }

    /** Yearly loss chance 1 - e^(-1/MTTDL), by its series for tiny rates (1 - e^-x loses every digit there). */
    private static double ninesFromMeanYears(double mttdlYears) {
        double x = 1 / mttdlYears;
        return -Math.log10(x - x * x / 2);
    }

    // --- object, block, file ---

    @Test
    void bytesMovedMatchWhatEachStoreMustWrite() {
        double file = PAGE.fact("file-mib") * (1 << 20);
        assertEquals(2.0 * PAGE.fact("file-mib"), PAGE.fact("object-mib-per-update"), PAGE + ": an object update reads and writes the whole file");
        double block = PAGE.fact("block-bytes-per-update");
        assertTrue(block >= 4096 && block <= 2 * 4096, PAGE + ": a 100-byte block update touches one or two 4 KiB blocks, not " + block);
        assertClose(2 * file / block, PAGE.fact("object-vs-block"), 1e-9, PAGE + ": object over block");
        double blocksWritten = PAGE.fact("updates") + PAGE.fact("block-straddles");   // one block each, two if straddling
        assertClose(blocksWritten * 4096 / PAGE.fact("updates"), block, 1e-9, PAGE + ": block bytes from the straddles");
        List<Element> rows = PAGE.rows("storage.kinds");
        assertEquals(2 * PAGE.fact("file-mib"), Quantities.number(rows.get(0).child(2).text()).doubleValue(),
                PAGE + " kinds table: object row bytes moved (MiB)");
        BigDecimalCheck.roundedTo(Quantities.number(rows.get(1).child(2).text()).doubleValue(), block / 1024,
                rows.get(1).child(2).text(), PAGE + " kinds table: block row bytes moved (KiB)");
    }

    // --- lifecycle ---

    @Test
    void lifecycleBillIsTheDaysEachTierHoldsTimesItsPrice() {
        double retained = PAGE.fact("retained-gb");
        double days = PAGE.fact("ia-until-day") + PAGE.fact("archive-years") * 365;
        assertEquals(days, PAGE.fact("retention-days"), PAGE + ": retention days");
        double perDay = retained / days;
        assertClose(perDay, PAGE.fact("gb-per-day"), 1e-9, PAGE + ": GB a day");
        double allHot = 12 * retained * PAGE.fact("standard-price");
        assertClose(allHot, PAGE.fact("all-hot-per-year"), 1e-9, PAGE + ": all-hot bill");

        double standardGb = perDay * PAGE.fact("standard-days");
        double iaGb = perDay * (PAGE.fact("ia-until-day") - PAGE.fact("standard-days"));
        double archiveGb = perDay * PAGE.fact("archive-years") * 365;
        double objectsPerYear = perDay * 365 * 1e9 / (PAGE.fact("object-mb") * 1e6);

        double instant = 12 * (standardGb * PAGE.fact("standard-price") + iaGb * PAGE.fact("ia-price")
                + archiveGb * PAGE.fact("instant-price"))
                + objectsPerYear / 1_000 * (PAGE.fact("to-ia-per-1000") + PAGE.fact("to-instant-per-1000"));
        assertClose(instant, PAGE.fact("instant-per-year"), 1e-9, PAGE + ": policy ending in Glacier Instant Retrieval");
        assertClose(allHot - instant, PAGE.fact("instant-saving"), 1e-9, PAGE + ": saving with Glacier Instant Retrieval");

        assertClose(deepArchiveBill(perDay, PAGE.fact("object-mb") * 1e6), PAGE.fact("deep-per-year"), 1e-9,
                PAGE + ": policy ending in Deep Archive, large objects");
        assertClose(deepArchiveBill(perDay, PAGE.fact("small-object-kb") * 1e3), PAGE.fact("deep-small-per-year"), 1e-9,
                PAGE + ": policy ending in Deep Archive, small objects");
        assertClose(allHot - PAGE.fact("deep-per-year"), PAGE.fact("deep-saving"), 1e-9, PAGE + ": Deep Archive saving");
        assertClose(archiveGb / retained, PAGE.fact("archive-share"), 1e-9, PAGE + ": share in the archive");
        assertTrue(PAGE.fact("deep-saving") < allHot, PAGE + ": a saving cannot exceed the bill it saves on");
    }

    /** Deep Archive also bills each archived object for 8 KB at the Standard price and 32 KB at its own. */
    private static double deepArchiveBill(double perDay, double objectBytes) {
        double archivedObjects = perDay * PAGE.fact("archive-years") * 365 * 1e9 / objectBytes;
        double standardGb = perDay * PAGE.fact("standard-days") + archivedObjects * 8e3 / 1e9;
        double iaGb = perDay * (PAGE.fact("ia-until-day") - PAGE.fact("standard-days"));
        double archiveGb = perDay * PAGE.fact("archive-years") * 365 + archivedObjects * 32e3 / 1e9;
        double transitions = perDay * 365 * 1e9 / objectBytes / 1_000 * (PAGE.fact("to-ia-per-1000") + PAGE.fact("to-deep-per-1000"));
        return 12 * (standardGb * PAGE.fact("standard-price") + iaGb * PAGE.fact("ia-price") + archiveGb * PAGE.fact("deep-price"))
                + transitions;
    }

    // --- CDN ---

    @Test
    void cdnBillIsEveryByteAtTheEdgePlusTheMissesAtTheOrigin() {
        double gb = PAGE.fact("monthly-tb") * 1_000, origin = PAGE.fact("origin-per-gb"), hit = PAGE.fact("hit-rate");
        assertClose(gb * origin, PAGE.fact("origin-only"), 1e-9, PAGE + ": origin-only bill");
        String[][] cases = {{"cdn-low-price", "cdn-low"}, {"cdn-mid-price", "cdn-mid"}, {"cdn-high-price", "cdn-high"}};
        for (String[] c : cases) {
            assertClose(gb * PAGE.fact(c[0]) + gb * (1 - hit) * origin, PAGE.fact(c[1]), 1e-9, PAGE + ": " + c[1]);
        }
        assertClose(1 - PAGE.fact("cdn-high") / PAGE.fact("origin-only"), PAGE.fact("saving-high"), 1e-9, PAGE + ": saving at 5 cents");
        assertClose(PAGE.fact("cdn-high-price") / origin, PAGE.fact("break-even-high"), 1e-9, PAGE + ": break-even at 5 cents");
        assertClose(PAGE.fact("cdn-list-price") / origin, PAGE.fact("break-even-list"), 1e-9, PAGE + ": break-even at list price");
        assertClose(PAGE.fact("cdn-low-price") / origin, PAGE.fact("break-even-low"), 1e-9, PAGE + ": break-even at 1 cent");
    }

    // --- edge micro-cache ---

    @Test
    void microCacheStaysWithinItsBoundsAndStaleness() {
        double ttlSeconds = PAGE.fact("ttl-ms") / 1_000;
        double popBound = PAGE.fact("pops") * PAGE.fact("variants") / ttlSeconds;
        double shieldBound = PAGE.fact("variants") / ttlSeconds;
        assertTrue(PAGE.fact("edge-origin-rps") <= popBound, PAGE + ": POP caches cannot miss more than once per variant per TTL each");
        assertTrue(PAGE.fact("shield-origin-rps") <= shieldBound, PAGE + ": a shield cannot miss more than once per variant per TTL");
        assertTrue(PAGE.fact("edge-staleness-ms") < PAGE.fact("ttl-ms"), PAGE + ": one cache layer serves answers younger than its TTL");
        assertTrue(PAGE.fact("shield-staleness-ms") < 2 * PAGE.fact("ttl-ms"), PAGE + ": two layers serve answers younger than two TTLs");
        assertClose(PAGE.fact("rps") / PAGE.fact("edge-origin-rps"), PAGE.fact("edge-offload"), 1e-9, PAGE + ": offload factor");
    }

    /** Checks a displayed number against an exact value at the precision it shows. */
    private static final class BigDecimalCheck {
        static void roundedTo(double shownValue, double exact, String shownText, String message) {
            java.math.BigDecimal shown = Quantities.number(shownText);
            // the inputs read back from the page are themselves rounded, so allow their relative error too
            double halfUnit = 0.5 * Math.pow(10, -shown.scale());
            assertTrue(Math.abs(shownValue - exact) <= halfUnit + Math.abs(exact) * 1e-4,
                    message + ": shows " + shownText + " but the other cells give " + exact);
        }
    }
}
