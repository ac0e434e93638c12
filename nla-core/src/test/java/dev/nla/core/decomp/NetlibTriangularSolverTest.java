package dev.nla.core.decomp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** Runs the {@link TriangularSolver} contract on native LAPACK; skipped when it is absent. */
class NetlibTriangularSolverTest extends TriangularSolverContract {
    @BeforeEach
    void requireNative() {
        assumeTrue(Decompositions.nativeAvailable(), "native LAPACK is not installed");
    }

    @Override
    protected TriangularSolver create() {
        return Decompositions.nativeTriangularSolver();
    }
}
