package design.verified.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a reader sees of a program: the whole file or a region between {@code // tag::name[]} and
 * {@code // end::name[]}, without the tag lines themselves and without the package line (a reader can
 * copy the code into a file and run it with {@code java File.java}).
 */
public final class SnippetRegions {

    private static final Pattern TAG_LINE = Pattern.compile("^\\s*//\\s*(tag|end)::[\\w-]+\\[\\]\\s*$");
    private static final Pattern PACKAGE_LINE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;\\s*$");
    private static final Pattern RUN_LINE = Pattern.compile("^\\s*//\\s*run:.*$");

    private SnippetRegions() {
    }

    public static boolean hasTag(String source, String tag) {
        return source.contains("// tag::" + tag + "[]") && source.contains("// end::" + tag + "[]");
    }

    public static String visible(String source, String tag) {
        List<String> out = new ArrayList<>();
        boolean inside = tag == null;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            if (tag != null && trimmed.equals("// tag::" + tag + "[]")) {
                inside = true;
                continue;
            }
            if (tag != null && trimmed.equals("// end::" + tag + "[]")) {
                inside = false;
                continue;
            }
            if (!inside || TAG_LINE.matcher(line).matches() || PACKAGE_LINE.matcher(line).matches()
                    || RUN_LINE.matcher(line).matches()) {
                continue;
            }
            out.add(line);
        }
        return dedent(trimBlankEdges(out));
    }

    private static List<String> trimBlankEdges(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    /** A region from inside a class reads better without the class's indentation. */
    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        int cut = indent == Integer.MAX_VALUE ? 0 : indent;
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.length() >= cut ? l.substring(cut) : l.strip());
        }
        return String.join("\n", out);
    }
}
