package design.verified.data;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import design.verified.BuildFailure;
import design.verified.Problem;
import design.verified.discover.Page;
import design.verified.discover.Program;
import design.verified.discover.Reference;
import design.verified.discover.SourceTree;
import design.verified.run.ProgramResult;
import design.verified.run.RunResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stage 4: everything programs produced, by the name pages use. Facts, tables and charts are named
 * {@code <package>.<name>}: {@code foundations.peak-qps} comes from a program in {@code snippets/foundations/}.
 * Assembling the catalog validates chart options and resolves every reference a page makes.
 */
public final class Catalog {

    /** The corrections to commonly repeated figures, which the generated verification report shows. */
    public static final String CORRECTIONS_TABLE = "corrections.common-figures";

    private final Map<String, Program> programs = new TreeMap<>();
    private final Map<String, ProgramResult> results;
    private final Map<String, Fact> facts = new TreeMap<>();
    private final Map<String, Table> tables = new TreeMap<>();
    private final Map<String, Chart> charts = new TreeMap<>();
    private final Set<String> unusedPrograms = new TreeSet<>();

    private Catalog(SourceTree sources, RunResults runs) {
        sources.programs().forEach(p -> programs.put(p.id(), p));
        this.results = runs.byProgram();
    }

    public static Catalog assemble(SourceTree sources, RunResults runs) {
        Catalog catalog = new Catalog(sources, runs);
        List<Problem> problems = new ArrayList<>();
        for (Program p : sources.programs()) {
            catalog.collect(p, runs.byProgram().get(p.id()), problems);
        }
        for (Page page : sources.pages()) {
            for (Reference ref : page.references()) {
                String issue = catalog.resolve(ref);
                if (issue == null) {
                    issue = outputShownElsewhere(ref, page);
                }
                if (issue != null) {
                    problems.add(Problem.at(ref.page(), ref.line(), issue));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BuildFailure("charts & facts", problems);
        }
        catalog.findUnused(sources);
        return catalog;
    }

    /**
     * A catalog in which every name a page uses resolves to a stand-in (zero, an empty table, a one-point
     * chart), built without compiling or running anything. Only for measuring what the bake costs on its
     * own (bench/); such a site is never published as verified.
     */
    public static Catalog unverified(SourceTree sources) {
        Map<String, ProgramResult> results = new TreeMap<>();
        sources.programs().forEach(p -> results.put(p.id(), new ProgramResult(p.id(), true, "(not run)", Map.of(),
                Map.of(), Map.of(), Map.of(), 0, false)));
        Catalog catalog = new Catalog(sources, new RunResults(results, 0, List.of()));
        ObjectNode stand = JsonNodeFactory.instance.objectNode();
        stand.putArray("series").addObject().put("type", "line").putArray("data").add(0);
        Program anyProgram = sources.programs().isEmpty() ? null : sources.programs().get(0);
        for (Page page : sources.pages()) {
            for (Reference ref : page.references()) {
                switch (ref.kind()) {
                    case FACT -> catalog.facts.putIfAbsent(ref.name(), new Fact(ref.name(), 0L, anyProgram));
                    case TABLE -> catalog.tables.putIfAbsent(ref.name(), new Table(ref.name(), List.of("-"),
                            List.of(List.of("-")), List.of(), anyProgram));
                    case CHART -> catalog.charts.putIfAbsent(ref.name(), new Chart(ref.name(), stand, anyProgram));
                    case SNIPPET -> { }
                }
            }
        }
        return catalog;
    }

    private void collect(Program p, ProgramResult r, List<Problem> problems) {
        String area = p.area();
        r.facts().forEach((name, value) -> {
            Fact clash = facts.put(area + "." + name, new Fact(area + "." + name, value, p));
            duplicate("fact", area + "." + name, clash == null ? null : clash.origin(), p, problems);
        });
        r.tables().forEach((name, rows) -> {
            List<String> derived = r.derived() == null ? List.of() : r.derived().getOrDefault(name, List.of());
            for (String column : derived) {
                if (!rows.get(0).contains(column)) {
                    problems.add(Problem.in(p.source(), "table '" + name + "' declares derived column '" + column
                            + "' but its header is " + rows.get(0)));
                }
            }
            Table clash = tables.put(area + "." + name, new Table(area + "." + name, rows.get(0),
                    rows.subList(1, rows.size()), derived, p));
            duplicate("table", area + "." + name, clash == null ? null : clash.origin(), p, problems);
        });
        r.charts().forEach((name, option) -> {
            String issue = ChartCheck.problemWith(option);
            if (issue != null) {
                problems.add(Problem.in(p.source(), "chart '" + name + "' " + issue));
            }
            Chart clash = charts.put(area + "." + name, new Chart(area + "." + name, option, p));
            duplicate("chart", area + "." + name, clash == null ? null : clash.origin(), p, problems);
        });
    }

    private static void duplicate(String kind, String id, Program earlier, Program p, List<Problem> problems) {
        if (earlier != null) {
            problems.add(Problem.in(p.source(), kind + " '" + id + "' is also defined by " + earlier.source()));
        }
    }

    /** Returns null when the reference resolves, else what is wrong, in words for the page's author. */
    private String resolve(Reference ref) {
        Map<String, String> attributes = MacroAttributes.parse(ref.attributes());
        switch (ref.kind()) {
            case SNIPPET -> {
                Program p = programs.get(ref.name());
                if (p == null) {
                    return "unknown snippet '" + ref.name() + "': no file snippets/" + ref.name() + ".java"
                            + suggestion(ref.name(), programs.keySet());
                }
                if (!results.get(p.id()).hasMain()) {
                    return "snippet '" + ref.name() + "' has no main method, so there is no output to show";
                }
                String tag = attributes.get("tag");
                if (tag != null && !SnippetRegions.hasTag(p.text(), tag)) {
                    return "snippet '" + ref.name() + "' has no region tagged '" + tag + "' (mark it with // tag::"
                            + tag + "[] and // end::" + tag + "[])";
                }
            }
            case CHART -> {
                if (!charts.containsKey(ref.name())) {
                    return "unknown chart '" + ref.name() + "'" + suggestion(ref.name(), charts.keySet());
                }
                for (String required : List.of("caption", "alt")) {
                    if (attributes.getOrDefault(required, "").isBlank()) {
                        return "chart '" + ref.name() + "' needs a " + required + "=\"...\" attribute";
                    }
                }
            }
            case TABLE -> {
                Table table = tables.get(ref.name());
                if (table == null) {
                    return "unknown table '" + ref.name() + "'" + suggestion(ref.name(), tables.keySet());
                }
                for (String column : Table.columnList(attributes.get("columns"))) {
                    if (!table.header().contains(column)) {
                        return "table '" + ref.name() + "' has no column '" + column + "' (its columns: "
                                + String.join(", ", table.header()) + ")";
                    }
                }
            }
            case FACT -> {
                if (!facts.containsKey(ref.name())) {
                    return "unknown fact '" + ref.name() + "'" + suggestion(ref.name(), facts.keySet());
                }
                return FactFormat.check(attributes);
            }
        }
        return null;
    }

    /**
     * {@code output=none} hides a snippet's output when the page shows another excerpt of the same program
     * with it: every code block still has its real output on the page, just not twice.
     */
    private static String outputShownElsewhere(Reference ref, Page page) {
        if (ref.kind() != Reference.Kind.SNIPPET || !"none".equals(MacroAttributes.parse(ref.attributes()).get("output"))) {
            return null;
        }
        boolean shown = page.references().stream().anyMatch(other -> other.kind() == Reference.Kind.SNIPPET
                && other.name().equals(ref.name()) && !"none".equals(MacroAttributes.parse(other.attributes()).get("output")));
        return shown ? null : "snippet '" + ref.name() + "' has output=none, but no other excerpt of it on this page"
                + " shows the output; every program's real output must appear on the page that shows its code";
    }

    /** "did you mean" for the commonest slip, a typo in a name that exists. */
    private static String suggestion(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void findUnused(SourceTree sources) {
        Set<String> used = new TreeSet<>();
        if (tables.containsKey(CORRECTIONS_TABLE)) {
            used.add(tables.get(CORRECTIONS_TABLE).origin().id());
        }
        for (Page page : sources.pages()) {
            for (Reference ref : page.references()) {
                used.add(programOf(ref));
            }
        }
        for (Program p : programs.values()) {
            ProgramResult r = results.get(p.id());
            boolean producesSomething = r.hasMain() || !r.facts().isEmpty() || !r.tables().isEmpty() || !r.charts().isEmpty();
            if (producesSomething && !used.contains(p.id())) {
                unusedPrograms.add(p.id());
            }
        }
    }

    /** The id of the program behind what a resolved reference names: the snippet itself, or the fact's, table's or chart's origin. */
    public String programOf(Reference ref) {
        return switch (ref.kind()) {
            case SNIPPET -> ref.name();
            case FACT -> facts.get(ref.name()).origin().id();
            case TABLE -> tables.get(ref.name()).origin().id();
            case CHART -> charts.get(ref.name()).origin().id();
        };
    }

    public Program program(String id) {
        return programs.get(id);
    }

    public ProgramResult result(String programId) {
        return results.get(programId);
    }

    public Fact fact(String id) {
        return facts.get(id);
    }

    public Table table(String id) {
        return tables.get(id);
    }

    public Chart chart(String id) {
        return charts.get(id);
    }

    public Map<String, Program> programs() {
        return programs;
    }

    public Map<String, Fact> facts() {
        return facts;
    }

    public Map<String, Table> tables() {
        return tables;
    }

    public Map<String, Chart> charts() {
        return charts;
    }

    /** Programs that produce something no page shows (reported, not fatal). */
    public Set<String> unusedPrograms() {
        return unusedPrograms;
    }
}
