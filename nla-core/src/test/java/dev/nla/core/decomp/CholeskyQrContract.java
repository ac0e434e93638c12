package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.MatrixFamilies;
import dev.nla.core.testing.MatrixFamilies.Case;
import dev.nla.core.testing.TestMatrices;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link CholeskyQr} on tall-skinny matrices inside each method's domain
 * (condition up to {@link #supportedCondition()}). In that domain CholeskyQR2 has \(\|Q^{\mathsf
 * T}Q - I\|_F \le 6(mnu + n(n+1)u)\) and \(\|QR - A\|_F \le 5n^2\sqrt n\,u\|A\|_2\) [Yamamoto et
 * al. 2015, Thms 3.2, 3.3]; the bounds are pessimistic and in practice both LAPACK ratios are of
 * order one, as for Householder QR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CholeskyQrContract {
    /** The implementation under test. */
    protected abstract CholeskyQr create();

    /** The largest condition number the method is meant for. */
    protected abstract double supportedCondition();

    Stream<Case> cases() {
        return MatrixFamilies.tallSkinny(110, supportedCondition(), 606L).stream();
    }

    Stream<Case> manyCases() {
        return MatrixFamilies.tallSkinny(1000, supportedCondition(), 707L).stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void factorsReproduceTheMatrix(Case c) {
        QrResult qr = create().decompose(c.matrix());
        assertThat(LapackRatios.residualRatio(c.matrix(), qr.q(), qr.r())).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void qHasOrthonormalColumns(Case c) {
        assertThat(LapackRatios.orthogonalityRatio(
                        create().decompose(c.matrix()).q()))
                .isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rIsUpperTriangularWithPositiveDiagonal(Case c) {
        DenseMatrix r = create().decompose(c.matrix()).r();
        assertThat(LapackRatios.belowDiagonal(r)).isZero();
        for (int i = 0; i < r.rows(); i++) {
            assertThat(r.get(i, i)).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inputIsNotModified(Case c) {
        DenseMatrix before = c.matrix().copy();
        create().decompose(c.matrix());
        assertThatMatrix(c.matrix()).isBitwiseEqualTo(before);
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("manyCases")
    void thousandMatricesMeetBothRatios(Case c) {
        QrResult qr = create().decompose(c.matrix());
        assertThat(Math.max(
                        LapackRatios.residualRatio(c.matrix(), qr.q(), qr.r()),
                        LapackRatios.orthogonalityRatio(qr.q())))
                .isLessThan(THRESHOLD);
    }

    @Test
    void rAgreesWithHouseholderUpToSigns() {
        DenseMatrix a =
                TestMatrices.withSingularValues(400, 30, TestMatrices.exponentialDecay(30, 1e4), RngState.seed(2));
        DenseMatrix r = create().decompose(a).r();
        DenseMatrix h = Decompositions.qr().decompose(a, QrMode.THIN).r();
        // Both are backward stable, so they agree to about kappa * n * u relative (1e4 * 30 * 1e-16).
        double worst = 0;
        for (int i = 0; i < 30; i++) {
            double sign = Math.signum(h.get(i, i));
            for (int j = i; j < 30; j++) {
                worst = Math.max(worst, Math.abs(r.get(i, j) - sign * h.get(i, j)));
            }
        }
        assertThat(worst).isLessThan(1e-9 * LapackRatios.frobenius(a));
    }

    @Test
    void exactlyRankDeficientMatrixBreaksDown() {
        DenseMatrix a = TestMatrices.gaussian(50, 6, RngState.seed(3));
        for (int i = 0; i < 50; i++) {
            a.set(i, 4, 0.0);
        }
        assertThatThrownBy(() -> create().decompose(a)).isInstanceOf(CholeskyQrBreakdownException.class);
    }

    @Test
    void wideMatrixIsRejected() {
        assertThatThrownBy(() -> create().decompose(DenseMatrix.zeros(3, 5)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x5");
    }

    @Test
    void nonFiniteInputIsRejectedWithItsPosition() {
        DenseMatrix a = TestMatrices.gaussian(6, 2, RngState.seed(4));
        a.set(5, 1, Double.NaN);
        assertThatThrownBy(() -> create().decompose(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(5, 1)");
    }
}
