package chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routing a chat message to the gateway that holds the recipient's connection. A session registry maps
 * user to gateway with a TTL refreshed by heartbeats; each chat has a server-side sequence counter and
 * a durable log; recipients who cannot be reached get an offline queue entry and a push notification.
 * Time is a logical clock in seconds, so the run is the same every time.
 */
public class MessageRouting {

    static final int REGISTRY_TTL_SECONDS = 30;   // an entry lives this long after the last heartbeat
    static final int HEARTBEAT_SECONDS = 10;

    // tag::routing[]
    /** Stand-in for Redis: SET user gateway EX ttl, GET user, INCR counter. */
    static final class InMemoryRedis {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, Integer> expiresAt = new HashMap<>();
        private final Map<String, Long> counters = new HashMap<>();

        void setWithTtl(String key, String value, int now, int ttl) {
            values.put(key, value);
            expiresAt.put(key, now + ttl);
        }

        String get(String key, int now) {
            Integer expiry = expiresAt.get(key);
            return expiry != null && expiry > now ? values.get(key) : null;
        }

        void delete(String key) {
            values.remove(key);
            expiresAt.remove(key);
        }

        long incr(String key) {
            return counters.merge(key, 1L, Long::sum);
        }
    }

    record Message(String chat, String from, long seq, String body) {
    }

    /** A gateway holds live connections; delivery fails if the user is not (or no longer) connected here. */
    static final class Gateway {
        final Set<String> connected = new HashSet<>();
    }

    static final class ChatService {
        final InMemoryRedis redis = new InMemoryRedis();
        final Map<String, Gateway> gateways = new HashMap<>();
        final Map<String, List<String>> members = new HashMap<>();
        final Map<String, List<Message>> chatLog = new HashMap<>();       // durable, per chat
        final Map<String, List<Message>> offlineQueue = new HashMap<>();  // per recipient
        final Map<String, List<Message>> phones = new HashMap<>();        // what each device has received
        final List<String> events = new ArrayList<>();

        boolean deliver(String gatewayId, String user, Message m) {
            if (!gateways.get(gatewayId).connected.contains(user)) {
                return false;
            }
            phones.computeIfAbsent(user, u -> new ArrayList<>()).add(m);
            return true;
        }

        void connect(String user, String gatewayId, int now) {
            gateways.get(gatewayId).connected.add(user);
            redis.setWithTtl("session:" + user, gatewayId, now, REGISTRY_TTL_SECONDS);
            List<Message> waiting = offlineQueue.getOrDefault(user, new ArrayList<>());   // FIFO: each chat stays in order
            for (Message m : waiting) {
                deliver(gatewayId, user, m);
                events.add(String.format("t=%2d  %s connects to %s; drains %s#%d \"%s\"", now, user, gatewayId,
                        m.chat(), m.seq(), m.body()));
            }
            if (waiting.isEmpty()) {
                events.add(String.format("t=%2d  %s connects to %s", now, user, gatewayId));
            }
            offlineQueue.remove(user);
        }

        void heartbeat(String user, String gatewayId, int now) {
            redis.setWithTtl("session:" + user, gatewayId, now, REGISTRY_TTL_SECONDS);
        }

        /** The phone loses its connection without saying goodbye: the registry entry lingers until its TTL. */
        void dropSilently(String user, String gatewayId) {
            gateways.get(gatewayId).connected.remove(user);
        }

        void send(String from, String chat, String body, int now) {
            long seq = redis.incr("seq:" + chat);                        // the server orders the chat
            Message m = new Message(chat, from, seq, body);
            chatLog.computeIfAbsent(chat, c -> new ArrayList<>()).add(m); // durable before any delivery
            for (String user : members.get(chat)) {
                if (user.equals(from)) {
                    continue;
                }
                String gatewayId = redis.get("session:" + user, now);
                String outcome;
                if (gatewayId != null && deliver(gatewayId, user, m)) {
                    outcome = "delivered via " + gatewayId;
                } else {
                    offlineQueue.computeIfAbsent(user, u -> new ArrayList<>()).add(m);
                    outcome = gatewayId == null ? "no session: offline queue + push"
                            : "stale session on " + gatewayId + ": offline queue + push";
                    if (gatewayId != null) {
                        redis.delete("session:" + user);                 // the gateway said "not here"
                    }
                }
                events.add(String.format("t=%2d  %s#%d %s -> %s: %s", now, chat, seq, from, user, outcome));
            }
        }
    }
    // end::routing[]

    static ChatService scenario() {
        ChatService s = new ChatService();
        for (String g : List.of("gw-1", "gw-2", "gw-3")) {
            s.gateways.put(g, new Gateway());
        }
        s.members.put("alice-bob", List.of("alice", "bob"));
        s.members.put("trio", List.of("alice", "bob", "carol"));
        s.connect("alice", "gw-1", 0);
        s.connect("bob", "gw-2", 0);
        s.connect("carol", "gw-1", 0);
        s.send("alice", "alice-bob", "lunch?", 5);
        s.send("alice", "trio", "plan for saturday", 6);
        s.heartbeat("bob", "gw-2", HEARTBEAT_SECONDS);
        s.dropSilently("bob", "gw-2");                  // bob's train enters a tunnel at t=12
        for (int t = HEARTBEAT_SECONDS; t <= 70; t += HEARTBEAT_SECONDS) {
            s.heartbeat("alice", "gw-1", t);
            s.heartbeat("carol", "gw-1", t);
        }
        s.send("carol", "trio", "I'm in", 20);           // registry still says gw-2
        s.send("alice", "alice-bob", "still there?", 45);
        s.send("alice", "trio", "bob?", 50);
        s.connect("bob", "gw-3", 60);                    // out of the tunnel, on another gateway
        s.send("alice", "alice-bob", "there you are", 61);
        return s;
    }

    public static void main(String[] args) {
        ChatService s = scenario();
        s.events.forEach(System.out::println);
        System.out.println("bob's phone, in arrival order:");
        for (Message m : s.phones.get("bob")) {
            System.out.printf("  %s#%d from %s: \"%s\"%n", m.chat(), m.seq(), m.from(), m.body());
        }
    }

    public static Map<String, Object> facts() {
        ChatService s = scenario();
        long offline = s.events.stream().filter(e -> e.contains("offline queue")).count();
        return Map.of("registry-ttl-seconds", REGISTRY_TTL_SECONDS, "heartbeat-seconds", HEARTBEAT_SECONDS,
                "routing-offline-deliveries", offline, "routing-bob-received", s.phones.get("bob").size(),
                "routing-messages-to-bob", s.chatLog.values().stream().flatMap(List::stream)
                        .filter(m -> !m.from().equals("bob")).count());
    }
}
