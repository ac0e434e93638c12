package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the rank-revealing least-squares contract on native LAPACK; skipped when it is absent. */
class NetlibPivotedQrLeastSquaresTest extends RankRevealingLeastSquaresContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
    }

    @Override
    protected LeastSquares create() {
        return Decompositions.nativePivotedLeastSquares();
    }
}
