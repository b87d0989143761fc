package apis;

// run: timeout=20s

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The protobuf wire format by hand, for one message type, and the same message as JSON. No library:
 * varints for numbers and enums, length-delimited fields for strings, packed lists and nested
 * messages. Sizes are measured on the encoded bytes, and every encoding is decoded back to check it.
 *
 * <pre>
 * message Order {
 *   uint64 order_id = 1;   uint64 customer_id = 2;   int64 amount_cents = 3;
 *   string currency = 4;   Status status = 5;         repeated uint64 item_ids = 6;  // packed
 *   string note = 7;       int64 created_at = 8;      // Unix seconds
 * }
 * message OrderPage { repeated Order orders = 1; }
 * </pre>
 */
public class ProtoWire {

    enum Status { UNKNOWN, PENDING, PAID, SHIPPED }

    record Order(long orderId, long customerId, long amountCents, String currency, Status status,
                 List<Long> itemIds, String note, long createdAt) {
    }

    // tag::shown[]
    static final int VARINT = 0, LEN = 2;

    /** Seven bits per byte, low bits first; the top bit says "more bytes follow". */
    static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    static void tag(ByteArrayOutputStream out, int field, int wireType) {
        varint(out, ((long) field << 3) | wireType);
    }

    static void lengthDelimited(ByteArrayOutputStream out, int field, byte[] bytes) {
        tag(out, field, LEN);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    /** proto3 leaves out fields that hold their default value (0, "", empty list). */
    static byte[] encode(Order o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] numbers = {o.orderId(), o.customerId(), o.amountCents()};
        for (int i = 0; i < numbers.length; i++) {
            if (numbers[i] != 0) {
                tag(out, i + 1, VARINT);
                varint(out, numbers[i]);
            }
        }
        if (!o.currency().isEmpty()) {
            lengthDelimited(out, 4, o.currency().getBytes(StandardCharsets.UTF_8));
        }
        if (o.status() != Status.UNKNOWN) {
            tag(out, 5, VARINT);
            varint(out, o.status().ordinal());
        }
        if (!o.itemIds().isEmpty()) {            // packed: one length, then the varints
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            o.itemIds().forEach(id -> varint(packed, id));
            lengthDelimited(out, 6, packed.toByteArray());
        }
        if (!o.note().isEmpty()) {
            lengthDelimited(out, 7, o.note().getBytes(StandardCharsets.UTF_8));
        }
        if (o.createdAt() != 0) {
            tag(out, 8, VARINT);
            varint(out, o.createdAt());
        }
        return out.toByteArray();
    }

    static byte[] encodePage(List<Order> orders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        orders.forEach(o -> lengthDelimited(out, 1, encode(o)));   // nested messages are LEN
        return out.toByteArray();
    }
    // end::shown[]

    // tag::shown[]

    static String json(Order o) {
        StringBuilder items = new StringBuilder();
        for (long id : o.itemIds()) {
            items.append(items.isEmpty() ? "" : ",").append(id);
        }
        return "{\"orderId\":" + o.orderId() + ",\"customerId\":" + o.customerId()
                + ",\"amountCents\":" + o.amountCents() + ",\"currency\":\"" + o.currency()
                + "\",\"status\":\"" + o.status() + "\",\"itemIds\":[" + items
                + "],\"note\":\"" + o.note() + "\",\"createdAt\":" + o.createdAt() + "}";
    }
    // end::shown[]

    static String jsonPage(List<Order> orders) {
        List<String> each = orders.stream().map(ProtoWire::json).toList();
        return "{\"orders\":[" + String.join(",", each) + "]}";
    }

    /** Reads the bytes back into an Order, so the measured encoding is known to be complete. */
    static Order decode(byte[] bytes) {
        long[] numbers = new long[9];
        String currency = "", note = "";
        List<Long> items = new ArrayList<>();
        int[] at = {0};
        while (at[0] < bytes.length) {
            long key = readVarint(bytes, at);
            int field = (int) (key >>> 3);
            if ((key & 7) == VARINT) {
                numbers[field] = readVarint(bytes, at);
                continue;
            }
            int length = (int) readVarint(bytes, at);
            int end = at[0] + length;
            if (field == 6) {
                while (at[0] < end) {
                    items.add(readVarint(bytes, at));
                }
            } else {
                String text = new String(bytes, at[0], length, StandardCharsets.UTF_8);
                if (field == 4) {
                    currency = text;
                } else {
                    note = text;
                }
            }
            at[0] = end;
        }
        return new Order(numbers[1], numbers[2], numbers[3], currency, Status.values()[(int) numbers[5]],
                items, note, numbers[8]);
    }

    static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    static int gzipped(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    static Order order(Random random, int items, int noteWords) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ids.add(100_000L + random.nextInt(900_000));
        }
        String[] words = {"please", "leave", "the", "parcel", "at", "door", "with", "neighbour", "ring", "twice"};
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < noteWords; i++) {
            note.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return new Order(4_000_000_000L + random.nextInt(1_000_000), 10_000_000L + random.nextInt(90_000_000),
                500 + random.nextInt(50_000), "EUR", Status.PAID, ids, note.toString(),
                1_767_225_600L + random.nextInt(86_400));
    }

    /** One measured case: bytes per order in each encoding. */
    record Size(String name, int orders, int json, int proto, int jsonGzip, int protoGzip) {
        double ratio() {
            return (double) json / proto;
        }
    }

    static List<Size> sizes() {
        Random random = new Random(5);
        List<Size> sizes = new ArrayList<>();
        Object[][] cases = {{"order, 3 items, short note", 3, 4}, {"order, 50 items", 50, 4},
                {"order, 60-word note", 3, 60}};
        for (Object[] c : cases) {
            Order o = order(random, (int) c[1], (int) c[2]);
            check(o);
            byte[] json = json(o).getBytes(StandardCharsets.UTF_8), proto = encode(o);
            sizes.add(new Size((String) c[0], 1, json.length, proto.length, gzipped(json), gzipped(proto)));
        }
        List<Order> page = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            page.add(order(random, 3, 4));
            check(page.get(i));
        }
        byte[] json = jsonPage(page).getBytes(StandardCharsets.UTF_8), proto = encodePage(page);
        sizes.add(new Size("page of 100 orders", 100, json.length, proto.length, gzipped(json), gzipped(proto)));
        return sizes;
    }

    static void check(Order o) {
        if (!decode(encode(o)).equals(o)) {
            throw new AssertionError("round trip failed for " + o);
        }
    }

    // tag::shown[]

    public static void main(String[] args) {
        ByteArrayOutputStream classic = new ByteArrayOutputStream();
        tag(classic, 1, VARINT);
        varint(classic, 150);
        System.out.println("Field 1 = 150 on the wire: " + hex(classic.toByteArray()));
        System.out.printf("%-28s %6s %6s %6s %9s %9s%n", "bytes per message", "JSON", "proto",
                "ratio", "JSON gz", "proto gz");
        for (Size s : sizes()) {
            System.out.printf("%-28s %6d %6d %5.1fx %9d %9d%n", s.name(), s.json(), s.proto(),
                    s.ratio(), s.jsonGzip(), s.protoGzip());
        }
        System.out.println("Every message decoded back to the original: round trips checked");
    }
    // end::shown[]

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.isEmpty() ? "" : " ").append(String.format("%02x", b));
        }
        return s.toString();
    }

    public static Map<String, Object> facts() {
        List<Size> sizes = sizes();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("small-json", sizes.get(0).json());
        f.put("small-proto", sizes.get(0).proto());
        f.put("small-ratio", sizes.get(0).ratio());
        f.put("items-ratio", sizes.get(1).ratio());
        f.put("note-ratio", sizes.get(2).ratio());
        f.put("page-json", sizes.get(3).json());
        f.put("page-proto", sizes.get(3).proto());
        f.put("page-ratio", sizes.get(3).ratio());
        f.put("page-json-gzip", sizes.get(3).jsonGzip());
        f.put("page-proto-gzip", sizes.get(3).protoGzip());
        f.put("page-gzip-ratio", (double) sizes.get(3).jsonGzip() / sizes.get(3).protoGzip());
        Size page = sizes.get(3);
        f.put("page-json-per-order", (double) page.json() / page.orders());
        f.put("page-proto-per-order", (double) page.proto() / page.orders());
        f.put("page-json-gzip-per-order", (double) page.jsonGzip() / page.orders());
        f.put("page-proto-gzip-per-order", (double) page.protoGzip() / page.orders());
        return f;
    }

    public static Map<String, Object> charts() {
        List<Size> sizes = sizes();
        List<String> names = sizes.stream().map(Size::name).toList();
        String[] encodings = {"JSON", "JSON, gzip", "protobuf", "protobuf, gzip"};
        List<Object> series = new ArrayList<>();
        for (int e = 0; e < encodings.length; e++) {
            List<Double> data = new ArrayList<>();
            for (Size s : sizes) {
                int bytes = switch (e) {
                    case 0 -> s.json();
                    case 1 -> s.jsonGzip();
                    case 2 -> s.proto();
                    default -> s.protoGzip();
                };
                data.add(Math.round(10.0 * bytes / s.orders()) / 10.0);
            }
            series.add(Map.of("type", "bar", "name", encodings[e], "data", data));
        }
        return Map.of("payload-sizes", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "category", "data", names),
                "yAxis", Map.of("type", "value", "name", "bytes per order"),
                "series", series));
    }
}
