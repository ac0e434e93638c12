package dev.nla.tensor.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TuckerGmresTest {
    private static final int[] SIZES = {7, 6, 5};
    /** A Sylvester-type operator A1 (x) I (x) I + I (x) A2 (x) I + I (x) I (x) A3, nonsymmetric, well conditioned. */
    private static final KroneckerSumOperator OP = new KroneckerSumOperator(
            SIZES,
            List.of(
                    new DenseMatrix[] {shifted(7, 3.0, 1), null, null},
                    new DenseMatrix[] {null, shifted(6, 2.0, 2), null},
                    new DenseMatrix[] {null, null, shifted(5, 1.5, 3)}));

    private static final TuckerTensor B = TestTensors.gaussianTucker(SIZES, new int[] {1, 1, 1}, RngState.seed(40));

    @ParameterizedTest
    @EnumSource(
            value = SummationStrategy.class,
            names = {"FORMAL_QR_ROUNDING", "ADAPTIVE", "DIRECT"})
    void solutionMatchesTheDenseSolve(SummationStrategy strategy) {
        TuckerGmresResult r = gmres(strategy, 1e-10).solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(1));
        DenseMatrix x =
                DenseMatrix.wrap(210, 1, Reconstruction.full(r.solution()).data());
        DenseMatrix b = DenseMatrix.wrap(210, 1, Reconstruction.full(B).data());
        DenseMatrix exact = Decompositions.lu().solve(OP.explicit(), b);
        // cond(A) ~ 10; residual 1e-10 gives a forward error ~1e-9 relative, plus rounding at 1e-12.
        assertThat(TestTensors.relativeDifference(x, exact)).isLessThan(1e-8);
        assertThat(r.converged()).isTrue();
    }

    @Test
    void finalTrueResidualIsBelowTheTolerance() {
        TuckerGmresResult r = gmres(SummationStrategy.FORMAL_QR_ROUNDING, 1e-9)
                .solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(1));
        // Relaxed truncation keeps the true residual within a small multiple of tol.
        assertThat(r.finalTrueResidual()).isLessThan(1e-8);
    }

    @Test
    void rightPreconditioningWithTheExactFirstTermConverges() {
        DenseMatrix a1 = shifted(7, 3.0, 1);
        var lu = Decompositions.lu().factor(a1);
        TuckerPreconditioner p =
                TuckerPreconditioner.onMode(0, u -> Decompositions.lu().solve(lu, u));
        TuckerGmresResult plain = gmres(SummationStrategy.FORMAL_QR_ROUNDING, 1e-10)
                .solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(1));
        TuckerGmresResult pre =
                gmres(SummationStrategy.FORMAL_QR_ROUNDING, 1e-10).solve(OP, B, p, RngState.seed(1));
        DenseMatrix x1 =
                DenseMatrix.wrap(210, 1, Reconstruction.full(plain.solution()).data());
        DenseMatrix x2 =
                DenseMatrix.wrap(210, 1, Reconstruction.full(pre.solution()).data());
        assertThat(TestTensors.relativeDifference(x2, x1)).isLessThan(1e-8);
    }

    @Test
    void nonConvergenceIsReportedNotThrown() {
        TuckerGmres g = new TuckerGmres(
                TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING),
                TuckerGmresOptions.builder(1e-12).maxIterations(2).build());
        TuckerGmresResult r = g.solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(1));
        assertThat(r.converged()).isFalse();
        assertThat(new int[] {r.iterations(), r.residualEstimates().length, r.krylovRanks().length})
                .containsExactly(2, 3, 2);
        assertThat(r.residualEstimates()[2]).isGreaterThan(1e-12);
    }

    @Test
    void arnoldiResidualsDecreaseMonotonically() {
        double[] est = gmres(SummationStrategy.FORMAL_QR_ROUNDING, 1e-10)
                .solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(1))
                .residualEstimates();
        for (int i = 1; i < est.length; i++) {
            assertThat(est[i]).isLessThanOrEqualTo(est[i - 1] * (1 + 1e-12));
        }
    }

    @Test
    void relaxedToleranceGrowsAsTheResidualFalls() {
        TuckerGmresResult r = gmres(SummationStrategy.FORMAL_QR_ROUNDING, 1e-10)
                .solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(1));
        double[] est = r.residualEstimates();
        double[] delta = r.roundingTolerances();
        for (int i = 0; i < delta.length; i++) {
            // delta_k = 0.01 tol / (||r_{k-1}|| / ||b||)
            assertThat(delta[i]).isCloseTo(0.01 * 1e-10 / est[i], org.assertj.core.api.Assertions.within(1e-25));
        }
    }

    @Test
    void everyRoundingGetsFreshRandomness() {
        RecordingSummation rec = new RecordingSummation(TuckerSummation.of(SummationStrategy.ADAPTIVE));
        new TuckerGmres(rec, TuckerGmresOptions.defaults(1e-8))
                .solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(5));
        assertThat(new HashSet<>(rec.states)).hasSize(rec.states.size());
    }

    @Test
    void secondRoundingSumsKPlusTwoTerms() {
        RecordingSummation rec = new RecordingSummation(TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING));
        TuckerGmresResult r = new TuckerGmres(rec, TuckerGmresOptions.defaults(1e-8))
                .solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(5));
        // Iteration k (0-based) rounds A P^-1 V_k (3 terms) then W - sum_{i<=k} h_i V_i (k + 2 terms).
        for (int k = 0; k < r.iterations(); k++) {
            assertThat(rec.sizes.get(2 * k)).isEqualTo(3);
            assertThat(rec.sizes.get(2 * k + 1)).isEqualTo(k + 2);
        }
    }

    @Test
    void sameSeedGivesBitwiseIdenticalSolutions() {
        TuckerGmres g = gmres(SummationStrategy.ADAPTIVE, 1e-8);
        DenseTensor a = Reconstruction.full(g.solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(9))
                .solution());
        DenseTensor b = Reconstruction.full(g.solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(9))
                .solution());
        assertThat(a.data()).containsExactly(b.data());
    }

    @Test
    void trackingTheTrueResidualDoesNotChangeTheIterates() {
        TuckerGmresOptions plain = TuckerGmresOptions.defaults(1e-8);
        TuckerGmresOptions tracked =
                TuckerGmresOptions.builder(1e-8).trackTrueResidual(true).build();
        TuckerSummation s = TuckerSummation.of(SummationStrategy.ADAPTIVE);
        TuckerGmresResult a = new TuckerGmres(s, plain).solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(3));
        TuckerGmresResult b =
                new TuckerGmres(s, tracked).solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(3));
        assertThat(b.residualEstimates()).containsExactly(a.residualEstimates());
        assertThat(b.trueResiduals()).hasSize(b.iterations());
        assertThat(a.trueResiduals()).isEmpty();
    }

    @Test
    void timeSplitAddsUp() {
        TuckerGmresResult r =
                gmres(SummationStrategy.ADAPTIVE, 1e-8).solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(3));
        TimeSplit t = r.time();
        assertThat(t.sumRoundNanos()).isPositive();
        assertThat(t.totalNanos()).isGreaterThanOrEqualTo(t.applyNanos() + t.sumRoundNanos());
    }

    @Test
    void fixedRankStrategyNeedsARankCap() {
        assertThatThrownBy(() -> new TuckerGmres(
                        TuckerSummation.of(SummationStrategy.SKETCHED), TuckerGmresOptions.defaults(1e-8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sketched")
                .hasMessageContaining("maxRank");
    }

    @Test
    void fixedRankStrategyWithACapConverges() {
        TuckerGmres g = new TuckerGmres(
                TuckerSummation.of(SummationStrategy.SKETCHED),
                TuckerGmresOptions.builder(1e-8).maxRank(7).build());
        assertThat(g.solve(OP, B, TuckerPreconditioner.identity(), RngState.seed(2))
                        .converged())
                .isTrue();
    }

    @Test
    void zeroRightHandSideIsRefused() {
        TuckerTensor zero = TuckerTensor.of(
                DenseTensor.zeros(1, 1, 1), DenseMatrix.zeros(7, 1), DenseMatrix.zeros(6, 1), DenseMatrix.zeros(5, 1));
        assertThatThrownBy(() -> gmres(SummationStrategy.ADAPTIVE, 1e-8)
                        .solve(OP, zero, TuckerPreconditioner.identity(), RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero");
    }

    @Test
    void rightHandSideOfTheWrongShapeIsRefused() {
        TuckerTensor wrong = TestTensors.gaussianTucker(new int[] {7, 6, 4}, new int[] {1, 1, 1}, RngState.seed(1));
        assertThatThrownBy(() -> gmres(SummationStrategy.ADAPTIVE, 1e-8)
                        .solve(OP, wrong, TuckerPreconditioner.identity(), RngState.seed(1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[7, 6, 4]")
                .hasMessageContaining("[7, 6, 5]");
    }

    @Test
    void optionsRejectANonPositiveTolerance() {
        assertThatThrownBy(() -> TuckerGmresOptions.defaults(0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void optionsRejectANegativeRankCap() {
        assertThatThrownBy(() -> TuckerGmresOptions.builder(1e-8).maxRank(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRank");
    }

    private static TuckerGmres gmres(SummationStrategy strategy, double tol) {
        return new TuckerGmres(TuckerSummation.of(strategy), TuckerGmresOptions.defaults(tol));
    }

    /** shift * I + a Gaussian perturbation of norm about 1: nonsymmetric, eigenvalues near shift. */
    private static DenseMatrix shifted(int n, double shift, long seed) {
        DenseMatrix g = RandomMatrices.gaussian(n, n, RngState.seed(seed)).value();
        DenseMatrix a = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                a.set(i, j, g.get(i, j) / (2 * Math.sqrt(n)) + (i == j ? shift : 0));
            }
        }
        return a;
    }
}
