package dev.nla.core.decomp;

/** Runs the {@link PivotedCholesky} contract on the pure-Java blocked pivoted Cholesky. */
class BlockedPivotedCholeskyTest extends PivotedCholeskyContract {
    @Override
    protected PivotedCholesky create() {
        return Decompositions.pivotedCholesky();
    }
}
