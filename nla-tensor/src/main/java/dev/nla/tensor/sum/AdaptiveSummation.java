package dev.nla.tensor.sum;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tenalg.TuckerNorms;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * B5: rank-adaptive sketched summation to a relative tolerance \(\varepsilon\).
 *
 * <p>The budget is split in two halves: \(\varepsilon/\sqrt2\) for the range finders, \(\varepsilon/
 * \sqrt2\) for the final truncation, each spread over the \(d\) modes (\(\tau = \varepsilon\|\mathcal
 * X\|/\sqrt{2d}\) per mode). For each mode \(k\): start from \(b_0 = \max_j r_j^{(k)}\) fresh
 * Khatri–Rao columns, \(Q = \operatorname{orth}(X_{(k)}\Omega^{(0)})\); then repeat: draw \(m =
 * \max(b, m_0)\) fresh Khatri–Rao columns \(\Omega'\), \(E = (I - QQ^{\mathsf T})X_{(k)}\Omega'\);
 * stop if \(\|E\|_F/\sqrt m \le \tau\) (an unbiased Hutchinson-type estimate of \(\|(I -
 * QQ^{\mathsf T})X_{(k)}\|_F^2\) since \(\mathbb E[\omega\omega^{\mathsf T}] = I\) for Khatri–Rao
 * columns of standard Gaussians) or if \(Q\) has reached \(\min(R_k, n_k)\) columns (the exact rank
 * bound of the sum) or the rank cap; else append \(b = \max(1, \lfloor fR_k\rfloor)\) new directions
 * from the first columns of \(E\), orthogonalized twice against \(Q\). Then \(\mathcal C =
 * \mathcal X \times_k Q_k^{\mathsf T}\) and an ST-HOSVD of \(\mathcal C\) with tolerance
 * \(\varepsilon/\sqrt2\) relative to \(\|\mathcal C\|\). Since the multilinear projection is
 * orthogonal and the truncation stays inside its range, the two errors add in squares: the total is
 * at most \(\varepsilon\|\mathcal X\|\) when the estimates hold (a probabilistic statement; the
 * variance of the estimate grows with \(d\) for Khatri–Rao columns [Al Daas et al. 2025]).
 *
 * <p>Randomness: mode \(l\)'s Gaussian factor columns come from stream \(l\) of the call's state,
 * consumed left to right (a shared column counter), so every test block is fresh while the factor of
 * a mode is reused across unfoldings ("memoized" Khatri–Rao columns).
 */
final class AdaptiveSummation implements TuckerSummation {
    private final SummationOptions options;

    AdaptiveSummation(SummationOptions options) {
        this.options = options;
    }

    @Override
    public SummationStrategy strategy() {
        return SummationStrategy.ADAPTIVE;
    }

    @Override
    public SummationOptions options() {
        return options;
    }

    /** Fresh Khatri–Rao test columns: per mode, the next {@code m} columns of its Gaussian stream. */
    private static final class Columns {
        private final RngState[] streams;
        private final int[] n;
        private long next;

        Columns(RngState state, int[] n) {
            this.n = n;
            this.streams = new RngState[n.length];
            for (int l = 0; l < n.length; l++) {
                streams[l] = Support.stream(state, l);
            }
        }

        List<DenseMatrix> draw(int m, int skip) {
            List<DenseMatrix> omega = new ArrayList<>(n.length);
            for (int l = 0; l < n.length; l++) {
                omega.add(l == skip && n.length > 1 ? null : Support.gaussian(n[l], m, next, streams[l]));
            }
            next += m;
            return omega;
        }
    }

    @Override
    public SummationResult sum(TuckerSum terms, Truncation truncation, RngState state) {
        int[] caps = Support.validate(terms, truncation, state, strategy());
        double eps = truncation.tolerance();
        int d = terms.order();
        int[] n = terms.modeSizes();
        int[] big = terms.activeFormalRanks();
        int[] maxRank = new int[d];
        int active = 0;
        for (int j = 0; j < terms.size(); j++) {
            if (terms.alpha(j) != 0) {
                active++;
                for (int k = 0; k < d; k++) {
                    maxRank[k] = Math.max(maxRank[k], terms.term(j).rank(k));
                }
            }
        }
        Support.Phases phases = new Support.Phases();
        Columns columns = new Columns(state, n);
        int m0 = options.minSamples();
        double norm;
        if (active == 0) {
            norm = 0;
        } else if (useExactNorm(terms, maxRank, active)) {
            norm = TuckerNorms.norm(terms);
        } else {
            int m = Math.max(m0, 2 * maxRank[0]);
            DenseMatrix y = TuckerSketches.unfoldingSketch(terms, columns.draw(m, 0), 0);
            norm = Blas.nrm2(y) / Math.sqrt(m);
        }
        phases.end("norm");
        double tau = eps * norm / Math.sqrt(2.0 * d);
        List<DenseMatrix> q = new ArrayList<>(d);
        double estSquared = 0;
        for (int k = 0; k < d; k++) {
            int exactCap = Math.min(big[k], n[k]);
            int cap = caps == null ? exactCap : Math.min(exactCap, caps[k]);
            if (cap == 0) {
                DenseMatrix e1 = DenseMatrix.zeros(n[k], 1);
                e1.set(0, 0, 1.0);
                q.add(e1);
                continue;
            }
            int b0 = Math.min(maxRank[k], cap);
            DenseMatrix basis = Support.orth(TuckerSketches.unfoldingSketch(terms, columns.draw(b0, k), k));
            phases.end("sketch");
            int block = Math.max(1, (int) Math.floor(options.incrementFraction() * big[k]));
            double est = 0;
            while (true) {
                if (basis.cols() >= cap && cap == exactCap) {
                    est = 0;
                    break;
                }
                int m = Math.max(block, m0);
                DenseMatrix e = TuckerSketches.unfoldingSketch(terms, columns.draw(m, k), k);
                projectOut(basis, e);
                est = Blas.nrm2(e) / Math.sqrt(m);
                phases.end("sketch");
                if (est <= tau || basis.cols() >= cap) {
                    break;
                }
                int take = Math.min(block, cap - basis.cols());
                DenseMatrix p = e.columns(0, take).copy();
                projectOut(basis, p);
                DenseMatrix fresh = Support.orth(p);
                projectOut(basis, fresh);
                fresh = Support.orth(fresh);
                basis = append(basis, fresh);
                phases.end("orthonormalize");
            }
            estSquared += est * est;
            q.add(basis);
        }
        DenseTensor core = TuckerSketches.projectCore(terms, q);
        phases.end("core");
        HosvdResult h = Support.truncate(core, caps, eps / Math.sqrt(2.0));
        TuckerTensor result = Support.expand(h.tensor(), q);
        phases.end("truncate");
        double truncAbs = h.errorBound() * core.frobeniusNorm();
        double estimate = norm > 0 ? Math.sqrt(estSquared + truncAbs * truncAbs) / norm : 0.0;
        SummationDiagnostics diag = new SummationDiagnostics(
                strategy(), h.ranks(), Support.cols(q), h.errorBound(), estimate, norm, phases.map());
        return new SummationResult(result, diag, Support.next(state));
    }

    /** The {@link NormEstimate#AUTO} rule (see there), or the explicit choice. */
    private boolean useExactNorm(TuckerSum terms, int[] maxRank, int active) {
        NormEstimate method = options.normEstimate();
        if (method != NormEstimate.AUTO) {
            return method == NormEstimate.EXACT;
        }
        int d = terms.order();
        double rbar = 0;
        double sumN = 0;
        for (int k = 0; k < d; k++) {
            rbar = Math.max(rbar, maxRank[k]);
            sumN += terms.modeSize(k);
        }
        double s = active;
        double gram = s * (s + 1) * (sumN * rbar * rbar + d * Math.pow(rbar, d + 1));
        double ell = rbar + options.minSamples();
        double sketch = s * (4 * ell * sumN * rbar + 4 * ell * Math.pow(rbar, d));
        return gram <= 4 * sketch;
    }

    /** \(A \leftarrow A - QQ^{\mathsf T}A\). */
    private static void projectOut(DenseMatrix q, DenseMatrix a) {
        DenseMatrix c = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, a);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, c, 1.0, a);
    }

    private static DenseMatrix append(DenseMatrix a, DenseMatrix b) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), a.cols() + b.cols());
        c.columns(0, a.cols()).copyFrom(a);
        c.columns(a.cols(), b.cols()).copyFrom(b);
        return c;
    }
}
