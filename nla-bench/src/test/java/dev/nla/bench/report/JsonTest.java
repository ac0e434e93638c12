package dev.nla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.MalformedInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    @Test
    void quoteEscapesQuotesAndBackslashes() {
        assertThat(Json.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }

    @Test
    void quoteEscapesControlCharacters() {
        assertThat(Json.quote("\n\t\r\b\f\u0001")).isEqualTo("\"\\n\\t\\r\\b\\f\\u0001\"");
    }

    @Test
    void quoteEscapesLineAndParagraphSeparators() {
        assertThat(Json.quote("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
    }

    @Test
    void quoteKeepsPairedSurrogatesAndEscapesLoneOnes() {
        assertThat(Json.quote("😀" + "\ud800")).isEqualTo("\"😀\\ud800\"");
    }

    @Test
    void writesIndentedObjectsAndArrays() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", 3);
        m.put("xs", List.of(1.5, true));
        m.put("none", null);
        m.put("empty", List.of());
        assertThat(Json.write(m))
                .isEqualTo(
                        "{\n  \"n\": 3,\n  \"xs\": [\n    1.5,\n    true\n  ],\n  \"none\": null,\n  \"empty\": []\n}");
    }

    @Test
    void roundTripsTrickyStringsAndNesting() {
        String tricky = "quote \" backslash \\ slash / tab \t nl \n cr \r nul \u0000 del \u007f é 😀 \u2028";
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("s", tricky);
        inner.put("k\"ey", -0.0);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("list", Arrays.asList(1L, 2.5e-300, "x", null, false, inner));
        outer.put("big", Long.MAX_VALUE);
        assertThat(Json.parse(Json.write(outer))).isEqualTo(outer);
    }

    @Test
    void parseDistinguishesIntegersFromReals() {
        assertThat(Json.parse("[1, 1.0, 1e2, -0, 12345678901234567890]"))
                .isEqualTo(List.of(1L, 1.0, 100.0, 0L, 1.2345678901234567e19));
    }

    @Test
    void parseDecodesUnicodeEscapes() {
        assertThat(Json.parse("\"\\u00e9\\ud83d\\ude00\\/\"")).isEqualTo("é😀/");
    }

    @Test
    void nonFiniteNumbersAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> Json.write(Map.of("x", List.of(Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.x[0]");
    }

    @Test
    void unsupportedTypesAreRejected() {
        assertThatThrownBy(() -> Json.write(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void nonStringKeysAreRejected() {
        assertThatThrownBy(() -> Json.write(Map.of(1, "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys must be strings");
    }

    @Test
    void trailingCommaIsMalformedWithOffset() {
        assertThatThrownBy(() -> Json.parse("[1,]"))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("offset 3");
    }

    @Test
    void unterminatedStringIsMalformed() {
        assertThatThrownBy(() -> Json.parse("{\"a\": \"b"))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("unterminated string");
    }

    @Test
    void textAfterTheValueIsMalformed() {
        assertThatThrownBy(() -> Json.parse("{} x"))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("after the JSON value");
    }

    @Test
    void rawControlCharacterInStringIsMalformed() {
        assertThatThrownBy(() -> Json.parse("\"a\nb\"")).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void leadingZeroIsMalformed() {
        assertThatThrownBy(() -> Json.parse("01")).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() {
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
        assertThatThrownBy(() -> Json.parse(deep))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("nesting");
    }

    @Test
    void fileRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("m.json");
        Map<String, Object> m = Map.of("experiment", "gemm-scaling");
        Json.write(m, file);
        assertThat(Json.parse(file)).isEqualTo(m);
    }
}
