package dev.nla.core.decomp;

import dev.nla.core.blas.Backend;
import dev.nla.core.decomp.internal.BlasTriangularSolver;
import dev.nla.core.decomp.internal.BlockedPivotedCholesky;
import dev.nla.core.decomp.internal.BlockedPivotedQr;
import dev.nla.core.decomp.internal.DivideAndConquerEigen;
import dev.nla.core.decomp.internal.GolubKahanSvd;
import dev.nla.core.decomp.internal.GramCholeskyQr;
import dev.nla.core.decomp.internal.HouseholderQr;
import dev.nla.core.decomp.internal.NativeLapack;
import dev.nla.core.decomp.internal.NetlibCholesky;
import dev.nla.core.decomp.internal.NetlibLeastSquares;
import dev.nla.core.decomp.internal.NetlibLu;
import dev.nla.core.decomp.internal.NetlibPivotedQr;
import dev.nla.core.decomp.internal.NetlibQr;
import dev.nla.core.decomp.internal.NetlibSvd;
import dev.nla.core.decomp.internal.NetlibSymmetricEigen;
import dev.nla.core.decomp.internal.NetlibTriangularSolver;
import dev.nla.core.decomp.internal.PivotedQrLeastSquares;
import dev.nla.core.decomp.internal.QrLeastSquares;
import dev.nla.core.decomp.internal.RecursiveCholesky;
import dev.nla.core.decomp.internal.RecursiveLu;
import dev.nla.core.decomp.internal.TridiagonalQlEigen;

/**
 * Creates the decomposition algorithms: the pure-Java implementation of each interface (on the
 * active kernel backend, or on a given one) and, when a native LAPACK library loads, the native
 * implementation of the same interface ({@code nativeXxx()}).
 *
 * <p>The Java implementations are the default: they run everywhere and, being GEMM-rich, are as
 * fast as the kernel backend they run on. The native ones call LAPACK through {@code
 * dev.ludovic.netlib} and need a system library (on Debian: {@code apt-get install
 * libopenblas0-pthread}); {@link #nativeAvailable()} tells whether it is present.
 */
public final class Decompositions {
    private Decompositions() {}

    /**
     * Whether a native LAPACK library loads, so that the {@code nativeXxx()} factories succeed.
     *
     * @return {@code true} if native LAPACK is available
     */
    public static boolean nativeAvailable() {
        try {
            return NativeLapack.isAvailable();
        } catch (LinkageError e) {
            // dev.ludovic.netlib's jars are not on the class path at all.
            return false;
        }
    }

    /** Throws the install hint unless native LAPACK loads (also when netlib's jars are missing). */
    private static void requireNative() {
        if (!nativeAvailable()) {
            throw new IllegalStateException("native LAPACK is not available: install a system LAPACK (on Debian:"
                    + " apt-get install libopenblas0-pthread) and put dev.ludovic.netlib:lapack on the class path");
        }
    }

    /**
     * Blocked Householder QR with the compact WY representation and recursive panels, in Java on
     * the active backend (looked up at each call).
     *
     * @return the algorithm
     */
    public static Qr qr() {
        return new HouseholderQr();
    }

    /**
     * Blocked Householder QR in Java on a given backend (for example a single-threaded one, to run
     * many small factorizations in parallel).
     *
     * @param backend the kernels to use
     * @return the algorithm
     * @throws NullPointerException if {@code backend} is null
     */
    public static Qr qr(Backend backend) {
        return new HouseholderQr(backend);
    }

    /**
     * Householder QR by native LAPACK ({@code dgeqrf}, {@code dorgqr}, {@code dormqr}).
     *
     * @return the algorithm
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static Qr nativeQr() {
        requireNative();
        return new NetlibQr();
    }

    /**
     * Recursive blocked Cholesky in Java on the active backend.
     *
     * @return the algorithm
     */
    public static Cholesky cholesky() {
        return new RecursiveCholesky();
    }

    /**
     * Recursive blocked Cholesky in Java on a given backend.
     *
     * @param backend the kernels to use
     * @return the algorithm
     * @throws NullPointerException if {@code backend} is null
     */
    public static Cholesky cholesky(Backend backend) {
        return new RecursiveCholesky(backend);
    }

    /**
     * Cholesky by native LAPACK ({@code dpotrf}, {@code dpotrs}, {@code dpocon}).
     *
     * @return the algorithm
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static Cholesky nativeCholesky() {
        requireNative();
        return new NetlibCholesky();
    }

    /**
     * Recursive LU with partial pivoting in Java on the active backend.
     *
     * @return the algorithm
     */
    public static Lu lu() {
        return new RecursiveLu();
    }

    /**
     * Recursive LU with partial pivoting in Java on a given backend.
     *
     * @param backend the kernels to use
     * @return the algorithm
     * @throws NullPointerException if {@code backend} is null
     */
    public static Lu lu(Backend backend) {
        return new RecursiveLu(backend);
    }

    /**
     * LU with partial pivoting by native LAPACK ({@code dgetrf}, {@code dgetrs}, {@code dgecon}).
     *
     * @return the algorithm
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static Lu nativeLu() {
        requireNative();
        return new NetlibLu();
    }

    /**
     * Checked triangular solves on {@code Blas.trsm} (active backend) and the triangular condition
     * estimate.
     *
     * @return the solver
     */
    public static TriangularSolver triangularSolver() {
        return new BlasTriangularSolver();
    }

    /**
     * Checked triangular solves on a given backend.
     *
     * @param backend the kernels to use
     * @return the solver
     * @throws NullPointerException if {@code backend} is null
     */
    public static TriangularSolver triangularSolver(Backend backend) {
        return new BlasTriangularSolver(backend);
    }

    /**
     * Triangular solves by native LAPACK ({@code dtrtrs}, {@code dtrcon}).
     *
     * @return the solver
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static TriangularSolver nativeTriangularSolver() {
        requireNative();
        return new NetlibTriangularSolver();
    }

    /**
     * CholeskyQR2 for tall-skinny matrices of condition up to about \(10^8\), in Java on the active
     * backend.
     *
     * @return the algorithm
     */
    public static CholeskyQr choleskyQr2() {
        return new GramCholeskyQr(false);
    }

    /**
     * CholeskyQR2 on a given backend.
     *
     * @param backend the kernels to use
     * @return the algorithm
     * @throws NullPointerException if {@code backend} is null
     */
    public static CholeskyQr choleskyQr2(Backend backend) {
        return new GramCholeskyQr(false, backend);
    }

    /**
     * Shifted CholeskyQR3 for tall-skinny matrices of full numerical rank (condition up to about
     * \(10^{15}\)), in Java on the active backend.
     *
     * @return the algorithm
     */
    public static CholeskyQr shiftedCholeskyQr3() {
        return new GramCholeskyQr(true);
    }

    /**
     * Shifted CholeskyQR3 on a given backend.
     *
     * @param backend the kernels to use
     * @return the algorithm
     * @throws NullPointerException if {@code backend} is null
     */
    public static CholeskyQr shiftedCholeskyQr3(Backend backend) {
        return new GramCholeskyQr(true, backend);
    }

    /**
     * Blocked QR with column pivoting ({@code dgeqp3}'s algorithm) in Java on the active backend.
     *
     * @return the algorithm
     */
    public static PivotedQr pivotedQr() {
        return new BlockedPivotedQr();
    }

    /**
     * Blocked QR with column pivoting in Java on a given backend.
     *
     * @param backend the kernels to use
     * @return the algorithm
     * @throws NullPointerException if {@code backend} is null
     */
    public static PivotedQr pivotedQr(Backend backend) {
        return new BlockedPivotedQr(backend);
    }

    /**
     * QR with column pivoting by native LAPACK ({@code dgeqp3}).
     *
     * @return the algorithm
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static PivotedQr nativePivotedQr() {
        requireNative();
        return new NetlibPivotedQr();
    }

    /**
     * Full-rank least squares by Householder QR in Java (minimum-norm for underdetermined systems);
     * see {@link LeastSquares}.
     *
     * @return the solver
     */
    public static LeastSquares leastSquares() {
        return new QrLeastSquares(qr(), triangularSolver());
    }

    /**
     * Full-rank least squares by native LAPACK {@code dgels}.
     *
     * @return the solver
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static LeastSquares nativeLeastSquares() {
        requireNative();
        return new NetlibLeastSquares();
    }

    /**
     * Rank-revealing least squares by QR with column pivoting in Java, with the default relative
     * rank tolerance {@link PivotedQrResult#defaultTolerance}; returns the basic solution (see
     * {@link LeastSquares}).
     *
     * @return the solver
     */
    public static LeastSquares pivotedLeastSquares() {
        return new PivotedQrLeastSquares(pivotedQr(), qr(), triangularSolver(), Double.NaN);
    }

    /**
     * Rank-revealing least squares by QR with column pivoting in Java at a given relative rank
     * tolerance.
     *
     * @param relativeTolerance \(\tau \ge 0\): the rank is the number of \(|r_{ii}| \gt \tau
     *     |r_{11}|\)
     * @return the solver
     * @throws IllegalArgumentException if the tolerance is negative, NaN or infinite
     */
    public static LeastSquares pivotedLeastSquares(double relativeTolerance) {
        requireTolerance(relativeTolerance);
        return new PivotedQrLeastSquares(pivotedQr(), qr(), triangularSolver(), relativeTolerance);
    }

    /**
     * Rank-revealing least squares on native LAPACK ({@code dgeqp3}, {@code dormqr}, {@code dtrtrs})
     * with the default relative rank tolerance {@link PivotedQrResult#defaultTolerance}.
     *
     * @return the solver
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static LeastSquares nativePivotedLeastSquares() {
        requireNative();
        return new PivotedQrLeastSquares(nativePivotedQr(), nativeQr(), nativeTriangularSolver(), Double.NaN);
    }

    /**
     * Rank-revealing least squares on native LAPACK ({@code dgeqp3}, {@code dormqr}, {@code dtrtrs})
     * at a given relative rank tolerance.
     *
     * @param relativeTolerance \(\tau \ge 0\), as for {@link #pivotedLeastSquares(double)}
     * @return the solver
     * @throws IllegalArgumentException if the tolerance is negative, NaN or infinite
     * @throws IllegalStateException    if no native LAPACK loads
     */
    public static LeastSquares nativePivotedLeastSquares(double relativeTolerance) {
        requireNative();
        requireTolerance(relativeTolerance);
        return new PivotedQrLeastSquares(nativePivotedQr(), nativeQr(), nativeTriangularSolver(), relativeTolerance);
    }

    private static void requireTolerance(double relativeTolerance) {
        if (!(relativeTolerance >= 0) || relativeTolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "relativeTolerance must be non-negative and finite, got " + relativeTolerance);
        }
    }

    /**
     * Blocked Cholesky with complete pivoting ({@code dpstrf}'s algorithm) in Java on the active
     * backend. There is no native counterpart: {@code dev.ludovic.netlib}'s LAPACK interface does not
     * include {@code dpstrf}.
     *
     * @return the algorithm
     */
    public static PivotedCholesky pivotedCholesky() {
        return new BlockedPivotedCholesky();
    }

    /**
     * Blocked Cholesky with complete pivoting in Java on a given backend.
     *
     * @param backend the kernels to use
     * @return the algorithm
     * @throws NullPointerException if {@code backend} is null
     */
    public static PivotedCholesky pivotedCholesky(Backend backend) {
        return new BlockedPivotedCholesky(backend);
    }

    /**
     * The pure-Java SVD: QR pre-reduction for \(m \ge 1.6 n\) (or \(n \ge 1.6 m\)), blocked
     * Golub–Kahan bidiagonalization, Demmel–Kahan bidiagonal QR.
     *
     * @return a stateless, thread-safe {@link Svd}
     */
    public static Svd svd() {
        return new GolubKahanSvd();
    }

    /**
     * The pure-Java SVD on a given backend: its GEMMs, and its thread count for the rotations of
     * the bidiagonal QR and the compensated Gram products of the reflectors.
     *
     * @param backend the kernels
     * @return a stateless, thread-safe {@link Svd}
     * @throws NullPointerException if {@code backend} is null
     */
    public static Svd svd(Backend backend) {
        return new GolubKahanSvd(backend);
    }

    /**
     * The SVD by native LAPACK {@code dgesdd}.
     *
     * @return a thread-safe {@link Svd}
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static Svd nativeSvd() {
        requireNative();
        return new NetlibSvd();
    }

    /**
     * The pure-Java symmetric eigensolver: blocked tridiagonalization, divide and conquer on the
     * tridiagonal matrix (Cuppen, Gu–Eisenstat), back-transformation with blocked reflectors
     * (LAPACK dsyevd's pipeline). Values only: implicit QL after the reduction.
     *
     * @return a stateless, thread-safe {@link SymmetricEigen}
     */
    public static SymmetricEigen symmetricEigen() {
        return new DivideAndConquerEigen();
    }

    /**
     * The pure-Java divide-and-conquer symmetric eigensolver on a given backend (its GEMMs and its
     * thread count).
     *
     * @param backend the kernels
     * @return a stateless, thread-safe {@link SymmetricEigen}
     * @throws NullPointerException if {@code backend} is null
     */
    public static SymmetricEigen symmetricEigen(Backend backend) {
        return new DivideAndConquerEigen(backend);
    }

    /**
     * The pure-Java symmetric eigensolver with the implicit QL/QR iteration on the tridiagonal
     * matrix, rotating the accumulated reflectors (LAPACK dsyev's pipeline): slower than {@link
     * #symmetricEigen()} for large orders with vectors, but with a smaller workspace (one \(n
     * \times n\) matrix).
     *
     * @return a stateless, thread-safe {@link SymmetricEigen}
     */
    public static SymmetricEigen symmetricEigenQl() {
        return new TridiagonalQlEigen();
    }

    /**
     * The pure-Java QL symmetric eigensolver on a given backend (its GEMMs and its thread count).
     *
     * @param backend the kernels
     * @return a stateless, thread-safe {@link SymmetricEigen}
     * @throws NullPointerException if {@code backend} is null
     */
    public static SymmetricEigen symmetricEigenQl(Backend backend) {
        return new TridiagonalQlEigen(backend);
    }

    /**
     * The symmetric eigensolver by native LAPACK {@code dsyevd}.
     *
     * @return a thread-safe {@link SymmetricEigen}
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static SymmetricEigen nativeSymmetricEigen() {
        requireNative();
        return new NetlibSymmetricEigen();
    }
}
