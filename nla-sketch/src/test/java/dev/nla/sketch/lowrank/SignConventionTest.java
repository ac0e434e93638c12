package dev.nla.sketch.lowrank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

class SignConventionTest {
    @Test
    void uBasedFlipsAPairWhoseLargestLeftEntryIsNegative() {
        DenseMatrix u = DenseMatrix.of(new double[][] {{0.1}, {-0.9}});
        DenseMatrix vt = DenseMatrix.of(new double[][] {{0.6, 0.8}});
        SignConvention.U_MAX_ABS.apply(u, vt);
        assertThat(new double[] {u.get(1, 0), vt.get(0, 0)}).containsExactly(0.9, -0.6);
    }

    @Test
    void vBasedLooksAtTheRightVector() {
        DenseMatrix u = DenseMatrix.of(new double[][] {{0.1}, {-0.9}});
        DenseMatrix vt = DenseMatrix.of(new double[][] {{0.6, 0.8}});
        SignConvention.V_MAX_ABS.apply(u, vt);
        assertThat(u.get(1, 0)).isEqualTo(-0.9);
    }

    @Test
    void tiesAreBrokenByTheFirstEntry() {
        DenseMatrix u = DenseMatrix.of(new double[][] {{-0.5}, {0.5}});
        SignConvention.U_MAX_ABS.apply(u, null);
        assertThat(u.get(0, 0)).isEqualTo(0.5);
    }

    @Test
    void noneLeavesTheSigns() {
        DenseMatrix u = DenseMatrix.of(new double[][] {{0.1}, {-0.9}});
        SignConvention.NONE.apply(u, null);
        assertThat(u.get(1, 0)).isEqualTo(-0.9);
    }
}
