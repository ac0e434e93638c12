package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the {@link PivotedQr} contract on native LAPACK {@code dgeqp3}; skipped when it is absent. */
class NetlibPivotedQrTest extends PivotedQrContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
    }

    @Override
    protected PivotedQr create() {
        return Decompositions.nativePivotedQr();
    }
}
