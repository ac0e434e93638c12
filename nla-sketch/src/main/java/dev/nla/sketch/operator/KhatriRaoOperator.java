package dev.nla.sketch.operator;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Objects;

/**
 * A sampled {@link KhatriRaoSketch}. The modes are split into a left group \(1..s\) and a right group
 * \(s+1..q\) with \(M_L = \prod_{k \le s} m_k\), \(M_R = \prod_{k > s} m_k\); \(K_L\) and \(K_R\) are
 * the Khatri–Rao products of the two groups, so \(S[r, a + M_L b] = \alpha K_L[a, r] K_R[b, r]\).
 * For \(q = 1\), \(M_R = 1\) and \(S = \alpha \Omega_1^{\mathsf T}\).
 */
final class KhatriRaoOperator extends AbstractSketch {
    private final KhatriRaoSketch law;
    private final int[] modes;
    private final int split;
    private final int ml;
    private final int mr;
    private final double alpha;
    private volatile Factors factors;

    /** The Khatri–Rao products of the two mode groups; {@code right} is null when \(M_R = 1\). */
    private record Factors(DenseMatrix left, DenseMatrix right) {}

    KhatriRaoOperator(KhatriRaoSketch law, RngState state) {
        super(law.rows(), law.cols(), state);
        this.law = law;
        this.modes = law.modeSizes();
        this.alpha = law.scale();
        int q = modes.length;
        int best = q;
        long bestCost = Long.MAX_VALUE;
        for (int s = 1; s < q; s++) {
            long cost = (long) Tensors.product(modes, 0, s) + Tensors.product(modes, s, q);
            if (cost < bestCost) {
                bestCost = cost;
                best = s;
            }
        }
        this.split = best;
        this.ml = Tensors.product(modes, 0, split);
        this.mr = Tensors.product(modes, split, q);
    }

    private Factors factors() {
        Factors f = factors;
        if (f == null) {
            synchronized (this) {
                f = factors;
                if (f == null) {
                    DenseMatrix[] omega = new DenseMatrix[modes.length];
                    for (int k = 0; k < modes.length; k++) {
                        omega[k] = DenseMatrix.zeros(modes[k], d);
                        RandomMatrices.fill(omega[k], 0, 0, law.entries().law(), Sketching.factor(state, k));
                    }
                    f = new Factors(
                            khatriRao(omega, 0, split),
                            split < modes.length ? khatriRao(omega, split, modes.length) : null);
                    factors = f;
                }
            }
        }
        return f;
    }

    /** \(K[i_a + m_a i_{a+1} + \cdots, r] = \prod_k \Omega_k[i_k, r]\) over factors {@code [from, to)}. */
    static DenseMatrix khatriRao(DenseMatrix[] omega, int from, int to) {
        DenseMatrix k = omega[from].copy();
        for (int f = from + 1; f < to; f++) {
            DenseMatrix next = omega[f];
            int len = k.rows();
            DenseMatrix grown = DenseMatrix.zeros(len * next.rows(), k.cols());
            for (int r = 0; r < k.cols(); r++) {
                for (int i = 0; i < next.rows(); i++) {
                    double w = next.get(i, r);
                    for (int a = 0; a < len; a++) {
                        grown.set(a + len * i, r, k.get(a, r) * w);
                    }
                }
            }
            k = grown;
        }
        return k;
    }

    @Override
    public SketchingDistribution distribution() {
        return law;
    }

    @Override
    public boolean canResize(Axis axis) {
        Objects.requireNonNull(axis, "axis");
        return axis == Axis.ROWS;
    }

    @Override
    SketchingOperator resized(int rows, int cols) {
        return law.withRows(rows).sample(state).value();
    }

    @Override
    void leftDense(DenseMatrix a, DenseMatrix y) {
        Factors f = factors();
        if (f.right == null) {
            Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, f.left, a, 0.0, y);
            return;
        }
        DenseMatrix t = DenseMatrix.zeros(ml, d);
        int n = a.cols();
        for (int c = 0; c < n; c++) {
            DenseMatrix xc = DenseMatrix.wrap(a.data(), a.offset() + c * a.ld(), ml, mr, ml);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, xc, f.right, 0.0, t);
            for (int r = 0; r < d; r++) {
                double s = 0.0;
                for (int i = 0; i < ml; i++) {
                    s += f.left.get(i, r) * t.get(i, r);
                }
                y.set(r, c, alpha * s);
            }
        }
    }

    @Override
    void transposeDense(DenseMatrix x, DenseMatrix y) {
        Factors f = factors();
        if (f.right == null) {
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, f.left, x, 0.0, y);
            return;
        }
        DenseMatrix w = DenseMatrix.zeros(ml, d);
        int k = x.cols();
        for (int c = 0; c < k; c++) {
            for (int r = 0; r < d; r++) {
                double xr = alpha * x.get(r, c);
                for (int i = 0; i < ml; i++) {
                    w.set(i, r, f.left.get(i, r) * xr);
                }
            }
            DenseMatrix yc = DenseMatrix.wrap(y.data(), y.offset() + c * y.ld(), ml, mr, ml);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, w, f.right, 0.0, yc);
        }
    }

    @Override
    void transposedRows(int r0, DenseMatrix target) {
        Factors f = factors();
        for (int t = 0; t < target.cols(); t++) {
            int r = r0 + t;
            for (int l = 0; l < m; l++) {
                target.set(l, t, entry(f, r, l));
            }
        }
    }

    @Override
    void denseBlock(int r0, int c0, DenseMatrix target) {
        Factors f = factors();
        for (int j = 0; j < target.cols(); j++) {
            for (int i = 0; i < target.rows(); i++) {
                target.set(i, j, entry(f, r0 + i, c0 + j));
            }
        }
    }

    /** \(S[r, l] = \alpha (K_L[a, r] K_R[b, r])\), \(l = a + M_L b\). */
    private double entry(Factors f, int r, int l) {
        if (f.right == null) {
            return alpha * f.left.get(l, r);
        }
        return alpha * (f.left.get(l % ml, r) * f.right.get(l / ml, r));
    }

    @Override
    String describe() {
        return law.toString();
    }
}
