package design.verified.run;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The messages between the build and a worker JVM: one JSON object per line each way. */
final class WorkerProtocol {

    /** Sorted keys, so that the same result always serialises to the same bytes. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The first line a worker prints, once it can take requests. */
    static final String READY = "ready";

    record Request(String programId, String className, String classesDir) {
    }

    /**
     * @param error  null on success; otherwise what went wrong, in words
     * @param line   the program's line the error points at, or 0
     */
    record Response(String programId, String error, int line, boolean hasMain, String stdout, String stderr,
                    java.util.Map<String, Object> facts, java.util.Map<String, java.util.List<java.util.List<String>>> tables,
                    java.util.Map<String, java.util.List<String>> derived,
                    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> charts, long millis) {
    }

    private WorkerProtocol() {
    }
}
