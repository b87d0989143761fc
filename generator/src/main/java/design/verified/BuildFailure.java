package design.verified;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a stage that found problems; the build stops and publishes nothing. */
public final class BuildFailure extends RuntimeException {
    private final String stage;
    private final List<Problem> problems;

    public BuildFailure(String stage, List<Problem> problems) {
        super(stage + " failed:\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.stage = stage;
        this.problems = List.copyOf(problems);
    }

    public static BuildFailure of(String stage, Problem problem) {
        return new BuildFailure(stage, List.of(problem));
    }

    public String stage() {
        return stage;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** What the console shows: the stage, then one {@code file:line: message} line per problem. */
    public String report() {
        return "BUILD FAILED in stage '" + stage + "':\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
