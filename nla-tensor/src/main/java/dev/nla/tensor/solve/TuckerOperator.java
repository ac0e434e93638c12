package dev.nla.tensor.solve;

import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;

/**
 * A linear operator \(\mathcal A : \mathbb{R}^{n_1 \times \cdots \times n_d} \to \mathbb{R}^{n_1
 * \times \cdots \times n_d}\) that maps a Tucker tensor to a sum of Tucker tensors without rounding,
 * as a Kronecker-structured operator \(\mathcal A = \sum_t A^{(t)}_1 \otimes \cdots \otimes
 * A^{(t)}_d\) does: \(\mathcal A[\![\mathcal G; U_1, \dots, U_d]\!] = \sum_t [\![\mathcal G;
 * A^{(t)}_1U_1, \dots, A^{(t)}_dU_d]\!]\), every summand with the same core.
 */
public interface TuckerOperator {
    /**
     * The mode sizes \((n_1, \dots, n_d)\) of the domain (and range).
     *
     * @return a new array
     */
    int[] modeSizes();

    /**
     * Applies the operator exactly.
     *
     * @param x \(\mathcal X\), with mode sizes {@link #modeSizes()}; not modified
     * @return \(\mathcal A\mathcal X\) as an unrounded sum of Tucker tensors
     * @throws NullPointerException                             if {@code x} is null
     * @throws dev.nla.core.error.DimensionMismatchException if the mode sizes of {@code x} differ
     *     from {@link #modeSizes()}
     */
    TuckerSum apply(TuckerTensor x);
}
