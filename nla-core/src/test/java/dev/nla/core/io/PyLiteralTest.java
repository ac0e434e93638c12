package dev.nla.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Python-literal subset parser behind the {@code .npy} header. */
class PyLiteralTest {
    static PyLiteral.Value parse(String text) throws PyLiteral.SyntaxError {
        return PyLiteral.parse(text, false);
    }

    @Test
    void parenthesisedValueWithoutCommaIsTheValue() throws Exception {
        assertThat(parse("(5)")).isInstanceOf(PyLiteral.Int.class);
    }

    @Test
    void oneTupleNeedsATrailingComma() throws Exception {
        assertThat(((PyLiteral.Tuple) parse("(5,)")).items()).hasSize(1);
    }

    @Test
    void emptyTuple() throws Exception {
        assertThat(((PyLiteral.Tuple) parse(" ( ) ")).items()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "(3, 4)|(3, 4)",
                "(5,)|(5,)",
                "()|()",
                "[1, 'a']|[1, 'a']",
                "{'k': True, 'n': None}|{'k': True, 'n': None}"
            })
    void reprIsPythonLike(String text, String repr) throws Exception {
        assertThat(parse(text).repr()).isEqualTo(repr);
    }

    @Test
    void stringEscapes() throws Exception {
        assertThat(((PyLiteral.Str) parse("'a\\'b\\\\c\\x41\\n'")).value()).isEqualTo("a'b\\cA\n");
    }

    @Test
    void doubleQuotedAndUnicodePrefixedStrings() throws Exception {
        assertThat(List.of(((PyLiteral.Str) parse("\"<f8\"")).value(), ((PyLiteral.Str) parse("u'<f8'")).value()))
                .containsExactly("<f8", "<f8");
    }

    @Test
    void integerOverflowIsFlaggedNotWrapped() throws Exception {
        PyLiteral.Int big = (PyLiteral.Int) parse("9223372036854775808");
        assertThat(big.overflow()).isTrue();
    }

    @Test
    void largestLongIsExact() throws Exception {
        assertThat(((PyLiteral.Int) parse("9223372036854775807")).value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void longSuffixOnlyWhenAllowed() throws Exception {
        assertThat(((PyLiteral.Int) PyLiteral.parse("7L", true)).value()).isEqualTo(7L);
    }

    @Test
    void longSuffixRefusedOtherwise() {
        assertThatThrownBy(() -> parse("7L"))
                .isInstanceOf(PyLiteral.SyntaxError.class)
                .hasMessageContaining("invalid integer literal");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'abc|0|unterminated string literal",
                "{'a' 1}|5|expected ':' after a dictionary key",
                "(1 2)|3|expected ',' or ')' in a tuple",
                "[1 2]|3|expected ',' or ']' in a list",
                "{1: 2 3}|6|expected ',' or '}' in a dictionary",
                "true|0|unexpected name 'true'",
                "1 2|2|after the literal",
                "'\\q'|1|unsupported escape sequence",
                "@|0|expected a value",
                "{|1|unexpected end of header"
            })
    void syntaxErrorsGiveThePosition(String text, int position, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(PyLiteral.SyntaxError.class, e -> assertThat(e.position())
                        .isEqualTo(position))
                .hasMessageContaining(message);
    }

    @Test
    void nestingIsBounded() {
        assertThatThrownBy(() -> parse("[".repeat(33) + "]".repeat(33)))
                .isInstanceOf(PyLiteral.SyntaxError.class)
                .hasMessageContaining("nested deeper than 32 levels");
    }

    @Test
    void nestingUpToTheBoundIsAccepted() throws Exception {
        assertThat(parse("[".repeat(32) + "]".repeat(32))).isInstanceOf(PyLiteral.PyList.class);
    }
}
