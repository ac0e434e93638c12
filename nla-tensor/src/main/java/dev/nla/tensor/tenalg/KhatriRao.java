package dev.nla.tensor.tenalg;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Khatri–Rao (column-wise Kronecker) product \(A_1 \odot A_2 \odot \cdots \odot A_q\) of
 * matrices \(A_i \in \mathbb{R}^{m_i \times \ell}\) with a common number of columns:
 * \[ (A_1 \odot \cdots \odot A_q)[:, c] = A_1[:, c] \otimes \cdots \otimes A_q[:, c], \]
 * with the standard Kronecker row order (the row index of the <em>last</em> factor varies fastest).
 * Key identities [Kolda and Bader 2009, §2.6]: \((A_1 \otimes A_2)(B_1 \odot B_2) = (A_1B_1) \odot
 * (A_2B_2)\) and \((A \odot B)^{\mathsf T}(A \odot B) = (A^{\mathsf T}A) * (B^{\mathsf T}B)\).
 *
 * <p>{@link #forUnfolding} gives the product in the order of a mode-\(k\) unfolding, \(\Omega_d
 * \odot \cdots \odot \Omega_{k+1} \odot \Omega_{k-1} \odot \cdots \odot \Omega_1\), so that
 * \(X_{(k)}\,(\bigodot_{l \ne k}\Omega_l)\) is the Khatri–Rao sketch of the unfolding. {@link
 * #operator} applies the product without forming it (only two partial products of about
 * \(\sqrt{\prod m_i}\) rows each).
 */
public final class KhatriRao {
    private KhatriRao() {}

    /**
     * The explicit product \(A_1 \odot \cdots \odot A_q\).
     *
     * @param factors \(A_1, \dots, A_q\), \(q \ge 1\), all with \(\ell\) columns (any views); not
     *     modified
     * @return a new \((\prod_i m_i) \times \ell\) matrix
     * @throws NullPointerException       if the array or a factor is null
     * @throws IllegalArgumentException   if there are no factors
     * @throws DimensionMismatchException if the column counts differ (the message lists the shapes)
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static DenseMatrix product(DenseMatrix... factors) {
        Objects.requireNonNull(factors, "factors");
        return product(Arrays.asList(factors));
    }

    /**
     * The explicit product \(A_1 \odot \cdots \odot A_q\) of a list of factors.
     *
     * @param factors \(A_1, \dots, A_q\), \(q \ge 1\), all with \(\ell\) columns; not modified
     * @return a new \((\prod_i m_i) \times \ell\) matrix
     * @throws NullPointerException       if the list or a factor is null
     * @throws IllegalArgumentException   if there are no factors
     * @throws DimensionMismatchException if the column counts differ
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static DenseMatrix product(List<DenseMatrix> factors) {
        int cols = check(factors);
        long rows = 1;
        for (DenseMatrix f : factors) {
            rows *= f.rows();
            if (rows * Math.max(cols, 1) > DenseMatrix.MAX_ELEMENTS) {
                throw new SizeLimitExceededException(
                        "explicit Khatri-Rao product of " + shapes(factors),
                        rows * (long) cols,
                        DenseMatrix.MAX_ELEMENTS);
            }
        }
        // Build from the last (fastest) factor outwards: K <- A_f (.) K.
        DenseMatrix k = factors.get(factors.size() - 1).copy();
        for (int f = factors.size() - 2; f >= 0; f--) {
            k = pair(factors.get(f), k);
        }
        return k;
    }

    /**
     * The product \(\bigodot_{l \ne k} \Omega_l = \Omega_d \odot \cdots \odot \Omega_{k+1} \odot
     * \Omega_{k-1} \odot \cdots \odot \Omega_1\) whose row order matches the columns of the mode-\(k\)
     * unfolding (first remaining index fastest). For \(d = 1\) it is the \(1 \times \ell\) matrix of
     * ones (the empty product).
     *
     * @param perMode \(\Omega_1, \dots, \Omega_d\), \(\Omega_l \in \mathbb{R}^{n_l \times \ell}\); the
     *     entry for mode \(k\) is ignored and may be {@code null}; not modified
     * @param mode    0-based \(k\), or \(-1\) to use every mode (\(\Omega_d \odot \cdots \odot
     *     \Omega_1\), the order of \(\operatorname{vec}\mathcal X\))
     * @return a new \((\prod_{l \ne k} n_l) \times \ell\) matrix
     * @throws NullPointerException       if the list or a used factor is null
     * @throws IndexOutOfBoundsException  if {@code mode} is neither \(-1\) nor a valid index
     * @throws IllegalArgumentException   if the list is empty, or {@code mode = -1} with
     *     \(d = 0\)
     * @throws DimensionMismatchException if the column counts differ
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static DenseMatrix forUnfolding(List<DenseMatrix> perMode, int mode) {
        Objects.requireNonNull(perMode, "perMode");
        if (perMode.isEmpty()) {
            throw new IllegalArgumentException("forUnfolding needs one factor per mode, got none");
        }
        if (mode != -1) {
            Objects.checkIndex(mode, perMode.size());
        }
        List<DenseMatrix> reversed = new ArrayList<>();
        for (int l = perMode.size() - 1; l >= 0; l--) {
            if (l != mode) {
                reversed.add(Objects.requireNonNull(perMode.get(l), "perMode[" + l + "]"));
            }
        }
        if (reversed.isEmpty()) {
            DenseMatrix only = Objects.requireNonNull(perMode.get(mode), "perMode[" + mode + "]");
            DenseMatrix ones = DenseMatrix.zeros(1, only.cols());
            ones.fill(1.0);
            return ones;
        }
        return product(reversed);
    }

    /**
     * \(A_1 \odot \cdots \odot A_q\) as an operator that never forms the product. The factors are
     * split into a leading group and a trailing group (the split that minimises the sum of their row
     * counts \(M_L + M_R\)) whose explicit products \(K_L, K_R\) are formed once; then \((K_L \odot
     * K_R)x = \operatorname{vec}(K_R \operatorname{diag}(x) K_L^{\mathsf T})\) and \((K_L \odot
     * K_R)^{\mathsf T}y = \operatorname{diag}(K_R^{\mathsf T} Y K_L)\) for \(Y\) the \(M_R \times
     * M_L\) reshape of \(y\): one GEMM of \(2M\ell\) flops per vector, memory \((M_L + M_R)\ell\).
     *
     * @param factors \(A_1, \dots, A_q\), all with \(\ell\) columns; copied when the groups are formed
     * @return the \((\prod_i m_i) \times \ell\) operator
     * @throws NullPointerException       if the array or a factor is null
     * @throws IllegalArgumentException   if there are no factors
     * @throws DimensionMismatchException if the column counts differ
     * @throws SizeLimitExceededException if \(\prod_i m_i\) exceeds {@link Integer#MAX_VALUE}
     */
    public static LinearOperator operator(DenseMatrix... factors) {
        Objects.requireNonNull(factors, "factors");
        List<DenseMatrix> f = Arrays.asList(factors);
        int cols = check(f);
        long rows = 1;
        for (DenseMatrix a : f) {
            rows *= a.rows();
            if (rows > Integer.MAX_VALUE) {
                throw new SizeLimitExceededException(
                        "Khatri-Rao operator of " + shapes(f) + " has more than " + Integer.MAX_VALUE + " rows");
            }
        }
        int q = f.size();
        int split = 1;
        long best = Long.MAX_VALUE;
        for (int s = 1; s <= q; s++) {
            long left = 1;
            long right = 1;
            for (int i = 0; i < s; i++) {
                left *= f.get(i).rows();
            }
            for (int i = s; i < q; i++) {
                right *= f.get(i).rows();
            }
            if (left + right < best) {
                best = left + right;
                split = s;
            }
        }
        DenseMatrix kl = product(f.subList(0, split));
        DenseMatrix kr;
        if (split < q) {
            kr = product(f.subList(split, q));
        } else {
            kr = DenseMatrix.zeros(1, cols);
            kr.fill(1.0);
        }
        return new KhatriRaoOperator(kl, kr);
    }

    /** \(A \odot B\) for two matrices with equal column counts. */
    static DenseMatrix pair(DenseMatrix a, DenseMatrix b) {
        int ma = a.rows();
        int mb = b.rows();
        int l = a.cols();
        DenseMatrix out = DenseMatrix.zeros(ma * mb, l);
        double[] od = out.data();
        double[] ad = a.data();
        double[] bd = b.data();
        for (int c = 0; c < l; c++) {
            int oc = c * ma * mb;
            int ac = a.offset() + c * a.ld();
            int bc = b.offset() + c * b.ld();
            for (int i = 0; i < ma; i++) {
                double s = ad[ac + i];
                int o = oc + i * mb;
                for (int j = 0; j < mb; j++) {
                    od[o + j] = s * bd[bc + j];
                }
            }
        }
        return out;
    }

    private static int check(List<DenseMatrix> factors) {
        Objects.requireNonNull(factors, "factors");
        if (factors.isEmpty()) {
            throw new IllegalArgumentException("a Khatri-Rao product needs at least one factor, got 0");
        }
        for (int i = 0; i < factors.size(); i++) {
            Objects.requireNonNull(factors.get(i), "factors[" + i + "]");
        }
        int cols = factors.get(0).cols();
        for (DenseMatrix f : factors) {
            if (f.cols() != cols) {
                throw new DimensionMismatchException(
                        "Khatri-Rao factors must have the same number of columns, got " + shapes(factors));
            }
        }
        return cols;
    }

    private static String shapes(List<DenseMatrix> factors) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < factors.size(); i++) {
            DenseMatrix f = factors.get(i);
            sb.append(i == 0 ? "" : ", ").append(f.rows()).append('x').append(f.cols());
        }
        return sb.append(']').toString();
    }

    /** \(K_L \odot K_R\) applied through the reshape identities. */
    private static final class KhatriRaoOperator implements LinearOperator {
        private final DenseMatrix kl;
        private final DenseMatrix kr;
        private final int ml;
        private final int mr;
        private final int l;

        KhatriRaoOperator(DenseMatrix kl, DenseMatrix kr) {
            this.kl = kl;
            this.kr = kr;
            this.ml = kl.rows();
            this.mr = kr.rows();
            this.l = kl.cols();
        }

        @Override
        public int rows() {
            return ml * mr;
        }

        @Override
        public int cols() {
            return l;
        }

        @Override
        public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
            LinearOperator.checkApply(this, trans, x, y);
            int k = x.cols();
            if (!trans.isTranspose()) {
                // column c of Y, reshaped M_R x M_L, is K_R diag(x_c) K_L^T.
                DenseMatrix scaled = DenseMatrix.zeros(mr, l);
                for (int c = 0; c < k; c++) {
                    for (int r = 0; r < l; r++) {
                        double xr = x.get(r, c);
                        for (int i = 0; i < mr; i++) {
                            scaled.set(i, r, kr.get(i, r) * xr);
                        }
                    }
                    DenseMatrix yc = DenseMatrix.wrap(y.data(), y.offset() + c * y.ld(), mr, ml, mr);
                    Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, scaled, kl, 0.0, yc);
                }
            } else {
                // z_r = sum_{i,a} K_R[i, r] Y[i, a] K_L[a, r]: T = Y K_L, then column-wise dots with K_R.
                DenseMatrix t = DenseMatrix.zeros(mr, l);
                for (int c = 0; c < k; c++) {
                    DenseMatrix xc = DenseMatrix.wrap(x.data(), x.offset() + c * x.ld(), mr, ml, mr);
                    Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, xc, kl, 0.0, t);
                    for (int r = 0; r < l; r++) {
                        double s = 0;
                        for (int i = 0; i < mr; i++) {
                            s += kr.get(i, r) * t.get(i, r);
                        }
                        y.set(r, c, s);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "KhatriRao[" + rows() + "x" + cols() + "]";
        }
    }
}
