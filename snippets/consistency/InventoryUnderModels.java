package consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One invariant, three consistency choices: never sell more than the 100 units in stock, with orders
 * arriving in two regions 80 ms apart. Eventual consistency checks a stale local count; a linearizable
 * counter makes one region pay a round trip per order; reservations (escrow) split the stock so each
 * region can decide locally.
 */
public class InventoryUnderModels {

    static final int STOCK = 100;
    static final int ORDERS = 160;
    static final double EU_SHARE = 0.7;           // the sale is more popular in Europe
    static final double MEAN_GAP_MS = 4;          // between orders, both regions together
    static final double REPLICATION_LAG_MS = 100; // a sale in one region reaches the other this much later
    static final double ROUND_TRIP_MS = 80;       // EU to the US, where the linearizable counter lives

    record Order(double timeMs, boolean europe) {
    }

    record Result(int sold, int refused, int refusedWhileStockLeft, int crossRegionWaits) {
        int oversold() {
            return Math.max(0, sold - STOCK);
        }
    }

    static List<Order> orders() {
        Random random = new Random(2024);
        List<Order> orders = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < ORDERS; i++) {
            t += -MEAN_GAP_MS * Math.log(1 - random.nextDouble());
            orders.add(new Order(t, random.nextDouble() < EU_SHARE));
        }
        return orders;
    }

    // tag::models[]
    /** Each region sells while its own count of units sold is below stock; the count lags the
     *  other region's sales by the replication delay. */
    static Result eventual(List<Order> orders) {
        List<Order> sales = new ArrayList<>();
        int refused = 0;
        for (Order o : orders) {
            long seen = sales.stream()
                    .filter(s -> s.europe() == o.europe()
                            || s.timeMs() + REPLICATION_LAG_MS <= o.timeMs())
                    .count();
            if (seen < STOCK) {
                sales.add(o);
            } else {
                refused++;
            }
        }
        return new Result(sales.size(), refused, 0, 0);
    }

    /** One counter, decremented with compare-and-set where it lives (the US);
     *  every European order waits a round trip for it. */
    static Result linearizable(List<Order> orders) {
        int sold = 0, refused = 0, waits = 0;
        for (Order o : orders) {
            if (o.europe()) {
                waits++;
            }
            if (sold < STOCK) {
                sold++;
            } else {
                refused++;
            }
        }
        return new Result(sold, refused, 0, waits);
    }

    /** Escrow: each region owns half of the units and sells them without asking anyone. */
    static Result reservations(List<Order> orders) {
        int europeLeft = STOCK / 2, usLeft = STOCK - STOCK / 2;
        int sold = 0, refused = 0, stranded = 0;
        for (Order o : orders) {
            int mine = o.europe() ? europeLeft : usLeft;
            int theirs = o.europe() ? usLeft : europeLeft;
            if (mine > 0) {
                sold++;
                if (o.europe()) {
                    europeLeft--;
                } else {
                    usLeft--;
                }
            } else {
                refused++;
                if (theirs > 0) {
                    stranded++; // units exist, but in the other region's allotment
                }
            }
        }
        return new Result(sold, refused, stranded, 0);
    }
    // end::models[]

    static Map<String, Result> results() {
        List<Order> orders = orders();
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("eventual (local count)", eventual(orders));
        results.put("linearizable counter", linearizable(orders));
        results.put("reservations (50/50)", reservations(orders));
        return results;
    }

    public static void main(String[] args) {
        long europe = orders().stream().filter(Order::europe).count();
        System.out.printf("%d units, %d orders (%d in Europe, %d in the US), replication lag %.0f ms%n",
                STOCK, ORDERS, europe, ORDERS - europe, REPLICATION_LAG_MS);
        System.out.printf("%-24s %5s %9s %8s %21s %22s%n", "", "sold", "oversold", "refused",
                "refused, stock left", "orders waiting 80 ms");
        results().forEach((name, r) -> System.out.printf("%-24s %5d %9d %8d %21d %22d%n", name, r.sold(),
                r.oversold(), r.refused(), r.refusedWhileStockLeft(), r.crossRegionWaits()));
    }

    public static Map<String, Object> facts() {
        Map<String, Result> r = results();
        return Map.of(
                "inventory-stock", STOCK,
                "inventory-orders", ORDERS,
                "inventory-lag-ms", REPLICATION_LAG_MS,
                "inventory-eventual-oversold", r.get("eventual (local count)").oversold(),
                "inventory-linearizable-waits", r.get("linearizable counter").crossRegionWaits(),
                "inventory-escrow-stranded", r.get("reservations (50/50)").refusedWhileStockLeft(),
                "inventory-escrow-oversold", r.get("reservations (50/50)").oversold());
    }
}
