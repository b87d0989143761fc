package messaging;

// run: timeout=20s

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What the durability settings of a Kafka producer buy, measured. A stand-in producer sends 20,000
 * numbered records to one partition over a network that loses some requests and some responses, and
 * the partition's leader dies halfway through. Each configuration is judged by the log it leaves:
 * records missing, records written twice, and records written after a later one.
 */
public class ProducerSettings {

    // tag::config[]
    /** The producer settings that decide durability (named as in Kafka's ProducerConfig). */
    record ProducerConfig(String acks, boolean enableIdempotence, int maxInFlight,
                          int retries) {

        /** The checks Kafka's producer makes when idempotence is asked for explicitly. */
        List<String> conflicts() {
            List<String> problems = new ArrayList<>();
            if (enableIdempotence && !acks.equals("all")) {
                problems.add("enable.idempotence requires acks=all");
            }
            if (enableIdempotence && maxInFlight > 5) {
                problems.add("enable.idempotence requires "
                        + "max.in.flight.requests.per.connection <= 5");
            }
            if (enableIdempotence && retries == 0) {
                problems.add("enable.idempotence requires retries > 0");
            }
            return problems;
        }
    }
    // end::config[]

    static final int RECORDS = 20_000;
    static final double REQUEST_LOST = 0.005;     // the request never reaches the leader
    static final double RESPONSE_LOST = 0.005;    // the leader wrote it, but the answer is lost
    static final int FOLLOWER_LAG = 50;           // with acks=0/1, followers trail the leader by this many
    static final int MAX_RETRIES = Integer.MAX_VALUE; // Kafka's default; delivery.timeout.ms bounds it
    static final long SEED = 3;

    // tag::config[]
    /** One partition: the leader's log of sequence numbers, and how much followers hold. */
    static class InMemoryPartition {
        final List<Integer> log = new ArrayList<>();
        int replicated;                // followers hold log[0, replicated)
        int nextExpected;              // the idempotent producer's next sequence number

        /** Appends, unless idempotence recognises a duplicate or a gap in the sequence. */
        boolean append(int seq, boolean idempotent) {
            if (idempotent && seq < nextExpected) {
                return true;           // already written: acknowledge, do not append again
            }
            if (idempotent && seq > nextExpected) {
                return false;          // a gap: an earlier record is missing, so reject
            }
            log.add(seq);
            nextExpected = seq + 1;
            return true;
        }

        /** The leader dies; a follower takes over with only what had been replicated. */
        void failOver() {
            log.subList(replicated, log.size()).clear();
            nextExpected = log.isEmpty() ? 0 : log.get(log.size() - 1) + 1;
        }
    }
    // end::config[]

    record Result(int lost, int duplicates, int outOfOrder) {
    }

    // tag::send[]
    static Result send(ProducerConfig config, Random random) {
        InMemoryPartition partition = new InMemoryPartition();
        Deque<Integer> pending = new ArrayDeque<>();
        for (int seq = 0; seq < RECORDS; seq++) {
            pending.add(seq);
        }
        boolean crashed = false;
        boolean waitsForReplicas = config.acks().equals("all");
        while (!pending.isEmpty()) {
            List<Integer> inFlight = new ArrayList<>();
            while (inFlight.size() < config.maxInFlight() && !pending.isEmpty()) {
                inFlight.add(pending.poll());
            }
            boolean crashNow = !crashed && partition.log.size() >= RECORDS / 2;
            List<Integer> retry = new ArrayList<>();
            for (int seq : inFlight) {
                boolean arrived = random.nextDouble() >= REQUEST_LOST;
                boolean written = arrived
                        && partition.append(seq, config.enableIdempotence());
                boolean answered = written && !crashNow
                        && random.nextDouble() >= RESPONSE_LOST;
                if (!answered && !config.acks().equals("0")) {
                    retry.add(seq);                   // a timeout or an error: maybe resend
                }
            }
            if (crashNow) {
                partition.failOver();                 // before this batch reached followers
                crashed = true;
            }
            partition.replicated = waitsForReplicas ? partition.log.size()
                    : Math.max(partition.replicated, partition.log.size() - FOLLOWER_LAG);
            if (config.retries() > 0) {
                for (int i = retry.size() - 1; i >= 0; i--) {
                    pending.addFirst(retry.get(i));   // resent after the rest of the batch
                }
            }
        }
        return judge(partition.log);
    }
    // end::send[]

    static Result judge(List<Integer> log) {
        Set<Integer> seen = new HashSet<>();
        int duplicates = 0, outOfOrder = 0, highest = -1;
        for (int seq : log) {
            if (!seen.add(seq)) {
                duplicates++;
            } else if (seq < highest) {
                outOfOrder++;
            }
            highest = Math.max(highest, seq);
        }
        return new Result(RECORDS - seen.size(), duplicates, outOfOrder);
    }

    record Row(String name, ProducerConfig config) {
    }

    static final List<Row> ROWS = List.of(
            new Row("acks=0 (fire and forget)", new ProducerConfig("0", false, 5, 0)),
            new Row("acks=1, no retries", new ProducerConfig("1", false, 5, 0)),
            new Row("acks=1, retries", new ProducerConfig("1", false, 5, MAX_RETRIES)),
            new Row("acks=all, retries, 5 in flight", new ProducerConfig("all", false, 5, MAX_RETRIES)),
            new Row("acks=all, retries, 1 in flight", new ProducerConfig("all", false, 1, MAX_RETRIES)),
            new Row("acks=all, idempotent, 5 in flight", new ProducerConfig("all", true, 5, MAX_RETRIES)));

    private static Map<String, Result> cached;

    static synchronized Map<String, Result> results() {
        if (cached == null) {
            cached = new LinkedHashMap<>();
            for (Row row : ROWS) {
                cached.put(row.name(), send(row.config(), new Random(SEED)));
            }
        }
        return cached;
    }

    public static void main(String[] args) {
        System.out.printf("%,d records; %.1f%% of requests and %.1f%% of responses lost; the leader fails once%n",
                RECORDS, 100 * REQUEST_LOST, 100 * RESPONSE_LOST);
        System.out.printf("%-36s %6s %11s %13s%n", "configuration", "lost", "duplicated", "out of order");
        results().forEach((name, r) ->
                System.out.printf("%-36s %6d %11d %13d%n", name, r.lost(), r.duplicates(), r.outOfOrder()));
        ProducerConfig contradictory = new ProducerConfig("1", true, 10, 0);
        System.out.println("Asking for idempotence with acks=1, 10 in flight, no retries:");
        contradictory.conflicts().forEach(problem -> System.out.println("  ConfigException: " + problem));
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Configuration", "acks", "Idempotent", "In flight", "Retries", "Lost", "Duplicated",
                "Out of order"));
        for (Row row : ROWS) {
            Result r = results().get(row.name());
            ProducerConfig c = row.config();
            rows.add(List.of(row.name(), c.acks(), c.enableIdempotence() ? "yes" : "no",
                    String.valueOf(c.maxInFlight()), c.retries() == 0 ? "0" : "until delivery.timeout.ms",
                    String.valueOf(r.lost()), String.valueOf(r.duplicates()), String.valueOf(r.outOfOrder())));
        }
        return Map.of("producer-configs", rows);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("producer-records", RECORDS);
        facts.put("request-lost", REQUEST_LOST);
        facts.put("response-lost", RESPONSE_LOST);
        facts.put("follower-lag", FOLLOWER_LAG);
        // the table shows every result; these are the cells the prose quotes
        Result acks0 = result(0), acks1 = result(1), acks1Retries = result(2), all5 = result(3), all1 = result(4),
                idempotent = result(5);
        facts.put("p-acks0-lost", acks0.lost());
        facts.put("p-acks1-no-retries-lost", acks1.lost());
        facts.put("p-acks1-retries-lost", acks1Retries.lost());
        facts.put("p-acks1-retries-duplicates", acks1Retries.duplicates());
        facts.put("p-all-5-lost", all5.lost());
        facts.put("p-all-5-duplicates", all5.duplicates());
        facts.put("p-all-5-out-of-order", all5.outOfOrder());
        facts.put("p-all-1-duplicates", all1.duplicates());
        facts.put("p-all-1-out-of-order", all1.outOfOrder());
        facts.put("p-idempotent-lost", idempotent.lost());
        facts.put("p-idempotent-duplicates", idempotent.duplicates());
        facts.put("p-idempotent-out-of-order", idempotent.outOfOrder());
        return facts;
    }

    static Result result(int row) {
        return results().get(ROWS.get(row).name());
    }
}
