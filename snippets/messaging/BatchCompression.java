package messaging;

// run: timeout=20s

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * Kafka compresses whole batches, not single records, so compression and batching work together.
 * This program compresses the same JSON events one at a time and in batches of growing size, with
 * DEFLATE (the algorithm inside gzip, the one codec of Kafka's five that the JDK ships).
 */
public class BatchCompression {

    static final int[] BATCH_SIZES = {1, 10, 100, 1_000};
    static final String[] PAGES = {"/", "/search", "/product/", "/cart", "/checkout"};
    static final long SEED = 5;

    static String event(Random random) {
        return String.format("{\"user_id\":%d,\"event\":\"page_view\",\"page\":\"%s%d\",\"ts\":%d,"
                        + "\"user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)\",\"country\":\"%s\"}",
                random.nextInt(10_000_000), PAGES[random.nextInt(PAGES.length)], random.nextInt(5_000),
                1_700_000_000_000L + random.nextInt(86_400_000), random.nextBoolean() ? "DE" : "US");
    }

    // tag::compress[]
    static int deflatedSize(byte[] input) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        deflater.setInput(input);
        deflater.finish();
        byte[] buffer = new byte[input.length + 64];
        int size = 0;
        while (!deflater.finished()) {
            size += deflater.deflate(buffer);
        }
        deflater.end();
        return size;
    }

    /** Raw bytes over compressed bytes, compressing {@code batch} events at a time. */
    static double ratio(List<String> events, int batch) {
        long raw = 0, compressed = 0;
        for (int from = 0; from + batch <= events.size(); from += batch) {
            byte[] bytes = String.join("\n", events.subList(from, from + batch))
                    .getBytes(StandardCharsets.UTF_8);
            raw += bytes.length;
            compressed += deflatedSize(bytes);
        }
        return (double) raw / compressed;
    }
    // end::compress[]

    static List<String> events() {
        Random random = new Random(SEED);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(event(random));
        }
        return events;
    }

    public static void main(String[] args) {
        List<String> events = events();
        System.out.println("One event: " + events.get(0));
        System.out.printf("%8s %22s%n", "batch", "raw / compressed");
        for (int batch : BATCH_SIZES) {
            System.out.printf("%8d %21.2fx%n", batch, ratio(events, batch));
        }
    }

    public static Map<String, Object> facts() {
        List<String> events = events();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("event-bytes", events.get(0).getBytes(StandardCharsets.UTF_8).length);
        facts.put("ratio-1", ratio(events, 1));
        facts.put("ratio-100", ratio(events, 100));
        facts.put("ratio-1000", ratio(events, 1_000));
        return facts;
    }
}
