package design.verified.run;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * What one program produced. Facts, tables and charts are keyed by the local names the program gave
 * them; the catalog qualifies them with the program's package.
 *
 * @param stdout  everything {@code main} printed (empty if it has no main)
 * @param facts   values of {@code facts()}: a Long, Double or String each
 * @param tables  values of {@code tables()}: first row the header
 * @param derived per table, the columns computed from other columns (may be absent)
 * @param charts  values of {@code charts()}: ECharts options
 * @param millis  how long the run took in the worker (the cached value when reused)
 */
public record ProgramResult(String programId, boolean hasMain, String stdout, Map<String, Object> facts,
                            Map<String, List<List<String>>> tables, Map<String, List<String>> derived,
                            Map<String, JsonNode> charts, long millis, boolean cached) {

    public ProgramResult asCached() {
        return new ProgramResult(programId, hasMain, stdout, facts, tables, derived, charts, millis, true);
    }
}
