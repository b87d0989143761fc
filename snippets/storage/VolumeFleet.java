package storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Block volumes are quoted per volume per year: AWS documents 99.8-99.9 % durability for gp3 and
 * 99.999 % for io2. What that means for a fleet of volumes.
 */
public class VolumeFleet {

    record Volume(String name, double annualFailureRate) {
    }

    static final List<Volume> VOLUMES = List.of(
            new Volume("gp3, best case (99.9 %)", 0.001),
            new Volume("gp3, worst case (99.8 %)", 0.002),
            new Volume("io2 (99.999 %)", 0.00001));

    // tag::fleet[]
    /** Volumes fail independently: the fleet loses none only if every volume survives. */
    static double chanceOfLosingAny(Volume v, int volumes) {
        return 1 - Math.pow(1 - v.annualFailureRate(), volumes);
    }

    public static void main(String[] args) {
        int fleet = 1_000;
        System.out.printf("A fleet of %,d volumes over one year:%n", fleet);
        for (Volume v : VOLUMES) {
            System.out.printf("  %-25s AFR %.3f%%  expect %.2f lost, P(any) %4.1f%%%n",
                    v.name(), 100 * v.annualFailureRate(), fleet * v.annualFailureRate(),
                    100 * chanceOfLosingAny(v, fleet));
        }
    }
    // end::fleet[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("gp3-best-afr", VOLUMES.get(0).annualFailureRate());
        f.put("gp3-worst-afr", VOLUMES.get(1).annualFailureRate());
        f.put("io2-afr", VOLUMES.get(2).annualFailureRate());
        f.put("gp3-best-vs-io2", VOLUMES.get(0).annualFailureRate() / VOLUMES.get(2).annualFailureRate());
        f.put("gp3-worst-vs-io2", VOLUMES.get(1).annualFailureRate() / VOLUMES.get(2).annualFailureRate());
        f.put("gp3-best-fleet-1000", chanceOfLosingAny(VOLUMES.get(0), 1_000));
        f.put("gp3-worst-fleet-1000", chanceOfLosingAny(VOLUMES.get(1), 1_000));
        f.put("io2-fleet-1000", chanceOfLosingAny(VOLUMES.get(2), 1_000));
        f.put("gp3-best-losses-1000", 1_000 * VOLUMES.get(0).annualFailureRate());
        f.put("gp3-worst-losses-1000", 1_000 * VOLUMES.get(1).annualFailureRate());
        // the fleet size at which losing at least one volume a year becomes more likely than not
        f.put("gp3-best-fleet-for-even-odds", fleetForEvenOdds(VOLUMES.get(0)));
        f.put("gp3-worst-fleet-for-even-odds", fleetForEvenOdds(VOLUMES.get(1)));
        return f;
    }

    static int fleetForEvenOdds(Volume v) {
        int volumes = 1;
        while (chanceOfLosingAny(v, volumes) < 0.5) {
            volumes++;
        }
        return volumes;
    }

    public static Map<String, Object> charts() {
        List<Object> series = new ArrayList<>();
        for (Volume v : VOLUMES) {
            List<List<Double>> data = new ArrayList<>();
            for (double n = 1; n <= 10_000 * 1.0001; n *= Math.pow(10, 0.125)) {
                int volumes = (int) Math.round(n);
                data.add(List.of((double) volumes, Math.round(1e5 * chanceOfLosingAny(v, volumes)) / 1e3));
            }
            series.add(Map.of("type", "line", "name", v.name(), "showSymbol", false, "data", data));
        }
        return Map.of("fleet-loss", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "volumes in the fleet (log scale)", "nameLocation", "middle",
                        "nameGap", 30, "min", 1, "max", 10_000),
                "yAxis", Map.of("type", "value", "name", "% chance of losing at least one volume in a year",
                        "max", 100),
                "series", series));
    }
}
