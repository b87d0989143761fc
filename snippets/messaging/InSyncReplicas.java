package messaging;

// run: timeout=20s

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When does an acks=all write complete? A leader and two followers, replication factor 3 and
 * min.insync.replicas=2, through eighty seconds of trouble: one follower slows down, then the other
 * crashes. The leader acknowledges a write once every replica in the in-sync set (ISR) has it;
 * min.insync.replicas only decides whether the write is accepted at all.
 */
public class InSyncReplicas {

    static final double RATE = 1_000;               // records per second
    static final int MIN_INSYNC = 2;
    static final double LAG_TIME_MAX_S = 30;        // replica.lag.time.max.ms, Kafka's default
    static final double SESSION_TIMEOUT_S = 9;      // broker.session.timeout.ms, KRaft's default
    static final double F1_DELAY_S = 0.002, F2_DELAY_S = 0.003;
    static final double F2_SLOW_FROM = 10;          // f2's disk degrades: it copies half the rate
    static final double F1_DOWN_FROM = 60, F1_BACK_AT = 70; // f1 crashes, restarts, catches up at 3x
    static final double END = 80;

    // tag::isr[]
    /** Offset the leader has written by time t. */
    static double leaderEnd(double t) {
        return RATE * t;
    }

    /** Offset follower f1 has copied by time t. */
    static double f1End(double t) {
        if (t < F1_DOWN_FROM) {
            return leaderEnd(t - F1_DELAY_S);
        }
        if (t < F1_BACK_AT) {
            return leaderEnd(F1_DOWN_FROM);                         // down: copies nothing
        }
        double catchingUp = leaderEnd(F1_DOWN_FROM) + 3 * RATE * (t - F1_BACK_AT);
        return Math.min(leaderEnd(t - F1_DELAY_S), catchingUp);  // back: copies at 3x
    }

    /** Offset follower f2 has copied by time t. */
    static double f2End(double t) {
        return t < F2_SLOW_FROM ? leaderEnd(t - F2_DELAY_S)
                : leaderEnd(F2_SLOW_FROM) + RATE / 2 * (t - F2_SLOW_FROM);
    }

    /** The in-sync set: the leader, plus followers that have caught up recently enough. */
    static List<String> isr(double t) {
        List<String> members = new ArrayList<>(List.of("leader"));
        boolean f1CaughtUp = f1End(t) >= leaderEnd(t - F1_DELAY_S) - 1e-9;
        boolean f1NotYetNoticed = t < F1_DOWN_FROM + SESSION_TIMEOUT_S; // controller's view
        if (f1NotYetNoticed || (t >= F1_BACK_AT && f1CaughtUp)) {
            members.add("f1");
        }
        if (t < F2_SLOW_FROM + LAG_TIME_MAX_S) {           // behind for 30 s: dropped
            members.add("f2");
        }
        return members;
    }

    enum Outcome { ACKNOWLEDGED, REJECTED_BEFORE_WRITE, FAILED_AFTER_WRITE }

    record Write(double at, Outcome outcome, double latencyMs) {
    }

    /** Follows one acks=all write from the moment it reaches the leader. */
    static Write produce(double at) {
        if (isr(at).size() < MIN_INSYNC) {
            return new Write(at, Outcome.REJECTED_BEFORE_WRITE, 0);  // NotEnoughReplicas
        }
        double offset = leaderEnd(at);
        for (double t = at; t < END + LAG_TIME_MAX_S; t += t - at < 0.02 ? 0.0001 : 0.01) {
            List<String> members = isr(t);
            if (members.size() < MIN_INSYNC) {
                return new Write(at, Outcome.FAILED_AFTER_WRITE, 0); // ...AfterAppend
            }
            boolean everyoneHasIt = (!members.contains("f1") || f1End(t) >= offset)
                    && (!members.contains("f2") || f2End(t) >= offset);
            if (everyoneHasIt) {
                return new Write(at, Outcome.ACKNOWLEDGED, (t - at) * 1_000);
            }
        }
        throw new IllegalStateException("never acknowledged");
    }
    // end::isr[]

    static final double SAMPLE_S = 0.25;

    private static List<Write> cached;

    static synchronized List<Write> writes() {
        if (cached == null) {
            cached = new ArrayList<>();
            for (double t = 0.5; t < END; t += SAMPLE_S) {
                cached.add(produce(t));
            }
        }
        return cached;
    }

    static double maxLatency(double from, double to) {
        return writes().stream().filter(w -> w.at() >= from && w.at() < to && w.outcome() == Outcome.ACKNOWLEDGED)
                .mapToDouble(Write::latencyMs).max().orElse(0);
    }

    static long count(Outcome outcome) {
        return writes().stream().filter(w -> w.outcome() == outcome).count();
    }

    public static void main(String[] args) {
        System.out.printf("RF=3, min.insync.replicas=%d, acks=all, one write every %.2f s%n", MIN_INSYNC, SAMPLE_S);
        double[][] phases = {{0, F2_SLOW_FROM}, {F2_SLOW_FROM, F2_SLOW_FROM + LAG_TIME_MAX_S},
                {F2_SLOW_FROM + LAG_TIME_MAX_S, F1_DOWN_FROM}, {F1_DOWN_FROM, END}};
        String[] names = {"all healthy", "f2 slow, still in the ISR", "f2 dropped from the ISR", "f1 crashes, returns"};
        for (int i = 0; i < phases.length; i++) {
            double from = phases[i][0], to = phases[i][1];
            System.out.printf("%2.0f-%2.0f s  %-26s ISR %-18s slowest ack %,8.1f ms%n", from, to, names[i],
                    isr(from + 0.01), maxLatency(from, to));
        }
        System.out.printf("Writes rejected (ISR below %d): %d; failed after being written: %d%n", MIN_INSYNC,
                count(Outcome.REJECTED_BEFORE_WRITE), count(Outcome.FAILED_AFTER_WRITE));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("isr-min-insync", MIN_INSYNC);
        facts.put("isr-lag-time-max-s", LAG_TIME_MAX_S);
        facts.put("isr-session-timeout-s", SESSION_TIMEOUT_S);
        facts.put("isr-healthy-ms", maxLatency(0, F2_SLOW_FROM));
        facts.put("isr-slow-follower-ms", maxLatency(F2_SLOW_FROM, F2_SLOW_FROM + LAG_TIME_MAX_S));
        facts.put("isr-after-shrink-ms", maxLatency(F2_SLOW_FROM + LAG_TIME_MAX_S + 1, F1_DOWN_FROM));
        facts.put("isr-f2-slow-from-s", F2_SLOW_FROM);
        facts.put("isr-f2-out-at-s", F2_SLOW_FROM + LAG_TIME_MAX_S);
        facts.put("isr-f1-down-s", F1_DOWN_FROM);
        facts.put("isr-rejected-share", (double) (count(Outcome.REJECTED_BEFORE_WRITE) + count(Outcome.FAILED_AFTER_WRITE))
                / writes().size());
        List<Write> refused = writes().stream().filter(w -> w.outcome() == Outcome.REJECTED_BEFORE_WRITE).toList();
        facts.put("isr-refused-from-s", refused.get(0).at());
        facts.put("isr-refused-until-s", refused.get(refused.size() - 1).at() + SAMPLE_S);
        return facts;
    }

    /** Runs of consecutive writes with the same non-acknowledged outcome, as chart areas. */
    static List<Object> refusedAreas() {
        List<Object> areas = new ArrayList<>();
        List<Write> all = writes();
        for (int i = 0; i < all.size(); ) {
            Outcome o = all.get(i).outcome();
            int j = i;
            while (j < all.size() && all.get(j).outcome() == o) {
                j++;
            }
            if (o != Outcome.ACKNOWLEDGED) {
                String label = o == Outcome.FAILED_AFTER_WRITE ? "stalled, then failed" : "refused";
                areas.add(List.of(Map.of("xAxis", all.get(i).at(), "name", label),
                        Map.of("xAxis", all.get(j - 1).at() + SAMPLE_S)));
            }
            i = j;
        }
        return areas;
    }

    public static Map<String, Object> charts() {
        List<List<Object>> acked = new ArrayList<>();
        List<List<Double>> isrSize = new ArrayList<>();
        for (Write w : writes()) {
            Object y = w.outcome() == Outcome.ACKNOWLEDGED ? (Object) (Math.round(w.latencyMs() * 10) / 10.0) : "-";
            acked.add(List.of(w.at(), y));                       // "-" leaves a gap in the line
        }
        for (double t = 0; t <= END; t += SAMPLE_S) {
            isrSize.add(List.of(t, (double) isr(t).size()));
        }
        List<Object> series = List.of(
                Map.of("type", "line", "name", "acks=all write: time to acknowledge", "showSymbol", false,
                        "xAxisIndex", 0, "yAxisIndex", 0, "data", acked,
                        "markArea", Map.of("label", Map.of("position", "insideTop"), "data", refusedAreas())),
                Map.of("type", "line", "name", "replicas in the ISR", "step", "end", "showSymbol", false,
                        "xAxisIndex", 1, "yAxisIndex", 1, "data", isrSize,
                        "markLine", Map.of("symbol", "none", "lineStyle", Map.of("type", "dashed"),
                                "label", Map.of("formatter", "min.insync.replicas", "position", "insideEndTop"),
                                "data", List.of(Map.of("yAxis", MIN_INSYNC)))));
        return Map.of("isr-timeline", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", List.of(Map.of("left", 70, "right", 30, "top", 50, "height", 200),
                        Map.of("left", 70, "right", 30, "top", 300, "height", 90)),
                "xAxis", List.of(Map.of("type", "value", "gridIndex", 0, "min", 0, "max", END),
                        Map.of("type", "value", "gridIndex", 1, "min", 0, "max", END, "name", "time (s)",
                                "nameLocation", "middle", "nameGap", 26)),
                "yAxis", List.of(Map.of("type", "log", "gridIndex", 0, "name", "ms to acknowledge (log)",
                                "nameLocation", "middle", "nameGap", 50, "min", 1),
                        Map.of("type", "value", "gridIndex", 1, "min", 0, "max", 3, "interval", 1, "name", "ISR size",
                                "nameLocation", "middle", "nameGap", 50)),
                "series", series));
    }
}
