package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.internal.Softmax;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.SketchingOperator;
import dev.nla.sketch.operator.UniformSampling;
import java.util.Objects;

/**
 * Skyformer [Chen, Zeng, Ji and Yang 2021]: softmax's \(e^{q^{\mathsf T}k}\) is replaced by the Gaussian kernel
 * \(\kappa(x, y) = e^{-\|x - y\|^2/2} = e^{x^{\mathsf T}y - \|x\|^2/2 - \|y\|^2/2}\) on the scaled
 * tokens \(x' = \sqrt s\,x\), which makes the \((n + m) \times (n + m)\) kernel matrix of \(X = [Q;
 * K]\) symmetric positive semi-definite, and its \(Q\)–\(K\) block is approximated by Nyström.
 *
 * <p><b>Formula.</b> Sample \(r\) landmark rows \(X_S\) of \(X\) uniformly without replacement
 * (\(\lceil r/2\rceil\) queries and \(\lfloor r/2\rfloor\) keys, as the reference splits its samples);
 * with \(C_Q = \kappa(Q, X_S)\) (\(n \times r\)), \(C_K = \kappa(K, X_S)\) (\(m \times r\)) and the
 * ridge-regularised landmark kernel \(W = \kappa(X_S, X_S) + \lambda I\) (\(\lambda = 0.1\)),
 * \[ \hat\kappa(Q, K) = C_Q\,W^{-1}C_K^{\mathsf T},\qquad O = \hat\kappa(Q, K)\,V \]
 * (or row-normalised, {@link SkyformerOptions.Normalization#ROW}). The reference
 * (pkuzengqi/Skyformer) applies \(W^{-1}\) through the symmetric normalisation \(D^{-1/2}WD^{-1/2}\)
 * (\(D\) = row sums) and 6 steps of the iterative inverse, and outputs the unnormalised kernel sum;
 * both are the defaults here, and the exact Cholesky inverse is the alternative. The reference samples
 * with replacement; sampling without replacement avoids duplicate landmarks (a singular kernel
 * block). Note that this is a different model from softmax attention (the Gaussian kernel weighs
 * keys by \(e^{-\|k\|^2/2}\) and the output is not normalised by default): compare it with its own
 * exact kernel form, \(\kappa(Q, K)V\), which it approximates.
 *
 * <p><b>Primitives:</b> uniform row sampling of {@code nla-sketch} ({@link UniformSampling}), GEMM
 * through {@link Blas}, the Cholesky solve of {@code nla-core} ({@link Decompositions#cholesky()}) or
 * the method's truncated iterative inverse (shared with Nyströmformer).
 *
 * <p><b>Cost:</b> \(2(n + m + r)rd\) flops and \((n + m + r)r\) exponentials for the kernels, \(O(r^3)\)
 * for the inverse, \(2(n + m)r(d_v + 1)\) for the products: linear in \(n\); memory \(O((n + m)r)\).
 *
 * <p><b>Causal masking:</b> refused (the landmarks and the kernel inverse mix all positions). Key
 * padding drops the masked keys first.
 */
public final class SkyformerAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "skyformer";

    /** Registry entry (parameter: landmarks; randomized; not causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "Skyformer: Gaussian-kernel Nystrom on [Q; K] with ridge 0.1, C_Q (S^T C + 0.1 I)^-1 C_K^T V",
            AttentionMethod.Family.LOW_RANK,
            false,
            true,
            "landmarks",
            (size, state) -> new SkyformerAttention(SkyformerOptions.of(size), state));

    private final SkyformerOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options landmarks, ridge, inverse, normalisation, scaling
     * @param state   the randomness of the landmark sample
     * @throws NullPointerException if an argument is null
     */
    public SkyformerAttention(SkyformerOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SkyformerOptions options() {
        return options;
    }

    /**
     * The landmark samplers: \(\lceil r/2\rceil\) of \(n\) queries from {@code state.split(0)},
     * \(\lfloor r/2\rfloor\) of \(m\) keys from {@code state.split(1)}, each row kept with weight 1.
     *
     * @param n number of queries
     * @param m number of (unmasked) keys
     * @return {@code {S_Q, S_K}}
     */
    SketchingOperator[] samplers(int n, int m) {
        int rq = (options.landmarks() + 1) / 2;
        int rk = options.landmarks() / 2;
        SketchingOperator sq = new UniformSampling(rq, n, false, 1.0 / Math.sqrt(n))
                .sample(state.split(0))
                .value();
        SketchingOperator sk = new UniformSampling(rk, m, false, 1.0 / Math.sqrt(m))
                .sample(state.split(1))
                .value();
        return new SketchingOperator[] {sq, sk};
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        DenseMatrix keys = LowRankSupport.keptRows(k, mask);
        DenseMatrix values = LowRankSupport.keptRows(v, mask);
        int n = q.rows();
        int m = keys.rows();
        int d = q.cols();
        int r = options.landmarks();
        int rq = (r + 1) / 2;
        int rk = r / 2;
        if (rq > n || rk > m) {
            throw new IllegalArgumentException(NAME + ": landmarks r = " + r + " need " + rq + " of n = " + n
                    + " queries and " + rk + " of m = " + m + " unmasked keys");
        }
        CostCounter cost = CostCounter.current();
        SketchingOperator[] s = samplers(n, m);
        cost.allocate((long) r * d);
        DenseMatrix xs = DenseMatrix.zeros(r, d);
        xs.rowBlock(0, rq).copyFrom(s[0].applyLeft(q));
        xs.rowBlock(rq, rk).copyFrom(s[1].applyLeft(keys));
        double c2 = scale;
        DenseMatrix cq = kernel(q, xs, c2);
        DenseMatrix ck = kernel(keys, xs, c2);
        DenseMatrix w = kernel(xs, xs, c2);
        for (int i = 0; i < r; i++) {
            w.add(i, i, options.ridge());
        }
        boolean row = options.normalization() == SkyformerOptions.Normalization.ROW;
        int dv = values.cols();
        int cols = row ? dv + 1 : dv;
        cost.allocate((long) m * cols + 2L * r * cols + (long) n * cols);
        DenseMatrix va = DenseMatrix.zeros(m, cols);
        va.columns(0, dv).copyFrom(values);
        if (row) {
            va.column(dv).fill(1.0);
        }
        DenseMatrix t = DenseMatrix.zeros(r, cols);
        Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, ck, va, 0.0, t);
        DenseMatrix solved = applyInverse(w, t);
        DenseMatrix full = DenseMatrix.zeros(n, cols);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, cq, solved, 0.0, full);
        cost.addFlops(2L * (n + m) * r * cols);
        DenseMatrix out = full;
        if (row) {
            cost.allocate((long) n * dv);
            out = DenseMatrix.zeros(n, dv);
            for (int i = 0; i < n; i++) {
                double inv = 1.0 / full.get(i, dv);
                for (int col = 0; col < dv; col++) {
                    out.set(i, col, full.get(i, col) * inv);
                }
            }
            cost.addFlops((long) n * (dv + 1));
            cost.release((long) n * cols);
        }
        cost.release((long) r * d + (long) (n + m + r) * r + (long) m * cols + 2L * r * cols);
        if (keys != k) {
            cost.release((long) m * (d + dv));
        }
        return out;
    }

    /**
     * \(W^{-1}T\) by the selected inverse.
     *
     * @param w \(W\), \(r \times r\), SPD; not modified
     * @param t \(T\), \(r \times c\); not modified
     * @return a new \(r \times c\) matrix
     */
    DenseMatrix applyInverse(DenseMatrix w, DenseMatrix t) {
        int r = w.rows();
        CostCounter cost = CostCounter.current();
        if (options.inverse() == SkyformerOptions.Inverse.CHOLESKY) {
            cost.addFlops((long) r * r * r / 3 + 2L * r * r * t.cols());
            return Decompositions.cholesky().solve(w, t);
        }
        double[] g = new double[r];
        for (int i = 0; i < r; i++) {
            double sum = 0;
            for (int j = 0; j < r; j++) {
                sum += w.get(i, j);
            }
            g[i] = 1.0 / Math.sqrt(sum);
        }
        cost.allocate(2L * r * r + (long) r * t.cols());
        DenseMatrix normalized = DenseMatrix.zeros(r, r);
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                normalized.set(i, j, g[i] * w.get(i, j) * g[j]);
            }
        }
        double maxColSum = LowRankSupport.norms1Inf(normalized)[0];
        DenseMatrix z = LowRankSupport.iterativePseudoInverse(normalized, 1.0 / maxColSum, SkyformerOptions.ITERATIONS);
        DenseMatrix gt = t.copy();
        for (int c = 0; c < t.cols(); c++) {
            for (int i = 0; i < r; i++) {
                gt.set(i, c, g[i] * gt.get(i, c));
            }
        }
        DenseMatrix out = DenseMatrix.zeros(r, t.cols());
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, z, gt, 0.0, out);
        for (int c = 0; c < t.cols(); c++) {
            for (int i = 0; i < r; i++) {
                out.set(i, c, g[i] * out.get(i, c));
            }
        }
        cost.addFlops(5L * r * r + 2L * r * r * t.cols() + 2L * r * t.cols());
        cost.release(2L * r * r + (long) r * t.cols());
        return out;
    }

    /**
     * The Gaussian kernel \(\kappa(\sqrt s\,x_i, \sqrt s\,y_j) = e^{s x_i^{\mathsf T}y_j -
     * s\|x_i\|^2/2 - s\|y_j\|^2/2}\).
     *
     * @param x  \(X\), \(p \times d\); not modified
     * @param y  \(Y\), \(q \times d\); not modified
     * @param c2 \(s\)
     * @return a new \(p \times q\) matrix
     */
    static DenseMatrix kernel(DenseMatrix x, DenseMatrix y, double c2) {
        int p = x.rows();
        int qn = y.rows();
        CostCounter cost = CostCounter.current();
        cost.allocate((long) p * qn);
        DenseMatrix g = DenseMatrix.zeros(p, qn);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, c2, x, y, 0.0, g);
        double[] hx = halfNorms(x, c2);
        double[] hy = halfNorms(y, c2);
        double[] a = g.data();
        for (int j = 0; j < qn; j++) {
            for (int i = 0; i < p; i++) {
                a[i + j * p] -= hx[i] + hy[j];
            }
        }
        Softmax.exp(a, 0, p * qn);
        cost.addFlops(2L * p * qn * x.cols() + 2L * p * qn + 2L * (p + qn) * x.cols());
        cost.addExps((long) p * qn);
        return g;
    }

    private static double[] halfNorms(DenseMatrix x, double c2) {
        double[] h = new double[x.rows()];
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                h[i] += x.get(i, j) * x.get(i, j);
            }
        }
        for (int i = 0; i < h.length; i++) {
            h[i] *= 0.5 * c2;
        }
        return h;
    }
}
