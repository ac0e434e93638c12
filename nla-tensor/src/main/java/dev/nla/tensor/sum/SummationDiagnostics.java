package dev.nla.tensor.sum;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a summation did: the ranks it chose, the sizes of its intermediate bases, its error
 * estimates and where the time went.
 *
 * @param strategy        the strategy that ran
 * @param ranks           the ranks \((r_1, \dots, r_d)\) of the result
 * @param basisSizes      the number of columns of each orthonormal basis \(Q_k\) before the final
 *     truncation: \(\ell\) (or \(n_k\)/\(R_k\) where exact) for the sketched strategies, the adapted
 *     sizes for {@link SummationStrategy#ADAPTIVE}, \(\min(n_k, R_k)\) for {@link
 *     SummationStrategy#FORMAL_QR_ROUNDING}, \(n_k\) for {@link SummationStrategy#DIRECT}
 * @param truncationError the relative error bound of the final truncation, \((\sum_k\sum_{i \gt
 *     r_k}\sigma_{k,i}^2)^{1/2}/\|\mathcal C\|\) for the truncated core \(\mathcal C\)
 * @param estimatedError  an estimate (or bound) of the total relative error \(\|\mathcal X -
 *     \tilde{\mathcal X}\|/\|\mathcal X\|\): equal to {@code truncationError} for the deterministic
 *     strategies (whose bases are exact), the randomized estimate for {@link
 *     SummationStrategy#ADAPTIVE}, {@code NaN} for the fixed-rank sketched strategies (which do not
 *     estimate the sketching error)
 * @param norm            \(\|\mathcal X\|\) as used by the strategy (exact or estimated), or
 *     {@code NaN} if it did not need it
 * @param phaseNanos      wall-clock nanoseconds per phase, in execution order (e.g. {@code
 *     "sketch"}, {@code "orthonormalize"}, {@code "core"}, {@code "truncate"}); copied, unmodifiable
 */
public record SummationDiagnostics(
        SummationStrategy strategy,
        int[] ranks,
        int[] basisSizes,
        double truncationError,
        double estimatedError,
        double norm,
        Map<String, Long> phaseNanos) {
    /**
     * Validates and copies the components.
     *
     * @param strategy        the strategy
     * @param ranks           the ranks; copied
     * @param basisSizes      the basis sizes; copied
     * @param truncationError \(\ge 0\)
     * @param estimatedError  \(\ge 0\) or NaN
     * @param norm            \(\ge 0\) or NaN
     * @param phaseNanos      the phases; copied
     * @throws NullPointerException if a reference component is null
     */
    public SummationDiagnostics {
        Objects.requireNonNull(strategy, "strategy");
        ranks = Objects.requireNonNull(ranks, "ranks").clone();
        basisSizes = Objects.requireNonNull(basisSizes, "basisSizes").clone();
        phaseNanos = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(phaseNanos, "phaseNanos")));
    }

    /**
     * The ranks of the result.
     *
     * @return a new array
     */
    @Override
    public int[] ranks() {
        return ranks.clone();
    }

    /**
     * The basis sizes before the final truncation.
     *
     * @return a new array
     */
    @Override
    public int[] basisSizes() {
        return basisSizes.clone();
    }

    /**
     * The total wall-clock time of the recorded phases.
     *
     * @return the sum of {@link #phaseNanos()} in nanoseconds
     */
    public long totalNanos() {
        long t = 0;
        for (long v : phaseNanos.values()) {
            t += v;
        }
        return t;
    }
}
