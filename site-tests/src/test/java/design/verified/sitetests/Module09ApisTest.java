package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 9 (APIs), rechecked from the published page: what RFC 9110 says against what the simulation
 * did, the arithmetic of offset pagination, the N+1 count, the idempotency outcomes the prose claims,
 * and the rate-limiter table's measured columns against the bounds each algorithm guarantees.
 */
class Module09ApisTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/09-apis.html", "apis");

    // --- REST ---

    @Test
    void everyMethodRfc9110CallsIdempotentLeftTheSameStateAfterThreeSends() {
        for (Element row : PAGE.rows("apis.methods")) {
            String request = row.child(0).text();
            boolean safe = row.child(1).text().equals("yes");
            boolean idempotent = row.child(2).text().equals("yes");
            boolean same = row.child(3).text().equals("yes");
            if (safe) {
                assertTrue(idempotent, PAGE + " methods table, " + request + ": a safe method is idempotent too");
            }
            if (idempotent) {
                assertTrue(same, PAGE + " methods table, " + request + ": idempotent by RFC 9110 but the state changed");
            }
            if (request.startsWith("POST")) {
                assertFalse(same, PAGE + " methods table, " + request + ": each POST should create a resource");
            }
        }
    }

    @Test
    void aRepeatedDeleteAnswers404AndThreePostsMakeThreeUsers() {
        assertEquals("[204, 404, 404]", PAGE.factText("delete-statuses"), PAGE + ": DELETE statuses");
        assertEquals(1 + 3, PAGE.fact("users-after-three-posts"), PAGE + ": one user to start with, plus three POSTs");
    }

    @Test
    void onlyThrottlingUnavailabilityAndMissingCredentialsInviteARetry() {
        Set<Integer> retryable = new TreeSet<>();
        int previous = 0;
        for (Element row : PAGE.rows("apis.status-codes")) {
            int code = Integer.parseInt(row.child(0).text());
            assertTrue(code > previous, PAGE + " status-codes table: codes out of order or repeated at " + code);
            previous = code;
            if (row.child(3).text().contains("retry")) {
                retryable.add(code);
            }
        }
        assertEquals(Set.of(401, 429, 503), retryable,
                PAGE + " status-codes table: the page says only 429 and 503 invite a retry (401 after authenticating)");
    }

    // --- pagination ---

    @Test
    void offsetPaginationArithmetic() {
        int rows = (int) PAGE.fact("rows"), page = (int) PAGE.fact("page");
        // the scan stops at the first short page; a table that divides evenly needs one empty page
        int pages = rows / page + 1;
        assertEquals(pages, PAGE.fact("pages"), PAGE + ": pages in a full scan");
        long walked = 0;
        for (int k = 0; k < pages; k++) {
            walked += Math.min(rows, (long) k * page + page);   // OFFSET walks past k pages, then reads one
        }
        assertEquals(walked, PAGE.fact("offset-rows-scanned"), PAGE + ": rows an offset scan walks");
        assertEquals(rows, PAGE.fact("cursor-rows-scanned"), PAGE + ": a cursor scan walks each row once");
        assertEquals(0, PAGE.fact("cursor-duplicated"), PAGE + ": cursor duplicates");
        assertEquals(0, PAGE.fact("cursor-skipped"), PAGE + ": cursor skips");
    }

    @Test
    void everyInsertAboveTheOffsetRepeatsOneRowOnTheNextPage() {
        int rows = (int) PAGE.fact("rows"), page = (int) PAGE.fact("page"), inserts = 5;
        // page k starts at offset k*page, after k*inserts new rows above: it reads original rows from
        // k*(page - inserts); the scan ends at the first page with fewer than `page` rows left
        int pagesRead = 0;
        for (int k = 0; ; k++) {
            pagesRead++;
            int left = rows + k * inserts - k * page;
            if (left < page) {
                break;
            }
        }
        assertEquals(inserts * (pagesRead - 1), PAGE.fact("offset-duplicated-5-inserts"),
                PAGE + ": rows returned twice with " + inserts + " inserts per page");
        assertTrue(PAGE.fact("offset-skipped-5-deletes") > 0, PAGE + ": deletes above the offset must skip rows");
    }

    // --- protobuf ---

    @Test
    void compressionNarrowsTheGapTheRatiosQuote() {
        assertEquals(PAGE.fact("small-json") / PAGE.fact("small-proto"), PAGE.fact("small-ratio"), 1e-12, PAGE + ": small ratio");
        assertEquals(PAGE.fact("page-json") / PAGE.fact("page-proto"), PAGE.fact("page-ratio"), 1e-12, PAGE + ": page ratio");
        assertEquals(PAGE.fact("page-json-gzip") / PAGE.fact("page-proto-gzip"), PAGE.fact("page-gzip-ratio"), 1e-12,
                PAGE + ": gzipped page ratio");
        assertTrue(PAGE.fact("page-gzip-ratio") < PAGE.fact("page-ratio"), PAGE + ": gzip should narrow the gap");
        assertTrue(PAGE.fact("note-ratio") < PAGE.fact("small-ratio"), PAGE + ": text should narrow the gap");
        assertTrue(PAGE.fact("small-ratio") < 10, PAGE + ": the page says the measured ratio is below the claimed 10×");
    }

    // --- GraphQL ---

    @Test
    void naiveResolversCostOnePlusSevenPerPostAndBatchingOnePerLevel() {
        int comments = (int) PAGE.fact("comments-per-post");
        for (int posts : new int[] {50, 100}) {
            // posts query, then per post: author + comment list + one author per comment
            assertEquals(1 + posts * (2 + comments), PAGE.fact("naive-" + posts), PAGE + ": naive queries for " + posts);
            // levels: posts; post authors and comment lists (two loaders); comment authors
            assertEquals(1 + 2 + 1, PAGE.fact("batched-" + posts), PAGE + ": batched queries for " + posts);
        }
        long objects = 100 + 100L * 100 + 100L * 100 * 1 + 100L * 100 * 1 * 100;
        assertEquals(objects, PAGE.fact("nested-objects"), PAGE + ": objects a nested query resolves");
    }

    // --- idempotency ---

    @Test
    void idempotencyOutcomesMatchWhatThePageClaims() {
        assertEquals(1, PAGE.fact("charges-after-retry"), PAGE + ": a retried request must not charge twice");
        assertEquals(PAGE.fact("concurrent-requests") - 1, PAGE.fact("concurrent-conflicts"),
                PAGE + ": all but one concurrent retry should see 409");
        assertEquals(2, PAGE.fact("charges-total"), PAGE + ": two keys, two charges");
        assertEquals(2, PAGE.fact("sketch-race"), PAGE + ": the sketch double-charges in the race");
        assertEquals(1, PAGE.fact("recheck-race"), PAGE + ": re-checking closes the race");
        assertEquals(2, PAGE.fact("recheck-expiry"), PAGE + ": but not the lock expiry");
    }

    // --- rate limiting ---

    @Test
    void everyLimiterRowAddsUpAndRespectsItsAlgorithmsBound() {
        int limit = (int) PAGE.fact("limit");
        int trace = (int) PAGE.fact("trace-size");
        List<String> names = new ArrayList<>();
        for (Element row : PAGE.rows("apis.limiters")) {
            String name = row.child(0).text();
            names.add(name);
            int admitted = Integer.parseInt(row.child(1).text());
            int rejected = Integer.parseInt(row.child(2).text());
            int busiest = Integer.parseInt(row.child(3).text());
            String over = row.child(4).text();
            assertEquals(trace, admitted + rejected, PAGE + " limiters table, " + name + ": admitted + rejected");
            String key = switch (name) {
                case "fixed window" -> "fixed";
                case "sliding log" -> "log";
                case "sliding window counter" -> "counter";
                case "token bucket" -> "token";
                default -> "leaky";
            };
            assertEquals(admitted, PAGE.fact(key + "-admitted"), PAGE + ": the prose's admitted count for " + name);
            assertTrue(Quantities.isCorrectlyRounded(Quantities.number(over), (double) busiest / limit),
                    PAGE + " limiters table, " + name + ": 'busiest second ÷ limit' " + over + " is not " + busiest + "/" + limit);
            int bound = switch (name) {
                case "sliding log", "leaky bucket (queue)" -> limit;      // exact
                case "fixed window", "token bucket" -> 2 * limit;         // two windows / capacity + 1 s of refill
                default -> Integer.MAX_VALUE;                             // an approximation
            };
            assertTrue(busiest <= bound, PAGE + " limiters table, " + name + ": busiest second " + busiest + " > " + bound);
        }
        assertEquals(List.of("fixed window", "sliding log", "sliding window counter", "token bucket",
                "leaky bucket (queue)"), names, PAGE + ": the five algorithms the page describes");
        assertTrue(PAGE.fact("fixed-busiest") > limit, PAGE + ": the boundary burst the page describes is missing");
    }

    @Test
    void slidingLogMemoryIsOneTimestampPerRequestInTheWindow() {
        double clients = 1e6, perMinute = 100, bytes = 8;   // as the page states them
        assertEquals(clients * perMinute * bytes, PAGE.fact("log-memory-bytes"), 1e-6, PAGE + ": sliding log memory");
        assertEquals(clients * 2 * bytes, PAGE.fact("counter-memory-bytes"), 1e-6, PAGE + ": two counters");
    }
}
