package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The factory: explicit-backend variants work, and the native variants fail clearly when absent. */
class DecompositionsTest {
    private static final Backend SCALAR = Backends.scalar(1);

    @Test
    void qrOnAnExplicitBackendIsAccurate() {
        DenseMatrix a = TestMatrices.gaussian(70, 30, RngState.seed(1));
        QrResult qr = Decompositions.qr(SCALAR).decompose(a, QrMode.THIN);
        assertThat(LapackRatios.residualRatio(a, qr.q(), qr.r())).isLessThan(THRESHOLD);
    }

    @Test
    void everyExplicitBackendFactoryAgreesWithTheDefaultOne() {
        DenseMatrix spd = TestMatrices.randomSpd(40, 100, RngState.seed(2));
        DenseMatrix g = TestMatrices.gaussian(60, 40, RngState.seed(3));
        DenseMatrix b = TestMatrices.gaussian(40, 2, RngState.seed(4));
        // Different kernels round differently; results agree to kappa * n * u (far below 1e-9).
        double tol = 1e-9;
        assertThat(distance(
                        Decompositions.cholesky(SCALAR).factor(spd).l(),
                        Decompositions.cholesky().factor(spd).l()))
                .isLessThan(tol);
        assertThat(distance(
                        Decompositions.lu(SCALAR).solve(spd, b),
                        Decompositions.lu().solve(spd, b)))
                .isLessThan(tol);
        assertThat(distance(
                        Decompositions.choleskyQr2(SCALAR).decompose(g).r(),
                        Decompositions.choleskyQr2().decompose(g).r()))
                .isLessThan(tol);
        assertThat(distance(
                        Decompositions.shiftedCholeskyQr3(SCALAR).decompose(g).r(),
                        Decompositions.shiftedCholeskyQr3().decompose(g).r()))
                .isLessThan(tol);
        assertThat(distance(
                        Decompositions.pivotedQr(SCALAR).factor(g).qr().r(),
                        Decompositions.pivotedQr().factor(g).qr().r()))
                .isLessThan(tol);
        assertThat(distance(
                        Decompositions.pivotedCholesky(SCALAR).factor(spd).l(),
                        Decompositions.pivotedCholesky().factor(spd).l()))
                .isLessThan(tol);
        DenseMatrix upper = Decompositions.qr().factor(g).r();
        assertThat(distance(
                        Decompositions.triangularSolver(SCALAR)
                                .solve(Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, upper, b),
                        Decompositions.triangularSolver()
                                .solve(Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, upper, b)))
                .isLessThan(tol);
    }

    @Test
    void svdAndEigenOnAnExplicitBackendAgreeWithTheDefaultOnes() {
        DenseMatrix g = TestMatrices.gaussian(60, 40, RngState.seed(3));
        DenseMatrix sym =
                TestMatrices.symmetricWithEigenvalues(new double[] {5, 3, 2, 1, 0.5, -1, -2, -4}, RngState.seed(5));
        // distinct, well-separated values: vectors agree to O(n u / gap), values to O(n u ||A||)
        double tol = 1e-9;
        assertThat(distance(
                        Decompositions.svd(SCALAR).decompose(g).u(),
                        Decompositions.svd().decompose(g).u()))
                .isLessThan(tol);
        assertThat(distance(
                        Decompositions.symmetricEigen(SCALAR).decompose(sym).eigenvectors(),
                        Decompositions.symmetricEigen().decompose(sym).eigenvectors()))
                .isLessThan(tol);
        assertThat(distance(
                        Decompositions.symmetricEigenQl(SCALAR).decompose(sym).eigenvectors(),
                        Decompositions.symmetricEigenQl().decompose(sym).eigenvectors()))
                .isLessThan(tol);
    }

    @Test
    void svdIsBitwiseIndependentOfTheThreadCount() {
        // large enough for the parallel rotation and Gram paths; the split depends only on sizes
        DenseMatrix a = TestMatrices.gaussian(900, 300, RngState.seed(6));
        SvdResult one = Decompositions.svd(Backends.scalar(1)).decompose(a);
        SvdResult two = Decompositions.svd(Backends.scalar(2)).decompose(a);
        assertThat(two.u().toColumnMajorArray()).isEqualTo(one.u().toColumnMajorArray());
    }

    @Test
    void symmetricEigenIsBitwiseIndependentOfTheThreadCount() {
        DenseMatrix g = TestMatrices.gaussian(400, 400, RngState.seed(7));
        DenseMatrix a = LapackRatios.product(g, LapackRatios.transpose(g));
        EigenResult one = Decompositions.symmetricEigen(Backends.scalar(1)).decompose(a);
        EigenResult two = Decompositions.symmetricEigen(Backends.scalar(2)).decompose(a);
        assertThat(two.eigenvectors().toColumnMajorArray())
                .isEqualTo(one.eigenvectors().toColumnMajorArray());
    }

    private static double distance(DenseMatrix x, DenseMatrix y) {
        double d = 0;
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                d = Math.max(d, Math.abs(x.get(i, j) - y.get(i, j)));
            }
        }
        return d / Math.max(LapackRatios.frobenius(y), Double.MIN_NORMAL);
    }

    @Test
    void nativeFactoriesSucceedWhenNativeLapackLoads() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
        assertThat(new Object[] {
                    Decompositions.nativeQr(),
                    Decompositions.nativeLu(),
                    Decompositions.nativeCholesky(),
                    Decompositions.nativePivotedQr(),
                    Decompositions.nativeTriangularSolver(),
                    Decompositions.nativeLeastSquares(),
                    Decompositions.nativePivotedLeastSquares()
                })
                .doesNotContainNull();
    }

    @Test
    void nativeFactoriesExplainHowToInstallWhenAbsent() {
        assumeFalse(Decompositions.nativeAvailable(), "native LAPACK is installed here");
        for (Supplier<?> factory :
                new Supplier<?>[] {Decompositions::nativeQr, Decompositions::nativeLu, Decompositions::nativeCholesky
                }) {
            assertThatThrownBy(factory::get)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("apt-get install");
        }
    }
}
