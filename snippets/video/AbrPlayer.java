package video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An adaptive-bitrate player on a commute: home Wi-Fi, a train with a tunnel, a crowded station. Each
 * policy picks a rung of the ladder before every 10-second segment; the simulation measures what the
 * viewer gets (mean bitrate) and what they suffer (stalls, quality switches).
 */
public class AbrPlayer {

    // Assumptions, stated once.
    static final double[] LADDER_MBPS = {0.5, 0.8, 2, 4.5, 15};    // 360p .. 2160p, the pipeline's ladder
    static final double SEGMENT_S = 10;
    static final double MAX_BUFFER_S = 60;                        // stop fetching when this far ahead
    static final double SAFETY = 0.8;                              // use 80 % of the estimated throughput
    static final double EMA_WEIGHT = 0.3;                          // weight of the newest throughput sample
    static final double RESERVOIR_S = 10, CUSHION_S = 40;          // buffer-based policy's map
    static final int TRACE_S = 900;                                // a 15-minute session
    static final int TUNNEL_FROM_S = 420, TUNNEL_TO_S = 480;       // a one-minute tunnel on the train

    // tag::trace[]
    /** Bandwidth each second: Wi-Fi, then a train (with a tunnel), then a crowded station. */
    static double[] commute(long seed) {
        Random random = new Random(seed);
        double[] mbps = new double[TRACE_S];
        for (int t = 0; t < TRACE_S; t++) {
            double base = t < 240 ? 25 : t < TUNNEL_FROM_S ? 6 : t < TUNNEL_TO_S ? 0.3 : t < 660 ? 5 : 2.5;
            mbps[t] = base * Math.exp(0.35 * random.nextGaussian());   // jitter around each stretch
        }
        return mbps;
    }
    // end::trace[]

    interface Policy {
        int choose(double throughputEstimate, double bufferSeconds, int lastRung);
    }

    // tag::abr[]
    // tag::policies[]
    /** Throughput rule: the highest rung below a safety share of the smoothed throughput. */
    static final Policy THROUGHPUT = (estimate, buffer, last) -> highestBelow(SAFETY * estimate);

    /** Buffer rule: the fuller the buffer, the higher the rung; throughput is ignored. */
    static final Policy BUFFER = (estimate, buffer, last) -> {
        double fill = (buffer - RESERVOIR_S) / (CUSHION_S - RESERVOIR_S);
        int top = LADDER_MBPS.length - 1;
        return (int) Math.max(0, Math.min(top, Math.floor(fill * LADDER_MBPS.length)));
    };

    static final Policy ALWAYS_1080P = (estimate, buffer, last) -> 3;

    static int highestBelow(double mbps) {
        int rung = 0;
        for (int i = 0; i < LADDER_MBPS.length; i++) {
            if (LADDER_MBPS[i] <= mbps) {
                rung = i;
            }
        }
        return rung;
    }
    // end::policies[]

    record Step(double time, int rung, double buffer) {
    }

    record Session(String policy, double meanMbps, double stallSeconds, int switches, double startupS,
                   List<Step> steps) {
    }

    // tag::play[]
    /**
     * Plays segments back to back, downloading at the trace's bandwidth while the buffer drains.
     * With {@code abandon}, a fetch that would outlast the buffer restarts at the bottom rung.
     */
    static Session play(String name, Policy policy, double[] trace, boolean abandon) {
        double clock = 0, buffer = 0, stalled = 0, startup = -1, bitSum = 0;
        double estimate = LADDER_MBPS[0];                     // so the first segment is the smallest
        int last = 0, switches = 0, segments = 0;
        List<Step> steps = new ArrayList<>();
        while (clock < TRACE_S - 1) {
            if (buffer > MAX_BUFFER_S - SEGMENT_S) {          // buffer full: wait, playing meanwhile
                double wait = buffer - (MAX_BUFFER_S - SEGMENT_S);
                clock += wait;
                buffer -= wait;
                continue;
            }
            int rung = policy.choose(estimate, buffer, last);
            double bits = LADDER_MBPS[rung] * SEGMENT_S, start = clock;
            while (bits > 0 && clock < TRACE_S - 1) {         // one second of the trace at a time
                double second = Math.floor(clock), rate = trace[(int) second];
                if (abandon && rung > 0 && bits / rate > buffer + SEGMENT_S) {
                    rung = 0;                                 // give up on this fetch
                    bits = LADDER_MBPS[0] * SEGMENT_S;
                    continue;
                }
                double dt = Math.min(second + 1 - clock, bits / rate);
                bits -= rate * dt;
                clock += dt;
                double played = Math.min(buffer, dt);
                buffer -= played;
                stalled += segments > 0 ? dt - played : 0;    // nothing left to show: a stall
            }
            if (bits > 0) {
                break;                                        // the session ended mid-download
            }
            double measured = LADDER_MBPS[rung] * SEGMENT_S / (clock - start);
            estimate = EMA_WEIGHT * measured + (1 - EMA_WEIGHT) * estimate;
            buffer += SEGMENT_S;
            startup = startup < 0 ? clock : startup;
            switches += segments > 0 && rung != last ? 1 : 0;
            bitSum += LADDER_MBPS[rung];
            last = rung;
            segments++;
            steps.add(new Step(clock, rung, buffer));
        }
        return new Session(name, bitSum / segments, stalled, switches, startup, steps);
    }
    // end::play[]
    // end::abr[]

    static final double[] TRACE = commute(21);
    static final List<Session> SESSIONS = List.of(
            play("throughput, no abandon", THROUGHPUT, TRACE, false),
            play("throughput", THROUGHPUT, TRACE, true),
            play("buffer", BUFFER, TRACE, true),
            play("always 1080p", ALWAYS_1080P, TRACE, false));

    public static void main(String[] args) {
        System.out.printf("%-23s %10s %9s %9s %9s%n", "policy", "mean Mbps", "stalled", "switches", "startup");
        for (Session s : SESSIONS) {
            System.out.printf("%-23s %10.2f %7.1f s %9d %7.1f s%n", s.policy(), s.meanMbps(), s.stallSeconds(),
                    s.switches(), s.startupS());
        }
    }

    static Session session(String name) {
        return SESSIONS.stream().filter(s -> s.policy().equals(name)).findFirst().orElseThrow();
    }

    public static Map<String, Object> facts() {
        Session throughput = session("throughput"), noAbandon = session("throughput, no abandon");
        Session buffer = session("buffer"), fixed = session("always 1080p");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("throughput-mbps", throughput.meanMbps());
        f.put("throughput-stall-s", throughput.stallSeconds());
        f.put("throughput-switches", throughput.switches());
        f.put("throughput-startup-s", throughput.startupS());
        f.put("throughput-no-abandon-stall-s", noAbandon.stallSeconds());
        f.put("buffer-mbps", buffer.meanMbps());
        f.put("buffer-stall-s", buffer.stallSeconds());
        f.put("buffer-switches", buffer.switches());
        f.put("always-1080p-mbps", fixed.meanMbps());
        f.put("always-1080p-stall-s", fixed.stallSeconds());
        f.put("always-1080p-startup-s", fixed.startupS());
        f.put("tunnel-lowest-buffer-s", throughput.steps().stream()
                .filter(step -> step.time() >= TUNNEL_FROM_S && step.time() <= TUNNEL_TO_S + SEGMENT_S)
                .mapToDouble(Step::buffer).min().orElseThrow());
        f.put("safety", SAFETY);
        f.put("max-buffer-s", MAX_BUFFER_S);
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Policy", "Mean bitrate", "Seconds stalled", "Quality switches", "First frame after"));
        for (Session s : SESSIONS) {
            rows.add(List.of(s.policy(), String.format("%.2f Mbps", s.meanMbps()), String.format("%.1f", s.stallSeconds()),
                    String.valueOf(s.switches()), String.format("%.1f s", s.startupS())));
        }
        return Map.of("abr", rows);
    }

    public static Map<String, Object> charts() {
        List<List<Double>> bandwidth = new ArrayList<>(), chosen = new ArrayList<>(), buffer = new ArrayList<>();
        for (int t = 0; t < TRACE_S; t += 5) {
            bandwidth.add(List.of((double) t, Math.round(TRACE[t] * 100) / 100.0));
        }
        for (Step s : session("throughput").steps()) {
            double t = Math.round(s.time() * 10) / 10.0;
            chosen.add(List.of(t, LADDER_MBPS[s.rung()]));
            buffer.add(List.of(t, Math.round(s.buffer() * 10) / 10.0));
        }
        return Map.of("abr-trace", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 70, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "seconds into the session", "nameLocation", "middle", "nameGap", 30,
                        "max", TRACE_S),
                "yAxis", List.of(
                        Map.of("type", "log", "name", "Mbps (log scale)", "min", 0.1),
                        Map.of("type", "value", "name", "buffer (s)", "min", 0, "max", MAX_BUFFER_S)),
                "series", List.of(
                        Map.of("type", "line", "name", "bandwidth", "showSymbol", false, "data", bandwidth),
                        Map.of("type", "line", "name", "rung chosen", "step", "end", "showSymbol", false, "data", chosen),
                        Map.of("type", "line", "name", "buffer", "yAxisIndex", 1, "showSymbol", false,
                                "lineStyle", Map.of("type", "dashed"), "data", buffer))));
    }
}
