package databases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The database families as workload shapes: one row each, the table the page shows. */
public class DatabaseFamilies {

    record Family(String name, String shape, String goodAt, String weakAt, String examples) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family("Relational (OLTP)", "Tables with a fixed schema, joins, multi-row transactions",
                    "Invariants across rows; ad-hoc queries you did not plan for",
                    "Writes beyond one primary need sharding or a different engine",
                    "PostgreSQL, MySQL, SQL Server"),
            new Family("Key-value", "An opaque value per key",
                    "Fastest reads and writes; shards trivially by key",
                    "No query except by key; secondary access means a second table",
                    "DynamoDB, Redis, RocksDB (embedded)"),
            new Family("Wide-column", "Partitions of rows sorted by a clustering key",
                    "Very high write rates; time-ordered data per partition",
                    "Queries must follow the partition key; no joins, weak secondary indexes",
                    "Cassandra, ScyllaDB, HBase, Bigtable"),
            new Family("Document", "Self-contained JSON-like documents",
                    "Varied item shapes; atomic update of one document",
                    "Invariants spanning documents are the application's job",
                    "MongoDB, Couchbase, Firestore"),
            new Family("Graph", "Vertices and edges with properties",
                    "Traversals many hops deep (friends of friends, fraud rings)",
                    "Whole-graph analytics and sharding are hard",
                    "Neo4j, Amazon Neptune, JanusGraph"),
            new Family("Columnar (OLAP)", "Each column stored and compressed separately",
                    "Scans and aggregations over billions of rows",
                    "Single-row reads and frequent updates are slow",
                    "ClickHouse, BigQuery, Snowflake, Redshift"),
            new Family("Search", "An inverted index from terms to documents",
                    "Full-text relevance, facets, fuzzy matching",
                    "Not a source of truth: rebuild it from one",
                    "Elasticsearch, OpenSearch, Solr"),
            new Family("NewSQL (distributed SQL)", "SQL and transactions over sharded, consensus-replicated storage",
                    "Relational guarantees beyond one machine or one region",
                    "Higher write latency (consensus), cost and operational weight",
                    "Spanner, CockroachDB, YugabyteDB, TiDB"),
            new Family("Time-series", "Appends of (series, time, value)",
                    "High ingest, downsampling, retention by age",
                    "Updates and lookups unrelated to time",
                    "Prometheus, TimescaleDB, InfluxDB"),
            new Family("Ledger (immutable)", "An append-only journal with a hash chain",
                    "Tamper evidence and a verifiable history",
                    "Niche; the best-known hosted options have been retired",
                    "immudb, ledger tables in Azure SQL; formerly Amazon QLDB"));

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Family", "Shape of the data", "Good at", "Weak at", "Examples"));
        for (Family f : FAMILIES) {
            rows.add(List.of(f.name(), f.shape(), f.goodAt(), f.weakAt(), f.examples()));
        }
        return Map.of("families", rows);
    }
}
