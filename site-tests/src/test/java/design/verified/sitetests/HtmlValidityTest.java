package design.verified.sitetests;

import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every published page is valid HTML, as the Nu Html Checker (the W3C's validator) sees it, run offline in-process. */
class HtmlValidityTest {

    @Test
    void theNuHtmlCheckerReportsNoErrorOnAnyPage() throws Exception {
        List<String> errors = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // the schema is deeply recursive: the checker needs a larger stack than a default thread has
        Thread checker = new Thread(null, () -> {
            try {
                check(errors);
            } catch (Exception e) {
                failure.set(e);
            }
        }, "nu-html-checker", 64L * 1024 * 1024);
        checker.start();
        checker.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        assertTrue(errors.isEmpty(), "HTML errors:\n" + String.join("\n", errors));
    }

    private static void check(List<String> errors) throws Exception {
        List<String> current = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                current.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                current.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collect);
        validator.setUpValidatorAndParsers(collect, true, false);
        // first, proof that the checker is awake: a page with a known error must be reported
        validator.checkHtmlInputSource(new org.xml.sax.InputSource(new java.io.StringReader(
                "<!DOCTYPE html><html lang=en><head><title>t</title></head><body><p><div></span></body></html>")));
        if (current.isEmpty()) {
            throw new IllegalStateException("the Nu Html Checker found nothing wrong in a broken page: it is not checking");
        }
        current.clear();
        Path site = PublishedSite.dir();
        for (String page : PublishedSite.pages()) {
            current.clear();
            validator.checkHtmlFile(site.resolve(page).toFile(), true);
            current.forEach(e -> errors.add(page + " " + e));
        }
    }
}
