package dev.nla.tensor.sum;

import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * B2: the formal sum rounded deterministically. Per mode a thin Householder QR of the concatenated
 * factors, \([U_1^{(k)} \cdots U_s^{(k)}] = Q_kR_k\) (\(2n_kR_k^2\) flops); the dense core \(\mathcal
 * C = \sum_j\alpha_j\mathcal G_j \times_k R_k[:, J_j^{(k)}]\) of \(\prod_k\min(n_k, R_k)\) entries
 * (\(\approx s\,r(sr)^d\) flops), assembled summand by summand without the block-diagonal core;
 * ST-HOSVD of \(\mathcal C\) (\(\approx d(sr)^{d+1}\)); \(U_k = Q_kV_k\). Exact bases, so the only error
 * is the truncation's. Refuses when the core would exceed the size limit.
 */
final class FormalQrRounding implements TuckerSummation {
    private final SummationOptions options;

    FormalQrRounding(SummationOptions options) {
        this.options = options;
    }

    @Override
    public SummationStrategy strategy() {
        return SummationStrategy.FORMAL_QR_ROUNDING;
    }

    @Override
    public SummationOptions options() {
        return options;
    }

    @Override
    public SummationResult sum(TuckerSum terms, Truncation truncation, RngState state) {
        int[] caps = Support.validate(terms, truncation, state, strategy());
        int d = terms.order();
        int[] n = terms.modeSizes();
        int[] big = terms.activeFormalRanks();
        int[] p = new int[d];
        for (int k = 0; k < d; k++) {
            p[k] = Math.max(1, Math.min(n[k], big[k]));
        }
        long size = DenseTensor.elementCount(p);
        long limit = Math.min(options.sizeLimit(), DenseTensor.MAX_ELEMENTS);
        if (size > limit) {
            throw new SizeLimitExceededException("FORMAL_QR_ROUNDING refuses: the formal core " + Arrays.toString(p)
                    + " (formal ranks " + Arrays.toString(big) + ") needs " + size + " entries, over the limit of "
                    + limit + " (SummationOptions.sizeLimit); use a sketched strategy");
        }
        Support.Phases phases = new Support.Phases();
        List<DenseMatrix> q = new ArrayList<>(d);
        List<DenseMatrix> r = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            if (big[k] == 0) {
                q.add(DenseMatrix.identity(n[k]).columns(0, 1));
                r.add(DenseMatrix.zeros(1, 0));
                continue;
            }
            QrResult f = Decompositions.qr().decompose(Support.concatenate(terms, k, big[k]), QrMode.THIN);
            q.add(f.q());
            r.add(f.r());
        }
        phases.end("qr");
        DenseTensor core = DenseTensor.zeros(p);
        int[] offset = new int[d];
        boolean first = true;
        List<DenseMatrix> blocks = new ArrayList<>(d);
        for (int j = 0; j < terms.size(); j++) {
            double a = terms.alpha(j);
            if (a == 0) {
                continue;
            }
            TuckerTensor t = terms.term(j);
            blocks.clear();
            for (int k = 0; k < d; k++) {
                blocks.add(r.get(k).columns(offset[k], t.rank(k)));
                offset[k] += t.rank(k);
            }
            ModeProducts.multiplyAll(a, t.core(), Transpose.NO_TRANSPOSE, blocks, first ? 0.0 : 1.0, core);
            first = false;
        }
        phases.end("core");
        HosvdResult h = Support.truncate(core, caps, truncation.tolerance());
        TuckerTensor result = Support.expand(h.tensor(), q);
        phases.end("truncate");
        SummationDiagnostics diag = new SummationDiagnostics(
                strategy(), h.ranks(), p, h.errorBound(), h.errorBound(), core.frobeniusNorm(), phases.map());
        return new SummationResult(result, diag, state);
    }
}
