package dev.nla.tensor.sum;

import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tensor.TuckerSum;
import java.util.Objects;

/**
 * Rounds a sum of Tucker tensors, \(\mathcal X = \sum_{j=1}^{s}\alpha_j\mathcal X_j\), to a Tucker
 * tensor of small rank: \(\tilde{\mathcal X} = [\![\mathcal C; U_1, \dots, U_d]\!]\) with orthonormal
 * \(U_k\), truncated to the target ranks and/or the relative tolerance of a {@link Truncation}.
 *
 * <p>One interface, six strategies ({@link SummationStrategy}) chosen by name: {@code
 * TuckerSummation.of(SummationStrategy.byName("sketched"), options)}. The strategy object is
 * immutable and thread-safe; the target is given per call (GMRES changes its tolerance every
 * iteration), and so is the random state: each call draws <em>fresh</em> random test matrices from
 * the state it is given and returns the state for the next call in {@link SummationResult#next()}.
 * The same state gives bitwise-identical results (on the same platform and backend).
 *
 * <p>Every strategy validates its input once: target ranks above a mode size, strategies that need
 * ranks called without them, and NaN or infinite entries in any core, factor or scalar throw
 * (typed exceptions naming the values); mismatched mode sizes and empty sums cannot even be built
 * ({@link TuckerSum}). Summands with \(\alpha_j = 0\) are skipped.
 */
public interface TuckerSummation {
    /**
     * The strategy this object implements.
     *
     * @return the strategy
     */
    SummationStrategy strategy();

    /**
     * The tuning options.
     *
     * @return the options
     */
    SummationOptions options();

    /**
     * Rounds the sum.
     *
     * @param terms      the sum; not modified
     * @param truncation the target: ranks (required by {@link SummationStrategy#needsRanks()}
     *     strategies, caps otherwise) and/or a relative tolerance (required, positive or zero, by
     *     {@link SummationStrategy#ADAPTIVE})
     * @param state      the random state; not modified (randomized strategies draw from it)
     * @return the rounded tensor, diagnostics and the next random state
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a target rank exceeds its mode size, or the truncation does
     *     not give what the strategy needs (the message says what is missing)
     * @throws dev.nla.core.error.NonFiniteValueException if an entry of a summand is NaN or infinite
     * @throws dev.nla.core.error.SizeLimitExceededException if a deterministic strategy would
     *     allocate more than {@link SummationOptions#sizeLimit()} entries
     * @throws dev.nla.core.error.DimensionMismatchException if per-mode ranks have the wrong length
     */
    SummationResult sum(TuckerSum terms, Truncation truncation, RngState state);

    /**
     * The strategy with the default options.
     *
     * @param strategy the strategy
     * @return the summation
     * @throws NullPointerException if {@code strategy} is null
     */
    static TuckerSummation of(SummationStrategy strategy) {
        return of(strategy, SummationOptions.defaults());
    }

    /**
     * The strategy with the given options.
     *
     * @param strategy the strategy
     * @param options  the options
     * @return the summation
     * @throws NullPointerException if an argument is null
     */
    static TuckerSummation of(SummationStrategy strategy, SummationOptions options) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(options, "options");
        return switch (strategy) {
            case DIRECT -> new DirectSummation(options);
            case FORMAL_QR_ROUNDING -> new FormalQrRounding(options);
            case SKETCHED -> new SketchedSummation(options, false);
            case SKETCHED_SEQUENTIAL -> new SketchedSummation(options, true);
            case ONE_PASS -> new OnePassSummation(options);
            case ADAPTIVE -> new AdaptiveSummation(options);
        };
    }

    /**
     * The strategy with the given name ({@link SummationStrategy#byName}) and options.
     *
     * @param name    the strategy name, e.g. {@code "sketched"} or {@code "FORMAL_QR_ROUNDING"}
     * @param options the options
     * @return the summation
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the name is unknown
     */
    static TuckerSummation of(String name, SummationOptions options) {
        return of(SummationStrategy.byName(name), options);
    }
}
