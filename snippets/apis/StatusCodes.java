package apis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status codes an API returns, produced by a scripted session against an in-memory orders API
 * with authentication, ownership, ETags, a state machine, a rate limit and a failing dependency.
 * The page's status-code table is this session's log.
 */
public class StatusCodes {

    record Order(String owner, String item, int version, String state) {
    }

    record Call(String method, String path, String token, String body, String ifMatch) {
        static Call of(String method, String path, String token, String body) {
            return new Call(method, path, token, body, null);
        }

        @Override
        public String toString() {
            return method + " " + path + (token == null ? " (no token)" : " as " + token)
                    + (body.isEmpty() ? "" : " " + body) + (ifMatch == null ? "" : " If-Match: " + ifMatch);
        }
    }

    static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized (not authenticated)"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(409, "Conflict"),
            Map.entry(412, "Precondition Failed"), Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"), Map.entry(503, "Service Unavailable"));

    static final Map<Integer, String> CLIENT_SHOULD = Map.ofEntries(
            Map.entry(200, "use the body"), Map.entry(201, "read the new resource's URL from Location"),
            Map.entry(204, "nothing to read"),
            Map.entry(400, "fix the request; the same bytes will fail again"),
            Map.entry(401, "authenticate or refresh the token, then retry"),
            Map.entry(403, "stop: the caller is known and not allowed"),
            Map.entry(404, "stop, or create the resource"),
            Map.entry(409, "re-read the resource; the action conflicts with its state"),
            Map.entry(412, "re-read, reapply the edit, resend with the new ETag"),
            Map.entry(422, "fix the field values; the syntax was fine"),
            Map.entry(429, "wait Retry-After seconds, then retry"),
            Map.entry(503, "retry with backoff (safe for idempotent requests or with an idempotency key)"));

    static class InMemoryOrdersApi {
        final Map<Integer, Order> orders = new HashMap<>();
        final Map<String, Integer> callsThisSecond = new HashMap<>();
        int nextId = 1;
        boolean paymentsDown;
        static final int PER_SECOND = 9;

        int handle(Call c) {
            if (c.token() == null) {
                return 401;
            }
            if (callsThisSecond.merge(c.token(), 1, Integer::sum) > PER_SECOND) {
                return 429;
            }
            if (c.method().equals("POST") && c.path().equals("/orders")) {
                if (!c.body().startsWith("{") || !c.body().endsWith("}")) {
                    return 400;
                }
                if (c.body().contains("\"qty\":-")) {
                    return 422;
                }
                if (paymentsDown) {
                    return 503;
                }
                orders.put(nextId++, new Order(c.token(), c.body(), 1, "placed"));
                return 201;
            }
            int id = Integer.parseInt(c.path().split("/")[2]);
            Order o = orders.get(id);
            if (o == null) {
                return 404;
            }
            if (!o.owner().equals(c.token())) {
                return 403;
            }
            switch (c.method()) {
                case "GET":
                    return 200;
                case "PUT":
                    if (c.ifMatch() != null && !c.ifMatch().equals("\"v" + o.version() + "\"")) {
                        return 412;
                    }
                    orders.put(id, new Order(o.owner(), c.body(), o.version() + 1, o.state()));
                    return 200;
                case "POST":   // /orders/{id}/ship or /cancel
                    String action = c.path().substring(c.path().lastIndexOf('/') + 1);
                    if (action.equals("cancel") && o.state().equals("shipped")) {
                        return 409;
                    }
                    orders.put(id, new Order(o.owner(), o.item(), o.version() + 1,
                            action.equals("ship") ? "shipped" : "cancelled"));
                    return 200;
                case "DELETE":
                    orders.remove(id);
                    return 204;
                default:
                    return 405;
            }
        }
    }

    record Exchange(Call call, int status) {
    }

    static List<Exchange> session() {
        InMemoryOrdersApi api = new InMemoryOrdersApi();
        List<Call> calls = new ArrayList<>(List.of(
                Call.of("POST", "/orders", "alice", "{\"item\":\"book\",\"qty\":1}"),
                Call.of("GET", "/orders/1", "alice", ""),
                Call.of("GET", "/orders/1", null, ""),
                Call.of("GET", "/orders/1", "bob", ""),
                Call.of("GET", "/orders/99", "alice", ""),
                Call.of("POST", "/orders", "alice", "{\"item\":\"book\""),
                Call.of("POST", "/orders", "alice", "{\"item\":\"book\",\"qty\":-1}"),
                new Call("PUT", "/orders/1", "alice", "{\"item\":\"pen\",\"qty\":1}", "\"v0\""),
                Call.of("POST", "/orders/1/ship", "alice", ""),
                Call.of("POST", "/orders/1/cancel", "alice", ""),
                Call.of("DELETE", "/orders/1", "alice", ""),
                Call.of("GET", "/orders/1", "alice", "")));     // alice's 10th call this second
        List<Exchange> log = new ArrayList<>();
        for (Call c : calls) {
            log.add(new Exchange(c, api.handle(c)));
        }
        api.callsThisSecond.clear();               // a new second
        api.paymentsDown = true;
        Call order = Call.of("POST", "/orders", "alice", "{\"item\":\"lamp\",\"qty\":1}");
        log.add(new Exchange(order, api.handle(order)));
        return log;
    }

    public static void main(String[] args) {
        for (Exchange e : session()) {
            System.out.printf("%-62s -> %d %s%n", e.call(), e.status(), NAMES.get(e.status()));
        }
    }

    public static Map<String, Object> tables() {
        Map<Integer, Call> firstCallFor = new LinkedHashMap<>();
        session().forEach(e -> firstCallFor.putIfAbsent(e.status(), e.call()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Status", "Name", "Produced in the session by", "The client should"));
        firstCallFor.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(List.of(
                String.valueOf(e.getKey()), NAMES.get(e.getKey()), e.getValue().toString(),
                CLIENT_SHOULD.get(e.getKey()))));
        return Map.of("status-codes", rows);
    }
}
