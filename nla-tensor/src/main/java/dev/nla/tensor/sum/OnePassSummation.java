package dev.nla.tensor.sum;

import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tensor.TuckerSum;

/** B4 over a {@link TuckerSum}: streams the summands through a {@link OnePassSketch}. */
final class OnePassSummation implements TuckerSummation {
    private final SummationOptions options;

    OnePassSummation(SummationOptions options) {
        this.options = options;
    }

    @Override
    public SummationStrategy strategy() {
        return SummationStrategy.ONE_PASS;
    }

    @Override
    public SummationOptions options() {
        return options;
    }

    @Override
    public SummationResult sum(TuckerSum terms, Truncation truncation, RngState state) {
        Support.validate(terms, truncation, state, strategy());
        OnePassSketch sketch = OnePassSketch.create(terms.modeSizes(), truncation, options, state);
        for (int j = 0; j < terms.size(); j++) {
            sketch.accumulate(terms.alpha(j), terms.term(j));
        }
        return sketch.finish();
    }
}
