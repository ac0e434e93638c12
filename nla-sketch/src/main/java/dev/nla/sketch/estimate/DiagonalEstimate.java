package dev.nla.sketch.estimate;

import java.util.Objects;

/**
 * An estimate of the diagonal of a square operator.
 *
 * @param diagonal    the estimates of \(a_{11}, \dots, a_{nn}\)
 * @param matvecs     products of the operator (or its transpose) with a vector used
 * @param testVectors test vectors drawn
 */
public record DiagonalEstimate(double[] diagonal, long matvecs, int testVectors) {
    /**
     * Copies the diagonal.
     *
     * @param diagonal    the estimates; copied
     * @param matvecs     products used
     * @param testVectors test vectors drawn
     * @throws NullPointerException if {@code diagonal} is null
     */
    public DiagonalEstimate {
        diagonal = Objects.requireNonNull(diagonal, "diagonal").clone();
    }

    /**
     * The estimates of \(a_{11}, \dots, a_{nn}\).
     *
     * @return a copy
     */
    @Override
    public double[] diagonal() {
        return diagonal.clone();
    }
}
