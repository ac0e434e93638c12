package dev.nla.sketch.rangefinder;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;

/**
 * The error indicator \(E \approx \|A - QB\|_F\) of the blocked range finders, updated as blocks
 * \((Q_i, B_i = Q_i^{\mathsf T}A)\) are appended.
 *
 * <ul>
 *   <li><b>Explicit matrix</b> [Yu, Gu and Li 2018]: \(E^2 = \|A\|_F^2 - \sum_i\|B_i\|_F^2\), exact
 *       for orthonormal \(Q\) but computed by subtraction, so it cannot resolve errors below about
 *       \(\sqrt u\,\|A\|_F\). When the indicator falls below \(\rho\|A\|_F\), \(\rho = 2^{-20}\),
 *       and the threshold is smaller than that, \(E\) is recomputed exactly as \(\|A - QB\|_F\) (one
 *       pass over \(A\), in column chunks) and the subtraction restarts from there.
 *   <li><b>Matrix-free operator</b> [HMT 2011, §4.3]: \(s\) Gaussian probes \(G \in \mathbb{R}^{n
 *       \times s}\), \(R = (I - QQ^{\mathsf T})AG\) kept up to date, \(E^2 = \|R\|_F^2/s\), an unbiased
 *       estimate of \(\|A - QB\|_F^2\) with relative standard deviation at most \(\sqrt{2/s}\) (the
 *       rank-one case); \(\|A\|_F\) is estimated by \(\|AG\|_F/\sqrt s\).
 * </ul>
 */
final class ErrorIndicator {
    /** Relative level below which the subtraction is replaced by an exact residual. */
    static final double RESOLUTION = 0x1.0p-20;

    private final CheckedOperator a;
    private final double normA;
    private final int probes;
    private DenseMatrix residual;
    private double errorSquared;
    private int passes;
    private long matvecs;

    private ErrorIndicator(CheckedOperator a, double normA, int probes, DenseMatrix residual, double errorSquared) {
        this.a = a;
        this.normA = normA;
        this.probes = probes;
        this.residual = residual;
        this.errorSquared = errorSquared;
    }

    /**
     * The indicator for an operator: exact norms for an explicit matrix, {@code probes} Gaussian
     * probes drawn from {@code probeState} otherwise (one pass).
     */
    static ErrorIndicator create(CheckedOperator a, int probes, RngState probeState) {
        if (a.frobeniusNorm().isPresent()) {
            double norm = a.frobeniusNorm().getAsDouble();
            return new ErrorIndicator(a, norm, 0, null, norm * norm);
        }
        DenseMatrix g = RandomMatrices.gaussian(a.cols(), probes, probeState).value();
        DenseMatrix r = Dense.apply(a, Transpose.NO_TRANSPOSE, g);
        double e2 = Dense.frobeniusSquared(r) / probes;
        ErrorIndicator ind = new ErrorIndicator(a, Math.sqrt(e2), probes, r, e2);
        ind.passes = 1;
        ind.matvecs = probes;
        return ind;
    }

    /** \(\|A\|_F\), exact or estimated. */
    double normA() {
        return normA;
    }

    /** The current estimate of \(\|A - QB\|_F\). */
    double error() {
        return Math.sqrt(Math.max(0.0, errorSquared));
    }

    /** Passes over \(A\) taken by the indicator itself (probes, exact residuals). */
    int passes() {
        return passes;
    }

    /** Matrix-vector products taken by the indicator itself. */
    long matvecs() {
        return matvecs;
    }

    /**
     * Accounts for a new block and returns how many of its leading columns are needed: the smallest
     * \(t\) with \(E_t \le\) {@code threshold}, where \(E_t\) is the error with the first \(t\)
     * columns of the block, or the block size if even the whole block does not reach the threshold.
     * Afterwards {@link #error()} is \(E_t\).
     *
     * @param q         \(Q\) including the new block (for exact residuals)
     * @param b         \(B\) including the new block
     * @param qBlock    the new orthonormal columns, orthogonal to the old ones
     * @param bBlock    \(Q_i^{\mathsf T}A\)
     * @param threshold the absolute error to reach; negative: no target (the whole block is kept and
     *     the residual is never recomputed exactly)
     */
    int add(DenseMatrix q, DenseMatrix b, DenseMatrix qBlock, DenseMatrix bBlock, double threshold) {
        int size = qBlock.cols();
        double[] rows;
        DenseMatrix c = null;
        double after;
        if (residual == null) {
            rows = Dense.rowNormsSquared(bBlock);
            after = errorSquared;
            for (double r : rows) {
                after -= r;
            }
            if (threshold >= 0 && after < square(RESOLUTION * normA) && threshold < RESOLUTION * normA) {
                double exact = exactResidual(q, b);
                after = exact * exact;
            }
        } else {
            c = Dense.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, qBlock, residual);
            rows = Dense.rowNormsSquared(c);
            for (int i = 0; i < rows.length; i++) {
                rows[i] /= probes;
            }
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, qBlock, c, 1.0, residual);
            after = Dense.frobeniusSquared(residual) / probes;
        }
        double limit = threshold * threshold;
        int t = size;
        double e2 = after;
        if (threshold >= 0 && after <= limit) {
            // E_t^2 = E_after^2 + sum of the rows r >= t (orthogonal blocks).
            double tail = 0;
            t = size;
            while (t > 0 && after + tail + rows[t - 1] <= limit) {
                tail += rows[t - 1];
                t--;
            }
            e2 = after + tail;
            if (c != null && t < size) {
                DenseMatrix dropped = qBlock.columns(t, size - t);
                Blas.gemm(
                        Transpose.NO_TRANSPOSE,
                        Transpose.NO_TRANSPOSE,
                        1.0,
                        dropped,
                        c.rowBlock(t, size - t),
                        1.0,
                        residual);
            }
        }
        errorSquared = e2;
        return t;
    }

    /** \(\|A - QB\|_F\) for an explicit matrix, in column chunks of about \(2^{20}\) entries. */
    private double exactResidual(DenseMatrix q, DenseMatrix b) {
        Matrix m = a.matrix().orElseThrow();
        int rows = m.rows();
        int n = m.cols();
        int chunk = Math.max(1, (1 << 20) / Math.max(1, rows));
        SparseMatrix csc = m instanceof SparseMatrix s ? s.toCsc() : null;
        double sum = 0;
        for (int j0 = 0; j0 < n; j0 += chunk) {
            int w = Math.min(chunk, n - j0);
            DenseMatrix block;
            if (csc == null) {
                block = ((DenseMatrix) m).columns(j0, w).copy();
            } else {
                block = DenseMatrix.zeros(rows, w);
                int[] ptr = csc.pointers();
                int[] idx = csc.indices();
                double[] val = csc.values();
                for (int j = 0; j < w; j++) {
                    for (int p = ptr[j0 + j]; p < ptr[j0 + j + 1]; p++) {
                        block.set(idx[p], j, val[p]);
                    }
                }
            }
            if (q.cols() > 0) {
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, b.columns(j0, w), 1.0, block);
            }
            sum += Dense.frobeniusSquared(block);
        }
        passes++;
        return Math.sqrt(sum);
    }

    private static double square(double x) {
        return x * x;
    }
}
