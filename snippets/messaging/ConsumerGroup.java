package messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A consumer group shares a topic's partitions among its members. When a fourth member joins three,
 * the partitions are reassigned: a range assignor recomputes everything, a sticky one moves only
 * what the newcomer needs.
 */
public class ConsumerGroup {

    // tag::assign[]
    /** Range assignment: a contiguous run of partitions per consumer, the first ones larger. */
    static Map<String, List<Integer>> rangeAssign(List<String> consumers, int partitions) {
        Map<String, List<Integer>> owned = new LinkedHashMap<>();
        int base = partitions / consumers.size(), extra = partitions % consumers.size();
        int p = 0;
        for (int c = 0; c < consumers.size(); c++) {
            List<Integer> run = new ArrayList<>();
            for (int k = 0; k < base + (c < extra ? 1 : 0); k++) {
                run.add(p++);
            }
            owned.put(consumers.get(c), run);
        }
        return owned;
    }

    /** Sticky assignment: owners keep what they have, up to a fair quota; the excess moves. */
    static Map<String, List<Integer>> stickyAssign(Map<String, List<Integer>> previous,
                                                   List<String> consumers, int partitions) {
        List<String> biggestFirst = new ArrayList<>(consumers);
        biggestFirst.sort((a, b) -> previous.getOrDefault(b, List.of()).size()
                - previous.getOrDefault(a, List.of()).size());
        Map<String, List<Integer>> owned = new LinkedHashMap<>();
        Map<String, Integer> quota = new HashMap<>();
        List<Integer> released = new ArrayList<>();
        for (int i = 0; i < biggestFirst.size(); i++) {
            String c = biggestFirst.get(i);
            int fairShare = partitions / consumers.size();
            quota.put(c, fairShare + (i < partitions % consumers.size() ? 1 : 0));
            List<Integer> kept = new ArrayList<>(previous.getOrDefault(c, List.of()));
            while (kept.size() > quota.get(c)) {
                released.add(kept.remove(kept.size() - 1));
            }
            owned.put(c, kept);
        }
        for (String c : consumers) {               // whoever is short takes the released ones
            while (owned.get(c).size() < quota.get(c)) {
                owned.get(c).add(released.remove(0));
            }
        }
        Map<String, List<Integer>> inOrder = new LinkedHashMap<>();
        consumers.forEach(c -> inOrder.put(c, owned.get(c)));
        return inOrder;
    }
    // end::assign[]

    /** Partitions whose owner differs between two assignments. */
    static int moved(Map<String, List<Integer>> before, Map<String, List<Integer>> after) {
        Map<Integer, String> ownerBefore = owners(before), ownerAfter = owners(after);
        int moved = 0;
        for (Map.Entry<Integer, String> e : ownerAfter.entrySet()) {
            if (!e.getValue().equals(ownerBefore.get(e.getKey()))) {
                moved++;
            }
        }
        return moved;
    }

    static Map<Integer, String> owners(Map<String, List<Integer>> assignment) {
        Map<Integer, String> owner = new TreeMap<>();
        assignment.forEach((c, ps) -> ps.forEach(p -> owner.put(p, c)));
        return owner;
    }


    static final int GROUP_PARTITIONS = 12;
    static final List<String> BEFORE = List.of("c1", "c2", "c3");
    static final List<String> AFTER = List.of("c1", "c2", "c3", "c4");

    public static void main(String[] args) {
        Map<String, List<Integer>> before = rangeAssign(BEFORE, GROUP_PARTITIONS);
        Map<String, List<Integer>> range = rangeAssign(AFTER, GROUP_PARTITIONS);
        Map<String, List<Integer>> sticky = stickyAssign(before, AFTER, GROUP_PARTITIONS);
        System.out.println("Consumer c4 joins a group of 3 reading " + GROUP_PARTITIONS + " partitions:");
        System.out.println("  before:  " + before);
        System.out.println("  range:   " + range + "  moved " + moved(before, range));
        System.out.println("  sticky:  " + sticky + "  moved " + moved(before, sticky));
    }

    public static Map<String, Object> facts() {
        Map<String, List<Integer>> before = rangeAssign(BEFORE, GROUP_PARTITIONS);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("group-partitions", GROUP_PARTITIONS);
        facts.put("range-moved", moved(before, rangeAssign(AFTER, GROUP_PARTITIONS)));
        facts.put("sticky-moved", moved(before, stickyAssign(before, AFTER, GROUP_PARTITIONS)));
        return facts;
    }
}
