package dev.nla.bench.experiments.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.report.Json;
import dev.nla.core.blas.Backends;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end run at the smoke scale (n = 32 and 64), shared by all checks. */
class GemmScalingExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new GemmScalingExperiment());
    }

    private static List<String> csvLines() throws Exception {
        return Files.readAllLines(dir.resolve("gemm-scaling").resolve(GemmScalingExperiment.CSV_FILE));
    }

    private static int expectedImplementations() {
        int cores = Runtime.getRuntime().availableProcessors();
        int perJavaBackend = cores > 1 ? 2 : 1;
        return (Backends.nativeAvailable() ? 1 : 0)
                + (Backends.vectorAvailable() ? perJavaBackend : 0)
                + perJavaBackend
                + 1;
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .containsExactly(
                        GemmScalingExperiment.CSV_FILE, GemmScalingExperiment.PLOT_FILE, "report.md", "manifest.json");
    }

    @Test
    void csvHasHeaderAndOneRowPerImplementationAndSize() throws Exception {
        List<String> lines = csvLines();
        assertThat(lines.get(0))
                .isEqualTo("implementation,backend,threads,n,median_seconds,min_seconds,repetitions,gflops,"
                        + "ratio_to_native,ratio_to_naive,scaled_diff,reference");
        assertThat(lines).hasSize(1 + 2 * expectedImplementations());
    }

    @Test
    void everyProductIsWithinTheRoundingBound() throws Exception {
        // scaled_diff = max|C - C_ref| / (n max|a| max|b|) <= 2 gamma_n for two correct products
        // [Higham 2002, sec. 3.5]; n <= 64 here.
        double bound = 2 * dev.nla.core.testing.Tolerances.gamma(64);
        for (String line : csvLines().subList(1, csvLines().size())) {
            String[] f = line.split(",");
            assertThat(Double.parseDouble(f[10])).as(line).isBetween(0.0, bound);
        }
    }

    @Test
    void naiveRatioToItselfIsOne() throws Exception {
        for (String line : csvLines()) {
            if (line.startsWith("naive,")) {
                assertThat(Double.parseDouble(line.split(",")[9])).isEqualTo(1.0);
            }
        }
    }

    @Test
    void plotIsAReadablePng() throws Exception {
        BufferedImage image = ImageIO.read(dir.resolve("gemm-scaling")
                .resolve(GemmScalingExperiment.PLOT_FILE)
                .toFile());
        assertThat(image.getWidth()).isPositive();
    }

    @Test
    void reportEmbedsThePlotAndTheTables() throws Exception {
        String report = Files.readString(dir.resolve("gemm-scaling/report.md"), StandardCharsets.UTF_8);
        assertThat(report)
                .startsWith("# gemm-scaling\n")
                .contains("](" + GemmScalingExperiment.PLOT_FILE + ")", "## Findings", "| n | ", "naive");
    }

    @Test
    void manifestParsesAndRecordsTheOptions() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(dir.resolve("gemm-scaling/manifest.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) m.get("options");
        assertThat(options).containsEntry("sizes", List.of(32L, 64L)).containsKey("implementations");
    }
}
