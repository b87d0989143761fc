package design.verified.run;

import java.util.Map;

/**
 * @param byProgram every program's result, by program id
 * @param executed  how many ran in this build (the rest came from the cache)
 * @param deferred  programs whose result is the previous one of this session although a folder they read
 *                  changed (preview only: they rerun in the build that follows)
 */
public record RunResults(Map<String, ProgramResult> byProgram, int executed, java.util.List<String> deferred) {
}
