package messaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

// run: timeout=20s

/**
 * A service that completes 500 requests a second meets a surge of three times that for ten seconds.
 * Four ways to take it: queue everything, bound the queue and reject the overflow, shed low-priority
 * requests first, or meter arrivals with a token bucket at the ingress. Clients give up after two
 * seconds, so a request answered later is work wasted.
 */
public class Backpressure {

    static final double CAPACITY_PER_S = 500;
    static final double BASE_PER_S = 300, SURGE_PER_S = 1_500;
    static final double SURGE_FROM = 10, SURGE_TO = 20, END = 40;
    static final double CLIENT_TIMEOUT_S = 2;
    static final int QUEUE_LIMIT = 250;                       // half a second of work
    static final double BUCKET_CAPACITY = 1_000, BUCKET_REFILL_PER_S = 500;
    static final int HIGH_PRIORITY_EVERY = 5;                 // one request in five is high priority
    static final double TICK_S = 0.01;

    // tag::bucket[]
    /** Tokens refill at a steady rate up to a cap; each admitted request spends one. */
    static class TokenBucket {
        private final double capacity, refillPerSecond;
        private double tokens, lastRefill;

        TokenBucket(double capacity, double refillPerSecond) {
            this.capacity = capacity;
            this.refillPerSecond = refillPerSecond;
            this.tokens = capacity;
        }

        /** The caller passes the time, so the bucket runs the same way every run. */
        boolean tryTake(double now) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * refillPerSecond);
            lastRefill = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;                               // answer 429 with Retry-After
        }
    }
    // end::bucket[]

    enum Policy { UNBOUNDED_QUEUE, BOUNDED_QUEUE, PRIORITY_SHEDDING, TOKEN_BUCKET }

    record Request(double arrivedAt, boolean highPriority) {
    }

    record Outcome(Policy policy, int arrived, int rejected, int answeredInTime, int answeredTooLate,
                   int stillQueued, int highPriorityRejected, int maxQueue, double[] waitByTick) {
    }

    // tag::bucket[]
    static Outcome run(Policy policy) {
        Deque<Request> queue = new ArrayDeque<>();
        TokenBucket bucket = new TokenBucket(BUCKET_CAPACITY, BUCKET_REFILL_PER_S);
        int arrived = 0, rejected = 0, inTime = 0, late = 0, highRejected = 0, maxQueue = 0;
        double arrivalCredit = 0, serviceCredit = 0;
        double[] waitByTick = new double[(int) Math.round(END / TICK_S)];
        for (int tick = 0; tick < waitByTick.length; tick++) {
            double now = tick * TICK_S;
            arrivalCredit += rateAt(now) * TICK_S;
            for (; arrivalCredit >= 1; arrivalCredit--) {
                Request r = new Request(now, ++arrived % HIGH_PRIORITY_EVERY == 0);
                boolean wasFull = queue.size() >= QUEUE_LIMIT;
                boolean admitted = switch (policy) {
                    case UNBOUNDED_QUEUE -> true;
                    case BOUNDED_QUEUE -> queue.size() < QUEUE_LIMIT;
                    case PRIORITY_SHEDDING -> queue.size() < QUEUE_LIMIT
                            || (r.highPriority() && shedLowest(queue));
                    case TOKEN_BUCKET -> bucket.tryTake(now);
                };
                if (admitted && wasFull && policy == Policy.PRIORITY_SHEDDING) {
                    rejected++;                         // a queued low-priority request was shed
                }
                if (admitted) {
                    queue.addLast(r);
                } else {
                    rejected++;                         // refused at once: the client can back off
                    highRejected += r.highPriority() ? 1 : 0;
                }
            }
            maxQueue = Math.max(maxQueue, queue.size());
            serviceCredit += CAPACITY_PER_S * TICK_S;
            for (; serviceCredit >= 1 && !queue.isEmpty(); serviceCredit--) {
                Request done = queue.pollFirst();
                if (now - done.arrivedAt() <= CLIENT_TIMEOUT_S) {
                    inTime++;
                } else {
                    late++;                             // the client has already given up
                }
            }
            serviceCredit = Math.min(serviceCredit, 1); // idle capacity cannot be saved up
            waitByTick[tick] = queue.isEmpty() ? 0 : now - queue.peekFirst().arrivedAt();
        }
        return new Outcome(policy, arrived, rejected, inTime, late, queue.size(), highRejected,
                maxQueue, waitByTick);
    }

    /** Makes room for a high-priority request by dropping the newest low-priority one. */
    static boolean shedLowest(Deque<Request> queue) {
        var newestFirst = queue.descendingIterator();
        while (newestFirst.hasNext()) {
            if (!newestFirst.next().highPriority()) {
                newestFirst.remove();
                return true;
            }
        }
        return false;
    }
    // end::bucket[]

    static double rateAt(double t) {
        return t >= SURGE_FROM && t < SURGE_TO ? SURGE_PER_S : BASE_PER_S;
    }

    private static Map<Policy, Outcome> cached;

    static synchronized Map<Policy, Outcome> outcomes() {
        if (cached == null) {
            cached = new LinkedHashMap<>();
            for (Policy p : Policy.values()) {
                cached.put(p, run(p));
            }
        }
        return cached;
    }

    static double maxWait(Outcome o) {
        return Arrays.stream(o.waitByTick()).max().orElse(0);
    }

    public static void main(String[] args) {
        System.out.printf("Capacity %.0f/s; arrivals %.0f/s, %.0f/s from %.0f s to %.0f s; clients wait %.0f s%n",
                CAPACITY_PER_S, BASE_PER_S, SURGE_PER_S, SURGE_FROM, SURGE_TO, CLIENT_TIMEOUT_S);
        System.out.printf("%-18s %9s %8s %9s %8s %10s %9s%n", "policy", "rejected", "in time", "too late",
                "unserved", "max queue", "max wait");
        for (Outcome o : outcomes().values()) {
            System.out.printf("%-18s %9d %8d %9d %8d %10d %7.1f s%n", o.policy(), o.rejected(), o.answeredInTime(),
                    o.answeredTooLate(), o.stillQueued(), o.maxQueue(), maxWait(o));
        }
        TokenBucket bucket = new TokenBucket(BUCKET_CAPACITY, BUCKET_REFILL_PER_S);
        int admitted = 0;
        for (int i = 0; i < 3_000; i++) {
            admitted += bucket.tryTake(0) ? 1 : 0;             // 3,000 requests in the same instant
        }
        System.out.printf("A burst of 3,000 at once into TokenBucket(%.0f, %.0f/s): %d admitted%n",
                BUCKET_CAPACITY, BUCKET_REFILL_PER_S, admitted);
    }

    static final String[] LABELS = {"Queue everything", "Bounded queue", "Bounded, sheds low priority first",
            "Token bucket at ingress"};

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Policy", "Arrived", "Rejected", "Answered in time", "Answered too late",
                "Still queued at the end", "Longest queue", "Longest wait"));
        int i = 0;
        for (Outcome o : outcomes().values()) {
            rows.add(List.of(LABELS[i++], String.format("%,d", o.arrived()), String.format("%,d", o.rejected()),
                    String.format("%,d", o.answeredInTime()), String.format("%,d", o.answeredTooLate()),
                    String.format("%,d", o.stillQueued()), String.format("%,d", o.maxQueue()),
                    String.format("%.2f s", maxWait(o))));
        }
        return Map.of("shedding", rows);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("bp-capacity", CAPACITY_PER_S);
        facts.put("bp-base", BASE_PER_S);
        facts.put("bp-surge", SURGE_PER_S);
        facts.put("bp-surge-s", SURGE_TO - SURGE_FROM);
        facts.put("bp-timeout-s", CLIENT_TIMEOUT_S);
        facts.put("bp-queue-limit", QUEUE_LIMIT);
        facts.put("bp-bucket-capacity", BUCKET_CAPACITY);
        facts.put("bp-bucket-refill", BUCKET_REFILL_PER_S);
        // the table shows every outcome; these are the cells the prose quotes
        Outcome unbounded = outcomes().get(Policy.UNBOUNDED_QUEUE), bounded = outcomes().get(Policy.BOUNDED_QUEUE);
        Outcome priority = outcomes().get(Policy.PRIORITY_SHEDDING), bucket = outcomes().get(Policy.TOKEN_BUCKET);
        facts.put("bp-arrived", unbounded.arrived());
        facts.put("unbounded-queue-in-time", unbounded.answeredInTime());
        facts.put("unbounded-queue-too-late", unbounded.answeredTooLate());
        facts.put("unbounded-queue-still-queued", unbounded.stillQueued());
        facts.put("unbounded-queue-max-queue", unbounded.maxQueue());
        facts.put("unbounded-queue-max-wait-s", maxWait(unbounded));
        facts.put("bounded-queue-rejected", bounded.rejected());
        facts.put("bounded-queue-in-time", bounded.answeredInTime());
        facts.put("bounded-queue-max-wait-s", maxWait(bounded));
        facts.put("bounded-queue-high-rejected", bounded.highPriorityRejected());
        facts.put("priority-shedding-rejected", priority.rejected());
        facts.put("priority-shedding-high-rejected", priority.highPriorityRejected());
        facts.put("token-bucket-rejected", bucket.rejected());
        facts.put("token-bucket-in-time", bucket.answeredInTime());
        facts.put("token-bucket-high-rejected", bucket.highPriorityRejected());
        facts.put("token-bucket-max-queue", bucket.maxQueue());
        facts.put("token-bucket-max-wait-s", maxWait(bucket));
        return facts;
    }

    public static Map<String, Object> charts() {
        String[] names = {"unbounded queue", "bounded queue (" + QUEUE_LIMIT + ")", "bounded, sheds low priority",
                "token bucket at ingress"};
        List<Object> series = new ArrayList<>();
        int i = 0;
        for (Outcome o : outcomes().values()) {
            List<List<Double>> points = new ArrayList<>();
            for (int tick = 0; tick < o.waitByTick().length; tick += 10) {
                points.add(List.of(Math.round(tick * TICK_S * 100) / 100.0,
                        Math.round(o.waitByTick()[tick] * 100) / 100.0));
            }
            series.add(Map.of("type", "line", "name", names[i++], "showSymbol", false, "data", points));
        }
        series.add(Map.of("type", "line", "name", "client timeout", "showSymbol", false,
                "lineStyle", Map.of("type", "dashed"),
                "data", List.of(List.of(0.0, CLIENT_TIMEOUT_S), List.of(END, CLIENT_TIMEOUT_S))));
        return Map.of("backpressure", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 20, "top", 70, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "time (s)", "nameLocation", "middle", "nameGap", 26,
                        "min", 0, "max", END),
                "yAxis", Map.of("type", "value", "name", "wait of the oldest queued request (s)"),
                "series", series));
    }
}
