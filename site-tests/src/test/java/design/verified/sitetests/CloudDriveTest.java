package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cloud-drive case study, rechecked from the published page: the back-of-envelope and its chunk
 * table from the stated assumptions, the resumable-upload formulas, the Merkle comparison counts from
 * the tree's depth, and the fixed-chunk re-upload column from where each edit lands.
 */
class CloudDriveTest {

    private static final PublishedPage PAGE = new PublishedPage("case-studies/cloud-drive.html", "drive");

    @Test
    void storageAndCostFollowFromTheAssumptions() {
        double nominal = PAGE.fact("users") * PAGE.fact("gb-per-user") * 1e9;
        PAGE.assertClose(nominal, PAGE.fact("nominal-bytes"), 1e-12, "nominal bytes");
        double low = nominal / PAGE.fact("dedup-high"), high = nominal / PAGE.fact("dedup-low");
        PAGE.assertClose(low, PAGE.fact("stored-low-bytes"), 1e-12, "stored bytes at the high dedup ratio");
        PAGE.assertClose(high, PAGE.fact("stored-high-bytes"), 1e-12, "stored bytes at the low dedup ratio");
        double price = PAGE.fact("standard-price");
        PAGE.assertClose(low / 1e9 * price, PAGE.fact("cost-low"), 1e-12, "monthly cost, low");
        PAGE.assertClose(high / 1e9 * price, PAGE.fact("cost-high"), 1e-12, "monthly cost, high");
        PAGE.assertClose(100e6 / PAGE.fact("cost-low") - 1, PAGE.fact("quoted-cost-overstatement"), 1e-12, "overstatement of the quoted $100M");
        PAGE.assertClose(200e6 / PAGE.fact("cost-high") - 1, PAGE.fact("quoted-cost-overstatement"), 1e-9, "overstatement of the quoted $200M");
        double bulk = PAGE.fact("standard-bulk-price");
        PAGE.assertClose(low / 1e9 * bulk, PAGE.fact("bulk-cost-low"), 1e-12, "bulk-tier cost, low");
        PAGE.assertClose(high / 1e9 * bulk, PAGE.fact("bulk-cost-high"), 1e-12, "bulk-tier cost, high");
        PAGE.assertClose(price / PAGE.fact("flexible-price"), PAGE.fact("flexible-ratio"), 1e-12, "Flexible Retrieval ratio");
        PAGE.assertClose(price / PAGE.fact("deep-archive-price"), PAGE.fact("deep-archive-ratio"), 1e-12, "Deep Archive ratio");
        double cold = PAGE.fact("cold-share");
        double blended = (1 - cold) * price + cold * PAGE.fact("deep-archive-price");
        PAGE.assertClose(low / 1e9 * blended, PAGE.fact("tiered-cost-low"), 1e-12, "tiered cost, low");
        PAGE.assertClose(high / 1e9 * blended, PAGE.fact("tiered-cost-high"), 1e-12, "tiered cost, high");
    }

    @Test
    void metadataAndFanOutFollowFromTheAssumptions() {
        double files = PAGE.fact("users") * PAGE.fact("files-per-user");
        PAGE.assertClose(files * PAGE.fact("metadata-bytes-per-file"), PAGE.fact("metadata-bytes"), 1e-12, "file metadata");
        PAGE.assertClose(PAGE.fact("gb-per-user") * 1e9 / PAGE.fact("files-per-user"), PAGE.fact("average-file-bytes"), 1e-12, "average file");
        double chunk = 4 * 1024 * 1024;   // the page's 4 MiB chunks
        double logical = PAGE.fact("nominal-bytes") / chunk;
        PAGE.assertClose(logical, PAGE.fact("logical-chunks"), 1e-12, "logical chunks");
        PAGE.assertClose(logical * PAGE.fact("hash-bytes"), PAGE.fact("manifest-bytes"), 1e-12, "manifest bytes");
        PAGE.assertClose(PAGE.fact("stored-high-bytes") / chunk * PAGE.fact("index-entry-bytes"), PAGE.fact("chunk-index-bytes"), 1e-12,
                "chunk index");
        PAGE.assertClose(PAGE.fact("peak-file-ops") * PAGE.fact("devices-to-notify"), PAGE.fact("peak-pushes"), 1e-12, "notification pushes");
    }

    @Test
    void everyRowOfTheChunkTableFollowsFromItsChunkSize() {
        List<Element> rows = PAGE.rows("drive.chunk-metadata");
        double nominal = PAGE.fact("nominal-bytes"), stored = PAGE.fact("stored-high-bytes");
        for (Element row : rows) {
            String size = row.child(0).text();
            double bytes = Quantities.number(size).doubleValue() * (size.endsWith("MiB") ? 1024 * 1024 : 1024);
            String where = PAGE + " chunk-metadata table, " + size;
            double[] expected = {nominal / bytes / 1e12, nominal / bytes * PAGE.fact("hash-bytes") / 1e12,
                    stored / bytes / 1e12, stored / bytes * PAGE.fact("index-entry-bytes") / 1e12};
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
        double file = PAGE.fact("sim-file-mib"), chunk = PAGE.fact("sim-chunk-kib") / 1024, drop = PAGE.fact("sim-drop-mib");
        PAGE.assertClose(allOrNothing(file, drop), PAGE.fact("formula-whole-mib"), 1e-9, "whole-file formula");
        PAGE.assertClose(file / chunk * allOrNothing(chunk, drop), PAGE.fact("formula-chunked-mib"), 1e-9, "chunked formula");
        // 2,000 seeded runs: the whole-file mean has a standard error near 2 %, the chunked one far less
        PAGE.assertClose(PAGE.fact("formula-whole-mib"), PAGE.fact("sim-whole-mib"), 0.06, "simulated whole-file traffic");
        PAGE.assertClose(PAGE.fact("formula-chunked-mib"), PAGE.fact("sim-chunked-mib"), 0.02, "simulated chunked traffic");

        double big = PAGE.fact("big-file-bytes"), bigChunk = PAGE.fact("big-chunk-bytes"), mean = PAGE.fact("mean-between-drops");
        double full = Math.floor(big / bigChunk);
        double expected = full * allOrNothing(bigChunk, mean) + allOrNothing(big - full * bigChunk, mean);
        PAGE.assertClose(expected, PAGE.fact("big-resumable-bytes"), 1e-9, "10 GB resumable traffic");
        PAGE.assertClose(expected / big - 1, PAGE.fact("big-resumable-overhead"), 1e-9, "10 GB overhead");
        double log10 = Math.log10(mean) + big / mean / Math.log(10);   // log10 of mean * e^(big/mean)
        assertEquals(Math.floor(log10) + 1, PAGE.fact("big-restart-digits"), PAGE + ": digits of the restart traffic");
    }

    @Test
    void merkleComparisonsFollowFromTheTreeDepth() {
        int n = (int) PAGE.fact("merkle-chunks");
        int depth = 32 - Integer.numberOfLeadingZeros(n - 1);
        assertEquals(2 * depth + 1, PAGE.fact("one-edit-comparisons"), PAGE + ": one root-to-leaf path and its siblings");
        double three = PAGE.fact("three-edit-comparisons");
        assertTrue(three > 2 * depth + 1 && three <= 3 * (2 * depth + 1),
                PAGE + ": three edits take " + three + " comparisons; paths share their upper levels");
        assertEquals(n + 1 - PAGE.fact("insert-position"), PAGE.fact("insert-leaves-differ"),
                PAGE + ": every leaf from the insertion to the new last one shifts");
        assertEquals(1, PAGE.fact("insert-new-chunks"), PAGE + ": one inserted chunk is one new hash");
    }

    @Test
    void fixedChunkReuploadsFollowFromWhereEachEditLands() {
        double file = PAGE.fact("file-mib") * 1024 * 1024, chunk = PAGE.fact("fixed-chunk-kib") * 1024, edit = 100;
        List<Element> rows = PAGE.rows("drive.reupload");
        assertEquals(5, rows.size(), PAGE + ": reupload table rows");
        double[] expected = {
                file + edit,                                              // insert before the first boundary
                file + edit - Math.floor(file / 2 / chunk) * chunk,        // insert at the midpoint
                file - edit,                                               // delete before the first boundary
                chunk,                                                     // overwrite inside one chunk
                edit};                                                     // append after a whole chunk
        double maxChunk = PAGE.fact("max-chunk-kib") * 1024;
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
        PAGE.assertClose(insertFixed / insertCdc, PAGE.fact("insert-ratio"), 1e-12, "insert ratio");
        PAGE.assertClose(insertFixed / file, PAGE.fact("insert-fixed-share"), 1e-12, "insert share, fixed");
        PAGE.assertClose(insertCdc / file, PAGE.fact("insert-cdc-share"), 1e-12, "insert share, content-defined");
    }

    @Test
    void dedupAndCrdtFiguresFollowFromTheScenario() {
        assertEquals(0, PAGE.fact("bob-sent"), PAGE + ": identical bytes should upload nothing");
        assertEquals(PAGE.fact("dedup-chunk-kib"), PAGE.fact("edit-sent-kib"), PAGE + ": a 100-byte edit inside one chunk sends one chunk");
        double pdf = PAGE.fact("pdf-mib") * 1024, chunk = PAGE.fact("dedup-chunk-kib");
        PAGE.assertClose(2 * pdf / (pdf + chunk), PAGE.fact("dedup-ratio"), 1e-12, "two copies over the stored bytes");
        assertEquals(0, PAGE.fact("first-gc-freed"), PAGE + ": Bob's copy still references the old chunk");
        assertEquals(chunk, PAGE.fact("second-gc-freed-kib"), PAGE + ": the old chunk is freed once Bob deletes");

        assertEquals("yes", PAGE.factText("crdt-agree"), PAGE + ": the CRDT replicas must converge");
        double visible = PAGE.fact("crdt-visible"), tombstones = PAGE.fact("crdt-tombstones");
        PAGE.assertClose((visible + tombstones) * PAGE.fact("crdt-bytes-per-element") / visible, PAGE.fact("crdt-state-per-char"), 1e-12,
                "CRDT state per visible character");
    }
}
