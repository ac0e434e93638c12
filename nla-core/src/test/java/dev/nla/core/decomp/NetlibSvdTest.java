package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** The native (dgesdd) SVD against the shared contract; skipped when native LAPACK is absent. */
class NetlibSvdTest extends SvdContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK not installed");
    }

    @Override
    Svd create() {
        return Decompositions.nativeSvd();
    }
}
