package dev.nla.tensor.problems.cookie;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;

/**
 * Continuous piecewise-linear (P1) finite element matrices and vectors on a {@link
 * StructuredTriangulation}, without boundary conditions.
 *
 * <p>On a triangle \(T\) with vertices \(p_0, p_1, p_2\) (counter-clockwise) and area \(|T|\), the hat
 * functions have constant gradients \(\nabla\varphi_a = \tfrac{1}{2|T|}(y_b - y_c,\; x_c - x_b)\)
 * for \((a, b, c)\) a cyclic permutation of \((0, 1, 2)\). For a coefficient \(\sigma\) that is
 * constant on \(T\) (or replaced by its mean \(\bar\sigma_T = |T|^{-1}\int_T \sigma\), which is
 * exact for the P1 stiffness because the gradients are constant) the element matrices are
 * \[ K^T_{ab} = \bar\sigma_T\,|T|\,\nabla\varphi_a\cdot\nabla\varphi_b, \qquad M^T_{ab} =
 * \tfrac{|T|}{12}(1 + \delta_{ab}). \]
 * Global matrices are sums of element matrices, assembled through {@link CooBuilder} in element
 * order, so entries \((p, q)\) and \((q, p)\) receive the same terms in the same order and the
 * result is exactly symmetric. Load vectors and \(L^2\) errors use the seven-point degree-5 rule
 * [Stroud 1971, formula T2:5-1] on every element.
 */
public final class P1Assembly {
    private P1Assembly() {}

    /**
     * The stiffness matrix \(K_{pq} = \int_\Omega \sigma\,\nabla\varphi_p\cdot\nabla\varphi_q\,dx\) for
     * an elementwise constant coefficient. Elements with coefficient exactly 0 contribute nothing
     * (and store nothing); so do the couplings of the two ends of each hypotenuse, whose gradients
     * are orthogonal in these right triangles, so that the matrix has the five-point pattern and
     * half-bandwidth \(n_x + 1\).
     *
     * @param mesh                the triangulation
     * @param elementCoefficient  \(\bar\sigma_T\) per element, length {@code mesh.elementCount()},
     *     finite; not modified
     * @return the \(N \times N\) matrix in CSR form, \(N\) = {@code mesh.nodeCount()}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the coefficient array has the wrong length
     * @throws NonFiniteValueException    if a coefficient is NaN or infinite
     */
    public static SparseMatrix stiffness(StructuredTriangulation mesh, double[] elementCoefficient) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(elementCoefficient, "elementCoefficient");
        int ne = mesh.elementCount();
        if (elementCoefficient.length != ne) {
            throw new DimensionMismatchException("elementCoefficient has length " + elementCoefficient.length
                    + ", the mesh has " + ne + " elements");
        }
        for (int e = 0; e < ne; e++) {
            if (!Double.isFinite(elementCoefficient[e])) {
                throw new NonFiniteValueException("elementCoefficient", e, 0, elementCoefficient[e]);
            }
        }
        int n = mesh.nodeCount();
        CooBuilder builder = SparseMatrix.builder(n, n);
        int[] v = new int[3];
        double[] gx = new double[3];
        double[] gy = new double[3];
        for (int e = 0; e < ne; e++) {
            double c = elementCoefficient[e];
            if (c == 0.0) {
                continue;
            }
            mesh.vertices(e, v);
            double area = gradients(mesh, v, gx, gy);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double g = gx[a] * gx[b] + gy[a] * gy[b];
                    if (g != 0.0) { // the two ends of a hypotenuse do not couple (right angle)
                        builder.add(v[a], v[b], c * area * g);
                    }
                }
            }
        }
        return builder.build(SparseMatrix.Format.CSR);
    }

    /**
     * The stiffness matrix of the Laplacian, \(\sigma \equiv 1\).
     *
     * @param mesh the triangulation
     * @return the \(N \times N\) matrix in CSR form
     * @throws NullPointerException if {@code mesh} is null
     */
    public static SparseMatrix laplacian(StructuredTriangulation mesh) {
        Objects.requireNonNull(mesh, "mesh");
        double[] ones = new double[mesh.elementCount()];
        java.util.Arrays.fill(ones, 1.0);
        return stiffness(mesh, ones);
    }

    /**
     * The consistent mass matrix \(M_{pq} = \int_\Omega \varphi_p\varphi_q\,dx\).
     *
     * @param mesh the triangulation
     * @return the \(N \times N\) matrix in CSR form; its entries sum to the area of \(\Omega\), 4
     * @throws NullPointerException if {@code mesh} is null
     */
    public static SparseMatrix mass(StructuredTriangulation mesh) {
        Objects.requireNonNull(mesh, "mesh");
        int n = mesh.nodeCount();
        CooBuilder builder = SparseMatrix.builder(n, n);
        int[] v = new int[3];
        double[] gx = new double[3];
        double[] gy = new double[3];
        for (int e = 0; e < mesh.elementCount(); e++) {
            mesh.vertices(e, v);
            double area = gradients(mesh, v, gx, gy);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    builder.add(v[a], v[b], area / 12.0 * (a == b ? 2.0 : 1.0));
                }
            }
        }
        return builder.build(SparseMatrix.Format.CSR);
    }

    /**
     * The load vector \(b_p = \int_\Omega f\varphi_p\,dx\), by the degree-5 rule on each element (exact
     * for polynomial \(f\) of degree at most 4).
     *
     * @param mesh the triangulation
     * @param f    the source \(f(x, y)\); must return finite values at the quadrature points
     * @return the \(N \times 1\) vector
     * @throws NullPointerException    if an argument is null
     * @throws NonFiniteValueException if {@code f} returns NaN or an infinity; the message names the
     *     point
     */
    public static DenseMatrix load(StructuredTriangulation mesh, DoubleBinaryOperator f) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(f, "f");
        DenseMatrix b = DenseMatrix.zeros(mesh.nodeCount(), 1);
        int[] v = new int[3];
        double[] gx = new double[3];
        double[] gy = new double[3];
        for (int e = 0; e < mesh.elementCount(); e++) {
            mesh.vertices(e, v);
            double area = gradients(mesh, v, gx, gy);
            for (int q = 0; q < TriangleQuadrature.WEIGHTS.length; q++) {
                double[] lam = TriangleQuadrature.POINTS[q];
                double x = lam[0] * mesh.x(v[0]) + lam[1] * mesh.x(v[1]) + lam[2] * mesh.x(v[2]);
                double y = lam[0] * mesh.y(v[0]) + lam[1] * mesh.y(v[1]) + lam[2] * mesh.y(v[2]);
                double fv = evaluate(f, "f", x, y);
                double w = TriangleQuadrature.WEIGHTS[q] * area * fv;
                for (int a = 0; a < 3; a++) {
                    b.add(v[a], 0, w * lam[a]);
                }
            }
        }
        return b;
    }

    /**
     * The load vector of \(f \equiv 1\): \(b_p = \sum_{T \ni p} |T| / 3\), so \(h^2\) at an interior
     * node (six elements of area \(h^2/2\)).
     *
     * @param mesh the triangulation
     * @return the \(N \times 1\) vector
     * @throws NullPointerException if {@code mesh} is null
     */
    public static DenseMatrix unitLoad(StructuredTriangulation mesh) {
        Objects.requireNonNull(mesh, "mesh");
        DenseMatrix b = DenseMatrix.zeros(mesh.nodeCount(), 1);
        int[] v = new int[3];
        double third = mesh.elementArea() / 3.0;
        for (int e = 0; e < mesh.elementCount(); e++) {
            mesh.vertices(e, v);
            for (int a = 0; a < 3; a++) {
                b.add(v[a], 0, third);
            }
        }
        return b;
    }

    /**
     * The nodal interpolant \(u_p = g(x_p, y_p)\).
     *
     * @param mesh the triangulation
     * @param g    the function; must return finite values at the nodes
     * @return the \(N \times 1\) vector of nodal values
     * @throws NullPointerException    if an argument is null
     * @throws NonFiniteValueException if {@code g} returns NaN or an infinity at a node
     */
    public static DenseMatrix interpolate(StructuredTriangulation mesh, DoubleBinaryOperator g) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(g, "g");
        DenseMatrix u = DenseMatrix.zeros(mesh.nodeCount(), 1);
        for (int p = 0; p < mesh.nodeCount(); p++) {
            u.set(p, 0, evaluate(g, "g", mesh.x(p), mesh.y(p)));
        }
        return u;
    }

    /**
     * The \(L^2\) error \(\|u_h - u\|_{L^2(\Omega)}\) of the P1 function with nodal values \(u_h\)
     * against \(u\), by the degree-5 rule on every element.
     *
     * @param mesh  the triangulation
     * @param uh    nodal values, \(N \times 1\); not modified
     * @param exact the function \(u(x, y)\)
     * @return the error, \(\ge 0\)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code uh} is not \(N \times 1\)
     * @throws NonFiniteValueException    if {@code exact} returns NaN or an infinity
     */
    public static double l2Error(StructuredTriangulation mesh, DenseMatrix uh, DoubleBinaryOperator exact) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(uh, "uh");
        Objects.requireNonNull(exact, "exact");
        if (uh.rows() != mesh.nodeCount() || uh.cols() != 1) {
            throw new DimensionMismatchException(
                    "uh is " + uh.rows() + "x" + uh.cols() + ", expected " + mesh.nodeCount() + "x1");
        }
        double sum = 0.0;
        int[] v = new int[3];
        double[] gx = new double[3];
        double[] gy = new double[3];
        for (int e = 0; e < mesh.elementCount(); e++) {
            mesh.vertices(e, v);
            double area = gradients(mesh, v, gx, gy);
            for (int q = 0; q < TriangleQuadrature.WEIGHTS.length; q++) {
                double[] lam = TriangleQuadrature.POINTS[q];
                double x = lam[0] * mesh.x(v[0]) + lam[1] * mesh.x(v[1]) + lam[2] * mesh.x(v[2]);
                double y = lam[0] * mesh.y(v[0]) + lam[1] * mesh.y(v[1]) + lam[2] * mesh.y(v[2]);
                double value = lam[0] * uh.get(v[0], 0) + lam[1] * uh.get(v[1], 0) + lam[2] * uh.get(v[2], 0);
                double diff = value - evaluate(exact, "exact", x, y);
                sum += TriangleQuadrature.WEIGHTS[q] * area * diff * diff;
            }
        }
        return Math.sqrt(sum);
    }

    /** Fills the hat-function gradients of the element with vertices v; returns its area. */
    static double gradients(StructuredTriangulation mesh, int[] v, double[] gx, double[] gy) {
        double x0 = mesh.x(v[0]);
        double y0 = mesh.y(v[0]);
        double x1 = mesh.x(v[1]);
        double y1 = mesh.y(v[1]);
        double x2 = mesh.x(v[2]);
        double y2 = mesh.y(v[2]);
        double twiceArea = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        gx[0] = (y1 - y2) / twiceArea;
        gy[0] = (x2 - x1) / twiceArea;
        gx[1] = (y2 - y0) / twiceArea;
        gy[1] = (x0 - x2) / twiceArea;
        gx[2] = (y0 - y1) / twiceArea;
        gy[2] = (x1 - x0) / twiceArea;
        return 0.5 * twiceArea;
    }

    private static double evaluate(DoubleBinaryOperator f, String name, double x, double y) {
        double value = f.applyAsDouble(x, y);
        if (!Double.isFinite(value)) {
            throw new NonFiniteValueException(name + " at (" + x + ", " + y + ")", value);
        }
        return value;
    }
}
