package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/svd-eigen.md} ({@code docs/examples/SvdEigenExample.java}), statement
 * for statement, with the printed facts asserted instead of printed.
 */
class SvdEigenDocsExampleTest {
    @Test
    void svdEigenExample() {
        DenseMatrix a = RandomMatrices.gaussian(200, 50, RngState.seed(42)).value();
        Svd svd = Decompositions.svd();
        SvdResult r = svd.decompose(a, SvdVectors.THIN);
        double[] sigma = svd.singularValues(a);
        DenseMatrix ata = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, a, a);
        EigenResult e = Decompositions.symmetricEigen().decompose(ata, EigenOrder.DESCENDING);
        DenseMatrix pinv = PseudoInverse.withDefaults().compute(a, 1e-12);
        NewtonSchulzResult ns = NewtonSchulzPseudoInverse.withDefaults().compute(a);
        DenseMatrix b = RandomMatrices.gaussian(200, 1, RngState.seed(7)).value();
        MinimumNormSolution x = SvdLeastSquares.withDefaults().solve(a, b, 1e-12);

        assertThat(r.rank(1e-12)).isEqualTo(50);
        // lambda_1(A^T A) = sigma_1^2 up to the rounding of forming A^T A, O(m u sigma_1^2)
        assertThat(e.eigenvalues()[0]).isCloseTo(sigma[0] * sigma[0], within(1e-11 * sigma[0] * sigma[0]));
        assertThat(new int[] {pinv.rows(), pinv.cols()}).containsExactly(50, 200);
        assertThat(ns.converged()).isTrue();
        assertThat(PseudoInverseTest.maxAbsDiff(ns.pseudoInverse(), pinv)).isLessThan(1e-10);
        assertThat(x.rank()).isEqualTo(50);
        assertThat(PseudoInverseTest.maxAbsDiff(x.x(), Blas.multiply(pinv, b))).isLessThan(1e-12);
    }
}
