package databases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The whiteboard decision tree for picking a database, written as data and run on nine workloads.
 * Each question is a yes/no about the workload; the first "yes" on the way down decides the family.
 */
public class DatabaseChooser {

    /** What the interviewer has told you about the data and how it is read. */
    enum Trait {
        LARGE_BLOBS, AGGREGATES_OVER_BILLIONS, FULL_TEXT, METRICS_OVER_TIME, DEEP_RELATIONSHIPS, KEY_ONLY,
        CROSS_ROW_INVARIANTS, NATURAL_PARTITION_KEY, TEAM_CAN_RUN_DISTRIBUTED_SQL
    }

    record Workload(String name, Set<Trait> traits, double writesPerSecond, double terabytes) {
        boolean has(Trait t) {
            return traits.contains(t);
        }
    }

    // Rules of thumb for "one primary is enough" and "write-heavy", not limits of any product.
    static final double ONE_PRIMARY_MAX_WRITES = 10_000;
    static final double ONE_PRIMARY_MAX_TB = 5;
    static final double WRITE_HEAVY = 100_000;

    // tag::tree[]
    sealed interface Node permits Question, Choice {
    }

    record Question(String text, Predicate<Workload> test, Node yes, Node no)
            implements Node {
    }

    record Choice(String family, String examples) implements Node {
    }

    static final Node TREE =
        ask("Large binary objects (images, video, backups)?", has(Trait.LARGE_BLOBS),
            pick("Object storage, metadata in a database", "S3, GCS, Azure Blob"),
        ask("Aggregations over billions of rows?", has(Trait.AGGREGATES_OVER_BILLIONS),
            pick("Columnar (OLAP)", "ClickHouse, BigQuery, Snowflake"),
        ask("Full-text search or relevance ranking?", has(Trait.FULL_TEXT),
            pick("Search index fed from a source of truth", "Elasticsearch, OpenSearch"),
        ask("Measurements appended over time, read by time range?",
                has(Trait.METRICS_OVER_TIME),
            pick("Time-series", "Prometheus, TimescaleDB"),
        ask("Queries follow relationships many hops deep?", has(Trait.DEEP_RELATIONSHIPS),
            pick("Graph", "Neo4j, Neptune"),
        ask("Every read is by one key, nothing else?", has(Trait.KEY_ONLY),
            pick("Key-value", "DynamoDB; Redis if it fits in memory"),
        ask("Invariants across rows (transactions, joins)?", has(Trait.CROSS_ROW_INVARIANTS),
            ask("Fits one primary (writes and size)?",
                    w -> w.writesPerSecond() <= ONE_PRIMARY_MAX_WRITES
                            && w.terabytes() <= ONE_PRIMARY_MAX_TB,
                pick("Relational: one primary plus replicas", "PostgreSQL, MySQL"),
            ask("Can the team run distributed SQL?", has(Trait.TEAM_CAN_RUN_DISTRIBUTED_SQL),
                pick("NewSQL", "Spanner, CockroachDB, YugabyteDB"),
                pick("Relational, sharded by tenant or user", "Vitess, Citus"))),
        ask("Write-heavy, with a natural partition key?",
                w -> w.writesPerSecond() >= WRITE_HEAVY && w.has(Trait.NATURAL_PARTITION_KEY),
            pick("Wide-column", "Cassandra, ScyllaDB, Bigtable"),
            pick("Relational or document", "PostgreSQL (JSONB), MongoDB")))))))));

    /** Walks the tree for one workload, collecting the questions answered on the way. */
    static Choice choose(Workload w, List<String> trail) {
        Node node = TREE;
        while (node instanceof Question q) {
            boolean yes = q.test().test(w);
            trail.add((yes ? "yes: " : "no:  ") + q.text());
            node = yes ? q.yes() : q.no();
        }
        return (Choice) node;
    }
    // end::tree[]

    static Question ask(String text, Predicate<Workload> test, Node yes, Node no) {
        return new Question(text, test, yes, no);
    }

    static Predicate<Workload> has(Trait trait) {
        return w -> w.has(trait);
    }

    static Choice pick(String family, String examples) {
        return new Choice(family, examples);
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload("profile photos", Set.of(Trait.LARGE_BLOBS), 500, 2_000),
            new Workload("click analytics dashboard", Set.of(Trait.AGGREGATES_OVER_BILLIONS), 50_000, 200),
            new Workload("product search", Set.of(Trait.FULL_TEXT), 200, 1),
            new Workload("service metrics", Set.of(Trait.METRICS_OVER_TIME, Trait.NATURAL_PARTITION_KEY), 300_000, 20),
            new Workload("fraud ring detection", Set.of(Trait.DEEP_RELATIONSHIPS), 1_000, 2),
            new Workload("URL shortener redirects", Set.of(Trait.KEY_ONLY, Trait.NATURAL_PARTITION_KEY), 1_200, 3),
            new Workload("payments ledger", Set.of(Trait.CROSS_ROW_INVARIANTS, Trait.NATURAL_PARTITION_KEY), 2_000, 1),
            new Workload("global inventory", Set.of(Trait.CROSS_ROW_INVARIANTS, Trait.TEAM_CAN_RUN_DISTRIBUTED_SQL),
                    40_000, 30),
            new Workload("chat message history", Set.of(Trait.NATURAL_PARTITION_KEY), 500_000, 400));

    public static Map<String, Object> facts() {
        return Map.of("write-heavy", WRITE_HEAVY, "one-primary-max-writes", ONE_PRIMARY_MAX_WRITES,
                "one-primary-max-tb", ONE_PRIMARY_MAX_TB);
    }

    public static void main(String[] args) {
        for (Workload w : WORKLOADS) {
            List<String> trail = new ArrayList<>();
            Choice c = choose(w, trail);
            System.out.printf("%-24s -> %-40s (%d question%s)%n", w.name(), c.family(),
                    trail.size(), trail.size() == 1 ? "" : "s");
        }
        List<String> trail = new ArrayList<>();
        choose(WORKLOADS.get(WORKLOADS.size() - 1), trail);
        System.out.println("The path for chat message history:");
        trail.forEach(step -> System.out.println("  " + step));
    }
}
