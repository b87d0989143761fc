package design.verified.discover;

/**
 * A page naming something the build must produce: {@code snippet::}, {@code chart::}, {@code table::} or
 * {@code fact:}.
 *
 * @param attributes the text between the macro's brackets, e.g. {@code tag=estimate}
 */
public record Reference(Kind kind, String name, String attributes, String page, int line) {

    public enum Kind {
        SNIPPET("snippet"), CHART("chart"), TABLE("table"), FACT("fact");

        public final String macro;

        Kind(String macro) {
            this.macro = macro;
        }
    }

    public String location() {
        return page + ":" + line;
    }
}
