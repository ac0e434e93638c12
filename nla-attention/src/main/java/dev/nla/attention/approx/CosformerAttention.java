package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.matrix.DenseMatrix;

/**
 * cosFormer [Qin et al. 2022]: ReLU features re-weighted by a cosine of the position difference,
 * \[ s_{ij} = \operatorname{ReLU}(q_i)^{\mathsf T}\operatorname{ReLU}(k_j)\,\cos\Bigl(\frac{\pi}{2}
 *    \cdot\frac{p_i - p'_j}{M}\Bigr),\qquad o_i = \frac{\sum_{j \in J(i)} s_{ij}v_j}{\max(\sum_{j \in
 *    J(i)} s_{ij}, \epsilon)},\quad \epsilon = 10^{-6}, \]
 * with 1-based positions \(p'_j = j + 1\) for keys and \(p_i = i + 1\) for queries (\(p_i = i + (m -
 * n) + 1\) under a causal mask, aligned with the keys as the mask is), and \(M = \max(n, m)\), as in
 * the reference implementation (OpenNLPLab/cosFormer, which needs \(n = m\) in the causal case; here
 * the bottom-right alignment of {@link AttentionMask} extends it to \(n \le m\)). By \(\cos(a - b) =
 * \cos a\cos b + \sin a\sin b\) the weight splits into a feature map of dimension \(2d\):
 * \(\phi(x, p) = [\operatorname{ReLU}(x)\sin\tfrac{\pi p}{2M},\ \operatorname{ReLU}(x)\cos\tfrac{\pi
 * p}{2M}]\), so \(s_{ij} = \phi(q_i, p_i)^{\mathsf T}\phi(k_j, p'_j)\) and the method is linear
 * attention with these features. A different model, not an approximation of softmax; the score scale
 * is not used.
 *
 * <p><b>Primitives:</b> a rank-2 separable (cos/sin) Toeplitz re-weighting, GEMM through {@code
 * Blas} and the prefix sums of the feature-map engine (cumulative sums under a causal mask).
 *
 * <p><b>Cost:</b> \(4(n + m)d(d_v + 1)\) flops (plus \(O(ncd)\) causal); memory \(O((n + m)d)\).
 * <b>Causal masking:</b> supported.
 */
public final class CosformerAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "cosformer";

    /** The denominator clamp \(\epsilon\). */
    public static final double EPSILON = 1e-6;

    /** Registry entry (no size parameter; deterministic; causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "cosFormer: ReLU features with a cos(pi (i - j) / 2M) re-weighting, split into sin/cos features",
            AttentionMethod.Family.KERNEL,
            true,
            false,
            AttentionMethod.NO_PARAMETER,
            (size, state) -> new CosformerAttention());

    /** Creates the method. */
    public CosformerAttention() {
        super(METHOD, Scaling.inverseSqrtDimension());
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int big = Math.max(n, m);
        int queryOffset = mask.isCausal() ? m - n : 0;
        DenseMatrix phiQ = features(q, queryOffset, big);
        DenseMatrix phiK = features(k, 0, big);
        DenseMatrix out = FeatureMapAttention.compute(phiQ, phiK, v, mask, 0.0, EPSILON);
        CostCounter.current().release(2L * (n + m) * q.cols());
        return out;
    }

    /**
     * \([\operatorname{ReLU}(x_i)\sin\theta_i,\ \operatorname{ReLU}(x_i)\cos\theta_i]\), \(\theta_i =
     * \tfrac{\pi}{2}(i + \text{offset} + 1)/M\).
     *
     * @param x      \(X\), \(n \times d\); not modified
     * @param offset position offset of row 0
     * @param big    \(M\)
     * @return a new \(n \times 2d\) matrix
     */
    static DenseMatrix features(DenseMatrix x, int offset, int big) {
        int rows = x.rows();
        int d = x.cols();
        CostCounter cost = CostCounter.current();
        cost.allocate(2L * rows * d);
        DenseMatrix out = DenseMatrix.zeros(rows, 2 * d);
        double[] sin = new double[rows];
        double[] cos = new double[rows];
        for (int i = 0; i < rows; i++) {
            double theta = Math.PI / 2 * (i + offset + 1) / big;
            sin[i] = Math.sin(theta);
            cos[i] = Math.cos(theta);
        }
        double[] o = out.data();
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < rows; i++) {
                double y = Math.max(x.get(i, j), 0.0);
                o[i + j * rows] = y * sin[i];
                o[i + (j + d) * rows] = y * cos[i];
            }
        }
        cost.addFlops(3L * rows * d + 4L * rows);
        return out;
    }
}
