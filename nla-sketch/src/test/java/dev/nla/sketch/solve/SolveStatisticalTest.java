package dev.nla.sketch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed sweeps of the sketched least-squares solvers against their theory. */
@Tag("statistical")
class SolveStatisticalTest {
    private static final int SEEDS = 200;

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(ints = {60, 120})
    void gaussianSketchAndSolveMatchesTheExpectedResidual(int d) {
        // E ||b - A xhat||^2 = (1 + n/(d - n - 1)) ||r*||^2 for a Gaussian sketch (inverse-Wishart mean)
        int n = 20;
        LsProblems.Problem p = LsProblems.withCondition(1000, n, 1e3, 1.0, 61);
        SketchAndSolve solver = new SketchAndSolve(SketchAndSolveOptions.defaults()
                .withSketch(SketchFamily.gaussian())
                .withSketchFactor((double) d / n));
        double[] ratio = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            double r = solver.solve(p.a(), p.b(), RngState.seed(s)).value().residualNorm() / p.residualNorm();
            ratio[s] = r * r;
        }
        double expected = 1.0 + (double) n / (d - n - 1);
        assertThat(mean(ratio)).isCloseTo(expected, within(5 * standardError(ratio)));
    }

    @Test
    void sparseSignSketchAndSolveIsAsAccurateAsGaussian() {
        // the same theory holds approximately for the sparse sign sketch with zeta = 8
        int n = 20;
        LsProblems.Problem p = LsProblems.withCondition(1000, n, 1e3, 1.0, 62);
        SketchAndSolve sparse =
                new SketchAndSolve(SketchAndSolveOptions.defaults().withSketchFactor(4));
        double[] ratio = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            double r = sparse.solve(p.a(), p.b(), RngState.seed(s)).value().residualNorm() / p.residualNorm();
            ratio[s] = r * r;
        }
        double gaussian = 1.0 + (double) n / (80 - n - 1);
        assertThat(mean(ratio)).isCloseTo(gaussian, within(0.1 * gaussian));
    }

    @Test
    void iterationCountIsBoundedAndIndependentOfTheConditionOverSeeds() {
        double[] kappas = {1e2, 1e6, 1e10};
        double[] medians = new double[kappas.length];
        int seeds = 20;
        for (int k = 0; k < kappas.length; k++) {
            LsProblems.Problem p = LsProblems.withCondition(2000, 60, kappas[k], 1e-6, 63);
            double[] it = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                SketchAndPreconditionResult r = SketchAndPrecondition.withDefaults()
                        .solve(p.a(), p.b(), RngState.seed(100 + s))
                        .value();
                assertThat(r.converged()).isTrue();
                assertThat(r.iterations()).isLessThanOrEqualTo(60);
                it[s] = r.iterations();
            }
            Arrays.sort(it);
            medians[k] = it[seeds / 2];
        }
        assertThat(Math.abs(medians[2] - medians[0])).isLessThanOrEqualTo(5);
        assertThat(Math.abs(medians[1] - medians[0])).isLessThanOrEqualTo(5);
    }

    @Test
    void smallerSketchesNeedMoreIterations() {
        // cond(AN) ~ (1 + 1/sqrt(gamma)) / (1 - 1/sqrt(gamma)): 5.8 at gamma = 2, 3 at gamma = 4, 1.9 at 10
        LsProblems.Problem p = LsProblems.withCondition(3000, 60, 1e6, 1e-6, 64);
        double[] gammas = {2, 4, 10};
        int[] iterations = new int[gammas.length];
        for (int g = 0; g < gammas.length; g++) {
            int total = 0;
            for (int s = 0; s < 10; s++) {
                total += new SketchAndPrecondition(SketchAndPreconditionOptions.builder()
                                .sketchFactor(gammas[g])
                                .build())
                        .solve(p.a(), p.b(), RngState.seed(200 + s))
                        .value()
                        .iterations();
            }
            iterations[g] = total;
        }
        assertThat(iterations[0]).isGreaterThan(iterations[1]);
        assertThat(iterations[1]).isGreaterThan(iterations[2]);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double standardError(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }
}
