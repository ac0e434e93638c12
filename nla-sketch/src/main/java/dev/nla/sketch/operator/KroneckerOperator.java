package dev.nla.sketch.operator;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;

/**
 * A sampled {@link KroneckerSketch}: the factors \(R_k\) are generated once, on first use, and
 * applied through {@code nla-core}'s Kronecker operator \(R_q \otimes \cdots \otimes R_1\).
 */
final class KroneckerOperator extends AbstractSketch {
    private final KroneckerSketch law;
    private final int[] rowSizes;
    private final int[] modeSizes;
    private final double alpha;
    private volatile Factors factors;

    private record Factors(DenseMatrix[] r, LinearOperator kron) {}

    KroneckerOperator(KroneckerSketch law, RngState state) {
        super(law.rows(), law.cols(), state);
        this.law = law;
        this.rowSizes = law.rowSizes();
        this.modeSizes = law.modeSizes();
        this.alpha = law.scale();
    }

    private Factors factors() {
        Factors f = factors;
        if (f == null) {
            synchronized (this) {
                f = factors;
                if (f == null) {
                    int q = rowSizes.length;
                    DenseMatrix[] r = new DenseMatrix[q];
                    LinearOperator[] ops = new LinearOperator[q];
                    for (int k = 0; k < q; k++) {
                        DenseMatrix mt = DenseMatrix.zeros(modeSizes[k], rowSizes[k]);
                        RandomMatrices.fill(mt, 0, 0, law.entries().law(), Sketching.factor(state, k));
                        r[k] = mt.transpose();
                        ops[q - 1 - k] = LinearOperator.of(r[k]);
                    }
                    f = new Factors(r, LinearOperator.kronecker(ops));
                    factors = f;
                }
            }
        }
        return f;
    }

    @Override
    public SketchingDistribution distribution() {
        return law;
    }

    @Override
    void leftDense(DenseMatrix a, DenseMatrix y) {
        factors().kron.apply(Transpose.NO_TRANSPOSE, a, y);
        Blas.scal(alpha, y);
    }

    @Override
    void transposeDense(DenseMatrix x, DenseMatrix y) {
        factors().kron.apply(Transpose.TRANSPOSE, x, y);
        Blas.scal(alpha, y);
    }

    @Override
    void denseBlock(int r0, int c0, DenseMatrix target) {
        DenseMatrix[] r = factors().r;
        int q = r.length;
        for (int j = 0; j < target.cols(); j++) {
            for (int i = 0; i < target.rows(); i++) {
                int row = r0 + i;
                int col = c0 + j;
                double v = alpha;
                for (int k = 0; k < q; k++) {
                    v *= r[k].get(row % rowSizes[k], col % modeSizes[k]);
                    row /= rowSizes[k];
                    col /= modeSizes[k];
                }
                target.set(i, j, v);
            }
        }
    }

    @Override
    String describe() {
        return law.toString();
    }
}
