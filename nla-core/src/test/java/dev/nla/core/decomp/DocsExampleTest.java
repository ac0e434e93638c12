package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/decompositions.md} ({@code docs/examples/DecompositionsExample.java}),
 * statement for statement, with the printed facts asserted instead of printed.
 */
class DocsExampleTest {
    @Test
    void decompositionsExample() {
        RngState state = RngState.seed(7);
        DenseMatrix a = RandomMatrices.gaussian(2000, 50, state.split(1)).value();
        DenseMatrix b = RandomMatrices.gaussian(2000, 2, state.split(2)).value();
        Qr qr = Decompositions.qr();
        QrResult thin = qr.decompose(a, QrMode.THIN);
        CompactQr compact = qr.factor(a);
        DenseMatrix qtb = qr.multiplyQ(compact, Transpose.TRANSPOSE, b);
        QrResult chol = Decompositions.choleskyQr2().decompose(a);
        DenseMatrix ill = a.copy();
        for (int i = 0; i < ill.rows(); i++) {
            ill.set(i, 49, ill.get(i, 48) + 1e-12 * ill.get(i, 49));
        }
        QrResult shifted = Decompositions.shiftedCholeskyQr3().decompose(ill);
        DenseMatrix lowRank = Blas.multiply(
                RandomMatrices.gaussian(300, 10, state.split(3)).value(),
                RandomMatrices.gaussian(10, 80, state.split(4)).value());
        PivotedQrResult pivoted = Decompositions.pivotedQr().factor(lowRank);
        DenseMatrix square = RandomMatrices.gaussian(100, 100, state.split(5)).value();
        Lu lu = Decompositions.lu();
        LuResult f = lu.factor(square);
        DenseMatrix x = lu.solve(f, b.view(0, 0, 100, 2));
        LeastSquaresResult ls = Decompositions.leastSquares().solve(a, b);
        LeastSquaresResult basic = Decompositions.pivotedLeastSquares().solve(lowRank, b.view(0, 0, 300, 2));

        assertThat(new int[] {thin.q().rows(), thin.q().cols(), qtb.rows(), qtb.cols(), x.rows(), x.cols()})
                .containsExactly(2000, 50, 2000, 2, 100, 2);
        // |R(0,0)| = ||a_1|| for both QRs, to O(m u) relative.
        assertThat(chol.r().get(0, 0))
                .isCloseTo(Math.abs(thin.r().get(0, 0)), within(1e-10 * chol.r().get(0, 0)));
        assertThatThrownBy(() -> Decompositions.choleskyQr2().decompose(ill))
                .isInstanceOf(CholeskyQrBreakdownException.class);
        assertThat(shifted.r().rows()).isEqualTo(50);
        assertThat(new int[] {pivoted.rank(), basic.rank()}).containsExactly(10, 10);
        assertThat(f.determinantSign()).isIn(-1, 1);
        assertThat(lu.reciprocalCondition(f)).isBetween(0.0, 1.0);
        assertThat(ls.residualNorms()[0]).isPositive();
    }

    @Test
    void svdEigenAndPseudoInversePart() {
        RngState state = RngState.seed(7);
        DenseMatrix a = RandomMatrices.gaussian(2000, 50, state.split(1)).value();
        DenseMatrix b = RandomMatrices.gaussian(2000, 2, state.split(2)).value();
        DenseMatrix lowRank = Blas.multiply(
                RandomMatrices.gaussian(300, 10, state.split(3)).value(),
                RandomMatrices.gaussian(10, 80, state.split(4)).value());
        Svd svd = Decompositions.svd();
        SvdResult usv = svd.decompose(a, SvdVectors.THIN);
        double[] sigma = svd.singularValues(a);
        DenseMatrix ata = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, a, a);
        EigenResult eig = Decompositions.symmetricEigen().decompose(ata, EigenOrder.DESCENDING);
        DenseMatrix pinv = PseudoInverse.withDefaults().compute(a, 1e-12);
        NewtonSchulzResult ns = NewtonSchulzPseudoInverse.withDefaults().compute(a);
        MinimumNormSolution minNorm = SvdLeastSquares.withDefaults().solve(lowRank, b.view(0, 0, 300, 1), 1e-12);

        assertThat(usv.rank(1e-12)).isEqualTo(50);
        // lambda_1(A^T A) = sigma_1^2 up to the rounding of forming A^T A, O(m u sigma_1^2)
        assertThat(eig.eigenvalues()[0]).isCloseTo(sigma[0] * sigma[0], within(1e-11 * sigma[0] * sigma[0]));
        assertThat(new int[] {pinv.rows(), pinv.cols()}).containsExactly(50, 2000);
        assertThat(ns.converged()).isTrue();
        // both are A^+ of a well-conditioned A (kappa ~ 1.4) to O(kappa^2 u) relative
        assertThat(PseudoInverseTest.maxAbsDiff(ns.pseudoInverse(), pinv)).isLessThan(1e-10);
        assertThat(minNorm.rank()).isEqualTo(10);
    }
}
