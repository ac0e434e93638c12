package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.decomp.Cholesky;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/** Cholesky factorization by native LAPACK: {@code dpotrf}, {@code dpotrs}, {@code dpocon}. */
public final class NetlibCholesky implements Cholesky {
    private final LAPACK lapack;

    /**
     * Creates the algorithm.
     *
     * @throws IllegalStateException if no native LAPACK loads
     */
    public NetlibCholesky() {
        this.lapack = NativeLapack.load();
    }

    @Override
    public CholeskyResult factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Checks.square("cholesky", "a", a);
        DenseMatrix l = RecursiveCholesky.lowerCopy(a);
        double norm = Checks.symmetricNormOne(l);
        int n = l.rows();
        if (n > 0) {
            intW info = new intW(0);
            NativeLapack.run(() -> lapack.dpotrf("L", n, l.data(), 0, l.ld(), info));
            if (info.val > 0) {
                int j = info.val - 1;
                throw RecursiveCholesky.notPositiveDefinite(j, l.get(j, j));
            }
            NativeLapack.check("dpotrf", info);
        }
        return new CholeskyResult(l, norm);
    }

    @Override
    public DenseMatrix solve(CholeskyResult cholesky, Matrix b) {
        Objects.requireNonNull(cholesky, "cholesky");
        Objects.requireNonNull(b, "b");
        Checks.rows("solve", "b", b, cholesky.order());
        Require.allFinite("b", b);
        RecursiveCholesky.requireNonZeroDiagonal(cholesky.l());
        DenseMatrix x = Checks.copyOf(b);
        int n = cholesky.order();
        if (n == 0 || x.cols() == 0) {
            return x;
        }
        DenseMatrix l = NativeLapack.compact(cholesky.l());
        intW info = new intW(0);
        NativeLapack.run(
                () -> lapack.dpotrs("L", n, x.cols(), l.data(), l.offset(), l.ld(), x.data(), 0, x.ld(), info));
        NativeLapack.check("dpotrs", info);
        return x;
    }

    @Override
    public double reciprocalCondition(CholeskyResult cholesky) {
        Objects.requireNonNull(cholesky, "cholesky");
        int n = cholesky.order();
        if (n == 0) {
            return 1.0;
        }
        DenseMatrix l = NativeLapack.compact(cholesky.l());
        doubleW rcond = new doubleW(0);
        intW info = new intW(0);
        NativeLapack.run(() -> lapack.dpocon(
                "L",
                n,
                l.data(),
                l.offset(),
                l.ld(),
                cholesky.normOne(),
                rcond,
                new double[3 * n],
                0,
                new int[n],
                0,
                info));
        NativeLapack.check("dpocon", info);
        return rcond.val;
    }
}
