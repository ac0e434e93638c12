package dev.nla.tensor.problems.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;

class P1AssemblyTest {
    private final StructuredTriangulation mesh = StructuredTriangulation.of(12);

    @Test
    void massMatrixSumsToTheAreaOfTheSquare() {
        double[] sum = {0};
        P1Assembly.mass(mesh).forEachNonZero((i, j, v) -> sum[0] += v);
        // 9 * 2 nx^2 positive terms summed: gamma_{n} relative.
        assertThat(sum[0]).isCloseTo(4.0, within(Tolerances.gamma(9L * mesh.elementCount()) * 4));
    }

    @Test
    void unitLoadSumsToTheAreaOfTheSquare() {
        DenseMatrix b = P1Assembly.unitLoad(mesh);
        double s = 0;
        for (int p = 0; p < b.rows(); p++) {
            s += b.get(p, 0);
        }
        assertThat(s).isCloseTo(4.0, within(Tolerances.gamma(3L * mesh.elementCount()) * 4));
    }

    @Test
    void unitLoadIsHSquaredAtInteriorNodes() {
        double h = mesh.meshWidth();
        assertThat(P1Assembly.unitLoad(mesh).get(mesh.node(5, 7), 0)).isCloseTo(h * h, within(1e-15));
    }

    @Test
    void quadratureLoadOfOneMatchesTheExactUnitLoad() {
        DenseMatrix exact = P1Assembly.unitLoad(mesh);
        DenseMatrix rule = P1Assembly.load(mesh, (x, y) -> 1.0);
        for (int p = 0; p < exact.rows(); p++) {
            assertThat(rule.get(p, 0)).isCloseTo(exact.get(p, 0), within(1e-15));
        }
    }

    @Test
    void constantsLieInTheKernelForAnyCoefficient() {
        double[] coefficient = new double[mesh.elementCount()];
        for (int e = 0; e < coefficient.length; e++) {
            coefficient[e] = 1.0 + (e % 7) * 0.9; // an arbitrary positive, non-smooth coefficient
        }
        SparseMatrix k = P1Assembly.stiffness(mesh, coefficient);
        double[] rowSum = new double[k.rows()];
        double[] rowAbs = new double[k.rows()];
        k.forEachNonZero((i, j, v) -> {
            rowSum[i] += v;
            rowAbs[i] += Math.abs(v);
        });
        for (int i = 0; i < rowSum.length; i++) {
            // Row sums vanish exactly in exact arithmetic; rounding: gamma_{k} times the absolute row sum.
            assertThat(Math.abs(rowSum[i])).isLessThanOrEqualTo(Tolerances.gamma(64) * rowAbs[i]);
        }
    }

    @Test
    void patchTestLinearFunctionsAreHarmonicAtInteriorNodes() {
        // For linear g, int grad g . grad phi_p = 0 at every interior node p (integration by parts,
        // Delta g = 0): the discrete Laplacian reproduces linear functions exactly.
        SparseMatrix k = P1Assembly.laplacian(mesh);
        DenseMatrix g = P1Assembly.interpolate(mesh, (x, y) -> 1.0 + 2.0 * x - 3.0 * y);
        double[] kg = new double[k.rows()];
        double[] abs = new double[k.rows()];
        k.forEachNonZero((i, j, v) -> {
            kg[i] += v * g.get(j, 0);
            abs[i] += Math.abs(v * g.get(j, 0));
        });
        for (int p = 0; p < kg.length; p++) {
            if (!mesh.isBoundary(p)) {
                assertThat(Math.abs(kg[p])).isLessThanOrEqualTo(Tolerances.gamma(64) * abs[p]);
            }
        }
    }

    @Test
    void stiffnessIsExactlySymmetric() {
        double[] coefficient = new double[mesh.elementCount()];
        for (int e = 0; e < coefficient.length; e++) {
            coefficient[e] = Math.sqrt(e + 2.0);
        }
        SparseMatrix k = P1Assembly.stiffness(mesh, coefficient);
        assertThat(k.transpose().toCsr().values()).containsExactly(k.values());
    }

    @Test
    void laplacianHasTheFivePointStencilAtInteriorNodes() {
        // P1 on this "right" triangulation gives the 5-point stencil 4, -1, -1, -1, -1 (the
        // diagonal couplings cancel), independently of h.
        SparseMatrix k = P1Assembly.laplacian(mesh);
        int p = mesh.node(6, 6);
        assertThat(new double[] {
                    k.get(p, p), k.get(p, p + 1), k.get(p, p - 1), k.get(p, p + 13), k.get(p, p - 13), k.get(p, p + 14)
                })
                .containsExactly(new double[] {4, -1, -1, -1, -1, 0}, within(1e-14));
    }

    @Test
    void interpolantOfALinearFunctionHasNoL2Error() {
        DenseMatrix g = P1Assembly.interpolate(mesh, (x, y) -> 0.5 - x + 0.25 * y);
        assertThat(P1Assembly.l2Error(mesh, g, (x, y) -> 0.5 - x + 0.25 * y)).isLessThan(1e-14);
    }

    @Test
    void l2ErrorOfZeroAgainstOneIsTheSquareRootOfTheArea() {
        DenseMatrix zero = DenseMatrix.zeros(mesh.nodeCount(), 1);
        assertThat(P1Assembly.l2Error(mesh, zero, (x, y) -> 1.0)).isCloseTo(2.0, within(1e-13));
    }

    @Test
    void rejectsCoefficientOfWrongLength() {
        assertThatThrownBy(() -> P1Assembly.stiffness(mesh, new double[3]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3")
                .hasMessageContaining("288");
    }

    @Test
    void rejectsNonFiniteCoefficient() {
        double[] c = new double[mesh.elementCount()];
        c[17] = Double.NaN;
        assertThatThrownBy(() -> P1Assembly.stiffness(mesh, c))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("17");
    }

    @Test
    void rejectsNonFiniteSource() {
        assertThatThrownBy(() -> P1Assembly.load(mesh, (x, y) -> 1.0 / 0.0))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("f at");
    }
}
