package observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiwindow, multi-burn-rate alerting, run minute by minute against incident scenarios. Each rule
 * fires when the burn rate over a long window AND over a short window both exceed its threshold: the
 * long window proves the problem is big enough to matter, the short one proves it is still happening.
 */
public class BurnRateAlerts {

    static final double SLO = 0.999;
    static final int WINDOW_DAYS = 30;
    static final double WINDOW_HOURS = WINDOW_DAYS * 24;
    static final double BASELINE_ERROR_RATE = 0.0002;   // a healthy service still fails a little

    // tag::rules[]
    /** Page or ticket when this much of the budget has gone within the long window. */
    record Rule(String name, int longMinutes, int shortMinutes, double budgetFraction) {
        /** The burn rate that spends budgetFraction of the budget in longMinutes. */
        double threshold() {
            return budgetFraction * WINDOW_HOURS / (longMinutes / 60.0);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule("page: fast burn", 60, 5, 0.02),
            new Rule("page: slow burn", 360, 30, 0.05),
            new Rule("ticket", 3 * 24 * 60, 360, 0.10));

    /** Per-minute error rates as running totals: any window's average costs one subtraction. */
    record ErrorLog(double[] runningTotal) {
        static ErrorLog of(double[] perMinute) {
            double[] total = new double[perMinute.length + 1];
            for (int m = 0; m < perMinute.length; m++) {
                total[m + 1] = total[m] + perMinute[m];
            }
            return new ErrorLog(total);
        }

        /** Burn rate over the `minutes` minutes that end with minute `now`. */
        double burn(int now, int minutes) {
            double errors = runningTotal[now + 1] - runningTotal[now + 1 - minutes];
            double errorRate = errors / minutes;
            return errorRate / (1 - SLO);
        }
    }

    static boolean fires(Rule r, ErrorLog log, int now) {
        return log.burn(now, r.longMinutes()) > r.threshold()
                && log.burn(now, r.shortMinutes()) > r.threshold();
    }
    // end::rules[]

    static boolean firesOnLongWindowOnly(Rule r, ErrorLog log, int now) {
        return log.burn(now, r.longMinutes()) > r.threshold();
    }

    /** An incident: a constant error rate from minute 0 for a while, on top of the baseline. */
    record Scenario(String name, double errorRate, int minutes) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("hard outage", 1.0, 15),
            new Scenario("bad deploy", 0.02, 120),
            new Scenario("partial degradation", 0.008, 12 * 60),
            new Scenario("slow leak", 0.002, 3 * 24 * 60),
            new Scenario("short blip", 0.05, 4));

    static final int HISTORY = 3 * 24 * 60;    // minutes of baseline before the incident starts
    static final int HORIZON = 6 * 24 * 60;    // minutes simulated after it starts

    /** Per-minute error rates; index HISTORY is the incident's first minute. */
    static ErrorLog timeline(Scenario s, double before) {
        double[] rate = new double[HISTORY + HORIZON];
        for (int i = 0; i < rate.length; i++) {
            int minute = i - HISTORY;
            rate[i] = minute < 0 ? before : minute < s.minutes() ? s.errorRate() : BASELINE_ERROR_RATE;
        }
        return ErrorLog.of(rate);
    }

    record Outcome(Scenario scenario, Rule firstRule, int detectedAfter, double budgetSpentAtDetection,
                   double budgetSpentByIncident, int firingAfterFixMultiwindow, int firingAfterFixLongOnly) {
    }

    static Outcome run(Scenario s) {
        ErrorLog rate = timeline(s, BASELINE_ERROR_RATE);
        double budgetErrorMinutes = WINDOW_DAYS * 24 * 60 * (1 - SLO);
        Rule first = null;
        int detected = -1;
        for (int minute = 0; minute < HORIZON && first == null; minute++) {
            for (Rule r : RULES) {
                if (fires(r, rate, HISTORY + minute)) {
                    first = r;
                    detected = minute + 1;   // the alert is raised at the end of this minute
                    break;
                }
            }
        }
        double spentAtDetection = first == null ? 0 : s.errorRate() * Math.min(detected, s.minutes()) / budgetErrorMinutes;
        int afterFix = first == null ? 0 : minutesStillFiring(first, rate, s, false);
        int afterFixLong = first == null ? 0 : minutesStillFiring(first, rate, s, true);
        return new Outcome(s, first, detected, spentAtDetection, s.errorRate() * s.minutes() / budgetErrorMinutes,
                afterFix, afterFixLong);
    }

    /** How many minutes after the incident ends the rule keeps firing. */
    static int minutesStillFiring(Rule r, ErrorLog rate, Scenario s, boolean longWindowOnly) {
        int count = 0;
        for (int minute = s.minutes(); minute < HORIZON; minute++) {
            boolean on = longWindowOnly ? firesOnLongWindowOnly(r, rate, HISTORY + minute) : fires(r, rate, HISTORY + minute);
            if (!on) {
                break;
            }
            count++;
        }
        return count;
    }

    public static void main(String[] args) {
        for (Rule r : RULES) {
            System.out.printf("%-16s burn > %4.1f over %s and over %s%n", r.name(), r.threshold(),
                    span(r.longMinutes()), span(r.shortMinutes()));
        }
        Scenario deploy = SCENARIOS.get(1);
        Rule fast = RULES.get(0);
        ErrorLog log = timeline(deploy, BASELINE_ERROR_RATE);
        System.out.printf("%nBad deploy: %.0f%% errors in minutes 1 to %d, then rolled back%n",
                deploy.errorRate() * 100, deploy.minutes());
        System.out.println("minute  5 m burn  1 h burn  page (1 h + 5 m)  page (1 h only)");
        for (int[] range : new int[][]{{41, 45}, {119, 123}, {134, 138}}) {
            for (int minute = range[0]; minute <= range[1]; minute++) {
                int now = HISTORY + minute;
                System.out.printf("%6d  %8.1f  %8.1f  %-16s  %s%n", minute + 1, log.burn(now, fast.shortMinutes()),
                        log.burn(now, fast.longMinutes()), fires(fast, log, now) ? "PAGE" : "-",
                        firesOnLongWindowOnly(fast, log, now) ? "PAGE" : "-");
            }
            System.out.println("   ...");
        }
    }

    static String span(int minutes) {
        if (minutes >= 24 * 60 && minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + " d";
        }
        if (minutes >= 60) {
            return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " m";
        }
        return minutes + " m";
    }

    static Outcome outcome(String name) {
        return run(SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("baseline-error-rate", BASELINE_ERROR_RATE);
        for (Scenario s : SCENARIOS) {
            Outcome o = run(s);
            String key = s.name().replace(' ', '-');
            f.put(key + "-error-rate", s.errorRate());
            f.put(key + "-minutes", s.minutes());
            f.put(key + "-spent-total", o.budgetSpentByIncident());
            if (o.detectedAfter() < 0) {
                continue; // nothing fired: no detection time, and nothing to clear after the fix
            }
            f.put(key + "-detected-minutes", o.detectedAfter());
            f.put(key + "-spent-at-detection", o.budgetSpentAtDetection());
            f.put(key + "-firing-after-fix", o.firingAfterFixMultiwindow());
            f.put(key + "-firing-after-fix-long-only", o.firingAfterFixLongOnly());
        }
        f.put("slow-leak-detected-hours", outcome("slow leak").detectedAfter() / 60.0);
        // what the charts show: the bad deploy's burn rate, and the fast-burn page's detection time
        f.put("bad-deploy-burn-rate", SCENARIOS.stream().filter(s -> s.name().equals("bad deploy")).findFirst().orElseThrow()
                .errorRate() / (1 - SLO));
        f.put("fast-burn-fires-at-2pct-minutes", minutesToFire(RULES.get(0), 0.02));
        f.put("fast-burn-fires-at-100pct-minutes", minutesToFire(RULES.get(0), 1.0));
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rules = new ArrayList<>();
        rules.add(List.of("Alert", "Long window", "Short window", "Burn-rate threshold", "Budget spent when it fires",
                "Error rate at 99.9 %", "Budget gone in"));
        for (Rule r : RULES) {
            rules.add(List.of(r.name(), span(r.longMinutes()), span(r.shortMinutes()),
                    trim(r.threshold()), trim(r.budgetFraction() * 100) + " %",
                    trim(r.threshold() * (1 - SLO) * 100) + " %",
                    trim(WINDOW_HOURS / r.threshold()) + " h"));
        }
        List<List<String>> incidents = new ArrayList<>();
        incidents.add(List.of("Incident", "Error rate", "Lasts", "First alert", "Fires after", "Budget spent by then",
                "Budget spent in total", "Still firing after the fix", "Same, on the long window only"));
        for (Scenario s : SCENARIOS) {
            Outcome o = run(s);
            boolean none = o.firstRule() == null;
            incidents.add(List.of(s.name(), trim(s.errorRate() * 100) + " %", span(s.minutes()),
                    none ? "none" : o.firstRule().name(), none ? "-" : span(o.detectedAfter()),
                    none ? "-" : String.format("%.1f %%", o.budgetSpentAtDetection() * 100),
                    String.format("%.1f %%", o.budgetSpentByIncident() * 100),
                    none ? "-" : span(o.firingAfterFixMultiwindow()), none ? "-" : span(o.firingAfterFixLongOnly())));
        }
        return Map.of("rules", Map.of("rows", rules, "derived", List.of("Burn-rate threshold", "Error rate at 99.9 %",
                "Budget gone in")),
                "incidents", Map.of("rows", incidents, "derived", List.of("Budget spent by then", "Budget spent in total")));
    }

    static String trim(double v) {
        String s = String.format("%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    public static Map<String, Object> charts() {
        return Map.of("bad-deploy", badDeployChart(), "detection-time", detectionChart());
    }

    /** Burn rates and alert state around the bad-deploy incident, minute by minute. */
    static Map<String, Object> badDeployChart() {
        Scenario s = SCENARIOS.get(1);
        Rule fast = RULES.get(0);
        ErrorLog rate = timeline(s, BASELINE_ERROR_RATE);
        List<List<Double>> shortBurn = new ArrayList<>();
        List<List<Double>> longBurn = new ArrayList<>();
        List<List<Double>> multi = new ArrayList<>();
        List<List<Double>> longOnly = new ArrayList<>();
        for (int minute = -30; minute <= 210; minute++) {
            int i = HISTORY + minute;
            shortBurn.add(List.of((double) minute, round(rate.burn(i, fast.shortMinutes()))));
            longBurn.add(List.of((double) minute, round(rate.burn(i, fast.longMinutes()))));
            multi.add(List.of((double) minute, fires(fast, rate, i) ? 1.0 : 0.0));
            longOnly.add(List.of((double) minute, firesOnLongWindowOnly(fast, rate, i) ? 1.0 : 0.0));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", List.of(
                Map.of("left", 60, "right", 30, "top", 40, "height", "52%"),
                Map.of("left", 60, "right", 30, "top", "72%", "height", "16%")));
        option.put("xAxis", List.of(
                Map.of("type", "value", "gridIndex", 0, "min", -30, "max", 210),
                Map.of("type", "value", "gridIndex", 1, "min", -30, "max", 210,
                        "name", "minutes since the deploy", "nameLocation", "middle", "nameGap", 28)));
        option.put("yAxis", List.of(
                Map.of("type", "value", "gridIndex", 0, "name", "burn rate"),
                Map.of("type", "value", "gridIndex", 1, "min", 0, "max", 1, "interval", 1, "name", "paging")));
        option.put("series", List.of(
                Map.of("type", "line", "name", "5-minute burn rate", "showSymbol", false, "data", shortBurn,
                        "markLine", Map.of("symbol", "none", "label", Map.of("position", "insideEndTop", "formatter", "threshold " + trim(fast.threshold())),
                                "data", List.of(Map.of("yAxis", fast.threshold())))),
                Map.of("type", "line", "name", "1-hour burn rate", "showSymbol", false, "data", longBurn),
                Map.of("type", "line", "name", "page on 1 h only", "step", "end", "showSymbol", false,
                        "xAxisIndex", 1, "yAxisIndex", 1, "data", longOnly),
                Map.of("type", "line", "name", "page on 1 h and 5 m", "step", "end", "showSymbol", false,
                        "xAxisIndex", 1, "yAxisIndex", 1, "data", multi)));
        return option;
    }

    /** Minutes from the start of a constant error rate until each rule fires, from a clean history. */
    static Map<String, Object> detectionChart() {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Rule r : RULES) {
            List<List<Double>> points = new ArrayList<>();
            for (double e = 0.0005; e <= 1.0001; e *= Math.pow(10, 0.125)) {
                int t = minutesToFire(r, e);
                if (t > 0) {
                    points.add(List.of(round(e * 100), (double) t));
                }
            }
            series.add(Map.of("type", "line", "name", r.name(), "data", points));
        }
        return Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "error rate, % of requests (log scale)", "nameLocation", "middle",
                        "nameGap", 30),
                "yAxis", Map.of("type", "log", "name", "minutes until it fires (log scale)"),
                "series", series);
    }

    /** First minute at which the rule fires for a constant error rate after a clean history; 0 if never. */
    static int minutesToFire(Rule r, double errorRate) {
        Scenario s = new Scenario("step", errorRate, HORIZON);
        ErrorLog rate = timeline(s, 0.0);
        for (int minute = 0; minute < HORIZON; minute++) {
            if (fires(r, rate, HISTORY + minute)) {
                return minute + 1;
            }
        }
        return 0;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
