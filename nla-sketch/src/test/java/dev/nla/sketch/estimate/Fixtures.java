package dev.nla.sketch.estimate;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Test matrices, reference twins of the estimators and small helpers. */
final class Fixtures {
    private Fixtures() {}

    /** A symmetric matrix with the given eigenvalues (random orthogonal eigenvectors). */
    static DenseMatrix symmetric(double[] lambda, long seed) {
        return TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(seed));
    }

    /** Eigenvalues: {@code rank} values 1, ..., rank, the rest zero. */
    static double[] lowRank(int n, int rank) {
        double[] l = new double[n];
        for (int i = 0; i < rank; i++) {
            l[i] = rank - i;
        }
        return l;
    }

    /** Low rank plus noise: {@code rank} eigenvalues 1, the rest {@code noise}. */
    static double[] lowRankPlusNoise(int n, int rank, double noise) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = i < rank ? 1.0 : noise;
        }
        return l;
    }

    /** Polynomial decay \(\lambda_i = i^{-p}\), \(i = 1..n\). */
    static double[] polynomial(int n, double p) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = Math.pow(i + 1, -p);
        }
        return l;
    }

    /** Exponential decay \(\lambda_i = r^{i}\). */
    static double[] exponential(int n, double r) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = Math.pow(r, i);
        }
        return l;
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    static double trace(DenseMatrix a) {
        double t = 0;
        for (int i = 0; i < a.rows(); i++) {
            t += a.get(i, i);
        }
        return t;
    }

    static double median(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** A matrix-free operator that counts the vectors it is applied to (both directions). */
    static LinearOperator counting(DenseMatrix a, AtomicLong count) {
        return LinearOperator.fromFunctions(
                a.rows(),
                a.cols(),
                (x, y) -> {
                    count.addAndGet(x.cols());
                    Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y);
                },
                (x, y) -> {
                    count.addAndGet(x.cols());
                    Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y);
                });
    }

    /** Runs {@code body} with the active backend replaced by one with {@code threads} threads. */
    static <T> T withThreads(int threads, Supplier<T> body) {
        Backend previous = Backends.active();
        Backends.setActive(Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads));
        try {
            return body.get();
        } finally {
            Backends.setActive(previous);
        }
    }

    // ------------------------------------------------------------------ reference twins

    /** Columns of {@code x} except column {@code i}. */
    static DenseMatrix without(DenseMatrix x, int i) {
        DenseMatrix r = DenseMatrix.zeros(x.rows(), x.cols() - 1);
        for (int j = 0, c = 0; j < x.cols(); j++) {
            if (j != i) {
                r.column(c++).copyFrom(x.column(j));
            }
        }
        return r;
    }

    /** The orthogonal projector onto the column space of a full-column-rank {@code x}, as a matrix. */
    static DenseMatrix projector(DenseMatrix x) {
        DenseMatrix q = Decompositions.qr().decompose(x, QrMode.THIN).q();
        return Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, q, q);
    }

    static DenseMatrix identityMinus(DenseMatrix p) {
        DenseMatrix r = DenseMatrix.identity(p.rows());
        Blas.axpy(-1.0, p, r);
        return r;
    }

    static double quadratic(DenseMatrix a, DenseMatrix x) {
        return Blas.dot(x, Blas.multiply(a, x));
    }

    /** XTrace by its definition: one projector per left-out vector, formed explicitly. */
    static double[] xtraceSamples(DenseMatrix a, DenseMatrix omega, boolean improved) {
        int n = a.rows();
        int m = omega.cols();
        DenseMatrix y = Blas.multiply(a, omega);
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            DenseMatrix p = projector(without(y, i));
            DenseMatrix c = identityMinus(p);
            DenseMatrix w = omega.column(i);
            DenseMatrix u = Blas.multiply(c, w);
            double residual = quadratic(a, u);
            if (improved) {
                residual *= (n - m + 1) / Blas.dot(u, u);
            }
            t[i] = trace(Blas.multiply(p, Blas.multiply(a, p))) + residual;
        }
        return t;
    }

    /** XNysTrace by its definition (no shift): Nystrom approximation without vector i. */
    static double[] xnystraceSamples(DenseMatrix a, DenseMatrix omega, boolean improved) {
        int n = a.rows();
        int m = omega.cols();
        DenseMatrix y = Blas.multiply(a, omega);
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            DenseMatrix om = without(omega, i);
            DenseMatrix ym = without(y, i);
            DenseMatrix g = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, om, ym);
            DenseMatrix gInvYt = Decompositions.lu().solve(g, ym.transpose());
            DenseMatrix nys = Blas.multiply(ym, gInvYt);
            DenseMatrix e = a.copy();
            Blas.axpy(-1.0, nys, e);
            double residual = quadratic(e, omega.column(i));
            if (improved) {
                DenseMatrix u = Blas.multiply(identityMinus(projector(om)), omega.column(i));
                residual *= (n - m + 1) / Blas.dot(u, u);
            }
            t[i] = trace(nys) + residual;
        }
        return t;
    }

    /** XDiag by its definition. */
    static double[] xdiag(DenseMatrix a, DenseMatrix omega) {
        int n = a.rows();
        int m = omega.cols();
        DenseMatrix y = Blas.multiply(a, omega);
        double[] d = new double[n];
        for (int i = 0; i < m; i++) {
            DenseMatrix p = projector(without(y, i));
            DenseMatrix pa = Blas.multiply(p, a);
            DenseMatrix rest = Blas.multiply(identityMinus(p), y.column(i));
            for (int k = 0; k < n; k++) {
                d[k] += (pa.get(k, k) + omega.get(k, i) * rest.get(k, 0)) / m;
            }
        }
        return d;
    }
}
