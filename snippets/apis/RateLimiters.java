package apis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Five rate-limiting algorithms with the same policy (10 requests per second for one client), run on
 * the same bursty trace. Each limiter counts what it admits; the run measures the busiest second the
 * backend actually sees, which is where the fixed window's boundary burst shows.
 */
public class RateLimiters {

    static final int LIMIT = 10;          // requests
    static final long WINDOW_MS = 1_000;  // per second

    // tag::shown[]
    interface Limiter {
        /** Admit or reject a request arriving at nowMs (one client's limiter). */
        boolean allow(long nowMs);
    }

    /** One counter per calendar window: cheap, but two windows can both fill at their edge. */
    static class FixedWindow implements Limiter {
        long window = -1;
        int count;

        public boolean allow(long now) {
            if (now / WINDOW_MS != window) {
                window = now / WINDOW_MS;
                count = 0;
            }
            if (count >= LIMIT) {
                return false;
            }
            count++;
            return true;
        }
    }

    /** Every admitted timestamp of the last window: exact, but memory grows with the limit. */
    static class SlidingLog implements Limiter {
        final Deque<Long> log = new ArrayDeque<>();

        public boolean allow(long now) {
            while (!log.isEmpty() && log.peekFirst() <= now - WINDOW_MS) {
                log.pollFirst();
            }
            if (log.size() >= LIMIT) {
                return false;
            }
            log.addLast(now);
            return true;
        }
    }

    /** Two counters; the previous window is weighted by its overlap with the last second. */
    static class SlidingWindowCounter implements Limiter {
        long window = -1;
        int current, previous;

        public boolean allow(long now) {
            long w = now / WINDOW_MS;
            if (w != window) {
                previous = (w == window + 1) ? current : 0;
                current = 0;
                window = w;
            }
            double overlap = 1 - (double) (now % WINDOW_MS) / WINDOW_MS;
            if (current + previous * overlap >= LIMIT) {
                return false;
            }
            current++;
            return true;
        }
    }

    /** Tokens refill at LIMIT a second up to a capacity; a request spends one. */
    static class TokenBucket implements Limiter {
        final double capacity = LIMIT, perMs = (double) LIMIT / WINDOW_MS;
        double tokens = capacity;
        long last;

        public boolean allow(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perMs);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    /** A queue drained at a fixed rate: smooth output; waiting requests add latency. */
    static class LeakyBucket implements Limiter {
        final long gapMs = WINDOW_MS / LIMIT;   // one departure every 100 ms
        final int queueCapacity = LIMIT;
        final Deque<Long> departures = new ArrayDeque<>();
        long lastDeparture = Long.MIN_VALUE / 2;
        long maxWaitMs;

        public boolean allow(long now) {
            while (!departures.isEmpty() && departures.peekFirst() <= now) {
                departures.pollFirst();
            }
            if (departures.size() >= queueCapacity) {
                return false;
            }
            lastDeparture = Math.max(now, lastDeparture + gapMs);
            departures.addLast(lastDeparture);
            maxWaitMs = Math.max(maxWaitMs, lastDeparture - now);
            return true;
        }
    }
    // end::shown[]

    /** The trace: a steady 5 requests a second, a burst straddling the 3 s/4 s boundary, a spike at 7 s. */
    static List<Long> trace() {
        Random random = new Random(11);
        List<Long> t = new ArrayList<>();
        for (long ms = 0; ms < 10_000; ms += 200) {
            t.add(ms + random.nextInt(50));
        }
        for (int i = 0; i < 20; i++) {
            t.add(3_900 + i * 10L);            // 20 in the last 100 ms of second 3
            t.add(4_000 + i * 10L);            // and 20 in the first 100 ms of second 4
        }
        for (int i = 0; i < 30; i++) {
            t.add(7_000L + i);                 // 30 within 30 ms
        }
        t.sort(null);
        return t;
    }

    record Run(String name, int admitted, int rejected, int busiestSecond, String state, long maxWaitMs,
               List<Long> servedAt) {
    }

    /** Feeds the trace to a limiter; servedAt is when each admitted request reaches the backend. */
    static Run run(String name, Limiter limiter, String state) {
        List<Long> served = new ArrayList<>();
        int rejected = 0;
        for (long at : trace()) {
            if (limiter.allow(at)) {
                served.add(limiter instanceof LeakyBucket lb ? lb.lastDeparture : at);
            } else {
                rejected++;
            }
        }
        served.sort(null);
        long wait = limiter instanceof LeakyBucket lb ? lb.maxWaitMs : 0;
        return new Run(name, served.size(), rejected, busiestSecond(served), state, wait, served);
    }

    /** Most requests served in any one-second interval [t - 1 s, t). */
    static int busiestSecond(List<Long> served) {
        int best = 0;
        for (int i = 0, j = 0; i < served.size(); i++) {
            while (served.get(i) - served.get(j) >= WINDOW_MS) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        return best;
    }

    static List<Run> runAll() {
        return List.of(
                run("fixed window", new FixedWindow(), "1 counter + window id"),
                run("sliding log", new SlidingLog(), "up to " + LIMIT + " timestamps"),
                run("sliding window counter", new SlidingWindowCounter(), "2 counters + window id"),
                run("token bucket", new TokenBucket(), "tokens + last refill time"),
                run("leaky bucket (queue)", new LeakyBucket(), "up to " + LIMIT + " queued requests"));
    }

    // tag::shown[]

    public static void main(String[] args) {
        System.out.printf("Policy: %d requests per second. Trace: %d requests in 10 s.%n",
                LIMIT, trace().size());
        System.out.printf("%-23s %8s %8s %15s %10s%n", "algorithm", "admitted", "rejected",
                "busiest second", "max wait");
        for (Run r : runAll()) {
            System.out.printf("%-23s %8d %8d %15d %7d ms%n", r.name(), r.admitted(),
                    r.rejected(), r.busiestSecond(), r.maxWaitMs());
        }
    }
    // end::shown[]

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Algorithm", "Admitted", "Rejected", "Busiest second at the backend", "Busiest second ÷ limit",
                "State per client", "Trade-off"));
        Map<String, String> tradeOffs = Map.of(
                "fixed window", "simplest; allows up to twice the limit across a window boundary",
                "sliding log", "exact; memory grows with the limit",
                "sliding window counter", "two counters; approximates the log, assumes the previous window was uniform",
                "token bucket", "explicit burst (capacity) on top of the rate; the common default",
                "leaky bucket (queue)", "smooth output; bursts wait in the queue instead of being rejected");
        for (Run r : runAll()) {
            rows.add(List.of(r.name(), String.valueOf(r.admitted()), String.valueOf(r.rejected()),
                    String.valueOf(r.busiestSecond()), String.format("%.1f×", (double) r.busiestSecond() / LIMIT),
                    r.state(), tradeOffs.get(r.name())));
        }
        return Map.of("limiters", Map.of("rows", rows, "derived", List.of("Busiest second ÷ limit")));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        List<Run> runs = runAll();
        f.put("limit", LIMIT);
        f.put("trace-size", trace().size());
        f.put("fixed-busiest", runs.get(0).busiestSecond());
        f.put("log-busiest", runs.get(1).busiestSecond());
        f.put("counter-busiest", runs.get(2).busiestSecond());
        f.put("token-busiest", runs.get(3).busiestSecond());
        f.put("token-bound", 2 * LIMIT); // a full bucket (capacity = LIMIT) plus one second of refill
        f.put("leaky-busiest", runs.get(4).busiestSecond());
        f.put("leaky-max-wait-ms", runs.get(4).maxWaitMs());
        f.put("fixed-admitted", runs.get(0).admitted());
        f.put("log-admitted", runs.get(1).admitted());
        f.put("counter-admitted", runs.get(2).admitted());
        f.put("token-admitted", runs.get(3).admitted());
        f.put("leaky-admitted", runs.get(4).admitted());
        // Memory at scale: a million clients, a limit of 100 a minute, 8-byte timestamps or counters.
        double clients = 1e6, perMinute = 100;
        f.put("log-memory-bytes", clients * perMinute * 8);
        f.put("counter-memory-bytes", clients * 2 * 8);
        return f;
    }

    /** Requests served in the trailing second, sampled every 50 ms, for three limiters. */
    public static Map<String, Object> charts() {
        List<Object> series = new ArrayList<>();
        for (Run r : runAll()) {
            if (r.name().startsWith("sliding window") || r.name().startsWith("leaky")) {
                continue;
            }
            List<List<Double>> points = new ArrayList<>();
            for (long t = 0; t <= 10_000; t += 50) {
                int inLastSecond = 0;
                for (long s : r.servedAt()) {
                    if (s <= t && s > t - WINDOW_MS) {
                        inLastSecond++;
                    }
                }
                points.add(List.of(t / 1000.0, (double) inLastSecond));
            }
            series.add(Map.of("type", "line", "name", r.name(), "showSymbol", false, "step", "end", "data", points));
        }
        series.add(Map.of("type", "line", "name", "limit (10 per second)", "showSymbol", false,
                "lineStyle", Map.of("type", "dashed"), "data", List.of(List.of(0.0, (double) LIMIT), List.of(10.0, (double) LIMIT))));
        return Map.of("boundary-burst", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "time, seconds", "nameLocation", "middle", "nameGap", 30,
                        "min", 0, "max", 10),
                "yAxis", Map.of("type", "value", "name", "requests admitted in the last second"),
                "series", series));
    }
}
