package design.verified.sitetests;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads numbers back from the text a page shows ("3.13 GB/s", "16,000×", "150 ms") and says whether a
 * displayed number is the exact value correctly rounded to the digits it shows. Written for the tests,
 * independently of the generator's formatting code.
 */
final class Quantities {

    private static final Pattern NUMBER = Pattern.compile("(-?[\\d,]*\\.?\\d+)");
    private static final Map<String, Double> TIME_NS = Map.of("ns", 1.0, "μs", 1e3, "us", 1e3, "ms", 1e6, "s", 1e9);
    private static final Map<String, Double> DECIMAL_BYTES = Map.of("B", 1.0, "KB", 1e3, "MB", 1e6, "GB", 1e9,
            "TB", 1e12, "PB", 1e15, "EB", 1e18);
    private static final Map<String, Double> BITS = Map.of("Mbps", 1e6, "Gbps", 1e9, "Tbps", 1e12);

    private Quantities() {
    }

    /** The first number in a text, with its digits as shown (grouping commas removed). */
    static BigDecimal number(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no number in '" + text + "'");
        }
        return new BigDecimal(m.group(1).replace(",", ""));
    }

    /** The word after the first number: "ms" in "150 ms". */
    static String unit(String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no number in '" + text + "'");
        }
        String rest = text.substring(m.end()).strip();
        return rest.split("[\\s/]")[0];
    }

    static double nanoseconds(String text) {
        return scaled(text, TIME_NS);
    }

    static double bytes(String text) {
        return scaled(text, DECIMAL_BYTES);
    }

    static double bitsPerSecond(String text) {
        return scaled(text, BITS);
    }

    private static double scaled(String text, Map<String, Double> units) {
        Double factor = units.get(unit(text));
        if (factor == null) {
            throw new AssertionError("unknown unit in '" + text + "'");
        }
        return number(text).doubleValue() * factor;
    }

    /**
     * True when {@code shown} (as displayed, with its number of decimals) is {@code exact} rounded to
     * those decimals: the reader can trust every digit shown and nothing more.
     */
    static boolean isCorrectlyRounded(BigDecimal shown, double exact) {
        double halfUnit = 0.5 * Math.pow(10, -shown.scale());
        return Math.abs(shown.doubleValue() - exact) <= halfUnit * (1 + 1e-9) + Math.abs(exact) * 1e-12;
    }

    /** Fails unless {@code shown}'s first number is {@code exact} correctly rounded; {@code where} names the page. */
    static void assertCorrectlyRounded(String shown, double exact, String where) {
        assertTrue(isCorrectlyRounded(number(shown), exact), where + ": shows '" + shown + "' but the exact value is " + exact);
    }

    /** Fails unless {@code actual} is within {@code relative × |expected| + absolute} of {@code expected} (NaN never is). */
    static void assertClose(double expected, double actual, double relative, double absolute, String where) {
        assertTrue(Math.abs(expected - actual) <= Math.abs(expected) * relative + absolute,
                where + ": expected " + expected + " but the page has " + actual);
    }
}
