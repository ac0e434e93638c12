package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** The native (dsyevd) eigensolver against the shared contract; skipped when native is absent. */
class NetlibSymmetricEigenTest extends SymmetricEigenContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK not installed");
    }

    @Override
    SymmetricEigen create() {
        return Decompositions.nativeSymmetricEigen();
    }
}
