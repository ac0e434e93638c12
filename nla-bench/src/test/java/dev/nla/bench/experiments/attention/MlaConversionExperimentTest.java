package dev.nla.bench.experiments.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Experiments;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end run of {@code mla-conversion} at the smoke scale (D = 64, h = 4, g = 2, d_h = 8). */
class MlaConversionExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new MlaConversionExperiment());
    }

    private static List<String> lines() throws Exception {
        return Files.readAllLines(dir.resolve("mla-conversion").resolve(MlaConversionExperiment.CSV_FILE));
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void isRegistered() {
        assertThat(Experiments.find("mla-conversion")).get().isInstanceOf(MlaConversionExperiment.class);
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .containsExactly(
                        MlaConversionExperiment.CSV_FILE,
                        MlaConversionExperiment.PLOT_FILE,
                        "report.md",
                        "manifest.json");
    }

    @Test
    void oneRowForExactAndOnePerMethodAndRank() throws Exception {
        assertThat(lines()).hasSize(1 + 1 + 4 * 5);
    }

    @Test
    void exactConversionIsExact() throws Exception {
        String[] exact = lines().get(1).split(",");
        assertThat(exact[0]).isEqualTo("exact");
        assertThat(Double.parseDouble(exact[2])).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void everyMethodIsExactAtFullRankAndCachesRNumbers() throws Exception {
        for (String line : lines().subList(2, lines().size())) {
            String[] f = line.split(",");
            int r = Integer.parseInt(f[1]);
            assertThat(Long.parseLong(f[5])).isEqualTo(r);
            if (r == 32) { // 2 g d_h
                assertThat(Double.parseDouble(f[2])).as(line).isLessThanOrEqualTo(1e-10);
            }
        }
    }

    @Test
    void jointSvdWeightResidualIsTheTail() throws Exception {
        for (String line : lines()) {
            String[] f = line.split(",");
            if (f[0].equals("joint-svd")) {
                // Both columns are printed with 4 significant digits.
                assertThat(Double.parseDouble(f[3]))
                        .as(line)
                        .isCloseTo(Double.parseDouble(f[4]), org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }
}
