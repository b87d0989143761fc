package design.verified.serve;

/** The preview's state as the reload script sees it: a generation that counts good builds, and the last error. */
final class BuildStatus {
    private long generation;
    private String error;

    synchronized void succeeded() {
        generation++;
        error = null;
    }

    synchronized void failed(String report) {
        error = report;
    }

    synchronized String json() {
        return "{\"generation\":" + generation + ",\"error\":" + (error == null ? "null" : quote(error)) + "}";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
