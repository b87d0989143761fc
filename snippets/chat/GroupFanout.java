package chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of one group message under end-to-end encryption. Pairwise: the sender encrypts and uploads a
 * copy per member. Sender keys: the sender gives each member a group key once (pairwise), then encrypts
 * and uploads each message once; the server fans the single ciphertext out. The key is replaced every so
 * many messages and whenever membership changes.
 */
public class GroupFanout {

    static final double MESSAGE_BYTES = 5_000;             // one ciphertext (the common write-up's 5 KB)
    static final double KEY_MESSAGE_BYTES = 150;           // a sender-key distribution message (assumption)
    static final double MESSAGES_PER_KEY = 100;            // messages sent under one sender key (assumption)
    static final double UPLINK_BITS_PER_SECOND = 1e6;      // a poor cellular uplink (rule of thumb)
    static final int[] GROUP_SIZES = {2, 10, 100, 500, 1024};

    // tag::cost[]
    record Cost(double encryptions, double uploadBytes, double serverDeliveries) {
    }

    /** Pairwise: one encryption and one upload per other member. */
    static Cost pairwise(int members) {
        int others = members - 1;
        return new Cost(others, others * MESSAGE_BYTES, others);
    }

    /** Sender keys, with the key distribution spread over the messages sent under one key. */
    static Cost senderKeys(int members, double messagesUnderThisKey) {
        int others = members - 1;
        double keyShare = others / messagesUnderThisKey;           // pairwise key messages, amortised
        return new Cost(1 + keyShare, MESSAGE_BYTES + keyShare * KEY_MESSAGE_BYTES, others + keyShare);
    }

    static double uploadSeconds(Cost c) {
        return c.uploadBytes() * 8 / UPLINK_BITS_PER_SECOND;
    }
    // end::cost[]

    public static void main(String[] args) {
        System.out.printf("Upload per message, KB, and the pairwise upload time at %.0f Mbit/s:%n", UPLINK_BITS_PER_SECOND / 1e6);
        System.out.println("members  pairwise  sender keys  after a change  deliveries  pairwise time");
        for (int n : GROUP_SIZES) {
            Cost p = pairwise(n), s = senderKeys(n, MESSAGES_PER_KEY), change = senderKeys(n, 1);
            System.out.printf("%7d %9.0f %12.1f %15.1f %11.0f %12.2f s%n", n, p.uploadBytes() / 1e3,
                    s.uploadBytes() / 1e3, change.uploadBytes() / 1e3, p.serverDeliveries(), uploadSeconds(p));
        }
    }

    public static Map<String, Object> facts() {
        Cost p500 = pairwise(500), s500 = senderKeys(500, MESSAGES_PER_KEY), change500 = senderKeys(500, 1);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("group-message-bytes", MESSAGE_BYTES);
        f.put("key-message-bytes", KEY_MESSAGE_BYTES);
        f.put("messages-per-key", MESSAGES_PER_KEY);
        f.put("uplink-bps", UPLINK_BITS_PER_SECOND);
        f.put("pairwise-500-bytes", p500.uploadBytes());
        f.put("pairwise-500-encryptions", p500.encryptions());
        f.put("pairwise-500-seconds", uploadSeconds(p500));
        f.put("sender-keys-500-bytes", s500.uploadBytes());
        f.put("sender-keys-500-seconds", uploadSeconds(s500));
        f.put("sender-keys-500-change-bytes", change500.uploadBytes());
        f.put("saving-500", p500.uploadBytes() / s500.uploadBytes());
        f.put("deliveries-500", p500.serverDeliveries());
        f.put("pairwise-1024-bytes", pairwise(1024).uploadBytes());
        f.put("pairwise-1024-seconds", uploadSeconds(pairwise(1024)));
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> pairwise = new ArrayList<>();
        List<List<Double>> amortised = new ArrayList<>();
        List<List<Double>> afterChange = new ArrayList<>();
        for (int n = 2; n <= 1024; n = n < 16 ? n + 2 : (int) Math.round(n * 1.25)) {
            pairwise.add(List.of((double) n, pairwise(n).uploadBytes()));
            amortised.add(List.of((double) n, (double) Math.round(senderKeys(n, MESSAGES_PER_KEY).uploadBytes())));
            afterChange.add(List.of((double) n, senderKeys(n, 1).uploadBytes()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 80, "right", 30, "top", 50, "bottom", 50));
        option.put("xAxis", Map.of("type", "log", "name", "group members (log scale)", "nameLocation", "middle", "nameGap", 30,
                "min", 2, "max", 1024));
        option.put("yAxis", Map.of("type", "log", "name", "bytes the sender uploads per message (log)"));
        option.put("series", List.of(
                Map.of("type", "line", "name", "pairwise: a copy per member", "showSymbol", false, "data", pairwise),
                Map.of("type", "line", "name", "sender keys, first message after a membership change", "showSymbol", false,
                        "data", afterChange),
                Map.of("type", "line", "name", "sender keys, key cost spread over " + (int) MESSAGES_PER_KEY + " messages",
                        "showSymbol", false, "data", amortised)));
        return Map.of("group-upload", option);
    }
}
