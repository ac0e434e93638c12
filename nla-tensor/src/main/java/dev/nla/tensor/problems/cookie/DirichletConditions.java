package dev.nla.tensor.problems.cookie;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Objects;

/**
 * Dirichlet conditions by symmetric row-and-column replacement, which keeps the node numbering and
 * the symmetry (and positive definiteness) of the matrix.
 *
 * <p>For a set \(B\) of constrained nodes with values \(g_B\), the system \(Ku = b\) becomes
 * \[ \begin{pmatrix} K_{II} &amp; 0 \\ 0 &amp; c\,I \end{pmatrix}
 *    \begin{pmatrix} u_I \\ u_B \end{pmatrix} =
 *    \begin{pmatrix} b_I - K_{IB}\,g_B \\ c\,g_B \end{pmatrix}, \]
 * whose solution has \(u_B = g_B\) and \(u_I\) solving the reduced (eliminated) system \(K_{II}u_I =
 * b_I - K_{IB}g_B\). The free block \(K_{II}\) is unchanged, so the operator is SPD whenever
 * \(K_{II}\) is and \(c \gt 0\). The parametric cookie matrices use \(c = 1\) for the background
 * matrix \(A_0\) and \(c = 0\) for the cookie matrices \(A_\mu\), so every \(A_0 + \sum_\mu
 * \rho_\mu A_\mu\) has identity rows and columns on \(\partial\Omega\).
 */
public final class DirichletConditions {
    private DirichletConditions() {}

    /**
     * \(K\) with the rows and columns of constrained nodes replaced by \(c\) times those of the
     * identity.
     *
     * @param k        the square matrix; not modified
     * @param fixed    the constrained nodes, length \(N\); not modified
     * @param diagonal the value \(c\) put on the diagonal of constrained rows; finite
     * @return a new CSR matrix; entries that become zero are not stored
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code k} is not square or {@code fixed} does not have
     *     its order
     * @throws dev.nla.core.error.NonFiniteValueException if {@code diagonal} is NaN or infinite
     */
    public static SparseMatrix constrain(SparseMatrix k, boolean[] fixed, double diagonal) {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(fixed, "fixed");
        Require.square("k", k);
        Require.finite("diagonal", diagonal);
        int n = k.rows();
        if (fixed.length != n) {
            throw new DimensionMismatchException("fixed has length " + fixed.length + ", k is " + n + "x" + n);
        }
        CooBuilder builder = SparseMatrix.builder(n, n);
        k.forEachNonZero((i, j, v) -> {
            if (!fixed[i] && !fixed[j] && v != 0.0) {
                builder.add(i, j, v);
            }
        });
        if (diagonal != 0.0) {
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    builder.add(i, i, diagonal);
                }
            }
        }
        return builder.build(SparseMatrix.Format.CSR);
    }

    /**
     * The right-hand side \((b_I - K_{IB}g_B,\; c\,g_B)\) that goes with {@link #constrain(SparseMatrix,
     * boolean[], double)}.
     *
     * @param k        the unconstrained square matrix; not modified
     * @param load     \(b\), \(N \times 1\); not modified
     * @param fixed    the constrained nodes, length \(N\); not modified
     * @param values   \(g\), \(N \times 1\); only the constrained entries are read; not modified
     * @param diagonal the \(c\) used in {@code constrain}; finite
     * @return a new \(N \times 1\) vector
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the sizes disagree
     * @throws dev.nla.core.error.NonFiniteValueException if {@code diagonal} is NaN or infinite
     */
    public static DenseMatrix liftLoad(
            SparseMatrix k, DenseMatrix load, boolean[] fixed, DenseMatrix values, double diagonal) {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(values, "values");
        Require.square("k", k);
        Require.finite("diagonal", diagonal);
        int n = k.rows();
        Require.shape("load", load, n, 1);
        Require.shape("values", values, n, 1);
        if (fixed.length != n) {
            throw new DimensionMismatchException("fixed has length " + fixed.length + ", k is " + n + "x" + n);
        }
        DenseMatrix b = load.copy();
        k.forEachNonZero((i, j, v) -> {
            if (!fixed[i] && fixed[j]) {
                b.add(i, 0, -v * values.get(j, 0));
            }
        });
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                b.set(i, 0, diagonal * values.get(i, 0));
            }
        }
        return b;
    }
}
