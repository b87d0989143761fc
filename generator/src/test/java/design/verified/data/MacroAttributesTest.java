package design.verified.data;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MacroAttributesTest {

    @Test
    void readsNamedQuotedAndPositionalAttributes() {
        Map<String, String> a = MacroAttributes.parse("tag=plan, caption=\"Peak QPS, by hour\", alt=\"a \\\"quoted\\\" word\", wide");
        assertEquals("plan", a.get("tag"));
        assertEquals("Peak QPS, by hour", a.get("caption"));
        assertEquals("a \"quoted\" word", a.get("alt"));
        assertEquals("wide", a.get("1"));
    }
}
