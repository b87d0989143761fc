package design.verified.discover;

import design.verified.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Every code block a reader sees is a program the build ran, so pages may not type one in: a listing
 * or source block (AsciiDoc) or a fenced block (Markdown) is an error pointing at {@code snippet::}.
 */
final class CodeBlockRule {

    private CodeBlockRule() {
    }

    static List<Problem> check(String source, String text, Page.Format format) {
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String open = null; // the delimiter of the block we are inside, if any
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (open != null) {
                if (line.equals(open)) {
                    open = null;
                }
                continue;
            }
            if (format == Page.Format.ASCIIDOC) {
                if (line.equals("////")) {
                    open = line;
                } else if (line.equals("----") || line.startsWith("[source") || line.startsWith("[listing")) {
                    problems.add(Problem.at(source, i + 1, "a typed-in code block: show code with"
                            + " snippet::<area>/<Program>[] so that the build compiles and runs it"));
                    open = "----";
                    if (line.equals("----")) {
                        continue;
                    }
                    i++; // the delimiter line that follows a [source] line opens the block
                }
            } else if (line.startsWith("```") || (line.startsWith("~~~") && !line.startsWith("~~~~~~"))) {
                problems.add(Problem.at(source, i + 1, "a fenced code block: Markdown pages are prose only;"
                        + " code belongs on an AsciiDoc page as snippet::<area>/<Program>[]"));
                open = line.substring(0, 3);
            }
        }
        return problems;
    }
}
