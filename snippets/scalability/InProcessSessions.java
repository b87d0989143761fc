package scalability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The anti-pattern: each pod keeps sessions in its own memory. When the load balancer spreads requests
 * (here at random), a user's next request usually lands on a pod that has never seen their session;
 * with sticky routing it works until a deploy restarts a pod and everyone on it is logged out.
 */
public class InProcessSessions {

    static final int PODS = 3;
    static final int USERS = 900;
    static final int REQUESTS_PER_USER = 10; // the first one logs in

    // tag::pod[]
    static final class Pod {
        private final Map<String, String> sessions = new HashMap<>(); // dies with the process
        private final String name;
        private int issued;

        Pod(String name) {
            this.name = name;
        }

        String login(String user) {
            String sessionId = name + "-" + issued++; // a fresh id on every login
            sessions.put(sessionId, user);
            return sessionId;
        }

        boolean handle(String sessionId) {
            return sessions.containsKey(sessionId); // false: "please log in again"
        }

        void restart() {
            sessions.clear();
        }
    }
    // end::pod[]

    record Result(int requests, int rejected) {
    }

    /** Every user logs in, then makes more requests; the router picks a pod for each request. */
    static Result run(boolean sticky, boolean restartPodMidway) {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < PODS; i++) {
            pods.add(new Pod("pod" + i));
        }
        Map<String, String> sessionOf = new HashMap<>();
        Random balancer = new Random(3);
        int requests = 0, rejected = 0;
        for (int round = 0; round < REQUESTS_PER_USER; round++) {
            if (restartPodMidway && round == REQUESTS_PER_USER / 2) {
                pods.get(0).restart(); // a deploy rolls pod 0
            }
            for (int u = 0; u < USERS; u++) {
                String user = "user" + u;
                Pod pod = pods.get(sticky ? u % PODS : balancer.nextInt(PODS));
                requests++;
                if (round == 0) {
                    sessionOf.put(user, pod.login(user));
                } else if (!pod.handle(sessionOf.get(user))) {
                    rejected++;
                    sessionOf.put(user, pod.login(user)); // the user logs in again
                }
            }
        }
        return new Result(requests, rejected);
    }

    public static void main(String[] args) {
        print("spread at random", run(false, false));
        print("sticky", run(true, false));
        print("sticky, one pod restarted", run(true, true));
    }

    static void print(String routing, Result r) {
        System.out.printf("%-26s %,6d requests, %,5d sent back to the login page (%.1f%%)%n", routing, r.requests(),
                r.rejected(), 100.0 * r.rejected() / r.requests());
    }

    public static Map<String, Object> facts() {
        Result spread = run(false, false), restarted = run(true, true);
        return Map.of(
                "inproc-pods", PODS,
                "inproc-users", USERS,
                "inproc-spread-rejected", spread.rejected(),
                "inproc-spread-rejected-share", (double) spread.rejected() / spread.requests(),
                "inproc-requests", spread.requests(),
                "inproc-sticky-rejected", run(true, false).rejected(),
                "inproc-restart-rejected", restarted.rejected());
    }
}
