package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.SketchingOperator;
import org.junit.jupiter.api.Test;

class SkyformerAttentionTest {
    private static final RngState SEED = RngState.seed(8_008);

    private static double kernel(DenseMatrix x, int i, DenseMatrix y, int j, double s) {
        double d2 = 0;
        for (int c = 0; c < x.cols(); c++) {
            double diff = x.get(i, c) - y.get(j, c);
            d2 += diff * diff;
        }
        return Math.exp(-s * d2 / 2);
    }

    /** The picked row of each row of a sampling operator. */
    private static int[] picks(SketchingOperator s) {
        DenseMatrix dense = s.toDense();
        int[] out = new int[dense.rows()];
        for (int i = 0; i < dense.rows(); i++) {
            for (int j = 0; j < dense.cols(); j++) {
                if (dense.get(i, j) != 0) {
                    out[i] = j;
                }
            }
        }
        return out;
    }

    /** Solves W x = t by Gaussian elimination with partial pivoting, plain loops. */
    private static double[][] solve(double[][] w, double[][] t) {
        int r = w.length;
        double[][] a = new double[r][];
        double[][] b = new double[r][];
        for (int i = 0; i < r; i++) {
            a[i] = w[i].clone();
            b[i] = t[i].clone();
        }
        for (int p = 0; p < r; p++) {
            int best = p;
            for (int i = p + 1; i < r; i++) {
                if (Math.abs(a[i][p]) > Math.abs(a[best][p])) {
                    best = i;
                }
            }
            double[] tmp = a[p];
            a[p] = a[best];
            a[best] = tmp;
            tmp = b[p];
            b[p] = b[best];
            b[best] = tmp;
            for (int i = p + 1; i < r; i++) {
                double f = a[i][p] / a[p][p];
                for (int j = p; j < r; j++) {
                    a[i][j] -= f * a[p][j];
                }
                for (int j = 0; j < b[i].length; j++) {
                    b[i][j] -= f * b[p][j];
                }
            }
        }
        for (int p = r - 1; p >= 0; p--) {
            for (int j = 0; j < b[p].length; j++) {
                double acc = b[p][j];
                for (int l = p + 1; l < r; l++) {
                    acc -= a[p][l] * b[l][j];
                }
                b[p][j] = acc / a[p][p];
            }
        }
        return b;
    }

    /** C_Q (kappa(X_S, X_S) + 0.1 I)^-1 C_K^T V with the method's landmarks, in plain loops. */
    private static DenseMatrix twin(SkyformerAttention method, AttentionInput in, double s) {
        int n = in.q().rows();
        SketchingOperator[] samplers = method.samplers(n, in.k().rows());
        int[] pq = picks(samplers[0]);
        int[] pk = picks(samplers[1]);
        int r = pq.length + pk.length;
        DenseMatrix xs = DenseMatrix.zeros(r, in.q().cols());
        for (int i = 0; i < pq.length; i++) {
            xs.row(i).copyFrom(in.q().row(pq[i]));
        }
        for (int i = 0; i < pk.length; i++) {
            xs.row(pq.length + i).copyFrom(in.k().row(pk[i]));
        }
        double[][] w = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                w[i][j] = kernel(xs, i, xs, j, s) + (i == j ? 0.1 : 0);
            }
        }
        int dv = in.v().cols();
        double[][] t = new double[r][dv];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < in.k().rows(); j++) {
                double kij = kernel(in.k(), j, xs, i, s);
                for (int c = 0; c < dv; c++) {
                    t[i][c] += kij * in.v().get(j, c);
                }
            }
        }
        double[][] x = solve(w, t);
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < r; l++) {
                double cil = kernel(in.q(), i, xs, l, s);
                for (int c = 0; c < dv; c++) {
                    out.add(i, c, cil * x[l][c]);
                }
            }
        }
        return out;
    }

    @Test
    void choleskyPathAgreesWithTheNaiveFormula() {
        AttentionInput in = AttentionInputs.lowRankQK(150, 16, 8, 1.0, SEED.split(0));
        SkyformerAttention method = new SkyformerAttention(
                SkyformerOptions.of(20).withInverse(SkyformerOptions.Inverse.CHOLESKY), SEED.split(1));
        // W + 0.1 I has condition <= (r + 0.1) / 0.1 ~ 200: rounding stays near 1e-13
        assertThat(KernelLowRankTesting.relativeError(method.compute(in.q(), in.k(), in.v()), twin(method, in, 0.25)))
                .isLessThanOrEqualTo(1e-11);
    }

    @Test
    void iterativeInverseApproachesTheExactOne() {
        // Six third-order steps on the symmetrically normalised core: close to, not equal to, the
        // exact inverse (the truncation is the reference's regulariser).
        AttentionInput in = AttentionInputs.lowRankQK(150, 16, 8, 1.0, SEED.split(2));
        DenseMatrix iterative =
                new SkyformerAttention(SkyformerOptions.of(20), SEED.split(3)).compute(in.q(), in.k(), in.v());
        DenseMatrix exact = new SkyformerAttention(
                        SkyformerOptions.of(20).withInverse(SkyformerOptions.Inverse.CHOLESKY), SEED.split(3))
                .compute(in.q(), in.k(), in.v());
        double diff = KernelLowRankTesting.relativeError(iterative, exact);
        assertThat(diff).isGreaterThan(1e-10).isLessThan(0.5);
    }

    @Test
    void rowNormalizationMakesTheImpliedMatrixRowStochastic() {
        AttentionInput in = AttentionInputs.lowRankQK(120, 8, 4, 1.0, SEED.split(4));
        DenseMatrix ones = DenseMatrix.zeros(120, 1);
        ones.fill(1.0);
        DenseMatrix out = new SkyformerAttention(
                        SkyformerOptions.of(16).withNormalization(SkyformerOptions.Normalization.ROW), SEED.split(5))
                .compute(in.q(), in.k(), ones);
        for (int i = 0; i < 120; i++) {
            assertThat(out.get(i, 0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void ridgeMatters() {
        AttentionInput in = AttentionInputs.lowRankQK(120, 8, 4, 1.0, SEED.split(6));
        SkyformerOptions chol = SkyformerOptions.of(16).withInverse(SkyformerOptions.Inverse.CHOLESKY);
        DenseMatrix a = new SkyformerAttention(chol, SEED.split(7)).compute(in.q(), in.k(), in.v());
        DenseMatrix b = new SkyformerAttention(chol.withRidge(1.0), SEED.split(7)).compute(in.q(), in.k(), in.v());
        assertThat(KernelLowRankTesting.relativeError(a, b)).isGreaterThan(1e-3);
    }

    @Test
    void moreLandmarksApproximateTheKernelBetter() {
        // Target: the exact Gaussian-kernel output kappa(Q, K) V that Skyformer approximates.
        AttentionInput in = AttentionInputs.lowRankQK(256, 16, 8, 1.0, SEED.split(8));
        DenseMatrix exact = DenseMatrix.zeros(256, in.v().cols());
        for (int i = 0; i < 256; i++) {
            for (int j = 0; j < 256; j++) {
                double kij = kernel(in.q(), i, in.k(), j, 0.25);
                for (int c = 0; c < in.v().cols(); c++) {
                    exact.add(i, c, kij * in.v().get(j, c));
                }
            }
        }
        SkyformerOptions chol = SkyformerOptions.of(8)
                .withInverse(SkyformerOptions.Inverse.CHOLESKY)
                .withRidge(1e-3);
        double few = KernelLowRankTesting.relativeError(
                new SkyformerAttention(chol, SEED.split(9)).compute(in.q(), in.k(), in.v()), exact);
        double many = KernelLowRankTesting.relativeError(
                new SkyformerAttention(
                                new SkyformerOptions(
                                        128,
                                        1e-3,
                                        SkyformerOptions.Inverse.CHOLESKY,
                                        SkyformerOptions.Normalization.NONE,
                                        chol.scaling()),
                                SEED.split(9))
                        .compute(in.q(), in.k(), in.v()),
                exact);
        assertThat(many).isLessThan(few);
    }

    @Test
    void refusesCausalMasks() {
        AttentionInput in = AttentionInputs.lowRankQK(40, 8, 4, 1.0, SEED.split(10));
        assertThatThrownBy(() -> new SkyformerAttention(SkyformerOptions.of(8), SEED)
                        .compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining("skyformer");
    }

    @Test
    void rejectsBadLandmarks() {
        AttentionInput in = AttentionInputs.lowRankQK(10, 8, 4, 1.0, SEED.split(11));
        assertThatThrownBy(() -> new SkyformerAttention(SkyformerOptions.of(30), SEED).compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 30");
        assertThatThrownBy(() -> SkyformerOptions.of(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1");
        assertThatThrownBy(() -> SkyformerOptions.of(4).withRidge(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ridge");
    }

    @Test
    void sameStateGivesIdenticalBits() {
        AttentionInput in = AttentionInputs.lowRankQK(100, 8, 4, 1.0, SEED.split(12));
        DenseMatrix a = new SkyformerAttention(SkyformerOptions.of(16), SEED.split(13)).compute(in.q(), in.k(), in.v());
        DenseMatrix b = new SkyformerAttention(SkyformerOptions.of(16), SEED.split(13)).compute(in.q(), in.k(), in.v());
        assertThat(a.toColumnMajorArray()).isEqualTo(b.toColumnMajorArray());
    }

    @Test
    void isRegistered() {
        assertThat(AttentionMethods.find("skyformer")).isPresent();
    }
}
