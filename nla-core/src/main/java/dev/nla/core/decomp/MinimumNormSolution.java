package dev.nla.core.decomp;

import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * The minimum-norm least-squares solution \(X = A^+_r B\) and the spectral data it was built from.
 *
 * @param x              the \(n \times k\) solution (owned by the record)
 * @param rank           the effective rank: the number of singular values \(\sigma_i \gt
 *     r\sigma_1\)
 * @param singularValues all \(\min(m, n)\) singular values of \(A\), decreasing
 * @param rcond          the relative cut-off \(r\) that was applied
 */
public record MinimumNormSolution(DenseMatrix x, int rank, double[] singularValues, double rcond) {
    /**
     * Validates the record and copies the singular values.
     *
     * @param x              the solution
     * @param rank           the effective rank
     * @param singularValues the singular values of \(A\); copied
     * @param rcond          the cut-off applied
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code rank} is outside {@code [0, singularValues.length]}
     */
    public MinimumNormSolution {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(singularValues, "singularValues");
        if (rank < 0 || rank > singularValues.length) {
            throw new IllegalArgumentException("rank " + rank + " is outside [0, " + singularValues.length + "]");
        }
        singularValues = singularValues.clone();
    }

    /**
     * The singular values of \(A\).
     *
     * @return a copy, decreasing
     */
    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinimumNormSolution s
                && x.equals(s.x)
                && rank == s.rank
                && Double.compare(rcond, s.rcond) == 0
                && Arrays.equals(singularValues, s.singularValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, rank, rcond, Arrays.hashCode(singularValues));
    }

    @Override
    public String toString() {
        return "MinimumNormSolution[" + x.rows() + "x" + x.cols() + ", rank=" + rank + ", rcond=" + rcond + "]";
    }
}
