package scalability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cost per hour to serve a peak load by scaling up (one big box plus a standby) or out (a fleet of
 * small boxes plus one spare), under a stated price model. The model is a rule of thumb: AWS's c5
 * on-demand list prices in us-east-1 are $0.0425 per vCPU-hour at every size from 2 to 96 vCPUs.
 */
public class ScalingCost {

    static final double PRICE_PER_VCPU_HOUR = 0.0425;
    static final int[] BOX_SIZES_VCPU = {2, 4, 8, 16, 36, 48, 72, 96}; // c5.large .. c5.24xlarge
    static final int SCALE_OUT_NODE_VCPU = 8;
    // Module 1's per-server rule: 0.5 ms of CPU per request, run at a 60 % utilisation target
    static final double CPU_MS_PER_REQUEST = 0.5;
    static final double UTILISATION_TARGET = 0.6;
    static final double QPS_PER_VCPU = UTILISATION_TARGET * 1_000 / CPU_MS_PER_REQUEST;
    // a shared-state process on one box: 2 % of each request's work is serialised (Amdahl's law)
    static final double SERIAL_FRACTION = 0.02;
    static final double HOURS_PER_MONTH = 730;

    // tag::model[]
    /** Useful vCPUs of one box when a fraction of the work cannot run in parallel. */
    static double effectiveVcpus(int vcpus, double serialFraction) {
        return vcpus / (1 + serialFraction * (vcpus - 1));
    }

    /** Scale up: the smallest box that carries the peak, bought twice (active and standby). */
    static double scaleUpCostPerHour(double peakQps, double serialFraction) {
        for (int size : BOX_SIZES_VCPU) {
            if (effectiveVcpus(size, serialFraction) * QPS_PER_VCPU >= peakQps) {
                return 2 * size * PRICE_PER_VCPU_HOUR;
            }
        }
        return Double.NaN; // no box is big enough: the vertical ceiling
    }

    /** Scale out: enough 8-vCPU nodes for the peak, plus one spare so a node can fail. */
    static int scaleOutNodes(double peakQps) {
        return (int) Math.ceil(peakQps / (SCALE_OUT_NODE_VCPU * QPS_PER_VCPU)) + 1;
    }

    static double scaleOutCostPerHour(double peakQps) {
        return scaleOutNodes(peakQps) * SCALE_OUT_NODE_VCPU * PRICE_PER_VCPU_HOUR;
    }
    // end::model[]

    static double ceilingQps(double serialFraction) {
        int largest = BOX_SIZES_VCPU[BOX_SIZES_VCPU.length - 1];
        return effectiveVcpus(largest, serialFraction) * QPS_PER_VCPU;
    }

    static final double[] SAMPLE_PEAKS = {2_000, 10_000, 30_000, 100_000, 300_000};

    public static void main(String[] args) {
        System.out.printf("%,.0f QPS per vCPU; $%.4f per vCPU-hour; scale-out nodes have %d vCPUs%n",
                QPS_PER_VCPU, PRICE_PER_VCPU_HOUR, SCALE_OUT_NODE_VCPU);
        System.out.printf("%10s %16s %22s %16s%n", "peak QPS", "scale up $/h", "scale up, 2% serial", "scale out $/h");
        for (double peak : SAMPLE_PEAKS) {
            System.out.printf("%,10.0f %16s %22s %16s%n", peak, money(scaleUpCostPerHour(peak, 0)),
                    money(scaleUpCostPerHour(peak, SERIAL_FRACTION)), money(scaleOutCostPerHour(peak)));
        }
        System.out.printf("Vertical ceiling: %,.0f QPS on 96 vCPUs, %,.0f QPS if 2%% of the work is serial%n",
                ceilingQps(0), ceilingQps(SERIAL_FRACTION));
    }

    static String money(double perHour) {
        return Double.isNaN(perHour) ? "none fits" : String.format("$%.2f", perHour);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Peak QPS", "vCPUs needed", "Scale up: box (vCPU)", "Scale up $/hour (×2 for standby)",
                "Scale out: 8-vCPU nodes (N+1)", "Scale out $/hour"));
        for (double peak : SAMPLE_PEAKS) {
            double needed = peak / QPS_PER_VCPU;
            String box = "none fits";
            for (int size : BOX_SIZES_VCPU) {
                if (size >= needed) {
                    box = String.valueOf(size);
                    break;
                }
            }
            rows.add(List.of(String.format("%,.0f", peak), String.format("%.1f", needed), box,
                    money(scaleUpCostPerHour(peak, 0)), String.valueOf(scaleOutNodes(peak)),
                    money(scaleOutCostPerHour(peak))));
        }
        return Map.of("cost-at-loads", Map.of("rows", rows, "derived", List.of("vCPUs needed", "Scale up: box (vCPU)",
                        "Scale up $/hour (×2 for standby)", "Scale out: 8-vCPU nodes (N+1)", "Scale out $/hour")),
                "vertical-vs-horizontal", dimensions());
    }

    /** The qualitative comparison, with its two numbers taken from the model above. */
    static List<List<String>> dimensions() {
        int largest = BOX_SIZES_VCPU[BOX_SIZES_VCPU.length - 1];
        return List.of(
                List.of("Dimension", "Vertical (scale up)", "Horizontal (scale out)"),
                List.of("Ceiling", String.format("The largest box: %d vCPUs (%,.0f QPS) in this model's family;"
                        + " memory-optimised machines reach hundreds of vCPUs and terabytes of RAM", largest,
                        ceilingQps(0)), "No hard ceiling for stateless work; shared state and coordination set one"),
                List.of("Failure domain", "One machine is the whole service until the standby takes over",
                        "One machine is 1/N of capacity"),
                List.of("Complexity", "Low: one process, local state, no network between parts",
                        "High: load balancing, service discovery, partial failure"),
                List.of("Cost curve", String.format("Linear per vCPU within a family ($%.4f per vCPU-hour at every"
                        + " size here), but a standby doubles it, and past the largest commodity box the"
                        + " premium is steep", PRICE_PER_VCPU_HOUR),
                        "Linear, plus one spare node (N+1) and a load balancer"),
                List.of("Effective capacity", "Sub-linear when work contends on shared state: more cores help less",
                        "Near-linear for stateless work"),
                List.of("State", "In process, trivially consistent", "Must be externalised or sharded"),
                List.of("Typical use", "Databases, in-memory analytics, anything hard to shard",
                        "Stateless web and API tiers, workers, microservices"));
    }

    public static Map<String, Object> facts() {
        double sample = 30_000;
        return Map.ofEntries(
                Map.entry("price-per-vcpu-hour", PRICE_PER_VCPU_HOUR),
                Map.entry("qps-per-vcpu", QPS_PER_VCPU),
                Map.entry("node-vcpu", SCALE_OUT_NODE_VCPU),
                Map.entry("largest-box-vcpu", BOX_SIZES_VCPU[BOX_SIZES_VCPU.length - 1]),
                Map.entry("serial-fraction", SERIAL_FRACTION),
                Map.entry("ceiling-qps", ceilingQps(0)),
                Map.entry("ceiling-qps-serial", ceilingQps(SERIAL_FRACTION)),
                Map.entry("largest-box-effective-vcpu", effectiveVcpus(96, SERIAL_FRACTION)),
                Map.entry("sample-qps", sample),
                Map.entry("sample-vcpu-needed", sample / QPS_PER_VCPU),
                Map.entry("sample-up-box-vcpu", scaleUpCostPerHour(sample, 0) / 2 / PRICE_PER_VCPU_HOUR),
                Map.entry("sample-out-nodes", scaleOutNodes(sample)),
                Map.entry("sample-up-per-month", scaleUpCostPerHour(sample, 0) * HOURS_PER_MONTH),
                Map.entry("sample-out-per-month", scaleOutCostPerHour(sample) * HOURS_PER_MONTH),
                Map.entry("sample-up-over-out", scaleUpCostPerHour(sample, 0) / scaleOutCostPerHour(sample)),
                Map.entry("min-out-per-hour", scaleOutCostPerHour(1)),
                Map.entry("up-dearer-from-qps", upDearerFromQps()));
    }

    /** The lowest whole-QPS peak at which a box plus its standby costs more than the N+1 fleet. */
    static int upDearerFromQps() {
        int qps = 1;
        while (!(scaleUpCostPerHour(qps, 0) > scaleOutCostPerHour(qps))) {
            qps++;
        }
        return qps;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> up = new ArrayList<>(), upSerial = new ArrayList<>(), out = new ArrayList<>();
        for (double peak = 1_000; peak <= 1_000_000 * 1.0001; peak *= Math.pow(10, 0.05)) {
            double q = Math.round(peak);
            out.add(List.of(q, round2(scaleOutCostPerHour(q))));
            if (!Double.isNaN(scaleUpCostPerHour(q, 0))) {
                up.add(List.of(q, round2(scaleUpCostPerHour(q, 0))));
            }
            if (!Double.isNaN(scaleUpCostPerHour(q, SERIAL_FRACTION))) {
                upSerial.add(List.of(q, round2(scaleUpCostPerHour(q, SERIAL_FRACTION))));
            }
        }
        return Map.of("cost-vs-capacity", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 60, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "peak load (QPS, log scale)", "nameLocation", "middle", "nameGap", 28,
                        "min", 1_000, "max", 1_000_000),
                "yAxis", Map.of("type", "log", "name", "cost ($ per hour, log scale)"),
                "series", List.of(
                        Map.of("type", "line", "step", "end", "showSymbol", false, "name", "scale out: 8-vCPU nodes, N+1", "data", out),
                        Map.of("type", "line", "step", "end", "showSymbol", false, "name", "scale up: box + standby", "data", up),
                        Map.of("type", "line", "step", "end", "showSymbol", false, "name", "scale up, 2% of work serial", "data", upSerial))));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
