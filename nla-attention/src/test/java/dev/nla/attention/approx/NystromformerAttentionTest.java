package dev.nla.attention.approx;

import static dev.nla.attention.approx.KernelLowRankTesting.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.Scaling;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class NystromformerAttentionTest {
    private static final RngState SEED = RngState.seed(8_005);

    /**
     * The reference-implementation formulas (spec, "Reference-implementation formulas"), in plain
     * loops: Q, K scaled by d^-1/4, segment means over n/m equal segments, row softmaxes, Z0 = A^T /
     * max_j sum_i A_ij, six steps of the iteration, O = (F Z)(B V).
     */
    static DenseMatrix reference(DenseMatrix q, DenseMatrix k, DenseMatrix v, int landmarks) {
        int n = q.rows();
        int d = q.cols();
        double c = Math.pow(d, -0.25);
        double[][] qs = scaled(q, c);
        double[][] ks = scaled(k, c);
        double[][] qt = means(qs, landmarks);
        double[][] kt = means(ks, landmarks);
        double[][] f = softmax(product(qs, kt));
        double[][] a = softmax(product(qt, kt));
        double[][] b = softmax(product(qt, ks));
        double maxColSum = 0;
        for (int j = 0; j < landmarks; j++) {
            double s = 0;
            for (int i = 0; i < landmarks; i++) {
                s += a[i][j];
            }
            maxColSum = Math.max(maxColSum, s);
        }
        double[][] z = new double[landmarks][landmarks];
        for (int i = 0; i < landmarks; i++) {
            for (int j = 0; j < landmarks; j++) {
                z[i][j] = a[j][i] / maxColSum;
            }
        }
        for (int it = 0; it < 6; it++) {
            double[][] az = mul(a, z);
            double[][] t = minus(7, az);
            t = minus(15, mul(az, t));
            t = minus(13, mul(az, t));
            z = mul(z, t);
            for (double[] row : z) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 0.25;
                }
            }
        }
        double[][] vv = v.toArray();
        double[][] o = mul(mul(f, z), mul(b, vv));
        assertThat(o.length).isEqualTo(n);
        return DenseMatrix.of(o);
    }

    private static double[][] scaled(DenseMatrix x, double c) {
        double[][] out = x.toArray();
        for (double[] row : out) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= c;
            }
        }
        return out;
    }

    private static double[][] means(double[][] x, int segments) {
        int len = x.length / segments;
        double[][] out = new double[segments][x[0].length];
        for (int s = 0; s < segments; s++) {
            for (int i = s * len; i < (s + 1) * len; i++) {
                for (int j = 0; j < x[0].length; j++) {
                    out[s][j] += x[i][j];
                }
            }
            for (int j = 0; j < x[0].length; j++) {
                out[s][j] /= len;
            }
        }
        return out;
    }

    private static double[][] product(double[][] x, double[][] y) {
        double[][] out = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                out[i][j] = KernelLowRankTesting.dot(x, i, y, j);
            }
        }
        return out;
    }

    private static double[][] softmax(double[][] s) {
        for (double[] row : s) {
            double max = Double.NEGATIVE_INFINITY;
            for (double x : row) {
                max = Math.max(max, x);
            }
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(row[j] - max);
                sum += row[j];
            }
            for (int j = 0; j < row.length; j++) {
                row[j] /= sum;
            }
        }
        return s;
    }

    private static double[][] mul(double[][] x, double[][] y) {
        double[][] out = new double[x.length][y[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int l = 0; l < y.length; l++) {
                for (int j = 0; j < y[0].length; j++) {
                    out[i][j] += x[i][l] * y[l][j];
                }
            }
        }
        return out;
    }

    private static double[][] minus(double c, double[][] x) {
        double[][] out = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                out[i][j] = (i == j ? c : 0) - x[i][j];
            }
        }
        return out;
    }

    // Reference-implementation agreement, <= 1e-12 relative (the iteration is applied to the same
    // matrices; GEMM blocking and the association F(Z(BV)) change only rounding).
    @Test
    void agreesWithTheReferenceFormulas() {
        AttentionInput in = AttentionInputs.lowRankQK(256, 16, 8, 1.0, SEED.split(0));
        DenseMatrix fast = new NystromformerAttention(NystromformerOptions.of(16)).compute(in.q(), in.k(), in.v());
        assertThat(KernelLowRankTesting.relativeError(fast, reference(in.q(), in.k(), in.v(), 16)))
                .isLessThanOrEqualTo(1e-12);
    }

    // Spec test 5: r = n = 64 landmarks with the exact pseudo-inverse reproduce A (F A+ B = A A+ A = A):
    // applied to V = I the method returns its implied attention matrix.
    @Test
    void allLandmarksWithExactInverseReproduceTheAttentionMatrix() {
        int n = 64;
        AttentionInput in = AttentionInputs.lowRankQK(n, 16, 8, 1.0, SEED.split(1));
        DenseMatrix implied = new NystromformerAttention(
                        NystromformerOptions.of(n).withInverse(NystromformerOptions.Inverse.SVD))
                .compute(in.q(), in.k(), DenseMatrix.identity(n));
        DenseMatrix a =
                DenseAttention.attentionMatrix(in.q(), in.k(), AttentionMask.NONE, Scaling.inverseSqrtDimension());
        assertThat(KernelLowRankTesting.relativeError(implied, a)).isLessThanOrEqualTo(1e-8);
    }

    // Spec test 22: per-matrix norms in Z0. Eight heads of very different logit scales, in one call,
    // give bit-for-bit the results of each head alone.
    @Test
    void headsInOneCallEqualEachHeadAlone() {
        int heads = 8;
        int n = 128;
        int d = 8;
        DenseMatrix q = DenseMatrix.zeros(n, heads * d);
        DenseMatrix k = DenseMatrix.zeros(n, heads * d);
        DenseMatrix v = DenseMatrix.zeros(n, heads * d);
        for (int h = 0; h < heads; h++) {
            AttentionInput in = AttentionInputs.lowRankQK(n, d, 4, 0.25 * (h + 1) * (h + 1), SEED.split(10 + h));
            q.columns(h * d, d).copyFrom(in.q());
            k.columns(h * d, d).copyFrom(in.k());
            v.columns(h * d, d).copyFrom(in.v());
        }
        NystromformerAttention method = new NystromformerAttention(NystromformerOptions.of(16));
        DenseMatrix together = method.computeHeads(q, k, v, heads);
        for (int h = 0; h < heads; h++) {
            DenseMatrix alone = method.compute(q.columns(h * d, d), k.columns(h * d, d), v.columns(h * d, d));
            assertThat(together.columns(h * d, d).toColumnMajorArray())
                    .as("head %d", h)
                    .isEqualTo(alone.toColumnMajorArray());
        }
    }

    @Test
    void keyPaddingEqualsDroppingTheMaskedKeys() {
        int n = 120;
        AttentionInput in = AttentionInputs.lowRankQK(n, 8, 4, 1.0, SEED.split(2));
        AttentionMask mask = KernelLowRankTesting.everyThirdPadded(n);
        NystromformerAttention method = new NystromformerAttention(NystromformerOptions.of(10));
        DenseMatrix padded = method.compute(in.q(), in.k(), in.v(), mask);
        DenseMatrix k = LowRankSupport.keptRows(in.k(), mask);
        DenseMatrix v = LowRankSupport.keptRows(in.v(), mask);
        assertThat(padded.toColumnMajorArray())
                .isEqualTo(method.compute(in.q(), k, v).toColumnMajorArray());
    }

    @Test
    void refusesCausalMasks() {
        AttentionInput in = AttentionInputs.lowRankQK(32, 8, 4, 1.0, SEED.split(3));
        assertThatThrownBy(() -> new NystromformerAttention(NystromformerOptions.of(4))
                        .compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining("nystromformer");
    }

    @Test
    void eachInverseGivesADifferentApproximation() {
        AttentionInput in = AttentionInputs.lowRankQK(256, 16, 8, 2.0, SEED.split(4));
        NystromformerOptions base = NystromformerOptions.of(32);
        DenseMatrix ns = new NystromformerAttention(base).compute(in.q(), in.k(), in.v());
        DenseMatrix ns1 = new NystromformerAttention(base.withIterations(1)).compute(in.q(), in.k(), in.v());
        DenseMatrix rc = new NystromformerAttention(base.withInverse(NystromformerOptions.Inverse.RCOND))
                .compute(in.q(), in.k(), in.v());
        DenseMatrix rc2 = new NystromformerAttention(
                        base.withInverse(NystromformerOptions.Inverse.RCOND).withRcond(1e-1))
                .compute(in.q(), in.k(), in.v());
        DenseMatrix svd = new NystromformerAttention(base.withInverse(NystromformerOptions.Inverse.SVD))
                .compute(in.q(), in.k(), in.v());
        assertThat(KernelLowRankTesting.relativeError(ns1, ns)).isGreaterThan(1e-6);
        assertThat(KernelLowRankTesting.relativeError(rc, ns)).isGreaterThan(1e-6);
        assertThat(KernelLowRankTesting.relativeError(rc2, rc)).isGreaterThan(1e-6);
        assertThat(KernelLowRankTesting.relativeError(svd, rc)).isGreaterThan(1e-9);
    }

    @Test
    void iterativeInverseConvergesToThePseudoInverse() {
        // For a well-conditioned core the iteration converges (third order): after 12 steps it equals
        // the SVD pseudo-inverse to rounding.
        AttentionInput in = AttentionInputs.lowRankQK(64, 16, 16, 0.3, SEED.split(5));
        DenseMatrix a = DenseAttention.attentionMatrix(
                LowRankSupport.segmentMeans(in.q(), 8),
                LowRankSupport.segmentMeans(in.k(), 8),
                AttentionMask.NONE,
                Scaling.inverseSqrtDimension());
        DenseMatrix svd = new NystromformerAttention(
                        NystromformerOptions.of(8).withInverse(NystromformerOptions.Inverse.SVD))
                .pseudoInverse(a);
        DenseMatrix iter = new NystromformerAttention(NystromformerOptions.of(8).withIterations(40)).pseudoInverse(a);
        assertThat(KernelLowRankTesting.relativeError(iter, svd)).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void rejectsMoreLandmarksThanTokens() {
        DenseMatrix q = gaussian(10, 4, 1.0, 0.0, SEED.split(6));
        assertThatThrownBy(() -> new NystromformerAttention(NystromformerOptions.of(11)).compute(q, q, q))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 11")
                .hasMessageContaining("min(n, m) = 10");
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> NystromformerOptions.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("landmarks");
        assertThatThrownBy(() -> NystromformerOptions.of(4).withRcond(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> NystromformerOptions.of(4).withIterations(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
    }

    @Test
    void rejectsHeadsThatDoNotDivide() {
        DenseMatrix q = gaussian(16, 6, 1.0, 0.0, SEED.split(7));
        assertThatThrownBy(() -> new NystromformerAttention(NystromformerOptions.of(4)).computeHeads(q, q, q, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 heads");
    }

    @Test
    void isRegisteredAsNonCausal() {
        assertThat(AttentionMethods.find("nystromformer"))
                .hasValueSatisfying(m -> assertThat(m.supportsCausal()).isFalse());
    }
}
