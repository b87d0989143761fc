package design.verified.data;

import com.fasterxml.jackson.databind.JsonNode;
import design.verified.discover.Program;

/** An ECharts option computed by a program, already validated. */
public record Chart(String id, JsonNode option, Program origin) {
}
