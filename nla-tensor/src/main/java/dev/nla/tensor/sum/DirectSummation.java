package dev.nla.tensor.sum;

import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Hosvd;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import java.util.Arrays;

/**
 * B1: \(\mathcal X_{\text{full}} = \sum_j\alpha_j\operatorname{full}(\mathcal X_j)\), then ST-HOSVD to
 * the truncation. Cost \(O(s\,r\prod_k n_k + \sum_k n_k\prod_l n_l)\), memory \(\prod_k n_k\); refuses
 * (before allocating) when \(\prod_k n_k\) exceeds the size limit.
 */
final class DirectSummation implements TuckerSummation {
    private final SummationOptions options;

    DirectSummation(SummationOptions options) {
        this.options = options;
    }

    @Override
    public SummationStrategy strategy() {
        return SummationStrategy.DIRECT;
    }

    @Override
    public SummationOptions options() {
        return options;
    }

    @Override
    public SummationResult sum(TuckerSum terms, Truncation truncation, RngState state) {
        Support.validate(terms, truncation, state, strategy());
        int[] n = terms.modeSizes();
        long size = DenseTensor.elementCount(n);
        long limit = Math.min(options.sizeLimit(), DenseTensor.MAX_ELEMENTS);
        if (size > limit) {
            throw new SizeLimitExceededException("DIRECT summation refuses: the dense " + Arrays.toString(n)
                    + " tensor needs " + size + " entries, over the limit of " + limit
                    + " (SummationOptions.sizeLimit); use FORMAL_QR_ROUNDING or a sketched strategy");
        }
        Support.Phases phases = new Support.Phases();
        DenseTensor full = Reconstruction.full(terms, limit);
        phases.end("full");
        HosvdResult h = Hosvd.stHosvd(full, truncation);
        phases.end("truncate");
        SummationDiagnostics diag = new SummationDiagnostics(
                strategy(), h.ranks(), n, h.errorBound(), h.errorBound(), full.frobeniusNorm(), phases.map());
        return new SummationResult(h.tensor(), diag, state);
    }
}
