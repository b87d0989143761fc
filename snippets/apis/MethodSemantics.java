package apis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which HTTP methods are safe to retry, checked by running them: each request is sent once and three
 * times against the same starting state, and the final states are compared. Idempotency is about the
 * effect on the server, not the response: a repeated DELETE answers 404 but changes nothing more.
 */
public class MethodSemantics {

    record User(String name, int credits) {
    }

    record Request(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path + (body.isEmpty() ? "" : " " + body);
        }
    }

    // tag::shown[]
    /** A users resource kept in memory, with the usual REST mapping of methods to actions. */
    static class InMemoryUsersApi {
        final Map<Integer, User> users = new TreeMap<>();
        int nextId = 2;

        InMemoryUsersApi() {
            users.put(1, new User("Ada", 10));
        }

        int handle(Request r) {
            int id = r.path().equals("/users") ? 0 : Integer.parseInt(r.path().substring(7));
            return switch (r.method()) {
                case "GET" -> users.containsKey(id) ? 200 : 404;
                case "PUT" -> {                                   // replace the whole resource
                    boolean existed = users.containsKey(id);
                    users.put(id, new User(r.body(), 0));
                    yield existed ? 200 : 201;
                }
                case "DELETE" -> users.remove(id) != null ? 204 : 404;
                case "POST" -> {                                  // the server picks the id
                    users.put(nextId++, new User(r.body(), 0));
                    yield 201;
                }
                case "PATCH" -> {
                    User u = users.get(id);
                    if (u == null) {
                        yield 404;
                    }
                    if (r.body().startsWith("+")) {              // a relative change
                        int more = Integer.parseInt(r.body().substring(1));
                        users.put(id, new User(u.name(), u.credits() + more));
                    } else {                                     // a new value
                        users.put(id, new User(r.body(), u.credits()));
                    }
                    yield 200;
                }
                default -> 405;
            };
        }
    }

    /** Sends a request n times to a fresh server; returns the final state, collects statuses. */
    static String sendTimes(Request r, int n, List<Integer> statuses) {
        InMemoryUsersApi api = new InMemoryUsersApi();
        for (int i = 0; i < n; i++) {
            statuses.add(api.handle(r));
        }
        return api.users.toString();
    }
    // end::shown[]

    record Row(Request request, boolean safe, boolean idempotentBySpec, boolean sameAfterThree,
               boolean unchangedAfterOne, List<Integer> statuses) {
    }

    static final Object[][] REQUESTS = {
            {new Request("GET", "/users/1", ""), true, true},
            {new Request("PUT", "/users/1", "Grace"), false, true},
            {new Request("DELETE", "/users/1", ""), false, true},
            {new Request("POST", "/users", "Grace"), false, false},
            {new Request("PATCH", "/users/1", "Grace"), false, false},
            {new Request("PATCH", "/users/1", "+5"), false, false}};

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String initial = new InMemoryUsersApi().users.toString();
        for (Object[] r : REQUESTS) {
            Request request = (Request) r[0];
            List<Integer> statuses = new ArrayList<>();
            String once = sendTimes(request, 1, new ArrayList<>());
            String thrice = sendTimes(request, 3, statuses);
            rows.add(new Row(request, (boolean) r[1], (boolean) r[2], once.equals(thrice), once.equals(initial),
                    statuses));
        }
        return rows;
    }

    // tag::shown[]

    public static void main(String[] args) {
        System.out.printf("%-25s %-22s %s%n", "request", "statuses of 3 sends",
                "state after 3 vs 1");
        for (Row row : rows()) {
            System.out.printf("%-25s %-22s %s%n", row.request(), row.statuses(),
                    row.sameAfterThree() ? "same" : "different");
        }
    }
    // end::shown[]

    public static Map<String, Object> tables() {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Request", "Safe (RFC 9110)", "Idempotent (RFC 9110)", "Sent 3 times: same state as once?",
                "Statuses of the 3 sends"));
        for (Row row : rows()) {
            table.add(List.of(row.request().toString(), row.safe() ? "yes" : "no", row.idempotentBySpec() ? "yes" : "no",
                    row.sameAfterThree() ? "yes" : "no", row.statuses().toString()));
        }
        return Map.of("methods", table);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        List<Row> rows = rows();
        f.put("delete-statuses", rows.get(2).statuses().toString());
        InMemoryUsersApi api = new InMemoryUsersApi();
        for (int i = 0; i < 3; i++) {
            api.handle(new Request("POST", "/users", "Grace"));
        }
        f.put("users-after-three-posts", api.users.size());
        return f;
    }
}
