package design.verified.run;

import java.util.Map;

/**
 * @param byProgram every program's result, by program id
 * @param executed  how many ran in this build (the rest came from the cache)
 */
public record RunResults(Map<String, ProgramResult> byProgram, int executed) {
}
