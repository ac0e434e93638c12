package dev.nla.tensor.sum;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tenalg.Mttkrp;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * B3 (and, with {@code sequential}, B3s): randomized HOSVD of the implicit sum with Khatri–Rao
 * sketches, fixed target ranks.
 *
 * <p>B3: \(\ell = \max_k t_k + p\); Gaussian \(\Omega_l \in \mathbb{R}^{n_l \times \ell}\) from stream
 * \(l\) of the call's state, one per mode and reused for every unfolding; \(Y_k =
 * X_{(k)}(\bigodot_{l \ne k}\Omega_l)\) by {@link TuckerSketches#unfoldingSketches}; \(Q_k =
 * \operatorname{orth}(Y_k)\); the exact basis ({@code Support.exactBasis}) where \(\ell \ge \min(n_k,
 * R_k)\); core \(\mathcal C = \mathcal X \times_k Q_k^{\mathsf T}\) by {@link
 * TuckerSketches#projectCore} (\(\ell^d\) entries); ST-HOSVD of \(\mathcal C\) to the ranks (and
 * the tolerance, relative to \(\|\mathcal C\|\), if given): "randomize then truncate".
 *
 * <p>B3s: modes in turn; after \(Q_k\) the mode-\(k\) factors are replaced by \(Q_k^{\mathsf
 * T}U_j^{(k)}\) (\(\ell \times r\)) and mode \(k\) gets a fresh \(\ell \times \ell\) Gaussian
 * (stream \(d + k\)) for the later sketches. Same cost order, usually slightly more accurate.
 */
final class SketchedSummation implements TuckerSummation {
    private final SummationOptions options;
    private final boolean sequential;

    SketchedSummation(SummationOptions options, boolean sequential) {
        this.options = options;
        this.sequential = sequential;
    }

    @Override
    public SummationStrategy strategy() {
        return sequential ? SummationStrategy.SKETCHED_SEQUENTIAL : SummationStrategy.SKETCHED;
    }

    @Override
    public SummationOptions options() {
        return options;
    }

    @Override
    public SummationResult sum(TuckerSum terms, Truncation truncation, RngState state) {
        int[] t = Support.validate(terms, truncation, state, strategy());
        int d = terms.order();
        int[] n = terms.modeSizes();
        int[] big = terms.activeFormalRanks();
        int ell = Arrays.stream(t).max().orElseThrow() + options.oversampling();
        boolean[] exact = new boolean[d];
        boolean anySketched = false;
        for (int k = 0; k < d; k++) {
            exact[k] = ell >= Math.min(n[k], big[k]);
            anySketched |= !exact[k];
        }
        Support.Phases phases = new Support.Phases();
        List<DenseMatrix> omega = new ArrayList<>(d);
        for (int l = 0; l < d; l++) {
            omega.add(anySketched ? Support.gaussian(n[l], ell, 0, Support.stream(state, l)) : null);
        }
        List<DenseMatrix> q;
        DenseTensor core;
        if (sequential) {
            q = new ArrayList<>(d);
            core = sequentialBases(terms, omega, ell, exact, state, phases, q);
        } else {
            List<DenseMatrix> y = anySketched ? TuckerSketches.unfoldingSketches(terms, omega) : null;
            phases.end("sketch");
            q = new ArrayList<>(d);
            for (int k = 0; k < d; k++) {
                q.add(exact[k] ? Support.exactBasis(terms, k) : Support.orth(y.get(k)));
            }
            phases.end("orthonormalize");
            core = TuckerSketches.projectCore(terms, q);
            phases.end("core");
        }
        HosvdResult h = Support.truncate(core, t, truncation.tolerance());
        TuckerTensor result = Support.expand(h.tensor(), q);
        phases.end("truncate");
        SummationDiagnostics diag = new SummationDiagnostics(
                strategy(), h.ranks(), Support.cols(q), h.errorBound(), Double.NaN, Double.NaN, phases.map());
        return new SummationResult(result, diag, Support.next(state));
    }

    /** B3s: bases mode by mode on the progressively compressed sum; returns the core, fills {@code q}. */
    private static DenseTensor sequentialBases(
            TuckerSum x,
            List<DenseMatrix> omega,
            int ell,
            boolean[] exact,
            RngState state,
            Support.Phases phases,
            List<DenseMatrix> q) {
        int d = x.order();
        int s = x.size();
        // wFull[j][l] = U_j^(l)T Omega_l (modes not yet compressed); v[j][l] = Q_l^T U_j^(l) (compressed)
        DenseMatrix[][] wFull = new DenseMatrix[s][d];
        DenseMatrix[][] wCompressed = new DenseMatrix[s][d];
        DenseMatrix[][] v = new DenseMatrix[s][d];
        for (int k = 0; k < d; k++) {
            DenseMatrix qk;
            if (exact[k]) {
                qk = Support.exactBasis(x, k);
                phases.end("orthonormalize");
            } else {
                DenseMatrix y = DenseMatrix.zeros(x.modeSize(k), ell);
                List<DenseMatrix> w = new ArrayList<>(d);
                for (int j = 0; j < s; j++) {
                    double a = x.alpha(j);
                    if (a == 0) {
                        continue;
                    }
                    TuckerTensor t = x.term(j);
                    w.clear();
                    for (int l = 0; l < d; l++) {
                        if (l == k) {
                            w.add(null);
                        } else if (l < k) {
                            w.add(wCompressed[j][l]);
                        } else {
                            if (wFull[j][l] == null) {
                                wFull[j][l] = Blas.multiply(
                                        Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, t.factor(l), omega.get(l));
                            }
                            w.add(wFull[j][l]);
                        }
                    }
                    DenseMatrix m = Mttkrp.mttkrp(t.core(), w, k);
                    Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, a, t.factor(k), m, 1.0, y);
                }
                phases.end("sketch");
                qk = Support.orth(y);
                phases.end("orthonormalize");
            }
            q.add(qk);
            DenseMatrix fresh = null;
            if (k + 1 < d) {
                fresh = Support.gaussian(qk.cols(), ell, 0, Support.stream(state, d + k));
            }
            for (int j = 0; j < s; j++) {
                if (x.alpha(j) == 0) {
                    continue;
                }
                v[j][k] = Blas.multiply(
                        Transpose.TRANSPOSE,
                        Transpose.NO_TRANSPOSE,
                        qk,
                        x.term(j).factor(k));
                if (fresh != null) {
                    wCompressed[j][k] = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, v[j][k], fresh);
                }
            }
            phases.end("sketch");
        }
        int[] dims = Support.cols(q);
        DenseTensor core = DenseTensor.zeros(dims);
        boolean first = true;
        for (int j = 0; j < s; j++) {
            double a = x.alpha(j);
            if (a == 0) {
                continue;
            }
            ModeProducts.multiplyAll(
                    a, x.term(j).core(), Transpose.NO_TRANSPOSE, Arrays.asList(v[j]), first ? 0.0 : 1.0, core);
            first = false;
        }
        phases.end("core");
        return core;
    }
}
