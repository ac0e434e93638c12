package dev.nla.core.decomp;

/** Runs the {@link TriangularSolver} contract on the checked {@code Blas.trsm} solver. */
class BlasTriangularSolverTest extends TriangularSolverContract {
    @Override
    protected TriangularSolver create() {
        return Decompositions.triangularSolver();
    }
}
