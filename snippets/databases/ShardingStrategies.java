package databases;

// run: timeout=20s

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shard-key strategies table, with its last column measured: the share of keys that must move when
 * a ninth shard joins eight, and how long copying them takes at a throttled rate.
 */
public class ShardingStrategies {

    static final int SHARDS = 8;
    static final double TB_PER_SHARD = 2;            // stated assumption
    static final double COPY_MB_PER_S = 100;          // throttled so that live traffic keeps its latency
    static final int KEYS = 100_000;

    /** Range: split the busiest range in two and give one half to the new shard. */
    static double rangeMovedFraction() {
        return 0.5 / SHARDS;
    }

    /** Directory: move entries to the new shard until every shard holds the same share. */
    static double directoryMovedFraction() {
        return 1.0 / (SHARDS + 1);
    }

    record Row(String strategy, String placement, String goodAt, String weakAt, double movedFraction, String how) {
    }

    private static List<Row> cached;

    static synchronized List<Row> rows() {
        if (cached == null) {
            cached = measureRows();
        }
        return cached;
    }

    private static List<Row> measureRows() {
        long[] keys = ShardRing.keyHashes(KEYS);
        double modN = ShardRing.addOneShardModN(SHARDS, keys).movedFraction();
        double ring = ShardRing.addOneShardToRing(SHARDS, ShardRing.VNODES, keys).movedFraction();
        return List.of(
                new Row("Range", "shard i holds keys from split[i] up to split[i+1]",
                        "Range scans and ordered iteration", "Hotspots when keys grow with time",
                        rangeMovedFraction(), "chosen: split the hottest range in two"),
                new Row("Hash", "hash(key) mod N", "Even spread with no metadata",
                        "No range scans; changing N moves almost everything", modN, "measured"),
                new Row("Consistent hash", "first virtual node clockwise on a ring",
                        "Even spread; adding a shard moves only its share", "Range scans; needs virtual nodes to be even",
                        ring, "measured, " + ShardRing.VNODES + " virtual nodes each"),
                new Row("Directory (lookup table)", "a table maps each key or tenant to a shard",
                        "Any placement: move one tenant, pin data to a country", "The directory is one more system to keep up and fast",
                        directoryMovedFraction(), "chosen: move entries until every shard is even"));
    }

    static double hoursToCopy(double fraction) {
        double bytes = fraction * SHARDS * TB_PER_SHARD * 1e12;
        return bytes / (COPY_MB_PER_S * 1e6) / 3_600;
    }

    public static Map<String, Object> tables() {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Strategy", "Where a key lives", "Good at", "Weak at",
                "Keys moved, 8 → 9 shards", "Copy time at " + (int) COPY_MB_PER_S + " MB/s"));
        for (Row r : rows()) {
            table.add(List.of(r.strategy(), r.placement(), r.goodAt(), r.weakAt(),
                    String.format("%.1f%% (%s)", 100 * r.movedFraction(), r.how()),
                    String.format("%.1f h", hoursToCopy(r.movedFraction()))));
        }
        return Map.of("strategies", Map.of("rows", table, "derived", List.of("Copy time at " + (int) COPY_MB_PER_S + " MB/s")));
    }

    public static Map<String, Object> facts() {
        List<Row> rows = rows();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("shards-before-add", SHARDS);
        facts.put("tb-per-shard", TB_PER_SHARD);
        facts.put("copy-mb-per-s", COPY_MB_PER_S);
        facts.put("total-tb", SHARDS * TB_PER_SHARD);
        facts.put("mod-n-moved-fraction-8", rows.get(1).movedFraction());
        facts.put("ring-moved-fraction-8", rows.get(2).movedFraction());
        facts.put("mod-n-copy-hours", hoursToCopy(rows.get(1).movedFraction()));
        facts.put("ring-copy-hours", hoursToCopy(rows.get(2).movedFraction()));
        return facts;
    }
}
