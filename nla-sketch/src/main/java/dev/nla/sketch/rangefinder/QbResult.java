package dev.nla.sketch.rangefinder;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A QB factorization \(A \approx QB\) from a range finder: \(Q \in \mathbb{R}^{m \times r}\) with
 * orthonormal columns and \(B = Q^{\mathsf T}A \in \mathbb{R}^{r \times n}\).
 *
 * @param q             \(Q\), \(m \times r\), orthonormal columns
 * @param b             \(B = Q^{\mathsf T}A\), \(r \times n\)
 * @param errorEstimate an estimate of \(\|A - QB\|_F\) when the finder has one (see each finder);
 *     empty otherwise
 * @param converged     {@code false} only when a tolerance was requested and the finder stopped at
 *     its size limit before meeting it
 * @param passes        number of applications of \(A\) or \(A^{\mathsf T}\) to a block of vectors
 *     (each one sweep over \(A\)), including the one that formed \(B\)
 * @param matvecs       total number of vectors \(A\) or \(A^{\mathsf T}\) was applied to
 */
public record QbResult(
        DenseMatrix q, DenseMatrix b, OptionalDouble errorEstimate, boolean converged, int passes, long matvecs) {
    /**
     * Checks the shapes.
     *
     * @param q             \(Q\), \(m \times r\), orthonormal columns
     * @param b             \(B = Q^{\mathsf T}A\), \(r \times n\)
     * @param errorEstimate an estimate of \(\|A - QB\|_F\) when the finder has one (see each finder);
     *     empty otherwise
     * @param converged     {@code false} only when a tolerance was requested and the finder stopped at
     *     its size limit before meeting it
     * @param passes        number of applications of \(A\) or \(A^{\mathsf T}\) to a block of vectors
     *     (each one sweep over \(A\)), including the one that formed \(B\)
     * @param matvecs       total number of vectors \(A\) or \(A^{\mathsf T}\) was applied to
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code q.cols() != b.rows()}
     * @throws IllegalArgumentException   if {@code passes} or {@code matvecs} is negative
     */
    public QbResult {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(errorEstimate, "errorEstimate");
        if (q.cols() != b.rows()) {
            throw new DimensionMismatchException(
                    "QbResult: q is " + q.shape() + " and b is " + b.shape() + "; need q.cols() == b.rows()");
        }
        if (passes < 0 || matvecs < 0) {
            throw new IllegalArgumentException(
                    "passes and matvecs must be non-negative, got " + passes + " and " + matvecs);
        }
    }

    /**
     * The rank \(r\) of the factorization.
     *
     * @return {@code q.cols()}
     */
    public int rank() {
        return q.cols();
    }
}
