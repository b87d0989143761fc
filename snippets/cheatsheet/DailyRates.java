package cheatsheet;

import foundations.CapacityPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cheat sheet's "per day to per second" conversions, computed with the day length and the peak
 * factor that Module 1's capacity plan uses (imported, not retyped), so a change there changes these rows.
 */
public class DailyRates {

    /** Daily counts worth converting once, before the interview (inputs, not results). */
    static final long[] PER_DAY = {1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L};

    /** The shortcut many people divide by instead of the real day length. */
    static final double SHORTCUT_SECONDS = 1e5;

    static double averagePerSecond(long perDay) {
        return (double) perDay / CapacityPlan.SECONDS_PER_DAY;
    }

    static double peakPerSecond(long perDay) {
        return averagePerSecond(perDay) * CapacityPlan.PEAK_TO_AVERAGE;
    }

    /** How much dividing by 10^5 instead of the real day understates every per-second rate. */
    static double shortcutUnderstates() {
        return 1 - CapacityPlan.SECONDS_PER_DAY / SHORTCUT_SECONDS;
    }

    static String count(long n) {
        return n >= 1_000_000_000L ? n / 1_000_000_000L + " billion" : n / 1_000_000L + " million";
    }

    /** One decimal below 100, whole numbers with thousands separators above. */
    static String rate(double perSecond) {
        return perSecond < 100 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String peakHeader() {
        double f = CapacityPlan.PEAK_TO_AVERAGE;
        return "Peak per second (×" + (f == Math.rint(f) ? String.format(Locale.ROOT, "%.0f", f) : String.valueOf(f)) + ")";
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%-12s %18s %22s%n", "Per day", "Average per second", peakHeader());
        for (long n : PER_DAY) {
            System.out.printf(Locale.ROOT, "%-12s %18s %22s%n", count(n), rate(averagePerSecond(n)), rate(peakPerSecond(n)));
        }
        System.out.printf(Locale.ROOT, "Dividing by 10^5 instead of %,d understates every rate by %.1f %%%n",
                CapacityPlan.SECONDS_PER_DAY, 100 * shortcutUnderstates());
    }

    public static Map<String, Object> facts() {
        long billion = 1_000_000_000L;
        return Map.of("seconds-per-day", CapacityPlan.SECONDS_PER_DAY,
                "shortcut-understates", shortcutUnderstates(),
                "billion-average-per-second", averagePerSecond(billion),
                "billion-peak-per-second", peakPerSecond(billion));
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Per day", "Average per second", peakHeader()));
        for (long n : PER_DAY) {
            rows.add(List.of(count(n), rate(averagePerSecond(n)), rate(peakPerSecond(n))));
        }
        return Map.of("daily-rates", Map.of("rows", rows, "derived", List.of("Average per second", peakHeader())));
    }
}
