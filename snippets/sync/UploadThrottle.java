package sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sync client with a big backlog shares a home uplink with a video call. The uplink drains a
 * drop-tail modem buffer; whatever sits in that buffer delays the call. Three upload policies are
 * simulated in 10 ms steps: a plain loss-based TCP upload, the same upload capped by a token bucket,
 * and a LEDBAT-style sender that backs off when the queueing delay it measures rises above a target.
 */
public class UploadThrottle {

    // Assumptions, stated once.
    static final double UPLINK_BPS = 10e6;          // a common cable/DSL uplink
    static final double BASE_RTT_S = 0.030;         // round trip with empty queues
    static final double BUFFER_BYTES = 1_000_000;   // modem buffer: 0.8 s of queue at 10 Mbps ("bufferbloat")
    static final double CALL_BPS = 2.5e6;           // the call's upstream video and audio
    static final double CALL_START_S = 30, CALL_END_S = 90, DURATION_S = 120;
    static final double CAP_BPS = 1e6;              // user setting: "don't use more than 1 Mbps"
    static final double BUCKET_BYTES = 64_000;      // token-bucket burst
    static final double LEDBAT_TARGET_S = 0.050;    // queueing delay LEDBAT aims for (RFC 6817: at most 100 ms)
    static final double LEDBAT_GAIN = 1.0;
    static final double MSS = 1_500;
    static final double TICK_S = 0.010;

    enum Policy { PLAIN_TCP, TOKEN_BUCKET_1_MBPS, LEDBAT }

    // tag::policies[]
    /** Tokens accrue at the cap up to a burst size; a send spends them. */
    static final class TokenBucket {
        final double bytesPerSecond, capacity;
        double tokens;

        TokenBucket(double bitsPerSecond, double capacity) {
            this.bytesPerSecond = bitsPerSecond / 8;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        double allow(double wanted, double seconds) {
            tokens = Math.min(capacity, tokens + bytesPerSecond * seconds);
            double granted = Math.min(wanted, tokens);
            tokens -= granted;
            return granted;
        }
    }

    /** The sender's congestion window, in bytes, grown and shrunk once per step. */
    static final class Sender {
        final Policy policy;
        double window = 10 * MSS;
        boolean slowStart = true;
        final TokenBucket bucket = new TokenBucket(CAP_BPS, BUCKET_BYTES);

        Sender(Policy policy) {
            this.policy = policy;
        }

        /** Bytes offered this step: a window per round trip, through the bucket if there is one. */
        double offer(double rtt) {
            double bytes = window / rtt * TICK_S;
            return policy == Policy.TOKEN_BUCKET_1_MBPS ? bucket.allow(bytes, TICK_S) : bytes;
        }

        void react(double queueingDelay, double rtt, boolean lost) {
            if (lost) {
                window = window / 2;                           // every TCP halves on loss
                slowStart = false;
            } else if (policy == Policy.LEDBAT) {
                double offTarget = (LEDBAT_TARGET_S - queueingDelay) / LEDBAT_TARGET_S;
                window += LEDBAT_GAIN * offTarget * MSS * TICK_S / rtt; // grows below target, shrinks above
            } else if (slowStart) {
                window += window * TICK_S / rtt;               // doubles every round trip until the first loss
            } else {
                window += MSS * TICK_S / rtt;                  // then one segment per round trip
            }
            window = Math.max(2 * MSS, window);
        }
    }
    // end::policies[]

    record Run(double[] delayMs, double[] syncMbps, double syncMegabytes, double syncMegabytesDuringCall,
               double callP95DelayMs) {
    }

    /** The modem's drop-tail FIFO: byte runs in arrival order, each tagged with the flow it belongs to. */
    static final class Fifo {
        private final ArrayDeque<double[]> runs = new ArrayDeque<>(); // {bytes, 1 if sync else 0}
        double bytes;

        /** Adds what fits; returns the bytes dropped. */
        double add(double amount, boolean sync) {
            double accepted = Math.min(amount, Math.max(0, BUFFER_BYTES - bytes));
            if (accepted > 0) {
                runs.addLast(new double[] {accepted, sync ? 1 : 0});
                bytes += accepted;
            }
            return amount - accepted;
        }

        /** Sends up to {@code budget} bytes from the head; returns how many of them were sync bytes. */
        double drain(double budget) {
            double syncSent = 0;
            while (budget > 0 && !runs.isEmpty()) {
                double[] head = runs.peekFirst();
                double sent = Math.min(budget, head[0]);
                head[0] -= sent;
                budget -= sent;
                bytes -= sent;
                syncSent += head[1] == 1 ? sent : 0;
                if (head[0] <= 0) {
                    runs.pollFirst();
                }
            }
            return syncSent;
        }
    }

    static Run simulate(Policy policy) {
        int steps = (int) Math.round(DURATION_S / TICK_S);
        Sender sender = new Sender(policy);
        Fifo fifo = new Fifo();
        double synced = 0, syncedDuringCall = 0;
        double[] delayMs = new double[steps], syncMbps = new double[steps];
        List<Double> callDelays = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            double t = i * TICK_S;
            boolean onCall = t >= CALL_START_S && t < CALL_END_S;
            double queueingDelay = fifo.bytes / (UPLINK_BPS / 8);
            double rtt = BASE_RTT_S + queueingDelay;
            if (onCall) {
                callDelays.add(queueingDelay * 1_000); // what the call's packets wait behind
                fifo.add(CALL_BPS / 8 * TICK_S, false);
            }
            boolean lost = fifo.add(sender.offer(rtt), true) > 0;
            double sent = fifo.drain(UPLINK_BPS / 8 * TICK_S);
            synced += sent;
            syncedDuringCall += onCall ? sent : 0;
            delayMs[i] = queueingDelay * 1_000;
            syncMbps[i] = sent * 8 / TICK_S / 1e6;
            sender.react(queueingDelay, rtt, lost);
        }
        return new Run(delayMs, syncMbps, synced / 1e6, syncedDuringCall / 1e6, percentile(callDelays, 0.95));
    }

    static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.ceil(p * sorted.length) - 1];
    }

    public static void main(String[] args) {
        System.out.printf("Uplink %.0f Mbps, buffer %.0f ms deep, call at %.1f Mbps from %.0f s to %.0f s%n",
                UPLINK_BPS / 1e6, BUFFER_BYTES * 8 / UPLINK_BPS * 1_000, CALL_BPS / 1e6, CALL_START_S, CALL_END_S);
        System.out.printf("%-20s %15s %16s %15s%n", "policy", "synced in 2 min", "during the call",
                "call delay p95");
        for (Policy p : Policy.values()) {
            Run r = simulate(p);
            System.out.printf("%-20s %12.1f MB %13.1f MB %12.0f ms%n", p, r.syncMegabytes(),
                    r.syncMegabytesDuringCall(), r.callP95DelayMs());
        }
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("uplink-mbps", UPLINK_BPS / 1e6);
        f.put("buffer-ms", BUFFER_BYTES * 8 / UPLINK_BPS * 1_000);
        f.put("call-mbps", CALL_BPS / 1e6);
        f.put("call-leaves-mbps", (UPLINK_BPS - CALL_BPS) / 1e6);
        f.put("cap-mbps", CAP_BPS / 1e6);
        f.put("bucket-kb", BUCKET_BYTES / 1e3);
        f.put("target-ms", LEDBAT_TARGET_S * 1_000);
        f.put("duration-s", DURATION_S);
        f.put("call-s", CALL_END_S - CALL_START_S);
        for (Policy p : Policy.values()) {
            Run r = simulate(p);
            String key = p.name().toLowerCase().replace("_1_mbps", "").replace('_', '-');
            f.put(key + "-synced-mb", r.syncMegabytes());
            f.put(key + "-during-call-mb", r.syncMegabytesDuringCall());
            f.put(key + "-call-p95-ms", r.callP95DelayMs());
        }
        return f;
    }

    /** Half-second averages, so the chart stays light. */
    static List<List<Double>> series(double[] perStep) {
        int per = (int) Math.round(0.5 / TICK_S);
        List<List<Double>> points = new ArrayList<>();
        for (int i = 0; i + per <= perStep.length; i += per) {
            double mean = Arrays.stream(perStep, i, i + per).average().orElse(0);
            points.add(List.of((i + per) * TICK_S, Math.round(mean * 10) / 10.0));
        }
        return points;
    }

    public static Map<String, Object> charts() {
        List<Object> delaySeries = new ArrayList<>(), rateSeries = new ArrayList<>();
        for (Policy p : Policy.values()) {
            Run r = simulate(p);
            String name = switch (p) {
                case PLAIN_TCP -> "plain TCP upload";
                case TOKEN_BUCKET_1_MBPS -> "token bucket, 1 Mbps cap";
                case LEDBAT -> "LEDBAT, 50 ms target";
            };
            boolean first = p == Policy.PLAIN_TCP; // the first series also shades the call
            delaySeries.add(line(name, series(r.delayMs()), first));
            rateSeries.add(line(name, series(r.syncMbps()), first));
        }
        return Map.of("throttle-delay", chart("queueing delay on the uplink, ms", delaySeries),
                "throttle-rate", chart("sync upload, Mbps", rateSeries));
    }

    static Map<String, Object> line(String name, List<List<Double>> data, boolean shadeCall) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "line");
        s.put("name", name);
        s.put("showSymbol", false);
        s.put("data", data);
        if (shadeCall) {
            s.put("markArea", Map.of("silent", true, "itemStyle", Map.of("opacity", 0.12), "data",
                    List.of(List.of(Map.of("name", "video call", "xAxis", CALL_START_S), Map.of("xAxis", CALL_END_S)))));
        }
        return s;
    }

    static Map<String, Object> chart(String yName, List<Object> series) {
        return Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "time, s", "nameLocation", "middle", "nameGap", 30,
                        "max", DURATION_S),
                "yAxis", Map.of("type", "value", "name", yName),
                "series", series);
    }
}
