package dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back-of-envelope for ride dispatch: location updates, their bandwidth, the dispatcher fleet and
 * the ride rate, each next to the figure commonly quoted for it.
 */
public class DispatchEnvelope {

    // Assumptions, stated once.
    static final long REGISTERED_DRIVERS = 5_000_000;
    static final double ONLINE_AT_PEAK = 0.20;          // share of drivers online in the busiest hour (assumed)
    static final double PING_INTERVAL_S = 4;
    static final double BYTES_PER_UPDATE = 50;          // id, lat/lng, heading, speed, status, timestamp
    static final double DRIVER_STATE_BYTES = 200;       // what a dispatcher keeps per online driver
    static final long DRIVERS_PER_POD = 10_000;
    static final long RIDES_PER_DAY = 15_000_000;
    static final double PEAK_FACTOR = 3;                // busiest hour over the daily average (Module 1 default)
    static final double QUOTED_UPDATES_PER_S = 1_000_000;
    static final double QUOTED_DISPATCH_PER_S = 10_000;
    static final int SECONDS_PER_DAY = 86_400;

    // tag::envelope[]
    record Envelope(double onlineDrivers, double updatesIfAllPing, double updatesPerS,
                    double driversForQuotedRate, double bytesPerS, double bytesPerDay,
                    double podsForAll, double podsForOnline, double updatesPerPodPerS,
                    double stateBytes, double ridesPerS, double peakRidesPerS,
                    double quotedOverAverage, double quotedOverPeak,
                    double ridesPerOnlineDriverHour) {
    }

    static Envelope estimate() {
        double online = REGISTERED_DRIVERS * ONLINE_AT_PEAK;
        double updates = online / PING_INTERVAL_S;
        double rides = (double) RIDES_PER_DAY / SECONDS_PER_DAY;
        double peakRides = rides * PEAK_FACTOR;
        return new Envelope(
                online,
                REGISTERED_DRIVERS / PING_INTERVAL_S,
                updates,
                QUOTED_UPDATES_PER_S * PING_INTERVAL_S,      // drivers online for the quoted 1M/s
                updates * BYTES_PER_UPDATE,
                updates * BYTES_PER_UPDATE * SECONDS_PER_DAY,
                (double) REGISTERED_DRIVERS / DRIVERS_PER_POD,
                online / DRIVERS_PER_POD,
                DRIVERS_PER_POD / PING_INTERVAL_S,
                online * DRIVER_STATE_BYTES,
                rides,
                peakRides,
                QUOTED_DISPATCH_PER_S / rides,
                QUOTED_DISPATCH_PER_S / peakRides,
                peakRides * 3_600 / online);
    }
    // end::envelope[]

    public static void main(String[] args) {
        Envelope e = estimate();
        System.out.printf("Online at peak        %,12.0f drivers (%.0f%% of %,d)%n", e.onlineDrivers(), ONLINE_AT_PEAK * 100,
                REGISTERED_DRIVERS);
        System.out.printf("Location updates      %,12.0f /s   (%,.0f /s if every registered driver pinged)%n",
                e.updatesPerS(), e.updatesIfAllPing());
        System.out.printf("  the quoted 1M/s needs %,.0f drivers online at once%n", e.driversForQuotedRate());
        System.out.printf("Update bandwidth      %12.1f MB/s  (%.2f TB a day if kept)%n", e.bytesPerS() / 1e6,
                e.bytesPerDay() / 1e12);
        System.out.printf("Dispatcher pods       %,12.0f for online drivers (%,.0f for every registered one)%n",
                e.podsForOnline(), e.podsForAll());
        System.out.printf("  each pod absorbs    %,12.0f updates/s; all driver state fits in %.0f MB%n",
                e.updatesPerPodPerS(), e.stateBytes() / 1e6);
        System.out.printf("Rides                 %,12.1f /s average, %,.0f /s at peak%n", e.ridesPerS(), e.peakRidesPerS());
        System.out.printf("  the quoted 10k decisions/s is %.1fx the average and %.1fx the peak ride rate%n",
                e.quotedOverAverage(), e.quotedOverPeak());
        System.out.printf("  at peak each online driver starts %.1f rides an hour%n", e.ridesPerOnlineDriverHour());
    }

    public static Map<String, Object> facts() {
        Envelope e = estimate();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("registered-drivers", REGISTERED_DRIVERS);
        f.put("online-share", ONLINE_AT_PEAK);
        f.put("registered-over-online", 1 / ONLINE_AT_PEAK);
        f.put("ping-interval-s", PING_INTERVAL_S);
        f.put("bytes-per-update", BYTES_PER_UPDATE);
        f.put("driver-state-bytes", DRIVER_STATE_BYTES);
        f.put("drivers-per-pod", DRIVERS_PER_POD);
        f.put("rides-per-day", RIDES_PER_DAY);
        f.put("peak-factor", PEAK_FACTOR);
        f.put("quoted-updates-per-s", QUOTED_UPDATES_PER_S);
        f.put("quoted-dispatch-per-s", QUOTED_DISPATCH_PER_S);
        f.put("online-drivers", e.onlineDrivers());
        f.put("updates-if-all-ping", e.updatesIfAllPing());
        f.put("updates-per-s", e.updatesPerS());
        f.put("drivers-for-quoted-rate", e.driversForQuotedRate());
        f.put("quoted-online-share", e.driversForQuotedRate() / REGISTERED_DRIVERS);
        f.put("quoted-bytes-per-s", QUOTED_UPDATES_PER_S * BYTES_PER_UPDATE);
        f.put("bytes-per-s", e.bytesPerS());
        f.put("bytes-per-day", e.bytesPerDay());
        f.put("pods-for-all", e.podsForAll());
        f.put("pods-for-online", e.podsForOnline());
        f.put("updates-per-pod", e.updatesPerPodPerS());
        f.put("state-bytes", e.stateBytes());
        f.put("rides-per-s", e.ridesPerS());
        f.put("peak-rides-per-s", e.peakRidesPerS());
        f.put("quoted-over-average", e.quotedOverAverage());
        f.put("quoted-over-peak", e.quotedOverPeak());
        f.put("rides-per-driver-hour", e.ridesPerOnlineDriverHour());
        return f;
    }

    public static Map<String, Object> tables() {
        Envelope e = estimate();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Quantity", "Commonly quoted", "Recomputed here", "Why they differ"));
        rows.add(List.of("Location updates per second", "1M/s", String.format("%,.0f/s", e.updatesPerS()),
                String.format("1M/s needs %,.0f drivers online at once; all %,d pinging would be %,.0f/s",
                        e.driversForQuotedRate(), REGISTERED_DRIVERS, e.updatesIfAllPing())));
        rows.add(List.of("Update bandwidth", "50 MB/s", String.format("%.1f MB/s", e.bytesPerS() / 1e6),
                "same 50 bytes per update, fewer updates"));
        rows.add(List.of("Dispatcher pods", "500", String.format("%,.0f", e.podsForOnline()),
                "pods hold online drivers, not registered ones"));
        rows.add(List.of("Rides per second", "10k decisions/s at peak", String.format("%,.0f/s at peak", e.peakRidesPerS()),
                String.format("10k/s is %.1fx the peak ride rate: it must count more than rides", e.quotedOverPeak())));
        return Map.of("checks", Map.of("rows", rows, "derived", List.of("Recomputed here")));
    }
}
