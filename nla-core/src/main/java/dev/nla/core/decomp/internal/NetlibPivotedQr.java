package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.PivotedQr;
import dev.nla.core.decomp.PivotedQrResult;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;
import org.netlib.util.intW;

/** QR with column pivoting by native LAPACK {@code dgeqp3}. */
public final class NetlibPivotedQr implements PivotedQr {
    private final LAPACK lapack;

    /**
     * Creates the algorithm.
     *
     * @throws IllegalStateException if no native LAPACK loads
     */
    public NetlibPivotedQr() {
        this.lapack = NativeLapack.load();
    }

    @Override
    public PivotedQrResult factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        return factorChecked(Checks.copyOf(a));
    }

    @Override
    public PivotedQrResult factorInPlace(DenseMatrix overwrittenA) {
        Objects.requireNonNull(overwrittenA, "overwrittenA");
        Require.allFinite("overwrittenA", overwrittenA);
        return factorChecked(overwrittenA);
    }

    private PivotedQrResult factorChecked(DenseMatrix target) {
        int m = target.rows();
        int n = target.cols();
        double[] tau = new double[Math.min(m, n)];
        int[] jpvt = new int[n];
        if (m > 0 && n > 0) {
            DenseMatrix a = NativeLapack.compact(target);
            double[] query = new double[1];
            intW info = new intW(0);
            NativeLapack.run(
                    () -> lapack.dgeqp3(m, n, a.data(), a.offset(), a.ld(), jpvt, 0, tau, 0, query, 0, -1, info));
            NativeLapack.check("dgeqp3 (workspace query)", info);
            double[] work = new double[NativeLapack.workLength(query[0])];
            NativeLapack.run(() ->
                    lapack.dgeqp3(m, n, a.data(), a.offset(), a.ld(), jpvt, 0, tau, 0, work, 0, work.length, info));
            NativeLapack.check("dgeqp3", info);
            if (a != target) {
                target.copyFrom(a);
            }
            for (int j = 0; j < n; j++) {
                jpvt[j]--;
            }
        } else {
            for (int j = 0; j < n; j++) {
                jpvt[j] = j;
            }
        }
        return new PivotedQrResult(new CompactQr(target, tau), jpvt);
    }
}
