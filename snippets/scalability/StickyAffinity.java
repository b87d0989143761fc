package scalability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Two ways to keep a client on one server, and what they do to the load. IP-hash affinity sends every
 * client behind one NAT address to the same server; cookie affinity hashes each client's own session,
 * which spreads NATed clients but still pins a single heavy client (a whale) to one server.
 */
public class StickyAffinity {

    static final int SERVERS = 10;
    static final int DIRECT_CLIENTS = 10_000;    // one public IP each
    static final int OFFICES = 4, CLIENTS_PER_OFFICE = 1_000;
    static final int CARRIER_NAT_IPS = 2, CLIENTS_PER_CARRIER_IP = 3_000;
    static final double REQUESTS_PER_CLIENT = 1.0; // per second
    static final double WHALE_REQUESTS = 400;      // one integration hammering a chat API

    record Client(String ip, String sessionId, double requestsPerSecond) {
    }

    static List<Client> clients() {
        Random random = new Random(17);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < DIRECT_CLIENTS; i++) {
            clients.add(new Client(randomIp(random), session(random), i == 0 ? WHALE_REQUESTS : REQUESTS_PER_CLIENT));
        }
        for (int nat = 0; nat < OFFICES + CARRIER_NAT_IPS; nat++) {
            String sharedIp = randomIp(random);
            int behind = nat < OFFICES ? CLIENTS_PER_OFFICE : CLIENTS_PER_CARRIER_IP;
            for (int i = 0; i < behind; i++) {
                clients.add(new Client(sharedIp, session(random), REQUESTS_PER_CLIENT));
            }
        }
        return clients;
    }

    // tag::affinity[]
    static int byIpHash(Client c) {
        return bucket(c.ip());
    }

    static int byCookie(Client c) {
        return bucket(c.sessionId()); // the cookie names the server picked for this session
    }

    static double[] load(List<Client> clients, ToIntFunction<Client> route) {
        double[] perServer = new double[SERVERS];
        for (Client c : clients) {
            perServer[route.applyAsInt(c)] += c.requestsPerSecond();
        }
        return perServer;
    }

    static int bucket(String key) {
        long h = key.hashCode() * 0x9E3779B97F4A7C15L; // spread the bits, then take the remainder
        h ^= h >>> 29;
        return (int) Math.floorMod(h, (long) SERVERS);
    }
    // end::affinity[]

    static String randomIp(Random r) {
        return (11 + r.nextInt(200)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static String session(Random r) {
        return Long.toHexString(r.nextLong());
    }

    static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    public static void main(String[] args) {
        List<Client> clients = clients();
        System.out.printf("%,d clients, %,d behind %d NAT addresses, one whale at %.0f req/s, %d servers%n",
                clients.size(), OFFICES * CLIENTS_PER_OFFICE + CARRIER_NAT_IPS * CLIENTS_PER_CARRIER_IP,
                OFFICES + CARRIER_NAT_IPS, WHALE_REQUESTS, SERVERS);
        for (String name : List.of("IP hash", "cookie")) {
            double[] load = load(clients, name.equals("IP hash") ? StickyAffinity::byIpHash : StickyAffinity::byCookie);
            System.out.printf("  %-8s busiest %,6.0f req/s, mean %,6.0f, busiest / mean = %.2f%n", name, max(load),
                    mean(load), max(load) / mean(load));
        }
    }

    public static Map<String, Object> tables() {
        List<Client> clients = clients();
        double[] ip = load(clients, StickyAffinity::byIpHash), cookie = load(clients, StickyAffinity::byCookie);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Server", "IP-hash affinity (req/s)", "Cookie affinity (req/s)"));
        for (int s = 0; s < SERVERS; s++) {
            rows.add(List.of("server " + s, String.format("%,.0f", ip[s]), String.format("%,.0f", cookie[s])));
        }
        return Map.of("affinity-load", rows);
    }

    public static Map<String, Object> facts() {
        List<Client> clients = clients();
        double[] ip = load(clients, StickyAffinity::byIpHash), cookie = load(clients, StickyAffinity::byCookie);
        return Map.of(
                "affinity-servers", SERVERS,
                "affinity-clients", clients.size(),
                "affinity-whale-rps", WHALE_REQUESTS,
                "affinity-ip-max-over-mean", max(ip) / mean(ip),
                "affinity-cookie-max-over-mean", max(cookie) / mean(cookie),
                "affinity-cookie-max-above-mean", max(cookie) / mean(cookie) - 1,
                "affinity-ip-max-rps", max(ip),
                "affinity-mean-rps", mean(ip));
    }

    public static Map<String, Object> charts() {
        List<Client> clients = clients();
        double[] ip = load(clients, StickyAffinity::byIpHash), cookie = load(clients, StickyAffinity::byCookie);
        List<String> names = new ArrayList<>();
        List<Double> ipData = new ArrayList<>(), cookieData = new ArrayList<>();
        for (int s = 0; s < SERVERS; s++) {
            names.add("server " + s);
            ipData.add(ip[s]);
            cookieData.add(cookie[s]);
        }
        return Map.of("affinity-load", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "category", "data", names),
                "yAxis", Map.of("type", "value", "name", "requests per second"),
                "series", List.of(
                        Map.of("type", "bar", "name", "IP-hash affinity", "data", ipData),
                        Map.of("type", "bar", "name", "cookie affinity", "data", cookieData),
                        Map.of("type", "line", "name", "mean (perfect balance)", "showSymbol", false,
                                "lineStyle", Map.of("type", "dashed"),
                                "data", Collections.nCopies(SERVERS, mean(ip))))));
    }
}
