package dev.nla.sketch.rangefinder;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Randomized block Krylov range finder [Musco and Musco 2015; Martinsson and Tropp 2020, §11.6]:
 * an orthonormal basis \(Q\) of the block Krylov space
 * \[ \mathcal K_{d+1} = \operatorname{range}\,[A\Omega,\ (AA^{\mathsf T})A\Omega,\ \dots,\
 *    (AA^{\mathsf T})^dA\Omega], \qquad \Omega = S^{\mathsf T} \in \mathbb{R}^{n \times b}, \]
 * with \(B = Q^{\mathsf T}A\).
 *
 * <p><b>Algorithm</b> (block Lanczos-style with full reorthogonalization): \(Q_0 =
 * \operatorname{orth}(A\Omega)\); for \(j = 0, 1, \dots\): \(W_j = A^{\mathsf T}Q_j\) (so
 * \(B_j = W_j^{\mathsf T}\) comes for free), then the next block \(AW_j\) is orthogonalized against
 * all previous blocks by two rounds of block Gram–Schmidt and a Householder QR. The basis is
 * orthonormal to working accuracy however many blocks there are, which avoids the instability of
 * the plain Krylov matrix that mlpack reported (mlpack #2796). The iteration stops at depth \(d\),
 * at \(\min(m, n)\) columns, when a new block lies (to \(2^{-40}\) relative) in the span of the
 * previous ones (an invariant subspace: \(Q\) then captures \(A\)'s range exactly), or, with a
 * positive tolerance, when the error indicator of {@link AdaptiveQb} meets it (the last block is
 * then cut to the columns needed).
 *
 * <p><b>Cost and guarantee.</b> \(2d + 2\) passes over \(A\), \(b\) vectors each, for a basis of
 * \(b(d + 1)\) columns: the passes of a subspace iteration with \(q = d\), and a basis \(d + 1\)
 * times larger containing that iteration's. With \(b \ge k\) and \(d = O(\log n/\sqrt\epsilon)\)
 * the rank-\(k\) truncation of \(QB\) is a \((1 + \epsilon)\) spectral-norm approximation
 * independently of the singular value gaps, against \(O(\log n/\epsilon)\) for subspace iteration
 * [Musco and Musco 2015, Thm 1]. Extra cost: \(O(m(bd)^2)\) for reorthogonalization.
 */
public final class BlockKrylov implements RangeFinder {
    /** A new block whose projected norm is below this fraction of its norm ends the iteration. */
    static final double BREAKDOWN = 0x1.0p-40;

    private final BlockKrylovOptions options;

    /**
     * A finder with the given options.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public BlockKrylov(BlockKrylovOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A finder with {@link BlockKrylovOptions#defaults()} (depth 2, no tolerance, Gaussian).
     *
     * @return the finder
     */
    public static BlockKrylov withDefaults() {
        return new BlockKrylov(BlockKrylovOptions.defaults());
    }

    /**
     * The options.
     *
     * @return the options
     */
    public BlockKrylovOptions options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here {@code size} is the block size \(b\) (capped at \(\min(m, n)\)); the basis has up to
     * \(b(d + 1)\) columns, fewer at \(\min(m, n)\), on breakdown, or when the tolerance is met. The
     * error estimate is present for explicit matrices and, with a positive tolerance, for
     * matrix-free ones (probes drawn from {@code state.split(1)}). The returned state is the sketch's
     * next state.
     */
    @Override
    public Sampled<QbResult> find(LinearOperator a, int size, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        int block = SubspaceIteration.checkedSize(ca, size);
        int m = ca.rows();
        int n = ca.cols();
        int maxCols = (int) Math.min((long) block * (options.depth() + 1), Math.min(m, n));
        boolean useTolerance = options.tolerance() > 0;
        ErrorIndicator indicator = useTolerance || ca.frobeniusNorm().isPresent()
                ? ErrorIndicator.create(ca, options.probes(), state.split(1))
                : null;
        double threshold = useTolerance
                ? Math.max(options.tolerance(), AdaptiveQbOptions.TOLERANCE_FLOOR) * indicator.normA()
                : -1.0;
        Sampled<SketchingOperator> draw = options.testMatrix().of(block, n).sample(state);
        DenseMatrix qAll = DenseMatrix.zeros(m, maxCols);
        DenseMatrix bAll = DenseMatrix.zeros(maxCols, n);
        DenseMatrix y = Dense.sketchRight(draw.value(), ca);
        int passes = 1;
        long matvecs = block;
        int rank = 0;
        boolean converged = !useTolerance || indicator.error() <= threshold;
        for (int j = 0; j <= options.depth() && rank < maxCols && !(useTolerance && converged); j++) {
            DenseMatrix q = qAll.columns(0, rank);
            if (rank > 0) {
                double before = Dense.frobeniusSquared(y);
                Dense.projectOut(q, y);
                Dense.projectOut(q, y);
                if (Dense.frobeniusSquared(y) <= BREAKDOWN * BREAKDOWN * before) {
                    break;
                }
            }
            DenseMatrix qj = Dense.orthonormalizeAgainst(q, y);
            int width = Math.min(qj.cols(), maxCols - rank);
            qj = qj.columns(0, width);
            DenseMatrix w = Dense.apply(ca, Transpose.TRANSPOSE, qj);
            passes++;
            matvecs += width;
            qAll.columns(rank, width).copyFrom(qj);
            bAll.rowBlock(rank, width).copyFrom(w.transpose());
            int keep = width;
            if (indicator != null) {
                keep = indicator.add(
                        qAll.columns(0, rank + width),
                        bAll.rowBlock(0, rank + width),
                        qj,
                        bAll.rowBlock(rank, width),
                        threshold);
            }
            rank += keep;
            if (useTolerance) {
                converged = indicator.error() <= threshold;
            }
            if (j < options.depth() && rank < maxCols && !(useTolerance && converged)) {
                y = Dense.apply(ca, Transpose.NO_TRANSPOSE, w);
                passes++;
                matvecs += width;
            }
        }
        OptionalDouble estimate = indicator == null ? OptionalDouble.empty() : OptionalDouble.of(indicator.error());
        QbResult result = new QbResult(
                qAll.columns(0, rank).copy(),
                bAll.rowBlock(0, rank).copy(),
                estimate,
                converged,
                passes + (indicator == null ? 0 : indicator.passes()),
                matvecs + (indicator == null ? 0 : indicator.matvecs()));
        return new Sampled<>(result, draw.next());
    }

    @Override
    public String toString() {
        return "BlockKrylov" + options;
    }
}
