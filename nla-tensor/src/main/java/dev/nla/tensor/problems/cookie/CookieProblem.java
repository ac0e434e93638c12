package dev.nla.tensor.problems.cookie;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parametric diffusion ("cookie") problem of [Kressner and Tobler 2011], discretized by P1
 * finite elements: the matrices \(A_0, A_1, \dots, A_m\) and the load vector \(b\) of
 * \[ -\nabla\cdot\bigl(\sigma(x; \rho)\nabla u\bigr) = 1 \ \text{in } \Omega = (-1, 1)^2, \qquad u = 0
 *    \ \text{on } \partial\Omega, \qquad \sigma(x; \rho) = \begin{cases} \rho_\mu &amp; x \in D_\mu, \\ 1 &amp;
 *    \text{otherwise}, \end{cases} \]
 * with \(m\) disjoint disks \(D_\mu\) ({@link CookieLayout}).
 *
 * <p><b>Parametrization.</b> As in the data of [Al Daas et al. 2025] (spec §3.3), \(\rho_\mu\) is
 * the coefficient <em>on</em> cookie \(\mu\): \(A(\rho) = A_0 + \sum_\mu \rho_\mu A_\mu\), where
 * \(A_0\) is the stiffness matrix of the background (coefficient 1 outside the cookies, 0 inside)
 * and \(A_\mu\) that of cookie \(\mu\) alone (coefficient 1 on \(D_\mu\), 0 elsewhere). Under
 * {@link ElementAssignment#CENTROID} (the default) a triangle belongs wholly to the cookie holding
 * its centroid; under {@link ElementAssignment#EXACT_AREA} a triangle \(T\) enters \(A_\mu\) with
 * weight \(|T\cap D_\mu|/|T|\) and \(A_0\) with the rest, so \(A(\rho)\) is the exact Galerkin
 * matrix of the discontinuous coefficient. \(A(\rho)\) is symmetric positive definite for every \(\rho_\mu \gt
 * 0\); \(\rho_\mu = 0\) makes it singular and \(\rho_\mu \lt 0\) indefinite, so such parameters are
 * refused. The mean-based preconditioner of the Tucker GMRES is \(P = A(1, \dots, 1) = A_0 +
 * \sum_\mu A_\mu\), the Laplacian (\(\sigma \equiv 1\)).
 *
 * <p><b>Dirichlet condition.</b> By symmetric row-and-column replacement ({@link
 * DirichletConditions}): \(A_0\) has identity rows and columns at the \(4n_x\) boundary nodes,
 * every \(A_\mu\) zero ones, and \(b\) is zero there. So the unknown keeps all \(N_h = (n_x + 1)^2\)
 * nodes (1681 at \(n_x = 40\)), every \(A(\rho)\) equals the identity on the boundary block, and the
 * interior block is the eliminated system.
 *
 * <p>Instances are immutable; matrices are shared (they are immutable too) and vectors are copied.
 */
public final class CookieProblem {
    private final CookieOptions options;
    private final StructuredTriangulation mesh;
    private final List<Disk> disks;
    private final double[][] fractions;
    private final SparseMatrix a0;
    private final List<SparseMatrix> cookieMatrices;
    private final DenseMatrix load;

    private CookieProblem(
            CookieOptions options,
            StructuredTriangulation mesh,
            List<Disk> disks,
            double[][] fractions,
            SparseMatrix a0,
            List<SparseMatrix> cookieMatrices,
            DenseMatrix load) {
        this.options = options;
        this.mesh = mesh;
        this.disks = disks;
        this.fractions = fractions;
        this.a0 = a0;
        this.cookieMatrices = cookieMatrices;
        this.load = load;
    }

    /**
     * Assembles \(A_0\), \(A_\mu\) and \(b\). Cost \(O(N_h)\).
     *
     * @param options mesh size, cookie pattern and element assignment
     * @return the assembled problem
     * @throws NullPointerException if {@code options} is null
     */
    public static CookieProblem assemble(CookieOptions options) {
        Objects.requireNonNull(options, "options");
        StructuredTriangulation mesh = StructuredTriangulation.of(options.cellsPerSide());
        List<Disk> disks = options.layout().disks();
        int m = disks.size();
        int ne = mesh.elementCount();
        double[][] fractions = new double[m][ne];
        double[] background = new double[ne];
        int[] v = new int[3];
        double area = mesh.elementArea();
        for (int e = 0; e < ne; e++) {
            mesh.vertices(e, v);
            double x0 = mesh.x(v[0]);
            double y0 = mesh.y(v[0]);
            double x1 = mesh.x(v[1]);
            double y1 = mesh.y(v[1]);
            double x2 = mesh.x(v[2]);
            double y2 = mesh.y(v[2]);
            double covered = 0.0;
            for (int mu = 0; mu < m; mu++) {
                Disk disk = disks.get(mu);
                double f;
                if (options.assignment() == ElementAssignment.CENTROID) {
                    f = disk.contains((x0 + x1 + x2) / 3.0, (y0 + y1 + y2) / 3.0) ? 1.0 : 0.0;
                } else {
                    f = DiskIntersection.area(disk, x0, y0, x1, y1, x2, y2) / area;
                }
                fractions[mu][e] = f;
                covered += f;
            }
            // Disjoint disks: covered <= 1 up to rounding; a fully covered triangle gives exactly 1.
            background[e] = Math.max(0.0, 1.0 - covered);
        }
        boolean[] boundary = mesh.boundaryMask();
        SparseMatrix a0 = DirichletConditions.constrain(P1Assembly.stiffness(mesh, background), boundary, 1.0);
        List<SparseMatrix> cookies = new ArrayList<>(m);
        for (int mu = 0; mu < m; mu++) {
            cookies.add(DirichletConditions.constrain(P1Assembly.stiffness(mesh, fractions[mu]), boundary, 0.0));
        }
        DenseMatrix unit = P1Assembly.unitLoad(mesh);
        for (int p = 0; p < boundary.length; p++) {
            if (boundary[p]) {
                unit.set(p, 0, 0.0); // homogeneous data: b_B = g_B = 0, b_I unchanged
            }
        }
        return new CookieProblem(options, mesh, disks, fractions, a0, List.copyOf(cookies), unit);
    }

    /**
     * The options this problem was assembled with.
     *
     * @return the options
     */
    public CookieOptions options() {
        return options;
    }

    /**
     * The triangulation.
     *
     * @return the mesh
     */
    public StructuredTriangulation mesh() {
        return mesh;
    }

    /**
     * The cookies, \(D_\mu\) at index \(\mu\).
     *
     * @return an unmodifiable list of \(m\) disks
     */
    public List<Disk> disks() {
        return disks;
    }

    /**
     * The number of cookies \(m\).
     *
     * @return \(m\)
     */
    public int cookieCount() {
        return disks.size();
    }

    /**
     * The number of spatial unknowns \(N_h = (n_x + 1)^2\) (boundary nodes included).
     *
     * @return \(N_h\)
     */
    public int size() {
        return mesh.nodeCount();
    }

    /**
     * The background stiffness \(A_0\) (coefficient 1 outside the cookies), with identity rows and
     * columns on the boundary.
     *
     * @return the \(N_h \times N_h\) CSR matrix
     */
    public SparseMatrix a0() {
        return a0;
    }

    /**
     * The stiffness \(A_\mu\) of cookie \(\mu\) (coefficient 1 on \(D_\mu\), 0 elsewhere), with zero
     * rows and columns on the boundary.
     *
     * @param mu cookie index, {@code 0 <= mu < m}
     * @return the \(N_h \times N_h\) CSR matrix
     * @throws IndexOutOfBoundsException if {@code mu} is out of range
     */
    public SparseMatrix cookieMatrix(int mu) {
        if (mu < 0 || mu >= cookieMatrices.size()) {
            throw new IndexOutOfBoundsException("cookie " + mu + " is outside [0, " + cookieMatrices.size() + ")");
        }
        return cookieMatrices.get(mu);
    }

    /**
     * All cookie matrices, \(A_\mu\) at index \(\mu\) (0-based).
     *
     * @return an unmodifiable list of \(m\) matrices
     */
    public List<SparseMatrix> cookieMatrices() {
        return cookieMatrices;
    }

    /**
     * The load vector \(b\) of \(f \equiv 1\): \(h^2\) at interior nodes, 0 on the boundary.
     *
     * @return a new \(N_h \times 1\) vector
     */
    public DenseMatrix load() {
        return load.copy();
    }

    /**
     * The fraction \(|T \cap D_\mu| / |T|\) of every triangle covered by cookie \(\mu\) (0 or 1 under
     * {@link ElementAssignment#CENTROID}).
     *
     * @param mu cookie index, {@code 0 <= mu < m}
     * @return a new array of length {@code mesh().elementCount()}
     * @throws IndexOutOfBoundsException if {@code mu} is out of range
     */
    public double[] cookieFractions(int mu) {
        if (mu < 0 || mu >= fractions.length) {
            throw new IndexOutOfBoundsException("cookie " + mu + " is outside [0, " + fractions.length + ")");
        }
        return fractions[mu].clone();
    }

    /**
     * Checks that \(\rho\) is an admissible parameter point: \(m\) finite, positive values.
     *
     * @param rho the coefficients \(\rho_\mu\); not modified
     * @throws NullPointerException       if {@code rho} is null
     * @throws DimensionMismatchException if {@code rho.length != m}
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     * @throws IllegalArgumentException   if an entry is \(\le 0\), which makes \(A(\rho)\) singular
     *     or indefinite; the message names the entry and its value
     */
    public void requireAdmissible(double... rho) {
        Objects.requireNonNull(rho, "rho");
        if (rho.length != disks.size()) {
            throw new DimensionMismatchException(
                    "rho has " + rho.length + " entries, the problem has " + disks.size() + " cookies");
        }
        for (int mu = 0; mu < rho.length; mu++) {
            if (!Double.isFinite(rho[mu])) {
                throw new NonFiniteValueException("rho[" + mu + "]", rho[mu]);
            }
            if (!(rho[mu] > 0.0)) {
                throw new IllegalArgumentException("rho[" + mu + "] = " + rho[mu]
                        + " is not positive: sigma = rho_mu on cookie " + mu + " must be > 0, otherwise"
                        + " A0 + sum_mu rho_mu A_mu is singular (rho_mu = 0) or indefinite (rho_mu < 0)");
            }
        }
    }

    /**
     * The operator \(A(\rho) = A_0 + \sum_\mu \rho_\mu A_\mu\) at one parameter point.
     *
     * @param rho the coefficients \(\rho_\mu \gt 0\), length \(m\); not modified
     * @return the symmetric positive definite \(N_h \times N_h\) CSR matrix
     * @throws NullPointerException       if {@code rho} is null
     * @throws DimensionMismatchException if {@code rho.length != m}
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     * @throws IllegalArgumentException   if an entry is \(\le 0\)
     */
    public SparseMatrix operator(double... rho) {
        requireAdmissible(rho);
        int n = size();
        CooBuilder builder = SparseMatrix.builder(n, n);
        a0.forEachNonZero(builder::add);
        for (int mu = 0; mu < rho.length; mu++) {
            double r = rho[mu];
            cookieMatrices.get(mu).forEachNonZero((i, j, v) -> builder.add(i, j, r * v));
        }
        return builder.build(SparseMatrix.Format.CSR);
    }

    /**
     * The mean-based preconditioner matrix \(P = A_0 + \sum_\mu A_\mu\) (\(\sigma \equiv 1\)).
     *
     * @return the \(N_h \times N_h\) CSR matrix
     */
    public SparseMatrix meanOperator() {
        double[] ones = new double[disks.size()];
        java.util.Arrays.fill(ones, 1.0);
        return operator(ones);
    }

    /**
     * The banded Cholesky factorization of \(P = A_0 + \sum_\mu A_\mu\), computed once and applied to
     * the spatial factor of a Tucker tensor by the preconditioned solvers.
     *
     * @return the factorization
     */
    public BandedCholesky meanPreconditioner() {
        return BandedCholesky.factor(meanOperator());
    }

    /**
     * The reference solution at one parameter point: \(u = A(\rho)^{-1} b\) by banded Cholesky (a
     * sparse direct solve, backward stable).
     *
     * @param rho the coefficients \(\rho_\mu \gt 0\), length \(m\); not modified
     * @return the nodal values, a new \(N_h \times 1\) vector
     * @throws NullPointerException       if {@code rho} is null
     * @throws DimensionMismatchException if {@code rho.length != m}
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     * @throws IllegalArgumentException   if an entry is \(\le 0\)
     */
    public DenseMatrix solve(double... rho) {
        return BandedCholesky.factor(operator(rho)).solve(load);
    }
}
