package messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer group of three reading twelve partitions; a fourth consumer joins. Tick by tick, this
 * simulates who consumes which partition and how far the group falls behind, once with an eager
 * rebalance (every partition is revoked until the group agrees on a new range assignment) and once
 * with a cooperative one (only the partitions that change owner stop).
 */
public class RebalanceCharts {

    static final int TICKS = 30;              // one tick = one second
    static final int JOIN_AT = 8;
    static final int REBALANCE_TICKS = 3;     // members rejoin and sync: a few seconds is typical
    static final double ARRIVALS_PER_PARTITION = 100;
    static final double CONSUMER_CAPACITY = 450;

    record Run(List<Map<Integer, String>> ownerByTick, double[] lag) {
    }

    static Run simulate(boolean cooperative) {
        int partitions = ConsumerGroup.GROUP_PARTITIONS;
        Map<String, List<Integer>> before = ConsumerGroup.rangeAssign(ConsumerGroup.BEFORE, partitions);
        Map<String, List<Integer>> after = cooperative
                ? ConsumerGroup.stickyAssign(before, ConsumerGroup.AFTER, partitions)
                : ConsumerGroup.rangeAssign(ConsumerGroup.AFTER, partitions);
        Map<Integer, String> ownerBefore = ConsumerGroup.owners(before);
        Map<Integer, String> ownerAfter = ConsumerGroup.owners(after);

        double[] backlog = new double[partitions];
        List<Map<Integer, String>> owners = new ArrayList<>();
        double[] lag = new double[TICKS];
        for (int t = 0; t < TICKS; t++) {
            Map<Integer, String> consuming = new LinkedHashMap<>();
            boolean rebalancing = t >= JOIN_AT && t < JOIN_AT + REBALANCE_TICKS;
            for (int p = 0; p < partitions; p++) {
                if (!rebalancing) {
                    consuming.put(p, t < JOIN_AT ? ownerBefore.get(p) : ownerAfter.get(p));
                } else if (cooperative && ownerBefore.get(p).equals(ownerAfter.get(p))) {
                    consuming.put(p, ownerBefore.get(p)); // unaffected partitions keep flowing
                }
            }
            Map<String, Integer> load = new LinkedHashMap<>();
            consuming.values().forEach(c -> load.merge(c, 1, Integer::sum));
            double total = 0;
            for (int p = 0; p < partitions; p++) {
                backlog[p] += ARRIVALS_PER_PARTITION;
                String c = consuming.get(p);
                if (c != null) {
                    backlog[p] -= Math.min(backlog[p], CONSUMER_CAPACITY / load.get(c));
                }
                total += backlog[p];
            }
            owners.add(consuming);
            lag[t] = total;
        }
        return new Run(owners, lag);
    }

    static double peak(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Ticks from the join until the backlog is back under one tick of arrivals. */
    static int recoveryTicks(double[] lag) {
        for (int t = JOIN_AT + REBALANCE_TICKS; t < lag.length; t++) {
            if (lag[t] <= ARRIVALS_PER_PARTITION * ConsumerGroup.GROUP_PARTITIONS) {
                return t - JOIN_AT;
            }
        }
        return -1;
    }

    public static Map<String, Object> charts() {
        Run eager = simulate(false), cooperative = simulate(true);
        List<Object> series = new ArrayList<>();
        String[] modes = {"eager", "cooperative"};
        Run[] runs = {eager, cooperative};
        for (String consumer : ConsumerGroup.AFTER) {
            for (int g = 0; g < 2; g++) {
                List<List<Integer>> cells = new ArrayList<>();
                for (int t = 0; t < TICKS; t++) {
                    for (Map.Entry<Integer, String> e : runs[g].ownerByTick().get(t).entrySet()) {
                        if (e.getValue().equals(consumer)) {
                            cells.add(List.of(t, e.getKey()));
                        }
                    }
                }
                series.add(Map.of("type", "scatter", "name", consumer, "symbol", "rect", "symbolSize", List.of(14, 11),
                        "xAxisIndex", g, "yAxisIndex", g, "data", cells));
            }
        }
        List<Object> grids = List.of(Map.of("left", 70, "right", 20, "top", 40, "height", 170),
                Map.of("left", 70, "right", 20, "top", 260, "height", 170));
        List<Object> xAxes = new ArrayList<>(), yAxes = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            Map<String, Object> x = new LinkedHashMap<>(Map.of("type", "value", "gridIndex", g, "min", -1,
                    "max", TICKS));
            if (g == 1) {
                x.putAll(Map.of("name", "time (s)", "nameLocation", "middle", "nameGap", 26));
            }
            xAxes.add(x);
            List<String> partitionNames = new ArrayList<>();
            for (int p = 0; p < ConsumerGroup.GROUP_PARTITIONS; p++) {
                partitionNames.add(String.valueOf(p));
            }
            yAxes.add(Map.of("type", "category", "gridIndex", g, "data", partitionNames,
                    "name", modes[g] + ": partition", "nameLocation", "middle", "nameGap", 30));
        }
        Map<String, Object> assignment = Map.of(
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 0, "data", ConsumerGroup.AFTER),
                "grid", grids, "xAxis", xAxes, "yAxis", yAxes, "series", series);

        List<Object> lagSeries = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            List<List<Double>> points = new ArrayList<>();
            for (int t = 0; t < TICKS; t++) {
                points.add(List.of((double) t, runs[g].lag()[t]));
            }
            lagSeries.add(Map.of("type", "line", "name", modes[g] + " rebalance", "data", points));
        }
        Map<String, Object> lag = Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 20, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "time (s)", "nameLocation", "middle", "nameGap", 26,
                        "min", 0, "max", TICKS - 1),
                "yAxis", Map.of("type", "value", "name", "consumer lag (messages)"),
                "series", lagSeries);
        return Map.of("rebalance-assignment", assignment, "rebalance-lag", lag);
    }

    public static Map<String, Object> facts() {
        Run eager = simulate(false), cooperative = simulate(true);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rebalance-s", REBALANCE_TICKS);
        facts.put("join-at-s", JOIN_AT);
        facts.put("arrivals-per-partition", ARRIVALS_PER_PARTITION);
        facts.put("consumer-capacity", CONSUMER_CAPACITY);
        facts.put("eager-peak-lag", peak(eager.lag()));
        facts.put("cooperative-peak-lag", peak(cooperative.lag()));
        facts.put("eager-recovery-s", recoveryTicks(eager.lag()));
        facts.put("cooperative-recovery-s", recoveryTicks(cooperative.lag()));
        facts.put("eager-paused", ConsumerGroup.GROUP_PARTITIONS - eager.ownerByTick().get(JOIN_AT).size());
        facts.put("cooperative-paused", ConsumerGroup.GROUP_PARTITIONS - cooperative.ownerByTick().get(JOIN_AT).size());
        facts.put("cooperative-kept", cooperative.ownerByTick().get(JOIN_AT).size());
        facts.put("partitions-per-consumer-before", ConsumerGroup.GROUP_PARTITIONS / ConsumerGroup.BEFORE.size());
        facts.put("partitions-per-consumer-after", ConsumerGroup.GROUP_PARTITIONS / ConsumerGroup.AFTER.size());
        return facts;
    }
}
