package dev.nla.tensor.tenalg;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Full (dense) reconstruction of Tucker tensors and Tucker sums, and the explicit formal sum, all
 * guarded by size limits that are checked before anything is allocated.
 *
 * <p>\(\operatorname{full}([\![\mathcal G; U_1, \dots, U_d]\!]) = \mathcal G \times_1 U_1 \cdots
 * \times_d U_d\) by {@link ModeProducts#multiplyAll} (modes in the flop-optimal order); cost about
 * \(2\prod_k n_k \cdot r_{\text{last}}\) for the last, dominant product. A sum is accumulated into one
 * dense tensor (the last product of each summand writes into it), so the memory is \(\prod_k n_k\)
 * plus one intermediate.
 */
public final class Reconstruction {
    /** Default size limit: \(2^{27}\) entries (1 GiB of doubles). */
    public static final long DEFAULT_LIMIT = 1L << 27;

    private Reconstruction() {}

    /**
     * \(\operatorname{full}(\mathcal X)\) with the default limit.
     *
     * @param x \(\mathcal X\); not modified
     * @return a new dense tensor
     * @throws NullPointerException       if {@code x} is null
     * @throws SizeLimitExceededException if \(\prod_k n_k\) exceeds {@link #DEFAULT_LIMIT}
     */
    public static DenseTensor full(TuckerTensor x) {
        return full(x, DEFAULT_LIMIT);
    }

    /**
     * \(\operatorname{full}(\mathcal X)\).
     *
     * @param x     \(\mathcal X\); not modified
     * @param limit the largest number of entries allowed, at most {@link DenseTensor#MAX_ELEMENTS}
     * @return a new dense tensor
     * @throws NullPointerException       if {@code x} is null
     * @throws SizeLimitExceededException if \(\prod_k n_k\) exceeds the limit
     */
    public static DenseTensor full(TuckerTensor x, long limit) {
        Objects.requireNonNull(x, "x");
        checkLimit("dense tensor", x.modeSizes(), limit);
        DenseTensor out = DenseTensor.zeros(x.modeSizes());
        ModeProducts.multiplyAll(1.0, x.core(), Transpose.NO_TRANSPOSE, x.factors(), 0.0, out);
        return out;
    }

    /**
     * \(\operatorname{full}(\sum_j \alpha_j\mathcal X_j)\) with the default limit.
     *
     * @param x the sum; not modified
     * @return a new dense tensor
     * @throws NullPointerException       if {@code x} is null
     * @throws SizeLimitExceededException if \(\prod_k n_k\) exceeds {@link #DEFAULT_LIMIT}
     */
    public static DenseTensor full(TuckerSum x) {
        return full(x, DEFAULT_LIMIT);
    }

    /**
     * \(\operatorname{full}(\sum_j \alpha_j\mathcal X_j)\), accumulated summand by summand.
     *
     * @param x     the sum; not modified
     * @param limit the largest number of entries allowed
     * @return a new dense tensor
     * @throws NullPointerException       if {@code x} is null
     * @throws SizeLimitExceededException if \(\prod_k n_k\) exceeds the limit
     */
    public static DenseTensor full(TuckerSum x, long limit) {
        Objects.requireNonNull(x, "x");
        checkLimit("dense tensor", x.modeSizes(), limit);
        DenseTensor out = DenseTensor.zeros(x.modeSizes());
        for (int j = 0; j < x.size(); j++) {
            if (x.alpha(j) != 0) {
                TuckerTensor t = x.term(j);
                ModeProducts.multiplyAll(x.alpha(j), t.core(), Transpose.NO_TRANSPOSE, t.factors(), 1.0, out);
            }
        }
        return out;
    }

    /**
     * The explicit formal sum (algorithm B0): \([\![\operatorname{blockdiag}(\alpha_1\mathcal G_1,
     * \dots, \alpha_s\mathcal G_s);\; [U_1^{(1)} \cdots U_s^{(1)}], \dots, [U_1^{(d)} \cdots
     * U_s^{(d)}]]\!]\), with block \(j\) of the core at offsets \(o_j^{(k)} = \sum_{i \lt j}
     * r_i^{(k)}\). Exact (no arithmetic besides the scaling by \(\alpha_j\)). The dense core has
     * \(\prod_k R_k\) entries: this is for tests and small sums; the summation strategies never call
     * it.
     *
     * @param x     the sum; not modified (the factors are copied)
     * @param limit the largest core \(\prod_k R_k\) allowed
     * @return a new Tucker tensor with ranks \(R_k = \sum_j r_j^{(k)}\) (which may exceed \(n_k\))
     * @throws NullPointerException       if {@code x} is null
     * @throws SizeLimitExceededException if \(\prod_k R_k\) exceeds the limit
     */
    public static TuckerTensor formalSum(TuckerSum x, long limit) {
        Objects.requireNonNull(x, "x");
        int d = x.order();
        int[] big = x.formalRanks();
        checkLimit("block-diagonal core of the formal sum", big, limit);
        DenseTensor core = DenseTensor.zeros(big);
        List<DenseMatrix> factors = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            factors.add(DenseMatrix.zeros(x.modeSize(k), big[k]));
        }
        int[] offset = new int[d];
        double[] cd = core.data();
        for (int j = 0; j < x.size(); j++) {
            TuckerTensor t = x.term(j);
            for (int k = 0; k < d; k++) {
                factors.get(k).columns(offset[k], t.rank(k)).copyFrom(t.factor(k));
            }
            DenseTensor g = t.core();
            double a = x.alpha(j);
            double[] gd = g.data();
            int[] idx = new int[d];
            for (int p = 0; p < gd.length; p++) {
                int pos = 0;
                for (int k = d - 1; k >= 0; k--) {
                    pos = pos * big[k] + offset[k] + idx[k];
                }
                cd[pos] = a * gd[p];
                for (int k = 0; k < d; k++) {
                    if (++idx[k] < g.size(k)) {
                        break;
                    }
                    idx[k] = 0;
                }
            }
            for (int k = 0; k < d; k++) {
                offset[k] += t.rank(k);
            }
        }
        return new TuckerTensor(core, factors);
    }

    static void checkLimit(String what, int[] shape, long limit) {
        long n = DenseTensor.elementCount(shape);
        long cap = Math.min(limit, DenseTensor.MAX_ELEMENTS);
        if (n > cap) {
            throw new SizeLimitExceededException(what + " of shape " + Arrays.toString(shape) + " needs " + n
                    + " entries, over the limit of " + cap);
        }
    }
}
