package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the {@link Lu} contract on native LAPACK; skipped when no native library loads. */
class NetlibLuTest extends LuContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
    }

    @Override
    protected Lu create() {
        return Decompositions.nativeLu();
    }
}
