package foundations;

/**
 * How fast can a round trip be? Light in fibre covers about 200 km per millisecond, and cables do not
 * follow great circles. The floor this computes is physics; the figures people quote are measurements.
 */
public class LightFloor {

    record City(String name, double lat, double lon) {
    }

    static final double EARTH_RADIUS_KM = 6_371.0;
    static final double LIGHT_VACUUM_KM_PER_MS = 299.792458;
    static final double FIBRE_REFRACTIVE_INDEX = 1.468; // typical single-mode fibre

    static final City SAN_FRANCISCO = new City("San Francisco", 37.7749, -122.4194);
    static final City NEW_YORK = new City("New York", 40.7128, -74.0060);
    static final City AMSTERDAM = new City("Amsterdam", 52.3676, 4.9041);

    /** Great-circle distance by the haversine formula. */
    static double distanceKm(City a, City b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    static double fibreRoundTripMs(City a, City b) {
        double fibreKmPerMs = LIGHT_VACUUM_KM_PER_MS / FIBRE_REFRACTIVE_INDEX;
        return 2 * distanceKm(a, b) / fibreKmPerMs;
    }

    public static void main(String[] args) {
        for (City[] pair : new City[][]{{SAN_FRANCISCO, NEW_YORK}, {SAN_FRANCISCO, AMSTERDAM}}) {
            System.out.printf("%s -> %s: %,.0f km great circle, round trip floor %.0f ms in fibre%n",
                    pair[0].name(), pair[1].name(), distanceKm(pair[0], pair[1]), fibreRoundTripMs(pair[0], pair[1]));
        }
        System.out.printf("Fibre carries light at %.0f km per ms%n", LIGHT_VACUUM_KM_PER_MS / FIBRE_REFRACTIVE_INDEX);
    }

    public static java.util.Map<String, Object> facts() {
        return java.util.Map.of(
                "sf-ams-km", distanceKm(SAN_FRANCISCO, AMSTERDAM),
                "sf-ams-floor-ms", fibreRoundTripMs(SAN_FRANCISCO, AMSTERDAM),
                "sf-nyc-floor-ms", fibreRoundTripMs(SAN_FRANCISCO, NEW_YORK),
                "fibre-km-per-ms", LIGHT_VACUUM_KM_PER_MS / FIBRE_REFRACTIVE_INDEX);
    }
}
