package dev.nla.tensor.problems.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import org.junit.jupiter.api.Test;

class DirichletConditionsTest {
    private final StructuredTriangulation mesh = StructuredTriangulation.of(10);
    private final boolean[] boundary = mesh.boundaryMask();

    @Test
    void patchTestSolveReproducesALinearFunctionWithMatchingBoundaryData() {
        // -Delta u = 0 with u = g on the boundary, g linear: the P1 solution is g at every node.
        SparseMatrix k = P1Assembly.laplacian(mesh);
        DenseMatrix g = P1Assembly.interpolate(mesh, (x, y) -> 3.0 - 0.5 * x + 2.0 * y);
        SparseMatrix a = DirichletConditions.constrain(k, boundary, 1.0);
        DenseMatrix b = DirichletConditions.liftLoad(k, DenseMatrix.zeros(k.rows(), 1), boundary, g, 1.0);
        DenseMatrix u = BandedCholesky.factor(a).solve(b);
        for (int p = 0; p < u.rows(); p++) {
            // cond(A) ~ 4/(pi h)^2 ~ 10 at nx = 10; 1e-13 is ~100 u * cond * |g|.
            assertThat(u.get(p, 0)).isCloseTo(g.get(p, 0), within(1e-13));
        }
    }

    @Test
    void constrainedRowsAreScaledIdentityRows() {
        SparseMatrix a = DirichletConditions.constrain(P1Assembly.laplacian(mesh), boundary, 2.5);
        int p = mesh.node(0, 4);
        assertThat(new double[] {a.get(p, p), a.get(p, p + 1), a.get(p + 1, p)}).containsExactly(2.5, 0.0, 0.0);
    }

    @Test
    void freeBlockIsUnchanged() {
        SparseMatrix k = P1Assembly.laplacian(mesh);
        SparseMatrix a = DirichletConditions.constrain(k, boundary, 0.0);
        int p = mesh.node(3, 4);
        assertThat(new double[] {a.get(p, p), a.get(p, p + 1), a.get(p, p + 11)})
                .containsExactly(k.get(p, p), k.get(p, p + 1), k.get(p, p + 11));
    }

    @Test
    void rejectsMaskOfWrongLength() {
        assertThatThrownBy(() -> DirichletConditions.constrain(P1Assembly.laplacian(mesh), new boolean[5], 1.0))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5")
                .hasMessageContaining("121");
    }
}
