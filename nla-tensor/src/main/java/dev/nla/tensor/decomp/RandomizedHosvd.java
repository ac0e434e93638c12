package dev.nla.tensor.decomp;

import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.operator.Sketches;
import dev.nla.sketch.operator.SketchingOperator;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tenalg.Mttkrp;
import dev.nla.tensor.tenalg.Unfolding;
import dev.nla.tensor.tensor.DenseTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Randomized HOSVD and ST-HOSVD of a dense tensor to target ranks [Minster, Saibaba and Kilmer 2020;
 * Saibaba, Verma and Ballard 2025].
 *
 * <p>For each mode \(k\) (in the order \(1, \dots, d\)) a sketch \(Y_k = X_{(k)}\Omega_k\) with \(\ell
 * = t_k + p\) columns (Gaussian) or \(\ell = \max_k t_k + p\) columns (Khatri–Rao, shared by all
 * modes) is orthonormalized, \(Q_k = \operatorname{orth}(Y_k)\); when \(\ell \ge n_k\) the exact
 * basis \(Q_k = I\) is used instead. The HOSVD variant sketches the input in every mode and forms the
 * core \(\mathcal C = \mathcal X \times_k Q_k^{\mathsf T}\); the sequential (ST) variant shrinks the
 * tensor after each mode, \(\mathcal Y \leftarrow \mathcal Y \times_k Q_k^{\mathsf T}\), and sketches
 * the smaller tensor for the next mode (fresh \(\ell_l \times \ell\) factors for compressed modes).
 * Finally the \(\ell_1 \times \cdots \times \ell_d\) core is truncated to the target ranks (and the
 * tolerance, if any) by a deterministic ST-HOSVD: \(U_k = Q_kV_k\).
 *
 * <p>Guarantee (Gaussian, \(p \ge 2\)) [Minster, Saibaba and Kilmer 2020, Thm 3.1]: \(\mathbb
 * E\|\mathcal X - \mathcal X \times_k Q_kQ_k^{\mathsf T}\|_F^2 \le \sum_k (1 + t_k/(p-1))\sum_{i \gt
 * t_k}\sigma_i^2(X_{(k)})\). Cost: the sketches (\(2\ell\prod_l n_l\) flops per mode, or one MTTKRP)
 * dominate; the QRs are \(O(n_k\ell^2)\).
 *
 * <p>Randomness: the Gaussian test matrices are {@code dev.nla.sketch} dense Gaussian sketches
 * (\(\Omega = S^{\mathsf T}\)) applied to {@link Unfolding#operator} without unfolding; the
 * Khatri–Rao factors are {@link RandomMatrices} blocks. Draws follow one another from the given
 * state, and the state after the last draw is returned.
 */
public final class RandomizedHosvd {
    private RandomizedHosvd() {}

    /**
     * Randomized (ST-)HOSVD to target ranks.
     *
     * @param x            \(\mathcal X\); not modified; must be finite
     * @param truncation   rank caps \(t_k \le n_k\) (required) and optionally a tolerance for the
     *     final truncation of the sketched core
     * @param oversampling \(p \ge 0\)
     * @param kind         Gaussian or Khatri–Rao test matrices
     * @param sequential   true for the ST-HOSVD variant
     * @param state        the random stream; not modified
     * @return the approximation (with the error bound of the final truncation only) and the state
     *     after the draws
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code truncation} has no ranks, a rank exceeds its mode
     *     size, or {@code oversampling < 0}
     * @throws dev.nla.core.error.NonFiniteValueException if {@code x} holds NaN or an infinity
     */
    public static Sampled<HosvdResult> compute(
            DenseTensor x,
            Truncation truncation,
            int oversampling,
            SketchKind kind,
            boolean sequential,
            RngState state) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(truncation, "truncation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Require.nonNegative("oversampling", oversampling);
        if (!truncation.hasRanks()) {
            throw new IllegalArgumentException("randomized HOSVD needs target ranks, got " + truncation);
        }
        int[] t = truncation.ranksFor(x.shape());
        x.requireFinite("x");
        int d = x.order();
        int[] n = x.shape();
        int lkr = 0;
        for (int tk : t) {
            lkr = Math.max(lkr, tk + oversampling);
        }
        RngState s = state;
        List<DenseMatrix> omega = new ArrayList<>(d);
        if (kind == SketchKind.KHATRI_RAO) {
            for (int l = 0; l < d; l++) {
                Sampled<DenseMatrix> o = RandomMatrices.gaussian(n[l], lkr, s);
                omega.add(o.value());
                s = o.next();
            }
        }
        List<DenseMatrix> q = new ArrayList<>(d);
        DenseTensor y = x;
        for (int k = 0; k < d; k++) {
            DenseTensor target = sequential ? y : x;
            int ell = kind == SketchKind.KHATRI_RAO ? lkr : t[k] + oversampling;
            DenseMatrix qk;
            if (ell >= n[k]) {
                qk = DenseMatrix.identity(n[k]);
            } else {
                DenseMatrix yk;
                if (kind == SketchKind.GAUSSIAN) {
                    int m = target.elementCount() / n[k];
                    Sampled<SketchingOperator> op = Sketches.gaussian(ell, m).sample(s);
                    s = op.next();
                    yk = op.value().applyRight(Unfolding.operator(target, k));
                } else {
                    yk = Mttkrp.mttkrp(target, omega, k);
                }
                qk = Decompositions.qr().decompose(yk, QrMode.THIN).q();
            }
            q.add(qk);
            if (sequential) {
                y = ModeProducts.multiply(y, Transpose.TRANSPOSE, qk, k);
                if (kind == SketchKind.KHATRI_RAO && k + 1 < d) {
                    Sampled<DenseMatrix> o = RandomMatrices.gaussian(qk.cols(), lkr, s);
                    omega.set(k, o.value());
                    s = o.next();
                }
            }
        }
        DenseTensor core = sequential ? y : ModeProducts.multiplyAll(x, Transpose.TRANSPOSE, q);
        HosvdResult h = Hosvd.stHosvdTrusted(core, t, truncation.tolerance(), core.frobeniusNorm());
        HosvdResult result = new HosvdResult(TuckerRounding.expand(h.tensor(), q), h.errorBound(), h.singularValues());
        return new Sampled<>(result, s);
    }
}
