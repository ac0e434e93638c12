package dev.nla.tensor.decomp;

import dev.nla.core.error.Require;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A truncated Tucker approximation and what is known about its error.
 *
 * @param tensor             \(\tilde{\mathcal X} = [\![\mathcal C; U_1, \dots, U_d]\!]\) with
 *     orthonormal factors
 * @param errorBound         an upper bound of the relative error \(\|\mathcal X - \tilde{\mathcal
 *     X}\|_F / \|\mathcal X\|_F\) of the truncation step, \((\sum_k \sum_{i \gt r_k}\sigma_{k,i}^2)^{1/2}
 *     / \|\mathcal X\|_F\) (0 for a zero tensor); for the randomized algorithms it covers the final
 *     truncation only, not the sketching error
 * @param singularValues     per mode, the singular values the rank was chosen from (those of the
 *     partially truncated tensor for ST-HOSVD, of the sketched core for randomized variants)
 */
public record HosvdResult(TuckerTensor tensor, double errorBound, List<double[]> singularValues) {
    /**
     * Validates the components.
     *
     * @param tensor         the approximation
     * @param errorBound     the relative error bound, \(\ge 0\)
     * @param singularValues one array per mode; the arrays are copied
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code errorBound} is negative or NaN
     */
    public HosvdResult {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(singularValues, "singularValues");
        Require.nonNegative("errorBound", errorBound);
        List<double[]> copy = new ArrayList<>(singularValues.size());
        for (double[] s : singularValues) {
            copy.add(Objects.requireNonNull(s, "singularValues entry").clone());
        }
        singularValues = List.copyOf(copy);
    }

    /**
     * The ranks of the approximation.
     *
     * @return a new array \((r_1, \dots, r_d)\)
     */
    public int[] ranks() {
        return tensor.ranks();
    }
}
