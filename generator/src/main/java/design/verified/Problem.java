package design.verified;

/**
 * One thing the build cannot honour, located as precisely as we know it:
 * {@code snippets/foundations/Capacity.java:12} or {@code content/modules/01-foundations.adoc:40}.
 */
public record Problem(String location, String message) {

    public static Problem at(String file, int line, String message) {
        return new Problem(line > 0 ? file + ":" + line : file, message);
    }

    public static Problem in(String file, String message) {
        return new Problem(file, message);
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
