package design.verified.bake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StyleAttributesTest {

    @Test
    void columnAndTableWidthsBecomeClassesRoundedToFivePercent() {
        assertEquals("<colgroup><col class=\"w-65\"><col class=\"w-35\"></colgroup>",
                StyleAttributes.withoutInlineWidths("<colgroup><col style=\"width: 66.6666%;\"><col style=\"width: 33.3334%;\"></colgroup>"));
        assertEquals("<table class=\"tableblock frame-all w-50\">",
                StyleAttributes.withoutInlineWidths("<table class=\"tableblock frame-all\" style=\"width: 50%;\">"));
        assertEquals("<p style=\"color: red\">", StyleAttributes.withoutInlineWidths("<p style=\"color: red\">"));
    }
}
