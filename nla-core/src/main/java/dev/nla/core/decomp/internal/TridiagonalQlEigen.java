package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.SymmetricEigen;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Pure-Java symmetric eigensolver: blocked tridiagonalization, implicit QL/QR on the tridiagonal
 * matrix, and back-transformation by rotating the explicitly accumulated \(Q\) (the LAPACK dsyev
 * pipeline) [Golub and Van Loan 2013, §8.3].
 *
 * <p>Steps: copy the lower triangle into full symmetric storage (scaled into a safe range if its
 * largest entry is extreme); reduce \(A = Q T Q^{\mathsf T}\) (dsytrd/dlatrd, half the flops in
 * GEMM); form \(Q\) with blocked reflectors (GEMM); run {@link TridiagonalQl} on \(T\), rotating
 * \(Q\) into \(Z = Q Z_T\); order and fix signs. Values only: the QL iteration without vectors,
 * \(O(n^2)\) after the \(\tfrac43 n^3\) reduction.
 *
 * <p>Backward stable: \(\|A - \hat Z \hat\Lambda \hat Z^{\mathsf T}\| = O(n \varepsilon \|A\|)\),
 * \(\|\hat Z^{\mathsf T} \hat Z - I\| = O(n\varepsilon)\); eigenvalues are accurate to \(O(n
 * \varepsilon \|A\|)\) in absolute terms.
 */
public final class TridiagonalQlEigen implements SymmetricEigen {
    private static final double SMLNUM = Math.sqrt(Double.MIN_NORMAL) / 0x1.0p-53;
    private static final double BIGNUM = 1.0 / SMLNUM;

    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public TridiagonalQlEigen() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend (its GEMMs and its thread count).
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public TridiagonalQlEigen(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private Backend backend() {
        return backend != null ? backend : Backends.active();
    }

    @Override
    public EigenResult decompose(Matrix a, EigenOrder order) {
        Objects.requireNonNull(order, "order");
        Prepared p = prepare(a);
        int n = p.n;
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n - 1)];
        double[] tau = new double[Math.max(1, n - 1)];
        Backend be = backend();
        Tridiagonalization.reduce(be, n, p.full, 0, Math.max(1, n), d, e, tau);
        double[] z = Tridiagonalization.formQ(be, n, p.full, 0, Math.max(1, n), tau);
        TridiagonalQl.compute(be, n, d, e, z, 0, Math.max(1, n), n);
        unscale(d, p.scale);
        return result(d, DenseMatrix.wrap(n, n, z), order);
    }

    @Override
    public double[] eigenvalues(Matrix a, EigenOrder order) {
        Objects.requireNonNull(order, "order");
        Prepared p = prepare(a);
        int n = p.n;
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n - 1)];
        double[] tau = new double[Math.max(1, n - 1)];
        Backend be = backend();
        Tridiagonalization.reduce(be, n, p.full, 0, Math.max(1, n), d, e, tau);
        TridiagonalQl.compute(be, n, d, e, null, 0, 1, 0);
        unscale(d, p.scale);
        if (order == EigenOrder.DESCENDING) {
            reverse(d);
        }
        return d;
    }

    record Prepared(int n, double[] full, double scale) {}

    /**
     * Checks the input and copies its lower triangle into full symmetric storage.
     *
     * @throws NonFiniteValueException if the lower triangle has a NaN or infinity
     */
    static Prepared prepare(Matrix a) {
        double[] full = lowerCopy(a);
        int n = a.rows();
        double amax = 0.0;
        for (double v : full) {
            amax = Math.max(amax, Math.abs(v));
        }
        double scale = 1.0;
        if (amax > 0.0 && amax < SMLNUM) {
            scale = SMLNUM / amax;
        } else if (amax > BIGNUM) {
            scale = BIGNUM / amax;
        }
        if (scale != 1.0) {
            for (int i = 0; i < full.length; i++) {
                full[i] *= scale;
            }
        }
        return new Prepared(n, full, scale);
    }

    /**
     * Checks the input (square, finite lower triangle) and returns a compact copy of it with the
     * lower triangle mirrored into the upper one.
     *
     * @throws NonFiniteValueException if the lower triangle has a NaN or infinity
     */
    static double[] lowerCopy(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.square("a", a);
        int n = a.rows();
        Require.sizeWithin("eigenvector matrix", (long) n * n, DenseMatrix.MAX_ELEMENTS);
        DenseMatrix ad = a.toDense();
        double[] full = new double[n * n];
        double[] src = ad.data();
        for (int j = 0; j < n; j++) {
            int base = ad.offset() + j * ad.ld();
            for (int i = j; i < n; i++) {
                double v = src[base + i];
                if (!Double.isFinite(v)) {
                    throw new NonFiniteValueException("a", i, j, v);
                }
                full[i + j * n] = v;
                full[j + i * n] = v;
            }
        }
        return full;
    }

    static void unscale(double[] d, double scale) {
        if (scale != 1.0) {
            for (int i = 0; i < d.length; i++) {
                d[i] /= scale;
            }
        }
    }

    static void reverse(double[] d) {
        for (int i = 0, j = d.length - 1; i < j; i++, j--) {
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
    }

    /**
     * The result record from ascending eigenvalues and their eigenvectors: reversed for {@link
     * EigenOrder#DESCENDING}, eigenvector signs fixed ({@link Signs#fixColumns}).
     *
     * @param ascending the eigenvalues, ascending; reordered in place
     * @param z         the eigenvectors, column \(j\) for {@code ascending[j]}; signs fixed in place
     * @param order     the requested order
     * @return the result, owning {@code ascending} and {@code z} (or a reordered copy)
     */
    static EigenResult result(double[] ascending, DenseMatrix z, EigenOrder order) {
        DenseMatrix zm = z;
        if (order == EigenOrder.DESCENDING) {
            reverse(ascending);
            zm = reverseColumns(z);
        }
        Signs.fixColumns(zm);
        return new EigenResult(ascending, zm, order);
    }

    private static DenseMatrix reverseColumns(DenseMatrix z) {
        int n = z.cols();
        DenseMatrix out = DenseMatrix.zeros(z.rows(), n);
        for (int j = 0; j < n; j++) {
            out.column(j).copyFrom(z.column(n - 1 - j));
        }
        return out;
    }
}
