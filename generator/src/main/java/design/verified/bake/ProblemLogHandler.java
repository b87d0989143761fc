package design.verified.bake;

import design.verified.Problem;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

/**
 * Turns Asciidoctor warnings and errors (missing include, missing attribute, unknown macro target) into
 * build problems located at the page and line. Registered through AsciidoctorJ's SPI.
 */
public final class ProblemLogHandler implements LogHandler {

    @Override
    public void log(LogRecord record) {
        if (record.getSeverity().compareTo(Severity.WARN) < 0) {
            return;
        }
        BakeContext bake;
        try {
            bake = BakeContext.current();
        } catch (IllegalStateException notBaking) {
            return;
        }
        int line = record.getCursor() == null ? 0 : record.getCursor().getLineNumber();
        if (line == 0) {
            line = bake.lineOfMissingAttribute(record.getMessage());
        }
        bake.report(Problem.at(bake.page(), line, "asciidoctor: " + record.getMessage()));
    }
}
