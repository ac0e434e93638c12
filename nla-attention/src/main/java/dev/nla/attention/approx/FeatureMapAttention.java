package dev.nla.attention.approx;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;

/**
 * The engine shared by the feature-map methods (linear attention, cosFormer, Performer, random
 * Fourier features): given the feature matrices \(\Phi_Q \in \mathbb{R}^{n \times f}\) and \(\Phi_K
 * \in \mathbb{R}^{m \times f}\), computes
 * \[ o_i = \frac{\sum_{j \in J(i)} (\phi_i^{\mathsf T}\psi_j)\, v_j}{\max\bigl(\sum_{j \in J(i)}
 *    \phi_i^{\mathsf T}\psi_j + \epsilon_{\text{add}},\ \epsilon_{\min}\bigr)} \]
 * without forming the \(n \times m\) similarity matrix, \(J(i)\) being the keys visible to query
 * \(i\).
 *
 * <p><b>Non-causal</b> (associativity): \(S = \Phi_K^{\mathsf T}[V\ \mathbf 1]\) (\(f \times (d_v +
 * 1)\)), then \(\Phi_Q S\): two GEMMs, \(2(n + m)f(d_v + 1)\) flops.
 *
 * <p><b>Causal</b> (prefix sums, by chunks of \(c\) queries): the running state \(S = \sum_{j \lt
 * e}\psi_j[v_j^{\mathsf T}\ 1]\) covers the keys every query of the chunk sees; the chunk's output is
 * \(\Phi_{Q,I}S\) plus the masked intra-chunk product \((\Phi_{Q,I}\Phi_{K,J}^{\mathsf T} \circ
 * M)[V_J\ \mathbf 1]\) over the \(c - 1\) keys that only some of its queries see; then \(S\) absorbs
 * the chunk's keys. All products are GEMMs; the cost is \(O((n + m)f d_v + ncf + ncd_v)\), linear in
 * \(n\), and the memory \(O(mf + (n + m)d_v + c^2)\). Chunks run in order, so the result is
 * deterministic. This is the formulation of [Katharopoulos et al. 2020], evaluated blockwise.
 *
 * <p>Key padding: the rows of \(\Phi_K\) of masked keys are set to zero, so they contribute to
 * neither sum.
 */
final class FeatureMapAttention {
    /** Queries per causal chunk. */
    static final int CHUNK = 64;

    private FeatureMapAttention() {}

    /**
     * The normalised feature-map attention.
     *
     * @param phiQ       \(\Phi_Q\), \(n \times f\); not modified
     * @param phiK       \(\Phi_K\), \(m \times f\), freshly allocated by the caller; the rows of masked
     *     keys are overwritten with zeros
     * @param v          \(V\), \(m \times d_v\); not modified
     * @param mask       a validated mask (causal implies \(m \ge n\))
     * @param epsAdd     \(\epsilon_{\text{add}}\), added to each denominator
     * @param epsMin     \(\epsilon_{\min}\), a lower clamp of each denominator ({@code
     *     Double.NEGATIVE_INFINITY} for none)
     * @return a new \(n \times d_v\) matrix
     */
    static DenseMatrix compute(
            DenseMatrix phiQ, DenseMatrix phiK, DenseMatrix v, AttentionMask mask, double epsAdd, double epsMin) {
        DenseMatrix num = numerators(phiQ, phiK, v, mask);
        int n = phiQ.rows();
        int dv = v.cols();
        CostCounter cost = CostCounter.current();
        cost.allocate((long) n * dv);
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        double[] w = num.data();
        double[] o = out.data();
        for (int i = 0; i < n; i++) {
            double den = Math.max(w[i + dv * n] + epsAdd, epsMin);
            double inv = 1.0 / den;
            for (int c = 0; c < dv; c++) {
                o[i + c * n] = w[i + c * n] * inv;
            }
        }
        cost.addFlops((long) n * (dv + 3));
        cost.release((long) n * (dv + 1));
        return out;
    }

    /**
     * The unnormalised products \(W = (\Phi_Q\Phi_K^{\mathsf T} \circ M)[V\ \mathbf 1]\): column
     * \(d_v\) holds the denominators. Allocates \(W\) (\(n(d_v + 1)\) elements, reported as live; the
     * caller releases them).
     *
     * @param phiQ \(\Phi_Q\), \(n \times f\); not modified
     * @param phiK \(\Phi_K\), \(m \times f\); rows of masked keys overwritten with zeros
     * @param v    \(V\), \(m \times d_v\); not modified
     * @param mask a validated mask
     * @return \(W\), \(n \times (d_v + 1)\), compact
     */
    static DenseMatrix numerators(DenseMatrix phiQ, DenseMatrix phiK, DenseMatrix v, AttentionMask mask) {
        int n = phiQ.rows();
        int m = phiK.rows();
        int f = phiQ.cols();
        int dv = v.cols();
        CostCounter cost = CostCounter.current();
        if (mask.hasKeyPadding()) {
            for (int j = 0; j < m; j++) {
                if (!mask.keeps(j)) {
                    for (int c = 0; c < f; c++) {
                        phiK.set(j, c, 0.0);
                    }
                }
            }
        }
        cost.allocate((long) m * (dv + 1));
        DenseMatrix va = DenseMatrix.zeros(m, dv + 1);
        va.columns(0, dv).copyFrom(v);
        va.column(dv).fill(1.0);
        cost.allocate((long) f * (dv + 1));
        DenseMatrix state = DenseMatrix.zeros(f, dv + 1);
        cost.allocate((long) n * (dv + 1));
        DenseMatrix w = DenseMatrix.zeros(n, dv + 1);
        if (!mask.isCausal()) {
            Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, phiK, va, 0.0, state);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, phiQ, state, 0.0, w);
            cost.addFlops(2L * (n + m) * f * (dv + 1));
        } else {
            int offset = m - n;
            int c = Math.min(CHUNK, n);
            cost.allocate((long) c * c);
            DenseMatrix tile = DenseMatrix.zeros(c, Math.max(1, c - 1));
            int covered = 0;
            for (int i0 = 0; i0 < n; i0 += c) {
                int rows = Math.min(c, n - i0);
                int first = i0 + offset + 1; // keys [0, first) are seen by every query of the chunk
                if (first > covered) {
                    advance(phiK, va, state, covered, first);
                    covered = first;
                }
                DenseMatrix wi = w.rowBlock(i0, rows);
                DenseMatrix qi = phiQ.rowBlock(i0, rows);
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, qi, state, 0.0, wi);
                cost.addFlops(2L * rows * f * (dv + 1));
                int partial = rows - 1; // keys [first, first + rows - 1): key first + b seen by rows a > b
                if (partial > 0) {
                    DenseMatrix t = tile.view(0, 0, rows, partial);
                    Blas.gemm(
                            Transpose.NO_TRANSPOSE,
                            Transpose.TRANSPOSE,
                            1.0,
                            qi,
                            phiK.rowBlock(first, partial),
                            0.0,
                            t);
                    for (int b = 0; b < partial; b++) {
                        for (int a = 0; a <= b; a++) {
                            t.set(a, b, 0.0);
                        }
                    }
                    Blas.gemm(
                            Transpose.NO_TRANSPOSE,
                            Transpose.NO_TRANSPOSE,
                            1.0,
                            t,
                            va.rowBlock(first, partial),
                            1.0,
                            wi);
                    cost.addFlops(2L * rows * partial * (f + dv + 1));
                }
            }
            cost.release((long) c * c);
        }
        cost.release((long) m * (dv + 1) + (long) f * (dv + 1));
        return w;
    }

    /** \(S \mathrel{+}= \Phi_K[from, to)^{\mathsf T}\,[V\ \mathbf 1][from, to)\). */
    private static void advance(DenseMatrix phiK, DenseMatrix va, DenseMatrix state, int from, int to) {
        int rows = to - from;
        Blas.gemm(
                Transpose.TRANSPOSE,
                Transpose.NO_TRANSPOSE,
                1.0,
                phiK.rowBlock(from, rows),
                va.rowBlock(from, rows),
                1.0,
                state);
        CostCounter.current().addFlops(2L * rows * phiK.cols() * va.cols());
    }
}
