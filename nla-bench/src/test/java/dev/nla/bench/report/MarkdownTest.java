package dev.nla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void rendersHeaderAlignmentAndRows() {
        Table t = Table.builder().text("impl").integer("n").real("gflops", 3).build();
        t.addRow("vector", 1024, 31.2456);
        t.addRow("naive", 64, null);
        assertThat(Markdown.table(t))
                .isEqualTo("| impl | n | gflops |\n"
                        + "| --- | ---: | ---: |\n"
                        + "| vector | 1024 | 31.2 |\n"
                        + "| naive | 64 | – |\n");
    }

    @Test
    void pipeInCellIsEscaped() {
        assertThat(Markdown.escapeCell("a|b")).isEqualTo("a\\|b");
    }

    @Test
    void lineBreakInCellBecomesBr() {
        assertThat(Markdown.escapeCell("one\r\ntwo\nthree")).isEqualTo("one<br>two<br>three");
    }

    @Test
    void htmlAndBackslashAreEscaped() {
        assertThat(Markdown.escapeCell("<b>\\")).isEqualTo("&lt;b&gt;\\\\");
    }

    @Test
    void moderateRealsUsePlainNotation() {
        assertThat(Markdown.formatReal(0.0012345, 3)).isEqualTo("0.00123");
    }

    @Test
    void trailingZerosAreKeptToTheRequestedDigits() {
        assertThat(Markdown.formatReal(30.0, 3)).isEqualTo("30.0");
    }

    @Test
    void largeRealsUseScientificNotation() {
        assertThat(Markdown.formatReal(1.23456e7, 3)).isEqualTo("1.23e+07");
    }

    @Test
    void tinyRealsUseScientificNotation() {
        assertThat(Markdown.formatReal(-2.5e-9, 2)).isEqualTo("-2.5e-09");
    }

    @Test
    void nonFiniteRealsAreSpelledOut() {
        assertThat(new String[] {
                    Markdown.formatReal(Double.NaN, 3),
                    Markdown.formatReal(Double.POSITIVE_INFINITY, 3),
                    Markdown.formatReal(Double.NEGATIVE_INFINITY, 3)
                })
                .containsExactly("NaN", "inf", "-inf");
    }

    @Test
    void roundingJustBelowAMillionSwitchesToScientific() {
        assertThat(Markdown.formatReal(999_999.6, 3)).isEqualTo("1.00e+06");
    }

    @Test
    void digitsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> Markdown.formatReal(1.0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
