package design.verified.bake;

/**
 * The practice page: a shell that the browser fills from the questions the build collected from every
 * module and case study (js/practice-data.js), drawing a shuffled set and remembering, in this browser
 * only, which questions the reader marked as known.
 */
final class PracticePage {

    static final String PAGE = "practice.adoc";

    private PracticePage() {
    }

    static String page() {
        return """
                = Practice
                :jbake-type: page
                :jbake-status: published
                :description: Interview questions drawn from every module and case study, with model answers and links to the sections that teach them.

                Every module and case study ends with questions a candidate should be able to answer after reading it.
                This page draws a shuffled set from all of them. Answer out loud first, then open the model answer;
                mark what you know, and the next set favours what you do not. Your marks stay in this browser.

                ++++
                <div id="practice" class="practice-deck" aria-live="polite">
                <p class="practice-noscript">The practice deck needs JavaScript; every question is also at the end of its page.</p>
                </div>
                <script src="js/practice-data.js"></script>
                <script src="js/practice.js"></script>
                ++++
                """;
    }
}
