package design.verified.sitetests;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 11's numbers, recomputed from what the page states: error budgets from the SLO and the
 * window, burn-rate thresholds from "share of the budget in a window", detection times by replaying
 * the alert rules minute by minute, telemetry volumes from the stated unit sizes.
 */
class Module11ObservabilityTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/11-observability.html", "observability");

    // --- Error budget and burn rates -------------------------------------------------------------

    @Test
    void theCalculatorFactsFollowFromTheSloAndTheWindow() {
        double slo = PAGE.fact("slo");
        double days = PAGE.fact("window-days");
        double windowHours = days * 24;
        assertEquals(0.999, slo, 1e-12, PAGE + ": the calculator's default SLO");
        assertEquals(30, days, PAGE + ": the calculator's default window");
        assertEquals(days * 24 * 60 * (1 - slo), PAGE.fact("budget-minutes"), 1e-9, PAGE + ": budget minutes");
        // "2 % of the budget in 1 hour" and "5 % of the budget in 6 hours", as burn rates.
        double fast = 0.02 * windowHours / 1;
        double slow = 0.05 * windowHours / 6;
        assertEquals(fast, PAGE.fact("fast-burn-rate"), 1e-9, PAGE + ": fast burn rate");
        assertEquals(slow, PAGE.fact("slow-burn-rate"), 1e-9, PAGE + ": slow burn rate");
        assertEquals(fast * (1 - slo), PAGE.fact("fast-burn-error-rate"), 1e-12, PAGE + ": fast-burn error rate");
        assertEquals(windowHours / fast, PAGE.fact("fast-burn-hours-to-exhaust"), 1e-9, PAGE + ": fast-burn exhaustion");
        // The source's "10 % in one hour -> 10 hours" and "2 % in an hour ~ 1 % errors", corrected.
        double tenPercentPerHour = 0.10 * windowHours;
        assertEquals(tenPercentPerHour, PAGE.fact("ten-percent-hour-burn-rate"), 1e-9, PAGE + ": 10 %/hour burn rate");
        assertEquals(tenPercentPerHour * (1 - slo), PAGE.fact("ten-percent-hour-error-rate"), 1e-12, PAGE + ": 10 %/hour errors");
        assertEquals(10, PAGE.fact("ten-percent-hour-hours-to-exhaust"), 1e-9, PAGE + ": 10 %/hour lasts 10 hours");
        double onePercent = 0.01 / (1 - slo);
        assertEquals(onePercent, PAGE.fact("one-percent-errors-burn-rate"), 1e-9, PAGE + ": 1 % errors as a burn rate");
        assertEquals(onePercent / windowHours, PAGE.fact("one-percent-errors-budget-per-hour"), 1e-12,
                PAGE + ": budget share per hour at 1 % errors");
        assertTrue(onePercent < fast, PAGE + ": the page says a 1 % error rate does not trip the fast-burn page");
        for (String[] quoted : new String[][]{{"99", "30"}, {"995", "30"}, {"9999", "30"}}) {
            double target = Double.parseDouble("0." + quoted[0]);
            double window = Double.parseDouble(quoted[1]);
            assertEquals(window * 24 * 60 * (1 - target), PAGE.fact("budget-minutes-" + quoted[0] + "-" + quoted[1] + "d"), 1e-9,
                    PAGE + ": budget minutes for 0." + quoted[0] + " over " + quoted[1] + " days");
        }
    }

    @Test
    void everyBudgetCellIsTheWindowTimesTheAllowedFraction() {
        List<String> header = PAGE.header("observability.budgets");
        for (Element row : PAGE.rows("observability.budgets")) {
            String sloCell = row.child(0).text();
            double slo = Quantities.number(sloCell).doubleValue() / 100;
            PAGE.assertRounded(row.child(1).text(), (1 - slo) * 100, "budgets, " + sloCell + ", allowed bad fraction");
            for (int c = 2; c < header.size(); c++) {
                double days = daysIn(header.get(c));
                PAGE.assertRounded(row.child(c).text(), days * 24 * 60 * (1 - slo), "budgets, " + sloCell + ", " + header.get(c));
            }
        }
    }

    private static double daysIn(String heading) {
        Matcher m = Pattern.compile("(\\d+) days").matcher(heading);
        assertTrue(m.find(), PAGE + ": budget column '" + heading + "' names no window in days");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyAlertRuleSpendsItsStatedShareOfTheBudget() {
        double windowHours = PAGE.fact("window-days") * 24;
        double slo = PAGE.fact("slo");
        for (Element row : PAGE.rows("observability.rules")) {
            String rule = row.child(0).text();
            double longHours = hours(row.child(1).text());
            double threshold = Quantities.number(row.child(3).text()).doubleValue();
            double share = Quantities.number(row.child(4).text()).doubleValue() / 100;
            PAGE.assertRounded(row.child(3).text(), share * windowHours / longHours, "rules, " + rule + ", threshold");
            PAGE.assertRounded(row.child(5).text(), threshold * (1 - slo) * 100, "rules, " + rule + ", error rate");
            PAGE.assertRounded(row.child(6).text(), windowHours / threshold, "rules, " + rule + ", budget gone in");
            assertTrue(hours(row.child(2).text()) < longHours, PAGE + ", rules, " + rule + ": short window not shorter");
        }
        PAGE.assertRounded(PAGE.rows("observability.rules").get(0).child(3).text(), PAGE.fact("fast-burn-rate"), "rules, fast burn vs the fact");
        PAGE.assertRounded(PAGE.rows("observability.rules").get(1).child(3).text(), PAGE.fact("slow-burn-rate"), "rules, slow burn vs the fact");
    }

    private static double hours(String span) {
        double n = Quantities.number(span).doubleValue();
        return switch (Quantities.unit(span)) {
            case "m" -> n / 60;
            case "h" -> n;
            case "d" -> n * 24;
            default -> throw new AssertionError(PAGE + ": unknown window '" + span + "'");
        };
    }

    /** The three rules as the rules table states them: long and short windows in minutes, threshold. */
    private record Rule(int longMinutes, int shortMinutes, double threshold) {
    }

    private static List<Rule> rules() {
        return PAGE.rows("observability.rules").stream().map(r -> new Rule((int) Math.round(hours(r.child(1).text()) * 60),
                (int) Math.round(hours(r.child(2).text()) * 60), Quantities.number(r.child(3).text()).doubleValue())).toList();
    }

    /**
     * Replays an incident at one-minute resolution: three days of baseline, then `errorRate` for
     * `minutes`, then baseline again. Returns {minute the first rule fires (1-based), index of that
     * rule, minutes it keeps firing after the incident ends}, or null if nothing fires.
     */
    private static int[] replay(double errorRate, int minutes, boolean shortWindowToo) {
        double slo = PAGE.fact("slo");
        double baseline = PAGE.fact("baseline-error-rate");
        int history = 3 * 24 * 60, horizon = 6 * 24 * 60;
        double[] total = new double[history + horizon + 1];
        for (int i = 0; i < history + horizon; i++) {
            int minute = i - history;
            double rate = minute >= 0 && minute < minutes ? errorRate : baseline;
            total[i + 1] = total[i] + rate;
        }
        List<Rule> rules = rules();
        for (int minute = 0; minute < horizon; minute++) {
            for (int r = 0; r < rules.size(); r++) {
                if (firing(rules.get(r), total, history + minute, slo, true)) {
                    int after = 0;
                    for (int m = minutes; m < horizon && firing(rules.get(r), total, history + m, slo, shortWindowToo); m++) {
                        after++;
                    }
                    return new int[]{minute + 1, r, after};
                }
            }
        }
        return null;
    }

    private static boolean firing(Rule rule, double[] total, int now, double slo, boolean shortWindowToo) {
        double longBurn = (total[now + 1] - total[now + 1 - rule.longMinutes()]) / rule.longMinutes() / (1 - slo);
        double shortBurn = (total[now + 1] - total[now + 1 - rule.shortMinutes()]) / rule.shortMinutes() / (1 - slo);
        return longBurn > rule.threshold() && (!shortWindowToo || shortBurn > rule.threshold());
    }

    @Test
    void everyIncidentRowFollowsFromReplayingTheRules() {
        double budget = PAGE.fact("budget-minutes");
        List<String> ruleNames = PAGE.rows("observability.rules").stream().map(r -> r.child(0).text()).toList();
        for (Element row : PAGE.rows("observability.incidents")) {
            String incident = row.child(0).text();
            String where = "incidents, " + incident;
            double rate = Quantities.number(row.child(1).text()).doubleValue() / 100;
            int minutes = minutes(row.child(2).text());
            PAGE.assertRounded(row.child(6).text(), rate * minutes / budget * 100, where + ", budget spent in total");
            String key = incident.replace(' ', '-');
            if (!PAGE.doc().select("span.fact[data-fact=observability." + key + "-spent-total]").isEmpty()) {
                assertEquals(rate * minutes / budget, PAGE.fact(key + "-spent-total"), 1e-9, PAGE + ", " + where + ": budget spent quoted");
            }
            int[] multi = replay(rate, minutes, true);
            if (multi == null) {
                assertEquals("none", row.child(3).text(), PAGE + ", " + where + ": no rule should fire");
                continue;
            }
            assertEquals(ruleNames.get(multi[1]), row.child(3).text(), PAGE + ", " + where + ": first alert");
            assertEquals(multi[0], minutes(row.child(4).text()), PAGE + ", " + where + ": fires after");
            PAGE.assertRounded(row.child(5).text(), rate * Math.min(multi[0], minutes) / budget * 100,
                    where + ", budget spent by then");
            assertEquals(multi[2], minutes(row.child(7).text()), PAGE + ", " + where + ": still firing after the fix");
            if (!PAGE.doc().select("span.fact[data-fact=observability." + key + "-detected-minutes]").isEmpty()) {
                assertEquals(multi[0], PAGE.fact(key + "-detected-minutes"), PAGE + ", " + where + ": detection time quoted");
            }
            if (!PAGE.doc().select("span.fact[data-fact=observability." + key + "-firing-after-fix]").isEmpty()) {
                assertEquals(multi[2], PAGE.fact(key + "-firing-after-fix"), PAGE + ", " + where + ": firing after the fix quoted");
            }
            if (!PAGE.doc().select("span.fact[data-fact=observability." + key + "-firing-after-fix-long-only]").isEmpty()) {
                assertEquals(replay(rate, minutes, false)[2], PAGE.fact(key + "-firing-after-fix-long-only"),
                        PAGE + ", " + where + ": long-window-only firing quoted");
            }
            assertEquals(replay(rate, minutes, false)[2], minutes(row.child(8).text()),
                    PAGE + ", " + where + ": still firing on the long window only");
        }
        Element leak = PAGE.rows("observability.incidents").stream().filter(r -> r.child(0).text().equals("slow leak")).findFirst().orElseThrow();
        assertEquals(minutes(leak.child(4).text()) / 60.0, PAGE.fact("slow-leak-detected-hours"), 1e-9,
                PAGE + ": the slow leak's detection time in hours");
    }

    /** "4 h 28 m", "3 d", "15 m" in minutes. */
    private static int minutes(String span) {
        Matcher m = Pattern.compile("(\\d+) ([dhm])").matcher(span);
        int total = 0;
        boolean any = false;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            total += switch (m.group(2)) {
                case "d" -> n * 24 * 60;
                case "h" -> n * 60;
                default -> n;
            };
            any = true;
        }
        assertTrue(any, PAGE + ": '" + span + "' is not a duration");
        return total;
    }

    // --- Telemetry volume --------------------------------------------------------------------------

    @Test
    void telemetryVolumesFollowFromTheStatedUnitSizes() {
        double rps = PAGE.fact("requests-per-s");
        double series = PAGE.fact("all-series");
        double metrics = series * 86_400 / PAGE.fact("scrape-interval-s") * PAGE.fact("bytes-per-sample");
        double logs = rps * 86_400 * PAGE.fact("bytes-per-log-line");
        double traces = rps * 86_400 * PAGE.fact("trace-sample-rate") * PAGE.fact("spans-per-trace") * PAGE.fact("bytes-per-span");
        assertEquals(logs, PAGE.fact("log-bytes-per-day"), 1e-3, PAGE + ": log bytes per day");
        assertEquals(traces, PAGE.fact("trace-bytes-per-day"), 1e-3, PAGE + ": trace bytes per day");
        assertEquals(logs / metrics, PAGE.fact("logs-over-metrics"), 1e-9, PAGE + ": logs over metrics");
        assertEquals(series * 1_000_000, PAGE.fact("user-label-series"), 1, PAGE + ": series with a user-id label");

        List<Element> pillars = PAGE.rows("observability.pillars");
        double[] expected = {metrics, logs, traces};
        for (int i = 0; i < 3; i++) {
            String cell = pillars.get(i).child(4).text();
            double unit = Quantities.bytes("1 " + Quantities.unit(cell));
            PAGE.assertRounded(cell, expected[i] / unit, "pillars, " + pillars.get(i).child(0).text() + ", per day");
        }
        assertTrue(pillars.get(0).child(3).text().startsWith(String.format("%,d", (long) series)),
                PAGE + ", pillars, Metrics, cardinality: '" + pillars.get(0).child(3).text() + "' is not " + series + " series");
    }

    // --- Trace, golden signals, hysteresis --------------------------------------------------------

    @Test
    void theCriticalPathBreakdownAddsUpToTheRequest() {
        double total = PAGE.fact("total-ms");
        assertEquals(PAGE.fact("card-processor-ms") / total, PAGE.fact("card-processor-share"), 1e-12, PAGE + ": card processor share");
        String output = PAGE.outputOf("observability/TraceTimeline");
        String breakdown = output.substring(output.indexOf("Latency on the critical path"));
        Matcher m = Pattern.compile("([\\d.]+) ms").matcher(breakdown);
        double sum = 0;
        int services = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            services++;
        }
        assertTrue(services > 3, PAGE + ": the trace output shows no per-service breakdown");
        assertEquals(total, sum, 0.05 * services + 1e-9,
                PAGE + ": the critical-path breakdown sums to " + sum + " ms, not the request's " + total + " ms");
    }

    @Test
    void utilisationFollowsFromRateTimesServiceTime() {
        double capacity = PAGE.fact("workers") / (PAGE.fact("mean-service-ms") / 1000);
        assertEquals(capacity, PAGE.fact("capacity-per-s"), 1e-9, PAGE + ": capacity = workers / service time");
        int checked = 0;
        for (String line : PAGE.outputOf("observability/GoldenSignals").split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[0].strip().matches("\\d+")) {
                continue;
            }
            String[] red = cells[1].strip().split("\\s+");
            String[] use = cells[2].strip().split("\\s+");
            if (Double.parseDouble(red[1].replace("%", "")) > 0) {
                continue; // past capacity the pool is simply full
            }
            double predicted = Double.parseDouble(red[0]) / capacity;
            double shown = Double.parseDouble(use[0].replace("%", "")) / 100;
            assertEquals(predicted, shown, 0.03, PAGE + ": golden signals minute " + cells[0].strip()
                    + ": utilisation " + shown + " but rate x service time / workers is " + predicted);
            checked++;
        }
        assertTrue(checked >= 5, PAGE + ": too few golden-signal rows to check");
    }

    @Test
    void hysteresisTradesAFewMinutesForFewerPages() {
        assertTrue(PAGE.fact("hysteretic-pages") < PAGE.fact("naive-pages"), PAGE + ": hysteresis should page less");
        assertTrue(PAGE.fact("naive-false-pages") <= PAGE.fact("naive-pages") - 1, PAGE + ": the naive alert missed the incident");
        assertEquals(PAGE.fact("hysteretic-pages") - 1, PAGE.fact("hysteretic-false-pages"),
                PAGE + ": the hysteretic alert should page exactly once for the incident");
        // An incident that breaches every minute is confirmed on its third breach: two minutes late.
        assertEquals(PAGE.fact("breaches-to-fire") - 1, PAGE.fact("detection-delay-minutes"), PAGE + ": hysteresis detection delay");
    }

}
