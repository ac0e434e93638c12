package dev.nla.tensor.solve;

import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.sum.SummationOptions;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tensor.TuckerSum;
import java.util.ArrayList;
import java.util.List;

/** Test wrapper recording the random states and truncations each rounding receives. */
final class RecordingSummation implements TuckerSummation {
    final List<RngState> states = new ArrayList<>();
    final List<Truncation> truncations = new ArrayList<>();
    final List<Integer> sizes = new ArrayList<>();
    private final TuckerSummation delegate;

    RecordingSummation(TuckerSummation delegate) {
        this.delegate = delegate;
    }

    @Override
    public SummationStrategy strategy() {
        return delegate.strategy();
    }

    @Override
    public SummationOptions options() {
        return delegate.options();
    }

    @Override
    public SummationResult sum(TuckerSum terms, Truncation truncation, RngState state) {
        states.add(state);
        truncations.add(truncation);
        sizes.add(terms.size());
        return delegate.sum(terms, truncation, state);
    }
}
