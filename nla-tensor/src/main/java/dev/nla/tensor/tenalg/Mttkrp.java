package dev.nla.tensor.tenalg;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tensor.DenseTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Matricized tensor times Khatri–Rao product (MTTKRP): for \(\mathcal X \in \mathbb{R}^{n_1 \times
 * \cdots \times n_d}\) and \(W_l \in \mathbb{R}^{n_l \times \ell}\),
 * \[ Y_k = X_{(k)} \Bigl(\textstyle\bigodot_{l \ne k} W_l\Bigr) \in \mathbb{R}^{n_k \times \ell},
 * \qquad Y_k[a, c] = \sum_{i_l,\, l \ne k} x_{i_1 \dots a \dots i_d} \prod_{l \ne k} W_l[i_l, c], \]
 * with the Khatri–Rao product in the order of the unfolding ({@link KhatriRao#forUnfolding}). In
 * the sketched Tucker summation the tensor is a small core \(\mathcal G_j\) and \(W_l = U_j^{(l)\mathsf
 * T}\Omega_l\), so that \(X_{(k)}\Omega_k = \sum_j \alpha_j U_j^{(k)} \operatorname{MTTKRP}(\mathcal
 * G_j, \{W_{j,l}\}, k)\) never touches an \(n^d\) object.
 *
 * <p><b>One mode</b> ({@link #mttkrp}): with \(\mathcal X\) a \(p \times n_k \times q\) array, the
 * larger of the two sides is contracted by one GEMM on a matrix view of the storage (\(X\) as a
 * \(pn_k \times q\) matrix times \(K_{\gt} = \bigodot_{l \gt k} W_l\), or \(X^{\mathsf T}\) as
 * \(n_kq \times p\) times \(K_{\lt}\)), \(2\ell\prod_l n_l\) flops; the other side is an elementwise
 * multiply-and-reduce of \(2\ell\, n_k \min(p, q)\) flops. Temporaries: the two partial Khatri–Rao
 * products and the GEMM result.
 *
 * <p><b>All modes</b> ({@link #mttkrpAll}) with a two-level dimension tree [Phan, Tichavský and
 * Cichocki 2013]: the modes are split into a leading group \(L\) and a trailing group \(R\);
 * \(T_L = X_{(L \times R)} K_R\) and \(T_R = X_{(L \times R)}^{\mathsf T} K_L\) are two GEMMs
 * shared by all modes (instead of one per mode), and each \(Y_k\) is then reduced from the
 * \(T\) of its group elementwise. The flop count is \(4\ell\prod_l n_l\) plus lower-order terms
 * instead of \(2d\,\ell\prod_l n_l\).
 *
 * <p>Accuracy: every entry is a sum of products, computed with GEMM error bounds; the result
 * satisfies \(|\hat Y_k - Y_k| \le \gamma_{N} |X_{(k)}|\,|\bigodot_{l \ne k}W_l|\) componentwise,
 * \(N = \prod_{l \ne k} n_l\) (by the standard bound for a sum of \(N\) products of \(d\) factors,
 * [Higham 2002, §3.1]). Inputs are not scanned for NaN (kernel policy).
 */
public final class Mttkrp {
    private Mttkrp() {}

    /**
     * \(Y_k = X_{(k)}(\bigodot_{l \ne k} W_l)\) for one mode.
     *
     * @param x       \(\mathcal X\); not modified
     * @param factors \(W_1, \dots, W_d\), \(W_l \in \mathbb{R}^{n_l \times \ell}\); the entry for
     *     mode \(k\) is not used and may be {@code null} (it must then be given for another mode to
     *     fix \(\ell\)); not modified
     * @param mode    0-based \(k\)
     * @return a new \(n_k \times \ell\) matrix
     * @throws NullPointerException       if an argument or a used factor is null
     * @throws IndexOutOfBoundsException  if {@code mode} is not a mode of {@code x}
     * @throws DimensionMismatchException if the list does not have one entry per mode, a factor has
     *     the wrong number of rows, or the column counts differ
     * @throws IllegalArgumentException   if \(d = 1\) and the only factor is {@code null} (then
     *     \(\ell\) is unknown)
     */
    public static DenseMatrix mttkrp(DenseTensor x, List<DenseMatrix> factors, int mode) {
        Objects.requireNonNull(x, "x");
        Objects.checkIndex(mode, x.order());
        int l = check(x, factors, mode);
        int[] n = x.shape();
        int nk = n[mode];
        int p = Unfolding.leading(n, mode);
        int q = x.elementCount() / (p * nk);
        double[] xd = x.data();
        boolean hasLower = mode > 0;
        boolean hasUpper = mode < n.length - 1;
        if (!hasLower && !hasUpper) {
            DenseMatrix y = DenseMatrix.zeros(nk, l);
            for (int c = 0; c < l; c++) {
                System.arraycopy(xd, 0, y.data(), c * nk, nk);
            }
            return y;
        }
        List<DenseMatrix> lower = factors.subList(0, mode);
        List<DenseMatrix> upper = factors.subList(mode + 1, factors.size());
        if (hasUpper && (q >= p || !hasLower)) {
            DenseMatrix kq = KhatriRao.forUnfolding(upper, -1);
            DenseMatrix t = DenseMatrix.zeros(p * nk, l);
            Blas.gemm(
                    Transpose.NO_TRANSPOSE,
                    Transpose.NO_TRANSPOSE,
                    1.0,
                    DenseMatrix.wrap(xd, 0, p * nk, q, p * nk),
                    kq,
                    0.0,
                    t);
            return hasLower ? reduceLeading(t, p, nk, KhatriRao.forUnfolding(lower, -1)) : t;
        }
        DenseMatrix kp = KhatriRao.forUnfolding(lower, -1);
        DenseMatrix t = DenseMatrix.zeros(nk * q, l);
        Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, DenseMatrix.wrap(xd, 0, p, nk * q, p), kp, 0.0, t);
        return hasUpper ? reduceTrailing(t, nk, q, KhatriRao.forUnfolding(upper, -1)) : t;
    }

    /**
     * \(Y_k\) for every mode \(k\) at once, sharing two GEMMs through a dimension tree (see the class
     * comment).
     *
     * @param x       \(\mathcal X\); not modified
     * @param factors \(W_1, \dots, W_d\), all non-null, \(W_l \in \mathbb{R}^{n_l \times \ell}\); not
     *     modified
     * @return a new list of \(d\) matrices, entry \(k\) being \(Y_k \in \mathbb{R}^{n_k \times \ell}\)
     * @throws NullPointerException       if an argument or a factor is null
     * @throws DimensionMismatchException if the list does not have one entry per mode, a factor has
     *     the wrong number of rows, or the column counts differ
     */
    public static List<DenseMatrix> mttkrpAll(DenseTensor x, List<DenseMatrix> factors) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(factors, "factors");
        for (int k = 0; k < factors.size(); k++) {
            Objects.requireNonNull(factors.get(k), "factors[" + k + "]");
        }
        int l = check(x, factors, -1);
        int d = x.order();
        int[] n = x.shape();
        List<DenseMatrix> out = new ArrayList<>(d);
        if (d == 1) {
            out.add(mttkrp(x, factors, 0));
            return out;
        }
        // Split minimising the sizes of the partial Khatri-Rao products and GEMM outputs.
        int split = 1;
        long best = Long.MAX_VALUE;
        for (int s = 1; s < d; s++) {
            long left = 1;
            long right = 1;
            for (int i = 0; i < s; i++) {
                left *= n[i];
            }
            for (int i = s; i < d; i++) {
                right *= n[i];
            }
            if (left + right < best) {
                best = left + right;
                split = s;
            }
        }
        int ml = Unfolding.leading(n, split);
        int mr = x.elementCount() / ml;
        DenseMatrix xm = DenseMatrix.wrap(x.data(), 0, ml, mr, ml);
        DenseMatrix kl = KhatriRao.forUnfolding(factors.subList(0, split), -1);
        DenseMatrix kr = KhatriRao.forUnfolding(factors.subList(split, d), -1);
        DenseMatrix tl = DenseMatrix.zeros(ml, l);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, xm, kr, 0.0, tl);
        DenseMatrix tr = DenseMatrix.zeros(mr, l);
        Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, xm, kl, 0.0, tr);
        int[] leftShape = Arrays.copyOfRange(n, 0, split);
        int[] rightShape = Arrays.copyOfRange(n, split, d);
        for (int k = 0; k < split; k++) {
            out.add(reduceGroup(tl, leftShape, factors.subList(0, split), k));
        }
        for (int k = split; k < d; k++) {
            out.add(reduceGroup(tr, rightShape, factors.subList(split, d), k - split));
        }
        return out;
    }

    /**
     * For a batched tensor \(T\) (rows: a group of modes with shape {@code g}, first fastest;
     * columns: \(\ell\)), contracts column \(c\) with \(W_l[:, c]\) for every mode of the group but
     * {@code k}.
     */
    private static DenseMatrix reduceGroup(DenseMatrix t, int[] g, List<DenseMatrix> w, int k) {
        if (g.length == 1) {
            return t;
        }
        int nk = g[k];
        int p = Unfolding.leading(g, k);
        int q = t.rows() / (p * nk);
        if (k == 0) {
            return reduceTrailing(t, nk, q, KhatriRao.forUnfolding(w.subList(1, w.size()), -1));
        }
        if (k == g.length - 1) {
            return reduceLeading(t, p, nk, KhatriRao.forUnfolding(w.subList(0, k), -1));
        }
        DenseMatrix kp = KhatriRao.forUnfolding(w.subList(0, k), -1);
        DenseMatrix kq = KhatriRao.forUnfolding(w.subList(k + 1, w.size()), -1);
        int l = t.cols();
        DenseMatrix y = DenseMatrix.zeros(nk, l);
        double[] td = t.data();
        double[] pd = kp.data();
        double[] qd = kq.data();
        double[] yd = y.data();
        for (int c = 0; c < l; c++) {
            int tc = t.offset() + c * t.ld();
            int pc = c * p;
            int qc = c * q;
            for (int j = 0; j < q; j++) {
                double wq = qd[qc + j];
                for (int a = 0; a < nk; a++) {
                    int base = tc + p * (a + nk * j);
                    double s = 0;
                    for (int i = 0; i < p; i++) {
                        s += td[base + i] * pd[pc + i];
                    }
                    yd[c * nk + a] += wq * s;
                }
            }
        }
        return y;
    }

    /** \(Y[a, c] = \sum_{i \lt p} T[i + pa, c]\,K[i, c]\) for \(T \in \mathbb{R}^{pn \times \ell}\). */
    private static DenseMatrix reduceLeading(DenseMatrix t, int p, int nk, DenseMatrix kp) {
        int l = t.cols();
        DenseMatrix y = DenseMatrix.zeros(nk, l);
        double[] td = t.data();
        double[] kd = kp.data();
        double[] yd = y.data();
        for (int c = 0; c < l; c++) {
            int tc = t.offset() + c * t.ld();
            int kc = kp.offset() + c * kp.ld();
            for (int a = 0; a < nk; a++) {
                int base = tc + p * a;
                double s = 0;
                for (int i = 0; i < p; i++) {
                    s += td[base + i] * kd[kc + i];
                }
                yd[c * nk + a] = s;
            }
        }
        return y;
    }

    /** \(Y[a, c] = \sum_{j \lt q} T[a + n j, c]\,K[j, c]\) for \(T \in \mathbb{R}^{nq \times \ell}\). */
    private static DenseMatrix reduceTrailing(DenseMatrix t, int nk, int q, DenseMatrix kq) {
        int l = t.cols();
        DenseMatrix y = DenseMatrix.zeros(nk, l);
        double[] td = t.data();
        double[] kd = kq.data();
        double[] yd = y.data();
        for (int c = 0; c < l; c++) {
            int tc = t.offset() + c * t.ld();
            int kc = kq.offset() + c * kq.ld();
            int yc = c * nk;
            for (int j = 0; j < q; j++) {
                double w = kd[kc + j];
                int base = tc + nk * j;
                for (int a = 0; a < nk; a++) {
                    yd[yc + a] += w * td[base + a];
                }
            }
        }
        return y;
    }

    private static int check(DenseTensor x, List<DenseMatrix> factors, int mode) {
        Objects.requireNonNull(factors, "factors");
        if (factors.size() != x.order()) {
            throw new DimensionMismatchException("mttkrp: " + factors.size() + " factors for a tensor of order "
                    + x.order() + "; need one per mode");
        }
        int l = -1;
        for (int k = 0; k < factors.size(); k++) {
            if (k == mode) {
                continue;
            }
            DenseMatrix w = Objects.requireNonNull(factors.get(k), "factors[" + k + "]");
            if (w.rows() != x.size(k)) {
                throw new DimensionMismatchException("mttkrp: factor " + (k + 1) + " is " + w.rows() + "x" + w.cols()
                        + " but mode " + (k + 1) + " of the tensor " + Arrays.toString(x.shape()) + " has size "
                        + x.size(k));
            }
            if (l >= 0 && w.cols() != l) {
                throw new DimensionMismatchException("mttkrp: factors must have the same number of columns, got " + l
                        + " and " + w.cols() + " (factor " + (k + 1) + ")");
            }
            l = w.cols();
        }
        if (l < 0) {
            DenseMatrix own = factors.get(mode);
            if (own == null) {
                throw new IllegalArgumentException(
                        "mttkrp of an order-1 tensor needs its factor to fix the number of columns, got null");
            }
            l = own.cols();
        }
        return l;
    }
}
