package dev.nla.tensor.decomp;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Deterministic rounding (recompression) of a Tucker tensor with non-orthonormal or redundant
 * factors: QR of the factors, then a truncated ST-HOSVD of the small core.
 *
 * <p>For \(\mathcal X = [\![\mathcal G; U_1, \dots, U_d]\!]\): thin Householder QR \(U_k = Q_kR_k\)
 * (\(Q_k \in \mathbb{R}^{n_k \times p_k}\), \(p_k = \min(n_k, r_k)\)); \(\mathcal C = \mathcal G
 * \times_1 R_1 \cdots \times_d R_d\), so \(\mathcal X = [\![\mathcal C; Q_1, \dots, Q_d]\!]\) exactly
 * with orthonormal factors; then \(\mathcal C \approx [\![\tilde{\mathcal C}; V_1, \dots, V_d]\!]\)
 * by {@link Hosvd#stHosvd} and \(\tilde{\mathcal X} = [\![\tilde{\mathcal C}; Q_1V_1, \dots,
 * Q_dV_d]\!]\). Since the \(Q_k\) are orthonormal, \(\|\mathcal X - \tilde{\mathcal X}\| = \|\mathcal C -
 * [\![\tilde{\mathcal C}; V]\!]\|\), so the tolerance guarantee of the ST-HOSVD carries over
 * unchanged. Cost \(\sum_k 2n_kr_k^2\) for the QRs plus \(O(\prod_k p_k \cdot \max_k p_k)\) for the
 * core; this is the "QR of factors + core truncation" rounding of the TT literature transposed to
 * Tucker [Al Daas et al. 2023].
 */
public final class TuckerRounding {
    private TuckerRounding() {}

    /**
     * Rounds a Tucker tensor.
     *
     * @param x          \(\mathcal X\); not modified; must be finite
     * @param truncation tolerance and/or rank caps (a cap above a mode size \(n_k\) is rejected)
     * @return the rounded tensor (orthonormal factors, ranks at most \(\min(n_k, r_k)\)) and the
     *     relative error bound of the truncation
     * @throws NullPointerException     if an argument is null
     * @throws dev.nla.core.error.NonFiniteValueException if {@code x} holds NaN or an infinity
     * @throws IllegalArgumentException if a rank cap exceeds its mode size
     */
    public static HosvdResult round(TuckerTensor x, Truncation truncation) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(truncation, "truncation");
        int[] caps = truncation.ranksFor(x.modeSizes());
        x.requireFinite("x");
        int d = x.order();
        List<DenseMatrix> q = new ArrayList<>(d);
        List<DenseMatrix> r = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            QrResult f = Decompositions.qr().decompose(x.factor(k), QrMode.THIN);
            q.add(f.q());
            r.add(f.r());
        }
        DenseTensor c = ModeProducts.multiplyAll(x.core(), Transpose.NO_TRANSPOSE, r);
        HosvdResult h = Hosvd.stHosvdTrusted(c, caps, truncation.tolerance(), c.frobeniusNorm());
        return new HosvdResult(expand(h.tensor(), q), h.errorBound(), h.singularValues());
    }

    /** \([\![\mathcal C; Q_1V_1, \dots]\!]\) for an approximation \([\![\mathcal C; V_1, \dots]\!]\). */
    static TuckerTensor expand(TuckerTensor small, List<DenseMatrix> q) {
        List<DenseMatrix> u = new ArrayList<>(q.size());
        for (int k = 0; k < q.size(); k++) {
            u.add(Blas.multiply(q.get(k), small.factor(k)));
        }
        return new TuckerTensor(small.core(), u);
    }
}
