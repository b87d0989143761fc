package consistency;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * CAP read correctly: what a shopping cart replicated on five nodes does while a partition splits them
 * {n1, n2} | {n3, n4, n5}. A client on each side adds items and reads the cart, alternately. A CP store
 * (majority quorum) refuses the minority side; an AP store serves everyone and reconciles when the
 * partition heals, either by last writer wins or by merging the two carts.
 */
public class PartitionBehaviour {

    static final int NODES = 5;
    static final Map<String, Integer> NODES_ON_SIDE = Map.of("minority", 2, "majority", 3);
    static final int STEPS = 20; // odd steps add an item, even steps read the cart

    record Outcome(int served, int refused, int staleReads, int itemsAfterHeal, int ackedItemsLost) {
    }

    // tag::cp[]
    /** CP: an operation needs a majority of all nodes on the client's side of the partition. */
    static Outcome consistentAndPartitionTolerant() {
        Set<String> cart = new LinkedHashSet<>();
        int served = 0, refused = 0;
        for (int step = 1; step <= STEPS; step++) {
            for (String side : NODES_ON_SIDE.keySet().stream().sorted().toList()) {
                if (NODES_ON_SIDE.get(side) * 2 <= NODES) {
                    refused++;  // no quorum here: say so rather than risk diverging
                    continue;
                }
                if (step % 2 == 1) {
                    cart.add(side + "-item-" + step);
                }
                served++;       // every read and write goes through the one quorum: no stale read
            }
        }
        return new Outcome(served, refused, 0, cart.size(), 0);
    }
    // end::cp[]

    // tag::ap[]
    /** AP: each side serves from its own copy; the copies are reconciled when the link heals. */
    static Outcome availableAndPartitionTolerant(boolean mergeOnHeal) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        Map<String, Integer> lastWriteStep = new LinkedHashMap<>();
        Set<String> acknowledged = new LinkedHashSet<>();
        int served = 0, stale = 0;
        for (int step = 1; step <= STEPS; step++) {
            for (String side : NODES_ON_SIDE.keySet().stream().sorted().toList()) {
                Set<String> mine = copy.computeIfAbsent(side, s -> new LinkedHashSet<>());
                if (step % 2 == 1) {
                    String item = side + "-item-" + step;
                    mine.add(item);
                    acknowledged.add(item);
                    lastWriteStep.put(side, step);
                } else if (!mine.containsAll(acknowledged)) {
                    stale++;    // the other side acknowledged items this copy has not seen
                }
                served++;
            }
        }
        Set<String> healed = new LinkedHashSet<>();
        if (mergeOnHeal) {
            copy.values().forEach(healed::addAll);   // a set union loses nothing
        } else {
            String newest = lastWriteStep.entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            healed.addAll(copy.get(newest));         // the cart written last replaces the other
        }
        int lost = (int) acknowledged.stream().filter(i -> !healed.contains(i)).count();
        return new Outcome(served, 0, stale, healed.size(), lost);
    }
    // end::ap[]

    static Map<String, Outcome> outcomes() {
        Map<String, Outcome> all = new LinkedHashMap<>();
        all.put("CP, majority quorum", consistentAndPartitionTolerant());
        all.put("AP, last writer wins", availableAndPartitionTolerant(false));
        all.put("AP, merge on heal", availableAndPartitionTolerant(true));
        return all;
    }

    public static void main(String[] args) {
        System.out.printf("Partition {n1, n2} | {n3, n4, n5}: each side's client makes %d adds and %d reads%n",
                STEPS / 2, STEPS / 2);
        System.out.printf("%-22s %7s %8s %12s %17s %18s%n", "", "served", "refused", "stale reads",
                "items after heal", "acked items lost");
        outcomes().forEach((name, o) -> System.out.printf("%-22s %7d %8d %12d %17d %18d%n", name, o.served(),
                o.refused(), o.staleReads(), o.itemsAfterHeal(), o.ackedItemsLost()));
    }

    public static Map<String, Object> facts() {
        Map<String, Outcome> o = outcomes();
        return Map.of(
                "partition-ops-per-side", STEPS,
                "partition-cp-refused", o.get("CP, majority quorum").refused(),
                "partition-cp-served", o.get("CP, majority quorum").served(),
                "partition-ap-served", o.get("AP, last writer wins").served(),
                "partition-ap-stale-reads", o.get("AP, last writer wins").staleReads(),
                "partition-lww-lost", o.get("AP, last writer wins").ackedItemsLost(),
                "partition-merge-lost", o.get("AP, merge on heal").ackedItemsLost(),
                "partition-merge-items", o.get("AP, merge on heal").itemsAfterHeal());
    }
}
