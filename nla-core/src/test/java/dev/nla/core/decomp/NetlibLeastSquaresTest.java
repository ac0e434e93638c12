package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the full-rank least-squares contract on native {@code dgels}; skipped when it is absent. */
class NetlibLeastSquaresTest extends FullRankLeastSquaresContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
    }

    @Override
    protected LeastSquares create() {
        return Decompositions.nativeLeastSquares();
    }
}
