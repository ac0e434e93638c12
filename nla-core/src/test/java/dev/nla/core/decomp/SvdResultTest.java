package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

class SvdResultTest {
    static SvdResult diagonal(double... s) {
        return new SvdResult(DenseMatrix.identity(s.length), s, DenseMatrix.identity(s.length));
    }

    @Test
    void rankCountsValuesAboveTheRelativeCutOff() {
        SvdResult r = diagonal(4.0, 2.0, 1e-9, 0.0);
        assertThat(r.rank(0.0)).isEqualTo(3);
        assertThat(r.rank(1e-6)).isEqualTo(2);
        assertThat(r.rank(0.5)).isEqualTo(1);
        assertThat(r.rank(1.0)).isZero();
    }

    @Test
    void reconstructMultipliesTheFactors() {
        DenseMatrix u = DenseMatrix.of(new double[][] {{0, 1}, {1, 0}, {0, 0}});
        DenseMatrix vt = DenseMatrix.of(new double[][] {{1, 0}, {0, -1}});
        DenseMatrix a = new SvdResult(u, new double[] {3, 2}, vt).reconstruct();
        assertThat(a.toArray()).isDeepEqualTo(new double[][] {{0, -2}, {3, 0}, {0, 0}});
    }

    @Test
    void singularValuesAreCopiedInAndOut() {
        double[] s = {2.0, 1.0};
        SvdResult r = diagonal(s);
        s[0] = 99;
        r.singularValues()[1] = 42;
        assertThat(r.singularValues()).containsExactly(2.0, 1.0);
    }

    @Test
    void rejectsUnsortedValues() {
        assertThatThrownBy(() -> diagonal(1.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("singularValues[1] = 2.0");
    }

    @Test
    void rejectsNegativeValues() {
        assertThatThrownBy(() -> diagonal(1.0, -1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> new SvdResult(DenseMatrix.zeros(3, 1), new double[] {1, 0.5}, DenseMatrix.zeros(2, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("u is 3x1");
    }

    @Test
    void reportsTheShapeOfTheDecomposedMatrix() {
        SvdResult r = new SvdResult(DenseMatrix.zeros(5, 2), new double[] {1, 0.5}, DenseMatrix.zeros(2, 2));
        assertThat(r.rows()).isEqualTo(5);
        assertThat(r.cols()).isEqualTo(2);
        assertThat(r.toString()).contains("5x2");
    }

    @Test
    void eigenResultReconstructs() {
        double c = Math.sqrt(0.5);
        DenseMatrix z = DenseMatrix.of(new double[][] {{c, -c}, {c, c}});
        EigenResult e = new EigenResult(new double[] {3.0, 1.0}, z, EigenOrder.DESCENDING);
        DenseMatrix a = e.reconstruct();
        assertThat(a.get(0, 0)).isCloseTo(2.0, within(1e-15));
        assertThat(a.get(0, 1)).isCloseTo(1.0, within(1e-15));
        assertThat(a.get(1, 1)).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void eigenResultRejectsTheWrongOrder() {
        assertThatThrownBy(
                        () -> new EigenResult(new double[] {1.0, 3.0}, DenseMatrix.identity(2), EigenOrder.DESCENDING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DESCENDING");
    }

    @Test
    void eigenResultRejectsMismatchedVectors() {
        assertThatThrownBy(() -> new EigenResult(new double[] {1.0}, DenseMatrix.identity(2), EigenOrder.ASCENDING))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2x2");
    }
}
