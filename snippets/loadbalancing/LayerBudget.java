package loadbalancing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stack of load balancers costs a request. Per-layer processing times are rules of thumb for a proxy
 * on an unloaded modern server: an L4 balancer rewrites packet headers (tens of microseconds); an L7 proxy
 * parses HTTP, often terminates TLS and runs filters in user space (hundreds). A layer on its own box also
 * costs a network round trip inside the datacenter; a sidecar on the same host does not.
 */
public class LayerBudget {

    static final double L4_LOW_US = 10, L4_HIGH_US = 50;
    static final double L7_LOW_US = 200, L7_HIGH_US = 500;
    static final double DC_ROUND_TRIP_US = 500;   // Module 1's rule of thumb for one hop inside a datacenter

    // tag::budget[]
    record Layer(String name, double lowUs, double highUs, boolean ownBox) {
    }

    /** The usual ingress path: anycast L4 at the edge, regional L7, the service's sidecar. */
    static final List<Layer> INGRESS = List.of(
            new Layer("Anycast L4 at the edge", L4_LOW_US, L4_HIGH_US, false),
            new Layer("Regional L7 balancer", L7_LOW_US, L7_HIGH_US, true),
            new Layer("Sidecar (inbound)", L7_LOW_US, L7_HIGH_US, false));

    static double processing(List<Layer> layers, boolean high) {
        return layers.stream().mapToDouble(l -> high ? l.highUs() : l.lowUs()).sum();
    }

    static double extraHops(List<Layer> layers) {
        return layers.stream().filter(Layer::ownBox).count() * DC_ROUND_TRIP_US;
    }

    /** In a mesh every call crosses two sidecars: the caller's and the callee's. */
    static double meshCallHigh(int sequentialCalls) {
        return sequentialCalls * 2 * L7_HIGH_US;
    }

    public static void main(String[] args) {
        double low = processing(INGRESS, false);
        double high = processing(INGRESS, true);
        double hops = extraHops(INGRESS);
        System.out.printf("Ingress, %d layers: %.0f-%,.0f μs of processing%n",
                INGRESS.size(), low, high);
        System.out.printf("  with the hop to the L7 tier's own box: %,.0f-%,.0f μs%n",
                low + hops, high + hops);
        System.out.printf("  the shortcut, 3 layers x 500 μs: %,.0f μs%n", 3 * L7_HIGH_US);
        for (int calls : new int[] {1, 3, 5}) {
            System.out.printf("Mesh, %d call(s) in sequence, two sidecars each: %,.0f μs%n",
                    calls, meshCallHigh(calls));
        }
    }
    // end::budget[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("l4-low-us", L4_LOW_US);
        f.put("l4-high-us", L4_HIGH_US);
        f.put("l7-low-us", L7_LOW_US);
        f.put("l7-high-us", L7_HIGH_US);
        f.put("dc-round-trip-us", DC_ROUND_TRIP_US);
        f.put("ingress-low-us", processing(INGRESS, false));
        f.put("ingress-high-us", processing(INGRESS, true));
        f.put("ingress-with-hop-high-us", processing(INGRESS, true) + extraHops(INGRESS));
        f.put("source-three-layers-us", 3 * L7_HIGH_US);
        f.put("mesh-5-calls-high-us", meshCallHigh(5));
        return f;
    }
}
