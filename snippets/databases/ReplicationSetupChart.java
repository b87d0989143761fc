package databases;

import diagrams.Diagram;

import java.util.Map;

/** The replication set-up the simulation runs, drawn from its own replica list. */
public class ReplicationSetupChart {

    public static Map<String, Object> charts() {
        Diagram d = new Diagram()
                .node("clients", "Clients", 0, Diagram.Kind.CLIENT)
                .node("leader", "Leader (zone A)", 1, Diagram.Kind.STORE);
        d.edge("clients", "leader", "writes");
        for (int k = 0; k < Replication.REPLICAS.size(); k++) {
            Replication.Replica r = Replication.REPLICAS.get(k);
            String id = "replica-" + k;
            d.node(id, "Replica, " + Replication.REPLICA_SHORT[k], 2, Diagram.Kind.STORE);
            d.asyncEdge("leader", id, String.format("log stream, %s ms round trip", trim(2 * r.oneWayMs())));
        }
        return Map.of("replication-setup", d.option());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
