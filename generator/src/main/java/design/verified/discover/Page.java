package design.verified.discover;

import java.util.List;

/**
 * A content file: an AsciiDoc page (which may name snippets, charts, tables and facts) or a Markdown page.
 *
 * @param source      repository-relative path ({@code content/modules/01-foundations.adoc})
 * @param output      site-relative output path ({@code modules/01-foundations.html})
 * @param title       the page title, from its header
 * @param type        its JBake type: home, module, casestudy or page
 * @param order       its place in the course (modules and case studies), 0 when it has none
 * @param references  every macro the page uses, with its line
 */
public record Page(String source, String output, Format format, String title, String type, int order,
                   String description, List<Reference> references) {

    public enum Format { ASCIIDOC, MARKDOWN }
}
