package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.matrix.DenseMatrix;

/**
 * Linear attention [Katharopoulos et al. 2020]: the similarity \(e^{sq^{\mathsf T}k}\) is replaced by
 * \(\phi(q)^{\mathsf T}\phi(k)\) with the feature map \(\phi(x) = \operatorname{elu}(x) + 1\)
 * (entrywise: \(x + 1\) for \(x \gt 0\), \(e^x\) otherwise, so \(\phi \gt 0\)), and
 * \[ o_i = \frac{\phi(q_i)^{\mathsf T}\sum_{j \in J(i)}\phi(k_j)v_j^{\mathsf T}}{\phi(q_i)^{\mathsf
 *    T}\sum_{j \in J(i)}\phi(k_j) + \epsilon},\qquad \epsilon = 10^{-6}, \]
 * evaluated right to left by associativity (\(J(i)\) = all keys, or \(j \le i\) under a causal mask,
 * by prefix sums). This is a different model, not an approximation of softmax attention: compare it
 * with softmax only for speed, and with its own explicit \(n \times m\) form for correctness (the
 * "left product = right product" test). The score scale is not used by the feature map (the method
 * keeps the default \(1/\sqrt d\) only to satisfy the interface).
 *
 * <p><b>Primitives:</b> GEMM through {@code Blas} (the associativity \((\Phi_Q\Phi_K^{\mathsf T})V =
 * \Phi_Q(\Phi_K^{\mathsf T}V)\)), with the blockwise prefix sums of the feature-map engine under a
 * causal mask.
 *
 * <p><b>Cost:</b> \(2(n + m)d(d_v + 1)\) flops (plus \(O(ncd)\) causal, \(c = 64\)); memory \(O((n +
 * m)d)\). <b>Causal masking:</b> supported.
 */
public final class LinearAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "linear";

    /** The denominator stabiliser \(\epsilon\). */
    public static final double EPSILON = 1e-6;

    /** Registry entry (no size parameter; deterministic; causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "linear attention with phi = elu + 1: phi(Q) (phi(K)^T V), normalised; causal by prefix sums",
            AttentionMethod.Family.KERNEL,
            true,
            false,
            AttentionMethod.NO_PARAMETER,
            (size, state) -> new LinearAttention());

    /** Creates the method. */
    public LinearAttention() {
        super(METHOD, Scaling.inverseSqrtDimension());
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        DenseMatrix phiQ = eluPlusOne(q);
        DenseMatrix phiK = eluPlusOne(k);
        DenseMatrix out = FeatureMapAttention.compute(phiQ, phiK, v, mask, EPSILON, Double.NEGATIVE_INFINITY);
        CostCounter.current().release((long) (q.rows() + k.rows()) * q.cols());
        return out;
    }

    /**
     * \(\phi(X) = \operatorname{elu}(X) + 1\), entrywise.
     *
     * @param x \(X\); not modified
     * @return a new matrix of the same shape
     */
    static DenseMatrix eluPlusOne(DenseMatrix x) {
        int rows = x.rows();
        int cols = x.cols();
        CostCounter cost = CostCounter.current();
        cost.allocate((long) rows * cols);
        DenseMatrix out = DenseMatrix.zeros(rows, cols);
        double[] o = out.data();
        long exps = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                double y = x.get(i, j);
                if (y > 0) {
                    o[i + j * rows] = y + 1.0;
                } else {
                    o[i + j * rows] = Math.exp(y);
                    exps++;
                }
            }
        }
        cost.addFlops((long) rows * cols);
        cost.addExps(exps);
        return out;
    }
}
