package apis;

// run: timeout=20s

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client pages through a newest-first feed while other users keep writing. Offset pagination
 * ("skip 100, take 50") returns some rows twice and never returns others; cursor pagination
 * ("ids below 4,951, take 50") returns every row that existed when the scan began exactly once.
 */
public class Pagination {

    static final int INITIAL_ROWS = 1_000;
    static final int PAGE = 50;

    // tag::shown[]
    /** An in-memory table of event ids; newest first means descending ids. */
    static class InMemoryEvents {
        final TreeSet<Long> ids = new TreeSet<>();
        long nextId = 1;
        long rowsScanned;

        void insert() {
            ids.add(nextId++);
        }

        /** ORDER BY id DESC LIMIT ? OFFSET ?: the database walks past every skipped row. */
        List<Long> pageByOffset(int offset, int limit) {
            List<Long> page = new ArrayList<>();
            int position = 0;
            for (long id : ids.descendingSet()) {
                rowsScanned++;
                if (position++ >= offset) {
                    page.add(id);
                    if (page.size() == limit) {
                        break;
                    }
                }
            }
            return page;
        }

        /** WHERE id < ? ORDER BY id DESC LIMIT ?: an index seek, then just the page. */
        List<Long> pageByCursor(long below, int limit) {
            List<Long> page = new ArrayList<>();
            for (long id : ids.headSet(below, false).descendingSet()) {
                rowsScanned++;
                page.add(id);
                if (page.size() == limit) {
                    break;
                }
            }
            return page;
        }
    }

    /** The cursor is opaque to clients: here the last id seen, base64-encoded. */
    static String encodeCursor(long lastId) {
        byte[] json = ("{\"below\":" + lastId + "}").getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    static long decodeCursor(String cursor) {
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Long.parseLong(json.replaceAll("\\D", ""));
    }
    // end::shown[]

    record Scan(int duplicated, int skipped, long rowsScanned, int pages) {
    }

    // tag::shown[]

    /** Pages through the feed; between page requests, other users insert and delete rows. */
    static Scan scan(boolean useCursor, int insertsPerPage, int deletesPerPage, long seed) {
        Random random = new Random(seed);
        InMemoryEvents events = new InMemoryEvents();
        for (int i = 0; i < INITIAL_ROWS; i++) {
            events.insert();
        }
        Set<Long> atStart = new HashSet<>(events.ids), deleted = new HashSet<>();
        Map<Long, Integer> seen = new HashMap<>();
        String cursor = encodeCursor(Long.MAX_VALUE);
        int pages = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<Long> page = useCursor ? events.pageByCursor(decodeCursor(cursor), PAGE)
                    : events.pageByOffset(offset, PAGE);
            pages++;
            page.forEach(id -> seen.merge(id, 1, Integer::sum));
            if (page.size() < PAGE) {
                break;
            }
            cursor = encodeCursor(page.get(PAGE - 1));
            for (int i = 0; i < insertsPerPage; i++) {
                events.insert();                          // new rows appear at the top
            }
            for (int i = 0; i < deletesPerPage; i++) {    // old rows disappear anywhere
                long victim = 1 + random.nextInt(INITIAL_ROWS);
                if (events.ids.remove(victim)) {
                    deleted.add(victim);
                }
            }
        }
        int duplicated = (int) seen.values().stream().filter(n -> n > 1).count();
        int skipped = (int) atStart.stream()
                .filter(id -> !deleted.contains(id) && !seen.containsKey(id)).count();
        return new Scan(duplicated, skipped, events.rowsScanned, pages);
    }

    public static void main(String[] args) {
        System.out.printf("Paging %,d events, %d per page, while others keep writing%n",
                INITIAL_ROWS, PAGE);
        System.out.printf("%-22s %17s   %17s%n", "writes between pages", "offset: rows seen",
                "cursor: rows seen");
        System.out.printf("%-22s %8s %8s   %8s %8s%n", "", "twice", "never", "twice", "never");
        for (int[] writes : new int[][] {{0, 0}, {5, 0}, {0, 5}, {5, 5}}) {
            Scan offset = scan(false, writes[0], writes[1], 1);
            Scan cursor = scan(true, writes[0], writes[1], 1);
            System.out.printf("%-22s %8d %8d   %8d %8d%n",
                    writes[0] + " inserts, " + writes[1] + " deletes", offset.duplicated(),
                    offset.skipped(), cursor.duplicated(), cursor.skipped());
        }
        Scan offset = scan(false, 0, 0, 1), cursor = scan(true, 0, 0, 1);
        System.out.printf("Rows walked for the whole scan: offset %,d, cursor %,d%n",
                offset.rowsScanned(), cursor.rowsScanned());
        System.out.println("A cursor as clients see it: " + encodeCursor(951));
    }
    // end::shown[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        Scan inserts = scan(false, 5, 0, 1), deletes = scan(false, 0, 5, 1);
        Scan cursorBoth = scan(true, 5, 5, 1);
        f.put("rows", INITIAL_ROWS);
        f.put("page", PAGE);
        f.put("offset-duplicated-5-inserts", inserts.duplicated());
        f.put("offset-skipped-5-deletes", deletes.skipped());
        f.put("cursor-duplicated", cursorBoth.duplicated());
        f.put("cursor-skipped", cursorBoth.skipped());
        f.put("offset-rows-scanned", scan(false, 0, 0, 1).rowsScanned());
        f.put("cursor-rows-scanned", scan(true, 0, 0, 1).rowsScanned());
        f.put("pages", scan(true, 0, 0, 1).pages());
        f.put("offset-duplicated-20-inserts", scan(false, 20, 0, 1).duplicated());
        f.put("offset-skipped-20-deletes", scan(false, 0, 20, 1).skipped());
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Integer>> duplicates = new ArrayList<>(), skips = new ArrayList<>(), cursor = new ArrayList<>();
        for (int w = 0; w <= 20; w += 2) {
            duplicates.add(List.of(w, scan(false, w, 0, 1).duplicated()));
            skips.add(List.of(w, scan(false, 0, w, 1).skipped()));
            Scan c = scan(true, w, w, 1);
            cursor.add(List.of(w, c.duplicated() + c.skipped()));
        }
        return Map.of("offset-vs-cursor", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "writes by others between two page requests",
                        "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "value", "name", "rows (of 1,000)"),
                "series", List.of(
                        Map.of("type", "line", "name", "offset: rows returned twice (inserts)", "data", duplicates),
                        Map.of("type", "line", "name", "offset: rows never returned (deletes)", "data", skips),
                        Map.of("type", "line", "name", "cursor: duplicated + skipped (inserts and deletes)",
                                "data", cursor))));
    }
}
