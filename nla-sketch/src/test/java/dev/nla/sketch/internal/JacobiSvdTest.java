package dev.nla.sketch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;

class JacobiSvdTest {
    private static DenseMatrix graded(int n, long seed) {
        return TestMatrices.withSingularValues(n, n, TestMatrices.exponentialDecay(n, 1e10), RngState.seed(seed));
    }

    /** \(\|I - Q^{\mathsf T}Q\|_{\max}\). */
    private static double orthogonalityLoss(DenseMatrix q) {
        DenseMatrix g = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, q);
        double worst = 0;
        for (int j = 0; j < g.cols(); j++) {
            for (int i = 0; i < g.rows(); i++) {
                worst = Math.max(worst, Math.abs(g.get(i, j) - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    private static DenseMatrix reconstruct(DenseMatrix u, double[] sigma, DenseMatrix vt) {
        DenseMatrix us = u.copy();
        for (int j = 0; j < sigma.length; j++) {
            for (int i = 0; i < us.rows(); i++) {
                us.set(i, j, us.get(i, j) * sigma[j]);
            }
        }
        return Blas.multiply(us, vt);
    }

    private static double difference(DenseMatrix a, DenseMatrix b) {
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                double d = a.get(i, j) - b.get(i, j);
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    /** Backward stability: \(\|R - U\Sigma V^{\mathsf T}\|_F \le 10\,n\,u\,\|R\|_F\) (LAPACK's ratio). */
    @Test
    void reconstructsTheMatrixToTheBackwardStableResidual() {
        DenseMatrix r = graded(60, 1);
        JacobiSvd.Result svd = JacobiSvd.decompose(r);
        assertThat(difference(r, reconstruct(svd.u(), svd.sigma(), svd.vt())))
                .isLessThanOrEqualTo(Tolerances.factorizationResidual(r));
    }

    /** Rotations keep \(V\) orthogonal to \(O(n u)\); \(U\) is normalised from orthogonal columns. */
    @Test
    void factorsAreOrthonormal() {
        JacobiSvd.Result svd = JacobiSvd.decompose(graded(60, 2));
        assertThat(Math.max(
                        orthogonalityLoss(svd.u()), orthogonalityLoss(svd.vt().transpose())))
                .isLessThanOrEqualTo(10 * 60 * Tolerances.U);
    }

    /** Weyl: both SVDs are backward stable, so the values agree to \(O(n u)\sigma_1\). */
    @Test
    void singularValuesMatchTheGeneralSvdAndDecrease() {
        DenseMatrix r = graded(50, 3);
        double[] jacobi = JacobiSvd.decompose(r).sigma();
        double[] general = Decompositions.svd().decompose(r, SvdVectors.THIN).singularValues();
        for (int i = 0; i < jacobi.length; i++) {
            assertThat(jacobi[i])
                    .isCloseTo(general[i], org.assertj.core.data.Offset.offset(20 * 50 * Tolerances.U * general[0]));
        }
        for (int i = 1; i < jacobi.length; i++) {
            assertThat(jacobi[i]).isLessThanOrEqualTo(jacobi[i - 1]);
        }
    }

    /** A zero singular value leaves a left vector undetermined: the caller falls back. */
    @Test
    void returnsNullForASingularMatrix() {
        DenseMatrix r = graded(20, 4);
        for (int i = 0; i < 20; i++) {
            r.set(i, 7, 0.0);
        }
        assertThat(JacobiSvd.decompose(r)).isNull();
    }

    /** The wide SVD through QR plus Jacobi agrees with the general SVD of the wide matrix. */
    @Test
    void wideSvdReconstructsAWideMatrix() {
        DenseMatrix b =
                TestMatrices.withSingularValues(40, 700, TestMatrices.polynomialDecay(40, 1e6, 2), RngState.seed(5));
        SvdResult svd = Dense.wideSvd(b, Decompositions.svd());
        assertThat(difference(b, reconstruct(svd.u(), svd.singularValues(), svd.vt())))
                .isLessThanOrEqualTo(Tolerances.factorizationResidual(b));
    }

    @Test
    void wideSvdHasOrthonormalFactors() {
        DenseMatrix b =
                TestMatrices.withSingularValues(40, 700, TestMatrices.polynomialDecay(40, 1e6, 2), RngState.seed(6));
        SvdResult svd = Dense.wideSvd(b, Decompositions.svd());
        assertThat(Math.max(
                        orthogonalityLoss(svd.u()), orthogonalityLoss(svd.vt().transpose())))
                .isLessThanOrEqualTo(10 * 700 * Tolerances.U);
    }

    /** Rank-deficient wide input: Jacobi declines and the general SVD takes over. */
    @Test
    void wideSvdFallsBackForARankDeficientMatrix() {
        DenseMatrix b = TestMatrices.gaussian(30, 200, RngState.seed(7));
        for (int j = 0; j < 200; j++) {
            b.set(29, j, b.get(0, j));
        }
        SvdResult svd = Dense.wideSvd(b, Decompositions.svd());
        assertThat(difference(b, reconstruct(svd.u(), svd.singularValues(), svd.vt())))
                .isLessThanOrEqualTo(Tolerances.factorizationResidual(b));
    }
}
