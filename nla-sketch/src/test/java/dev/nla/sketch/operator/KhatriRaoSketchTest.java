package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.core.testing.Tolerances;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The documented definition, ordering and validation of {@link KhatriRaoSketch}. */
class KhatriRaoSketchTest {
    @Test
    void entryIsTheScaledProductOfTheFactorEntriesWithTheFirstIndexFastest() {
        RngState state = RngState.seed(1);
        int[] modes = {3, 4, 2};
        KhatriRaoSketch law = KhatriRaoSketch.gaussian(5, modes);
        DenseMatrix s = law.sample(state).value().toDense();
        for (int r = 0; r < 5; r++) {
            for (int i3 = 0; i3 < 2; i3++) {
                for (int i2 = 0; i2 < 4; i2++) {
                    for (int i1 = 0; i1 < 3; i1++) {
                        double expected = law.scale()
                                * RandomMatrices.entry(i1, r, ScalarDistribution.GAUSSIAN, Sketching.factor(state, 0))
                                * RandomMatrices.entry(i2, r, ScalarDistribution.GAUSSIAN, Sketching.factor(state, 1))
                                * RandomMatrices.entry(i3, r, ScalarDistribution.GAUSSIAN, Sketching.factor(state, 2));
                        int l = i1 + 3 * (i2 + 4 * i3);
                        // products of 4 factors in another order: within 4 u relative
                        assertThat(s.get(r, l))
                                .isCloseTo(expected, Offset.offset(4 * Tolerances.U * Math.abs(expected)));
                    }
                }
            }
        }
    }

    @Test
    void sketchOfARankOneTensorIsTheEntrywiseProductOfTheFactorSketches() {
        // S vec(x1 o x2) = alpha (Omega1^T x1) * (Omega2^T x2), vec with the first index fastest
        RngState state = RngState.seed(2);
        int m1 = 7;
        int m2 = 5;
        int d = 6;
        DenseMatrix x1 = Inputs.dense(m1, 1, 3);
        DenseMatrix x2 = Inputs.dense(m2, 1, 4);
        DenseMatrix vec = DenseMatrix.zeros(m1 * m2, 1);
        for (int i2 = 0; i2 < m2; i2++) {
            for (int i1 = 0; i1 < m1; i1++) {
                vec.set(i1 + m1 * i2, 0, x1.get(i1, 0) * x2.get(i2, 0));
            }
        }
        KhatriRaoSketch law = KhatriRaoSketch.sign(d, m1, m2);
        DenseMatrix y = law.sample(state).value().applyLeft(vec);
        DenseMatrix o1 = RandomMatrices.generate(m1, d, ScalarDistribution.RADEMACHER, Sketching.factor(state, 0))
                .value();
        DenseMatrix o2 = RandomMatrices.generate(m2, d, ScalarDistribution.RADEMACHER, Sketching.factor(state, 1))
                .value();
        DenseMatrix p1 = Inputs.multiply(o1.transpose(), x1);
        DenseMatrix p2 = Inputs.multiply(o2.transpose(), x2);
        for (int r = 0; r < d; r++) {
            double expected = law.scale() * p1.get(r, 0) * p2.get(r, 0);
            // both sides sum the same m1 m2 products in different orders: gamma_{m1 m2} times |.|
            double bound = 2 * Tolerances.gamma(m1 * m2 + 2) * law.scale() * absDot(o1, x1, r) * absDot(o2, x2, r);
            assertThat(y.get(r, 0)).isCloseTo(expected, Offset.offset(bound + Double.MIN_NORMAL));
        }
    }

    private static double absDot(DenseMatrix omega, DenseMatrix x, int r) {
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            s += Math.abs(omega.get(i, r) * x.get(i, 0));
        }
        return s;
    }

    @Test
    void singleModeIsADenseSketchOfTheFactorStream() {
        RngState state = RngState.seed(5);
        DenseMatrix s = KhatriRaoSketch.gaussian(4, 9).sample(state).value().toDense();
        assertThat(s.get(2, 7))
                .isEqualTo(0.5 * RandomMatrices.entry(7, 2, ScalarDistribution.GAUSSIAN, Sketching.factor(state, 0)));
    }

    @Test
    void columnsAreTheProductOfTheModeSizes() {
        assertThat(KhatriRaoSketch.gaussian(3, 4, 5, 6).cols()).isEqualTo(120);
    }

    @Test
    void modeSizesAreCopied() {
        int[] modes = {2, 3};
        KhatriRaoSketch law = KhatriRaoSketch.gaussian(3, modes);
        modes[0] = 7;
        assertThat(law.modeSizes()).containsExactly(2, 3);
    }

    @Test
    void rejectsNoModes() {
        assertThatThrownBy(() -> KhatriRaoSketch.gaussian(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one mode");
    }

    @Test
    void rejectsAZeroModeSize() {
        assertThatThrownBy(() -> KhatriRaoSketch.gaussian(3, 4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modeSizes[1] = 0");
    }

    @Test
    void rejectsAnOverflowingProduct() {
        assertThatThrownBy(() -> KhatriRaoSketch.gaussian(3, 100_000, 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[100000, 100000]");
    }

    @Test
    void rejectsZeroRows() {
        assertThatThrownBy(() -> KhatriRaoSketch.gaussian(0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void equalDistributionsAreEqual() {
        assertThat(KhatriRaoSketch.gaussian(3, 2, 5))
                .isEqualTo(KhatriRaoSketch.gaussian(3, 2, 5))
                .hasSameHashCodeAs(KhatriRaoSketch.gaussian(3, 2, 5))
                .isNotEqualTo(KhatriRaoSketch.gaussian(3, 5, 2))
                .isNotEqualTo(KhatriRaoSketch.sign(3, 2, 5));
    }
}
