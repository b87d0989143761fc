package messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

// run: timeout=20s

/**
 * A consumer reads 10,000 messages from a log in batches of 100, applies each one's effect (say,
 * "add 1 to an account"), and commits its offset. It crashes at random moments and resumes from the
 * last committed offset. Where the commit sits relative to the work decides what a crash costs.
 */
public class DeliverySemantics {

    static final int MESSAGES = 10_000;
    static final int BATCH = 100;
    static final int[] CRASH_COUNTS = {0, 1, 2, 5, 10, 20, 50, 100};
    static final int TRIALS = 20;
    static final int EXAMPLE_CRASHES = 10;

    enum Mode { AT_MOST_ONCE, AT_LEAST_ONCE, IDEMPOTENT }

    // tag::consume[]
    /** Runs the consumer to the end of the log; returns how often each effect ran. */
    static int[] consume(Mode mode, Set<Integer> crashBefore) {
        int[] effects = new int[MESSAGES];
        boolean[] applied = new boolean[MESSAGES];      // ids of applied messages, stored
                                                        // atomically with the effect itself
        int committed = 0;
        while (committed < MESSAGES) {
            int end = Math.min(committed + BATCH, MESSAGES);
            int from = committed;
            if (mode == Mode.AT_MOST_ONCE) {
                committed = end;                         // commit first, then do the work
            }
            boolean crashed = false;
            for (int offset = from; offset < end && !crashed; offset++) {
                if (crashBefore.remove(offset)) {
                    crashed = true;                      // restart from the committed offset
                } else if (mode != Mode.IDEMPOTENT || !applied[offset]) {
                    effects[offset]++;
                    applied[offset] = true;
                }
            }
            if (!crashed && mode != Mode.AT_MOST_ONCE) {
                committed = end;                         // do the work, then commit
            }
        }
        return effects;
    }
    // end::consume[]

    record Tally(int lost, int duplicated) {
    }

    static Tally tally(int[] effects) {
        int lost = 0, duplicated = 0;
        for (int e : effects) {
            lost += e == 0 ? 1 : 0;
            duplicated += Math.max(0, e - 1);
        }
        return new Tally(lost, duplicated);
    }

    static Set<Integer> crashPoints(int crashes, Random random) {
        Set<Integer> points = new TreeSet<>();
        while (points.size() < crashes) {
            points.add(random.nextInt(MESSAGES));
        }
        return points;
    }

    /** Mean lost and duplicated messages over several runs with the given number of crashes. */
    static Map<Mode, double[]> average(int crashes) {
        Map<Mode, double[]> result = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            Random random = new Random(1_000L + crashes);  // the same crash points for every mode
            double lost = 0, duplicated = 0;
            for (int trial = 0; trial < TRIALS; trial++) {
                Tally t = tally(consume(mode, crashPoints(crashes, random)));
                lost += t.lost();
                duplicated += t.duplicated();
            }
            result.put(mode, new double[] {lost / TRIALS, duplicated / TRIALS});
        }
        return result;
    }

    public static void main(String[] args) {
        System.out.printf("%,d messages in batches of %d; the consumer crashes %d times%n", MESSAGES, BATCH,
                EXAMPLE_CRASHES);
        System.out.printf("%-15s %6s %11s%n", "mode", "lost", "duplicated");
        for (Mode mode : Mode.values()) {
            Tally t = tally(consume(mode, crashPoints(EXAMPLE_CRASHES, new Random(1))));
            System.out.printf("%-15s %6d %11d%n", mode, t.lost(), t.duplicated());
        }
    }

    private static Map<Integer, Map<Mode, double[]>> cached;

    static synchronized Map<Integer, Map<Mode, double[]>> sweep() {
        if (cached == null) {
            cached = new LinkedHashMap<>();
            for (int crashes : CRASH_COUNTS) {
                cached.put(crashes, average(crashes));
            }
        }
        return cached;
    }

    public static Map<String, Object> facts() {
        Map<Mode, double[]> at10 = sweep().get(EXAMPLE_CRASHES);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("delivery-messages", MESSAGES);
        facts.put("delivery-batch", BATCH);
        facts.put("delivery-crashes", EXAMPLE_CRASHES);
        facts.put("delivery-trials", TRIALS);
        facts.put("at-most-once-lost", at10.get(Mode.AT_MOST_ONCE)[0]);
        facts.put("at-least-once-duplicated", at10.get(Mode.AT_LEAST_ONCE)[1]);
        facts.put("idempotent-lost", at10.get(Mode.IDEMPOTENT)[0]);
        facts.put("idempotent-duplicated", at10.get(Mode.IDEMPOTENT)[1]);
        facts.put("at-most-once-duplicated", at10.get(Mode.AT_MOST_ONCE)[1]);
        facts.put("at-least-once-lost", at10.get(Mode.AT_LEAST_ONCE)[0]);
        int most = CRASH_COUNTS[CRASH_COUNTS.length - 1];
        facts.put("delivery-most-crashes", most);
        facts.put("at-most-once-lost-most-crashes", sweep().get(most).get(Mode.AT_MOST_ONCE)[0]);
        facts.put("at-least-once-duplicated-most-crashes", sweep().get(most).get(Mode.AT_LEAST_ONCE)[1]);
        return facts;
    }

    public static Map<String, Object> charts() {
        List<Object> series = new ArrayList<>();
        String[][] lines = {{"AT_MOST_ONCE", "0", "at most once: messages lost"},
                {"AT_LEAST_ONCE", "1", "at least once: messages duplicated"},
                {"IDEMPOTENT", "0", "idempotent consumer: lost"},
                {"IDEMPOTENT", "1", "idempotent consumer: duplicated"}};
        for (String[] line : lines) {
            List<List<Double>> points = new ArrayList<>();
            sweep().forEach((crashes, byMode) -> points.add(List.of((double) crashes,
                    byMode.get(Mode.valueOf(line[0]))[Integer.parseInt(line[1])])));
            series.add(Map.of("type", "line", "name", line[2], "data", points));
        }
        return Map.of("delivery", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 20, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", String.format("consumer crashes while reading %,d messages", MESSAGES),
                        "nameLocation", "middle", "nameGap", 28),
                "yAxis", Map.of("type", "value", "name", "messages (mean of " + TRIALS + " runs)"),
                "series", series));
    }
}
