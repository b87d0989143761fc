package scalability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Removing a server without cutting its users off: stop sending it new sessions, let the old ones
 * finish, and kill it at a deadline. Whether the deadline is long enough depends on how long sessions
 * live. Short HTTP requests finish in well under a second; WebSocket sessions can last for hours, so
 * waiting for them is not a plan: the server must ask its clients to reconnect elsewhere.
 */
public class Draining {

    static final int WEBSOCKETS = 2_000;
    static final double WEBSOCKET_MEAN_MINUTES = 10;  // assumption: chat tabs stay open a long time
    static final int HTTP_IN_FLIGHT = 200;
    static final double HTTP_MEAN_SECONDS = 0.2;
    static final double KUBERNETES_GRACE_S = 30;      // terminationGracePeriodSeconds default
    static final double ALB_DEREGISTRATION_S = 300;   // AWS target group deregistration delay default
    static final double RECONNECT_WINDOW_S = 60;      // ask clients to reconnect, spread over a minute

    // tag::drain[]
    /** Seconds each open session still has to run when draining starts (exponential lifetimes). */
    static double[] remainingSeconds(int sessions, double meanSeconds, Random random) {
        double[] remaining = new double[sessions];
        for (int i = 0; i < sessions; i++) {
            remaining[i] = -meanSeconds * Math.log(1 - random.nextDouble());
        }
        return remaining;
    }

    /** Sessions still open when the deadline kills the process: each one is a user cut off. */
    static int cutAtDeadline(double[] remaining, double deadlineSeconds) {
        return (int) Arrays.stream(remaining).filter(r -> r > deadlineSeconds).count();
    }

    /** With a reconnect hint, client i is told to move at i/n of the window; none is cut. */
    static double[] remainingWithHint(double[] remaining, double windowSeconds) {
        double[] moved = remaining.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] = Math.min(moved[i], windowSeconds * (i + 1) / moved.length);
        }
        return moved;
    }
    // end::drain[]

    static double[] websockets() {
        return remainingSeconds(WEBSOCKETS, WEBSOCKET_MEAN_MINUTES * 60, new Random(8));
    }

    static double[] http() {
        return remainingSeconds(HTTP_IN_FLIGHT, HTTP_MEAN_SECONDS, new Random(9));
    }

    public static void main(String[] args) {
        double[] ws = websockets(), requests = http(), hinted = remainingWithHint(ws, RECONNECT_WINDOW_S);
        System.out.printf("%-34s %9s %12s %14s%n", "cut off when the process stops", "at once", "after 30 s", "after 300 s");
        print("HTTP requests in flight (" + HTTP_IN_FLIGHT + ")", requests);
        print("WebSockets, waiting (" + WEBSOCKETS + ")", ws);
        print("WebSockets, reconnect hint (60 s)", hinted);
        System.out.printf("The hint moves %.0f clients a second to the other servers.%n", WEBSOCKETS / RECONNECT_WINDOW_S);
    }

    static void print(String name, double[] remaining) {
        System.out.printf("%-34s %9d %12d %14d%n", name, cutAtDeadline(remaining, 0),
                cutAtDeadline(remaining, KUBERNETES_GRACE_S), cutAtDeadline(remaining, ALB_DEREGISTRATION_S));
    }

    public static Map<String, Object> facts() {
        double[] ws = websockets(), requests = http();
        return Map.of(
                "drain-websockets", WEBSOCKETS,
                "drain-ws-mean-minutes", WEBSOCKET_MEAN_MINUTES,
                "drain-k8s-grace-s", KUBERNETES_GRACE_S,
                "drain-alb-delay-s", ALB_DEREGISTRATION_S,
                "drain-ws-cut-at-30", cutAtDeadline(ws, KUBERNETES_GRACE_S),
                "drain-ws-cut-at-300", cutAtDeadline(ws, ALB_DEREGISTRATION_S),
                "drain-http-cut-at-30", cutAtDeadline(requests, KUBERNETES_GRACE_S),
                "drain-hint-cut-at-300", cutAtDeadline(remainingWithHint(ws, RECONNECT_WINDOW_S), ALB_DEREGISTRATION_S),
                "drain-hint-reconnects-per-s", WEBSOCKETS / RECONNECT_WINDOW_S,
                "drain-hint-window-s", RECONNECT_WINDOW_S);
    }

    public static Map<String, Object> charts() {
        double[] ws = websockets(), hinted = remainingWithHint(ws, RECONNECT_WINDOW_S);
        List<List<Double>> waiting = new ArrayList<>(), withHint = new ArrayList<>();
        for (int t = 0; t <= 360; t += 5) {
            waiting.add(List.of((double) t, (double) cutAtDeadline(ws, t)));
            withHint.add(List.of((double) t, (double) cutAtDeadline(hinted, t)));
        }
        Map<String, Object> deadlines = Map.of("symbol", "none", "label", Map.of("formatter", "{b}"),
                "lineStyle", Map.of("type", "dashed"),
                "data", List.of(Map.of("name", "Kubernetes grace period, 30 s", "xAxis", KUBERNETES_GRACE_S),
                        Map.of("name", "ALB deregistration delay, 300 s", "xAxis", ALB_DEREGISTRATION_S)));
        return Map.of("draining", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 80, "right", 40, "top", 70, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "seconds since draining began", "nameLocation", "middle",
                        "nameGap", 28, "max", 360),
                "yAxis", Map.of("type", "value", "name", "WebSocket sessions still open", "nameLocation", "middle",
                        "nameGap", 55),
                "series", List.of(
                        Map.of("type", "line", "name", "wait for sessions to end", "showSymbol", false, "data", waiting,
                                "markLine", deadlines),
                        Map.of("type", "line", "name", "ask clients to reconnect over 60 s", "showSymbol", false,
                                "data", withHint))));
    }
}
