package dev.nla.tensor.problems.cookie;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CookieProblemTest {
    private static final CookieProblem DEFAULT = CookieProblem.assemble(CookieOptions.defaults());

    @Test
    void defaultProblemHas1681NodesAndFourCookies() {
        assertThat(new int[] {
                    DEFAULT.size(), DEFAULT.cookieCount(), DEFAULT.a0().rows()
                })
                .containsExactly(1681, 4, 1681);
    }

    @ParameterizedTest
    @EnumSource(CookieLayout.class)
    void exactAreaAssignmentCoversEachDiskExactly(CookieLayout layout) {
        CookieProblem p = CookieProblem.assemble(
                CookieOptions.defaults().withLayout(layout).withAssignment(ElementAssignment.EXACT_AREA));
        double area = p.mesh().elementArea();
        for (int mu = 0; mu < p.cookieCount(); mu++) {
            double covered = 0;
            for (double f : p.cookieFractions(mu)) {
                covered += f * area;
            }
            double disk = Math.PI * CookieLayout.RADIUS * CookieLayout.RADIUS;
            assertThat(covered)
                    .isCloseTo(disk, within(Tolerances.gamma(20L * p.mesh().elementCount()) * disk));
        }
    }

    @Test
    void centroidAssignmentIsTheDefault() {
        assertThat(CookieOptions.defaults().assignment()).isEqualTo(ElementAssignment.CENTROID);
    }

    @Test
    void centroidAssignmentCoversEachDiskUpToTheBoundaryLayer() {
        CookieProblem p = CookieProblem.assemble(CookieOptions.defaults());
        double area = p.mesh().elementArea();
        double h = p.mesh().meshWidth();
        double r = CookieLayout.RADIUS;
        for (int mu = 0; mu < p.cookieCount(); mu++) {
            double covered = 0;
            for (double f : p.cookieFractions(mu)) {
                assertThat(f).isIn(0.0, 1.0);
                covered += f * area;
            }
            // Only triangles meeting the circle are misassigned: their area is <= 2 pi r * 2h.
            assertThat(covered).isCloseTo(Math.PI * r * r, within(4 * Math.PI * r * h));
        }
    }

    @Test
    void nineCookieLayoutHasCentresOnTheThreeByThreeGrid() {
        assertThat(CookieLayout.NINE.disks().get(5)).isEqualTo(new Disk(2.0 / 3.0, 0.0, 0.15));
    }

    @ParameterizedTest
    @EnumSource(ElementAssignment.class)
    void meanOperatorIsTheConstrainedLaplacian(ElementAssignment assignment) {
        CookieProblem p = CookieProblem.assemble(CookieOptions.defaults().withAssignment(assignment));
        // sigma = 1 everywhere: A0 + sum A_mu must equal the Laplacian assembled independently.
        SparseMatrix laplacian = DirichletConditions.constrain(
                P1Assembly.laplacian(p.mesh()), p.mesh().boundaryMask(), 1.0);
        SparseMatrix mean = p.meanOperator();
        double[] maxDiff = {0};
        mean.forEachNonZero((i, j, v) -> maxDiff[0] = Math.max(maxDiff[0], Math.abs(v - laplacian.get(i, j))));
        laplacian.forEachNonZero((i, j, v) -> maxDiff[0] = Math.max(maxDiff[0], Math.abs(v - mean.get(i, j))));
        // Entries are O(1) sums of at most 6 element terms split into fractions: a few u.
        assertThat(maxDiff[0]).isLessThan(64 * Tolerances.U);
    }

    @Test
    void exactAreaOperatorIsExactlySymmetric() {
        SparseMatrix a = CookieProblem.assemble(CookieOptions.defaults().withAssignment(ElementAssignment.EXACT_AREA))
                .operator(1.5, 9.0, 0.2, 4.0);
        assertThat(a.transpose().toCsr().values()).containsExactly(a.values());
    }

    @Test
    void operatorIsExactlySymmetric() {
        SparseMatrix a = DEFAULT.operator(1.5, 9.0, 0.2, 4.0);
        assertThat(a.transpose().toCsr().values()).containsExactly(a.values());
    }

    @Test
    void operatorIsPositiveDefinite() {
        CookieProblem small = CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(12));
        EigenResult eig = Decompositions.symmetricEigen()
                .decompose(small.operator(10.0, 0.1, 5.0, 1.0).toDense());
        double min = Double.POSITIVE_INFINITY;
        for (double lambda : eig.eigenvalues()) {
            min = Math.min(min, lambda);
        }
        // lambda_min of the P1 Laplacian block is about (pi^2/2) h^2 ~ 0.14 here (0.1 on one cookie
        // lowers it a little); far above the eigensolver's error n u ||A||.
        assertThat(min).isGreaterThan(1e-3);
    }

    @Test
    void cookieMatricesVanishAwayFromTheirCookie() {
        SparseMatrix a2 = DEFAULT.cookieMatrix(2);
        var disk = DEFAULT.disks().get(2);
        // A node of a triangle meeting the disk is within r + diam(T) = r + sqrt(2) h of its centre.
        double reach = disk.radius() + 1.5 * DEFAULT.mesh().meshWidth();
        a2.forEachNonZero((i, j, v) -> {
            double dx = DEFAULT.mesh().x(i) - disk.centerX();
            double dy = DEFAULT.mesh().y(i) - disk.centerY();
            assertThat(Math.hypot(dx, dy)).isLessThan(reach);
        });
    }

    @Test
    void loadIsHSquaredInsideAndZeroOnTheBoundary() {
        DenseMatrix b = DEFAULT.load();
        double h = DEFAULT.mesh().meshWidth();
        assertThat(new double[] {
                    b.get(DEFAULT.mesh().node(20, 3), 0), b.get(DEFAULT.mesh().node(0, 3), 0)
                })
                .containsExactly(new double[] {h * h, 0.0}, within(1e-15));
    }

    @Test
    void referenceSolveSatisfiesTheSystem() {
        double[] rho = {3.0, 1.2, 8.5, 5.0};
        DenseMatrix u = DEFAULT.solve(rho);
        SparseMatrix a = DEFAULT.operator(rho);
        DenseMatrix r = DEFAULT.load();
        dev.nla.core.blas.Blas.gemm(
                dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.NO_TRANSPOSE, -1.0, a, u, 1.0, r);
        // Backward stable: ||r|| <= c n u ||A||_F ||u||.
        double normA = Math.sqrt(sumOfSquares(a));
        assertThat(Tolerances.frobenius(r))
                .isLessThanOrEqualTo(10 * a.rows() * Tolerances.U * normA * Tolerances.frobenius(u));
    }

    @Test
    void referenceSolveMatchesADenseCholeskySolve() {
        CookieProblem small = CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(16));
        double[] rho = {0.3, 2.0, 6.0, 1.0};
        DenseMatrix dense = Decompositions.cholesky().solve(small.operator(rho).toDense(), small.load());
        // cond(A) ~ 1e3: both solutions are within cond * n u of the truth.
        assertThatMatrix(small.solve(rho)).isCloseTo(dense, 1e-11 * Tolerances.frobenius(dense));
    }

    @Test
    void solutionIsPositiveInsideAndZeroOnTheBoundary() {
        // Discrete maximum principle: the P1 matrix on this mesh is an M-matrix and f = 1 > 0.
        DenseMatrix u = DEFAULT.solve(1.0, 10.0, 0.5, 2.0);
        for (int p = 0; p < u.rows(); p++) {
            if (DEFAULT.mesh().isBoundary(p)) {
                assertThat(u.get(p, 0)).isZero();
            } else {
                assertThat(u.get(p, 0)).isPositive();
            }
        }
    }

    @Test
    void symmetricParametersGiveASymmetricSolution() {
        // The four-cookie pattern is symmetric under x -> -x when rho_0 = rho_1 and rho_2 = rho_3.
        DenseMatrix u = DEFAULT.solve(2.0, 2.0, 7.0, 7.0);
        StructuredTriangulation mesh = DEFAULT.mesh();
        int nx = mesh.cellsPerSide();
        double maxU = 0;
        double maxDiff = 0;
        for (int j = 0; j <= nx; j++) {
            for (int i = 0; i <= nx; i++) {
                maxU = Math.max(maxU, Math.abs(u.get(mesh.node(i, j), 0)));
                maxDiff = Math.max(maxDiff, Math.abs(u.get(mesh.node(i, j), 0) - u.get(mesh.node(nx - i, j), 0)));
            }
        }
        // The triangulation's diagonals break the mirror symmetry at O(h^2); the exact-area
        // coefficient is mirror symmetric up to that.
        assertThat(maxDiff).isLessThan(0.05 * maxU);
    }

    @Test
    void nonPositiveParameterIsRefusedAsIndefinite() {
        assertThatThrownBy(() -> DEFAULT.operator(1.0, -1.0, 1.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rho[1] = -1.0")
                .hasMessageContaining("indefinite");
    }

    @Test
    void zeroParameterIsRefusedAsSingular() {
        assertThatThrownBy(() -> DEFAULT.solve(1.0, 1.0, 0.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rho[2] = 0.0")
                .hasMessageContaining("singular");
    }

    @Test
    void nonFiniteParameterIsRefused() {
        assertThatThrownBy(() -> DEFAULT.operator(1.0, 1.0, 1.0, Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("rho[3]");
    }

    @Test
    void wrongNumberOfParametersIsRefused() {
        assertThatThrownBy(() -> DEFAULT.operator(1.0, 2.0))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2 entries")
                .hasMessageContaining("4 cookies");
    }

    @Test
    void largerMeshesHaveTheDocumentedSizes() {
        CookieOptions o = CookieOptions.defaults().withLayout(CookieLayout.NINE);
        assertThat(new int[] {
                    StructuredTriangulation.of(o.withCellsPerSide(100).cellsPerSide())
                            .nodeCount(),
                    StructuredTriangulation.of(200).nodeCount()
                })
                .containsExactly(10201, 40401);
    }

    private static double sumOfSquares(SparseMatrix a) {
        double s = 0;
        for (double v : a.values()) {
            s += v * v;
        }
        return s;
    }
}
