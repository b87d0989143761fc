package streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A player downloads 4-second segments over a link whose throughput changes (a seeded trace with a
 * deep dip and a slow decline), and picks a rung of the bitrate ladder before each segment. Three
 * rules are raced on the same trace: the highest rung the measured throughput allows, the same with a
 * 20 % safety margin and buffer rules, and a buffer-based rule that picks the rung from the buffer level.
 */
public class AdaptiveBitrate {

    // Assumptions, stated once.
    static final double[] LADDER_KBPS = {235, 375, 560, 750, 1_050, 1_750, 2_350, 3_000, 4_300, 5_800, 8_000, 16_000};
    static final double SEGMENT_S = 4;
    static final double SAFETY = 0.8;          // pick the highest rung below 80 % of measured throughput
    static final double PANIC_BUFFER_S = 10;   // below this, step down hard
    static final double PANIC_SAFETY = 0.5;
    static final double UP_SWITCH_BUFFER_S = 30; // the buffer target: step up only from here, one rung at a time
    static final double MAX_BUFFER_S = 60;     // stop fetching above this
    static final double START_BUFFER_S = 4;    // start playing once one segment is in
    static final double TRACE_S = 600;
    static final long SEED = 7;

    enum Rule { THROUGHPUT_ONLY, MARGIN_AND_BUFFER, BUFFER_BASED }

    /** Available throughput in Mbps for each second of the session. */
    static double[] trace() {
        Random random = new Random(SEED);
        double[] mbps = new double[(int) TRACE_S + 400];
        for (int s = 0; s < mbps.length; s++) {
            double base = s < 60 ? 20 : s < 110 ? 1.5 : s < 300 ? 10 : s < 400 ? 4 : 18; // a deep dip, then a slump
            mbps[s] = base * Math.exp(0.35 * random.nextGaussian() - 0.35 * 0.35 / 2);
        }
        return mbps;
    }

    // tag::rules[]
    static int highestBelow(double kbps) {
        int rung = 0;
        for (int i = 0; i < LADDER_KBPS.length; i++) {
            if (LADDER_KBPS[i] < kbps) {
                rung = i;
            }
        }
        return rung;
    }

    /** The rung for the next segment, from the throughput estimate, the buffer and the current rung. */
    static int choose(Rule rule, double estimateKbps, double bufferS, int current) {
        return switch (rule) {
            case THROUGHPUT_ONLY -> highestBelow(estimateKbps);
            case MARGIN_AND_BUFFER -> {
                if (bufferS < PANIC_BUFFER_S) {
                    yield Math.min(current, highestBelow(PANIC_SAFETY * estimateKbps)); // step down hard
                }
                int safe = highestBelow(SAFETY * estimateKbps);
                if (safe > current) {
                    yield bufferS >= UP_SWITCH_BUFFER_S ? current + 1 : current;  // up slowly, from a full buffer
                }
                yield safe;
            }
            case BUFFER_BASED -> { // Netflix's buffer-based idea: the buffer level alone maps to a rung
                double position = (bufferS - PANIC_BUFFER_S) / (MAX_BUFFER_S - 10 - PANIC_BUFFER_S);
                yield (int) Math.max(0, Math.min(LADDER_KBPS.length - 1, Math.floor(position * LADDER_KBPS.length)));
            }
        };
    }
    // end::rules[]

    record Session(double averageKbps, double stallS, int switches, List<double[]> timeline) {
    }

    /** Plays the trace: download a segment, drain the buffer meanwhile, stall if it runs dry. */
    static Session play(Rule rule) {
        double[] trace = trace();
        double clock = 0, buffer = 0, stall = 0, estimate = 0, kbitsPlayed = 0;
        boolean playing = false;
        int current = 0, switches = 0, segments = 0;
        List<double[]> timeline = new ArrayList<>(); // {time, rung kbps, buffer s}
        while (clock < TRACE_S) {
            if (buffer > MAX_BUFFER_S - SEGMENT_S) { // buffer full: wait one second
                clock += 1;
                buffer -= 1;
                continue;
            }
            int rung = segments == 0 ? 0 : choose(rule, estimate, buffer, current);
            switches += segments > 0 && rung != current ? 1 : 0;
            current = rung;
            double kbits = LADDER_KBPS[rung] * SEGMENT_S, left = kbits, started = clock;
            while (left > 1e-6) { // download at the trace's rate, up to the end of the current second
                double rate = trace[(int) clock] * 1_000;
                double step = Math.min(Math.floor(clock) + 1 - clock, left / rate);
                left -= rate * step;
                clock += step;
                if (playing) {
                    double played = Math.min(buffer, step);
                    buffer -= played;
                    stall += step - played;
                }
            }
            double measured = kbits / (clock - started);
            estimate = segments == 0 ? measured : 0.7 * estimate + 0.3 * measured;
            timeline.add(new double[] {clock, LADDER_KBPS[rung], buffer}); // the low point, before the segment lands
            buffer += SEGMENT_S;
            kbitsPlayed += kbits;
            segments++;
            playing |= buffer >= START_BUFFER_S;
            timeline.add(new double[] {clock, LADDER_KBPS[rung], buffer});
        }
        return new Session(kbitsPlayed / (segments * SEGMENT_S), stall, switches, timeline);
    }

    public static void main(String[] args) {
        System.out.printf("%-18s %12s %9s %9s%n", "rule", "avg bitrate", "stalls", "switches");
        for (Rule rule : Rule.values()) {
            Session s = play(rule);
            System.out.printf("%-18s %7.2f Mbps %7.1f s %9d%n", rule, s.averageKbps() / 1_000, s.stallS(), s.switches());
        }
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("segment-s", SEGMENT_S);
        f.put("safety", SAFETY);
        f.put("panic-buffer-s", PANIC_BUFFER_S);
        f.put("up-switch-buffer-s", UP_SWITCH_BUFFER_S);
        f.put("max-buffer-s", MAX_BUFFER_S);
        f.put("top-rung-mbps", LADDER_KBPS[LADDER_KBPS.length - 1] / 1_000);
        for (Rule rule : Rule.values()) {
            Session s = play(rule);
            String key = rule.name().toLowerCase().replace('_', '-');
            f.put(key + "-mbps", s.averageKbps() / 1_000);
            f.put(key + "-stall-s", s.stallS());
            f.put(key + "-switches", s.switches());
        }
        return f;
    }

    public static Map<String, Object> charts() {
        double[] trace = trace();
        List<List<Double>> available = new ArrayList<>();
        for (int s = 0; s <= TRACE_S; s += 2) {
            available.add(List.of((double) s, Math.round(trace[s] * 100) / 100.0));
        }
        List<Object> rateSeries = new ArrayList<>(List.of(Map.of("type", "line", "name", "available throughput",
                "showSymbol", false, "lineStyle", Map.of("type", "dotted"), "data", available)));
        List<Object> bufferSeries = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            String name = switch (rule) {
                case THROUGHPUT_ONLY -> "100 % of measured throughput";
                case MARGIN_AND_BUFFER -> "80 % margin + buffer rules";
                case BUFFER_BASED -> "buffer-based";
            };
            List<List<Double>> rung = new ArrayList<>(), buffer = new ArrayList<>();
            for (double[] p : play(rule).timeline()) {
                rung.add(List.of(Math.round(p[0] * 10) / 10.0, p[1] / 1_000));
                buffer.add(List.of(Math.round(p[0] * 10) / 10.0, Math.round(p[2] * 10) / 10.0));
            }
            rateSeries.add(Map.of("type", "line", "name", name, "step", "end", "showSymbol", false, "data", rung));
            bufferSeries.add(Map.of("type", "line", "name", name, "showSymbol", false, "data", buffer));
        }
        return Map.of(
                "abr-bitrate", chart("Mbps (log scale)", "log", rateSeries),
                "abr-buffer", chart("seconds of video buffered", "value", bufferSeries));
    }

    static Map<String, Object> chart(String yName, String yType, List<Object> series) {
        return Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "time, s", "nameLocation", "middle", "nameGap", 30, "max", TRACE_S),
                "yAxis", Map.of("type", yType, "name", yName),
                "series", series);
    }
}
