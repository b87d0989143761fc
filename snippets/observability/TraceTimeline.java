package observability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One simulated checkout request, traced. Each span does some work of its own, then calls its children
 * step by step (the calls inside one step run in parallel), then finishes its own work. The program
 * lays the spans out on a timeline, finds the critical path and splits the latency by service: the
 * three questions a trace answers.
 */
public class TraceTimeline {

    /** A call in the request tree. Leaves have no steps; their duration is drawn by the simulation. */
    record Call(String name, String service, double beforeMs, List<List<Call>> steps, double afterMs) {
        static Call leaf(String name, String service, double medianMs) {
            return new Call(name, service, medianMs, List.of(), 0);
        }

        static Call of(String name, String service, double beforeMs, double afterMs, List<List<Call>> steps) {
            return new Call(name, service, beforeMs, steps, afterMs);
        }
    }

    /** A span as a tracer records it: when it started, how long it took, where it sits in the tree. */
    record Span(String name, String service, int depth, int step, double startMs, double durationMs) {
        double endMs() {
            return startMs + durationMs;
        }
    }

    static final Call CHECKOUT = Call.of("POST /checkout", "gateway", 1.5, 0.5, List.of(
            List.of(Call.leaf("auth.verify", "auth", 3)),
            List.of(Call.of("cart.load", "cart", 0.8, 0.4, List.of(
                    List.of(Call.leaf("SELECT cart_items", "postgres", 4.5))))),
            List.of( // pricing and inventory are called in parallel
                    Call.of("pricing.quote", "pricing", 0.6, 0.5, List.of(
                            List.of(Call.leaf("GET prices (cache)", "redis", 0.9)),
                            List.of(Call.leaf("SELECT promotions", "postgres", 7)))),
                    Call.of("inventory.reserve", "inventory", 0.5, 0.3, List.of(
                            List.of(Call.leaf("SELECT stock FOR UPDATE", "postgres", 11))))),
            List.of(Call.of("payment.authorize", "payment", 1.2, 0.8, List.of(
                    List.of(Call.leaf("POST /v1/charges", "card processor", 140))))),
            List.of(Call.of("orders.create", "orders", 0.7, 0.3, List.of(
                    List.of(Call.leaf("INSERT order", "postgres", 6)),
                    List.of(Call.leaf("publish OrderPlaced", "kafka", 2.5)))))));

    static final long SEED = 7;

    // tag::layout[]
    /** Lays the tree out from `start`, parent first, into `out`; returns the call's duration. */
    static double layout(Call call, int depth, int step, double start, Random random,
                         List<Span> out) {
        int index = out.size();
        out.add(null); // the parent's span is known only once its children are laid out
        boolean leaf = call.steps().isEmpty();
        double clock = start + (leaf ? jitter(call.beforeMs(), random) : call.beforeMs());
        for (int s = 0; s < call.steps().size(); s++) {
            double stepEnd = clock;
            for (Call child : call.steps().get(s)) { // calls in one step run in parallel
                double duration = layout(child, depth + 1, s, clock, random, out);
                stepEnd = Math.max(stepEnd, clock + duration);
            }
            clock = stepEnd; // the next step waits for the slowest call of this one
        }
        double duration = clock + call.afterMs() - start;
        out.set(index, new Span(call.name(), call.service(), depth, step, start, duration));
        return duration;
    }

    /** The spans that decide the total: the root, then in each step of a critical span the
     *  call that ended last. */
    static Set<Integer> criticalPath(List<Span> spans) {
        Set<Integer> path = new TreeSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(0));
        while (!todo.isEmpty()) {
            int parent = todo.pop();
            path.add(parent);
            Map<Integer, Integer> lastToEndPerStep = new TreeMap<>();
            for (int c : children(spans, parent)) {
                lastToEndPerStep.merge(spans.get(c).step(), c,
                        (a, b) -> spans.get(a).endMs() >= spans.get(b).endMs() ? a : b);
            }
            todo.addAll(lastToEndPerStep.values());
        }
        return path;
    }

    /** A span's own time: its duration minus its steps' wall time (parallel calls count once). */
    static double selfTime(List<Span> spans, int i) {
        Map<Integer, Double> stepWallTime = new TreeMap<>();
        for (int c : children(spans, i)) {
            stepWallTime.merge(spans.get(c).step(), spans.get(c).durationMs(), Math::max);
        }
        double childTime = stepWallTime.values().stream().mapToDouble(Double::doubleValue).sum();
        return spans.get(i).durationMs() - childTime;
    }

    /** Where the latency went: own time of the critical spans, by service. Adds up to the total. */
    static Map<String, Double> latencyByService(List<Span> spans) {
        Map<String, Double> byService = new TreeMap<>();
        for (int i : criticalPath(spans)) {
            byService.merge(spans.get(i).service(), selfTime(spans, i), Double::sum);
        }
        return byService;
    }
    // end::layout[]

    /** Indices of a span's direct children (spans are stored parent first, depth-first). */
    static List<Integer> children(List<Span> spans, int parent) {
        List<Integer> result = new ArrayList<>();
        int depth = spans.get(parent).depth();
        for (int i = parent + 1; i < spans.size() && spans.get(i).depth() > depth; i++) {
            if (spans.get(i).depth() == depth + 1) {
                result.add(i);
            }
        }
        return result;
    }

    /** A leaf's latency varies from request to request: a log-normal spread around its median. */
    static double jitter(double medianMs, Random random) {
        return Math.round(medianMs * Math.exp(0.3 * random.nextGaussian()) * 10) / 10.0;
    }

    static List<Span> trace() {
        List<Span> spans = new ArrayList<>();
        layout(CHECKOUT, 0, 0, 0, new Random(SEED), spans);
        return spans;
    }

    public static void main(String[] args) {
        List<Span> spans = trace();
        Set<Integer> critical = criticalPath(spans);
        double total = spans.get(0).durationMs();
        System.out.printf("%-27s %-14s %6s %6s  %s%n", "span", "service", "start", "ms", "timeline (* = critical path)");
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            int from = (int) Math.round(s.startMs() / total * 30);
            int to = Math.max(from + 1, (int) Math.round(s.endMs() / total * 30));
            System.out.printf("%-27s %-14s %6.1f %6.1f  %s%s%s%n", "  ".repeat(s.depth()) + s.name(), s.service(),
                    s.startMs(), s.durationMs(), " ".repeat(from), "#".repeat(to - from), critical.contains(i) ? " *" : "");
        }
        System.out.println();
        System.out.println("Latency on the critical path, by service:");
        latencyByService(spans).entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("  %-14s %6.1f ms  %5.1f%%%n", e.getKey(), e.getValue(),
                        e.getValue() / total * 100));
    }

    public static Map<String, Object> facts() {
        List<Span> spans = trace();
        double total = spans.get(0).durationMs();
        Map<String, Double> self = latencyByService(spans);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("total-ms", total);
        f.put("spans", spans.size());
        f.put("card-processor-ms", self.get("card processor"));
        f.put("card-processor-share", self.get("card processor") / total);
        f.put("postgres-ms", self.get("postgres"));
        f.put("gateway-self-ms", self.get("gateway"));
        f.put("critical-spans", criticalPath(spans).size());
        f.put("pricing-slack-ms", spanNamed(spans, "inventory.reserve").endMs() - spanNamed(spans, "pricing.quote").endMs());
        f.put("payment-start-ms", spanNamed(spans, "payment.authorize").startMs());
        f.put("orders-create-ms", spanNamed(spans, "orders.create").durationMs());
        return f;
    }

    public static Map<String, Object> charts() {
        List<Span> spans = trace();
        Set<Integer> critical = criticalPath(spans);
        List<String> labels = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        List<String> services = spans.stream().map(Span::service).distinct().toList();
        Map<String, List<Object>> byService = new LinkedHashMap<>();
        services.forEach(s -> byService.put(s, new ArrayList<>()));
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            labels.add((critical.contains(i) ? "* " : "") + s.name());
            offsets.add(round(s.startMs()));
            for (String service : services) {
                byService.get(service).add(service.equals(s.service()) ? round(s.durationMs()) : 0.0);
            }
        }
        List<Object> series = new ArrayList<>();
        series.add(Map.of("type", "bar", "name", "start offset", "stack", "t", "silent", true,
                "itemStyle", Map.of("opacity", 0), "emphasis", Map.of("disabled", true),
                "tooltip", Map.of("show", false), "data", offsets));
        byService.forEach((service, data) -> series.add(Map.of("type", "bar", "name", service, "stack", "t",
                "barWidth", "60%", "data", data)));
        return Map.of("trace", Map.of(
                "tooltip", Map.of("trigger", "item"),
                "legend", Map.of("top", 0, "data", services),
                "grid", Map.of("left", 190, "right", 30, "top", 60, "bottom", 45),
                "xAxis", Map.of("type", "value", "name", "milliseconds since the request arrived", "nameLocation", "middle",
                        "nameGap", 28, "max", Math.ceil(spans.get(0).durationMs() / 10) * 10),
                "yAxis", Map.of("type", "category", "data", labels, "inverse", true),
                "series", series));
    }

    static Span spanNamed(List<Span> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
