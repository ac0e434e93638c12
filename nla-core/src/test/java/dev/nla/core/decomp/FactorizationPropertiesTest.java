package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the factorizations over random shapes and seeds (the families of {@link
 * LapackRatios} cover the structured cases; these cover arbitrary small shapes).
 */
class FactorizationPropertiesTest {
    @Property(tries = 60)
    void householderQrIsBackwardStable(
            @ForAll @IntRange(min = 0, max = 40) int rows,
            @ForAll @IntRange(min = 0, max = 40) int cols,
            @ForAll long seed) {
        DenseMatrix a = TestMatrices.gaussian(rows, cols, RngState.seed(seed));
        QrResult qr = Decompositions.qr().decompose(a, QrMode.THIN);
        assertThat(Math.max(LapackRatios.residualRatio(a, qr.q(), qr.r()), LapackRatios.orthogonalityRatio(qr.q())))
                .isLessThan(THRESHOLD);
    }

    @Property(tries = 60)
    void applyingQThenQTransposeIsTheIdentity(
            @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols,
            @ForAll @IntRange(min = 1, max = 12) int rhs,
            @ForAll long seed) {
        Qr qr = Decompositions.qr();
        CompactQr f = qr.factor(TestMatrices.gaussian(rows, cols, RngState.seed(seed)));
        DenseMatrix c = TestMatrices.gaussian(rows, rhs, RngState.seed(seed + 1));
        DenseMatrix back = qr.multiplyQ(f, Transpose.NO_TRANSPOSE, qr.multiplyQ(f, Transpose.TRANSPOSE, c));
        // Two orthogonal products: error O(m u ||C||).
        assertThat(LapackRatios.residualRatio(c, back)).isLessThan(THRESHOLD);
    }

    @Property(tries = 60)
    void pivotedQrPermutationIsAPermutation(
            @ForAll @IntRange(min = 1, max = 40) int rows,
            @ForAll @IntRange(min = 1, max = 40) int cols,
            @ForAll long seed) {
        PivotedQrResult f = Decompositions.pivotedQr().factor(TestMatrices.gaussian(rows, cols, RngState.seed(seed)));
        int[] sorted = f.permutation().clone();
        java.util.Arrays.sort(sorted);
        assertThat(sorted)
                .containsExactly(java.util.stream.IntStream.range(0, cols).toArray());
    }

    @Property(tries = 60)
    void luIsBackwardStable(
            @ForAll @IntRange(min = 0, max = 40) int rows,
            @ForAll @IntRange(min = 0, max = 40) int cols,
            @ForAll long seed) {
        DenseMatrix a = TestMatrices.gaussian(rows, cols, RngState.seed(seed));
        LuResult lu = Decompositions.lu().factor(a);
        DenseMatrix pa = LapackRatios.permuteRows(a, lu.rowPermutation());
        assertThat(LapackRatios.residualRatio(pa, lu.l(), lu.u())).isLessThan(THRESHOLD);
    }

    @Property(tries = 60)
    void choleskyOfAGramMatrixPlusIdentityIsBackwardStable(
            @ForAll @IntRange(min = 0, max = 40) int n, @ForAll long seed) {
        DenseMatrix g = TestMatrices.gaussian(n + 3, n, RngState.seed(seed));
        DenseMatrix a = LapackRatios.product(LapackRatios.transpose(g), g);
        for (int i = 0; i < n; i++) {
            a.add(i, i, 1.0);
        }
        DenseMatrix l = Decompositions.cholesky().factor(a).l();
        assertThat(LapackRatios.residualRatio(a, l, LapackRatios.transpose(l))).isLessThan(THRESHOLD);
    }
}
