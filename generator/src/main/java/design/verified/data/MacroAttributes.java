package design.verified.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a macro's bracket text the way pages write it: {@code tag=estimate, caption="Peak QPS, by hour"}.
 * Used where the build checks a page before Asciidoctor sees it, so both read attributes alike.
 */
public final class MacroAttributes {

    private MacroAttributes() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int positional = 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int eq = -1;
            int j = i;
            while (j < text.length() && text.charAt(j) != ',' && text.charAt(j) != '"') {
                if (text.charAt(j) == '=' && eq < 0) {
                    eq = j;
                }
                j++;
            }
            String key = eq >= 0 ? text.substring(i, eq).strip() : null;
            int valueStart = eq >= 0 ? eq + 1 : i;
            while (valueStart < text.length() && text.charAt(valueStart) == ' ') {
                valueStart++;
            }
            String value;
            if (valueStart < text.length() && text.charAt(valueStart) == '"') {
                int end = valueStart + 1;
                StringBuilder sb = new StringBuilder();
                while (end < text.length() && text.charAt(end) != '"') {
                    if (text.charAt(end) == '\\' && end + 1 < text.length()) {
                        end++;
                    }
                    sb.append(text.charAt(end));
                    end++;
                }
                value = sb.toString();
                i = end + 1;
            } else {
                int end = text.indexOf(',', valueStart);
                end = end < 0 ? text.length() : end;
                value = text.substring(valueStart, end).strip();
                i = end;
            }
            out.put(key != null ? key : Integer.toString(positional++), value);
        }
        return out;
    }
}
