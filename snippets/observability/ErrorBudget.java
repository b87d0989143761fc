package observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Error budgets and burn rates. An SLO over a window allows (1 - SLO) of that window to be bad; the
 * burn rate says how fast an incident spends it: a burn rate of 1 spends exactly the budget over the
 * window, 14.4 spends it in a fourteenth of the window.
 */
public class ErrorBudget {

    // The calculator's defaults: a 99.9 % SLO over a rolling 30-day window.
    static final double SLO = 0.999;
    static final int WINDOW_DAYS = 30;

    static final double[] SLOS = {0.99, 0.995, 0.999, 0.9995, 0.9999};
    static final int[] WINDOWS_DAYS = {28, 30, 90};

    // tag::budget[]
    /** Minutes of full outage the SLO tolerates over the window. */
    static double budgetMinutes(double slo, double windowDays) {
        return windowDays * 24 * 60 * (1 - slo);
    }

    /**
     * The burn rate that spends a given fraction of the budget in a given time: spending the whole
     * budget over the whole window is a burn rate of 1.
     */
    static double burnRate(double budgetFraction, double hours, double windowDays) {
        return budgetFraction * (windowDays * 24) / hours;
    }

    /** The error rate (fraction of requests failing) that burns at that rate. */
    static double errorRate(double burnRate, double slo) {
        return burnRate * (1 - slo);
    }

    /** Hours until the budget is gone if the burn rate holds, starting from a full budget. */
    static double hoursToExhaust(double burnRate, double windowDays) {
        return windowDays * 24 / burnRate;
    }
    // end::budget[]

    static double fastBurnRate() {
        return burnRate(0.02, 1, WINDOW_DAYS);   // 2 % of the budget in 1 hour
    }

    static double slowBurnRate() {
        return burnRate(0.05, 6, WINDOW_DAYS);   // 5 % of the budget in 6 hours
    }

    public static void main(String[] args) {
        System.out.printf("SLO %.1f%% over %d days: budget = %.1f minutes of full outage%n",
                SLO * 100, WINDOW_DAYS, budgetMinutes(SLO, WINDOW_DAYS));
        System.out.println();
        explain("2% of the budget in 1 hour", burnRate(0.02, 1, WINDOW_DAYS));
        explain("5% of the budget in 6 hours", burnRate(0.05, 6, WINDOW_DAYS));
        explain("10% of the budget in 1 hour", burnRate(0.10, 1, WINDOW_DAYS));
        explain("a 1% error rate", 0.01 / (1 - SLO));
    }

    static void explain(String what, double burn) {
        System.out.printf("%-28s burn rate %5.1f  error rate %5.2f%%  budget gone in %5.1f h%n",
                what, burn, errorRate(burn, SLO) * 100, hoursToExhaust(burn, WINDOW_DAYS));
    }

    static String percent(double slo) {
        String s = String.format("%.2f", slo * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " %";
    }

    static String minutes(double m) {
        return String.format("%,.1f min", m);
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("SLO", "Allowed bad fraction"));
        for (int days : WINDOWS_DAYS) {
            header.add(days == 90 ? "Quarter (90 days)" : days + " days");
        }
        rows.add(header);
        for (double slo : SLOS) {
            List<String> row = new ArrayList<>(List.of(percent(slo), percent(1 - slo)));
            for (int days : WINDOWS_DAYS) {
                row.add(minutes(budgetMinutes(slo, days)));
            }
            rows.add(row);
        }
        return Map.of("budgets", Map.of("rows", rows, "derived", new ArrayList<>(header.subList(1, header.size()))));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("slo", SLO);
        f.put("window-days", WINDOW_DAYS);
        f.put("budget-minutes", budgetMinutes(SLO, WINDOW_DAYS));
        f.put("window-minutes", WINDOW_DAYS * 24 * 60);
        f.put("fast-burn-rate", fastBurnRate());
        f.put("slow-burn-rate", slowBurnRate());
        f.put("fast-burn-error-rate", errorRate(fastBurnRate(), SLO));
        f.put("fast-burn-hours-to-exhaust", hoursToExhaust(fastBurnRate(), WINDOW_DAYS));
        f.put("slow-burn-error-rate", errorRate(slowBurnRate(), SLO));
        f.put("slow-burn-hours-to-exhaust", hoursToExhaust(slowBurnRate(), WINDOW_DAYS));
        double tenPercentPerHour = burnRate(0.10, 1, WINDOW_DAYS);
        f.put("ten-percent-hour-burn-rate", tenPercentPerHour);
        f.put("ten-percent-hour-error-rate", errorRate(tenPercentPerHour, SLO));
        f.put("ten-percent-hour-hours-to-exhaust", hoursToExhaust(tenPercentPerHour, WINDOW_DAYS));
        f.put("one-percent-errors-burn-rate", 0.01 / (1 - SLO));
        f.put("one-percent-errors-budget-per-hour", 0.01 / (1 - SLO) / (WINDOW_DAYS * 24));
        f.put("budget-minutes-9999-30d", budgetMinutes(0.9999, 30));
        f.put("budget-minutes-99-30d", budgetMinutes(0.99, 30));
        f.put("budget-minutes-995-30d", budgetMinutes(0.995, 30));
        return f;
    }
}
