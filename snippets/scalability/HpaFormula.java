package scalability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Horizontal Pod Autoscaler's replica formula as Kubernetes defines it,
 * desiredReplicas = ceil(currentReplicas × currentMetricValue / desiredMetricValue), skipped when the
 * ratio is within the tolerance (10 % by default), next to the rounding version many guides print.
 */
public class HpaFormula {

    static final double TOLERANCE = 0.10; // kube-controller-manager --horizontal-pod-autoscaler-tolerance

    // tag::formula[]
    static int desiredReplicas(int current, double currentMetric, double targetMetric) {
        double ratio = currentMetric / targetMetric;
        if (Math.abs(ratio - 1) <= TOLERANCE) {
            return current; // inside the tolerance band: leave the fleet alone
        }
        return (int) Math.ceil(current * currentMetric / targetMetric);
    }

    /** The version often repeated in interview guides: rounds to nearest and has no tolerance band. */
    static int roundedReplicas(int current, double currentMetric, double targetMetric) {
        return (int) (current * currentMetric / targetMetric + 0.5);
    }

    /** The metric after rescaling, if the same load spreads over the new replica count. */
    static double metricAfter(int current, double currentMetric, int replicas) {
        return current * currentMetric / replicas;
    }
    // end::formula[]

    record Case(int replicas, double cpuPercent, double targetPercent) {
    }

    static final List<Case> CASES = List.of(
            new Case(10, 80, 60),   // the usual scale-up example
            new Case(10, 30, 60),   // the usual scale-down example
            new Case(10, 50, 60),
            new Case(10, 64, 60),
            new Case(4, 95, 60));

    public static void main(String[] args) {
        System.out.println("replicas  CPU  target | Kubernetes (ceil)   | rounded, no tolerance");
        for (Case c : CASES) {
            int k8s = desiredReplicas(c.replicas(), c.cpuPercent(), c.targetPercent());
            int rounded = roundedReplicas(c.replicas(), c.cpuPercent(), c.targetPercent());
            System.out.printf("%8d  %2.0f%%  %4.0f%%  | %3d -> CPU %5.1f%%    | %3d -> CPU %5.1f%%%n", c.replicas(),
                    c.cpuPercent(), c.targetPercent(), k8s, metricAfter(c.replicas(), c.cpuPercent(), k8s),
                    rounded, metricAfter(c.replicas(), c.cpuPercent(), rounded));
        }
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Replicas", "CPU (%)", "Target (%)", "Ratio", "Within 10 % tolerance", "Kubernetes: ceil",
                "CPU after (%)", "Rounded", "CPU after, rounded (%)"));
        for (Case c : CASES) {
            int k8s = desiredReplicas(c.replicas(), c.cpuPercent(), c.targetPercent());
            int rounded = roundedReplicas(c.replicas(), c.cpuPercent(), c.targetPercent());
            double ratio = c.cpuPercent() / c.targetPercent();
            rows.add(List.of(String.valueOf(c.replicas()), String.format("%.0f", c.cpuPercent()),
                    String.format("%.0f", c.targetPercent()), String.format("%.3f", ratio),
                    Math.abs(ratio - 1) <= TOLERANCE ? "yes" : "no", String.valueOf(k8s),
                    String.format("%.1f", metricAfter(c.replicas(), c.cpuPercent(), k8s)), String.valueOf(rounded),
                    String.format("%.1f", metricAfter(c.replicas(), c.cpuPercent(), rounded))));
        }
        return Map.of("hpa-cases", Map.of("rows", rows, "derived", List.of("Ratio", "Within 10 % tolerance",
                "Kubernetes: ceil", "CPU after (%)", "Rounded", "CPU after, rounded (%)")));
    }

    public static Map<String, Object> facts() {
        Case up = CASES.get(0);
        int k8s = desiredReplicas(up.replicas(), up.cpuPercent(), up.targetPercent());
        int rounded = roundedReplicas(up.replicas(), up.cpuPercent(), up.targetPercent());
        return Map.of(
                "hpa-tolerance", TOLERANCE,
                "hpa-example-ceil", k8s,
                "hpa-example-round", rounded,
                "hpa-example-cpu-after-ceil", metricAfter(up.replicas(), up.cpuPercent(), k8s),
                "hpa-example-cpu-after-round", metricAfter(up.replicas(), up.cpuPercent(), rounded),
                "hpa-example-down", desiredReplicas(10, 30, 60));
    }
}
