package dev.nla.tensor.testing;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Random tensors for tests, all drawn from an explicit {@link RngState}: Gaussian dense tensors and
 * Tucker tensors with a Gaussian core and Gaussian or Haar-orthonormal factors. Independent parts
 * come from {@code state.split(0)} (core) and {@code state.split(k + 1)} (factor {@code k}).
 */
public final class TestTensors {
    private TestTensors() {}

    /**
     * A tensor of independent standard normal entries.
     *
     * @param shape mode sizes
     * @param state the random stream
     * @return the tensor
     */
    public static DenseTensor gaussian(int[] shape, RngState state) {
        long n = DenseTensor.elementCount(shape);
        DenseMatrix g = RandomMatrices.gaussian((int) n, 1, state).value();
        return DenseTensor.wrap(g.data(), shape);
    }

    /**
     * A Tucker tensor with a Gaussian core and Gaussian (not orthonormal) factors.
     *
     * @param modeSizes \(n_k\)
     * @param ranks     \(r_k\)
     * @param state     the random stream
     * @return the tensor
     */
    public static TuckerTensor gaussianTucker(int[] modeSizes, int[] ranks, RngState state) {
        List<DenseMatrix> f = new ArrayList<>();
        for (int k = 0; k < modeSizes.length; k++) {
            f.add(TestMatrices.gaussian(modeSizes[k], ranks[k], state.split(k + 1)));
        }
        return new TuckerTensor(gaussian(ranks, state.split(0)), f);
    }

    /**
     * A Tucker tensor with a Gaussian core and Haar-orthonormal factors (\(r_k \le n_k\)).
     *
     * @param modeSizes \(n_k\)
     * @param ranks     \(r_k \le n_k\)
     * @param state     the random stream
     * @return the tensor
     */
    public static TuckerTensor orthonormalTucker(int[] modeSizes, int[] ranks, RngState state) {
        List<DenseMatrix> f = new ArrayList<>();
        for (int k = 0; k < modeSizes.length; k++) {
            f.add(TestMatrices.haarOrthonormalColumns(modeSizes[k], ranks[k], state.split(k + 1)));
        }
        return new TuckerTensor(gaussian(ranks, state.split(0)), f);
    }

    /**
     * The largest absolute entry difference of two tensors of equal shape.
     *
     * @param a first tensor
     * @param b second tensor
     * @return \(\max |a - b|\)
     */
    public static double maxAbsDifference(DenseTensor a, DenseTensor b) {
        double m = 0;
        for (int i = 0; i < a.elementCount(); i++) {
            m = Math.max(m, Math.abs(a.data()[i] - b.data()[i]));
        }
        return m;
    }

    /**
     * The Frobenius norm of the difference of two tensors of equal shape.
     *
     * @param a first tensor
     * @param b second tensor
     * @return \(\|a - b\|_F\)
     */
    public static double difference(DenseTensor a, DenseTensor b) {
        double[] d = new double[a.elementCount()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.data()[i] - b.data()[i];
        }
        return DenseTensor.wrap(d, a.shape()).frobeniusNorm();
    }

    /**
     * The relative Frobenius difference \(\|A - B\|_F/\|B\|_F\) of two matrices of equal shape.
     *
     * @param a the approximation
     * @param b the reference, not zero
     * @return the relative difference
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double relativeDifference(DenseMatrix a, DenseMatrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(
                    "shapes differ: " + a.rows() + "x" + a.cols() + " vs " + b.rows() + "x" + b.cols());
        }
        double num = 0;
        double den = 0;
        for (int j = 0; j < b.cols(); j++) {
            for (int i = 0; i < b.rows(); i++) {
                double d = a.get(i, j) - b.get(i, j);
                num += d * d;
                den += b.get(i, j) * b.get(i, j);
            }
        }
        return Math.sqrt(num / den);
    }
}
