package dev.nla.tensor.problems.cookie;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;

class BandedCholeskyTest {
    private final CookieProblem problem =
            CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(10));
    private final SparseMatrix a = problem.operator(2.0, 0.5, 7.0, 3.0);

    @Test
    void bandwidthIsThatOfTheFivePointStencil() {
        assertThat(BandedCholesky.factor(a).halfBandwidth()).isEqualTo(11);
    }

    @Test
    void factorMatchesTheDenseCholeskyOfNlaCore() {
        BandedCholesky banded = BandedCholesky.factor(a);
        CholeskyResult dense = Decompositions.cholesky().factor(a.toDense());
        DenseMatrix l = DenseMatrix.zeros(a.rows(), a.rows());
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j <= i; j++) {
                l.set(i, j, banded.factorEntry(i, j));
            }
        }
        // Both are backward stable; the factor is well conditioned here (cond(A) ~ 1e3).
        assertThatMatrix(l).isCloseTo(dense.l(), 1e3 * Tolerances.factorizationResidual(dense.l()));
    }

    @Test
    void solveHasSmallScaledResidual() {
        DenseMatrix b = RandomMatrices.gaussian(a.rows(), 3, RngState.seed(11)).value();
        DenseMatrix x = BandedCholesky.factor(a).solve(b);
        DenseMatrix r = b.copy();
        dev.nla.core.blas.Blas.gemm(
                dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.NO_TRANSPOSE, -1.0, a, x, 1.0, r);
        // Backward stability: ||b - Ax|| <= c n u ||A|| ||x||.
        double bound = Tolerances.factorizationResidual(a.toDense()) * Tolerances.frobenius(x);
        assertThat(Tolerances.frobenius(r)).isLessThanOrEqualTo(bound);
    }

    @Test
    void solveDoesNotModifyTheRightHandSide() {
        DenseMatrix b = RandomMatrices.gaussian(a.rows(), 1, RngState.seed(3)).value();
        DenseMatrix copy = b.copy();
        BandedCholesky.factor(a).solve(b);
        assertThatMatrix(b).isBitwiseEqualTo(copy);
    }

    @Test
    void detectsAnIndefiniteMatrixAndNamesTheRow() {
        SparseMatrix indefinite = SparseMatrix.fromDense(
                DenseMatrix.of(new double[][] {{4, 1, 0}, {1, 2, 3}, {0, 3, 1}}), SparseMatrix.Format.CSR);
        assertThatThrownBy(() -> BandedCholesky.factor(indefinite))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("row 2");
    }

    @Test
    void refusesBandStorageAboveTheLimitBeforeAllocating() {
        assertThatThrownBy(() -> BandedCholesky.factor(a, 100))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("1452")
                .hasMessageContaining("100");
    }

    @Test
    void rejectsNonSquareMatrix() {
        assertThatThrownBy(
                        () -> BandedCholesky.factor(SparseMatrix.builder(3, 4).build(SparseMatrix.Format.CSR)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x4");
    }

    @Test
    void rejectsNonFiniteEntry() {
        SparseMatrix bad = SparseMatrix.of(
                SparseMatrix.Format.CSR, 2, 2, new int[] {0, 1, 3}, new int[] {0, 0, 1}, new double[] {1, Double.NaN, 1
                });
        assertThatThrownBy(() -> BandedCholesky.factor(bad))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 0)");
    }

    @Test
    void rejectsRightHandSideOfWrongHeight() {
        BandedCholesky f = BandedCholesky.factor(a);
        assertThatThrownBy(() -> f.solve(DenseMatrix.zeros(5, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5")
                .hasMessageContaining("121");
    }
}
