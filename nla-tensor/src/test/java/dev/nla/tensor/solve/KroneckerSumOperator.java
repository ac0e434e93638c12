package dev.nla.tensor.solve;

import dev.nla.core.blas.Blas;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tenalg.Kronecker;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Test operator \(\sum_t A^{(t)}_d \otimes \cdots \otimes A^{(t)}_1\) (null = identity) acting on
 * Tucker tensors factor by factor, with its explicit matrix (first index fastest) as the oracle.
 */
final class KroneckerSumOperator implements TuckerOperator {
    private final int[] sizes;
    private final List<DenseMatrix[]> terms;

    KroneckerSumOperator(int[] sizes, List<DenseMatrix[]> terms) {
        this.sizes = sizes.clone();
        this.terms = terms;
    }

    @Override
    public int[] modeSizes() {
        return sizes.clone();
    }

    @Override
    public TuckerSum apply(TuckerTensor x) {
        List<TuckerTensor> out = new ArrayList<>();
        for (DenseMatrix[] term : terms) {
            TuckerTensor t = x;
            for (int k = 0; k < term.length; k++) {
                if (term[k] != null) {
                    t = t.withFactor(k, Blas.multiply(term[k], x.factor(k)));
                }
            }
            out.add(t);
        }
        return TuckerSum.of(out);
    }

    /** The explicit matrix acting on vec(X), first index fastest: A_d (x) ... (x) A_1 per term. */
    DenseMatrix explicit() {
        int n = 1;
        for (int s : sizes) {
            n *= s;
        }
        DenseMatrix sum = DenseMatrix.zeros(n, n);
        for (DenseMatrix[] term : terms) {
            DenseMatrix[] reversed = new DenseMatrix[term.length];
            for (int k = 0; k < term.length; k++) {
                reversed[term.length - 1 - k] = term[k] != null ? term[k] : DenseMatrix.identity(sizes[k]);
            }
            DenseMatrix kron = Kronecker.product(reversed);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    sum.add(i, j, kron.get(i, j));
                }
            }
        }
        return sum;
    }
}
