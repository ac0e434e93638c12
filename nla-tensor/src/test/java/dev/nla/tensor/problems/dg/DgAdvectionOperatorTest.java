package dev.nla.tensor.problems.dg;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DgAdvectionOperatorTest {
    /**
     * Hand derivation, k = 1, N_e = 2, a = 1, dx = 1/2 (so 2a/dx = 4). M^ = diag(2, 2/3), S = [[0, 0],
     * [2, 0]] (S_10 = int P_0 P_1' = 2), e_R = (1, 1), e_L = (1, -1):
     * K1 = 4 diag(1/2, 3/2) ([[0,0],[2,0]] - [[1,1],[1,1]]) = [[-2, -2], [6, -6]],
     * K2 = 4 diag(1/2, 3/2) [[1,1],[-1,-1]] = [[2, 2], [-6, -6]].
     * With vec index l + 2j and cell 0's upwind neighbour being cell 1 (periodic):
     * L = [[K1, K2], [K2, K1]].
     */
    @Test
    void linearTwoCellOperatorMatchesTheHandDerivation() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(1, 2, 1.0));
        DenseMatrix expected = DenseMatrix.of(new double[][] {
            {-2, -2, 2, 2},
            {6, -6, -6, -6},
            {2, 2, -2, -2},
            {-6, -6, 6, -6}
        });
        assertThatMatrix(op.toSparse().toDense()).isCloseTo(expected, 1e-14);
    }

    @Test
    void threeCellOperatorCouplesOnlyTheUpwindNeighbour() {
        // k = 0 is the upwind finite-volume scheme: du_j/dt = (a/dx)(u_{j-1} - u_j).
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(0, 3, 2.0));
        DenseMatrix expected = DenseMatrix.of(new double[][] {{-6, 0, 6}, {6, -6, 0}, {0, 6, -6}});
        assertThatMatrix(op.toSparse().toDense()).isCloseTo(expected, 1e-14);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 6})
    void blocksMatchTheQuadratureReference(int degree) {
        double dx = 1.0 / 7;
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(degree, 7, 1.3));
        double[][][] ref = ReferenceDg.blocks(degree, dx, 1.3);
        // Entries are O(k^2 a/dx); the quadrature twin is exact up to a few ulps of that scale.
        double tol = 1e-12 * (degree + 1) * (degree + 1) * 1.3 / dx;
        assertThatMatrix(op.selfBlock()).isCloseTo(DenseMatrix.of(ref[0]), tol);
        assertThatMatrix(op.neighbourBlock()).isCloseTo(DenseMatrix.of(ref[1]), tol);
    }

    @Test
    void applyMatchesTheAssembledMatrix() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(3, 9, 0.7));
        DenseMatrix u = RandomMatrices.gaussian(4, 9, RngState.seed(5)).value();
        DenseMatrix viaMatrix = Blas.multiply(op.toSparse(), DenseMatrix.wrap(36, 1, u.toColumnMajorArray()));
        DenseMatrix direct = op.apply(u);
        assertThatMatrix(DenseMatrix.wrap(36, 1, direct.toColumnMajorArray())).isCloseTo(viaMatrix, 1e-12);
    }

    @Test
    void constantsAreSteady() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(4, 5, 1.0));
        DenseMatrix u = op.project(x -> 3.0);
        assertThat(Tolerances.frobenius(op.apply(u))).isLessThan(1e-12);
    }

    @Test
    void meanIsConservedBecauseRowZeroOfTheCellSumVanishes() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(3, 4, 1.0));
        DenseMatrix k1 = op.selfBlock();
        DenseMatrix k2 = op.neighbourBlock();
        for (int m = 0; m < 4; m++) {
            assertThat(k1.get(0, m) + k2.get(0, m)).isCloseTo(0.0, within(1e-13));
        }
    }

    @Test
    void operatorIsDissipativeInTheL2InnerProduct() {
        // d/dt ||u_h||^2 = -a sum of squared jumps: M L + L^T M is negative semidefinite, where
        // M = I (x) (dx/2) diag(2/(2l+1)) is the DG mass matrix.
        int k = 3;
        int ne = 6;
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(k, ne, 1.0));
        DenseMatrix l = op.toSparse().toDense();
        int n = l.rows();
        DenseMatrix sym = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            double mi = (1.0 / ne) / (2 * (i % (k + 1)) + 1);
            for (int j = 0; j < n; j++) {
                double mj = (1.0 / ne) / (2 * (j % (k + 1)) + 1);
                sym.set(i, j, mi * l.get(i, j) + mj * l.get(j, i));
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double lambda : Decompositions.symmetricEigen().decompose(sym).eigenvalues()) {
            max = Math.max(max, lambda);
        }
        assertThat(max).isLessThan(1e-12);
    }

    @Test
    void projectionReproducesPolynomialsOfDegreeK() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(2, 5, 1.0));
        DenseMatrix u = op.project(x -> 1 - 3 * x + 2 * x * x);
        assertThat(op.l2Error(u, x -> 1 - 3 * x + 2 * x * x)).isLessThan(1e-14);
    }

    @Test
    void integralAndNormOfTheSine() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(4, 16, 1.0));
        DenseMatrix u = op.project(x -> 1 + Math.sin(2 * Math.PI * x));
        // int_0^1 (1 + sin)^2 = 1 + 1/2; projection error O(dx^5) is ~1e-8 here.
        assertThat(new double[] {op.integral(u), op.l2Norm(u)})
                .containsExactly(new double[] {1.0, Math.sqrt(1.5)}, within(1e-8));
    }

    @Test
    void rejectsCoefficientsOfTheWrongShape() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(2, 5, 1.0));
        assertThatThrownBy(() -> op.apply(DenseMatrix.zeros(3, 4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x5")
                .hasMessageContaining("3x4");
    }

    @Test
    void rejectsNonFiniteInitialData() {
        DgAdvectionOperator op = DgAdvectionOperator.of(new DgOptions(2, 5, 1.0));
        assertThatThrownBy(() -> op.project(x -> Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("f(");
    }

    @Test
    void rejectsNonPositiveSpeed() {
        assertThatThrownBy(() -> new DgOptions(2, 5, -1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed")
                .hasMessageContaining("-1.0");
    }

    @Test
    void rejectsDegreeAboveTheMaximum() {
        assertThatThrownBy(() -> new DgOptions(9, 5, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degree")
                .hasMessageContaining("9");
    }

    @Test
    void sparseFormHasTwoBlocksPerRow() {
        SparseMatrix s = DgAdvectionOperator.of(new DgOptions(2, 4, 1.0)).toSparse();
        assertThat(s.nonZeroCount()).isLessThanOrEqualTo(2 * 9 * 4);
    }
}
