package dev.nla.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {
    private static MarkdownReport sample() {
        Table t = Table.builder().text("impl").real("gflops", 3).build();
        t.addRow("vector", 30.0);
        return new MarkdownReport("GEMM scaling")
                .description("Throughput of C = AB.")
                .parameter("sizes", "64, 128")
                .section("Results")
                .table(t)
                .image("GFLOP/s against n", "gemm.png")
                .finding("vector is fast")
                .note("2 cores");
    }

    @Test
    void rendersAllPartsInOrder() {
        assertThat(sample().render())
                .isEqualTo("# GEMM scaling\n\n"
                        + "Throughput of C = AB.\n\n"
                        + "## Findings\n\n"
                        + "- vector is fast\n\n"
                        + "## Parameters\n\n"
                        + "| parameter | value |\n| --- | --- |\n| sizes | 64, 128 |\n\n"
                        + "## Results\n\n"
                        + "| impl | gflops |\n| --- | ---: |\n| vector | 30.0 |\n\n"
                        + "![GFLOP/s against n](gemm.png)\n\n"
                        + "## Notes\n\n"
                        + "- 2 cores\n");
    }

    @Test
    void imageLinkEncodesSpaces() {
        assertThat(new MarkdownReport("t").image("a", "my plot.png").render()).contains("(my%20plot.png)");
    }

    @Test
    void absoluteImagePathIsRejected() {
        assertThatThrownBy(() -> new MarkdownReport("t").image("a", "/tmp/x.png"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/tmp/x.png");
    }

    @Test
    void parentDirectoryImagePathIsRejected() {
        assertThatThrownBy(() -> new MarkdownReport("t").image("a", "../x.png"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void laterParameterValueReplacesEarlierOne() {
        MarkdownReport r =
                new MarkdownReport("t").parameter("n", 1).parameter("m", 2).parameter("n", 3);
        assertThat(r.parameters()).containsExactly(java.util.Map.entry("n", "3"), java.util.Map.entry("m", "2"));
    }

    @Test
    void blankTitleIsRejected() {
        assertThatThrownBy(() -> new MarkdownReport("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesUtf8File(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.md");
        MarkdownReport r = sample().note("γ bound");
        r.write(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(r.render());
    }
}
