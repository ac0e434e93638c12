package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.NotConvergedException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;
import org.netlib.util.intW;

/**
 * SVD by native LAPACK {@code dgesdd} (divide and conquer; {@code JOBZ = 'O'} thin, {@code 'A'}
 * full, {@code 'N'} values only) through {@code dev.ludovic.netlib}. Same contract as the Java
 * implementation: input copied, singular values decreasing, signs fixed as in {@link SvdResult}.
 */
public final class NetlibSvd implements Svd {
    private final LAPACK lapack;

    /**
     * Binds to the native library.
     *
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public NetlibSvd() {
        this.lapack = NativeLapack.load();
    }

    @Override
    public SvdResult decompose(Matrix a, SvdVectors vectors) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(vectors, "vectors");
        Require.allFinite("a", a);
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        boolean full = vectors == SvdVectors.FULL;
        int ucols = full ? m : k;
        int vtrows = full ? n : k;
        Checks.svdSizes(m, n, vectors);
        if (k == 0) {
            DenseMatrix u = full ? DenseMatrix.identity(m) : DenseMatrix.zeros(m, 0);
            DenseMatrix vt = full ? DenseMatrix.identity(n) : DenseMatrix.zeros(0, n);
            return new SvdResult(u, new double[0], vt);
        }
        double[] work = a.toDense().toColumnMajorArray();
        double[] s = new double[k];
        DenseMatrix um;
        DenseMatrix vtm;
        if (full) {
            double[] u = new double[m * m];
            double[] vt = new double[n * n];
            run("A", m, n, work, s, u, m, vt, n);
            um = DenseMatrix.wrap(m, m, u);
            vtm = DenseMatrix.wrap(n, n, vt);
        } else if (m >= n) {
            // JOBZ = 'O': U overwrites A (m x n), so no m x m array is needed
            double[] vt = new double[n * n];
            run("O", m, n, work, s, new double[1], 1, vt, n);
            um = DenseMatrix.wrap(m, n, work);
            vtm = DenseMatrix.wrap(n, n, vt);
        } else {
            // JOBZ = 'O' with m < n: Vt overwrites A (m x n)
            double[] u = new double[m * m];
            run("O", m, n, work, s, u, m, new double[1], 1);
            um = DenseMatrix.wrap(m, m, u);
            vtm = DenseMatrix.wrap(m, n, work);
        }
        Signs.fixSvd(um, vtm, k);
        return new SvdResult(um, s, vtm);
    }

    @Override
    public double[] singularValues(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        if (k == 0) {
            return new double[0];
        }
        double[] work = a.toDense().toColumnMajorArray();
        double[] s = new double[k];
        run("N", m, n, work, s, new double[1], 1, new double[1], 1);
        return s;
    }

    private void run(String jobz, int m, int n, double[] a, double[] s, double[] u, int ldu, double[] vt, int ldvt) {
        int k = Math.min(m, n);
        int[] iwork = new int[8 * k];
        double[] query = new double[1];
        intW info = new intW(0);
        lapack.dgesdd(jobz, m, n, a, m, s, u, ldu, vt, ldvt, query, -1, iwork, info);
        if (info.val != 0) {
            throw new IllegalStateException("dgesdd workspace query failed with info = " + info.val);
        }
        // some LAPACK builds under-report the workspace; never go below the documented minimum
        // (the larger of the 'S'/'A' and 'O' bounds)
        long mn = k;
        long mx = Math.max(m, n);
        long minimum = jobz.equals("N")
                ? 3 * mn + Math.max(mx, 7 * mn)
                : 3 * mn + Math.max(mx, 4 * mn * mn + 4 * mn) + 3 * mn * mn;
        long lwork = Math.max((long) query[0], minimum);
        if (lwork > Integer.MAX_VALUE - 8) {
            throw new SizeLimitExceededException("dgesdd workspace", lwork, Integer.MAX_VALUE - 8);
        }
        double[] work = new double[(int) lwork];
        // on a large-stack thread, as every native call of this package (see NativeLapack)
        NativeLapack.run(() -> lapack.dgesdd(jobz, m, n, a, m, s, u, ldu, vt, ldvt, work, work.length, iwork, info));
        if (info.val > 0) {
            throw new NotConvergedException("dgesdd: the bidiagonal divide and conquer did not converge", info.val);
        }
        if (info.val < 0) {
            throw new IllegalStateException("dgesdd rejected argument " + (-info.val));
        }
    }
}
