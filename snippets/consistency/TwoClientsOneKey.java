package consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two clients, one replicated key x, two replicas in regions 80 ms apart. Client A sits next to replica 1
 * and writes; client B sits next to replica 2 and reads. The same script runs against a linearizable store
 * (a leader at replica 1 that replicates synchronously and answers every read) and an eventually
 * consistent one (each client uses its nearby replica; replication runs in the background). A checker
 * then flags every read that returned a value older than a write that had already finished.
 */
public class TwoClientsOneKey {

    static final int CLIENT_HOP_MS = 1;   // client to its nearby replica, one way
    static final int REPLICA_HOP_MS = 40; // replica 1 to replica 2, one way

    enum Kind { WRITE, READ }

    /** One operation as the client saw it: invoked at start, answered at end; the value written or read. */
    record Op(String client, Kind kind, int start, int end, int value) {
    }

    /** A replica's history: at which time it started holding which value. */
    static final class Replica {
        private final TreeMap<Integer, Integer> applied = new TreeMap<>(Map.of(Integer.MIN_VALUE, 0));

        void apply(int time, int value) {
            applied.put(time, value);
        }

        int valueAt(int time) {
            return applied.floorEntry(time).getValue();
        }
    }

    // tag::stores[]
    interface Store {
        int latency(String client, Kind kind);

        void write(int value, int start);

        int read(String client, int start);
    }

    /** A leader next to A; a write commits once the far replica has it; reads ask the leader. */
    static final class Linearizable implements Store {
        final Replica leader = new Replica(), follower = new Replica();

        public int latency(String client, Kind kind) {
            // B is far from the leader, and every write waits for the replica next to B
            boolean remote = client.equals("B") || kind == Kind.WRITE;
            return 2 * CLIENT_HOP_MS + (remote ? 2 * REPLICA_HOP_MS : 0);
        }

        public void write(int value, int start) {
            follower.apply(start + CLIENT_HOP_MS + REPLICA_HOP_MS, value);
            // committed (and visible) once the follower's acknowledgement is back
            leader.apply(start + CLIENT_HOP_MS + 2 * REPLICA_HOP_MS, value);
        }

        public int read(String client, int start) {
            int far = client.equals("B") ? REPLICA_HOP_MS : 0;
            return leader.valueAt(start + CLIENT_HOP_MS + far);
        }
    }

    /** Each client uses its nearby replica; writes are acknowledged locally, shipped later. */
    static final class Eventual implements Store {
        final Replica nearA = new Replica(), nearB = new Replica();

        public int latency(String client, Kind kind) {
            return 2 * CLIENT_HOP_MS;
        }

        public void write(int value, int start) {
            nearA.apply(start + CLIENT_HOP_MS, value);
            nearB.apply(start + CLIENT_HOP_MS + REPLICA_HOP_MS, value);
        }

        public int read(String client, int start) {
            return (client.equals("A") ? nearA : nearB).valueAt(start + CLIENT_HOP_MS);
        }
    }
    // end::stores[]

    /**
     * What each client does: an op at notBefore. A write waits for the client's previous op to answer; a
     * read is a poll, so a poll that comes due while the client is still waiting is skipped.
     */
    record Step(String client, Kind kind, int notBefore, int value) {
    }

    static final List<Step> SCRIPT = script();

    static List<Step> script() {
        List<Step> steps = new ArrayList<>(List.of(
                new Step("A", Kind.WRITE, 0, 1),
                new Step("A", Kind.WRITE, 100, 2),
                new Step("A", Kind.READ, 190, 0)));
        for (int t = 10; t <= 250; t += 20) {
            steps.add(new Step("B", Kind.READ, t, 0));
        }
        return steps;
    }

    static List<Op> run(Store store) {
        Map<String, Integer> freeAt = new LinkedHashMap<>();
        List<Op> ops = new ArrayList<>();
        for (Step s : SCRIPT.stream().filter(s -> s.kind() == Kind.WRITE).toList()) { // writes first: reads depend on them
            int start = Math.max(s.notBefore(), freeAt.getOrDefault(s.client(), 0));
            store.write(s.value(), start);
            ops.add(new Op(s.client(), Kind.WRITE, start, start + store.latency(s.client(), Kind.WRITE), s.value()));
            freeAt.put(s.client(), start + store.latency(s.client(), Kind.WRITE));
        }
        for (Step s : SCRIPT.stream().filter(s -> s.kind() == Kind.READ).toList()) {
            if (freeAt.getOrDefault(s.client(), 0) > s.notBefore()) {
                continue;
            }
            int start = s.notBefore();
            int end = start + store.latency(s.client(), Kind.READ);
            ops.add(new Op(s.client(), Kind.READ, start, end, store.read(s.client(), start)));
            freeAt.put(s.client(), end);
        }
        ops.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : a.client().compareTo(b.client()));
        return ops;
    }

    // tag::checker[]
    /** Stale: older than a write that had finished before the read began. */
    static boolean stale(Op read, List<Op> ops) {
        int newestFinished = ops.stream()
                .filter(o -> o.kind() == Kind.WRITE && o.end() < read.start())
                .mapToInt(Op::value).max().orElse(0); // the one writer writes 1, 2, ... in order
        return read.value() < newestFinished;
    }
    // end::checker[]

    static void print(String title, List<Op> ops) {
        System.out.println(title);
        for (Op op : ops) {
            String what = op.kind() == Kind.WRITE ? "write x=" + op.value() : "read  -> " + op.value();
            String verdict = op.kind() == Kind.READ && stale(op, ops) ? "  STALE" : "";
            System.out.printf("  %s  %-11s %4d -> %3d ms%s%n", op.client(), what, op.start(), op.end(), verdict);
        }
        System.out.printf("  stale reads: %d of %d%n%n", staleReads(ops), reads(ops));
    }

    static long reads(List<Op> ops) {
        return ops.stream().filter(o -> o.kind() == Kind.READ).count();
    }

    static long reads(List<Op> ops, String client) {
        return ops.stream().filter(o -> o.kind() == Kind.READ && o.client().equals(client)).count();
    }

    static long staleReads(List<Op> ops) {
        return ops.stream().filter(o -> o.kind() == Kind.READ && stale(o, ops)).count();
    }

    public static void main(String[] args) {
        print("Linearizable (leader next to A, synchronous replication):", run(new Linearizable()));
        print("Eventual (nearest replica, background replication):", run(new Eventual()));
    }

    public static Map<String, Object> facts() {
        List<Op> strong = run(new Linearizable());
        List<Op> eventual = run(new Eventual());
        Linearizable l = new Linearizable();
        Eventual e = new Eventual();
        return Map.ofEntries(
                Map.entry("client-hop-ms", CLIENT_HOP_MS),
                Map.entry("replica-hop-ms", REPLICA_HOP_MS),
                Map.entry("strong-write-ms", l.latency("A", Kind.WRITE)),
                Map.entry("strong-far-read-ms", l.latency("B", Kind.READ)),
                Map.entry("strong-near-read-ms", l.latency("A", Kind.READ)),
                Map.entry("eventual-op-ms", e.latency("B", Kind.READ)),
                Map.entry("strong-stale-reads", staleReads(strong)),
                Map.entry("strong-reads", reads(strong)),
                Map.entry("strong-b-reads", reads(strong, "B")),
                Map.entry("eventual-b-reads", reads(eventual, "B")),
                Map.entry("eventual-stale-reads", staleReads(eventual)),
                Map.entry("eventual-reads", reads(eventual)),
                // a read that begins after the ack but reaches B's replica before the write does
                Map.entry("staleness-window-ms", REPLICA_HOP_MS - 2 * CLIENT_HOP_MS));
    }

    public static Map<String, Object> charts() {
        List<String> lanes = List.of("eventual: client B", "eventual: client A", "linearizable: client B",
                "linearizable: client A");
        Map<String, List<Object>> segments = new LinkedHashMap<>();
        for (String s : List.of("write", "read, up to date", "read, stale")) {
            segments.put(s, new ArrayList<>());
        }
        addOps(segments, run(new Linearizable()), lanes.indexOf("linearizable: client A"), lanes.indexOf("linearizable: client B"));
        addOps(segments, run(new Eventual()), lanes.indexOf("eventual: client A"), lanes.indexOf("eventual: client B"));

        List<Object> series = new ArrayList<>();
        segments.forEach((name, data) -> series.add(Map.of(
                "type", "lines", "coordinateSystem", "cartesian2d", "name", name,
                "lineStyle", Map.of("width", 7, "opacity", 0.9),
                "label", Map.of("show", true, "position", "end", "formatter", "{b}", "fontSize", 11),
                "data", data)));
        return Map.of("timeline", Map.of(
                "tooltip", Map.of(),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 150, "right", 40, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "time (ms)", "nameLocation", "middle", "nameGap", 28,
                        "min", 0, "max", 300),
                "yAxis", Map.of("type", "category", "data", lanes),
                "series", series));
    }

    private static void addOps(Map<String, List<Object>> segments, List<Op> ops, int laneA, int laneB) {
        for (Op op : ops) {
            int lane = op.client().equals("A") ? laneA : laneB;
            String series = op.kind() == Kind.WRITE ? "write" : stale(op, ops) ? "read, stale" : "read, up to date";
            String name = op.kind() == Kind.WRITE ? "x=" + op.value() : String.valueOf(op.value());
            segments.get(series).add(Map.of("name", name,
                    "coords", List.of(List.of(op.start(), lane), List.of(op.end(), lane))));
        }
    }
}
