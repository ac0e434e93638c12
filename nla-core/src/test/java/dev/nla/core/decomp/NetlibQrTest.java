package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the {@link Qr} contract on native LAPACK; skipped when no native library loads. */
class NetlibQrTest extends QrContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
    }

    @Override
    protected Qr create() {
        return Decompositions.nativeQr();
    }
}
