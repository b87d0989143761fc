package apis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers a rate-limited API returns, computed from a token bucket: the de facto X-RateLimit-*
 * fields, Retry-After on a 429, and the fields of the IETF httpapi RateLimit draft
 * (RateLimit-Policy and RateLimit). A client that reads them can pace itself.
 */
public class RateLimitHeaders {

    static final int CAPACITY = 5;                  // burst
    static final double REFILL_PER_SECOND = 1.0;    // sustained rate

    // tag::headers[]
    static class TokenBucket {
        double tokens = CAPACITY;
        double lastSeconds;

        /** Returns the response status and headers for a request at time t (seconds). */
        Map<String, String> handle(double t) {
            tokens = Math.min(CAPACITY, tokens + (t - lastSeconds) * REFILL_PER_SECOND);
            lastSeconds = t;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            int remaining = (int) Math.floor(tokens);
            long nextToken = (long) Math.ceil((1 - (tokens - remaining)) / REFILL_PER_SECOND);
            Map<String, String> h = new LinkedHashMap<>();
            h.put("status", allowed ? "200" : "429");   // 429 Too Many Requests
            h.put("X-RateLimit-Limit", String.valueOf(CAPACITY));
            h.put("X-RateLimit-Remaining", String.valueOf(remaining));
            if (!allowed) {
                h.put("Retry-After", String.valueOf(nextToken));      // seconds (RFC 9110)
            }
            long window = (long) (CAPACITY / REFILL_PER_SECOND);   // seconds to refill fully
            h.put("RateLimit-Policy", "\"burst\";q=" + CAPACITY + ";w=" + window);
            h.put("RateLimit", "\"burst\";r=" + remaining + ";t=" + nextToken);
            return h;
        }
    }

    public static void main(String[] args) {
        TokenBucket bucket = new TokenBucket();
        double[] arrivals = {0, 0, 0, 0, 0, 0, 0.4, 2.5};   // a burst of 6, then two more
        Map<String, String> first = bucket.handle(arrivals[0]);
        System.out.printf("On every response: X-RateLimit-Limit: %s, RateLimit-Policy: %s%n",
                first.get("X-RateLimit-Limit"), first.get("RateLimit-Policy"));
        print(arrivals[0], first);
        for (int i = 1; i < arrivals.length; i++) {
            print(arrivals[i], bucket.handle(arrivals[i]));
        }
    }

    static void print(double t, Map<String, String> h) {
        String retry = h.containsKey("Retry-After") ? "  Retry-After: " + h.get("Retry-After")
                : "";
        System.out.printf("t=%.1f s  %s  X-RateLimit-Remaining: %s  RateLimit: %s%s%n", t,
                h.get("status"), h.get("X-RateLimit-Remaining"), h.get("RateLimit"), retry);
    }
    // end::headers[]

    public static Map<String, Object> facts() {
        return Map.of("capacity", CAPACITY, "refill-per-second", REFILL_PER_SECOND);
    }
}
