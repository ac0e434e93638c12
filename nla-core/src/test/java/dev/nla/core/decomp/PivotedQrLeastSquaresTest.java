package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

/** Runs the rank-revealing least-squares contract on the Java pivoted-QR solver. */
class PivotedQrLeastSquaresTest extends RankRevealingLeastSquaresContract {
    @Override
    protected LeastSquares create() {
        return Decompositions.pivotedLeastSquares();
    }

    @Test
    void toleranceChangesTheRank() {
        // sigma_i = 10^{-2i/8}, i < 8: relative tolerance 1e-1 keeps about 4 of them.
        DenseMatrix a = rankDeficient(40, 20, 8, 9);
        DenseMatrix b = DenseMatrix.zeros(40, 1);
        assertThat(Decompositions.pivotedLeastSquares(1e-1).solve(a, b).rank())
                .isLessThan(
                        Decompositions.pivotedLeastSquares(1e-10).solve(a, b).rank());
    }

    @Test
    void negativeToleranceIsRejected() {
        assertThatThrownBy(() -> Decompositions.pivotedLeastSquares(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0");
    }
}
