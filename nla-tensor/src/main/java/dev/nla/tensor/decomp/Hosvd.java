package dev.nla.tensor.decomp;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The truncated higher-order SVD and its sequentially truncated variant for a dense tensor.
 *
 * <p><b>HOSVD</b> [De Lathauwer, De Moor and Vandewalle 2000]: \(U_k\) = the leading \(r_k\) left
 * singular vectors of \(X_{(k)}\) for every mode independently, core \(\mathcal C = \mathcal X
 * \times_1 U_1^{\mathsf T} \cdots \times_d U_d^{\mathsf T}\).
 *
 * <p><b>ST-HOSVD</b> [Vannieuwenhoven, Vandebril and Meerbergen 2012]: modes \(1, \dots, d\) in
 * turn; mode \(k\) takes the left singular vectors of the <em>current, already truncated</em>
 * tensor \(\mathcal Y\) and then shrinks it, \(\mathcal Y \leftarrow \mathcal Y \times_k U_k^{\mathsf
 * T}\), so later modes work on smaller unfoldings. Usually faster and at least as accurate.
 *
 * <p>Both guarantee \(\|\mathcal X - \tilde{\mathcal X}\|_F^2 \le \sum_k \sum_{i \gt r_k}
 * \sigma_{k,i}^2\), which the tolerance rule of {@link Truncation} keeps below
 * \(\varepsilon^2\|\mathcal X\|_F^2\). The singular values come from {@code ModeSvd} (QR of the
 * tall unfolding, then an SVD of the triangular factor): backward stable, so ranks at tolerances
 * near \(10^{-12}\) are reliable, which the Gram-matrix route of Tensor Toolbox's {@code hosvd}
 * cannot offer. Cost per mode \(2Mn_k^2\) flops (\(M = \prod_{l \ne k} n_l\) of the current tensor)
 * plus the shrinking mode product; memory: one copy of the current tensor.
 */
public final class Hosvd {
    private Hosvd() {}

    /**
     * The truncated HOSVD.
     *
     * @param x          \(\mathcal X\); not modified; must be finite
     * @param truncation tolerance and/or rank caps (caps above a mode size are rejected)
     * @return the approximation with orthonormal factors and its error bound
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.NonFiniteValueException if {@code x} holds NaN or an infinity
     * @throws IllegalArgumentException   if a rank cap exceeds its mode size
     * @throws dev.nla.core.error.DimensionMismatchException if per-mode caps have the wrong length
     */
    public static HosvdResult hosvd(DenseTensor x, Truncation truncation) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(truncation, "truncation");
        x.requireFinite("x");
        int d = x.order();
        int[] caps = caps(x.shape(), truncation);
        double norm = x.frobeniusNorm();
        double tail2 = tailBudget(norm, truncation.tolerance(), d);
        List<DenseMatrix> u = new ArrayList<>(d);
        List<double[]> sv = new ArrayList<>(d);
        double discarded = 0;
        for (int k = 0; k < d; k++) {
            ModeSvd.Result m = ModeSvd.of(x, k);
            int r = Truncation.chooseRank(m.sigma(), tail2, caps[k]);
            discarded += tail(m.sigma(), r);
            u.add(m.u().columns(0, r).copy());
            sv.add(m.sigma());
        }
        DenseTensor core = ModeProducts.multiplyAll(x, Transpose.TRANSPOSE, u);
        return new HosvdResult(new TuckerTensor(core, u), bound(discarded, norm), sv);
    }

    /**
     * The sequentially truncated HOSVD, modes in the order \(1, \dots, d\).
     *
     * @param x          \(\mathcal X\); not modified; must be finite
     * @param truncation tolerance and/or rank caps (caps above a mode size are rejected)
     * @return the approximation with orthonormal factors and its error bound
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.NonFiniteValueException if {@code x} holds NaN or an infinity
     * @throws IllegalArgumentException   if a rank cap exceeds its mode size
     * @throws dev.nla.core.error.DimensionMismatchException if per-mode caps have the wrong length
     */
    public static HosvdResult stHosvd(DenseTensor x, Truncation truncation) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(truncation, "truncation");
        x.requireFinite("x");
        return stHosvdTrusted(x, truncation.ranksFor(x.shape()), truncation.tolerance(), x.frobeniusNorm());
    }

    /**
     * ST-HOSVD of a finite tensor whose norm is known, with rank caps already validated against the
     * caller's mode sizes ({@code null} = none; caps above the current sizes mean "keep all").
     */
    static HosvdResult stHosvdTrusted(DenseTensor x, int[] caps, double tolerance, double norm) {
        int d = x.order();
        double tail2 = tailBudget(norm, tolerance, d);
        List<DenseMatrix> u = new ArrayList<>(d);
        List<double[]> sv = new ArrayList<>(d);
        double discarded = 0;
        DenseTensor y = x;
        for (int k = 0; k < d; k++) {
            ModeSvd.Result m = ModeSvd.of(y, k);
            int r = Truncation.chooseRank(m.sigma(), tail2, caps == null ? Integer.MAX_VALUE : caps[k]);
            discarded += tail(m.sigma(), r);
            DenseMatrix uk = m.u().columns(0, r).copy();
            u.add(uk);
            sv.add(m.sigma());
            y = ModeProducts.multiply(y, Transpose.TRANSPOSE, uk, k);
        }
        return new HosvdResult(new TuckerTensor(y == x ? x.copy() : y, u), bound(discarded, norm), sv);
    }

    static int[] caps(int[] shape, Truncation truncation) {
        int[] caps = truncation.ranksFor(shape);
        if (caps == null) {
            caps = shape.clone();
        }
        return caps;
    }

    static double tailBudget(double norm, double tolerance, int d) {
        double t = tolerance * norm;
        return t * t / d;
    }

    static double tail(double[] sigma, int r) {
        double s = 0;
        for (int i = sigma.length - 1; i >= r; i--) {
            s += sigma[i] * sigma[i];
        }
        return s;
    }

    static double bound(double discardedSquared, double norm) {
        return norm > 0 ? Math.sqrt(discardedSquared) / norm : 0.0;
    }
}
