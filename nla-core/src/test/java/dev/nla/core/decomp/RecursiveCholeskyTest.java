package dev.nla.core.decomp;

/** Runs the {@link Cholesky} contract on the pure-Java recursive Cholesky. */
class RecursiveCholeskyTest extends CholeskyContract {
    @Override
    protected Cholesky create() {
        return Decompositions.cholesky();
    }
}
