package dev.nla.bench.experiments.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
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

/** End-to-end run at the smoke scale (n = 128 and 256, size parameter 16), shared by all checks. */
class AttentionCostExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new AttentionCostExperiment());
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(dir.resolve("attention-cost").resolve(file));
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void isRegistered() {
        assertThat(Experiments.find("attention-cost")).isPresent();
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .contains(
                        AttentionCostExperiment.CSV_FILE,
                        AttentionCostExperiment.SLOPES_FILE,
                        AttentionCostExperiment.TIME_PLOT,
                        AttentionCostExperiment.FLOP_PLOT,
                        "report.md");
    }

    @Test
    void measuresEveryRegisteredMethodAtBothSizes() throws Exception {
        List<String> rows = lines(AttentionCostExperiment.CSV_FILE);
        assertThat(rows.get(0))
                .isEqualTo("method,family,parameter,size,n,flops,exps,peak_elements,median_seconds,min_seconds,"
                        + "repetitions");
        for (AttentionMethod m : AttentionMethods.all()) {
            long count = rows.stream().filter(r -> r.startsWith(m.name() + ",")).count();
            assertThat(count).as(m.name()).isEqualTo(2);
        }
    }

    @Test
    void exactFlopsQuadrupleWhenNDoubles() throws Exception {
        List<String> slopes = lines(AttentionCostExperiment.SLOPES_FILE);
        String exact =
                slopes.stream().filter(r -> r.startsWith("exact,")).findFirst().orElseThrow();
        String[] f = exact.split(",");
        assertThat(Double.parseDouble(f[2])).isGreaterThanOrEqualTo(1.95);
    }

    @Test
    void linearAttentionFlopsDoubleWhenNDoubles() throws Exception {
        List<String> slopes = lines(AttentionCostExperiment.SLOPES_FILE);
        String linear =
                slopes.stream().filter(r -> r.startsWith("linear,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(linear.split(",")[2])).isLessThanOrEqualTo(1.05);
    }

    @Test
    void logLogSlopeOfAPowerLawIsItsExponent() {
        double[] x = {2, 4, 8, 16};
        double[] y = {3 * Math.pow(2, 1.5), 3 * Math.pow(4, 1.5), 3 * Math.pow(8, 1.5), 3 * Math.pow(16, 1.5)};
        assertThat(AttentionCostExperiment.logLogSlope(x, y))
                .isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-12));
    }
}
