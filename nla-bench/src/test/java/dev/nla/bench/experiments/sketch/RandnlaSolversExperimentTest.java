package dev.nla.bench.experiments.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Experiments;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end run at the smoke scale, shared by all checks. */
class RandnlaSolversExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new RandnlaSolversExperiment());
    }

    private static List<String> csv(String file) throws Exception {
        return Files.readAllLines(dir.resolve("randnla-solvers").resolve(file));
    }

    private static int column(List<String> lines, String name) {
        return List.of(lines.get(0).split(",")).indexOf(name);
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void isRegistered() {
        assertThat(Experiments.find("randnla-solvers")).get().isInstanceOf(RandnlaSolversExperiment.class);
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .contains(
                        RandnlaSolversExperiment.CONVERGENCE_CSV,
                        RandnlaSolversExperiment.LS_SUMMARY_CSV,
                        RandnlaSolversExperiment.ITERATIONS_CSV,
                        RandnlaSolversExperiment.SAS_CSV,
                        RandnlaSolversExperiment.TRACE_CSV,
                        RandnlaSolversExperiment.TRACE_SUMMARY_CSV,
                        RandnlaSolversExperiment.FORWARD_PLOT,
                        RandnlaSolversExperiment.FITTED_PLOT,
                        RandnlaSolversExperiment.SAS_PLOT,
                        "trace-polynomial.png",
                        "trace-exponential.png",
                        "trace-low-rank-plus-noise.png",
                        "report.md",
                        "manifest.json");
    }

    @Test
    void warmStartIsAsAccurateAsQrAndColdStartIsNotAtTheLargestCondition() throws Exception {
        List<String> lines = csv(RandnlaSolversExperiment.LS_SUMMARY_CSV);
        int kappa = column(lines, "kappa");
        int rho = column(lines, "rho");
        boolean seen = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (Double.parseDouble(f[kappa]) == 1e10 && Double.parseDouble(f[rho]) == 1e-10) {
                double qr = Double.parseDouble(f[column(lines, "qr_forward_error")]);
                double warm = Double.parseDouble(f[column(lines, "warm_forward_error")]);
                double cold = Double.parseDouble(f[column(lines, "cold_forward_error")]);
                assertThat(warm).isLessThan(10 * qr);
                assertThat(cold).isGreaterThan(100 * warm);
                seen = true;
            }
        }
        assertThat(seen).isTrue();
    }

    @Test
    void everySolveConverges() throws Exception {
        List<String> lines = csv(RandnlaSolversExperiment.ITERATIONS_CSV);
        int converged = column(lines, "converged");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.split(",")[converged]).isEqualTo("true");
        }
    }

    @Test
    void traceCsvHasOneRowPerMatrixEstimatorBudgetAndSeed() throws Exception {
        // smoke: 3 matrices x 4 estimators x 2 budgets x 2 seeds
        assertThat(csv(RandnlaSolversExperiment.TRACE_CSV)).hasSize(1 + 3 * 4 * 2 * 2);
    }

    @Test
    void sketchAndSolveResidualsAreAtLeastOptimal() throws Exception {
        List<String> lines = csv(RandnlaSolversExperiment.SAS_CSV);
        int ratio = column(lines, "residual_ratio");
        for (String line : lines.subList(1, lines.size())) {
            // ||b - A x^|| >= ||r*|| up to the rounding of the planted residual
            assertThat(Double.parseDouble(line.split(",")[ratio])).isGreaterThan(1 - 1e-8);
        }
    }

    @Test
    void plotsAreReadablePngs() throws Exception {
        BufferedImage image = ImageIO.read(dir.resolve("randnla-solvers")
                .resolve(RandnlaSolversExperiment.FORWARD_PLOT)
                .toFile());
        assertThat(image.getWidth()).isPositive();
    }

    @Test
    void reportHasTheFindings() throws Exception {
        String report = Files.readString(dir.resolve("randnla-solvers").resolve("report.md"));
        assertThat(report).contains("warm start reaches forward error").contains("Trace of the polynomial matrix");
    }
}
