package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;

/** Loads the native LAPACK of {@code dev.ludovic.netlib} for the SVD and eigen implementations. */
final class LapackLoader {
    static final String INSTALL_HINT = "native LAPACK is not available: install a system LAPACK (on Debian: "
            + "apt-get install libopenblas0-pthread) so that dev.ludovic.netlib can load liblapack.so.3";

    private LapackLoader() {}

    /**
     * The native LAPACK instance.
     *
     * @return the instance
     * @throws IllegalStateException if no native LAPACK loads
     */
    static LAPACK load() {
        try {
            return NativeLAPACK.getInstance();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(INSTALL_HINT + " (" + e + ")", e);
        }
    }
}
