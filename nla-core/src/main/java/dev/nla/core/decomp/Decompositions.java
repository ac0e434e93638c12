package dev.nla.core.decomp;

import dev.nla.core.decomp.internal.DivideAndConquerEigen;
import dev.nla.core.decomp.internal.GolubKahanSvd;
import dev.nla.core.decomp.internal.NetlibSvd;
import dev.nla.core.decomp.internal.NetlibSymmetricEigen;
import dev.nla.core.decomp.internal.TridiagonalQlEigen;

/**
 * Factory of the decomposition algorithms: the default pure-Java implementation of each interface,
 * and a {@code native...} variant backed by the system LAPACK.
 */
public final class Decompositions {
    private static final String NATIVE_HINT = "native LAPACK is not available: it needs the dev.ludovic.netlib "
            + "lapack jar and a system LAPACK (on Debian: apt-get install libopenblas0-pthread)";

    private Decompositions() {}

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
     * The SVD by native LAPACK {@code dgesdd}.
     *
     * @return a thread-safe {@link Svd}
     * @throws IllegalStateException if no native LAPACK loads (install one with {@code apt-get
     *     install libopenblas0-pthread})
     */
    public static Svd nativeSvd() {
        try {
            return new NetlibSvd();
        } catch (LinkageError e) {
            throw new IllegalStateException(NATIVE_HINT + " (" + e + ")", e);
        }
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
     * The symmetric eigensolver by native LAPACK {@code dsyevd}.
     *
     * @return a thread-safe {@link SymmetricEigen}
     * @throws IllegalStateException if no native LAPACK loads (install one with {@code apt-get
     *     install libopenblas0-pthread})
     */
    public static SymmetricEigen nativeSymmetricEigen() {
        try {
            return new NetlibSymmetricEigen();
        } catch (LinkageError e) {
            throw new IllegalStateException(NATIVE_HINT + " (" + e + ")", e);
        }
    }
}
