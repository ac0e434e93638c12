package dev.nla.tensor.sum;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tenalg.Mttkrp;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The structured kernels of the sketched summations, acting on the summands of a {@link TuckerSum}
 * and never on an \(n^d\) tensor or the \((sr)^d\) formal core.
 *
 * <ul>
 *   <li>{@link #unfoldingSketches}: the Khatri–Rao sketch of every unfolding,
 *       \[ Y_k = X_{(k)}\Bigl(\textstyle\bigodot_{l \ne k}\Omega_l\Bigr) = \sum_j \alpha_j
 *       U_j^{(k)}\,\operatorname{MTTKRP}\bigl(\mathcal G_j, \{U_j^{(l)\mathsf T}\Omega_l\}_{l \ne
 *       k}, k\bigr), \]
 *       by the identity \((A_1 \otimes A_2)(B_1 \odot B_2) = (A_1B_1) \odot (A_2B_2)\) applied to
 *       \(X_{(k)} = \sum_j \alpha_jU_j^{(k)}G_{j,(k)}(\bigotimes_{l \ne k}U_j^{(l)})^{\mathsf T}\). Per
 *       summand: \(d\) GEMMs \(W_l = U_j^{(l)\mathsf T}\Omega_l\) (\(2\sum_l n_lr_l\ell\) flops), one
 *       dimension-tree MTTKRP on the core for all modes (\(4\ell\prod_l r_l\)), and \(d\)
 *       accumulating GEMMs (\(2\sum_k n_kr_k\ell\)): linear in \(s\), memory \(O(\ell\sum_k n_k +
 *       \ell\prod r)\).
 *   <li>{@link #projectCore}: \(\mathcal C = \sum_j \alpha_j \mathcal G_j \times_1 (Q_1^{\mathsf
 *       T}U_j^{(1)}) \cdots \times_d (Q_d^{\mathsf T}U_j^{(d)})\), the core of the orthogonal
 *       projection \(\mathcal X \times_1 Q_1Q_1^{\mathsf T} \cdots \times_d Q_dQ_d^{\mathsf T}\);
 *       also the Kronecker core sketch \(\mathcal Z = \sum_j\alpha_j\mathcal G_j \times_k (\Phi_kU_j^{(k)})\)
 *       when given \(\Phi_k\) in place of \(Q_k^{\mathsf T}\) ({@link #multilinearSum}). The last mode
 *       product of each summand accumulates into \(\mathcal C\) directly.
 * </ul>
 *
 * <p>All are deterministic given their inputs (the randomness is in the \(\Omega_l\) the caller
 * draws); inputs are not scanned for NaN (the strategies scan once).
 */
public final class TuckerSketches {
    private TuckerSketches() {}

    /**
     * The Khatri–Rao sketches \(Y_k = X_{(k)}(\bigodot_{l \ne k}\Omega_l)\) of every unfolding.
     *
     * @param x     the sum; not modified
     * @param omega \(\Omega_1, \dots, \Omega_d\), \(\Omega_l \in \mathbb{R}^{n_l \times \ell}\); not
     *     modified
     * @return \(d\) new matrices, \(Y_k \in \mathbb{R}^{n_k \times \ell}\)
     * @throws NullPointerException       if an argument or a matrix is null
     * @throws DimensionMismatchException if the \(\Omega_l\) do not fit the mode sizes or differ in
     *     column count
     */
    public static List<DenseMatrix> unfoldingSketches(TuckerSum x, List<DenseMatrix> omega) {
        int ell = checkOmega(x, omega, -1);
        int d = x.order();
        List<DenseMatrix> y = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            y.add(DenseMatrix.zeros(x.modeSize(k), ell));
        }
        List<DenseMatrix> w = new ArrayList<>(d);
        for (int j = 0; j < x.size(); j++) {
            double a = x.alpha(j);
            if (a == 0) {
                continue;
            }
            TuckerTensor t = x.term(j);
            w.clear();
            for (int l = 0; l < d; l++) {
                w.add(Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, t.factor(l), omega.get(l)));
            }
            List<DenseMatrix> m = Mttkrp.mttkrpAll(t.core(), w);
            for (int k = 0; k < d; k++) {
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, a, t.factor(k), m.get(k), 1.0, y.get(k));
            }
        }
        return y;
    }

    /**
     * The Khatri–Rao sketch \(Y_k = X_{(k)}(\bigodot_{l \ne k}\Omega_l)\) of one unfolding.
     *
     * @param x     the sum; not modified
     * @param omega \(\Omega_1, \dots, \Omega_d\); the entry for mode \(k\) is not used and may be
     *     {@code null}; not modified
     * @param mode  0-based \(k\)
     * @return a new \(n_k \times \ell\) matrix
     * @throws NullPointerException       if an argument or a used matrix is null
     * @throws IndexOutOfBoundsException  if {@code mode} is not a mode of the sum
     * @throws DimensionMismatchException if the \(\Omega_l\) do not fit
     */
    public static DenseMatrix unfoldingSketch(TuckerSum x, List<DenseMatrix> omega, int mode) {
        Objects.requireNonNull(x, "x");
        Objects.checkIndex(mode, x.order());
        int ell = checkOmega(x, omega, mode);
        int d = x.order();
        DenseMatrix y = DenseMatrix.zeros(x.modeSize(mode), ell);
        List<DenseMatrix> w = new ArrayList<>(d);
        for (int j = 0; j < x.size(); j++) {
            double a = x.alpha(j);
            if (a == 0) {
                continue;
            }
            TuckerTensor t = x.term(j);
            w.clear();
            for (int l = 0; l < d; l++) {
                w.add(
                        l == mode
                                ? null
                                : Blas.multiply(
                                        Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, t.factor(l), omega.get(l)));
            }
            if (d == 1) {
                w.set(0, DenseMatrix.zeros(t.rank(0), ell));
            }
            DenseMatrix m = Mttkrp.mttkrp(t.core(), w, mode);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, a, t.factor(mode), m, 1.0, y);
        }
        return y;
    }

    /**
     * The core \(\mathcal C = \sum_j \alpha_j \mathcal G_j \times_1 (Q_1^{\mathsf T}U_j^{(1)}) \cdots
     * \times_d (Q_d^{\mathsf T}U_j^{(d)})\) of the projection of the sum onto the bases \(Q_k\).
     *
     * @param x     the sum; not modified
     * @param bases \(Q_1, \dots, Q_d\), \(Q_k \in \mathbb{R}^{n_k \times q_k}\) (orthonormal for the
     *     projection interpretation; any matrices work); not modified
     * @return a new \(q_1 \times \cdots \times q_d\) tensor
     * @throws NullPointerException       if an argument or a basis is null
     * @throws DimensionMismatchException if a basis does not have \(n_k\) rows
     */
    public static DenseTensor projectCore(TuckerSum x, List<DenseMatrix> bases) {
        return multilinearSum(x, bases, Transpose.TRANSPOSE);
    }

    /**
     * \(\sum_j \alpha_j \mathcal G_j \times_1 (\operatorname{op}(A_1)U_j^{(1)}) \cdots \times_d
     * (\operatorname{op}(A_d)U_j^{(d)})\), i.e. \(\mathcal X \times_1 \operatorname{op}(A_1) \cdots
     * \times_d \operatorname{op}(A_d)\) computed summand by summand on the small cores.
     *
     * @param x        the sum; not modified
     * @param matrices \(A_1, \dots, A_d\) with \(\operatorname{op}(A_k) \in \mathbb{R}^{q_k \times
     *     n_k}\); not modified
     * @param trans    {@code op}
     * @return a new \(q_1 \times \cdots \times q_d\) tensor
     * @throws NullPointerException       if an argument or a matrix is null
     * @throws DimensionMismatchException if a matrix does not have \(n_k\) columns after {@code op}
     */
    public static DenseTensor multilinearSum(TuckerSum x, List<DenseMatrix> matrices, Transpose trans) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(matrices, "matrices");
        Objects.requireNonNull(trans, "trans");
        int d = x.order();
        if (matrices.size() != d) {
            throw new DimensionMismatchException(
                    matrices.size() + " matrices for a sum of order " + d + "; need one per mode");
        }
        int[] q = new int[d];
        for (int k = 0; k < d; k++) {
            DenseMatrix a = Objects.requireNonNull(matrices.get(k), "matrices[" + k + "]");
            int cols = trans.isTranspose() ? a.rows() : a.cols();
            if (cols != x.modeSize(k)) {
                throw new DimensionMismatchException("matrix " + (k + 1) + " is " + a.rows() + "x" + a.cols() + " ("
                        + trans + ") but mode " + (k + 1) + " has size " + x.modeSize(k));
            }
            q[k] = trans.isTranspose() ? a.cols() : a.rows();
        }
        DenseTensor c = DenseTensor.zeros(q);
        boolean first = true;
        List<DenseMatrix> v = new ArrayList<>(d);
        for (int j = 0; j < x.size(); j++) {
            double a = x.alpha(j);
            if (a == 0) {
                continue;
            }
            TuckerTensor t = x.term(j);
            v.clear();
            for (int k = 0; k < d; k++) {
                v.add(Blas.multiply(trans, Transpose.NO_TRANSPOSE, matrices.get(k), t.factor(k)));
            }
            ModeProducts.multiplyAll(a, t.core(), Transpose.NO_TRANSPOSE, v, first ? 0.0 : 1.0, c);
            first = false;
        }
        return c;
    }

    private static int checkOmega(TuckerSum x, List<DenseMatrix> omega, int skip) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(omega, "omega");
        int d = x.order();
        if (omega.size() != d) {
            throw new DimensionMismatchException(
                    omega.size() + " test matrices for a sum of order " + d + "; need one per mode");
        }
        int ell = -1;
        for (int l = 0; l < d; l++) {
            if (l == skip && d > 1) {
                continue;
            }
            DenseMatrix o = Objects.requireNonNull(omega.get(l), "omega[" + l + "]");
            if (o.rows() != x.modeSize(l) || (ell >= 0 && o.cols() != ell)) {
                int[] shapes = new int[2 * d];
                for (int i = 0; i < d; i++) {
                    DenseMatrix oi = omega.get(i);
                    shapes[2 * i] = oi == null ? -1 : oi.rows();
                    shapes[2 * i + 1] = oi == null ? -1 : oi.cols();
                }
                throw new DimensionMismatchException("test matrix " + (l + 1) + " is " + o.rows() + "x" + o.cols()
                        + " but the mode sizes are " + Arrays.toString(x.modeSizes())
                        + " and all test matrices need the same column count (rows, cols per mode: "
                        + Arrays.toString(shapes) + ")");
            }
            ell = o.cols();
        }
        return ell;
    }
}
