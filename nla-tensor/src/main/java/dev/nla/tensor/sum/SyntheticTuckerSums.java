package dev.nla.tensor.sum;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.tensor.tenalg.TuckerNorms;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The synthetic Tucker sums of the summation experiments and acceptance tests (spec §3.1, §3.2),
 * deterministic given an {@link RngState}. Independent parts come from distinct children {@code
 * state.split(i)}; "orthonormal" factors are thin QR factors of Gaussian matrices.
 */
public final class SyntheticTuckerSums {
    private SyntheticTuckerSums() {}

    /**
     * A random Tucker tensor with a standard Gaussian core and orthonormal factors.
     *
     * @param modeSizes \(n_k \ge 1\)
     * @param ranks     \(1 \le r_k \le n_k\)
     * @param state     the random stream; not modified
     * @return the tensor
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a rank is out of range or the arrays differ in length
     */
    public static TuckerTensor randomTucker(int[] modeSizes, int[] ranks, RngState state) {
        check(modeSizes, ranks);
        List<DenseMatrix> f = new ArrayList<>(modeSizes.length);
        for (int k = 0; k < modeSizes.length; k++) {
            f.add(Support.orth(RandomMatrices.gaussian(modeSizes[k], ranks[k], state.split(k + 1))
                    .value()));
        }
        return new TuckerTensor(gaussianTensor(ranks, state.split(0)), f);
    }

    /**
     * Experiment 1: \(\mathcal X = \mathcal X_1/\|\mathcal X_1\| + \delta\,\mathcal X_2/\|\mathcal
     * X_2\|\), two {@link #randomTucker} tensors of multilinear rank \(r\) (a sum of 2 summands with
     * formal rank \(2r\)); the best rank-\(t\) error drops to about \(\delta\) at \(t = r\).
     *
     * @param modeSizes    \(n_k\)
     * @param rank         \(r \le \min_k n_k\)
     * @param perturbation \(\delta \ge 0\), finite
     * @param state        the random stream; not modified
     * @return the two-term sum
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a size is out of range
     */
    public static TuckerSum perturbedLowRank(int[] modeSizes, int rank, double perturbation, RngState state) {
        Objects.requireNonNull(modeSizes, "modeSizes");
        Require.nonNegative("perturbation", perturbation);
        int[] r = new int[modeSizes.length];
        Arrays.fill(r, rank);
        TuckerTensor x1 = randomTucker(modeSizes, r, state.split(1));
        TuckerTensor x2 = randomTucker(modeSizes, r, state.split(2));
        double n1 = TuckerNorms.norm(x1);
        double n2 = TuckerNorms.norm(x2);
        return TuckerSum.of(new double[] {1.0 / n1, perturbation / n2}, List.of(x1, x2));
    }

    /**
     * A compressible sum (spec §2.9, T4, T5, T9–T11): \(s\) summands of rank \(r\) with Gaussian
     * cores, unit scalars, and orthonormal factors that all lie in one common \(t\)-dimensional
     * subspace per mode, \(U_j^{(k)} = B_k\operatorname{orth}(H_j^{(k)})\) with \(B_k \in
     * \mathbb{R}^{n_k \times t}\) orthonormal and Gaussian \(H_j^{(k)} \in \mathbb{R}^{t \times r}\).
     * The sum has multilinear rank \(\min(t, sr)\) per mode (with probability 1).
     *
     * @param modeSizes   \(n_k \ge t\)
     * @param summands    \(s \ge 1\)
     * @param rank        \(1 \le r \le t\)
     * @param commonRank  \(t \le \min_k n_k\)
     * @param state       the random stream; not modified
     * @return the sum
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a size is out of range
     */
    public static TuckerSum compressible(int[] modeSizes, int summands, int rank, int commonRank, RngState state) {
        return commonSubspace(modeSizes, summands, rank, commonRank, 1.0, true, state);
    }

    /**
     * Experiment 2 with graded spectra: like {@link #compressible} but \(U_j^{(k)} = B_k
     * \operatorname{diag}(w) H_j^{(k)}\) (not orthonormal) with weights \(w_i = \gamma^{i/(t-1)}\)
     * decreasing geometrically from 1 to \(\gamma\), so the mode-\(k\) singular values of the sum decay
     * and a tolerance \(\varepsilon\) selects a rank between 1 and \(t\).
     *
     * @param modeSizes  \(n_k \ge t\)
     * @param summands   \(s \ge 1\)
     * @param rank       \(1 \le r \le t\)
     * @param commonRank \(t \le \min_k n_k\)
     * @param decay      \(0 \lt \gamma \le 1\)
     * @param state      the random stream; not modified
     * @return the sum
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a size is out of range or \(\gamma \notin (0, 1]\)
     */
    public static TuckerSum graded(
            int[] modeSizes, int summands, int rank, int commonRank, double decay, RngState state) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
        }
        return commonSubspace(modeSizes, summands, rank, commonRank, decay, false, state);
    }

    private static TuckerSum commonSubspace(
            int[] n, int s, int r, int t, double decay, boolean orthonormal, RngState state) {
        Objects.requireNonNull(n, "modeSizes");
        Objects.requireNonNull(state, "state");
        Require.positive("summands", s);
        Require.positive("rank", r);
        if (t < r) {
            throw new IllegalArgumentException("commonRank t = " + t + " must be at least the rank r = " + r);
        }
        int d = n.length;
        int[] rs = new int[d];
        Arrays.fill(rs, r);
        int[] ts = new int[d];
        Arrays.fill(ts, t);
        check(n, ts);
        List<DenseMatrix> bases = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            DenseMatrix b = Support.orth(
                    RandomMatrices.gaussian(n[k], t, state.split(k + 1)).value());
            if (!orthonormal) {
                for (int i = 0; i < t; i++) {
                    double w = t == 1 ? 1.0 : Math.pow(decay, (double) i / (t - 1));
                    Blas.scal(w, b.column(i));
                }
            }
            bases.add(b);
        }
        List<TuckerTensor> terms = new ArrayList<>(s);
        for (int j = 0; j < s; j++) {
            RngState sj = state.split(1000L + j);
            List<DenseMatrix> f = new ArrayList<>(d);
            for (int k = 0; k < d; k++) {
                DenseMatrix h = RandomMatrices.gaussian(t, r, sj.split(k + 1)).value();
                f.add(Blas.multiply(bases.get(k), orthonormal ? Support.orth(h) : h));
            }
            terms.add(new TuckerTensor(gaussianTensor(rs, sj.split(0)), f));
        }
        return TuckerSum.of(terms);
    }

    private static DenseTensor gaussianTensor(int[] shape, RngState state) {
        long size = DenseTensor.elementCount(shape);
        DenseMatrix g = RandomMatrices.gaussian((int) size, 1, state).value();
        return DenseTensor.wrap(g.data(), shape);
    }

    private static void check(int[] n, int[] r) {
        Objects.requireNonNull(n, "modeSizes");
        Objects.requireNonNull(r, "ranks");
        if (n.length != r.length || n.length == 0) {
            throw new IllegalArgumentException(
                    "one rank per mode: modeSizes " + Arrays.toString(n) + ", ranks " + Arrays.toString(r));
        }
        for (int k = 0; k < n.length; k++) {
            if (r[k] < 1 || r[k] > n[k]) {
                throw new IllegalArgumentException(
                        "rank " + r[k] + " of mode " + (k + 1) + " must be in [1, n_" + (k + 1) + " = " + n[k] + "]");
            }
        }
    }
}
