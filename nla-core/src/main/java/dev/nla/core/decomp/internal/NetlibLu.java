package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Lu;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/** LU with partial pivoting by native LAPACK: {@code dgetrf}, {@code dgetrs}, {@code dgecon}. */
public final class NetlibLu implements Lu {
    private final LAPACK lapack;

    /**
     * Creates the algorithm.
     *
     * @throws IllegalStateException if no native LAPACK loads
     */
    public NetlibLu() {
        this.lapack = NativeLapack.load();
    }

    @Override
    public LuResult factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        return factorChecked(Checks.copyOf(a));
    }

    @Override
    public LuResult factorInPlace(DenseMatrix overwrittenA) {
        Objects.requireNonNull(overwrittenA, "overwrittenA");
        Require.allFinite("overwrittenA", overwrittenA);
        return factorChecked(overwrittenA);
    }

    private LuResult factorChecked(DenseMatrix target) {
        double norm = Checks.normOne(target);
        int m = target.rows();
        int n = target.cols();
        int[] pivots = new int[Math.min(m, n)];
        if (pivots.length > 0) {
            DenseMatrix a = NativeLapack.compact(target);
            intW info = new intW(0);
            NativeLapack.run(() -> lapack.dgetrf(m, n, a.data(), a.offset(), a.ld(), pivots, 0, info));
            if (info.val < 0) {
                NativeLapack.check("dgetrf", info);
            }
            if (a != target) {
                target.copyFrom(a);
            }
            for (int i = 0; i < pivots.length; i++) {
                pivots[i]--;
            }
        }
        return new LuResult(target, pivots, norm);
    }

    @Override
    public DenseMatrix solve(LuResult lu, Transpose trans, Matrix b) {
        Objects.requireNonNull(lu, "lu");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(b, "b");
        RecursiveLu.requireSquare(lu);
        Checks.rows("solve", "b", b, lu.rows());
        Require.allFinite("b", b);
        RecursiveLu.requireNonSingular(lu);
        DenseMatrix x = Checks.copyOf(b);
        int n = lu.rows();
        if (n == 0 || x.cols() == 0) {
            return x;
        }
        DenseMatrix f = NativeLapack.compact(lu.factors());
        intW info = new intW(0);
        NativeLapack.run(() -> lapack.dgetrs(
                trans.isTranspose() ? "T" : "N",
                n,
                x.cols(),
                f.data(),
                f.offset(),
                f.ld(),
                oneBased(lu.pivots()),
                0,
                x.data(),
                0,
                x.ld(),
                info));
        NativeLapack.check("dgetrs", info);
        return x;
    }

    @Override
    public double reciprocalCondition(LuResult lu) {
        Objects.requireNonNull(lu, "lu");
        RecursiveLu.requireSquare(lu);
        int n = lu.rows();
        if (n == 0) {
            return 1.0;
        }
        if (lu.isSingular()) {
            return 0.0;
        }
        DenseMatrix f = NativeLapack.compact(lu.factors());
        doubleW rcond = new doubleW(0);
        intW info = new intW(0);
        NativeLapack.run(() -> lapack.dgecon(
                "1", n, f.data(), f.offset(), f.ld(), lu.normOne(), rcond, new double[4 * n], 0, new int[n], 0, info));
        NativeLapack.check("dgecon", info);
        return rcond.val;
    }

    private static int[] oneBased(int[] pivots) {
        int[] p = new int[pivots.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = pivots[i] + 1;
        }
        return p;
    }
}
