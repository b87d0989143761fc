package sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Back-of-envelope for a Dropbox-like sync service: notification connections, journal writes, upload
 * bandwidth and the p99 sync-latency budget. Every number the page quotes in this section comes from
 * here; the assumptions are the constants below and nothing else.
 */
public class SyncEnvelope {

    // tag::envelope[]
    // Assumptions, stated once.
    static final double REGISTERED_USERS = 500e6;     // the scope
    static final double DEVICES_PER_USER = 2;         // a laptop and a phone, on average
    static final double ONLINE_AT_PEAK = 0.25;        // share of devices connected at the daily peak
    static final double CONNECTIONS_PER_POD = 1e6;    // rule of thumb for a tuned server holding idle connections
    static final double POD_FILL = 0.7;               // headroom: a failed pod's clients reconnect elsewhere
    static final double LONG_POLL_TIMEOUT_S = 60;     // each idle long-poll is renewed this often
    static final double DAILY_ACTIVE_SHARE = 0.2;     // users who change at least one file on a given day
    static final double CHANGES_PER_ACTIVE_USER = 20; // file commits per active user per day
    static final double PEAK_FACTOR = 3;              // peak over average commit rate
    static final double DEVICES_TO_NOTIFY = 3;        // other devices and shared-folder members per commit
    static final double UPLOAD_PER_CHANGE = 500e3;    // bytes sent per commit after dedup and delta
    static final double JOURNAL_ROW_BYTES = 200;      // one journal entry: path, revision, block-list reference
    static final double SECONDS_PER_DAY = 86_400;
    // the latency budget of one change, from save on one device to the file on another
    static final double DEBOUNCE_S = 0.5;             // wait for the writer to finish saving
    static final double SMALL_EDIT_BYTES = 100e3;
    static final double BLOCK_BYTES = 4 * 1024 * 1024;
    static final double HASH_BYTES_PER_S = 500e6;     // SHA-256 on one core
    static final double SENDER_UP_BPS = 10e6;         // the slower client's last-mile upload
    static final double RECEIVER_DOWN_BPS = 100e6;
    static final double CONTROL_RTT_S = 0.1;          // one round trip to the service
    static final double DIAL_UP_BPS = 56e3;
    static final double FIRST_SYNC_BYTES = 500e9;     // a new device joining a large folder
    // end::envelope[]

    // tag::envelope[]

    static double devicesOnlineAtPeak() {
        return REGISTERED_USERS * DEVICES_PER_USER * ONLINE_AT_PEAK;
    }

    static double notifyPods() {
        return Math.ceil(devicesOnlineAtPeak() / (CONNECTIONS_PER_POD * POD_FILL));
    }

    static double longPollRenewalsPerSecond() {
        return devicesOnlineAtPeak() / LONG_POLL_TIMEOUT_S;
    }

    static double commitsPerDay() {
        return REGISTERED_USERS * DAILY_ACTIVE_SHARE * CHANGES_PER_ACTIVE_USER;
    }

    static double peakCommitsPerSecond() {
        return commitsPerDay() / SECONDS_PER_DAY * PEAK_FACTOR;
    }

    static double peakUploadBitsPerSecond() {
        return peakCommitsPerSecond() * UPLOAD_PER_CHANGE * 8;
    }

    /** Save on one device to file on another: debounce, hash, upload, commit, notify, download. */
    static double syncSeconds(double changedBytes) {
        double transfer = changedBytes / HASH_BYTES_PER_S + changedBytes * 8 / SENDER_UP_BPS
                + changedBytes * 8 / RECEIVER_DOWN_BPS;
        double control = CONTROL_RTT_S /* commit */ + CONTROL_RTT_S / 2 /* notify */ + CONTROL_RTT_S /* list */;
        return DEBOUNCE_S + transfer + control;
    }
    // end::envelope[]

    public static void main(String[] args) {
        System.out.printf("Devices online at peak  %,.0f (%,.0f users x %.0f devices x %.0f%%)%n",
                devicesOnlineAtPeak(), REGISTERED_USERS, DEVICES_PER_USER, 100 * ONLINE_AT_PEAK);
        System.out.printf("Notify pods             %,.0f at %,.0f connections each, filled to %.0f%%%n", notifyPods(),
                CONNECTIONS_PER_POD, 100 * POD_FILL);
        System.out.printf("Long-poll renewals      %,.0f per second with nothing changing%n", longPollRenewalsPerSecond());
        System.out.printf("Commits                 %,.0f a day, %,.0f per second at peak%n", commitsPerDay(), peakCommitsPerSecond());
        System.out.printf("Notifications at peak   %,.0f per second%n", peakCommitsPerSecond() * DEVICES_TO_NOTIFY);
        System.out.printf("Journal growth          %,.0f GB a day%n", commitsPerDay() * JOURNAL_ROW_BYTES / 1e9);
        System.out.printf("Upload at peak          %,.0f Gbps%n", peakUploadBitsPerSecond() / 1e9);
        System.out.printf("Sync latency            %.2f s for a 100 KB edit, %.2f s for one 4 MiB block%n",
                syncSeconds(SMALL_EDIT_BYTES), syncSeconds(BLOCK_BYTES));
        System.out.printf("On dial-up              %,.0f s to upload one 4 MiB block%n", BLOCK_BYTES * 8 / DIAL_UP_BPS);
        System.out.printf("First sync of 500 GB    %.1f hours at %.0f Mbps%n", FIRST_SYNC_BYTES * 8 / RECEIVER_DOWN_BPS / 3_600,
                RECEIVER_DOWN_BPS / 1e6);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Stage", "100 KB edit", "One 4 MiB block"));
        String[] names = {"Debounce the save", "Hash the changed bytes", "Upload on the sender's last mile",
                "Commit the block list", "Notify the other device", "Fetch the new block list",
                "Download on the receiver's line"};
        for (int i = 0; i < names.length; i++) {
            rows.add(List.of(names[i], ms(stage(i, SMALL_EDIT_BYTES)), ms(stage(i, BLOCK_BYTES))));
        }
        rows.add(List.of("Total", ms(syncSeconds(SMALL_EDIT_BYTES)), ms(syncSeconds(BLOCK_BYTES))));
        return Map.of("latency-budget", Map.of("rows", rows, "derived", List.of("100 KB edit", "One 4 MiB block")));
    }

    static double stage(int i, double bytes) {
        return switch (i) {
            case 0 -> DEBOUNCE_S;
            case 1 -> bytes / HASH_BYTES_PER_S;
            case 2 -> bytes * 8 / SENDER_UP_BPS;
            case 3, 5 -> CONTROL_RTT_S;
            case 4 -> CONTROL_RTT_S / 2;
            case 6 -> bytes * 8 / RECEIVER_DOWN_BPS;
            default -> throw new IllegalArgumentException();
        };
    }

    static String ms(double seconds) {
        return String.format("%,.0f ms", seconds * 1_000);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("users", REGISTERED_USERS);
        f.put("devices-per-user", DEVICES_PER_USER);
        f.put("online-at-peak", ONLINE_AT_PEAK);
        f.put("connections-per-pod", CONNECTIONS_PER_POD);
        f.put("pod-fill", POD_FILL);
        f.put("long-poll-timeout-s", LONG_POLL_TIMEOUT_S);
        f.put("daily-active-share", DAILY_ACTIVE_SHARE);
        f.put("changes-per-active-user", CHANGES_PER_ACTIVE_USER);
        f.put("peak-factor", PEAK_FACTOR);
        f.put("devices-to-notify", DEVICES_TO_NOTIFY);
        f.put("upload-per-change-kb", UPLOAD_PER_CHANGE / 1e3);
        f.put("journal-row-bytes", JOURNAL_ROW_BYTES);
        f.put("debounce-ms", DEBOUNCE_S * 1_000);
        f.put("hash-mb-per-s", HASH_BYTES_PER_S / 1e6);
        f.put("sender-up-mbps", SENDER_UP_BPS / 1e6);
        f.put("receiver-down-mbps", RECEIVER_DOWN_BPS / 1e6);
        f.put("control-rtt-ms", CONTROL_RTT_S * 1_000);
        f.put("devices-online", devicesOnlineAtPeak());
        f.put("pods-naive", REGISTERED_USERS / CONNECTIONS_PER_POD);
        f.put("pods-at-full-fill", Math.ceil(devicesOnlineAtPeak() / CONNECTIONS_PER_POD));
        f.put("pods", notifyPods());
        f.put("clients-per-pod", devicesOnlineAtPeak() / notifyPods());
        f.put("renewals-per-s", longPollRenewalsPerSecond());
        f.put("renewals-per-s-5min", devicesOnlineAtPeak() / 300);
        f.put("commits-per-day", commitsPerDay());
        f.put("peak-commits-per-s", peakCommitsPerSecond());
        f.put("peak-notifications-per-s", peakCommitsPerSecond() * DEVICES_TO_NOTIFY);
        f.put("journal-gb-per-day", commitsPerDay() * JOURNAL_ROW_BYTES / 1e9);
        f.put("journal-tb-per-year", commitsPerDay() * JOURNAL_ROW_BYTES * 365 / 1e12);
        f.put("peak-upload-gbps", peakUploadBitsPerSecond() / 1e9);
        f.put("small-edit-s", syncSeconds(SMALL_EDIT_BYTES));
        f.put("block-s", syncSeconds(BLOCK_BYTES));
        f.put("block-upload-s", BLOCK_BYTES * 8 / SENDER_UP_BPS);
        f.put("dial-up-block-min", BLOCK_BYTES * 8 / DIAL_UP_BPS / 60);
        f.put("dial-up-small-edit-s", SMALL_EDIT_BYTES * 8 / DIAL_UP_BPS);
        f.put("first-sync-hours", FIRST_SYNC_BYTES * 8 / RECEIVER_DOWN_BPS / 3_600);
        return f;
    }
}
