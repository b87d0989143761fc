package loadbalancing;

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.List;
import java.util.Map;

/**
 * The L4 against L7 comparison table and the diagram of a layered ingress path. The overhead row reads the
 * same rule-of-thumb constants that {@link LayerBudget} adds up, so the table and the arithmetic agree.
 */
public class LoadBalancerLayers {

    static String range(double lowUs, double highUs) {
        return String.format("%.0f–%.0f μs (rule of thumb)", lowUs, highUs);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = List.of(
                List.of("", "L4 (TCP/UDP)", "L7 (HTTP, gRPC)"),
                List.of("OSI layer", "Transport", "Application"),
                List.of("Looks at", "Addresses, ports, TCP flags", "Method, path, headers, cookies, sometimes the body"),
                List.of("Decides once per", "Connection (or UDP flow)", "Request, even many on one kept-alive connection"),
                List.of("TLS", "Usually passed through (may route on SNI); some can terminate",
                        "Terminated here, so it can read the request"),
                List.of("Added latency", range(LayerBudget.L4_LOW_US, LayerBudget.L4_HIGH_US),
                        range(LayerBudget.L7_LOW_US, LayerBudget.L7_HIGH_US)),
                List.of("Routing rules", "A static pool of backends", "By path, header, cookie, weight; canaries; retries"),
                List.of("Examples", "AWS NLB, Linux IPVS, HAProxy in TCP mode, Envoy TCP proxy",
                        "AWS ALB, nginx, Envoy HTTP, HAProxy in HTTP mode, Traefik"));
        return Map.of("l4-vs-l7", rows);
    }

    public static Map<String, Object> charts() {
        Map<String, Object> layered = new Diagram()
                .node("user", "User", 0, Kind.CLIENT)
                .node("edge", "Anycast L4 + TLS (POP)", 1, Kind.EDGE)
                .node("l7", "Regional L7", 2, Kind.SERVICE)
                .node("sidecar-a", "Sidecar (L7)", 3, Kind.SERVICE)
                .node("sidecar-b", "Sidecar (L7)", 3, Kind.SERVICE)
                .node("orders", "Orders service", 4, Kind.SERVICE)
                .node("search", "Search service", 4, Kind.SERVICE)
                .edge("user", "edge")
                .edge("edge", "l7")
                .edge("l7", "sidecar-a", "/orders")
                .edge("l7", "sidecar-b", "/search")
                .edge("sidecar-a", "orders")
                .edge("sidecar-b", "search")
                .option();
        return Map.of("layered-ingress", layered);
    }
}
