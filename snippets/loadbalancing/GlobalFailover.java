package loadbalancing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region fails at t = 0. How long do users keep being sent to it? With DNS, the answer is health-check
 * detection plus the record's TTL, plus a tail of clients that keep answers longer than the TTL says.
 * With anycast, it is detection plus BGP convergence. All timings are stated assumptions, not measurements.
 */
public class GlobalFailover {

    static final double DETECT_S = 30;          // 3 failed checks, 10 s apart, before the answer changes
    static final double STICKY_SHARE = 0.02;    // assumed: clients or resolvers that hold answers for an hour
    static final double STICKY_S = 3600;
    static final double ANYCAST_DETECT_S = 10;  // the POP's own checks fail and it withdraws its route
    static final double BGP_CONVERGE_S = 20;    // assumed: routers settle on other POPs within tens of seconds

    // tag::failover[]
    /**
     * Share of users still sent to the failed region t seconds after it fails, with the given
     * DNS TTL. Each resolver fetched its cached answer at a random moment in the last TTL, so
     * once the record changes, stale answers expire evenly over one TTL; sticky clients take
     * an hour.
     */
    static double stillSentThere(double t, double ttl) {
        double normal = expiring(t - DETECT_S, ttl);
        double sticky = expiring(t - DETECT_S, STICKY_S);
        return (1 - STICKY_SHARE) * normal + STICKY_SHARE * sticky;
    }

    /** Anycast: every packet follows the routes, so everyone moves once routing converges. */
    static double stillSentThereAnycast(double t) {
        return expiring(t - ANYCAST_DETECT_S, BGP_CONVERGE_S);
    }

    static double expiring(double sinceChange, double window) {
        return sinceChange <= 0 ? 1 : Math.max(0, 1 - sinceChange / window);
    }

    /** First second at which at most this share of users still goes to the failed region. */
    static int secondsUntil(double share, java.util.function.DoubleUnaryOperator stillThere) {
        int t = 0;
        while (stillThere.applyAsDouble(t) > share) {
            t++;
        }
        return t;
    }
    // end::failover[]

    static final double[] TTLS = {60, 300};

    public static void main(String[] args) {
        for (double ttl : TTLS) {
            System.out.printf("DNS, TTL %3.0f s: 90%% moved after %4d s, 99%% after %,5d s%n", ttl,
                    secondsUntil(0.10, t -> stillSentThere(t, ttl)), secondsUntil(0.01, t -> stillSentThere(t, ttl)));
        }
        System.out.printf("Anycast:        90%% moved after %4d s, 99%% after %,5d s%n",
                secondsUntil(0.10, GlobalFailover::stillSentThereAnycast),
                secondsUntil(0.01, GlobalFailover::stillSentThereAnycast));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("detect-s", DETECT_S);
        f.put("sticky-share", STICKY_SHARE);
        f.put("sticky-minutes", STICKY_S / 60);
        f.put("ttl-60-90pct-s", secondsUntil(0.10, t -> stillSentThere(t, 60)));
        f.put("ttl-300-90pct-s", secondsUntil(0.10, t -> stillSentThere(t, 300)));
        f.put("ttl-60-99pct-s", secondsUntil(0.01, t -> stillSentThere(t, 60)));
        f.put("anycast-99pct-s", secondsUntil(0.01, GlobalFailover::stillSentThereAnycast));
        f.put("anycast-detect-s", ANYCAST_DETECT_S);
        f.put("bgp-converge-s", BGP_CONVERGE_S);
        return f;
    }

    public static Map<String, Object> tables() {
        return Map.of("global-techniques", List.of(
                List.of("Technique", "How a user reaches a region", "90% of users off a failed region",
                        "Extra round trips to start a session", "What you need"),
                List.of("DNS, TTL 60 s", "The name resolves to a region chosen by the resolver's location or latency",
                        seconds(secondsUntil(0.10, t -> stillSentThere(t, 60))), "0 (1 DNS lookup, usually cached)",
                        "A DNS provider with health checks and geo or latency routing"),
                List.of("DNS, TTL 300 s", "Same, with answers cached five times longer",
                        seconds(secondsUntil(0.10, t -> stillSentThere(t, 300))), "0 (1 DNS lookup, usually cached)",
                        "Same; fewer lookups, slower failover"),
                List.of("Anycast", "One IP announced from every POP; BGP delivers packets to the nearest",
                        seconds(secondsUntil(0.10, GlobalFailover::stillSentThereAnycast)), "0",
                        "Your own AS and address block, or a provider's (a CDN, AWS Global Accelerator, Google Cloud LB)"),
                List.of("Application-layer redirect", "A front door looks up the user and answers with a redirect or a URL",
                        "New sessions after " + seconds((int) DETECT_S) + " of detection; existing ones keep their URL",
                        "3 with the front door (TCP, TLS 1.3, the redirected request)",
                        "A front-door service, and clients that follow redirects or ask a control plane")));
    }

    static String seconds(int s) {
        return s + " s";
    }

    public static Map<String, Object> charts() {
        List<List<Double>> ttl60 = new ArrayList<>();
        List<List<Double>> ttl300 = new ArrayList<>();
        List<List<Double>> anycast = new ArrayList<>();
        for (int t = 0; t <= 600; t += 5) {
            ttl60.add(List.of((double) t, pct(stillSentThere(t, 60))));
            ttl300.add(List.of((double) t, pct(stillSentThere(t, 300))));
            anycast.add(List.of((double) t, pct(stillSentThereAnycast(t))));
        }
        return Map.of("failover", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "seconds after the region fails", "nameLocation", "middle",
                        "nameGap", 28, "max", 600),
                "yAxis", Map.of("type", "value", "name", "% of users still sent there", "max", 100),
                "series", List.of(
                        Map.of("type", "line", "name", "DNS, TTL 60 s", "showSymbol", false, "data", ttl60),
                        Map.of("type", "line", "name", "DNS, TTL 300 s", "showSymbol", false, "data", ttl300),
                        Map.of("type", "line", "name", "Anycast", "showSymbol", false, "data", anycast))));
    }

    static double pct(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
