package loadbalancing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Eight app servers behind a load balancer share one database, which is down from t = 60 s to t = 120 s.
 * Sixty percent of requests need the database; the rest are answered from the app's cache. Four ways of
 * wiring health checks, simulated second by second: how many servers stay in rotation and what share
 * of requests still gets a useful answer.
 */
public class HealthChecks {

    static final int SERVERS = 8;
    static final int INTERVAL_S = 5;          // the balancer checks each server every 5 s ...
    static final int UNHEALTHY_AFTER = 3;     // ... removes it after 3 failures in a row ...
    static final int HEALTHY_AFTER = 2;       // ... and returns it after 2 successes in a row
    static final int DB_DOWN_AT = 60;
    static final int DB_UP_AT = 120;
    static final int END_S = 180;
    static final double NEEDS_DATABASE = 0.6;
    static final double FLEET_UTILISATION = 0.5; // 8 servers run at 50%: 4 can carry the whole load
    static final int RESTART_S = 30;          // process start plus cache warm-up after a restart

    // tag::policies[]
    enum Policy {
        SHALLOW_READINESS("shallow", "Readiness checks the process only"),
        DEEP_READINESS("deep", "Readiness pings the database"),
        DEEP_READINESS_FAIL_OPEN("deep+open", "Readiness pings the database; LB fails open"),
        DEEP_LIVENESS("liveness", "Liveness pings the database (restart on failure)");

        final String shortName;
        final String label;

        Policy(String shortName, String label) {
            this.shortName = shortName;
            this.label = label;
        }
    }

    /** Readiness, "should I get traffic?", as each wiring answers it. */
    static boolean readinessPasses(Policy policy, Server server, boolean databaseUp) {
        if (!server.running()) {
            return false;
        }
        return switch (policy) {
            case SHALLOW_READINESS, DEEP_LIVENESS -> true;
            case DEEP_READINESS, DEEP_READINESS_FAIL_OPEN -> databaseUp;
        };
    }

    /** Liveness, "should I be restarted?": only one wiring asks the database. */
    static boolean livenessPasses(Policy policy, boolean databaseUp) {
        return policy != Policy.DEEP_LIVENESS || databaseUp;
    }
    // end::policies[]

    static final class Server {
        final int checkOffset;          // jittered phase, so checks do not all land in the same second
        boolean inRotation = true;
        int failures;
        int successes;
        int livenessFailures;
        int restartingUntil = -1;

        Server(int checkOffset) {
            this.checkOffset = checkOffset;
        }

        boolean running() {
            return restartingUntil < 0;
        }
    }

    record Second(int t, int inRotation, double useful) {
    }

    // tag::simulate[]
    static List<Second> simulate(Policy policy) {
        Random jitter = new Random(7);
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            servers.add(new Server(jitter.nextInt(INTERVAL_S)));
        }
        List<Second> timeline = new ArrayList<>();
        for (int t = 0; t < END_S; t++) {
            boolean databaseUp = t < DB_DOWN_AT || t >= DB_UP_AT;
            for (Server s : servers) {
                if (!s.running() && t >= s.restartingUntil) {
                    s.restartingUntil = -1; // back up, but must pass readiness again
                }
                if ((t - s.checkOffset) % INTERVAL_S == 0) {
                    check(policy, s, t, databaseUp);
                }
            }
            int inRotation = (int) servers.stream().filter(s -> s.inRotation).count();
            timeline.add(new Second(t, inRotation, answered(policy, servers, databaseUp)));
        }
        return timeline;
    }

    static void check(Policy policy, Server s, int t, boolean databaseUp) {
        if (s.running()) {
            boolean live = livenessPasses(policy, databaseUp);
            s.livenessFailures = live ? 0 : s.livenessFailures + 1;
            if (s.livenessFailures >= UNHEALTHY_AFTER) {
                s.restartingUntil = t + RESTART_S; // the orchestrator restarts it
                s.livenessFailures = 0;
                s.inRotation = false;
            }
        }
        if (readinessPasses(policy, s, databaseUp)) {
            s.failures = 0;
            s.inRotation |= ++s.successes >= HEALTHY_AFTER;
        } else {
            s.successes = 0;
            s.inRotation &= ++s.failures < UNHEALTHY_AFTER;
        }
    }

    /** Share of requests answered, given where the balancer sends them. */
    static double answered(Policy policy, List<Server> servers, boolean databaseUp) {
        List<Server> targets = servers.stream().filter(s -> s.inRotation).toList();
        if (targets.isEmpty() && policy == Policy.DEEP_READINESS_FAIL_OPEN) {
            targets = servers; // nobody is ready: send to everyone
        }
        if (targets.isEmpty()) {
            return 0;
        }
        // Targets get equal shares; a restarting server answers nothing, a running one
        // answers up to its capacity (the fleet runs at FLEET_UTILISATION).
        long running = targets.stream().filter(Server::running).count();
        double reachesARunningServer = (double) running / targets.size();
        double withinCapacity = running / (SERVERS * FLEET_UTILISATION);
        double answerable = databaseUp ? 1 : 1 - NEEDS_DATABASE;
        return Math.min(1, Math.min(reachesARunningServer, withinCapacity)) * answerable;
    }
    // end::simulate[]

    static double usefulDuringOutage(List<Second> timeline, int from, int to) {
        return timeline.subList(from, to).stream().mapToDouble(Second::useful).average().orElseThrow();
    }

    /** First second at or after DB_UP_AT when every request gets an answer again. */
    static int fullyRecoveredAt(List<Second> timeline) {
        for (int t = DB_UP_AT; t < END_S; t++) {
            if (timeline.get(t).useful() >= 1) {
                return t;
            }
        }
        return END_S;
    }

    public static void main(String[] args) {
        Map<Policy, List<Second>> runs = runAll();
        System.out.println("Servers in rotation, and share of requests answered:");
        StringBuilder header = new StringBuilder("t (s)");
        for (Policy p : Policy.values()) {
            header.append(String.format("  %-10s", p.shortName));
        }
        System.out.println(header.toString().stripTrailing());
        for (int t = 50; t <= 170; t += 10) {
            StringBuilder line = new StringBuilder(String.format("%5d", t));
            for (Policy p : Policy.values()) {
                Second s = runs.get(p).get(t);
                line.append(String.format("  %d %4.0f%%   ", s.inRotation(), 100 * s.useful()));
            }
            line.append(t == DB_DOWN_AT ? "database down" : t == DB_UP_AT ? "database back" : "");
            System.out.println(line.toString().stripTrailing());
        }
        System.out.println();
        for (Policy p : Policy.values()) {
            System.out.printf("%-10s answered %3.0f%% during the outage, all again at t = %d s%n",
                    p.shortName, 100 * usefulDuringOutage(runs.get(p), DB_DOWN_AT, DB_UP_AT),
                    fullyRecoveredAt(runs.get(p)));
        }
    }

    static Map<Policy, List<Second>> runAll() {
        Map<Policy, List<Second>> runs = new LinkedHashMap<>();
        for (Policy p : Policy.values()) {
            runs.put(p, simulate(p));
        }
        return runs;
    }

    public static Map<String, Object> facts() {
        Map<Policy, List<Second>> runs = runAll();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("servers", SERVERS);
        f.put("interval-s", INTERVAL_S);
        f.put("unhealthy-after", UNHEALTHY_AFTER);
        f.put("healthy-after", HEALTHY_AFTER);
        f.put("db-down-at", DB_DOWN_AT);
        f.put("db-up-at", DB_UP_AT);
        f.put("needs-database", NEEDS_DATABASE);
        f.put("restart-s", RESTART_S);
        f.put("best-possible-during-outage", 1 - NEEDS_DATABASE);
        f.put("active-detection-max-s", INTERVAL_S * UNHEALTHY_AFTER);
        f.put("active-detection-min-s", INTERVAL_S * (UNHEALTHY_AFTER - 1));
        f.put("passive-errors", PASSIVE_CONSECUTIVE_ERRORS);
        f.put("passive-rps", PASSIVE_RPS_PER_SERVER);
        f.put("passive-detection-ms", 1000.0 * PASSIVE_CONSECUTIVE_ERRORS / PASSIVE_RPS_PER_SERVER);
        for (Policy p : Policy.values()) {
            String key = p.name().toLowerCase().replace('_', '-');
            f.put(key + "-useful", usefulDuringOutage(runs.get(p), DB_DOWN_AT, DB_UP_AT));
            f.put(key + "-recovered-at", fullyRecoveredAt(runs.get(p)));
            f.put(key + "-recovery-lag-s", fullyRecoveredAt(runs.get(p)) - DB_UP_AT);
        }
        return f;
    }

    /** Passive detection (outlier ejection) counts real errors: 5 in a row at 500 requests per second. */
    static final int PASSIVE_CONSECUTIVE_ERRORS = 5;
    static final int PASSIVE_RPS_PER_SERVER = 500;

    public static Map<String, Object> charts() {
        List<Map<String, Object>> series = new ArrayList<>();
        runAll().forEach((policy, timeline) -> series.add(Map.of("type", "line", "name", policy.label, "step", "end",
                "showSymbol", false,
                "lineStyle", Map.of("type", policy == Policy.DEEP_READINESS_FAIL_OPEN ? "dashed" : "solid", "width", 2),
                "data", timeline.stream().map(s -> List.of(s.t(), Math.round(s.useful() * 1000) / 10.0)).toList())));
        return Map.of("outage-timeline", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0, "orient", "vertical", "right", 10),
                "grid", Map.of("left", 60, "right", 30, "top", 100, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "seconds (database down from 60 to 120)", "nameLocation", "middle",
                        "nameGap", 28, "max", END_S),
                "yAxis", Map.of("type", "value", "name", "% of requests answered", "max", 100),
                "series", series));
    }
}
