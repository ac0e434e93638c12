package dev.nla.attention.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.TestInputs;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

/**
 * RoPE and the spec's test 8: a per-frequency orthogonal mixing across key-value heads commutes with
 * RoPE to rounding, a generic rotation within a head does not.
 */
class RopeTest {
    private static final int HEADS = 4;
    private static final int DH = 16;

    private static DenseMatrix orthogonal(int n, long seed) {
        return Decompositions.qr()
                .decompose(TestInputs.gaussian(n, n, seed), QrMode.THIN)
                .q();
    }

    @Test
    void perFrequencyMixingAcrossHeadsCommutes() {
        Rope rope = Rope.standard(DH);
        DenseMatrix[] mixes = new DenseMatrix[DH / 2];
        for (int f = 0; f < DH / 2; f++) {
            mixes[f] = orthogonal(HEADS, 100 + f);
        }
        DenseMatrix p = rope.perFrequencyMixing(HEADS, mixes);
        DenseMatrix keys = TestInputs.gaussian(64, HEADS * DH, 1);
        // Both sides are the same sums of products up to the order of two rotations: O(u) relative.
        assertThat(rope.commutationError(keys, p)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void perFrequencyMixingOfOrthogonalBlocksIsOrthogonal() {
        Rope rope = Rope.standard(DH);
        DenseMatrix[] mixes = new DenseMatrix[DH / 2];
        for (int f = 0; f < DH / 2; f++) {
            mixes[f] = orthogonal(HEADS, 200 + f);
        }
        DenseMatrix p = rope.perFrequencyMixing(HEADS, mixes);
        DenseMatrix ptp = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, p, p);
        assertThat(TestInputs.maxAbsDiff(ptp, DenseMatrix.identity(HEADS * DH))).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void randomRotationWithinAHeadDoesNotCommute() {
        Rope rope = Rope.standard(DH);
        DenseMatrix p = DenseMatrix.identity(HEADS * DH);
        p.view(0, 0, DH, DH).copyFrom(orthogonal(DH, 7)); // mixes the frequencies of head 0
        DenseMatrix keys = TestInputs.gaussian(64, HEADS * DH, 2);
        assertThat(rope.commutationError(keys, p)).isGreaterThan(0.1);
    }

    @Test
    void scoresDependOnTheRelativePositionOnly() {
        Rope rope = Rope.standard(DH);
        DenseMatrix q = TestInputs.gaussian(1, DH, 3);
        DenseMatrix k = TestInputs.gaussian(1, DH, 4);
        // <RoPE_t(q), RoPE_s(k)> with (t, s) = (5, 2) and (103, 100).
        double a = dot(rope.apply(q, 5), rope.apply(k, 2));
        double b = dot(rope.apply(q, 103), rope.apply(k, 100));
        assertThat(Math.abs(a - b)).isLessThanOrEqualTo(1e-12 * (Math.abs(a) + 1));
    }

    @Test
    void positionZeroIsTheIdentity() {
        DenseMatrix x = TestInputs.gaussian(1, 2 * DH, 5);
        assertThat(TestInputs.maxAbsDiff(Rope.standard(DH).apply(x, 0), x)).isZero();
    }

    @Test
    void rotationPreservesNorms() {
        DenseMatrix x = TestInputs.gaussian(30, 2 * DH, 6);
        DenseMatrix y = Rope.standard(DH).apply(x, 11);
        for (int r = 0; r < 30; r++) {
            assertThat(Math.sqrt(dot(y.row(r), y.row(r))))
                    .isCloseTo(Math.sqrt(dot(x.row(r), x.row(r))), org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void oddHeadDimensionIsRejected() {
        assertThatThrownBy(() -> Rope.standard(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7");
    }

    @Test
    void columnsMustBeWholeHeads() {
        assertThatThrownBy(() -> Rope.standard(DH).apply(TestInputs.gaussian(2, DH + 2, 1), 0))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining(String.valueOf(DH + 2));
    }

    @Test
    void mixingNeedsOneMatrixPerFrequency() {
        assertThatThrownBy(() -> Rope.standard(DH).perFrequencyMixing(HEADS, new DenseMatrix[3]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("got 3");
    }

    private static double dot(DenseMatrix a, DenseMatrix b) {
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            s += a.get(0, j) * b.get(0, j);
        }
        return s;
    }
}
