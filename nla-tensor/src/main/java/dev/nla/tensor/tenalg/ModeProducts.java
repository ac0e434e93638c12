package dev.nla.tensor.tenalg;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tensor.DenseTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Mode-\(k\) products \(\mathcal Y = \mathcal X \times_k A\), \(A \in \mathbb{R}^{m \times n_k}\):
 * \[ y_{i_1 \dots i_{k-1}\, i\, i_{k+1} \dots i_d} = \sum_{j=1}^{n_k} a_{ij}\, x_{i_1 \dots i_{k-1}\,
 * j\, i_{k+1} \dots i_d}, \qquad Y_{(k)} = A X_{(k)} \]
 * [Kolda and Bader 2009, §2.5], computed as GEMMs on reshaped arrays without unfolding: with the
 * first index fastest, \(\mathcal X\) is a \(p \times n_k \times q\) array (\(p = n_1 \cdots
 * n_{k-1}\), \(q = n_{k+1} \cdots n_d\)), and each of its \(q\) slabs is a column-major \(p \times
 * n_k\) matrix \(X_j\) with \(Y_j = X_j A^{\mathsf T}\). For \(k = 1\) (\(p = 1\)) this is one GEMM
 * \(A\,X_{(1)}\), for \(k = d\) (\(q = 1\)) one GEMM \(X A^{\mathsf T}\); otherwise \(q\) GEMMs.
 * Cost \(2\,m \prod_l n_l\) flops; no temporary.
 *
 * <p>Every GEMM obeys the componentwise bound \(|\hat{\mathcal Y} - \mathcal Y| \le \gamma_{n_k}
 * |A| \times_k |\mathcal X|\) [Higham 2002, §3.5]. Inputs are not scanned for NaN (kernel policy).
 * Modes are 0-based in the API (mode {@code k} is \(k+1\) in the formulas).
 */
public final class ModeProducts {
    private ModeProducts() {}

    /**
     * \(\mathcal X \times_k A\) in a new tensor.
     *
     * @param x    \(\mathcal X\), \(n_1 \times \cdots \times n_d\); not modified
     * @param a    \(A\), \(m \times n_k\) with \(m \ge 1\); not modified
     * @param mode 0-based \(k\)
     * @return a new tensor with mode \(k\) of size \(m\)
     * @throws NullPointerException       if an argument is null
     * @throws IndexOutOfBoundsException  if {@code mode} is not a mode of {@code x}
     * @throws DimensionMismatchException if {@code a.cols() != n_k}
     * @throws IllegalArgumentException   if {@code a} has no rows
     */
    public static DenseTensor multiply(DenseTensor x, DenseMatrix a, int mode) {
        return multiply(x, Transpose.NO_TRANSPOSE, a, mode);
    }

    /**
     * \(\mathcal X \times_k \operatorname{op}(A)\) in a new tensor, \(\operatorname{op}(A) \in \{A,
     * A^{\mathsf T}\}\) of size \(m \times n_k\).
     *
     * @param x     \(\mathcal X\); not modified
     * @param trans {@code op}
     * @param a     \(A\); not modified
     * @param mode  0-based \(k\)
     * @return a new tensor with mode \(k\) of size \(m\)
     * @throws NullPointerException       if an argument is null
     * @throws IndexOutOfBoundsException  if {@code mode} is not a mode of {@code x}
     * @throws DimensionMismatchException if \(\operatorname{op}(A)\) does not have \(n_k\) columns
     * @throws IllegalArgumentException   if \(\operatorname{op}(A)\) has no rows
     */
    public static DenseTensor multiply(DenseTensor x, Transpose trans, DenseMatrix a, int mode) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(a, "a");
        Objects.checkIndex(mode, x.order());
        int[] shape = x.shape();
        shape[mode] = trans.isTranspose() ? a.cols() : a.rows();
        DenseTensor y = DenseTensor.zeros(shape);
        multiply(1.0, x, trans, a, mode, 0.0, y);
        return y;
    }

    /**
     * The GEMM-shaped form \(\mathcal Y \leftarrow \alpha\,\mathcal X \times_k \operatorname{op}(A) +
     * \beta\,\mathcal Y\).
     *
     * @param alpha scale of the product
     * @param x     \(\mathcal X\); not modified
     * @param trans {@code op}
     * @param a     \(A\), with \(\operatorname{op}(A)\) of size \(m \times n_k\); not modified
     * @param mode  0-based \(k\)
     * @param beta  scale of the old \(\mathcal Y\); if 0, \(\mathcal Y\) is not read
     * @param y     \(\mathcal Y\), the shape of \(\mathcal X\) with \(n_k\) replaced by \(m\);
     *     overwritten; must not share storage with {@code x} or {@code a}
     * @throws NullPointerException       if an argument is null
     * @throws IndexOutOfBoundsException  if {@code mode} is not a mode of {@code x}
     * @throws DimensionMismatchException if the shapes do not fit (the message shows all three)
     * @throws IllegalArgumentException   if {@code y} shares storage with an input
     */
    public static void multiply(
            double alpha, DenseTensor x, Transpose trans, DenseMatrix a, int mode, double beta, DenseTensor y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(y, "y");
        Objects.checkIndex(mode, x.order());
        int m = trans.isTranspose() ? a.cols() : a.rows();
        int nk = trans.isTranspose() ? a.rows() : a.cols();
        int[] xs = x.shape();
        int[] ys = y.shape();
        boolean ok = nk == xs[mode] && ys.length == xs.length && ys[mode] == m;
        for (int l = 0; ok && l < xs.length; l++) {
            ok = l == mode || xs[l] == ys[l];
        }
        if (!ok) {
            throw new DimensionMismatchException("mode product in mode " + (mode + 1) + ": x has shape "
                    + Arrays.toString(xs) + ", op(a) is " + m + "x" + nk + " (a " + a.shape() + ", " + trans
                    + "), y has shape " + Arrays.toString(ys) + "; need op(a) with n_" + (mode + 1) + " = "
                    + xs[mode] + " columns and y of shape x with n_" + (mode + 1) + " replaced by " + m);
        }
        if (x.data() == y.data() || a.data() == y.data()) {
            throw new IllegalArgumentException("mode product: the output y shares storage with an input");
        }
        int p = 1;
        for (int l = 0; l < mode; l++) {
            p *= xs[l];
        }
        int q = x.elementCount() / (p * xs[mode]);
        Transpose other = trans.isTranspose() ? Transpose.NO_TRANSPOSE : Transpose.TRANSPOSE;
        double[] xd = x.data();
        double[] yd = y.data();
        if (p == 1) {
            // Y_(1) = op(A) X_(1): one GEMM.
            DenseMatrix xm = DenseMatrix.wrap(xd, 0, nk, q, nk);
            DenseMatrix ym = DenseMatrix.wrap(yd, 0, m, q, m);
            Blas.gemm(trans, Transpose.NO_TRANSPOSE, alpha, a, xm, beta, ym);
            return;
        }
        for (int j = 0; j < q; j++) {
            DenseMatrix xj = DenseMatrix.wrap(xd, j * p * nk, p, nk, p);
            DenseMatrix yj = DenseMatrix.wrap(yd, j * p * m, p, m, p);
            Blas.gemm(Transpose.NO_TRANSPOSE, other, alpha, xj, a, beta, yj);
        }
    }

    /**
     * The multilinear product \(\mathcal X \times_1 \operatorname{op}(A_1) \times_2 \cdots \times_d
     * \operatorname{op}(A_d)\), skipping the modes whose matrix is {@code null}.
     *
     * <p>The modes are applied in the order that minimises the flop count: mode \(i\) before mode
     * \(j\) when \(1/m_i - 1/n_i \ge 1/m_j - 1/n_j\) (an exchange argument on the cost \(2S m_k\) of
     * one product on a tensor of \(S\) entries shows this order is optimal). Temporaries: one tensor
     * per applied mode except the last.
     *
     * @param x        \(\mathcal X\); not modified
     * @param trans    {@code op}, the same for every matrix
     * @param matrices one entry per mode: \(A_k\) with \(\operatorname{op}(A_k)\) of size \(m_k \times
     *     n_k\), or {@code null} to leave mode \(k\) alone; not modified
     * @return a new tensor (a copy of \(\mathcal X\) if every entry is {@code null})
     * @throws NullPointerException       if {@code x}, {@code trans} or the list is null
     * @throws DimensionMismatchException if the list does not have one entry per mode or a matrix
     *     does not fit its mode
     */
    public static DenseTensor multiplyAll(DenseTensor x, Transpose trans, List<DenseMatrix> matrices) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(matrices, "matrices");
        if (matrices.size() != x.order()) {
            throw new DimensionMismatchException("multiplyAll: " + matrices.size() + " matrices for a tensor of order "
                    + x.order() + "; need one entry (or null) per mode");
        }
        List<Integer> order = order(x.shape(), trans, matrices);
        DenseTensor current = x;
        for (int k : order) {
            current = multiply(current, trans, matrices.get(k), k);
        }
        return current == x ? x.copy() : current;
    }

    /**
     * The accumulating multilinear product \(\mathcal Y \leftarrow \alpha\,\mathcal X \times_1
     * \operatorname{op}(A_1) \cdots \times_d \operatorname{op}(A_d) + \beta\mathcal Y\), every mode
     * transformed. The last product writes into \(\mathcal Y\) directly, so summing many terms into
     * one \(\mathcal Y\) allocates only the intermediate tensors.
     *
     * @param alpha    scale of the product
     * @param x        \(\mathcal X\); not modified
     * @param trans    {@code op}, the same for every matrix
     * @param matrices one non-null matrix per mode, \(\operatorname{op}(A_k)\) of size \(m_k \times
     *     n_k\); not modified
     * @param beta     scale of the old \(\mathcal Y\); if 0, \(\mathcal Y\) is not read
     * @param y        \(\mathcal Y\), \(m_1 \times \cdots \times m_d\); overwritten; must not share
     *     storage with an input
     * @throws NullPointerException       if an argument or a matrix is null
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws IllegalArgumentException   if {@code y} shares storage with an input
     */
    public static void multiplyAll(
            double alpha, DenseTensor x, Transpose trans, List<DenseMatrix> matrices, double beta, DenseTensor y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(matrices, "matrices");
        Objects.requireNonNull(y, "y");
        if (matrices.size() != x.order()) {
            throw new DimensionMismatchException("multiplyAll: " + matrices.size() + " matrices for a tensor of order "
                    + x.order() + "; need one per mode");
        }
        for (int k = 0; k < matrices.size(); k++) {
            Objects.requireNonNull(matrices.get(k), "matrices[" + k + "]");
        }
        List<Integer> order = order(x.shape(), trans, matrices);
        DenseTensor current = x;
        for (int i = 0; i < order.size() - 1; i++) {
            int k = order.get(i);
            current = multiply(current, trans, matrices.get(k), k);
        }
        int last = order.get(order.size() - 1);
        multiply(alpha, current, trans, matrices.get(last), last, beta, y);
    }

    private static List<Integer> order(int[] shape, Transpose trans, List<DenseMatrix> matrices) {
        List<Integer> modes = new ArrayList<>();
        double[] key = new double[shape.length];
        for (int k = 0; k < shape.length; k++) {
            DenseMatrix a = matrices.get(k);
            if (a != null) {
                int m = trans.isTranspose() ? a.cols() : a.rows();
                key[k] = 1.0 / Math.max(m, 1) - 1.0 / shape[k];
                modes.add(k);
            }
        }
        modes.sort(Comparator.comparingDouble((Integer k) -> -key[k]).thenComparingInt(k -> k));
        return modes;
    }
}
