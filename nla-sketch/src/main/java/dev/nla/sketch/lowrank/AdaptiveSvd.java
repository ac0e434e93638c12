package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.rangefinder.AdaptiveQb;
import dev.nla.sketch.rangefinder.QbResult;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Randomized SVD to a tolerance: the smallest rank \(r\) found such that \(\|A - U_r\Sigma_rV_r^{\mathsf
 * T}\|_F \le \varepsilon\|A\|_F\) (MATLAB's {@code svdsketch} idea [Yu, Gu and Li 2018]).
 *
 * <p><b>Algorithm.</b> {@link AdaptiveQb} gives \(A \approx QB\) with error indicator \(E \le
 * \varepsilon\|A\|_F\); then \(B = \tilde U\Sigma V^{\mathsf T}\) and, because \(\|A - Q\tilde
 * U_r\Sigma_rV_r^{\mathsf T}\|_F^2 = E^2 + \sum_{j \gt r}\sigma_j^2\) (orthogonality), the rank is
 * cut to the smallest \(r\) with \(E^2 + \sum_{j \gt r}\sigma_j^2 \le \varepsilon^2\|A\|_F^2\),
 * where \(\|A\|_F^2 = E^2 + \|B\|_F^2\) (exact for explicit matrices, a probe estimate otherwise).
 * The QB rank overshoots the optimal rank for the tolerance; the SVD truncation takes most of the
 * overshoot back. The result's error estimate is \((E^2 + \sum_{j \gt r}\sigma_j^2)^{1/2}\) and
 * {@link LowRankSvd#converged()} is {@code false} if the rank limit stopped the QB factorization
 * first.
 */
public final class AdaptiveSvd {
    private final AdaptiveSvdOptions options;
    private final Svd svd;

    /**
     * The algorithm with the pure-Java dense SVD.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public AdaptiveSvd(AdaptiveSvdOptions options) {
        this(options, Decompositions.svd());
    }

    /**
     * The algorithm with a given dense SVD.
     *
     * @param options the options
     * @param svd     the dense SVD of \(B\)
     * @throws NullPointerException if an argument is null
     */
    public AdaptiveSvd(AdaptiveSvdOptions options, Svd svd) {
        this.options = Objects.requireNonNull(options, "options");
        this.svd = Objects.requireNonNull(svd, "svd");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public AdaptiveSvdOptions options() {
        return options;
    }

    /**
     * Computes the SVD of a dense or sparse matrix to the tolerance.
     *
     * @param a     \(A\), \(m \times n\), not empty; not modified; must be finite
     * @param state the random stream; not modified
     * @return the factors (rank \(r\)), the error estimate and the passes, with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(A\) has no rows or columns
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     */
    public Sampled<LowRankSvd> compute(Matrix a, RngState state) {
        return compute(CheckedOperator.of(a, "a"), state);
    }

    /**
     * Computes the SVD of an operator to the tolerance.
     *
     * @param a     \(A\), an \(m \times n\) operator, not empty; not modified; an explicit matrix must
     *     be finite
     * @param state the random stream; not modified
     * @return the factors (rank \(r\)), the error estimate and the passes, with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(A\) has no rows or columns
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     */
    public Sampled<LowRankSvd> compute(LinearOperator a, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Sampled<QbResult> run = new AdaptiveQb(options.qbOptions()).find(ca, options.maxRank(), state);
        QbResult qb = run.value();
        double e = qb.errorEstimate().orElseThrow();
        double e2 = e * e;
        int r = qb.rank();
        if (r == 0) {
            LowRankSvd empty = new LowRankSvd(
                    DenseMatrix.zeros(ca.rows(), 0),
                    new double[0],
                    DenseMatrix.zeros(0, ca.cols()),
                    OptionalDouble.of(e),
                    qb.converged(),
                    qb.passes(),
                    qb.matvecs());
            return new Sampled<>(empty, run.next());
        }
        SvdResult small = svd.decompose(qb.b(), SvdVectors.THIN);
        double[] s = small.singularValues();
        double captured = 0;
        for (double v : s) {
            captured += v * v;
        }
        double limit = square(options.qbOptions().effectiveTolerance()) * (e2 + captured);
        // Smallest rank whose dropped tail keeps E^2 + tail <= limit (only when the QB met it).
        int keep = r;
        double tail = 0;
        if (qb.converged()) {
            while (keep > 1 && e2 + tail + s[keep - 1] * s[keep - 1] <= limit) {
                tail += s[keep - 1] * s[keep - 1];
                keep--;
            }
        }
        DenseMatrix u = Dense.multiply(
                Transpose.NO_TRANSPOSE,
                Transpose.NO_TRANSPOSE,
                qb.q(),
                small.u().columns(0, keep));
        DenseMatrix vt = small.vt().rowBlock(0, keep).copy();
        options.signs().apply(u, vt);
        LowRankSvd result = new LowRankSvd(
                u,
                Arrays.copyOf(s, keep),
                vt,
                OptionalDouble.of(Math.sqrt(e2 + tail)),
                qb.converged(),
                qb.passes(),
                qb.matvecs());
        return new Sampled<>(result, run.next());
    }

    private static double square(double x) {
        return x * x;
    }

    @Override
    public String toString() {
        return "AdaptiveSvd" + options;
    }
}
