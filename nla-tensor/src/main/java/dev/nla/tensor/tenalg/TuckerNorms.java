package dev.nla.tensor.tenalg;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Exact inner products and Frobenius norms of tensors in Tucker format and of Tucker sums, computed
 * on the cores and factors without forming full tensors.
 *
 * <p><b>Gram formula</b> (algorithm B0 of the Tucker-summation spec; Tensor Toolbox {@code
 * ttensor/innerprod}): for \(\mathcal X = [\![\mathcal G; U_1, \dots, U_d]\!]\) and \(\mathcal Y =
 * [\![\mathcal H; V_1, \dots, V_d]\!]\),
 * \[ \langle \mathcal X, \mathcal Y \rangle = \bigl\langle \mathcal G,\; \mathcal H \times_1
 * (U_1^{\mathsf T}V_1) \cdots \times_d (U_d^{\mathsf T}V_d) \bigr\rangle, \]
 * cost \(2\sum_k n_k r_k r'_k\) plus the mode products on the larger core; and \(\|\sum_j \alpha_j
 * \mathcal X_j\|^2 = \sum_{i,j} \alpha_i\alpha_j \langle \mathcal X_i, \mathcal X_j\rangle\),
 * \(s(s+1)/2\) inner products. Unlike Tensor Toolbox's {@code sumtensor/norm} this never returns 0
 * for a nonzero sum. Its rounding error is \(O(u)\sum_{i,j}|\alpha_i\alpha_j\langle\mathcal X_i,
 * \mathcal X_j\rangle|\) in the <em>squared</em> norm, so when the sum cancels (e.g. the difference
 * of a sum and its approximation) the norm itself is only accurate to about \(\sqrt{u}\) times the
 * size of the terms: use {@link #projectedNorm} or {@link #distance} there.
 *
 * <p><b>Projected norm</b> ({@link #projectedNorm}): per mode an orthonormal basis \(B_k\) of the
 * span of all summands' factors (rank-revealing SVD of the concatenated, column-normalized factors),
 * then \(\|\mathcal X\| = \|\sum_j \alpha_j \mathcal G_j \times_1 B_1^{\mathsf T}U_j^{(1)} \cdots\|_F\)
 * on a dense core of \(\prod_k D_k\) entries, \(D_k \le \min(n_k, R_k)\) the numerical rank of the
 * mode-\(k\) factors. No squares are taken, so differences are accurate to \(O(u)\) times the size
 * of the terms.
 */
public final class TuckerNorms {
    /** Default limit for the dense core of {@link #projectedNorm}: \(2^{24}\) entries (128 MiB). */
    public static final long DEFAULT_CORE_LIMIT = 1L << 24;

    private TuckerNorms() {}

    /**
     * \(\langle \mathcal X, \mathcal Y \rangle\) by the Gram formula.
     *
     * @param x \(\mathcal X\); not modified
     * @param y \(\mathcal Y\), same mode sizes; not modified
     * @return the inner product
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the orders or mode sizes differ
     */
    public static double inner(TuckerTensor x, TuckerTensor y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        sameModes(x.modeSizes(), y.modeSizes());
        int d = x.order();
        List<DenseMatrix> grams = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            grams.add(Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, x.factor(k), y.factor(k)));
        }
        DenseTensor gx = x.core();
        DenseTensor gy = y.core();
        if (gy.elementCount() >= gx.elementCount()) {
            // H x_k (U_k^T V_k): r'_k -> r_k, shrinking the larger core to the smaller one's shape.
            return dot(gx, ModeProducts.multiplyAll(gy, Transpose.NO_TRANSPOSE, grams));
        }
        return dot(ModeProducts.multiplyAll(gx, Transpose.TRANSPOSE, grams), gy);
    }

    /**
     * \(\|\mathcal X\|_F\) of a Tucker tensor: \(\|\mathcal G \times_1 R_1 \cdots \times_d R_d\|_F\)
     * with \(U_k = Q_kR_k\) thin QR factorizations (Householder; backward stable, so the norm is
     * accurate to \(O(u)\) relative, with no squaring). Cost \(\sum_k 2n_kr_k^2\) plus the core
     * products.
     *
     * @param x \(\mathcal X\); not modified
     * @return the norm
     * @throws NullPointerException if {@code x} is null
     */
    public static double norm(TuckerTensor x) {
        Objects.requireNonNull(x, "x");
        List<DenseMatrix> rs = new ArrayList<>(x.order());
        for (int k = 0; k < x.order(); k++) {
            rs.add(Decompositions.qr().factor(x.factor(k)).r(QrMode.THIN));
        }
        return ModeProducts.multiplyAll(x.core(), Transpose.NO_TRANSPOSE, rs).frobeniusNorm();
    }

    /**
     * \(\langle \sum_i \alpha_i\mathcal X_i, \sum_j \beta_j\mathcal Y_j\rangle = \sum_{i,j}
     * \alpha_i\beta_j\langle\mathcal X_i, \mathcal Y_j\rangle\) by the Gram formula.
     *
     * @param a the first sum; not modified
     * @param b the second sum, same mode sizes; not modified
     * @return the inner product
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the mode sizes differ
     */
    public static double inner(TuckerSum a, TuckerSum b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        sameModes(a.modeSizes(), b.modeSizes());
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.alpha(i) == 0) {
                continue;
            }
            for (int j = 0; j < b.size(); j++) {
                if (b.alpha(j) != 0) {
                    s += a.alpha(i) * b.alpha(j) * inner(a.term(i), b.term(j));
                }
            }
        }
        return s;
    }

    /**
     * \(\langle \sum_i \alpha_i\mathcal X_i, \mathcal Y\rangle\) by the Gram formula.
     *
     * @param a the sum; not modified
     * @param y the tensor, same mode sizes; not modified
     * @return the inner product
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the mode sizes differ
     */
    public static double inner(TuckerSum a, TuckerTensor y) {
        Objects.requireNonNull(y, "y");
        return inner(a, TuckerSum.single(1.0, y));
    }

    /**
     * \(\|\sum_j \alpha_j\mathcal X_j\|_F\) by the Gram formula, using the symmetry of the Gram
     * matrix (\(s(s+1)/2\) inner products). Accurate to \(O(u)\) relative when the sum does not
     * cancel; see the class comment otherwise.
     *
     * @param x the sum; not modified
     * @return the norm (a negative rounded square is returned as 0)
     * @throws NullPointerException if {@code x} is null
     */
    public static double norm(TuckerSum x) {
        Objects.requireNonNull(x, "x");
        double s = 0;
        for (int i = 0; i < x.size(); i++) {
            double ai = x.alpha(i);
            if (ai == 0) {
                continue;
            }
            double ni = norm(x.term(i));
            s += ai * ai * ni * ni;
            for (int j = i + 1; j < x.size(); j++) {
                double aj = x.alpha(j);
                if (aj != 0) {
                    s += 2 * ai * aj * inner(x.term(i), x.term(j));
                }
            }
        }
        return Math.sqrt(Math.max(s, 0.0));
    }

    /**
     * \(\|\sum_j \alpha_j\mathcal X_j\|_F\) by projection onto orthonormal bases of the factor spans
     * (see the class comment): accurate even when the sum cancels. Per mode, the concatenated factors
     * \([U_1^{(k)}, \dots, U_s^{(k)}]\) are scaled to unit columns and their singular values below
     * \(\max(n_k, R_k)\,u\,\sigma_1\) are dropped (each dropped direction carries at most that much
     * of any unit column, so the norm changes by \(O(u)\sum_j|\alpha_j|\|\mathcal X_j\|\)).
     *
     * @param x        the sum; not modified
     * @param maxCore  the largest dense core \(\prod_k D_k\) allowed
     * @return the norm
     * @throws NullPointerException       if {@code x} is null
     * @throws IllegalArgumentException   if {@code maxCore < 1}
     * @throws SizeLimitExceededException if \(\prod_k D_k\) exceeds {@code maxCore}
     */
    public static double projectedNorm(TuckerSum x, long maxCore) {
        Objects.requireNonNull(x, "x");
        if (maxCore < 1) {
            throw new IllegalArgumentException("maxCore must be at least 1, got " + maxCore);
        }
        List<DenseMatrix> bases = spanBases(x);
        long size = 1;
        int[] dims = new int[bases.size()];
        for (int k = 0; k < dims.length; k++) {
            dims[k] = bases.get(k).cols();
            size *= dims[k];
            if (size > maxCore) {
                throw new SizeLimitExceededException(
                        "projected core of the Tucker sum (numerical ranks " + Arrays.toString(ranks(bases)) + ")",
                        projectedSize(bases),
                        maxCore);
            }
        }
        if (size == 0) {
            return 0.0;
        }
        return projectedCore(x, bases, dims).frobeniusNorm();
    }

    /**
     * \(\|\mathcal X - \mathcal Y\|_F\) for a sum and a Tucker tensor: {@link #projectedNorm} of the
     * sum \(\mathcal X - \mathcal Y\) when its projected core has at most {@link
     * #DEFAULT_CORE_LIMIT} entries, else the Gram formula (whose accuracy is then limited to about
     * \(\sqrt{u}\,(\|\mathcal X\| + \|\mathcal Y\|)\)).
     *
     * @param x the sum; not modified
     * @param y the tensor; not modified
     * @return the distance
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the mode sizes differ
     * @throws IllegalArgumentException   if a rank of {@code y} exceeds its mode size
     */
    public static double distance(TuckerSum x, TuckerTensor y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        TuckerSum diff = x.plus(-1.0, y);
        List<DenseMatrix> bases = spanBases(diff);
        if (projectedSize(bases) <= DEFAULT_CORE_LIMIT) {
            int[] dims = ranks(bases);
            for (int dk : dims) {
                if (dk == 0) {
                    return 0.0;
                }
            }
            return projectedCore(diff, bases, dims).frobeniusNorm();
        }
        return norm(diff);
    }

    private static long projectedSize(List<DenseMatrix> bases) {
        long size = 1;
        for (DenseMatrix b : bases) {
            try {
                size = Math.multiplyExact(size, b.cols());
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    private static int[] ranks(List<DenseMatrix> bases) {
        int[] r = new int[bases.size()];
        for (int k = 0; k < r.length; k++) {
            r[k] = bases.get(k).cols();
        }
        return r;
    }

    /** Orthonormal bases of the spans of the concatenated, column-normalized factors. */
    private static List<DenseMatrix> spanBases(TuckerSum x) {
        int d = x.order();
        List<DenseMatrix> bases = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            int n = x.modeSize(k);
            int total = 0;
            for (int j = 0; j < x.size(); j++) {
                if (x.alpha(j) != 0) {
                    total += x.term(j).rank(k);
                }
            }
            DenseMatrix f = DenseMatrix.zeros(n, total);
            int col = 0;
            for (int j = 0; j < x.size(); j++) {
                if (x.alpha(j) == 0) {
                    continue;
                }
                DenseMatrix u = x.term(j).factor(k);
                for (int c = 0; c < u.cols(); c++) {
                    DenseMatrix dst = f.column(col++);
                    dst.copyFrom(u.column(c));
                    double nrm = Blas.nrm2(dst);
                    if (nrm > 0) {
                        Blas.scal(1.0 / nrm, dst);
                    }
                }
            }
            if (total == 0) {
                bases.add(DenseMatrix.zeros(n, 0));
                continue;
            }
            SvdResult svd = Decompositions.svd().decompose(f);
            double[] sigma = svd.singularValues();
            double cut = Math.max(n, total) * 0x1.0p-53 * (sigma.length > 0 ? sigma[0] : 0);
            int r = 0;
            while (r < sigma.length && sigma[r] > cut) {
                r++;
            }
            bases.add(svd.u().columns(0, r));
        }
        return bases;
    }

    private static DenseTensor projectedCore(TuckerSum x, List<DenseMatrix> bases, int[] dims) {
        DenseTensor core = DenseTensor.zeros(dims);
        boolean first = true;
        for (int j = 0; j < x.size(); j++) {
            if (x.alpha(j) == 0) {
                continue;
            }
            TuckerTensor t = x.term(j);
            List<DenseMatrix> proj = new ArrayList<>(x.order());
            for (int k = 0; k < x.order(); k++) {
                proj.add(Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, bases.get(k), t.factor(k)));
            }
            ModeProducts.multiplyAll(x.alpha(j), t.core(), Transpose.NO_TRANSPOSE, proj, first ? 0.0 : 1.0, core);
            first = false;
        }
        return core;
    }

    static double dot(DenseTensor a, DenseTensor b) {
        return Blas.dot(
                DenseMatrix.wrap(a.elementCount(), 1, a.data()), DenseMatrix.wrap(b.elementCount(), 1, b.data()));
    }

    private static void sameModes(int[] a, int[] b) {
        if (!Arrays.equals(a, b)) {
            throw new DimensionMismatchException(
                    "mismatched mode sizes: " + Arrays.toString(a) + " and " + Arrays.toString(b));
        }
    }
}
