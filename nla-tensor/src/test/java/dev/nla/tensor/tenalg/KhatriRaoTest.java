package dev.nla.tensor.tenalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import dev.nla.tensor.tensor.DenseTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link KhatriRao} against the definition and its identities. */
class KhatriRaoTest {
    private static List<DenseMatrix> factors(int[] rows, int cols, long seed) {
        List<DenseMatrix> f = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            f.add(TestMatrices.gaussian(rows[i], cols, RngState.seed(seed).split(i)));
        }
        return f;
    }

    @Property(tries = 50)
    void explicitProductMatchesTheDefinition(
            @ForAll @IntRange(min = 1, max = 4) int q,
            @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll @IntRange(min = 0, max = 30) int seed) {
        int[] rows = new int[q];
        for (int i = 0; i < q; i++) {
            rows[i] = 1 + (seed + 2 * i) % 4;
        }
        List<DenseMatrix> f = factors(rows, cols, seed);
        DenseMatrix fast = KhatriRao.product(f);
        DenseMatrix ref = ReferenceTensorAlgebra.khatriRao(f);
        // products of q factors associated differently: relative error within gamma_q each, 2 gamma_q apart
        double g = 2 * Tolerances.gamma(q);
        for (int j = 0; j < ref.cols(); j++) {
            for (int i = 0; i < ref.rows(); i++) {
                assertThat(Math.abs(fast.get(i, j) - ref.get(i, j))).isLessThanOrEqualTo(g * Math.abs(ref.get(i, j)));
            }
        }
    }

    @Test
    void mixedProductIdentityHolds() {
        // (A1 (x) A2)(B1 (.) B2) = (A1 B1) (.) (A2 B2)
        DenseMatrix a1 = TestMatrices.gaussian(3, 4, RngState.seed(1));
        DenseMatrix a2 = TestMatrices.gaussian(2, 5, RngState.seed(2));
        DenseMatrix b1 = TestMatrices.gaussian(4, 6, RngState.seed(3));
        DenseMatrix b2 = TestMatrices.gaussian(5, 6, RngState.seed(4));
        DenseMatrix left = Blas.multiply(Kronecker.product(a1, a2), KhatriRao.product(b1, b2));
        DenseMatrix right = KhatriRao.product(Blas.multiply(a1, b1), Blas.multiply(a2, b2));
        // sums of 20 products of 4 factors on both sides: gamma_24 of the absolute value, generously 1e-13
        assertThat(UnfoldingTest.maxAbsDiff(left, right)).isLessThanOrEqualTo(1e-13 * UnfoldingTest.maxAbs(right) * 20);
    }

    @Test
    void gramIdentityHolds() {
        // (A (.) B)^T (A (.) B) = (A^T A) * (B^T B)
        DenseMatrix a = TestMatrices.gaussian(5, 3, RngState.seed(5));
        DenseMatrix b = TestMatrices.gaussian(4, 3, RngState.seed(6));
        DenseMatrix k = KhatriRao.product(a, b);
        DenseMatrix lhs = Blas.multiply(k.transpose(), k);
        DenseMatrix ga = Blas.multiply(a.transpose(), a);
        DenseMatrix gb = Blas.multiply(b.transpose(), b);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(lhs.get(i, j))
                        .isCloseTo(ga.get(i, j) * gb.get(i, j), org.assertj.core.data.Offset.offset(1e-12 * 20));
            }
        }
    }

    @Test
    void forUnfoldingMatchesTheUnfoldingOfARankOneSum() {
        // X = sum_c w1_c o w2_c o w3_c has X_(k) = W_k (.)_{l != k} W_l^T, with the unfolding order.
        int[] n = {3, 4, 2};
        int l = 5;
        List<DenseMatrix> w = factors(n, l, 7);
        DenseTensor x = DenseTensor.zeros(n);
        MultiIndex.forEach(n, idx -> {
            double s = 0;
            for (int c = 0; c < l; c++) {
                s += w.get(0).get(idx[0], c)
                        * w.get(1).get(idx[1], c)
                        * w.get(2).get(idx[2], c);
            }
            x.set(s, idx);
        });
        for (int k = 0; k < 3; k++) {
            DenseMatrix kr = KhatriRao.forUnfolding(w, k);
            DenseMatrix expected = Blas.multiply(w.get(k), kr.transpose());
            assertThat(UnfoldingTest.maxAbsDiff(Unfolding.unfold(x, k), expected))
                    .isLessThanOrEqualTo(1e-13 * (1 + UnfoldingTest.maxAbs(expected)));
        }
    }

    @Test
    void forUnfoldingOfOneModeIsARowOfOnes() {
        DenseMatrix ones = KhatriRao.forUnfolding(List.of(DenseMatrix.zeros(4, 3)), 0);
        assertThat(ones.toArray()).isEqualTo(new double[][] {{1, 1, 1}});
    }

    @Test
    void operatorAppliesTheProductAndItsTranspose() {
        List<DenseMatrix> f = factors(new int[] {3, 2, 4, 2}, 5, 8);
        DenseMatrix k = KhatriRao.product(f);
        LinearOperator op = KhatriRao.operator(f.toArray(new DenseMatrix[0]));
        DenseMatrix x = TestMatrices.gaussian(5, 3, RngState.seed(9));
        DenseMatrix y = TestMatrices.gaussian(48, 2, RngState.seed(10));
        assertThat(UnfoldingTest.maxAbsDiff(op.apply(x), Blas.multiply(k, x)))
                .isLessThanOrEqualTo(1e-13 * UnfoldingTest.maxAbsProduct(k, x));
        assertThat(UnfoldingTest.maxAbsDiff(op.applyTranspose(y), Blas.multiply(k.transpose(), y)))
                .isLessThanOrEqualTo(1e-13 * UnfoldingTest.maxAbsProduct(k.transpose(), y));
    }

    @Test
    void columnCountsMustAgree() {
        assertThatThrownBy(() -> KhatriRao.product(DenseMatrix.zeros(3, 2), DenseMatrix.zeros(4, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[3x2, 4x3]");
    }

    @Test
    void noFactorsIsRejected() {
        assertThatThrownBy(() -> KhatriRao.product(new DenseMatrix[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oversizedProductIsRefused() {
        DenseMatrix big = DenseMatrix.zeros(50_000, 1);
        assertThatThrownBy(() -> KhatriRao.product(Arrays.asList(big, big)))
                .isInstanceOf(dev.nla.core.error.SizeLimitExceededException.class);
    }
}
