package dev.nla.tensor.tenalg;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.tensor.tensor.DenseTensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Mode-\(k\) unfolding (matricization) in the order of Kolda and Bader [Kolda and Bader 2009,
 * §2.4]: \(X_{(k)} \in \mathbb{R}^{n_k \times \prod_{l \ne k} n_l}\) with
 * \[ X_{(k)}[i_k,\; c] = x_{i_1 \dots i_d}, \qquad c = \sum_{l \ne k} i_l \prod_{m \lt l,\, m \ne k}
 * n_m, \]
 * i.e. the remaining indices are vectorized with the first fastest. For a Tucker tensor this gives
 * \(X_{(k)} = U_k\,G_{(k)}\,(U_d \otimes \cdots \otimes U_{k+1} \otimes U_{k-1} \otimes \cdots
 * \otimes U_1)^{\mathsf T}\), and the matching Khatri–Rao order is \(\Omega_d \odot \cdots \odot
 * \Omega_{k+1} \odot \Omega_{k-1} \odot \cdots \odot \Omega_1\) ({@link KhatriRao#forUnfolding}).
 *
 * <p>With the first index fastest, \(\mathcal X\) is a \(p \times n_k \times q\) array (\(p =
 * n_1\cdots n_{k-1}\), \(q = n_{k+1}\cdots n_d\)) and \(X_{(k)} = [X_1^{\mathsf T}, \dots,
 * X_q^{\mathsf T}]\) for its \(p \times n_k\) slabs \(X_j\). So \(X_{(1)}\) is a view ({@link
 * DenseTensor#modeOneUnfolding()}), the other unfoldings are copies ({@link #unfold}), and {@link
 * #operator} applies \(X_{(k)}\) and \(X_{(k)}^{\mathsf T}\) slab by slab without copying. Modes
 * are 0-based in the API.
 */
public final class Unfolding {
    private Unfolding() {}

    /**
     * The mode-\(k\) unfolding \(X_{(k)}\) as a new compact matrix.
     *
     * @param x    \(\mathcal X\); not modified
     * @param mode 0-based \(k\)
     * @return a new \(n_k \times (\prod_{l \ne k} n_l)\) matrix
     * @throws NullPointerException      if {@code x} is null
     * @throws IndexOutOfBoundsException if {@code mode} is not a mode of {@code x}
     */
    public static DenseMatrix unfold(DenseTensor x, int mode) {
        Objects.requireNonNull(x, "x");
        Objects.checkIndex(mode, x.order());
        int nk = x.size(mode);
        int p = leading(x.shape(), mode);
        int q = x.elementCount() / (p * nk);
        double[] src = x.data();
        double[] dst = new double[src.length];
        for (int j = 0; j < q; j++) {
            int base = j * p * nk;
            for (int a = 0; a < p; a++) {
                int col = a + p * j;
                int out = col * nk;
                for (int i = 0; i < nk; i++) {
                    dst[out + i] = src[base + a + p * i];
                }
            }
        }
        return DenseMatrix.wrap(nk, src.length / nk, dst);
    }

    /**
     * The transposed unfolding \(X_{(k)}^{\mathsf T} \in \mathbb{R}^{(\prod_{l \ne k} n_l) \times
     * n_k}\) as a new compact matrix (one contiguous copy per slab column; this is the tall matrix
     * whose QR factorization gives the left singular vectors of \(X_{(k)}\)).
     *
     * @param x    \(\mathcal X\); not modified
     * @param mode 0-based \(k\)
     * @return a new \((\prod_{l \ne k} n_l) \times n_k\) matrix
     * @throws NullPointerException      if {@code x} is null
     * @throws IndexOutOfBoundsException if {@code mode} is not a mode of {@code x}
     */
    public static DenseMatrix unfoldTransposed(DenseTensor x, int mode) {
        Objects.requireNonNull(x, "x");
        Objects.checkIndex(mode, x.order());
        int nk = x.size(mode);
        int p = leading(x.shape(), mode);
        int q = x.elementCount() / (p * nk);
        int rows = p * q;
        double[] src = x.data();
        double[] dst = new double[src.length];
        for (int i = 0; i < nk; i++) {
            for (int j = 0; j < q; j++) {
                System.arraycopy(src, j * p * nk + p * i, dst, i * rows + j * p, p);
            }
        }
        return DenseMatrix.wrap(rows, nk, dst);
    }

    /**
     * The inverse of {@link #unfold}: the tensor of the given shape whose mode-\(k\) unfolding is
     * {@code a}.
     *
     * @param a     \(X_{(k)}\), \(n_k \times \prod_{l \ne k} n_l\) (any view); not modified
     * @param mode  0-based \(k\)
     * @param shape \((n_1, \dots, n_d)\); not modified
     * @return a new tensor
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a mode size is below 1
     * @throws IndexOutOfBoundsException  if {@code mode} is not a mode of the shape
     * @throws DimensionMismatchException if {@code a} does not have the unfolding's shape
     */
    public static DenseTensor fold(DenseMatrix a, int mode, int... shape) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(shape, "shape");
        DenseTensor x = DenseTensor.zeros(shape);
        Objects.checkIndex(mode, shape.length);
        int nk = shape[mode];
        if (a.rows() != nk || (long) a.rows() * a.cols() != x.elementCount()) {
            throw new DimensionMismatchException("fold: a is " + a.shape() + " but the mode-" + (mode + 1)
                    + " unfolding of shape " + Arrays.toString(shape) + " is " + nk + "x"
                    + (x.elementCount() / nk));
        }
        int p = leading(shape, mode);
        int q = x.elementCount() / (p * nk);
        double[] dst = x.data();
        double[] src = a.data();
        int off = a.offset();
        int ld = a.ld();
        for (int j = 0; j < q; j++) {
            int base = j * p * nk;
            for (int c = 0; c < p; c++) {
                int col = off + (c + p * j) * ld;
                for (int i = 0; i < nk; i++) {
                    dst[base + c + p * i] = src[col + i];
                }
            }
        }
        return x;
    }

    /**
     * \(X_{(k)}\) as a matrix-free operator (\(n_k \times \prod_{l \ne k} n_l\)) that shares the
     * tensor's storage: \(X_{(k)}V = \sum_j X_j^{\mathsf T} V_j\) and \(X_{(k)}^{\mathsf T}W\) has
     * blocks \(X_j W\), one GEMM per slab (\(2\prod_l n_l\) flops per vector), no temporary. This is
     * how a sketching operator from {@code dev.nla.sketch} (e.g. a Gaussian test matrix) sketches an
     * unfolding without forming it.
     *
     * @param x    \(\mathcal X\); shared, not modified by the operator
     * @param mode 0-based \(k\)
     * @return the operator
     * @throws NullPointerException      if {@code x} is null
     * @throws IndexOutOfBoundsException if {@code mode} is not a mode of {@code x}
     */
    public static LinearOperator operator(DenseTensor x, int mode) {
        Objects.requireNonNull(x, "x");
        Objects.checkIndex(mode, x.order());
        return new UnfoldingOperator(x, mode);
    }

    static int leading(int[] shape, int mode) {
        int p = 1;
        for (int l = 0; l < mode; l++) {
            p *= shape[l];
        }
        return p;
    }

    /** \(X_{(k)}\) applied slab by slab. */
    private static final class UnfoldingOperator implements LinearOperator {
        private final DenseTensor x;
        private final int mode;
        private final int nk;
        private final int p;
        private final int q;

        UnfoldingOperator(DenseTensor x, int mode) {
            this.x = x;
            this.mode = mode;
            this.nk = x.size(mode);
            this.p = leading(x.shape(), mode);
            this.q = x.elementCount() / (p * nk);
        }

        @Override
        public int rows() {
            return nk;
        }

        @Override
        public int cols() {
            return p * q;
        }

        @Override
        public void apply(Transpose trans, DenseMatrix v, DenseMatrix y) {
            apply(trans, 1.0, v, 0.0, y);
        }

        @Override
        public void apply(Transpose trans, double alpha, DenseMatrix v, double beta, DenseMatrix y) {
            LinearOperator.checkApply(this, trans, v, y);
            double[] d = x.data();
            if (y.data() == d) {
                throw new IllegalArgumentException("apply: the output y shares storage with the unfolded tensor");
            }
            if (p == 1) {
                DenseMatrix x1 = DenseMatrix.wrap(d, 0, nk, q, nk);
                Blas.gemm(trans, Transpose.NO_TRANSPOSE, alpha, x1, v, beta, y);
                return;
            }
            int k = v.cols();
            if (!trans.isTranspose()) {
                // Y = sum_j X_j^T V_j, V_j = rows [j p, (j + 1) p) of V.
                for (int j = 0; j < q; j++) {
                    DenseMatrix xj = DenseMatrix.wrap(d, j * p * nk, p, nk, p);
                    DenseMatrix vj = v.view(j * p, 0, p, k);
                    Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, xj, vj, j == 0 ? beta : 1.0, y);
                }
            } else {
                // Rows [j p, (j + 1) p) of Y are X_j W.
                for (int j = 0; j < q; j++) {
                    DenseMatrix xj = DenseMatrix.wrap(d, j * p * nk, p, nk, p);
                    DenseMatrix yj = y.view(j * p, 0, p, k);
                    Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, xj, v, beta, yj);
                }
            }
        }

        @Override
        public String toString() {
            return "Unfolding[mode " + (mode + 1) + " of " + x + "]";
        }
    }
}
