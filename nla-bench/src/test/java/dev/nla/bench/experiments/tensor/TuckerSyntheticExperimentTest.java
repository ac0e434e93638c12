package dev.nla.bench.experiments.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end run of {@code tucker-synthetic} at the smoke scale, shared by all checks. */
class TuckerSyntheticExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new TuckerSyntheticExperiment());
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(dir.resolve("tucker-synthetic").resolve(file));
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .containsExactly(
                        TuckerSyntheticExperiment.EXP1_CSV,
                        TuckerSyntheticExperiment.EXP1_PLOT,
                        TuckerSyntheticExperiment.EXP2_TIME_CSV,
                        TuckerSyntheticExperiment.EXP2_TIME_PLOT,
                        TuckerSyntheticExperiment.EXP2_ADAPTIVE_CSV,
                        TuckerSyntheticExperiment.EXP2_ADAPTIVE_PLOT,
                        TuckerSyntheticExperiment.MEMORY_CSV,
                        "report.md",
                        "manifest.json");
    }

    @Test
    void experimentOneHasOneRowPerStrategyAndTarget() throws Exception {
        List<String> l = lines(TuckerSyntheticExperiment.EXP1_CSV);
        assertThat(l.get(0)).isEqualTo("strategy,t,median_error,min_error,max_error,ratio_to_formal_qr,median_seconds");
        // 6 strategies x 3 targets (smoke)
        assertThat(l).hasSize(1 + 6 * 3);
    }

    @Test
    void deterministicRoundingReachesThePerturbationLevelAtTheRank() throws Exception {
        // smoke: rank 4, perturbation 1e-5: at t = 4 the best error is about 1e-5 (the X2 part)
        for (String line : lines(TuckerSyntheticExperiment.EXP1_CSV)) {
            String[] f = line.split(",");
            if (f[0].equals("formal-qr-rounding") && f[1].equals("4")) {
                assertThat(Double.parseDouble(f[2])).isBetween(1e-7, 2e-5);
            }
        }
    }

    @Test
    void adaptiveRowsReportTheirRuns() throws Exception {
        List<String> l = lines(TuckerSyntheticExperiment.EXP2_ADAPTIVE_CSV);
        assertThat(l).hasSize(1 + 2);
        for (String line : l.subList(1, l.size())) {
            String[] f = line.split(",");
            double eps = Double.parseDouble(f[0]);
            // the smoke sums are tiny; the error never exceeds twice the tolerance (spec T7 bound)
            assertThat(Double.parseDouble(f[3])).isLessThanOrEqualTo(2 * eps);
        }
    }

    @Test
    void memoryTableListsTheSketchedAndDeterministicPaths() throws Exception {
        List<String> l = lines(TuckerSyntheticExperiment.MEMORY_CSV);
        assertThat(l.get(0)).isEqualTo("strategy,allocated_megabytes,seconds,ranks");
        assertThat(l).hasSize(1 + 5);
    }
}
