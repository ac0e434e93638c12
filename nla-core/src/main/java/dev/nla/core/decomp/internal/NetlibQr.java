package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;
import org.netlib.util.intW;

/**
 * Householder QR by native LAPACK: {@code dgeqrf} to factor, {@code dorgqr} to form \(Q\), {@code
 * dormqr} to apply it. Produces the same {@link CompactQr} layout as {@link HouseholderQr}.
 */
public final class NetlibQr implements Qr {
    private final LAPACK lapack;

    /**
     * Creates the algorithm.
     *
     * @throws IllegalStateException if no native LAPACK loads
     */
    public NetlibQr() {
        this.lapack = NativeLapack.load();
    }

    @Override
    public CompactQr factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        DenseMatrix work = Checks.copyOf(a);
        return new CompactQr(work, geqrf(work));
    }

    @Override
    public CompactQr factorInPlace(DenseMatrix overwrittenA) {
        Objects.requireNonNull(overwrittenA, "overwrittenA");
        Require.allFinite("overwrittenA", overwrittenA);
        return new CompactQr(overwrittenA, geqrf(overwrittenA));
    }

    @Override
    public QrResult decompose(Matrix a, QrMode mode) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(mode, "mode");
        Require.allFinite("a", a);
        int qCols = mode.qCols(a.rows(), a.cols());
        Require.sizeWithin(
                "Q of a " + a.rows() + "x" + a.cols() + " QR", (long) a.rows() * qCols, DenseMatrix.MAX_ELEMENTS);
        CompactQr qr = factor(a);
        return new QrResult(q(qr, mode), qr.r(mode));
    }

    @Override
    public DenseMatrix q(CompactQr qr, QrMode mode) {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(mode, "mode");
        int m = qr.rows();
        int k = qr.tau().length;
        int qCols = mode.qCols(m, qr.cols());
        Require.sizeWithin("Q of a " + m + "x" + qr.cols() + " QR", (long) m * qCols, DenseMatrix.MAX_ELEMENTS);
        DenseMatrix q = DenseMatrix.zeros(m, qCols);
        if (m == 0 || qCols == 0) {
            return q;
        }
        q.view(0, 0, m, k).copyFrom(qr.factors().view(0, 0, m, k));
        double[] query = new double[1];
        intW info = new intW(0);
        NativeLapack.run(() -> lapack.dorgqr(m, qCols, k, q.data(), 0, q.ld(), qr.tau(), 0, query, 0, -1, info));
        NativeLapack.check("dorgqr (workspace query)", info);
        double[] work = new double[NativeLapack.workLength(query[0])];
        NativeLapack.run(
                () -> lapack.dorgqr(m, qCols, k, q.data(), 0, q.ld(), qr.tau(), 0, work, 0, work.length, info));
        NativeLapack.check("dorgqr", info);
        return q;
    }

    @Override
    public void applyQ(CompactQr qr, Side side, Transpose trans, DenseMatrix overwrittenC) {
        Checks.applyQArguments(qr, side, trans, overwrittenC);
        int k = qr.tau().length;
        if (k == 0 || overwrittenC.rows() == 0 || overwrittenC.cols() == 0) {
            return;
        }
        String s = side == Side.LEFT ? "L" : "R";
        String t = trans.isTranspose() ? "T" : "N";
        DenseMatrix f = NativeLapack.compact(qr.factors());
        DenseMatrix c = NativeLapack.compact(overwrittenC);
        double[] query = new double[1];
        intW info = new intW(0);
        NativeLapack.run(() -> lapack.dormqr(
                s,
                t,
                c.rows(),
                c.cols(),
                k,
                f.data(),
                f.offset(),
                f.ld(),
                qr.tau(),
                0,
                c.data(),
                c.offset(),
                c.ld(),
                query,
                0,
                -1,
                info));
        NativeLapack.check("dormqr (workspace query)", info);
        double[] work = new double[NativeLapack.workLength(query[0])];
        NativeLapack.run(() -> lapack.dormqr(
                s,
                t,
                c.rows(),
                c.cols(),
                k,
                f.data(),
                f.offset(),
                f.ld(),
                qr.tau(),
                0,
                c.data(),
                c.offset(),
                c.ld(),
                work,
                0,
                work.length,
                info));
        NativeLapack.check("dormqr", info);
        if (c != overwrittenC) {
            overwrittenC.copyFrom(c);
        }
    }

    private double[] geqrf(DenseMatrix target) {
        DenseMatrix a = NativeLapack.compact(target);
        double[] tau = geqrfCompact(a);
        if (a != target) {
            target.copyFrom(a);
        }
        return tau;
    }

    private double[] geqrfCompact(DenseMatrix a) {
        int m = a.rows();
        int n = a.cols();
        double[] tau = new double[Math.min(m, n)];
        if (tau.length == 0) {
            return tau;
        }
        double[] query = new double[1];
        intW info = new intW(0);
        NativeLapack.run(() -> lapack.dgeqrf(m, n, a.data(), a.offset(), a.ld(), tau, 0, query, 0, -1, info));
        NativeLapack.check("dgeqrf (workspace query)", info);
        double[] work = new double[NativeLapack.workLength(query[0])];
        NativeLapack.run(() -> lapack.dgeqrf(m, n, a.data(), a.offset(), a.ld(), tau, 0, work, 0, work.length, info));
        NativeLapack.check("dgeqrf", info);
        return tau;
    }
}
