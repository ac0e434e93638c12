package dev.nla.sketch.solve;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static dev.nla.sketch.solve.LsProblems.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.SvdLeastSquares;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.SketchingOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SketchAndSolveTest {
    private static final RngState SEED = RngState.seed(515);
    private static final LsProblems.Problem P = LsProblems.withCondition(3000, 40, 1e4, 0.5, 41);

    /** The distortion of {@code s} on the column space of [A b]: max(sigma_max - 1, 1 - sigma_min) of S Q. */
    private static double distortion(SketchingOperator s, DenseMatrix a, DenseMatrix b) {
        DenseMatrix ab = DenseMatrix.zeros(a.rows(), a.cols() + 1);
        ab.columns(0, a.cols()).copyFrom(a);
        ab.column(a.cols()).copyFrom(b);
        DenseMatrix q = Decompositions.qr().decompose(ab, QrMode.THIN).q();
        double[] sigma = Decompositions.svd().singularValues(s.applyLeft(q));
        return Math.max(sigma[0] - 1, 1 - sigma[sigma.length - 1]);
    }

    @ParameterizedTest(name = "gamma = {0}")
    @ValueSource(doubles = {2, 4, 10})
    void residualIsWithinTheEmbeddingFactorOfTheOptimum(double gamma) {
        // if S embeds span([A b]) with distortion eps < 1, ||b - A xhat|| <= (1 + eps)/(1 - eps) ||r*||
        SketchAndSolveOptions options = SketchAndSolveOptions.defaults().withSketchFactor(gamma);
        SketchAndSolveResult r =
                new SketchAndSolve(options).solve(P.a(), P.b(), SEED).value();
        SketchingOperator s =
                SketchFamily.sparseSign().of(r.sketchRows(), 3000).sample(SEED).value();
        double eps = distortion(s, P.a(), P.b());
        assertThat(eps).isLessThan(1);
        assertThat(r.residualNorm()).isLessThanOrEqualTo((1 + eps) / (1 - eps) * P.residualNorm() * (1 + 1e-12));
    }

    @Test
    void residualIsWithinTenPercentOfOptimalWithTwentyTimesOversampling() {
        // d = 20 n: the Gaussian mean is sqrt(1 + n/(d - n - 1)) = 1.026 of optimal; sparse sign behaves alike
        SketchAndSolveResult r = new SketchAndSolve(
                        SketchAndSolveOptions.defaults().withSketchFactor(20))
                .solve(P.a(), P.b(), SEED)
                .value();
        assertThat(r.residualNorm()).isLessThanOrEqualTo(1.1 * P.residualNorm());
    }

    @Test
    void moreRowsGiveASmallerResidual() {
        double small = new SketchAndSolve(SketchAndSolveOptions.defaults().withSketchFactor(1.5))
                .solve(P.a(), P.b(), SEED)
                .value()
                .residualNorm();
        double large = new SketchAndSolve(SketchAndSolveOptions.defaults().withSketchFactor(20))
                .solve(P.a(), P.b(), SEED)
                .value()
                .residualNorm();
        assertThat(large).isLessThan(small);
    }

    @Test
    void isExactForAConsistentSystem() {
        LsProblems.Problem p = LsProblems.withCondition(3000, 40, 1e4, 0, 42);
        SketchAndSolveResult r =
                SketchAndSolve.withDefaults().solve(p.a(), p.b(), SEED).value();
        // S(Ax - b) = 0 is attainable: the sketched problem has the same solution; error O(kappa u)
        assertThat(relativeError(r.solution(), p.solution())).isLessThan(1e-10);
    }

    @Test
    void reportsTheSketchedResidual() {
        SketchAndSolveResult r =
                SketchAndSolve.withDefaults().solve(P.a(), P.b(), SEED).value();
        SketchingOperator s =
                SketchFamily.sparseSign().of(r.sketchRows(), 3000).sample(SEED).value();
        DenseMatrix res = P.b().copy();
        dev.nla.core.blas.Blas.gemm(
                dev.nla.core.blas.Transpose.NO_TRANSPOSE,
                dev.nla.core.blas.Transpose.NO_TRANSPOSE,
                -1.0,
                P.a(),
                r.solution(),
                1.0,
                res);
        double expected = LsProblems.norm(s.applyLeft(res));
        assertThat(r.sketchedResidualNorm()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * expected));
    }

    @Test
    void svdFactorizationMatchesQrOnAFullRankProblem() {
        SketchAndSolveResult qr =
                SketchAndSolve.withDefaults().solve(P.a(), P.b(), SEED).value();
        SketchAndSolveResult svd = new SketchAndSolve(
                        SketchAndSolveOptions.defaults().withFactorization(Factorization.SVD))
                .solve(P.a(), P.b(), SEED)
                .value();
        // the same sketched problem, solved two backward-stable ways: cond(SA) ~ 1e4
        assertThat(relativeError(svd.solution(), qr.solution())).isLessThan(1e-10);
    }

    @Test
    void svdFactorizationGivesTheMinimumNormSolutionOfARankDeficientConsistentSystem() {
        double[] sigma = new double[30];
        for (int i = 0; i < 12; i++) {
            sigma[i] = 1.0 + i;
        }
        DenseMatrix a = TestMatrices.withSingularValues(800, 30, sigma, RngState.seed(43));
        DenseMatrix b = dev.nla.core.blas.Blas.multiply(a, TestMatrices.gaussian(30, 1, RngState.seed(44)));
        SketchAndSolveResult r = new SketchAndSolve(
                        SketchAndSolveOptions.defaults().withFactorization(Factorization.SVD))
                .solve(a, b, SEED)
                .value();
        assertThat(r.rank()).isEqualTo(12);
        assertThat(relativeError(
                        r.solution(), SvdLeastSquares.withDefaults().solve(a, b).x()))
                .isLessThan(1e-10);
    }

    @Test
    void qrRefusesARankDeficientSketch() {
        DenseMatrix a = TestMatrices.gaussian(300, 10, RngState.seed(45));
        a.column(9).copyFrom(a.column(3));
        assertThatThrownBy(() ->
                        SketchAndSolve.withDefaults().solve(a, TestMatrices.gaussian(300, 1, RngState.seed(46)), SEED))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("40x10");
    }

    @Test
    void sparseAndMatrixFreeInputsAgreeWithDense() {
        SketchAndSolveResult dense =
                SketchAndSolve.withDefaults().solve(P.a(), P.b(), SEED).value();
        SketchAndSolveResult sparse = SketchAndSolve.withDefaults()
                .solve(SparseMatrix.fromDense(P.a(), SparseMatrix.Format.CSR), P.b(), SEED)
                .value();
        SketchAndSolveResult free = SketchAndSolve.withDefaults()
                .solve(LsProblems.matrixFree(P.a()), P.b(), SEED)
                .value();
        // the same S; SA formed by different kernels differs by rounding, amplified by cond(SA) ~ 1e4
        assertThat(relativeError(sparse.solution(), dense.solution())).isLessThan(1e-10);
        assertThat(relativeError(free.solution(), dense.solution())).isLessThan(1e-10);
    }

    @Test
    void sketchSizeIsCappedAtTheRowCount() {
        DenseMatrix a = TestMatrices.gaussian(50, 20, RngState.seed(47));
        SketchAndSolveResult r = SketchAndSolve.withDefaults()
                .solve(a, TestMatrices.gaussian(50, 1, RngState.seed(48)), SEED)
                .value();
        assertThat(r.sketchRows()).isEqualTo(50);
    }

    @Test
    void sameSeedIsBitwiseIdenticalForOneAndTwoThreads() {
        LsProblems.Problem p = LsProblems.withCondition(8000, 120, 1e3, 0.1, 49);
        DenseMatrix one = LsProblems.withThreads(1, () -> SketchAndSolve.withDefaults()
                .solve(p.a(), p.b(), SEED)
                .value()
                .solution());
        DenseMatrix two = LsProblems.withThreads(2, () -> SketchAndSolve.withDefaults()
                .solve(p.a(), p.b(), SEED)
                .value()
                .solution());
        assertThatMatrix(two).isBitwiseEqualTo(one);
    }

    @Test
    void rejectsNonFiniteInput() {
        DenseMatrix a = P.a().copy();
        a.set(11, 5, Double.NaN);
        assertThatThrownBy(() -> SketchAndSolve.withDefaults().solve(a, P.b(), SEED))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(11, 5)");
    }

    @Test
    void rejectsAWideMatrix() {
        assertThatThrownBy(() ->
                        SketchAndSolve.withDefaults().solve(DenseMatrix.zeros(3, 4), DenseMatrix.zeros(3, 1), SEED))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x4");
    }

    @Test
    void rejectsASketchFactorBelowOne() {
        assertThatThrownBy(() -> SketchAndSolveOptions.defaults().withSketchFactor(0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.99");
    }

    @Test
    void defaultsAreDocumented() {
        SketchAndSolveOptions o = SketchAndSolveOptions.defaults();
        assertThat(o.sketch().name()).isEqualTo("sparse-sign");
        assertThat(o.sketchFactor()).isEqualTo(4.0);
        assertThat(o.factorization()).isEqualTo(Factorization.QR);
        assertThat(o.rankTolerance()).isEqualTo(1e-12);
    }
}
