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
import dev.nla.core.testing.LapackRatios.Case;
import dev.nla.core.testing.TestMatrices;
import java.util.ArrayList;
import java.util.List;
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

    /** Tall-skinny matrices: Gaussian, geometric and polynomial decay up to the supported condition. */
    static List<Case> tallSkinny(int count, double maxCondition, long seed) {
        List<Case> cases = new ArrayList<>();
        RngState state = RngState.seed(seed);
        int[][] edges = {{0, 0}, {5, 0}, {1, 1}, {7, 1}, {9, 9}};
        for (int c = 0; c < count; c++) {
            RngState s = state.split(c);
            int m;
            int n;
            if (c < edges.length) {
                m = edges[c][0];
                n = edges[c][1];
            } else {
                n = 1 + (int) (60 * uniform(s, 1));
                m = n + (int) (n * 30 * uniform(s, 2));
                if (c % 17 == 0) {
                    m = 2000 + (int) (3000 * uniform(s, 3));
                }
            }
            double exponent = uniform(s, 4) * Math.log10(maxCondition);
            double cond = n <= 1 ? 1 : Math.pow(10, exponent);
            DenseMatrix a;
            String name;
            switch (c % 3) {
                case 0:
                    a = TestMatrices.gaussian(m, n, s.split(7));
                    name = "gaussian";
                    break;
                case 1:
                    a = TestMatrices.withSingularValues(
                            m, n, n == 0 ? new double[0] : TestMatrices.exponentialDecay(n, cond), s.split(7));
                    name = "geometric(cond=" + String.format("%.1e", cond) + ")";
                    break;
                default:
                    a = TestMatrices.withSingularValues(
                            m, n, n == 0 ? new double[0] : TestMatrices.polynomialDecay(n, cond, 2), s.split(7));
                    name = "polynomial(cond=" + String.format("%.1e", cond) + ")";
                    break;
            }
            cases.add(new Case("#" + c + " " + name + " " + m + "x" + n, a));
        }
        return cases;
    }

    private static double uniform(RngState s, int index) {
        return (dev.nla.core.random.RandomMatrices.entry(index, 0, dev.nla.core.random.ScalarDistribution.UNIFORM, s)
                                / Math.sqrt(3)
                        + 1)
                / 2;
    }

    Stream<Case> cases() {
        return tallSkinny(110, supportedCondition(), 606L).stream();
    }

    Stream<Case> manyCases() {
        return tallSkinny(1000, supportedCondition(), 707L).stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void factorsReproduceTheMatrix(Case c) {
        QrResult qr = create().decompose(c.matrix());
        assertThat(LapackRatios.residualRatio(c.matrix(), LapackRatios.product(qr.q(), qr.r())))
                .isLessThan(THRESHOLD);
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
                        LapackRatios.residualRatio(c.matrix(), LapackRatios.product(qr.q(), qr.r())),
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
