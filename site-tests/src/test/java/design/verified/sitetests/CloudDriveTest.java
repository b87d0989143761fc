package design.verified.sitetests;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cloud-drive case study, rechecked from the published page: the back-of-envelope and its chunk
 * table from the stated assumptions, the resumable-upload formulas, the Merkle comparison counts from
 * the tree's depth, and the fixed-chunk re-upload column from where each edit lands.
 */
class CloudDriveTest {

    private static final String PAGE = "case-studies/cloud-drive.html";

    private static Document doc() {
        return PublishedSite.page(PAGE);
    }

    private static double fact(String name) {
        Element e = doc().selectFirst("span.fact[data-fact=drive." + name + "]");
        assertNotNull(e, PAGE + " does not quote drive." + name);
        return Double.parseDouble(e.attr("data-value"));
    }

    private static void close(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(expected - actual) <= Math.abs(expected) * relative,
                PAGE + ": " + what + " is " + actual + ", expected " + expected);
    }

    @Test
    void storageAndCostFollowFromTheAssumptions() {
        double nominal = fact("users") * fact("gb-per-user") * 1e9;
        close(nominal, fact("nominal-bytes"), 1e-12, "nominal bytes");
        double low = nominal / fact("dedup-high"), high = nominal / fact("dedup-low");
        close(low, fact("stored-low-bytes"), 1e-12, "stored bytes at the high dedup ratio");
        close(high, fact("stored-high-bytes"), 1e-12, "stored bytes at the low dedup ratio");
        double price = fact("standard-price");
        close(low / 1e9 * price, fact("cost-low"), 1e-12, "monthly cost, low");
        close(high / 1e9 * price, fact("cost-high"), 1e-12, "monthly cost, high");
        close(100e6 / fact("cost-low") - 1, fact("quoted-cost-overstatement"), 1e-12, "overstatement of the quoted $100M");
        close(200e6 / fact("cost-high") - 1, fact("quoted-cost-overstatement"), 1e-9, "overstatement of the quoted $200M");
        double bulk = fact("standard-bulk-price");
        close(low / 1e9 * bulk, fact("bulk-cost-low"), 1e-12, "bulk-tier cost, low");
        close(high / 1e9 * bulk, fact("bulk-cost-high"), 1e-12, "bulk-tier cost, high");
        close(price / fact("flexible-price"), fact("flexible-ratio"), 1e-12, "Flexible Retrieval ratio");
        close(price / fact("deep-archive-price"), fact("deep-archive-ratio"), 1e-12, "Deep Archive ratio");
        double cold = fact("cold-share");
        double blended = (1 - cold) * price + cold * fact("deep-archive-price");
        close(low / 1e9 * blended, fact("tiered-cost-low"), 1e-12, "tiered cost, low");
        close(high / 1e9 * blended, fact("tiered-cost-high"), 1e-12, "tiered cost, high");
    }

    @Test
    void metadataAndFanOutFollowFromTheAssumptions() {
        double files = fact("users") * fact("files-per-user");
        close(files * fact("metadata-bytes-per-file"), fact("metadata-bytes"), 1e-12, "file metadata");
        close(fact("gb-per-user") * 1e9 / fact("files-per-user"), fact("average-file-bytes"), 1e-12, "average file");
        double chunk = 4 * 1024 * 1024;   // the page's 4 MiB chunks
        double logical = fact("nominal-bytes") / chunk;
        close(logical, fact("logical-chunks"), 1e-12, "logical chunks");
        close(logical * fact("hash-bytes"), fact("manifest-bytes"), 1e-12, "manifest bytes");
        close(fact("stored-high-bytes") / chunk * fact("index-entry-bytes"), fact("chunk-index-bytes"), 1e-12, "chunk index");
        close(fact("peak-file-ops") * fact("devices-to-notify"), fact("peak-pushes"), 1e-12, "notification pushes");
    }

    @Test
    void everyRowOfTheChunkTableFollowsFromItsChunkSize() {
        List<Element> rows = doc().select("table[data-table=drive.chunk-metadata] tbody tr");
        assertFalse(rows.isEmpty(), PAGE + ": chunk-metadata table missing");
        double nominal = fact("nominal-bytes"), stored = fact("stored-high-bytes");
        for (Element row : rows) {
            String size = row.child(0).text();
            double bytes = Quantities.number(size).doubleValue() * (size.endsWith("MiB") ? 1024 * 1024 : 1024);
            String where = PAGE + " chunk-metadata table, " + size;
            double[] expected = {nominal / bytes / 1e12, nominal / bytes * fact("hash-bytes") / 1e12,
                    stored / bytes / 1e12, stored / bytes * fact("index-entry-bytes") / 1e12};
            for (int c = 0; c < 4; c++) {
                double shown = Quantities.number(row.child(c + 1).text()).doubleValue();
                // three significant digits, or whole terabytes
                double tolerance = Math.max(0.5, expected[c] * 0.005);
                assertTrue(Math.abs(shown - expected[c]) <= tolerance,
                        where + ", column " + (c + 2) + ": shows " + row.child(c + 1).text() + ", expected " + expected[c]);
            }
        }
    }

    /** Expected bytes to push {@code size} through one request that any drop restarts. */
    private static double allOrNothing(double size, double meanBetweenDrops) {
        return meanBetweenDrops * (Math.exp(size / meanBetweenDrops) - 1);
    }

    @Test
    void resumableUploadFiguresFollowFromTheDropRate() {
        double file = fact("sim-file-mib"), chunk = fact("sim-chunk-kib") / 1024, drop = fact("sim-drop-mib");
        close(allOrNothing(file, drop), fact("formula-whole-mib"), 1e-9, "whole-file formula");
        close(file / chunk * allOrNothing(chunk, drop), fact("formula-chunked-mib"), 1e-9, "chunked formula");
        // 2,000 seeded runs: the whole-file mean has a standard error near 2 %, the chunked one far less
        close(fact("formula-whole-mib"), fact("sim-whole-mib"), 0.06, "simulated whole-file traffic");
        close(fact("formula-chunked-mib"), fact("sim-chunked-mib"), 0.02, "simulated chunked traffic");

        double big = fact("big-file-bytes"), bigChunk = fact("big-chunk-bytes"), mean = fact("mean-between-drops");
        double full = Math.floor(big / bigChunk);
        double expected = full * allOrNothing(bigChunk, mean) + allOrNothing(big - full * bigChunk, mean);
        close(expected, fact("big-resumable-bytes"), 1e-9, "10 GB resumable traffic");
        close(expected / big - 1, fact("big-resumable-overhead"), 1e-9, "10 GB overhead");
        double log10 = Math.log10(mean) + big / mean / Math.log(10);   // log10 of mean * e^(big/mean)
        assertEquals(Math.floor(log10) + 1, fact("big-restart-digits"), PAGE + ": digits of the restart traffic");
    }

    @Test
    void merkleComparisonsFollowFromTheTreeDepth() {
        int n = (int) fact("merkle-chunks");
        int depth = 32 - Integer.numberOfLeadingZeros(n - 1);
        assertEquals(2 * depth + 1, fact("one-edit-comparisons"), PAGE + ": one root-to-leaf path and its siblings");
        double three = fact("three-edit-comparisons");
        assertTrue(three > 2 * depth + 1 && three <= 3 * (2 * depth + 1),
                PAGE + ": three edits take " + three + " comparisons; paths share their upper levels");
        assertEquals(n + 1 - fact("insert-position"), fact("insert-leaves-differ"),
                PAGE + ": every leaf from the insertion to the new last one shifts");
        assertEquals(1, fact("insert-new-chunks"), PAGE + ": one inserted chunk is one new hash");
    }

    @Test
    void fixedChunkReuploadsFollowFromWhereEachEditLands() {
        double file = fact("file-mib") * 1024 * 1024, chunk = fact("fixed-chunk-kib") * 1024, edit = 100;
        List<Element> rows = doc().select("table[data-table=drive.reupload] tbody tr");
        assertEquals(5, rows.size(), PAGE + ": reupload table rows");
        double[] expected = {
                file + edit,                                              // insert before the first boundary
                file + edit - Math.floor(file / 2 / chunk) * chunk,        // insert at the midpoint
                file - edit,                                               // delete before the first boundary
                chunk,                                                     // overwrite inside one chunk
                edit};                                                     // append after a whole chunk
        double maxChunk = fact("max-chunk-kib") * 1024;
        for (int i = 0; i < rows.size(); i++) {
            Element row = rows.get(i);
            String where = PAGE + " reupload table, " + row.child(0).text();
            double fixed = Quantities.number(row.child(1).text()).doubleValue();
            assertEquals(expected[i], fixed, where + ": fixed-chunk bytes");
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(2).text()), 100 * fixed / file),
                    where + ": fixed share " + row.child(2).text());
            double cdc = Quantities.number(row.child(3).text()).doubleValue();
            assertTrue(cdc <= 2 * maxChunk + edit, where + ": content-defined chunks should resynchronise within two chunks");
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(row.child(4).text()), 100 * cdc / file),
                    where + ": content-defined share " + row.child(4).text());
        }
        double insertFixed = Quantities.number(rows.get(0).child(1).text()).doubleValue();
        double insertCdc = Quantities.number(rows.get(0).child(3).text()).doubleValue();
        close(insertFixed / insertCdc, fact("insert-ratio"), 1e-12, "insert ratio");
        close(insertFixed / file, fact("insert-fixed-share"), 1e-12, "insert share, fixed");
        close(insertCdc / file, fact("insert-cdc-share"), 1e-12, "insert share, content-defined");
    }

    @Test
    void dedupAndCrdtFiguresFollowFromTheScenario() {
        assertEquals(0, fact("bob-sent"), PAGE + ": identical bytes should upload nothing");
        assertEquals(fact("dedup-chunk-kib"), fact("edit-sent-kib"), PAGE + ": a 100-byte edit inside one chunk sends one chunk");
        double pdf = fact("pdf-mib") * 1024, chunk = fact("dedup-chunk-kib");
        close(2 * pdf / (pdf + chunk), fact("dedup-ratio"), 1e-12, "two copies over the stored bytes");
        assertEquals(0, fact("first-gc-freed"), PAGE + ": Bob's copy still references the old chunk");
        assertEquals(chunk, fact("second-gc-freed-kib"), PAGE + ": the old chunk is freed once Bob deletes");

        Element agree = doc().selectFirst("span.fact[data-fact=drive.crdt-agree]");
        assertNotNull(agree, PAGE + ": convergence not quoted");
        assertEquals("yes", agree.attr("data-value"), PAGE + ": the CRDT replicas must converge");
        double visible = fact("crdt-visible"), tombstones = fact("crdt-tombstones");
        close((visible + tombstones) * fact("crdt-bytes-per-element") / visible, fact("crdt-state-per-char"), 1e-12,
                "CRDT state per visible character");
    }
}
