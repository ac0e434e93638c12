package dev.nla.attention.analysis;

/**
 * Operation and memory counts of one computation, as recorded by {@link CostCounter}.
 *
 * <p>Conventions: a GEMM \(m \times k\) by \(k \times n\) counts \(2mnk\) flops; every other
 * addition, multiplication, division, subtraction or comparison counts one flop; exponentials are
 * counted apart in {@link #exps()} (one each). Memory is counted in {@code double} (or {@code float})
 * elements of the arrays the method allocates, output included, inputs excluded.
 *
 * @param flops             floating-point operations
 * @param exps              exponential evaluations
 * @param peakElements      largest number of elements held at once
 * @param allocatedElements total number of elements allocated
 * @param largestArray      largest single allocation, in elements
 */
public record Cost(long flops, long exps, long peakElements, long allocatedElements, long largestArray) {
    /** No work and no memory. */
    public static final Cost ZERO = new Cost(0, 0, 0, 0, 0);
}
