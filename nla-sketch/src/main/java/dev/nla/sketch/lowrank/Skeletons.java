package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.PivotedQrResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.internal.Dense;

/** Skeleton selection and extraction shared by the ID and CUR drivers. */
final class Skeletons {
    private Skeletons() {}

    /** A column interpolative decomposition \(Y \approx Y(:, J)X\) of a small matrix. */
    record Interpolation(int[] indices, DenseMatrix coefficients) {}

    /**
     * Column ID of \(Y\) (\(r \times n\)) with at most \(k\) columns by QR with column pivoting: \(YP
     * = Q[R_{11}\ R_{12}]\), \(J\) = the first \(t\) pivots, \(X = [I\ \ R_{11}^{-1}R_{12}]P^{\mathsf
     * T}\), where \(t \le k\) counts the \(|r_{jj}| \gt \max(r, n)\,2^{-52}|r_{11}|\) (numerical rank
     * of \(Y\)).
     */
    static Interpolation columnInterpolation(DenseMatrix y, int k) {
        return columnInterpolation(y, k, true);
    }

    /**
     * As {@link #columnInterpolation(DenseMatrix, int)}; with {@code truncate == false} exactly
     * \(\min(k, r, n)\) columns are kept whatever the diagonal of \(R\), and a singular \(R_{11}\) is
     * reported as an {@link ArithmeticException}.
     */
    static Interpolation columnInterpolation(DenseMatrix y, int k, boolean truncate) {
        int n = y.cols();
        PivotedQrResult pq = Decompositions.pivotedQr().factor(y);
        int[] perm = pq.permutation();
        DenseMatrix r = pq.qr().r();
        int steps = Math.min(k, Math.min(y.rows(), n));
        double tol = Math.max(y.rows(), n) * 0x1.0p-52 * Math.abs(r.get(0, 0));
        int t = 0;
        while (t < steps && (!truncate || Math.abs(r.get(t, t)) > tol)) {
            t++;
        }
        int[] indices = new int[t];
        System.arraycopy(perm, 0, indices, 0, t);
        DenseMatrix x = DenseMatrix.zeros(t, n);
        if (t > 0) {
            DenseMatrix coef = r.view(0, t, t, n - t).copy();
            Blas.trsm(
                    Side.LEFT,
                    Triangle.UPPER,
                    Transpose.NO_TRANSPOSE,
                    Diagonal.NON_UNIT,
                    1.0,
                    r.view(0, 0, t, t),
                    coef);
            if (!Dense.allFinite(coef)) {
                throw new ArithmeticException("the " + t + " skeleton columns are numerically dependent: r(" + (t - 1)
                        + ", " + (t - 1) + ") = " + r.get(t - 1, t - 1));
            }
            for (int j = 0; j < t; j++) {
                x.set(j, perm[j], 1.0);
            }
            for (int j = t; j < n; j++) {
                for (int i = 0; i < t; i++) {
                    x.set(i, perm[j], coef.get(i, j - t));
                }
            }
        }
        return new Interpolation(indices, x);
    }

    /**
     * Whether extracting rows or columns of the operator costs a pass (matrix-free) or only reading
     * entries (explicit matrix).
     */
    static boolean isMatrixFree(LinearOperator a) {
        return a.matrix().isEmpty();
    }

    /** \(A(:, J)\) as a dense \(m \times |J|\) matrix: copied entries, or \(AE_J\) for matrix-free. */
    static DenseMatrix columns(LinearOperator a, int[] j) {
        int m = a.rows();
        if (a.matrix().isPresent()) {
            Matrix mat = a.matrix().get();
            DenseMatrix c = DenseMatrix.zeros(m, j.length);
            if (mat instanceof DenseMatrix d) {
                for (int t = 0; t < j.length; t++) {
                    c.column(t).copyFrom(d.column(j[t]));
                }
            } else {
                SparseMatrix csc = ((SparseMatrix) mat).toCsc();
                for (int t = 0; t < j.length; t++) {
                    for (int p = csc.pointers()[j[t]]; p < csc.pointers()[j[t] + 1]; p++) {
                        c.set(csc.indices()[p], t, csc.values()[p]);
                    }
                }
            }
            return c;
        }
        DenseMatrix e = DenseMatrix.zeros(a.cols(), j.length);
        for (int t = 0; t < j.length; t++) {
            e.set(j[t], t, 1.0);
        }
        return Dense.apply(a, Transpose.NO_TRANSPOSE, e);
    }

    /** \(A(I, :)\) as a dense \(|I| \times n\) matrix. */
    static DenseMatrix rows(LinearOperator a, int[] i) {
        if (a.matrix().isPresent()) {
            Matrix mat = a.matrix().get();
            DenseMatrix r = DenseMatrix.zeros(i.length, a.cols());
            if (mat instanceof DenseMatrix d) {
                for (int t = 0; t < i.length; t++) {
                    r.row(t).copyFrom(d.row(i[t]));
                }
            } else {
                SparseMatrix csr = ((SparseMatrix) mat).toCsr();
                for (int t = 0; t < i.length; t++) {
                    for (int p = csr.pointers()[i[t]]; p < csr.pointers()[i[t] + 1]; p++) {
                        r.set(t, csr.indices()[p], csr.values()[p]);
                    }
                }
            }
            return r;
        }
        DenseMatrix e = DenseMatrix.zeros(a.rows(), i.length);
        for (int t = 0; t < i.length; t++) {
            e.set(i[t], t, 1.0);
        }
        return Dense.apply(a, Transpose.TRANSPOSE, e).transpose();
    }

    /**
     * DEIM indices of the columns of \(V\) (\(n \times k\)) [Sorensen and Embree 2016, Alg. 1]:
     * \(p_1 = \arg\max|v_1|\); for \(j \ge 2\), interpolate \(v_j\) at the chosen indices with the
     * previous vectors and take the index of the largest residual.
     */
    static int[] deim(DenseMatrix v) {
        int n = v.rows();
        int k = v.cols();
        int[] p = new int[k];
        p[0] = argMaxAbs(v.column(0));
        for (int j = 1; j < k; j++) {
            DenseMatrix vj = v.view(0, 0, n, j);
            DenseMatrix sub = DenseMatrix.zeros(j, j);
            DenseMatrix rhs = DenseMatrix.zeros(j, 1);
            for (int i = 0; i < j; i++) {
                for (int c = 0; c < j; c++) {
                    sub.set(i, c, v.get(p[i], c));
                }
                rhs.set(i, 0, v.get(p[i], j));
            }
            DenseMatrix c = Decompositions.lu().solve(sub, rhs);
            DenseMatrix r = v.column(j).copy();
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, vj, c, 1.0, r);
            p[j] = argMaxAbs(r);
        }
        return p;
    }

    private static int argMaxAbs(DenseMatrix x) {
        int best = 0;
        double bestAbs = -1;
        for (int i = 0; i < x.rows(); i++) {
            double a = Math.abs(x.get(i, 0));
            if (a > bestAbs) {
                bestAbs = a;
                best = i;
            }
        }
        return best;
    }

    /**
     * \(k\) distinct indices drawn sequentially without replacement with probabilities proportional
     * to the remaining weights; once the positive weights are exhausted, uniformly among the indices
     * not yet drawn. Uniform variates from {@code state} (block \(t\) of stream column 0 for draw
     * \(t\)).
     */
    static int[] sampleWithoutReplacement(double[] weights, int k, RngState state) {
        int n = weights.length;
        double[] w = weights.clone();
        boolean[] taken = new boolean[n];
        DenseMatrix u = RandomMatrices.generate(k, 1, ScalarDistribution.UNIFORM_01, state)
                .value();
        int[] out = new int[k];
        for (int t = 0; t < k; t++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += w[i];
            }
            int chosen = -1;
            if (total > 0) {
                double target = u.get(t, 0) * total;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    if (w[i] > 0) {
                        acc += w[i];
                        chosen = i;
                        if (acc > target) {
                            break;
                        }
                    }
                }
            } else {
                int free = n - t;
                int skip = (int) Math.min(free - 1, (long) (u.get(t, 0) * free));
                for (int i = 0; i < n; i++) {
                    if (!taken[i] && skip-- == 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            out[t] = chosen;
            taken[chosen] = true;
            w[chosen] = 0;
        }
        return out;
    }
}
