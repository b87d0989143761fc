package apis;

// run: timeout=20s

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An idempotent "create charge" endpoint. The server remembers, per Idempotency-Key, the request it
 * saw and the response it gave: a retry gets the same response and no second charge; a retry that
 * arrives while the first is still running gets 409; the same key with different parameters is
 * rejected (422, as in the IETF Idempotency-Key draft; Stripe answers with an idempotency_error).
 */
public class IdempotencyKeys {

    record ChargeRequest(String customer, long amountCents, String currency) {
    }

    record Response(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The card network: every call moves money. */
    static class InMemoryCardNetwork {
        final AtomicInteger charges = new AtomicInteger();
        volatile CountDownLatch holdUntil = new CountDownLatch(0);   // lets a demo keep a charge in flight

        String charge(ChargeRequest request) {
            try {
                holdUntil.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "ch_" + charges.incrementAndGet();
        }
    }

    // tag::shown[]
    enum State { IN_PROGRESS, DONE }

    record Entry(State state, ChargeRequest request, Response response) {
    }

    static class PaymentsApi {
        final Map<String, Entry> keys = new ConcurrentHashMap<>();   // kept 24 h in production
        final InMemoryCardNetwork network;

        PaymentsApi(InMemoryCardNetwork network) {
            this.network = network;
        }

        Response createCharge(String idempotencyKey, ChargeRequest request) {
            Entry claim = new Entry(State.IN_PROGRESS, request, null);
            Entry earlier = keys.putIfAbsent(idempotencyKey, claim);    // atomic: one winner
            if (earlier != null) {
                if (!earlier.request().equals(request)) {
                    return new Response(422, "key already used with different parameters");
                }
                if (earlier.state() == State.IN_PROGRESS) {
                    return new Response(409, "a request with this key is in progress, retry");
                }
                return earlier.response();                              // replay, same status
            }
            String id = network.charge(request);
            Response created = new Response(201, "{\"id\":\"" + id + "\"}");
            keys.put(idempotencyKey, new Entry(State.DONE, request, created));
            return created;
        }
    }
    // end::shown[]

    // tag::shown[]

    public static void main(String[] args) throws Exception {
        InMemoryCardNetwork network = new InMemoryCardNetwork();
        PaymentsApi api = new PaymentsApi(network);
        ChargeRequest fifty = new ChargeRequest("cus_42", 5_000, "EUR");

        System.out.println("first try, response lost:   " + api.createCharge("key-1", fifty));
        System.out.println("retry, same key:            " + api.createCharge("key-1", fifty));
        System.out.println("same key, other amount:     "
                + api.createCharge("key-1", new ChargeRequest("cus_42", 6_000, "EUR")));
        System.out.println("charges so far: " + network.charges.get());

        List<Response> answers = concurrentRetries(api, network, "key-2", fifty, 8);
        long created = answers.stream().filter(r -> r.status() == 201).count();
        long conflicts = answers.stream().filter(r -> r.status() == 409).count();
        System.out.printf("8 simultaneous retries: %d x 201, %d x 409; later retry: %s%n",
                created, conflicts, api.createCharge("key-2", fifty));
        System.out.println("charges in total: " + network.charges.get());
    }

    /** n identical requests at once; the winner's charge stays in flight until the rest answer. */
    static List<Response> concurrentRetries(PaymentsApi api, InMemoryCardNetwork network,
                                            String key, ChargeRequest request, int n)
            throws Exception {
        CountDownLatch othersAnswered = new CountDownLatch(n - 1);
        network.holdUntil = othersAnswered;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                Response r = api.createCharge(key, request);
                if (r.status() == 409) {
                    othersAnswered.countDown();
                }
                return r;
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();
        network.holdUntil = new CountDownLatch(0);
        return answers;
    }
    // end::shown[]

    public static Map<String, Object> facts() throws Exception {
        InMemoryCardNetwork network = new InMemoryCardNetwork();
        PaymentsApi api = new PaymentsApi(network);
        ChargeRequest fifty = new ChargeRequest("cus_42", 5_000, "EUR");
        api.createCharge("key-1", fifty);
        api.createCharge("key-1", fifty);
        int afterRetry = network.charges.get();
        List<Response> answers = concurrentRetries(api, network, "key-2", fifty, 8);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("charges-after-retry", afterRetry);
        f.put("concurrent-requests", answers.size());
        f.put("concurrent-conflicts", answers.stream().filter(r -> r.status() == 409).count());
        f.put("charges-total", network.charges.get());
        return f;
    }
}
