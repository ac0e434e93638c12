package dev.nla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @Test
    void plainFieldIsNotQuoted() {
        assertThat(CsvWriter.escape("vector-2t")).isEqualTo("vector-2t");
    }

    @Test
    void commaIsQuoted() {
        assertThat(CsvWriter.escape("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void quoteIsDoubledInsideQuotes() {
        assertThat(CsvWriter.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void lineBreaksAreQuoted() {
        assertThat(CsvWriter.escape("two\nlines\r\n")).isEqualTo("\"two\nlines\r\n\"");
    }

    @Test
    void surroundingWhitespaceIsQuoted() {
        assertThat(CsvWriter.escape(" padded")).isEqualTo("\" padded\"");
    }

    @Test
    void emptyFieldStaysEmpty() {
        assertThat(CsvWriter.escape("")).isEmpty();
    }

    @Test
    void tableHasHeaderTypedCellsAndEmptyMissingValues() {
        Table t = Table.builder()
                .text("name")
                .integer("n")
                .real("x", 3)
                .bool("ok")
                .build();
        t.addRow("a,b", 64, 0.1, true);
        t.addRow(null, 128L, Double.NaN, null);
        assertThat(CsvWriter.toCsv(t)).isEqualTo("name,n,x,ok\n\"a,b\",64,0.1,true\n,128,NaN,\n");
    }

    @Test
    void realsRoundTripExactly() {
        double v = 1.0 / 3.0 * 1e-17;
        Table t = Table.builder().real("x", 2).build();
        t.addRow(v);
        String line = CsvWriter.toCsv(t).split("\n")[1];
        assertThat(Double.parseDouble(line)).isEqualTo(v);
    }

    @Test
    void fileIsUtf8(@TempDir Path dir) throws Exception {
        Table t = Table.builder().text("label").build();
        t.addRow("γ_n ≤ 2·u, naïve");
        Path file = dir.resolve("t.csv");
        CsvWriter.write(t, file);
        assertThat(Files.readAllBytes(file))
                .isEqualTo("label\n\"γ_n ≤ 2·u, naïve\"\n".getBytes(StandardCharsets.UTF_8));
    }
}
