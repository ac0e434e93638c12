package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import dev.nla.core.matrix.DenseMatrix;
import org.netlib.util.intW;

/**
 * Access to native LAPACK (normally OpenBLAS's) through {@code dev.ludovic.netlib}'s JNI binding,
 * and the checks shared by the native implementations.
 */
public final class NativeLapack {
    /** The install hint given when the library is missing. */
    public static final String INSTALL_HINT =
            "native LAPACK is not available: install a system LAPACK (on Debian: apt-get install "
                    + "libopenblas0-pthread) so that dev.ludovic.netlib can load liblapack.so.3";

    private NativeLapack() {}

    /**
     * Whether a native LAPACK loads.
     *
     * @return {@code true} if {@link #load()} succeeds
     */
    public static boolean isAvailable() {
        try {
            load();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The native LAPACK instance.
     *
     * @return the instance
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static LAPACK load() {
        try {
            return NativeLAPACK.getInstance();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(INSTALL_HINT + " (" + e + ")", e);
        }
    }

    /**
     * Throws unless a LAPACK routine reported success; a negative {@code info} is a bug here (an
     * illegal argument), a positive one is reported by the caller before this check.
     *
     * @param routine the routine's name
     * @param info    its {@code info} output
     * @throws IllegalStateException if {@code info != 0}
     */
    static void check(String routine, intW info) {
        if (info.val != 0) {
            throw new IllegalStateException(routine + " failed with info = " + info.val);
        }
    }

    /**
     * {@code a} itself if netlib's argument check accepts it, else a compact copy. netlib's {@code
     * AbstractLAPACK} requires {@code offset + cols * ld <= length}, stricter than LAPACK: a view of
     * the bottom rows of a parent's last columns fails it. Use for inputs only.
     *
     * @param a the matrix
     * @return {@code a} or a compact copy of it
     */
    static DenseMatrix compact(DenseMatrix a) {
        if ((long) a.offset() + (long) a.cols() * a.ld() <= a.data().length) {
            return a;
        }
        return a.copy();
    }

    /**
     * The optimal workspace length reported by a workspace query.
     *
     * @param query the {@code work[0]} of the query
     * @return at least 1
     */
    static int workLength(double query) {
        return Math.max(1, (int) Math.ceil(query));
    }
}
