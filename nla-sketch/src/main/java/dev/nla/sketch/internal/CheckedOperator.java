package dev.nla.sketch.internal;

import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.parallel.Parallel;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An input of a randomized driver that has been validated once: its explicit matrix (if any) was
 * scanned for NaN and infinities, and its Frobenius norm was computed in the same sweep.
 *
 * <p>Drivers wrap their input with {@link #of(Matrix, String)} or {@link #of(LinearOperator,
 * String)}; range finders and nested drivers receive the wrapper and skip the scan (the class is not
 * exported, so a caller cannot forge the mark). The wrapper delegates {@link #apply} and {@link
 * #matrix()}, so sketching operators still take their matrix routes.
 */
public final class CheckedOperator implements LinearOperator {
    private final LinearOperator a;
    private final double frobeniusNorm;

    private CheckedOperator(LinearOperator a, double frobeniusNorm) {
        this.a = a;
        this.frobeniusNorm = frobeniusNorm;
    }

    /**
     * Validates an explicit matrix: every entry finite; computes \(\|A\|_F\).
     *
     * @param a    the matrix; not modified
     * @param name the parameter name for messages
     * @return the checked operator
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException at the first NaN or infinite entry, naming its position
     */
    public static CheckedOperator of(Matrix a, String name) {
        Objects.requireNonNull(a, name);
        return new CheckedOperator(LinearOperator.of(a), scan(a, name));
    }

    /**
     * Validates an operator: an operator with an explicit {@link LinearOperator#matrix() matrix} is
     * scanned as {@link #of(Matrix, String)}; a matrix-free operator cannot be scanned (NaN
     * propagates) and has no known norm. An already checked operator is returned as is.
     *
     * @param a    the operator; not modified
     * @param name the parameter name for messages
     * @return the checked operator
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException at the first NaN or infinite entry of an explicit matrix
     */
    public static CheckedOperator of(LinearOperator a, String name) {
        Objects.requireNonNull(a, name);
        if (a instanceof CheckedOperator c) {
            return c;
        }
        Optional<Matrix> m = a.matrix();
        return m.isPresent() ? new CheckedOperator(a, scan(m.get(), name)) : new CheckedOperator(a, Double.NaN);
    }

    /**
     * The Frobenius norm, when the operator has an explicit matrix.
     *
     * @return \(\|A\|_F\), or empty for a matrix-free operator
     */
    public OptionalDouble frobeniusNorm() {
        return Double.isNaN(frobeniusNorm) ? OptionalDouble.empty() : OptionalDouble.of(frobeniusNorm);
    }

    /**
     * The wrapped operator.
     *
     * @return the operator
     */
    public LinearOperator operator() {
        return a;
    }

    @Override
    public int rows() {
        return a.rows();
    }

    @Override
    public int cols() {
        return a.cols();
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        a.apply(trans, x, y);
    }

    @Override
    public Optional<Matrix> matrix() {
        return a.matrix();
    }

    /**
     * The transpose, still marked as checked and with the same norm.
     *
     * @return \(A^{\mathsf T}\)
     */
    @Override
    public CheckedOperator transpose() {
        return new CheckedOperator(a.transpose(), frobeniusNorm);
    }

    @Override
    public String toString() {
        return "checked " + a;
    }

    /**
     * Scans for non-finite entries and returns \(\|A\|_F\). Columns are processed in parallel, each
     * by a fixed sequence of operations, and combined in column order: the result does not depend
     * on the thread count.
     */
    private static double scan(Matrix a, String name) {
        int n = a.cols();
        double[] sums = new double[n];
        if (a instanceof DenseMatrix d) {
            double[] data = d.data();
            int m = d.rows();
            Parallel.forRanges(n, Parallel.parts(Backends.active().threads(), n, m), 1, (from, to) -> {
                for (int j = from; j < to; j++) {
                    sums[j] = sumOfSquares(data, d.offset() + j * d.ld(), m);
                }
            });
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(sums[j])) {
                    int base = d.offset() + j * d.ld();
                    for (int i = 0; i < m; i++) {
                        if (!Double.isFinite(data[base + i])) {
                            throw new NonFiniteValueException(name, i, j, data[base + i]);
                        }
                    }
                    // Finite entries whose squares overflow: the scaled norm of the column.
                    sums[j] = Double.POSITIVE_INFINITY;
                }
            }
        } else {
            SparseMatrix s = (SparseMatrix) a;
            s.forEachNonZero((i, j, v) -> {
                if (!Double.isFinite(v)) {
                    throw new NonFiniteValueException(name, i, j, v);
                }
            });
            double[] values = s.values();
            double t = 0;
            for (int i = 0; i < s.nonZeroCount(); i++) {
                t += values[i] * values[i];
            }
            return Double.isFinite(t) ? Math.sqrt(t) : scaledNorm(values, s.nonZeroCount());
        }
        double total = 0;
        for (int j = 0; j < n; j++) {
            total += sums[j];
        }
        if (Double.isFinite(total)) {
            return Math.sqrt(total);
        }
        DenseMatrix dense = (DenseMatrix) a;
        double[] copy = dense.isCompact() ? dense.data() : dense.toColumnMajorArray();
        return scaledNorm(copy, dense.rows() * dense.cols(), dense.isCompact() ? dense.offset() : 0);
    }

    private static double sumOfSquares(double[] x, int off, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < len; i += 4) {
            double a0 = x[off + i];
            double a1 = x[off + i + 1];
            double a2 = x[off + i + 2];
            double a3 = x[off + i + 3];
            s0 = Math.fma(a0, a0, s0);
            s1 = Math.fma(a1, a1, s1);
            s2 = Math.fma(a2, a2, s2);
            s3 = Math.fma(a3, a3, s3);
        }
        for (; i < len; i++) {
            s0 = Math.fma(x[off + i], x[off + i], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The 2-norm of {@code count} values by scaling with the largest magnitude (overflow-safe). */
    private static double scaledNorm(double[] values, int count) {
        return scaledNorm(values, count, 0);
    }

    private static double scaledNorm(double[] values, int count, int offset) {
        double max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, Math.abs(values[offset + i]));
        }
        if (max == 0) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < count; i++) {
            double v = values[offset + i] / max;
            s += v * v;
        }
        return max * Math.sqrt(s);
    }
}
