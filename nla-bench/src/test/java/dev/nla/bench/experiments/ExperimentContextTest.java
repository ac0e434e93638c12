package dev.nla.bench.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.bench.report.MarkdownReport;
import dev.nla.bench.report.Table;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentContextTest {
    private static ExperimentContext context(Path dir) {
        return new ExperimentContext("x", Scale.SMOKE, 1L, dir, Progress.silent(), new MarkdownReport("x"));
    }

    private static Table table() {
        return Table.builder().integer("n").build().addRow(1);
    }

    @Test
    void pathSeparatorsInFileNamesAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> context(dir).writeTable("../x.csv", table()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../x.csv");
    }

    @Test
    void wrongExtensionIsRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> context(dir).writeTable("x.txt", table()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".csv");
    }

    @Test
    void reservedNamesAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> context(dir).writeText("report.md", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void outputsAreRecordedOnce(@TempDir Path dir) {
        ExperimentContext c = context(dir);
        c.writeTable("a.csv", table());
        c.writeTable("a.csv", table());
        c.writeText("log.txt", "hello");
        assertThat(c.outputs()).containsExactly("a.csv", "log.txt");
    }

    @Test
    void optionsMustBeJsonWritable(@TempDir Path dir) {
        assertThatThrownBy(() -> context(dir).option("bad", new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingDirectoryIsRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> context(dir.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent");
    }
}
