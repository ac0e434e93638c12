package dev.nla.core.matrix;

import dev.nla.core.error.SizeLimitExceededException;
import java.util.Objects;

/**
 * Conversions between {@code nla} matrices and the {@code RealMatrix} types of Hipparchus ({@code
 * org.hipparchus.linear}) and Apache Commons Math 3 ({@code org.apache.commons.math3.linear}).
 *
 * <p><b>Optional dependencies.</b> Both libraries are optional dependencies of {@code nla-core}:
 * they are not pulled in transitively. To use the Hipparchus methods add {@code
 * org.hipparchus:hipparchus-core} to your project (and, on the module path, {@code requires
 * hipparchus.core}); to use the Commons Math methods add {@code
 * org.apache.commons:commons-math3} ({@code requires commons.math3}). Each library's code is kept in
 * its own nested class, so the methods for one library work when the other is absent. This class is
 * the only place in {@code nla-core} that refers to either library.
 *
 * <p>Directions and types:
 *
 * <ul>
 *   <li>into {@code nla}: any {@code RealMatrix} implementation is read entry by entry (in the
 *       implementation's optimized walking order) into a new compact {@link DenseMatrix}; the
 *       source is not modified and not shared;
 *   <li>out of {@code nla}: any {@link Matrix}, dense or sparse, is copied into a new {@code
 *       Array2DRowRealMatrix} (row arrays, the representation the decompositions of both libraries
 *       read fastest); the result shares nothing with the source.
 * </ul>
 *
 * <p>Neither library can represent a matrix with zero rows or zero columns, so exporting one throws
 * {@link IllegalArgumentException}. For plain arrays use {@link DenseMatrix#of(double[][])} and
 * {@link DenseMatrix#toArray()}.
 */
public final class RealMatrixConversions {
    private RealMatrixConversions() {}

    /**
     * A new dense copy of a Hipparchus matrix: \(a_{ij}\) = {@code source.getEntry(i, j)}.
     *
     * @param source any Hipparchus {@code RealMatrix}; not modified
     * @return a new compact {@code rows x cols} matrix
     * @throws NullPointerException       if {@code source} is null
     * @throws SizeLimitExceededException if the matrix has more than {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    public static DenseMatrix fromHipparchus(org.hipparchus.linear.RealMatrix source) {
        Objects.requireNonNull(source, "source");
        return Hipparchus.toDense(source);
    }

    /**
     * A new Hipparchus {@code Array2DRowRealMatrix} holding a copy of {@code source}.
     *
     * @param source dense or sparse matrix, at least \(1 \times 1\); not modified
     * @return a new matrix with the same entries, sharing no storage with {@code source}
     * @throws NullPointerException     if {@code source} is null
     * @throws IllegalArgumentException if {@code source} has zero rows or zero columns, which
     *     Hipparchus cannot represent; the message shows the shape
     */
    public static org.hipparchus.linear.Array2DRowRealMatrix toHipparchus(Matrix source) {
        return Hipparchus.fromRows(rowArrays(source, "Hipparchus"));
    }

    /**
     * A new dense copy of a Commons Math 3 matrix: \(a_{ij}\) = {@code source.getEntry(i, j)}.
     *
     * @param source any Commons Math 3 {@code RealMatrix}; not modified
     * @return a new compact {@code rows x cols} matrix
     * @throws NullPointerException       if {@code source} is null
     * @throws SizeLimitExceededException if the matrix has more than {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    public static DenseMatrix fromCommonsMath(org.apache.commons.math3.linear.RealMatrix source) {
        Objects.requireNonNull(source, "source");
        return CommonsMath.toDense(source);
    }

    /**
     * A new Commons Math 3 {@code Array2DRowRealMatrix} holding a copy of {@code source}.
     *
     * @param source dense or sparse matrix, at least \(1 \times 1\); not modified
     * @return a new matrix with the same entries, sharing no storage with {@code source}
     * @throws NullPointerException     if {@code source} is null
     * @throws IllegalArgumentException if {@code source} has zero rows or zero columns, which Commons
     *     Math cannot represent; the message shows the shape
     */
    public static org.apache.commons.math3.linear.Array2DRowRealMatrix toCommonsMath(Matrix source) {
        return CommonsMath.fromRows(rowArrays(source, "Commons Math"));
    }

    /** The entries of a non-empty matrix as new row arrays. */
    private static double[][] rowArrays(Matrix source, String library) {
        Objects.requireNonNull(source, "source");
        if (source.rows() == 0 || source.cols() == 0) {
            throw new IllegalArgumentException(library + " RealMatrix cannot hold a " + source.rows() + "x"
                    + source.cols() + " matrix: it needs at least one row and one column");
        }
        long size = (long) source.rows() * source.cols();
        if (size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    library + " copy of a " + source.rows() + "x" + source.cols() + " matrix",
                    size,
                    DenseMatrix.MAX_ELEMENTS);
        }
        if (source instanceof DenseMatrix d) {
            return d.toArray();
        }
        double[][] rows = new double[source.rows()][source.cols()];
        ((SparseMatrix) source).forEachNonZero((i, j, v) -> rows[i][j] = v);
        return rows;
    }

    /** Allocates the target of an import after checking its size. */
    private static DenseMatrix target(int rows, int cols) {
        long size = (long) rows * cols;
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("source reports a negative shape " + rows + "x" + cols);
        }
        if (size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    "dense copy of a " + rows + "x" + cols + " RealMatrix", size, DenseMatrix.MAX_ELEMENTS);
        }
        return DenseMatrix.zeros(rows, cols);
    }

    /** Every reference to Hipparchus; loaded only when a Hipparchus method is called. */
    private static final class Hipparchus {
        private Hipparchus() {}

        static DenseMatrix toDense(org.hipparchus.linear.RealMatrix source) {
            DenseMatrix a = target(source.getRowDimension(), source.getColumnDimension());
            source.walkInOptimizedOrder(new org.hipparchus.linear.DefaultRealMatrixPreservingVisitor() {
                @Override
                public void visit(int row, int column, double value) {
                    a.set(row, column, value);
                }
            });
            return a;
        }

        static org.hipparchus.linear.Array2DRowRealMatrix fromRows(double[][] rows) {
            return new org.hipparchus.linear.Array2DRowRealMatrix(rows, false);
        }
    }

    /** Every reference to Commons Math 3; loaded only when a Commons Math method is called. */
    private static final class CommonsMath {
        private CommonsMath() {}

        static DenseMatrix toDense(org.apache.commons.math3.linear.RealMatrix source) {
            DenseMatrix a = target(source.getRowDimension(), source.getColumnDimension());
            source.walkInOptimizedOrder(new org.apache.commons.math3.linear.DefaultRealMatrixPreservingVisitor() {
                @Override
                public void visit(int row, int column, double value) {
                    a.set(row, column, value);
                }
            });
            return a;
        }

        static org.apache.commons.math3.linear.Array2DRowRealMatrix fromRows(double[][] rows) {
            return new org.apache.commons.math3.linear.Array2DRowRealMatrix(rows, false);
        }
    }
}
