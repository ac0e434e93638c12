package dev.nla.tensor.sum;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.tensor.decomp.Hosvd;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Shared steps of the strategies: validation, random streams, bases, truncation, timing. */
final class Support {
    /** Split index of the state returned for the next call (far from the per-mode streams). */
    static final long NEXT_STREAM = 1L << 20;

    private Support() {}

    /** Null checks, finiteness scan, rank caps checked against the mode sizes (null if none). */
    static int[] validate(TuckerSum terms, Truncation truncation, RngState state, SummationStrategy strategy) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(truncation, "truncation");
        Objects.requireNonNull(state, "state");
        int[] caps = truncation.ranksFor(terms.modeSizes());
        if (strategy.needsRanks() && caps == null) {
            throw new IllegalArgumentException(strategy + " is a fixed-rank strategy and needs target ranks; got "
                    + truncation + " (use Truncation.rank(t) or Truncation.ranks(...), optionally withTolerance)");
        }
        terms.requireFinite();
        return caps;
    }

    /** Independent random stream {@code i} of a call. */
    static RngState stream(RngState state, long i) {
        return state.split(i);
    }

    /** The state handed to the next call. */
    static RngState next(RngState state) {
        return state.split(NEXT_STREAM);
    }

    /** An \(m \times n\) standard Gaussian block from columns {@code [col, col + n)} of a stream. */
    static DenseMatrix gaussian(int rows, int cols, long col, RngState stream) {
        DenseMatrix m = DenseMatrix.zeros(rows, cols);
        RandomMatrices.fill(m, 0, col, ScalarDistribution.GAUSSIAN, stream);
        return m;
    }

    /** Thin Householder QR factor (\(n \times \min(n, \ell)\)). */
    static DenseMatrix orth(DenseMatrix y) {
        return Decompositions.qr().decompose(y, QrMode.THIN).q();
    }

    /**
     * The exact orthonormal basis of the span of the mode-\(k\) factors: the identity when \(n_k \le
     * R_k\), else the thin QR factor of the concatenated factors (\(n_k \times R_k\)).
     */
    static DenseMatrix exactBasis(TuckerSum x, int k) {
        int n = x.modeSize(k);
        int total = 0;
        for (int j = 0; j < x.size(); j++) {
            if (x.alpha(j) != 0) {
                total += x.term(j).rank(k);
            }
        }
        if (total >= n || total == 0) {
            return DenseMatrix.identity(n);
        }
        return orth(concatenate(x, k, total));
    }

    /** \([U_1^{(k)}, \dots, U_s^{(k)}]\) over the summands with \(\alpha_j \ne 0\). */
    static DenseMatrix concatenate(TuckerSum x, int k, int total) {
        DenseMatrix f = DenseMatrix.zeros(x.modeSize(k), total);
        int col = 0;
        for (int j = 0; j < x.size(); j++) {
            if (x.alpha(j) != 0) {
                DenseMatrix u = x.term(j).factor(k);
                f.columns(col, u.cols()).copyFrom(u);
                col += u.cols();
            }
        }
        return f;
    }

    /**
     * Truncates a core by ST-HOSVD with caps (clamped to the core's mode sizes) and the tolerance
     * relative to the core's norm.
     */
    static HosvdResult truncate(DenseTensor core, int[] caps, double tolerance) {
        Truncation t = Truncation.tolerance(tolerance);
        if (caps != null) {
            int[] c = new int[caps.length];
            for (int k = 0; k < c.length; k++) {
                c[k] = Math.min(caps[k], core.size(k));
            }
            t = t.withRanks(c);
        }
        return Hosvd.stHosvd(core, t);
    }

    /** \([\![\mathcal C; Q_1V_1, \dots]\!]\). */
    static TuckerTensor expand(TuckerTensor small, List<DenseMatrix> q) {
        List<DenseMatrix> u = new ArrayList<>(q.size());
        for (int k = 0; k < q.size(); k++) {
            u.add(Blas.multiply(q.get(k), small.factor(k)));
        }
        return new TuckerTensor(small.core(), u);
    }

    static int[] cols(List<DenseMatrix> q) {
        int[] c = new int[q.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = q.get(k).cols();
        }
        return c;
    }

    /** Wall-clock phases in execution order. */
    static final class Phases {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long start = System.nanoTime();

        /** Ends the running phase under {@code name} (adding to an earlier phase of that name). */
        void end(String name) {
            long now = System.nanoTime();
            nanos.merge(name, now - start, Long::sum);
            start = now;
        }

        Map<String, Long> map() {
            return nanos;
        }
    }
}
