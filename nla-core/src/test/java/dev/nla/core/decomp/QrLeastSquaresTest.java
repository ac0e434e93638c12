package dev.nla.core.decomp;

/** Runs the full-rank least-squares contract on the Java QR solver. */
class QrLeastSquaresTest extends FullRankLeastSquaresContract {
    @Override
    protected LeastSquares create() {
        return Decompositions.leastSquares();
    }
}
