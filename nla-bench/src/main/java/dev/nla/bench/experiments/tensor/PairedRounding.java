package dev.nla.bench.experiments.tensor;

import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.sum.SummationOptions;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tensor.TuckerSum;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rounding that also times a reference strategy on the very same sums: every call rounds with the
 * primary strategy (whose result and random state are returned, so the solver that uses it runs
 * exactly as with the primary alone), then rounds the same sum with the same truncation by the
 * reference strategy, whose result is discarded. A reference call that refuses with {@link
 * SizeLimitExceededException} (its formal core is over its size limit) is recorded as refused.
 *
 * <p>This compares the two strategies on identical inputs where the reference cannot run a whole
 * solve of its own (the deterministic rounding's formal core grows like \(\prod_k\min(n_k,
 * \sum_j r_j^{(k)})\)); the reference must be deterministic, or at least must not need the random
 * state to be advanced, for the pairing to leave the solve unchanged. Not thread-safe (it records).
 */
final class PairedRounding implements TuckerSummation {
    /**
     * One paired call.
     *
     * @param terms            number of summands
     * @param formalCore       entries of the reference's formal core, \(\prod_k\min(n_k, \sum_j r_j^{(k)})\)
     * @param primaryNanos     wall time of the primary rounding
     * @param referenceNanos   wall time of the reference rounding, or -1 if it refused
     */
    record Call(int terms, long formalCore, long primaryNanos, long referenceNanos) {
        /**
         * Whether the reference ran.
         *
         * @return true unless the reference refused
         */
        boolean referenceRan() {
            return referenceNanos >= 0;
        }
    }

    private final TuckerSummation primary;
    private final TuckerSummation reference;
    private final List<Call> calls = new ArrayList<>();

    PairedRounding(TuckerSummation primary, TuckerSummation reference) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    @Override
    public SummationStrategy strategy() {
        return primary.strategy();
    }

    @Override
    public SummationOptions options() {
        return primary.options();
    }

    @Override
    public SummationResult sum(TuckerSum terms, Truncation truncation, RngState state) {
        long t0 = System.nanoTime();
        SummationResult r = primary.sum(terms, truncation, state);
        long t1 = System.nanoTime();
        long referenceNanos;
        try {
            reference.sum(terms, truncation, state);
            referenceNanos = System.nanoTime() - t1;
        } catch (SizeLimitExceededException e) {
            referenceNanos = -1;
        }
        calls.add(new Call(terms.size(), formalCore(terms), t1 - t0, referenceNanos));
        return r;
    }

    /** The calls so far, in order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    private static long formalCore(TuckerSum terms) {
        int[] formal = terms.activeFormalRanks(); // what B2 concatenates: it skips alpha_j = 0
        int[] n = terms.modeSizes();
        long size = 1;
        for (int k = 0; k < n.length; k++) {
            size *= Math.max(1, Math.min(n[k], formal[k]));
        }
        return size;
    }
}
