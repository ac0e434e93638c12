package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * An LU factorization with partial pivoting \(PA = LU\) of an \(m \times n\) matrix, in the LAPACK
 * {@code dgetrf} layout, with \(k = \min(m, n)\).
 *
 * <p>{@code factors} holds \(U\) (\(k \times n\) upper trapezoidal) on and above its diagonal and
 * the multipliers of \(L\) (\(m \times k\) unit lower trapezoidal) below it. {@code pivots[i] = p}
 * means that row \(i\) was interchanged with row \(p \ge i\) at step \(i\) (0-based). The record
 * owns its arrays and returns them without copying.
 *
 * @param factors the packed \(m \times n\) factors
 * @param pivots  the \(k\) row interchanges
 * @param normOne \(\|A\|_1\) of the factored matrix, kept for {@link Lu#reciprocalCondition}
 */
public record LuResult(DenseMatrix factors, int[] pivots, double normOne) {
    /**
     * Validates the components.
     *
     * @param factors the packed \(m \times n\) factors
     * @param pivots  the \(k\) row interchanges
     * @param normOne \(\|A\|_1\) of the factored matrix, kept for {@link Lu#reciprocalCondition}
     * @throws NullPointerException       if a component is null
     * @throws DimensionMismatchException if {@code pivots.length != min(m, n)}
     * @throws IllegalArgumentException   if a pivot is out of range or {@code normOne} is negative or
     *     NaN
     */
    public LuResult {
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(pivots, "pivots");
        int k = Math.min(factors.rows(), factors.cols());
        if (pivots.length != k) {
            throw new DimensionMismatchException("LuResult: factors are " + factors.shape() + ", so pivots must have "
                    + k + " entries, got " + pivots.length);
        }
        for (int i = 0; i < k; i++) {
            if (pivots[i] < i || pivots[i] >= factors.rows()) {
                throw new IllegalArgumentException("LuResult: pivots[" + i + "] = " + pivots[i] + " is outside [" + i
                        + ", " + factors.rows() + ")");
            }
        }
        if (!(normOne >= 0)) {
            throw new IllegalArgumentException("normOne must be non-negative, got " + normOne);
        }
    }

    /**
     * Rows \(m\).
     *
     * @return \(m\)
     */
    public int rows() {
        return factors.rows();
    }

    /**
     * Columns \(n\).
     *
     * @return \(n\)
     */
    public int cols() {
        return factors.cols();
    }

    /**
     * The unit lower trapezoidal factor \(L\) as a new \(m \times k\) matrix.
     *
     * @return \(L\)
     */
    public DenseMatrix l() {
        int m = rows();
        int k = pivots.length;
        DenseMatrix l = DenseMatrix.zeros(m, k);
        for (int j = 0; j < k; j++) {
            l.set(j, j, 1.0);
            for (int i = j + 1; i < m; i++) {
                l.set(i, j, factors.get(i, j));
            }
        }
        return l;
    }

    /**
     * The upper trapezoidal factor \(U\) as a new \(k \times n\) matrix.
     *
     * @return \(U\)
     */
    public DenseMatrix u() {
        int n = cols();
        int k = pivots.length;
        DenseMatrix u = DenseMatrix.zeros(k, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= Math.min(j, k - 1); i++) {
                u.set(i, j, factors.get(i, j));
            }
        }
        return u;
    }

    /**
     * The row permutation as an index vector \(p\): \((PA)_{i,:} = A_{p_i,:}\).
     *
     * @return a new array of length \(m\)
     */
    public int[] rowPermutation() {
        int m = rows();
        int[] p = new int[m];
        for (int i = 0; i < m; i++) {
            p[i] = i;
        }
        for (int i = 0; i < pivots.length; i++) {
            int t = p[i];
            p[i] = p[pivots[i]];
            p[pivots[i]] = t;
        }
        return p;
    }

    /**
     * Whether \(U\) has an exactly zero diagonal entry (then \(A\) is singular and solves throw).
     *
     * @return {@code true} if some \(u_{ii} = 0\)
     */
    public boolean isSingular() {
        for (int i = 0; i < pivots.length; i++) {
            if (factors.get(i, i) == 0.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * \(\operatorname{sign}(\det A) \in \{-1, 0, 1\}\): the parity of the interchanges times the
     * signs of the \(u_{ii}\).
     *
     * @return the sign of the determinant (1 for \(n = 0\))
     * @throws DimensionMismatchException if \(A\) is not square
     */
    public int determinantSign() {
        requireSquare();
        int sign = 1;
        for (int i = 0; i < pivots.length; i++) {
            double u = factors.get(i, i);
            if (u == 0.0) {
                return 0;
            }
            if (u < 0) {
                sign = -sign;
            }
            if (pivots[i] != i) {
                sign = -sign;
            }
        }
        return sign;
    }

    /**
     * \(\log|\det A| = \sum_i \log|u_{ii}|\), which neither overflows nor underflows where \(\det A\)
     * would.
     *
     * @return the logarithm of \(|\det A|\); \(-\infty\) if \(A\) is singular; 0 for \(n = 0\)
     * @throws DimensionMismatchException if \(A\) is not square
     */
    public double logAbsDeterminant() {
        requireSquare();
        double s = 0;
        for (int i = 0; i < pivots.length; i++) {
            s += Math.log(Math.abs(factors.get(i, i)));
        }
        return s;
    }

    /**
     * \(\det A = \pm\prod_i u_{ii}\); may overflow or underflow for large \(n\) (use {@link
     * #logAbsDeterminant()} and {@link #determinantSign()} then).
     *
     * @return the determinant (1 for \(n = 0\))
     * @throws DimensionMismatchException if \(A\) is not square
     */
    public double determinant() {
        int sign = determinantSign();
        return sign == 0 ? 0.0 : sign * Math.exp(logAbsDeterminant());
    }

    private void requireSquare() {
        if (rows() != cols()) {
            throw new DimensionMismatchException("the determinant needs a square matrix, got " + factors.shape());
        }
    }
}
