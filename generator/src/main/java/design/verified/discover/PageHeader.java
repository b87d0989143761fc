package design.verified.discover;

import design.verified.Problem;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a page's header the build needs before JBake runs (navigation, search, checks). JBake
 * skips a page with a bad header with only a log line; here it is an error with the line.
 */
record PageHeader(String title, String type, int order, String description) {

    static final Set<String> TYPES = Set.of("home", "module", "casestudy", "page");
    private static final Pattern ADOC_ATTRIBUTE = Pattern.compile("^:([\\w-]+):\\s*(.*)$");
    private static final Pattern MD_ATTRIBUTE = Pattern.compile("^([\\w-]+)=(.*)$");

    static PageHeader read(String source, String text, Page.Format format, List<Problem> problems) {
        Map<String, String> attrs = new TreeMap<>();
        String title = null;
        String[] lines = text.split("\n", -1);
        if (format == Page.Format.ASCIIDOC) {
            for (String line : lines) {
                if (title == null && line.startsWith("= ")) {
                    title = line.substring(2).strip();
                    continue;
                }
                if (line.isBlank()) {
                    break; // the header ends at the first blank line
                }
                Matcher m = ADOC_ATTRIBUTE.matcher(line);
                if (m.matches()) {
                    attrs.put(m.group(1).replaceFirst("^jbake-", ""), m.group(2).strip());
                }
            }
        } else {
            for (String line : lines) {
                if (line.startsWith("~~~~~~")) {
                    break;
                }
                Matcher m = MD_ATTRIBUTE.matcher(line);
                if (m.matches()) {
                    attrs.put(m.group(1), m.group(2).strip());
                }
            }
            title = attrs.get("title");
        }
        if (title == null || title.isBlank()) {
            problems.add(Problem.at(source, 1, "page has no title (AsciiDoc: a first line '= Title'; Markdown: 'title=...')"));
        }
        String type = attrs.getOrDefault("type", "");
        if (!TYPES.contains(type)) {
            problems.add(Problem.at(source, 1, "page type must be one of " + new java.util.TreeSet<>(TYPES)
                    + " (':jbake-type: module' or 'type=page'), found '" + type + "'"));
        }
        if (!"published".equals(attrs.get("status"))) {
            problems.add(Problem.at(source, 1, "page status must be 'published' (':jbake-status: published')"
                    + "; unfinished pages do not belong on main"));
        }
        int order = 0;
        if (attrs.containsKey("order")) {
            try {
                order = Integer.parseInt(attrs.get("order"));
            } catch (NumberFormatException e) {
                problems.add(Problem.at(source, 1, "order must be a whole number, found '" + attrs.get("order") + "'"));
            }
        } else if (type.equals("module") || type.equals("casestudy")) {
            problems.add(Problem.at(source, 1, type + " pages need an order (':jbake-order: 3')"));
        }
        return new PageHeader(title == null ? "" : title, type, order, attrs.getOrDefault("description", ""));
    }
}
