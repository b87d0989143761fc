package chat;

import java.util.LinkedHashMap;
import java.util.Map;

/** The chat system's back-of-envelope: every figure on the page derived from the assumptions at the top. */
public class ChatEstimate {

    // tag::estimate[]
    // Assumptions, stated once. Rules of thumb are marked as such.
    static final double USERS = 2e9;
    static final double MESSAGES_PER_DAY = 100e9;
    static final double PEAK_MESSAGES_PER_SECOND = 3e6;       // the usual statement's peak
    static final double CONCURRENT_ONLINE = 1e9;
    static final double CONNECTIONS_PER_GATEWAY = 1e6;        // rule of thumb for a tuned server holding idle connections
    static final double GATEWAY_RAM_BYTES = 32e9;
    static final int ZONES = 3;                               // survive losing one
    static final double MESSAGE_BYTES = 200;                  // text plus envelope
    static final double REGISTRY_ENTRY_BYTES = 50;            // user ID, gateway ID, expiry
    static final double GROUP_MESSAGE_SHARE = 0.2;            // assumption: most messages are one-to-one
    static final double GROUP_SIZE = 10;                      // average members of a group, sender included
    static final double RECEIPTS_PER_DELIVERY = 2;            // "delivered" and "read" travel back
    static final double OFFLINE_SHARE = 0.2;                  // deliveries that find the recipient offline (assumption)
    static final double OFFLINE_WAIT_SECONDS = 2 * 3600;      // how long those wait on average (assumption)
    static final double QUOTED_RECIPIENTS = 10;               // the usual statement's "10 recipients" per message
    static final double SECONDS_PER_DAY = 86_400;

    static double averageMessagesPerSecond() {
        return MESSAGES_PER_DAY / SECONDS_PER_DAY;
    }

    /** Recipients per message: one for a one-to-one chat, everyone but the sender in a group. */
    static double recipientsPerMessage() {
        return (1 - GROUP_MESSAGE_SHARE) * 1 + GROUP_MESSAGE_SHARE * (GROUP_SIZE - 1);
    }

    /** Smallest gateway fleet, spread over the zones, that still holds every connection after losing one zone. */
    static int gatewaysSurvivingZoneLoss() {
        double needed = CONCURRENT_ONLINE / CONNECTIONS_PER_GATEWAY;
        int n = (int) Math.ceil(needed);
        while (n - Math.ceil((double) n / ZONES) < needed) {
            n++;
        }
        return n;
    }

    public static void main(String[] args) {
        double avg = averageMessagesPerSecond();
        double deliveries = PEAK_MESSAGES_PER_SECOND * recipientsPerMessage();
        System.out.printf("Messages          %,.0f/s average; the %,.0f/s peak is %.2fx that%n", avg,
                PEAK_MESSAGES_PER_SECOND, PEAK_MESSAGES_PER_SECOND / avg);
        System.out.printf("Gateways          %,.0f for the connections, %,d to survive losing 1 of %d zones%n",
                CONCURRENT_ONLINE / CONNECTIONS_PER_GATEWAY, gatewaysSurvivingZoneLoss(), ZONES);
        System.out.printf("Per connection    %,.0f KB of gateway memory%n", GATEWAY_RAM_BYTES / CONNECTIONS_PER_GATEWAY / 1e3);
        System.out.printf("Message bytes     %.0f TB a day if kept%n", MESSAGES_PER_DAY * MESSAGE_BYTES / 1e12);
        System.out.printf("Offline queue     %,.0f GB waiting at any time%n",
                avg * recipientsPerMessage() * OFFLINE_SHARE * OFFLINE_WAIT_SECONDS * MESSAGE_BYTES / 1e9);
        System.out.printf("Session registry  %,.0f GB for every user, %,.0f GB for those online%n",
                USERS * REGISTRY_ENTRY_BYTES / 1e9, CONCURRENT_ONLINE * REGISTRY_ENTRY_BYTES / 1e9);
        System.out.printf("Recipients        %.1f per message blended (vs %.0f assumed for every message)%n",
                recipientsPerMessage(), QUOTED_RECIPIENTS);
        System.out.printf("Router hops       %,.0f/s deliveries at peak, %,.0f/s with receipts%n", deliveries,
                deliveries * (1 + RECEIPTS_PER_DELIVERY));
        System.out.printf("Per gateway       %,.0f deliveries/s at peak%n", deliveries / gatewaysSurvivingZoneLoss());
    }
    // end::estimate[]

    public static Map<String, Object> facts() {
        double avg = averageMessagesPerSecond();
        double deliveries = PEAK_MESSAGES_PER_SECOND * recipientsPerMessage();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("users", USERS);
        f.put("messages-per-day", MESSAGES_PER_DAY);
        f.put("peak-messages", PEAK_MESSAGES_PER_SECOND);
        f.put("online", CONCURRENT_ONLINE);
        f.put("connections-per-gateway", CONNECTIONS_PER_GATEWAY);
        f.put("gateway-ram-bytes", GATEWAY_RAM_BYTES);
        f.put("zones", ZONES);
        f.put("message-bytes", MESSAGE_BYTES);
        f.put("registry-entry-bytes", REGISTRY_ENTRY_BYTES);
        f.put("group-share", GROUP_MESSAGE_SHARE);
        f.put("group-size", GROUP_SIZE);
        f.put("receipts-per-delivery", RECEIPTS_PER_DELIVERY);
        f.put("offline-share", OFFLINE_SHARE);
        f.put("offline-wait-hours", OFFLINE_WAIT_SECONDS / 3600);
        f.put("source-recipients", QUOTED_RECIPIENTS);
        f.put("average-messages", avg);
        f.put("implied-peak-factor", PEAK_MESSAGES_PER_SECOND / avg);
        f.put("gateways", CONCURRENT_ONLINE / CONNECTIONS_PER_GATEWAY);
        f.put("gateways-zone-loss", gatewaysSurvivingZoneLoss());
        f.put("bytes-per-connection", GATEWAY_RAM_BYTES / CONNECTIONS_PER_GATEWAY);
        f.put("message-bytes-per-day", MESSAGES_PER_DAY * MESSAGE_BYTES);
        f.put("offline-queue-bytes", avg * recipientsPerMessage() * OFFLINE_SHARE * OFFLINE_WAIT_SECONDS * MESSAGE_BYTES);
        f.put("registry-all-bytes", USERS * REGISTRY_ENTRY_BYTES);
        f.put("registry-online-bytes", CONCURRENT_ONLINE * REGISTRY_ENTRY_BYTES);
        f.put("recipients-blended", recipientsPerMessage());
        f.put("source-hops", PEAK_MESSAGES_PER_SECOND * QUOTED_RECIPIENTS);
        f.put("peak-deliveries", deliveries);
        f.put("peak-hops-with-receipts", deliveries * (1 + RECEIPTS_PER_DELIVERY));
        f.put("deliveries-per-gateway", deliveries / gatewaysSurvivingZoneLoss());
        f.put("peak-ingress-bytes", PEAK_MESSAGES_PER_SECOND * MESSAGE_BYTES);
        return f;
    }
}
