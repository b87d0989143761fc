package messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How evenly a consumer group shares a topic: with P partitions and C consumers, the busiest consumer
 * owns ceil(P / C) partitions while the average is P / C. Counts with many divisors stay even as the
 * group grows and shrinks.
 */
public class PartitionCount {

    static final int[] PARTITIONS = {6, 8, 10, 12, 16, 24, 30, 60};
    static final int MAX_CONSUMERS = 8;
    static final int EXPECTED_MAX_CONSUMERS = 4;
    static final int RULE_OF_THUMB_MULTIPLE = 3;

    static double busiestOverAverage(int partitions, int consumers) {
        return Math.ceil((double) partitions / consumers) / ((double) partitions / consumers);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Partitions"));
        for (int c = 1; c <= MAX_CONSUMERS; c++) {
            header.add(c + (c == 1 ? " consumer" : " consumers"));
        }
        rows.add(header);
        for (int p : PARTITIONS) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(p)));
            for (int c = 1; c <= MAX_CONSUMERS; c++) {
                row.add(c > p ? (c - p) + " idle" : String.format("%.2f×", busiestOverAverage(p, c)));
            }
            rows.add(row);
        }
        return Map.of("partition-balance", Map.of("rows", rows, "derived", new ArrayList<>(header.subList(1, header.size()))));
    }

    public static Map<String, Object> facts() {
        int rule = EXPECTED_MAX_CONSUMERS * RULE_OF_THUMB_MULTIPLE;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("expected-consumers", EXPECTED_MAX_CONSUMERS);
        facts.put("rule-multiple", RULE_OF_THUMB_MULTIPLE);
        facts.put("rule-partitions", rule);
        facts.put("rule-at-5", busiestOverAverage(rule, 5));
        facts.put("ten-at-4", busiestOverAverage(10, 4));
        return facts;
    }
}
