package dev.nla.tensor.sum;

import dev.nla.core.random.RngState;
import dev.nla.tensor.tenalg.TuckerNorms;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.Arrays;

/** The spec's test inputs and the exact relative error used by the summation tests. */
final class SumCases {
    private SumCases() {}

    /** T4/T5/T9: d = 3, n = 200, s = 20, r = 10, common rank t = 15. */
    static TuckerSum compressible3() {
        return SyntheticTuckerSums.compressible(new int[] {200, 200, 200}, 20, 10, 15, RngState.seed(20260401));
    }

    /** T6/T8: d = 3, n = 300, X1/|X1| + 1e-5 X2/|X2|, ranks 20. */
    static TuckerSum perturbed(long seed) {
        return SyntheticTuckerSums.perturbedLowRank(new int[] {300, 300, 300}, 20, 1e-5, RngState.seed(seed));
    }

    /** T7: experiment-2 sums, d = 3, n = 200, s = 16, r = 10, graded common subspace of dimension 30. */
    static TuckerSum graded(long seed) {
        return SyntheticTuckerSums.graded(new int[] {200, 200, 200}, 16, 10, 30, 1e-10, RngState.seed(seed));
    }

    /**
     * \(\|\mathcal X - \tilde{\mathcal X}\|/\|\mathcal X\|\) by projection onto the factor spans
     * (accurate to O(u) even for tiny errors; the Gram formula would floor at about 1e-8).
     */
    static double error(TuckerSum x, TuckerTensor approx) {
        return TuckerNorms.distance(x, approx) / TuckerNorms.projectedNorm(x, 1 << 24);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
