package design.verified.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a fact reads in prose. Attributes of the {@code fact:} macro:
 * <ul>
 *   <li>{@code decimals=N}: fixed decimals (default: none from 100 up, up to two from 1 up, three
 *       significant digits below 1; trailing zeros trimmed)</li>
 *   <li>{@code format=plain|compact|bytes|percent}: grouped digits (default); 208K / 1.2M / 3.5B;
 *       decimal byte units (1 KB = 1,000 B); the value times 100 with a % sign</li>
 *   <li>{@code unit=ms}: appended after a space; {@code suffix=×}: appended without one</li>
 * </ul>
 */
public final class FactFormat {

    public static final Set<String> ATTRIBUTES = Set.of("decimals", "format", "unit", "suffix");
    private static final Set<String> FORMATS = Set.of("plain", "compact", "bytes", "percent");
    private static final String[] COMPACT = {"", "K", "M", "B", "T"};
    private static final String[] BYTES = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};

    private FactFormat() {
    }

    /** Returns null if the attributes are valid, else what is wrong with them. */
    public static String check(Map<String, String> attributes) {
        for (String key : attributes.keySet()) {
            if (!ATTRIBUTES.contains(key)) {
                return "unknown fact attribute '" + key + "' (known: decimals, format, unit, suffix)";
            }
        }
        String format = attributes.getOrDefault("format", "plain");
        if (!FORMATS.contains(format)) {
            return "unknown fact format '" + format + "' (known: plain, compact, bytes, percent)";
        }
        String decimals = attributes.get("decimals");
        if (decimals != null && !decimals.matches("\\d")) {
            return "decimals must be a digit, found '" + decimals + "'";
        }
        return null;
    }

    public static String format(Object value, Map<String, String> attributes) {
        if (!(value instanceof Number number)) {
            return String.valueOf(value);
        }
        double v = number.doubleValue();
        Integer decimals = attributes.containsKey("decimals") ? Integer.valueOf(attributes.get("decimals")) : null;
        String text = switch (attributes.getOrDefault("format", "plain")) {
            case "compact" -> scaled(v, 1000, COMPACT, "", decimals);
            case "bytes" -> scaled(v, 1000, BYTES, " ", decimals);
            case "percent" -> grouped(v * 100, decimals) + "%";
            default -> grouped(v, decimals);
        };
        if (attributes.containsKey("unit")) {
            text += " " + attributes.get("unit");
        }
        if (attributes.containsKey("suffix")) {
            text += attributes.get("suffix");
        }
        return text;
    }

    private static String scaled(double v, double step, String[] units, String sep, Integer decimals) {
        int i = 0;
        while (Math.abs(v) >= step && i < units.length - 1) {
            v /= step;
            i++;
        }
        if (decimals != null) {
            return grouped(v, decimals) + sep + units[i];
        }
        // three significant digits, trailing zeros trimmed: 208K, 40M, 1.2B, 10.8 TB
        int places = Math.abs(v) >= 100 || i == 0 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
        return grouped(v, places).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "") + sep + units[i];
    }

    /** Grouped digits with half-up rounding, the rounding a reader does by hand. */
    static String grouped(double v, Integer decimals) {
        int places;
        if (decimals != null) {
            places = decimals;
        } else if (Math.abs(v) >= 100) {
            places = 0;
        } else if (Math.abs(v) >= 1 || v == 0) {
            places = 2;
        } else { // three significant digits for small values, so 0.0001 does not read as 0
            places = Math.max(2, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        }
        BigDecimal rounded = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP);
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        f.setMinimumFractionDigits(decimals != null ? places : 0);
        f.setMaximumFractionDigits(places);
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(rounded);
        return s.equals("-0") ? "0" : s;
    }
}
