package dev.nla.tensor.problems.dg;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The modal discontinuous Galerkin semi-discretization of \(u_t + au_x = 0\), \(a \gt 0\), on the
 * periodic interval \([0, 1)\) with the upwind flux [Cockburn and Shu 2001].
 *
 * <p>Cell \(I_j = [j\Delta x, (j + 1)\Delta x)\), \(j = 0, \dots, N_e - 1\), carries \(u_h =
 * \sum_{l=0}^k U_{lj}P_l(\xi)\) with \(x = (j + \tfrac12)\Delta x + \tfrac{\Delta x}{2}\xi\). Testing
 * with \(P_l\) and taking the upwind value \(\hat u = u_h^-\) at each interface gives, with the
 * coefficients \(U \in \mathbb{R}^{(k+1) \times N_e}\),
 * \[ \frac{dU}{dt} = K_1U + K_2UP^{\mathsf T}, \qquad K_1 = \frac{2a}{\Delta x}\hat M^{-1}(S -
 *    e_Re_R^{\mathsf T}), \qquad K_2 = \frac{2a}{\Delta x}\hat M^{-1}e_Le_R^{\mathsf T}, \]
 * where \(\hat M = \operatorname{diag}(2/(2l + 1))\), \(S_{lm} = \int_{-1}^1 P_mP_l'\,d\xi\) (equal
 * to 2 if \(m \lt l\) and \(l - m\) is odd, else 0), \(e_R = (P_l(1))_l = (1, \dots, 1)\), \(e_L =
 * (P_l(-1))_l = ((-1)^l)_l\), and \(P\) is the periodic shift, \((UP^{\mathsf T})_{:,j} =
 * U_{:,j-1 \bmod N_e}\) (the upwind neighbour). Vectorized column by column, \(\operatorname{vec}(dU/dt)
 * = (I \otimes K_1 + P \otimes K_2)\operatorname{vec}(U)\).
 *
 * <p>The scheme conserves \(\int u_h = \Delta x\sum_j U_{0j}\) exactly (row 0 of \(K_1 + K_2\)
 * vanishes) and is \(L^2\)-stable: \(\tfrac{d}{dt}\|u_h\|^2 = -a\sum_j [u_h]_j^2 \le 0\).
 */
public final class DgAdvectionOperator {
    private final DgOptions options;
    private final DenseMatrix k1;
    private final DenseMatrix k2;

    private DgAdvectionOperator(DgOptions options, DenseMatrix k1, DenseMatrix k2) {
        this.options = options;
        this.k1 = k1;
        this.k2 = k2;
    }

    /**
     * Builds \(K_1\) and \(K_2\). Cost \(O(k^2)\).
     *
     * @param options degree, cell count and speed
     * @return the operator
     * @throws NullPointerException if {@code options} is null
     */
    public static DgAdvectionOperator of(DgOptions options) {
        Objects.requireNonNull(options, "options");
        int n = options.degree() + 1;
        double scale = 2.0 * options.speed() / options.cellWidth();
        DenseMatrix k1 = DenseMatrix.zeros(n, n);
        DenseMatrix k2 = DenseMatrix.zeros(n, n);
        for (int l = 0; l < n; l++) {
            double invMass = (2 * l + 1) / 2.0;
            double eL = (l % 2 == 0) ? 1.0 : -1.0;
            for (int m = 0; m < n; m++) {
                double s = (m < l && (l - m) % 2 == 1) ? 2.0 : 0.0;
                k1.set(l, m, scale * invMass * (s - 1.0));
                k2.set(l, m, scale * invMass * eL);
            }
        }
        return new DgAdvectionOperator(options, k1, k2);
    }

    /**
     * The options.
     *
     * @return the options
     */
    public DgOptions options() {
        return options;
    }

    /**
     * The cell block \(K_1\).
     *
     * @return a new \((k + 1) \times (k + 1)\) matrix
     */
    public DenseMatrix selfBlock() {
        return k1.copy();
    }

    /**
     * The upwind-neighbour block \(K_2\) (rank one).
     *
     * @return a new \((k + 1) \times (k + 1)\) matrix
     */
    public DenseMatrix neighbourBlock() {
        return k2.copy();
    }

    /**
     * Computes \(Y = K_1U + K_2UP^{\mathsf T}\) by two GEMMs (the second on shifted column views).
     * Cost \(4(k + 1)^2N_e\) flops.
     *
     * @param u   \(U\), \((k + 1) \times N_e\); not modified
     * @param out \(Y\), \((k + 1) \times N_e\); overwritten; must not overlap {@code u}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if a shape is wrong
     * @throws IllegalArgumentException   if {@code out} overlaps {@code u}
     */
    public void apply(DenseMatrix u, DenseMatrix out) {
        int n = options.degree() + 1;
        int ne = options.elements();
        Require.shape("u", u, n, ne);
        Require.shape("out", out, n, ne);
        if (out.overlaps(u)) {
            throw new IllegalArgumentException("out must not overlap u");
        }
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, k1, u, 0.0, out);
        if (ne > 1) {
            Blas.gemm(
                    Transpose.NO_TRANSPOSE,
                    Transpose.NO_TRANSPOSE,
                    1.0,
                    k2,
                    u.columns(0, ne - 1),
                    1.0,
                    out.columns(1, ne - 1));
        }
        Blas.gemm(
                Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, k2, u.columns(ne - 1, 1), 1.0, out.columns(0, 1));
    }

    /**
     * Computes \(K_1U + K_2UP^{\mathsf T}\) into a new matrix.
     *
     * @param u \(U\), \((k + 1) \times N_e\); not modified
     * @return the time derivative, a new \((k + 1) \times N_e\) matrix
     * @throws NullPointerException       if {@code u} is null
     * @throws DimensionMismatchException if the shape is wrong
     */
    public DenseMatrix apply(DenseMatrix u) {
        Objects.requireNonNull(u, "u");
        DenseMatrix out = DenseMatrix.zeros(options.degree() + 1, options.elements());
        apply(u, out);
        return out;
    }

    /**
     * The assembled operator \(L = I \otimes K_1 + P \otimes K_2\) acting on \(\operatorname{vec}(U)\)
     * (index \(l + (k + 1)j\)).
     *
     * @return the \((k + 1)N_e \times (k + 1)N_e\) CSR matrix
     * @throws SizeLimitExceededException if it would hold more than {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    public SparseMatrix toSparse() {
        int n = options.degree() + 1;
        int ne = options.elements();
        long nnz = 2L * n * n * ne;
        Require.sizeWithin("DG operator entries", nnz, DenseMatrix.MAX_ELEMENTS);
        int size = n * ne;
        CooBuilder b = SparseMatrix.builder(size, size);
        for (int j = 0; j < ne; j++) {
            int left = (j - 1 + ne) % ne;
            for (int l = 0; l < n; l++) {
                for (int m = 0; m < n; m++) {
                    b.add(l + n * j, m + n * j, k1.get(l, m));
                    b.add(l + n * j, m + n * left, k2.get(l, m));
                }
            }
        }
        return b.build(SparseMatrix.Format.CSR);
    }

    /**
     * The \(L^2\) projection of \(f\) onto the DG space: \(U_{lj} = \tfrac{2l+1}{2}\int_{-1}^1
     * f(x_j(\xi))P_l(\xi)\,d\xi\) by \((k + 4)\)-point Gauss–Legendre quadrature on each cell.
     *
     * @param f the function on \([0, 1)\); must return finite values
     * @return \(U\), a new \((k + 1) \times N_e\) matrix
     * @throws NullPointerException    if {@code f} is null
     * @throws NonFiniteValueException if {@code f} returns NaN or an infinity
     * @throws SizeLimitExceededException if \((k + 1)N_e\) exceeds {@link DenseMatrix#MAX_ELEMENTS}
     */
    public DenseMatrix project(DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "f");
        int n = options.degree() + 1;
        int ne = options.elements();
        Require.sizeWithin("DG coefficients", options.unknowns(), DenseMatrix.MAX_ELEMENTS);
        GaussLegendre rule = GaussLegendre.of(n + 3);
        double[][] basis = basisAtNodes(rule);
        double dx = options.cellWidth();
        DenseMatrix u = DenseMatrix.zeros(n, ne);
        for (int j = 0; j < ne; j++) {
            for (int q = 0; q < rule.size(); q++) {
                double x = (j + 0.5 + 0.5 * rule.node(q)) * dx;
                double fv = f.applyAsDouble(x);
                if (!Double.isFinite(fv)) {
                    throw new NonFiniteValueException("f(" + x + ")", fv);
                }
                for (int l = 0; l < n; l++) {
                    u.add(l, j, (2 * l + 1) / 2.0 * rule.weight(q) * fv * basis[q][l]);
                }
            }
        }
        return u;
    }

    /**
     * The \(L^2(0, 1)\) error \(\|u_h - u\|\) by \((k + 4)\)-point Gauss–Legendre quadrature per cell.
     *
     * @param u     \(U\), \((k + 1) \times N_e\); not modified
     * @param exact \(u(x)\); must return finite values
     * @return the error, \(\ge 0\)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shape of {@code u} is wrong
     * @throws NonFiniteValueException    if {@code exact} returns NaN or an infinity
     */
    public double l2Error(DenseMatrix u, DoubleUnaryOperator exact) {
        Objects.requireNonNull(exact, "exact");
        int n = options.degree() + 1;
        int ne = options.elements();
        Require.shape("u", u, n, ne);
        GaussLegendre rule = GaussLegendre.of(n + 3);
        double[][] basis = basisAtNodes(rule);
        double dx = options.cellWidth();
        double sum = 0.0;
        for (int j = 0; j < ne; j++) {
            for (int q = 0; q < rule.size(); q++) {
                double x = (j + 0.5 + 0.5 * rule.node(q)) * dx;
                double value = 0.0;
                for (int l = 0; l < n; l++) {
                    value += u.get(l, j) * basis[q][l];
                }
                double ev = exact.applyAsDouble(x);
                if (!Double.isFinite(ev)) {
                    throw new NonFiniteValueException("exact(" + x + ")", ev);
                }
                double d = value - ev;
                sum += 0.5 * dx * rule.weight(q) * d * d;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * The \(L^2(0, 1)\) norm \(\|u_h\| = (\tfrac{\Delta x}{2}\sum_{l,j} \tfrac{2}{2l+1}U_{lj}^2)^{1/2}\)
     * (Legendre orthogonality).
     *
     * @param u \(U\), \((k + 1) \times N_e\); not modified
     * @return the norm
     * @throws NullPointerException       if {@code u} is null
     * @throws DimensionMismatchException if the shape is wrong
     */
    public double l2Norm(DenseMatrix u) {
        int n = options.degree() + 1;
        Require.shape("u", u, n, options.elements());
        double sum = 0.0;
        for (int j = 0; j < options.elements(); j++) {
            for (int l = 0; l < n; l++) {
                double v = u.get(l, j);
                sum += v * v / (2 * l + 1);
            }
        }
        return Math.sqrt(options.cellWidth() * sum);
    }

    /**
     * The integral \(\int_0^1 u_h\,dx = \Delta x\sum_j U_{0j}\), conserved by the scheme.
     *
     * @param u \(U\), \((k + 1) \times N_e\); not modified
     * @return the integral
     * @throws NullPointerException       if {@code u} is null
     * @throws DimensionMismatchException if the shape is wrong
     */
    public double integral(DenseMatrix u) {
        Require.shape("u", u, options.degree() + 1, options.elements());
        double sum = 0.0;
        for (int j = 0; j < options.elements(); j++) {
            sum += u.get(0, j);
        }
        return options.cellWidth() * sum;
    }

    private double[][] basisAtNodes(GaussLegendre rule) {
        double[][] basis = new double[rule.size()][];
        for (int q = 0; q < rule.size(); q++) {
            basis[q] = Legendre.values(options.degree(), rule.node(q));
        }
        return basis;
    }
}
