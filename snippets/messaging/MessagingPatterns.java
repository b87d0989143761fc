package messaging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Four kinds of message middleware as in-memory stand-ins, run on one scenario: three consumers are
 * listening when six messages are published, a fourth consumer arrives later, and then the first
 * consumer asks to read everything again. What each stand-in delivers is what each pattern promises.
 */
public class MessagingPatterns {

    // tag::brokers[]
    /** Competing consumers: each message goes to one of them, and is gone once taken. */
    static class InMemoryWorkQueue {
        private final Deque<String> queue = new ArrayDeque<>();

        void publish(String message) {
            queue.addLast(message);
        }

        String take() {
            return queue.pollFirst(); // null when empty
        }
    }

    /** Broadcast: every subscriber present at publish time gets a copy; nothing is kept. */
    static class InMemoryPubSub {
        private final Map<String, List<String>> inboxes = new LinkedHashMap<>();

        void subscribe(String subscriber) {
            inboxes.put(subscriber, new ArrayList<>());
        }

        void publish(String message) {
            inboxes.values().forEach(inbox -> inbox.add(message));
        }

        List<String> drain(String subscriber) {
            List<String> got = new ArrayList<>(inboxes.get(subscriber));
            inboxes.get(subscriber).clear();
            return got;
        }
    }

    /** A retained log: readers keep their own offsets, so anyone can read from anywhere. */
    static class InMemoryEventLog {
        private final List<String> log = new ArrayList<>();
        private final Map<String, Integer> offsets = new HashMap<>();

        void publish(String message) {
            log.add(message);
        }

        List<String> poll(String group) {
            int from = offsets.getOrDefault(group, 0);
            offsets.put(group, log.size());
            return new ArrayList<>(log.subList(from, log.size()));
        }

        void seek(String group, int offset) {
            offsets.put(group, offset);
        }
    }

    /** Delayed delivery: a message becomes available to one taker at its due time. */
    static class InMemoryScheduler {
        record Due(long at, String message) {
        }

        private final PriorityQueue<Due> pending =
                new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));

        void schedule(String message, long at) {
            pending.add(new Due(at, message));
        }

        String takeDue(long now) {
            boolean due = !pending.isEmpty() && pending.peek().at() <= now;
            return due ? pending.poll().message() : null;
        }
    }
    // end::brokers[]

    static final List<String> CONSUMERS = List.of("A", "B", "C");
    static final int MESSAGES = 6;

    /** What happened to the six messages under one pattern. */
    record Outcome(String pattern, int deliveredToThree, int lateConsumerGot, int replayGot) {
    }

    // tag::scenario[]
    static Outcome workQueue() {
        InMemoryWorkQueue q = new InMemoryWorkQueue();
        for (int m = 1; m <= MESSAGES; m++) {
            q.publish("m" + m);
        }
        int delivered = 0;
        for (int round = 0; round < MESSAGES; round++) {        // A, B, C take turns
            if (q.take() != null) {
                delivered++;
            }
        }
        int late = q.take() == null ? 0 : 1;                    // D arrives: nothing left
        return new Outcome("Work queue", delivered, late, 0);   // no way to re-read
    }

    static Outcome pubSub() {
        InMemoryPubSub topic = new InMemoryPubSub();
        CONSUMERS.forEach(topic::subscribe);
        for (int m = 1; m <= MESSAGES; m++) {
            topic.publish("m" + m);
        }
        int delivered = CONSUMERS.stream().mapToInt(c -> topic.drain(c).size()).sum();
        topic.subscribe("D");                                   // D subscribes after the fact
        int late = topic.drain("D").size(), replay = topic.drain("A").size();
        return new Outcome("Pub/sub topic", delivered, late, replay);
    }

    static Outcome eventLog(boolean oneGroup) {
        InMemoryEventLog log = new InMemoryEventLog();
        for (int m = 1; m <= MESSAGES; m++) {
            log.publish("m" + m);
        }
        int delivered = 0;
        for (String c : CONSUMERS) {      // one group: the members share the log
            delivered += log.poll(oneGroup ? "group" : c).size();
        }
        int late = log.poll("D").size();                        // a new group starts at 0
        log.seek(oneGroup ? "group" : "A", 0);                  // rewind and read again
        int replay = log.poll(oneGroup ? "group" : "A").size();
        String name = oneGroup ? "Event log, one consumer group" : "Event log, a group each";
        return new Outcome(name, delivered, late, replay);
    }

    static Outcome scheduler() {
        InMemoryScheduler s = new InMemoryScheduler();
        for (int m = 1; m <= MESSAGES; m++) {
            s.schedule("m" + m, 10L * m);                       // due at t = 10, 20, ... 60
        }
        int delivered = 0;
        for (long now = 0; now <= 60; now += 5) {               // A, B, C poll every 5 ticks
            while (s.takeDue(now) != null) {
                delivered++;
            }
        }
        return new Outcome("Task scheduler", delivered, s.takeDue(1_000) == null ? 0 : 1, 0);
    }
    // end::scenario[]

    static List<Outcome> outcomes() {
        return List.of(workQueue(), pubSub(), eventLog(true), eventLog(false), scheduler());
    }

    public static void main(String[] args) {
        System.out.printf("%d messages, consumers %s listening, D arrives late, A asks to replay%n", MESSAGES,
                String.join(", ", CONSUMERS));
        System.out.printf("%-30s %18s %14s %12s%n", "pattern", "delivered to A-C", "late D gets", "A replays");
        for (Outcome o : outcomes()) {
            System.out.printf("%-30s %18d %14d %12d%n", o.pattern(), o.deliveredToThree(), o.lateConsumerGot(),
                    o.replayGot());
        }
    }

    static final Map<String, String[]> DESCRIPTIONS = Map.of(
            "Work queue", new String[] {"One of the competing workers, at least once",
                    "Background jobs, image resizing, sending email", "SQS, RabbitMQ, Celery on Redis"},
            "Pub/sub topic", new String[] {"Every subscription that exists at publish time",
                    "Notifications, cache invalidation, fan-out", "Redis Pub/Sub, SNS, Google Pub/Sub"},
            "Event log, one consumer group", new String[] {"One member of each group, by partition",
                    "Stream processing, CDC, event sourcing", "Kafka, Kinesis, Pulsar"},
            "Event log, a group each", new String[] {"Every group, each at its own offset",
                    "Several independent readers of the same events", "Kafka, Kinesis, Pulsar"},
            "Task scheduler", new String[] {"One taker, once the due time arrives",
                    "Reminders, retries with delay, cron jobs", "EventBridge Scheduler, Cloud Tasks, Temporal"});

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Pattern", "Who receives a message", "Copies of " + MESSAGES + " messages delivered to 3 consumers",
                "Of those, a consumer joining later gets", "Re-reading from the start gets", "Typical use", "Examples"));
        for (Outcome o : outcomes()) {
            String[] d = DESCRIPTIONS.get(o.pattern());
            rows.add(List.of(o.pattern(), d[0], String.valueOf(o.deliveredToThree()),
                    String.valueOf(o.lateConsumerGot()), String.valueOf(o.replayGot()), d[1], d[2]));
        }
        return Map.of("patterns", rows);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("pattern-messages", MESSAGES);
        facts.put("pattern-consumers", CONSUMERS.size());
        facts.put("queue-late", workQueue().lateConsumerGot());
        facts.put("pubsub-late", pubSub().lateConsumerGot());
        facts.put("log-late", eventLog(true).lateConsumerGot());
        return facts;
    }
}
