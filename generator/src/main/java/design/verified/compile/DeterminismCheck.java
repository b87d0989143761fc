package design.verified.compile;

import design.verified.Problem;
import design.verified.discover.Program;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages show a program's output as a fact about the program, so the output must not change from one
 * run to the next. This check rejects the usual sources of drift (clocks, unseeded randomness) unless
 * the line says why it is harmless with a trailing {@code // deterministic: <reason>} comment.
 */
final class DeterminismCheck {

    private static final Pattern DRIFT = Pattern.compile(
            "Math\\.random\\(|new Random\\(\\)|ThreadLocalRandom|UUID\\.randomUUID\\(|System\\.currentTimeMillis\\("
                    + "|System\\.nanoTime\\(|(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime)\\.now\\("
                    + "|Clock\\.system");
    private static final String WAIVER = "// deterministic:";

    private DeterminismCheck() {
    }

    static List<Problem> check(Program program) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = program.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains(WAIVER)) {
                continue;
            }
            String code = stripLineComment(line);
            Matcher m = DRIFT.matcher(code);
            if (m.find()) {
                problems.add(Problem.at(program.source(), i + 1, "nondeterministic call '" + m.group()
                        + "': its output would change between runs; use a seeded new Random(seed) or a fixed"
                        + " instant, or end the line with '" + WAIVER + " <why it does not reach the output>'"));
            }
        }
        return problems;
    }

    private static String stripLineComment(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")) {
            return "";
        }
        int comment = line.indexOf("// ");
        return comment >= 0 ? line.substring(0, comment) : line;
    }
}
