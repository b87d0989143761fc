package consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PACELC classification of common systems in their default configuration. The four-letter code is
 * derived from the two choices, never typed, and the CAP diagram places each system from the same rows.
 */
public class Pacelc {

    enum OnPartition { CONSISTENCY, AVAILABILITY }

    enum Otherwise { CONSISTENCY, LATENCY }

    record Row(String system, OnPartition partition, Otherwise otherwise, String partitionHow, String otherwiseHow) {
        String code() {
            return "P" + (partition == OnPartition.CONSISTENCY ? "C" : "A")
                    + "/E" + (otherwise == Otherwise.CONSISTENCY ? "C" : "L");
        }
    }

    static final List<Row> ROWS = List.of(
            new Row("Spanner", OnPartition.CONSISTENCY, Otherwise.CONSISTENCY,
                    "a Paxos group that loses its majority stops taking writes",
                    "commit waits out the TrueTime uncertainty; stale reads only if you ask for them"),
            new Row("HBase", OnPartition.CONSISTENCY, Otherwise.CONSISTENCY,
                    "a region is served by one server; cut off, it is unavailable until reassigned",
                    "every read and write of a row goes to its one region server"),
            new Row("Bigtable (one cluster)", OnPartition.CONSISTENCY, Otherwise.CONSISTENCY,
                    "same single-owner design as HBase",
                    "single-row reads are strongly consistent; replication between clusters is eventual"),
            new Row("etcd", OnPartition.CONSISTENCY, Otherwise.CONSISTENCY,
                    "the minority side of a Raft group refuses writes and linearizable reads",
                    "reads are linearizable by default: a quorum round before answering"),
            new Row("ZooKeeper", OnPartition.CONSISTENCY, Otherwise.LATENCY,
                    "a server that loses its quorum stops serving clients",
                    "reads are answered by the connected server and may lag; call sync() for a fresh read"),
            new Row("MongoDB (5.0+ defaults)", OnPartition.CONSISTENCY, Otherwise.CONSISTENCY,
                    "writes need a majority (w: majority); an isolated old primary can still serve stale reads until it steps down",
                    "reads go to the primary; Abadi rated the 2012 defaults (w: 1) PA/EC"),
            new Row("Amazon RDS Multi-AZ instance", OnPartition.CONSISTENCY, Otherwise.CONSISTENCY,
                    "one writer; failover promotes the synchronous standby",
                    "the standby is synchronous and serves no reads; only added read replicas trade latency for staleness"),
            new Row("PNUTS (Yahoo)", OnPartition.CONSISTENCY, Otherwise.LATENCY,
                    "a record's master region must be reachable to update it",
                    "reads are served by the local replica, which may lag the master"),
            new Row("Cassandra (ONE / LOCAL_ONE)", OnPartition.AVAILABILITY, Otherwise.LATENCY,
                    "any replica accepts the write; hinted handoff repairs later",
                    "one replica answers; QUORUM on both sides buys consistency back per query"),
            new Row("DynamoDB (one region)", OnPartition.CONSISTENCY, Otherwise.LATENCY,
                    "each partition's Paxos leader needs 2 of its 3 replicas to accept a write",
                    "default reads may go to any replica and lag; a strongly consistent read costs twice as much"),
            new Row("DynamoDB global tables", OnPartition.AVAILABILITY, Otherwise.LATENCY,
                    "every region keeps accepting writes and settles conflicts by last writer wins",
                    "replication between regions is asynchronous"),
            new Row("Riak (defaults)", OnPartition.AVAILABILITY, Otherwise.CONSISTENCY,
                    "sloppy quorums count stand-in nodes, so writes keep flowing and the overlap is lost",
                    "defaults are r = w = quorum (2 of 3), which overlap while the cluster is healthy;"
                            + " Abadi's 2012 paper rated it EL"));

    static Row row(String system) {
        return ROWS.stream().filter(r -> r.system().equals(system)).findFirst().orElseThrow();
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("System (default setup)", "If partitioned (PA or PC)", "Else (EL or EC)", "PACELC", "Why"));
        for (Row r : ROWS) {
            rows.add(List.of(r.system(),
                    r.partition() == OnPartition.CONSISTENCY ? "consistency" : "availability",
                    r.otherwise() == Otherwise.CONSISTENCY ? "consistency" : "latency",
                    r.code(),
                    "Partition: " + r.partitionHow() + ". Else: " + r.otherwiseHow() + "."));
        }
        return Map.of("pacelc", Map.of("rows", rows, "derived", List.of("PACELC")));
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "pacelc-systems", ROWS.size(),
                "pacelc-rds-code", row("Amazon RDS Multi-AZ instance").code(),
                "pacelc-zookeeper-code", row("ZooKeeper").code());
    }
}
