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

/** End-to-end run of {@code tucker-dg} at the smoke scale, shared by all checks. */
class TuckerDgExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new TuckerDgExperiment());
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(dir.resolve("tucker-dg").resolve(file));
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .containsExactly(
                        TuckerDgExperiment.ORDER_CSV,
                        TuckerDgExperiment.ORDER_PLOT,
                        TuckerDgExperiment.ACCURACY_CSV,
                        TuckerDgExperiment.RANKS_PLOT,
                        TuckerDgExperiment.TIMING_CSV,
                        TuckerDgExperiment.TIMING_PLOT,
                        TuckerDgExperiment.PARAMETRIC_CSV,
                        TuckerDgExperiment.PARAMETRIC_PLOT,
                        "report.md",
                        "manifest.json");
    }

    @Test
    void orderTableHasOneRowPerDegreeAndMeshWithDecreasingErrors() throws Exception {
        List<String> l = lines(TuckerDgExperiment.ORDER_CSV);
        assertThat(l.get(0)).isEqualTo("k,elements,h,steps,l2_error,order");
        // smoke: k = 1..4, N_e = 4, 8
        assertThat(l).hasSize(1 + 4 * 2);
        for (int k = 0; k < 4; k++) {
            double coarse = Double.parseDouble(l.get(1 + 2 * k).split(",")[4]);
            double fine = Double.parseDouble(l.get(2 + 2 * k).split(",")[4]);
            assertThat(fine).isLessThan(coarse);
        }
    }

    @Test
    void tuckerRunsMatchTheFullGrid() throws Exception {
        List<String> l = lines(TuckerDgExperiment.ACCURACY_CSV);
        assertThat(l).hasSize(1 + 3);
        for (String line : l.subList(1, l.size())) {
            // rel_diff_full_grid: tol 1e-10 per stage, ~300 roundings, L2-stable scheme (T13b bar 1e-8)
            assertThat(Double.parseDouble(line.split(",")[4])).isLessThanOrEqualTo(1e-8);
        }
    }

    @Test
    void timingRatiosAreRelativeToTheDeterministicRow() throws Exception {
        List<String> l = lines(TuckerDgExperiment.TIMING_CSV);
        assertThat(l).hasSize(1 + 3);
        assertThat(l.get(1)).startsWith("8x8,64,formal-qr-rounding,3,");
        assertThat(Double.parseDouble(l.get(1).split(",")[7])).isEqualTo(1.0);
    }

    @Test
    void parametricTimingHasOneRowPerStartAndStrategyRelativeToTheDeterministicRow() throws Exception {
        List<String> l = lines(TuckerDgExperiment.PARAMETRIC_CSV);
        // smoke: t0 = 0, 0.25; N_e = 128; formal-qr-rounding, sketched with the fitted cap, adaptive
        assertThat(l).hasSize(1 + 2 * 3);
        assertThat(List.of(l.get(1), l.get(4)))
                .satisfiesExactly(a -> assertThat(a).startsWith("0.0,128,formal-qr-rounding,2,"), b -> assertThat(b)
                        .startsWith("0.25,128,formal-qr-rounding,2,"));
        assertThat(Double.parseDouble(l.get(1).split(",")[7])).isEqualTo(1.0);
    }

    @Test
    void parametricSketchedSolutionsAgreeWithTheDeterministicOne() throws Exception {
        List<String> l = lines(TuckerDgExperiment.PARAMETRIC_CSV);
        for (int i : new int[] {2, 3, 5, 6}) {
            String[] f = l.get(i).split(",");
            // last column; 3 steps x 3 roundings at tol 1e-10 each, the fitted cap 4 above the deterministic rank (T13c
            // bar 10
            // tol)
            assertThat(Double.parseDouble(f[f.length - 1])).isLessThanOrEqualTo(1e-9);
        }
    }
}
