package dev.nla.bench.experiments.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** End-to-end run at the smoke scale, shared by the file checks; the metrics against the test oracle. */
class DecompAccuracyExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new DecompAccuracyExperiment());
    }

    private static List<String> csv(String file) throws Exception {
        return Files.readAllLines(dir.resolve("decomp-accuracy").resolve(file));
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .containsExactly(
                        DecompAccuracyExperiment.CSV_FILE,
                        DecompAccuracyExperiment.RUNS_FILE,
                        DecompAccuracyExperiment.RESIDUAL_SIZE_PLOT,
                        DecompAccuracyExperiment.ORTHOGONALITY_SIZE_PLOT,
                        DecompAccuracyExperiment.RESIDUAL_CONDITION_PLOT,
                        DecompAccuracyExperiment.ORTHOGONALITY_CONDITION_PLOT,
                        "report.md",
                        "manifest.json");
    }

    @Test
    void summaryHasOneRowPerMethodAndPoint() throws Exception {
        int methods = DecompAccuracyExperiment.methods(Decompositions.nativeAvailable())
                .size();
        // smoke: 2 sizes and 2 condition numbers
        assertThat(csv(DecompAccuracyExperiment.CSV_FILE)).hasSize(1 + methods * 4);
    }

    @Test
    void everySuccessfulRunIsBelowTheThreshold() throws Exception {
        List<String> lines = csv(DecompAccuracyExperiment.RUNS_FILE);
        assertThat(lines.get(0))
                .isEqualTo("sweep,decomposition,implementation,m,n,condition,matrix,failed,residual_ratio,"
                        + "orthogonality_ratio");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[7].equals("false")) {
                assertThat(Double.parseDouble(f[8])).as(line).isLessThan(DecompAccuracyExperiment.THRESHOLD);
            }
        }
    }

    @Test
    void choleskyQr2BreaksDownAtConditionTenToTheFifteen() throws Exception {
        // outside its domain (kappa <~ 1e8) CholeskyQR2 must throw rather than return a poor Q
        assertThat(csv(DecompAccuracyExperiment.RUNS_FILE))
                .anyMatch(l ->
                        l.startsWith("condition,CholeskyQR2,java,") && l.contains(",1.0E15,") && l.contains(",true,"));
    }

    @Test
    void reportStatesTheFindings() throws Exception {
        String report = Files.readString(dir.resolve("decomp-accuracy").resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(report).contains("## Findings", "threshold 30", DecompAccuracyExperiment.RESIDUAL_SIZE_PLOT);
    }

    @ParameterizedTest
    @EnumSource(DecompAccuracyExperiment.Kind.class)
    void inputsHaveThePrescribedCondition(DecompAccuracyExperiment.Kind kind) {
        DenseMatrix a = DecompAccuracyExperiment.input(kind, 20, 1e6, RngState.seed(3));
        double[] s = Decompositions.svd().singularValues(a);
        // singular values (or |eigenvalues|) 1 ... 1e-6, exact up to O(n u) from the generator
        assertThat(s[0] / s[s.length - 1]).isCloseTo(1e6, org.assertj.core.api.Assertions.within(1e-3 * 1e6));
    }

    @Test
    void residualAgreesWithTheTestOracle() {
        DenseMatrix a = TestMatrices.gaussian(40, 15, RngState.seed(4));
        DenseMatrix f = TestMatrices.gaussian(40, 15, RngState.seed(5));
        DenseMatrix g = TestMatrices.gaussian(15, 15, RngState.seed(6));
        // both compute the same compensated quantity; they may differ in the last bits
        assertThat(AccuracyRatios.residual(a, f, g))
                .isCloseTo(LapackRatios.residualRatio(a, f, g), org.assertj.core.api.Assertions.withinPercentage(1e-6));
    }

    @Test
    void orthogonalityAgreesWithTheTestOracle() {
        DenseMatrix q = Decompositions.qr()
                .decompose(TestMatrices.gaussian(60, 12, RngState.seed(7)), dev.nla.core.decomp.QrMode.THIN)
                .q();
        assertThat(AccuracyRatios.orthogonality(q))
                .isCloseTo(LapackRatios.orthogonalityRatio(q), org.assertj.core.api.Assertions.withinPercentage(1e-6));
    }
}
