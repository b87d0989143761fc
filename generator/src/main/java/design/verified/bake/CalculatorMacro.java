package design.verified.bake;

import design.verified.data.Fact;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code calculator::capacity[]}: a form where the reader turns a knob and watches an estimate change, step
 * by step (js/calculators.js computes in the browser). Default inputs and expected results are facts of the
 * page's program, so the form starts exactly where the Java program is: a browser test checks that, for the
 * defaults, each step shows the fact's value. {@code facts="prefix."} reads the facts under another prefix
 * (the fixture tests use it); {@code title="..."} replaces the heading.
 */
@Name("calculator")
public final class CalculatorMacro extends BlockMacroProcessor {

    /** One knob: a fact used as the default value. */
    record Input(String key, String label, String step, String min, String max) {
    }

    /** One step of the arithmetic: a fact the result must equal for the default inputs. */
    record Output(String key, String label) {
    }

    record Calculator(String name, String title, String prefix, List<Input> inputs, List<Output> outputs) {
    }

    static final Map<String, Calculator> CALCULATORS = Map.of(
            "capacity", new Calculator("capacity", "Try it: from daily users to servers", "foundations.",
                    List.of(new Input("dau", "Daily active users", "1", "1", null),
                            new Input("opens-per-user", "Requests per user per day", "any", "0", null),
                            new Input("peak-factor", "Peak to average", "any", "1", null),
                            new Input("qps-per-server", "QPS one server handles", "any", "1", null),
                            new Input("zones", "Zones per region (survive losing one)", "1", "2", null),
                            new Input("regions", "Regions (survive losing one)", "1", "2", null)),
                    List.of(new Output("average-qps", "Average QPS"),
                            new Output("peak-qps", "Peak QPS"),
                            new Output("servers-at-peak", "Servers for the peak"),
                            new Output("servers-zone-loss", "Servers that survive losing a zone"),
                            new Output("regional-peak-qps", "Peak per region when one region is down"),
                            new Output("servers-per-region", "Servers per region"),
                            new Output("fleet", "Fleet"))),
            "quorum", new Calculator("quorum", "Try it: quorum reads and writes", "consistency.quorum-default-",
                    List.of(new Input("n", "Replicas (N)", "1", "1", null),
                            new Input("w", "Write quorum (W)", "1", "1", null),
                            new Input("r", "Read quorum (R)", "1", "1", null)),
                    List.of(new Output("strong", "Every read sees the latest write (1 = yes)"),
                            new Output("write-failures-tolerated", "Replicas that can fail and writes still succeed"),
                            new Output("read-failures-tolerated", "Replicas that can fail and reads still succeed"))),
            "cache", new Calculator("cache", "Try it: hit rate to effective latency", "caching.",
                    List.of(new Input("hit-rate", "Hit rate", "any", "0", null),
                            new Input("hit-ms", "Latency of a hit (ms)", "any", "0", null),
                            new Input("miss-ms", "Latency of a miss (ms)", "any", "0", null)),
                    List.of(new Output("effective-ms", "Effective latency (ms)"))),
            "slo", new Calculator("slo", "Try it: SLO to error budget and burn rates", "observability.",
                    List.of(new Input("slo", "SLO", "any", "0", null),
                            new Input("window-days", "Window (days)", "any", "1", null)),
                    List.of(new Output("budget-minutes", "Error budget (minutes of full outage)"),
                            new Output("fast-burn-rate", "Fast-burn alert: burn rate that spends 2 % of the budget in 1 hour"),
                            new Output("slow-burn-rate", "Slow-burn alert: burn rate that spends 5 % of the budget in 6 hours"))));

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        BakeContext bake = BakeContext.current();
        Calculator calculator = CALCULATORS.get(target);
        if (calculator == null) {
            return createBlock(parent, "pass", MacroSupport.fail("unknown calculator '" + target + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(CALCULATORS.keySet())) + ")"));
        }
        Map<String, String> attrs = MacroSupport.strings(attributes);
        String prefix = attrs.getOrDefault("facts", calculator.prefix());
        List<String> missing = new ArrayList<>();
        Set<String> programs = new LinkedHashSet<>();
        for (String key : keys(calculator)) {
            Fact fact = bake.catalog().fact(prefix + key);
            if (fact == null) {
                missing.add(prefix + key);
            } else if (!(fact.value() instanceof Number)) {
                missing.add(prefix + key + " (not a number: " + fact.value() + ")");
            } else {
                programs.add(fact.origin().id());
            }
        }
        if (!missing.isEmpty()) {
            return createBlock(parent, "pass", MacroSupport.fail("calculator '" + target + "' needs the facts "
                    + String.join(", ", missing) + ": its program's facts() must return them"));
        }
        return createBlock(parent, "pass", html(calculator, attrs.getOrDefault("title", calculator.title()), prefix, programs, bake));
    }

    private static List<String> keys(Calculator c) {
        List<String> keys = new ArrayList<>();
        c.inputs().forEach(i -> keys.add(i.key()));
        c.outputs().forEach(o -> keys.add(o.key()));
        return keys;
    }

    private static String html(Calculator c, String title, String prefix, Set<String> programs, BakeContext bake) {
        String id = "calculator-" + c.name();
        StringBuilder h = new StringBuilder();
        h.append("<form class=\"calculator\" data-calculator=\"").append(c.name()).append("\" aria-labelledby=\"")
                .append(id).append("-title\">\n");
        h.append("<p class=\"calculator-title\" id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</p>\n");
        h.append("<div class=\"calculator-inputs\">\n");
        for (Input in : c.inputs()) {
            Fact fact = bake.catalog().fact(prefix + in.key());
            String value = plain((Number) fact.value());
            h.append("<div><label for=\"").append(id).append('-').append(in.key()).append("\">").append(Html.escape(in.label()))
                    .append("</label><input id=\"").append(id).append('-').append(in.key()).append("\" name=\"").append(in.key())
                    .append("\" type=\"number\" inputmode=\"decimal\" step=\"").append(in.step()).append("\"")
                    .append(in.min() == null ? "" : " min=\"" + in.min() + "\"")
                    .append(in.max() == null ? "" : " max=\"" + in.max() + "\"")
                    .append(" value=\"").append(value).append("\" data-fact=\"").append(Html.escape(fact.id())).append("\"></div>\n");
        }
        h.append("</div>\n<ol class=\"calculator-steps\" aria-live=\"polite\">\n");
        for (Output out : c.outputs()) {
            Fact fact = bake.catalog().fact(prefix + out.key());
            h.append("<li data-step=\"").append(out.key()).append("\"><span class=\"step-label\">").append(Html.escape(out.label()))
                    .append("</span>: <output name=\"").append(out.key()).append("\" data-fact=\"").append(Html.escape(fact.id()))
                    .append("\" data-expect=\"").append(Html.escape(String.valueOf(fact.value()))).append("\">")
                    .append(Html.escape(plain((Number) fact.value()))).append("</output>")
                    .append("<span class=\"step-math\"></span></li>\n");
        }
        h.append("</ol>\n<p class=\"calculator-note\">With the default inputs every step equals what ");
        List<String> links = new ArrayList<>();
        for (String program : programs) {
            links.add("<a href=\"" + Html.escape(bake.rootPath() + Html.programPage(program)) + "\">snippets/"
                    + Html.escape(program) + ".java</a>");
        }
        h.append(String.join(" and ", links)).append(" computed in this build. ")
                .append("<button type=\"reset\" class=\"calculator-reset\">Back to the defaults</button></p>\n</form>");
        return h.toString();
    }

    /** A number as a form value: no exponent, no trailing ".0". */
    static String plain(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf((long) d);
            }
            return new java.math.BigDecimal(String.valueOf(d)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(n);
    }
}
