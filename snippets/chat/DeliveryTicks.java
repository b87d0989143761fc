package chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ticks on a sent message: sending (no server ack), sent (persisted), delivered (the recipient's
 * device has it), read (the recipient opened the chat). The server keeps two watermarks per participant,
 * the highest sequence number delivered and read; an acknowledgement can only raise a watermark, so a
 * repeated or late one changes nothing and notifies no one.
 */
public class DeliveryTicks {

    // tag::ticks[]
    enum Tick { SENDING, SENT, DELIVERED, READ }

    /** Server side, per chat: watermarks per participant, and who should hear about a change. */
    static final class ReceiptTracker {
        final Map<String, Long> delivered = new HashMap<>();
        final Map<String, Long> read = new HashMap<>();
        final Map<String, Boolean> sendsReadReceipts = new HashMap<>();
        int notificationsSent, acksIgnored, readReceiptsSuppressed;

        /** Returns the receipt to send to the other side, or null when the ack changed nothing. */
        String ack(String user, Tick kind, long seq) {
            Map<String, Long> watermark = kind == Tick.READ ? read : delivered;
            long before = watermark.getOrDefault(user, 0L);
            if (seq <= before) {
                acksIgnored++;                      // a re-download or a late ack: idempotent
                return null;
            }
            watermark.put(user, seq);
            if (kind == Tick.READ) {
                delivered.merge(user, seq, Math::max);  // reading implies delivery
                if (!sendsReadReceipts.getOrDefault(user, true)) {
                    readReceiptsSuppressed++;       // still tracked for the unread badge, never sent
                    return null;
                }
            }
            notificationsSent++;
            return kind + " up to " + seq;
        }
    }

    /** Sender's phone: ticks only move forward, whatever order the receipts arrive in. */
    static final class SenderPhone {
        final TreeMap<Long, Tick> ticks = new TreeMap<>();

        void receipt(Tick kind, long upTo) {
            ticks.headMap(upTo, true).replaceAll((seq, t) -> t.compareTo(kind) < 0 ? kind : t);
        }
    }
    // end::ticks[]

    static String show(SenderPhone phone) {
        List<String> parts = new ArrayList<>();
        phone.ticks.forEach((seq, t) -> parts.add(seq + ":" + t));
        return String.join(" ", parts);
    }

    record Outcome(ReceiptTracker server, SenderPhone alice, List<String> log) {
    }

    static Outcome scenario() {
        ReceiptTracker server = new ReceiptTracker();
        SenderPhone alice = new SenderPhone();
        List<String> log = new ArrayList<>();
        for (long seq = 1; seq <= 3; seq++) {
            alice.ticks.put(seq, Tick.SENDING);
        }
        log.add("alice types 3 messages, offline      " + show(alice));
        for (long seq = 1; seq <= 3; seq++) {
            alice.ticks.put(seq, Tick.SENT);        // the server persisted them and assigned 1..3
        }
        log.add("server persists them                  " + show(alice));
        Object[][] acks = {
                {"bob's phone receives 1-2, acks", Tick.DELIVERED, 2L},
                {"bob reconnects, re-downloads, re-acks", Tick.DELIVERED, 2L},
                {"bob's phone receives 3, acks", Tick.DELIVERED, 3L},
                {"bob opens the chat", Tick.READ, 3L},
                {"a delayed 'delivered 2' arrives late", Tick.DELIVERED, 2L}};
        for (Object[] a : acks) {
            String receipt = server.ack("bob", (Tick) a[1], (Long) a[2]);
            if (receipt != null) {
                alice.receipt((Tick) a[1], (Long) a[2]);
            }
            log.add(String.format("%-37s %s%s", a[0], show(alice), receipt == null ? "   (no receipt sent)" : ""));
        }
        server.sendsReadReceipts.put("bob", false);
        alice.ticks.put(4L, Tick.SENT);
        String d = server.ack("bob", Tick.DELIVERED, 4);
        if (d != null) {
            alice.receipt(Tick.DELIVERED, 4);
        }
        String r = server.ack("bob", Tick.READ, 4);
        if (r != null) {
            alice.receipt(Tick.READ, 4);
        }
        log.add(String.format("%-37s %s", "bob turns off read receipts; 4 read", show(alice)));
        return new Outcome(server, alice, log);
    }

    public static void main(String[] args) {
        Outcome o = scenario();
        o.log().forEach(System.out::println);
        System.out.printf("receipts sent %d, acks ignored %d, read receipts suppressed %d; bob's read watermark %d%n",
                o.server().notificationsSent, o.server().acksIgnored, o.server().readReceiptsSuppressed,
                o.server().read.get("bob"));
    }

    public static Map<String, Object> facts() {
        Outcome o = scenario();
        return Map.of(
                "receipts-sent", o.server().notificationsSent,
                "acks-ignored", o.server().acksIgnored,
                "read-receipts-suppressed", o.server().readReceiptsSuppressed);
    }
}
