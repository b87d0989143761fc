package foundations;

import java.util.List;
import java.util.Map;

/**
 * Rules of thumb: figures that are observations, not laws. Each row says what it rests on, so that a
 * candidate can defend it or adjust it. The cheat sheet reads these same rows.
 */
public class RulesOfThumb {

    record Rule(String component, String figure, String basis) {
    }

    static final List<Rule> PER_SERVER = List.of(
            new Rule("Stateless HTTP service, light logic", "10,000–30,000 QPS per 8-core VM",
                    "0.2–0.5 ms of CPU per request at 60 % utilisation (see the per-server program)"),
            new Rule("Same service, blocking on a database", "about 1,000 QPS",
                    "Little's law: 50 in-flight requests ÷ 50 ms each"),
            new Rule("PostgreSQL, OLTP point queries", "1,000–5,000 QPS, conservatively",
                    "indexed reads from the buffer pool; tuned servers do far more, disk-bound ones far less"),
            new Rule("PostgreSQL on a spinning disk", "about 200 QPS",
                    "one random read per query at 5–10 ms per seek"),
            new Rule("Redis, one thread", "about 100,000 ops/s",
                    "small values, pipelining off, no fsync on the hot path"),
            new Rule("Kafka broker", "hundreds of MB/s of appends",
                    "sequential disk writes and page cache; bounded by disk and NIC"),
            new Rule("NGINX as an L7 proxy", "tens of thousands of requests/s per core",
                    "keep-alive connections, small responses; TLS handshakes cost more"));

    static final List<Rule> UNIT_SIZES = List.of(
            new Rule("Character of Latin text", "1 byte", "UTF-8; 2–4 bytes elsewhere (see the UTF-8 program)"),
            new Rule("Tweet-sized post", "about 1 KB with metadata", "up to 280 characters of text plus ids, timestamps, counters"),
            new Rule("Chat message", "about 500 bytes with envelope", "100 bytes of text plus ids, sequence number, timestamps"),
            new Rule("Row in a normalised table", "100–500 bytes", "a dozen columns of ids, numbers and short strings"),
            new Rule("Small key-value pair in Redis", "about 100 bytes on the wire, 200 in memory",
                    "per-key overhead of the hash table entry and object header"),
            new Rule("Photo", "about 300 KB", "a compressed phone photo resized for the web"),
            new Rule("Short URL record", "about 500 bytes", "long URL plus key, owner, timestamps"));

    static List<List<String>> rows(List<Rule> rules, String firstColumn) {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of(firstColumn, "Rule of thumb", "What it rests on"));
        rules.forEach(r -> rows.add(List.of(r.component(), r.figure(), r.basis())));
        return rows;
    }

    public static Map<String, Object> tables() {
        return Map.of("per-server", rows(PER_SERVER, "Component"), "unit-sizes", rows(UNIT_SIZES, "Item"));
    }
}
