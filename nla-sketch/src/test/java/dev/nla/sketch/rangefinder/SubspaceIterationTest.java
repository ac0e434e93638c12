package dev.nla.sketch.rangefinder;

import static dev.nla.sketch.testing.LowRankTesting.bitwiseEqual;
import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static dev.nla.sketch.testing.LowRankTesting.matrixFree;
import static dev.nla.sketch.testing.LowRankTesting.orthogonalityLoss;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static dev.nla.sketch.testing.LowRankTesting.withThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.operator.SketchFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubspaceIterationTest {
    private static final double U = 0x1.0p-53;

    private static DenseMatrix polynomial(long seed) {
        return withSpectrum(90, 60, TestMatrices.polynomialDecay(60, 1e3, 1.5), seed);
    }

    private static QbResult find(SubspaceIterationOptions options, DenseMatrix a, int size, long seed) {
        return new SubspaceIteration(options).find(a, size, RngState.seed(seed)).value();
    }

    /** Householder QR: \(\|Q^{\mathsf T}Q - I\|_F = O(\ell m u)\); 10 m u is generous. */
    @ParameterizedTest
    @EnumSource(value = Stabiliser.class)
    void basisIsOrthonormalForEveryStabiliser(Stabiliser stabiliser) {
        SubspaceIterationOptions o = SubspaceIterationOptions.builder()
                .powerIterations(3)
                .stabiliser(stabiliser)
                .build();
        QbResult qb = find(o, polynomial(1), 12, 2);
        assertThat(orthogonalityLoss(qb.q())).isLessThan(10 * 90 * U);
    }

    /** \(B = Q^{\mathsf T}A\) up to the GEMM rounding \(\gamma_m\|Q\|\|A\|\). */
    @Test
    void bIsQTransposeA() {
        DenseMatrix a = polynomial(3);
        QbResult qb = find(SubspaceIterationOptions.defaults(), a, 10, 4);
        DenseMatrix expected = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, qb.q(), a);
        assertThat(distance(qb.b(), expected)).isLessThan(100 * 90 * U * frobenius(a));
    }

    /** A rank-5 matrix is captured exactly (to rounding) by \(\ell = 8\) vectors. */
    @Test
    void capturesAnExactlyLowRankMatrix() {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(70, 50, 5, 0.0, RngState.seed(5));
        QbResult qb = find(SubspaceIterationOptions.defaults(), a, 8, 6);
        assertThat(distance(a, Blas.multiply(qb.q(), qb.b()))).isLessThan(1e-12 * frobenius(a));
    }

    /** The estimate \((\|A\|_F^2 - \|B\|_F^2)^{1/2}\) matches the true error far above its resolution. */
    @Test
    void errorEstimateMatchesTheTrueError() {
        DenseMatrix a = polynomial(7);
        QbResult qb = find(SubspaceIterationOptions.defaults(), a, 10, 8);
        double truth = distance(a, Blas.multiply(qb.q(), qb.b()));
        assertThat(qb.errorEstimate().getAsDouble()).isCloseTo(truth, org.assertj.core.data.Offset.offset(1e-9));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void countsTwoQPlusTwoPasses(int q) {
        QbResult qb = find(SubspaceIterationOptions.builder().powerIterations(q).build(), polynomial(9), 10, 10);
        assertThat(qb.passes()).isEqualTo(2 * q + 2);
    }

    @Test
    void countsMatvecsAsPassesTimesColumns() {
        QbResult qb = find(SubspaceIterationOptions.defaults(), polynomial(9), 10, 10);
        assertThat(qb.matvecs()).isEqualTo(6L * 10);
    }

    @Test
    void capsTheSizeAtTheSmallerDimension() {
        QbResult qb = find(SubspaceIterationOptions.defaults(), polynomial(11), 500, 12);
        assertThat(qb.rank()).isEqualTo(60);
    }

    /** The operator route (matrix-free) reproduces the matrix route up to GEMM rounding. */
    @Test
    void matrixFreeInputGivesTheSameBasisUpToRounding() {
        DenseMatrix a = polynomial(13);
        SubspaceIteration f = SubspaceIteration.withDefaults();
        QbResult dense = f.find(a, 10, RngState.seed(14)).value();
        QbResult free = f.find(matrixFree(a), 10, RngState.seed(14)).value();
        DenseMatrix pd = Blas.multiply(dense.q(), dense.b());
        DenseMatrix pf = Blas.multiply(free.q(), free.b());
        assertThat(distance(pd, pf)).isLessThan(1e-9 * frobenius(a));
    }

    @Test
    void matrixFreeInputHasNoErrorEstimate() {
        QbResult qb = SubspaceIteration.withDefaults()
                .find(matrixFree(polynomial(15)), 10, RngState.seed(16))
                .value();
        assertThat(qb.errorEstimate()).isEmpty();
    }

    @Test
    void sparseInputGivesTheSameApproximationAsDense() {
        DenseMatrix a = polynomial(17);
        SparseMatrix s = SparseMatrix.fromDense(a, SparseMatrix.Format.CSR);
        SubspaceIteration f = SubspaceIteration.withDefaults();
        QbResult d = f.find(a, 10, RngState.seed(18)).value();
        QbResult sp = f.find(s, 10, RngState.seed(18)).value();
        assertThat(distance(Blas.multiply(d.q(), d.b()), Blas.multiply(sp.q(), sp.b())))
                .isLessThan(1e-9 * frobenius(a));
    }

    @Test
    void sameStateGivesBitwiseIdenticalResultsForOneAndTwoThreads() {
        DenseMatrix a = withSpectrum(400, 300, TestMatrices.polynomialDecay(300, 1e3, 1.0), 19);
        SubspaceIteration f = SubspaceIteration.withDefaults();
        QbResult one = withThreads(1, () -> f.find(a, 20, RngState.seed(20)).value());
        QbResult two = withThreads(2, () -> f.find(a, 20, RngState.seed(20)).value());
        assertThat(bitwiseEqual(one.q(), two.q()) && bitwiseEqual(one.b(), two.b()))
                .isTrue();
    }

    @Test
    void returnsTheSketchNextState() {
        Sampled<QbResult> s = SubspaceIteration.withDefaults().find(polynomial(21), 10, RngState.seed(22));
        RngState expected =
                SketchFamily.gaussian().of(10, 60).sample(RngState.seed(22)).next();
        assertThat(s.next()).isEqualTo(expected);
    }

    @Test
    void basisMethodReturnsTheSameBasisAsFind() {
        DenseMatrix a = polynomial(23);
        SubspaceIteration f = SubspaceIteration.withDefaults();
        DenseMatrix q = f.basis(LinearOperator.of(a), 10, RngState.seed(24)).value();
        assertThat(bitwiseEqual(q, f.find(a, 10, RngState.seed(24)).value().q()))
                .isTrue();
    }

    /** Without stabilisation \(\sigma_1^{2q+1}\) overflows: \(10^{10 \cdot 41} \gt\) the double range. */
    @Test
    void overflowWithoutStabilisationIsReported() {
        DenseMatrix a = polynomial(25);
        Blas.scal(1e10, a);
        SubspaceIterationOptions o = SubspaceIterationOptions.builder()
                .powerIterations(20)
                .stabiliser(Stabiliser.NONE)
                .build();
        assertThatThrownBy(() -> find(o, a, 10, 26))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("pass");
    }

    @Test
    void rejectsNonFiniteInput() {
        DenseMatrix a = polynomial(27);
        a.set(3, 4, Double.NaN);
        assertThatThrownBy(() -> find(SubspaceIterationOptions.defaults(), a, 10, 28))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(3, 4)");
    }

    @Test
    void rejectsANonPositiveSize() {
        assertThatThrownBy(() -> find(SubspaceIterationOptions.defaults(), polynomial(29), 0, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size")
                .hasMessageContaining("0");
    }

    @Test
    void rejectsAnEmptyOperator() {
        assertThatThrownBy(() -> find(SubspaceIterationOptions.defaults(), DenseMatrix.zeros(0, 5), 1, 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x5");
    }

    @Test
    void optionsRejectNegativePowerIterations() {
        assertThatThrownBy(() ->
                        SubspaceIterationOptions.builder().powerIterations(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void optionsRejectAZeroStabilisationPeriod() {
        assertThatThrownBy(() -> SubspaceIterationOptions.builder()
                        .passesPerStabilisation(0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passesPerStabilisation");
    }
}
