package chat;
// run: timeout=15s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeSet;

/**
 * A phone on a flaky network receives one chat's messages late, twice, out of order or not at all. The
 * server numbers each chat's messages; the client shows them strictly in sequence, holding back any that
 * arrive early, dropping duplicates, and asking the server for a missing number once a gap has lasted
 * GAP_TIMEOUT. The trade-off: a short timeout shows messages sooner but asks for many that were only late.
 */
public class Resequencer {

    static final int MESSAGES = 20_000;
    static final double SEND_INTERVAL_MS = 50;      // a busy chat: twenty messages a second
    static final double BASE_DELAY_MS = 40;         // one-way network delay
    static final double JITTER_MEAN_MS = 60;        // extra delay, exponentially distributed
    static final double LOSS = 0.02;                // a delivery attempt is lost
    static final double DUPLICATE = 0.01;           // a delivery arrives twice
    static final double SERVER_RETRY_MS = 2_000;    // the server resends what the client has not acknowledged
    static final double FETCH_ROUND_TRIP_MS = 2 * BASE_DELAY_MS;
    static final double DEFAULT_GAP_TIMEOUT_MS = 100;
    static final double[] GAP_TIMEOUTS_MS = {25, 50, 100, 200, 400, 800, 1600, Double.POSITIVE_INFINITY};
    static final long SEED = 2024;

    // tag::resequencer[]
    /** The client side: show messages strictly in sequence, hold back early ones, ignore repeats. */
    static final class ClientResequencer {
        private long nextToShow = 1;
        private final TreeSet<Long> heldBack = new TreeSet<>();
        private final List<Long> shown = new ArrayList<>();
        int duplicatesDropped, maxHeldBack;

        /** Returns the messages that became showable, in order (possibly none). */
        List<Long> receive(long seq) {
            if (seq < nextToShow || heldBack.contains(seq)) {
                duplicatesDropped++;               // retransmission or a fetch racing the original
                return List.of();
            }
            heldBack.add(seq);
            List<Long> showable = new ArrayList<>();
            while (!heldBack.isEmpty() && heldBack.first() == nextToShow) {
                showable.add(heldBack.pollFirst());
                nextToShow++;
            }
            maxHeldBack = Math.max(maxHeldBack, heldBack.size());
            shown.addAll(showable);
            return showable;
        }

        /** The sequence number the client is waiting for while later ones are held back, or -1. */
        long missing() {
            return heldBack.isEmpty() ? -1 : nextToShow;
        }

        /** Every number missing below the highest one held back: what a gap fetch asks the server for. */
        List<Long> gaps() {
            List<Long> gaps = new ArrayList<>();
            for (long seq = nextToShow; !heldBack.isEmpty() && seq < heldBack.last(); seq++) {
                if (!heldBack.contains(seq)) {
                    gaps.add(seq);
                }
            }
            return gaps;
        }
    }
    // end::resequencer[]

    record Arrival(double time, long seq, boolean fetched) {
    }

    record Run(double gapTimeoutMs, double outOfOrderShare, int duplicatesDropped, int fetches, int wastedFetches,
               int maxHeldBack, double p50DelayMs, double p99DelayMs, double maxDelayMs, boolean inOrderExactlyOnce) {
    }

    /** The network, drawn once so that every timeout sees the same arrivals: each message's copies, in time. */
    private static List<Arrival> network;
    private static double[] firstArrival;

    static synchronized void drawNetwork() {
        if (network != null) {
            return;
        }
        Random random = new Random(SEED);
        network = new ArrayList<>();
        firstArrival = new double[MESSAGES + 1];
        for (long seq = 1; seq <= MESSAGES; seq++) {
            double sent = seq * SEND_INTERVAL_MS;
            int attempt = 0;
            while (random.nextDouble() < LOSS) {
                attempt++;                                   // lost: the server resends after its retry timer
            }
            double arrival = sent + attempt * SERVER_RETRY_MS + delay(random);
            network.add(new Arrival(arrival, seq, false));
            firstArrival[(int) seq] = arrival;
            if (random.nextDouble() < DUPLICATE) {
                network.add(new Arrival(arrival + delay(random), seq, false));
            }
        }
    }

    static double delay(Random random) {
        return BASE_DELAY_MS - JITTER_MEAN_MS * Math.log(1 - random.nextDouble());
    }

    // tag::resequencer[]

    /** Replays the arrivals through the client; a gap older than the timeout triggers a fetch from the chat log. */
    static Run run(double gapTimeoutMs) {
        drawNetwork();
        PriorityQueue<Arrival> events = new PriorityQueue<>((a, b) -> Double.compare(a.time(), b.time()));
        events.addAll(network);
        ClientResequencer client = new ClientResequencer();
        double[] shownAt = new double[MESSAGES + 1];
        boolean[] fetched = new boolean[MESSAGES + 1];
        long watched = -1;           // the missing number the client is timing
        double gapSince = 0;
        int fetches = 0, wasted = 0, outOfOrder = 0;
        long highestSeen = 0;
        while (!events.isEmpty()) {
            Arrival a = events.poll();
            double now = a.time();
            // Before handling this arrival, fire the gap timer if it expired in the meantime.
            if (watched > 0 && now >= gapSince + gapTimeoutMs && !fetched[(int) watched]) {
                double fetchAt = gapSince + gapTimeoutMs;
                for (long seq : client.gaps()) {            // one request for the whole gap
                    if (!fetched[(int) seq]) {
                        fetched[(int) seq] = true;
                        fetches++;
                        if (firstArrival[(int) seq] < fetchAt + FETCH_ROUND_TRIP_MS) {
                            wasted++;                       // redundant: the original (or its retry) beats the reply
                        }
                        events.add(new Arrival(fetchAt + FETCH_ROUND_TRIP_MS, seq, true));
                    }
                }
                events.add(a);                              // handle this arrival after the fetch is queued
                continue;
            }
            if (!a.fetched() && a.time() == firstArrival[(int) a.seq()]) {
                if (a.seq() < highestSeen) {
                    outOfOrder++;
                }
                highestSeen = Math.max(highestSeen, a.seq());
            }
            for (long seq : client.receive(a.seq())) {
                shownAt[(int) seq] = now;
            }
            long missing = client.missing();
            if (missing != watched) {
                watched = missing;
                gapSince = now;
            }
        }
        double[] delays = new double[MESSAGES];
        for (int seq = 1; seq <= MESSAGES; seq++) {
            delays[seq - 1] = shownAt[seq] - seq * SEND_INTERVAL_MS;
        }
        Arrays.sort(delays);
        boolean exact = client.shown.size() == MESSAGES;
        for (int i = 0; exact && i < MESSAGES; i++) {
            exact = client.shown.get(i) == i + 1;
        }
        return new Run(gapTimeoutMs, (double) outOfOrder / MESSAGES, client.duplicatesDropped, fetches, wasted,
                client.maxHeldBack, delays[MESSAGES / 2], delays[(int) (0.99 * (MESSAGES - 1))], delays[MESSAGES - 1], exact);
    }
    // end::resequencer[]

    private static Map<Double, Run> runs;

    static synchronized Run cached(double timeout) {
        if (runs == null) {
            runs = new LinkedHashMap<>();
            for (double t : GAP_TIMEOUTS_MS) {
                runs.put(t, run(t));
            }
        }
        return runs.get(timeout);
    }

    static String label(double timeout) {
        return Double.isInfinite(timeout) ? "never (server retry only)" : String.format("%.0f ms", timeout);
    }

    public static void main(String[] args) {
        Run r = cached(DEFAULT_GAP_TIMEOUT_MS);
        System.out.printf("%,d messages, one every %.0f ms; delay %.0f ms + jitter (mean %.0f ms); %.0f%% lost, %.0f%% duplicated%n",
                MESSAGES, SEND_INTERVAL_MS, BASE_DELAY_MS, JITTER_MEAN_MS, 100 * LOSS, 100 * DUPLICATE);
        System.out.printf("Arrived out of order: %.1f%%; duplicates dropped: %d; most held back at once: %d%n",
                100 * r.outOfOrderShare(), r.duplicatesDropped(), r.maxHeldBack());
        System.out.printf("Shown in order, each exactly once: %s%n", r.inOrderExactlyOnce());
        System.out.println("gap timeout                 p50 delay   p99 delay   fetches   redundant");
        for (double t : GAP_TIMEOUTS_MS) {
            Run x = cached(t);
            System.out.printf("%-26s %7.0f ms %8.0f ms %9d %11d%n", label(t), x.p50DelayMs(), x.p99DelayMs(),
                    x.fetches(), x.wastedFetches());
        }
    }

    public static Map<String, Object> facts() {
        Run d = cached(DEFAULT_GAP_TIMEOUT_MS);
        Run never = cached(Double.POSITIVE_INFINITY);
        Run fastest = cached(GAP_TIMEOUTS_MS[0]);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("messages", MESSAGES);
        f.put("send-interval-ms", SEND_INTERVAL_MS);
        f.put("base-delay-ms", BASE_DELAY_MS);
        f.put("jitter-ms", JITTER_MEAN_MS);
        f.put("loss", LOSS);
        f.put("duplicate", DUPLICATE);
        f.put("server-retry-ms", SERVER_RETRY_MS);
        f.put("fetch-rtt-ms", FETCH_ROUND_TRIP_MS);
        f.put("default-gap-timeout-ms", DEFAULT_GAP_TIMEOUT_MS);
        f.put("out-of-order-share", d.outOfOrderShare());
        f.put("duplicates-dropped", d.duplicatesDropped());
        f.put("max-held-back", d.maxHeldBack());
        f.put("in-order-exactly-once", d.inOrderExactlyOnce() ? "yes" : "no");
        f.put("default-p50-ms", d.p50DelayMs());
        f.put("default-p99-ms", d.p99DelayMs());
        f.put("default-fetches", d.fetches());
        f.put("default-wasted", d.wastedFetches());
        f.put("never-p50-ms", never.p50DelayMs());
        f.put("never-p99-ms", never.p99DelayMs());
        f.put("fastest-timeout-ms", GAP_TIMEOUTS_MS[0]);
        f.put("fastest-fetches", fastest.fetches());
        f.put("fastest-wasted", fastest.wastedFetches());
        f.put("fastest-p99-ms", fastest.p99DelayMs());
        f.put("fastest-p50-ms", fastest.p50DelayMs());
        f.put("fastest-fetches-per-1000", 1000.0 * fastest.fetches() / MESSAGES);
        f.put("default-fetches-per-1000", 1000.0 * d.fetches() / MESSAGES);
        return f;
    }

    public static Map<String, Object> charts() {
        List<String> labels = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> fetches = new ArrayList<>();
        List<Double> wasted = new ArrayList<>();
        for (double t : GAP_TIMEOUTS_MS) {
            Run r = cached(t);
            labels.add(Double.isInfinite(t) ? "never" : String.format("%.0f", t));
            p99.add((double) Math.round(r.p99DelayMs()));
            p50.add((double) Math.round(r.p50DelayMs()));
            fetches.add(Math.round(1000.0 * r.fetches() / MESSAGES * 10) / 10.0);
            wasted.add(Math.round(1000.0 * r.wastedFetches() / MESSAGES * 10) / 10.0);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 70, "right", 80, "top", 50, "bottom", 50));
        option.put("xAxis", Map.of("type", "category", "data", labels, "name", "gap timeout before asking the server, ms",
                "nameLocation", "middle", "nameGap", 30));
        option.put("yAxis", List.of(
                Map.of("type", "value", "name", "display delay, ms"),
                Map.of("type", "value", "name", "fetches per 1,000 messages")));
        option.put("series", List.of(
                Map.of("type", "line", "name", "p99 display delay", "data", p99),
                Map.of("type", "line", "name", "median display delay", "data", p50),
                Map.of("type", "bar", "name", "fetches per 1,000 messages", "yAxisIndex", 1, "data", fetches),
                Map.of("type", "bar", "name", "of which redundant", "yAxisIndex", 1, "data", wasted)));
        return Map.of("gap-timeout", option);
    }
}
