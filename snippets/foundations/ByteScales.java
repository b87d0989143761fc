package foundations;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sizes worth carrying in your head, checked: what a character costs in UTF-8, how far apart the
 * decimal and binary units drift, and two storage totals the modules use.
 */
public class ByteScales {

    // tag::utf8[]
    static void utf8Costs() {
        for (String text : List.of("hello", "héllo", "こんにちは", "👋🏽")) {
            int chars = text.codePointCount(0, text.length());
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("%-6s %d characters -> %2d bytes in UTF-8%n", text, chars, bytes);
        }
    }
    // end::utf8[]

    static double binaryOverDecimal(int power) {
        return Math.pow(1024, power) / Math.pow(1000, power);
    }

    public static void main(String[] args) {
        utf8Costs();
        String[] names = {"KiB/KB", "MiB/MB", "GiB/GB", "TiB/TB", "PiB/PB"};
        for (int p = 1; p <= 5; p++) {
            System.out.printf("%s = %.3f%n", names[p - 1], binaryOverDecimal(p));
        }
        System.out.printf("1 billion photos x 300 KB = %.0f TB%n", 1e9 * 300e3 / 1e12);
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "tib-over-tb", binaryOverDecimal(4) - 1,
                "kib-over-kb", binaryOverDecimal(1) - 1,
                "billion-photos-tb", 1e9 * 300e3 / 1e12,
                "emoji-bytes", "👋".getBytes(StandardCharsets.UTF_8).length,
                "kana-bytes", "こ".getBytes(StandardCharsets.UTF_8).length);
    }
}
