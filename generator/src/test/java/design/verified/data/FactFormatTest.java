package design.verified.data;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class FactFormatTest {

    @Test
    void largeNumbersAreGroupedAndRoundedHalfUp() {
        assertEquals("208,333", FactFormat.format(208_333.333, Map.of()));
        assertEquals("69,445", FactFormat.format(69_444.5, Map.of()));
    }

    @Test
    void smallNumbersKeepThreeSignificantDigits() {
        assertEquals("0.000123", FactFormat.format(0.000123, Map.of()));
        assertEquals("20.83", FactFormat.format(20.8333, Map.of()));
        assertEquals("3", FactFormat.format(3L, Map.of()));
    }

    @Test
    void formatsScaleAndLabel() {
        assertEquals("300M", FactFormat.format(300_000_000L, Map.of("format", "compact")));
        assertEquals("10.8 TB", FactFormat.format(1.08e13, Map.of("format", "bytes")));
        assertEquals("40M", FactFormat.format(4.0e7, Map.of("format", "compact")));
        assertEquals("1.25 GB", FactFormat.format(1.25e9, Map.of("format", "bytes")));
        assertEquals("60%", FactFormat.format(0.6, Map.of("format", "percent")));
        assertEquals("9.9%", FactFormat.format(0.0994, Map.of("format", "percent", "decimals", "1")));
        assertEquals("150 ms", FactFormat.format(150.0, Map.of("unit", "ms")));
        assertEquals("20×", FactFormat.format(20L, Map.of("suffix", "×")));
    }

    @Test
    void unknownAttributesAndFormatsAreReported() {
        assertNull(FactFormat.check(Map.of("decimals", "1", "unit", "ms")));
        assertNotNull(FactFormat.check(Map.of("precision", "2")));
        assertNotNull(FactFormat.check(Map.of("format", "roman")));
    }
}
