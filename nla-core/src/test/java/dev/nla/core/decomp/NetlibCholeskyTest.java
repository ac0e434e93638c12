package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the {@link Cholesky} contract on native LAPACK; skipped when no native library loads. */
class NetlibCholeskyTest extends CholeskyContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
    }

    @Override
    protected Cholesky create() {
        return Decompositions.nativeCholesky();
    }
}
