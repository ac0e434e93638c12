package dev.nla.tensor.tenalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.testing.TestTensors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Unfolding} against the multi-index definition (Kolda and Bader order). */
class UnfoldingTest {
    private static int[] shape(int d, long seed) {
        int[] s = new int[d];
        for (int k = 0; k < d; k++) {
            s[k] = 1 + (int) Math.floorMod(seed * 31 + 7L * k * k + 3L * k, 4L);
        }
        return s;
    }

    @Property(tries = 60)
    void unfoldMatchesTheDefinitionExactly(
            @ForAll @IntRange(min = 1, max = 5) int d, @ForAll @IntRange(min = 0, max = 40) int seed) {
        int[] s = shape(d, seed);
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(seed));
        for (int k = 0; k < d; k++) {
            // a pure permutation of the entries: bitwise equal
            assertThat(Unfolding.unfold(x, k).toArray())
                    .isEqualTo(ReferenceTensorAlgebra.unfold(x, k).toArray());
        }
    }

    @Property(tries = 60)
    void foldInvertsUnfold(@ForAll @IntRange(min = 1, max = 5) int d, @ForAll @IntRange(min = 0, max = 40) int seed) {
        int[] s = shape(d, seed);
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(seed + 100L));
        for (int k = 0; k < d; k++) {
            assertThat(Unfolding.fold(Unfolding.unfold(x, k), k, s)).isEqualTo(x);
        }
    }

    @Property(tries = 40)
    void unfoldTransposedIsTheTranspose(
            @ForAll @IntRange(min = 1, max = 4) int d, @ForAll @IntRange(min = 0, max = 40) int seed) {
        int[] s = shape(d, seed);
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(seed + 200L));
        for (int k = 0; k < d; k++) {
            assertThat(Unfolding.unfoldTransposed(x, k).toArray())
                    .isEqualTo(Unfolding.unfold(x, k).transpose().toArray());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void operatorAppliesTheUnfoldingAndItsTranspose(int mode) {
        int[] s = {3, 4, 2, 5};
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(mode));
        DenseMatrix xk = Unfolding.unfold(x, mode);
        LinearOperator op = Unfolding.operator(x, mode);
        DenseMatrix v = TestMatrices.gaussian(xk.cols(), 3, RngState.seed(10 + mode));
        DenseMatrix w = TestMatrices.gaussian(xk.rows(), 3, RngState.seed(20 + mode));
        DenseMatrix y = op.apply(v);
        DenseMatrix z = op.applyTranspose(w);
        DenseMatrix yRef = Blas.multiply(xk, v);
        DenseMatrix zRef = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, xk, w);
        // both are sums of the same N products in different orders: within 2 gamma_N |X||V|
        double boundY = 2 * Tolerances.gamma(xk.cols()) * maxAbsProduct(xk, v);
        double boundZ = 2 * Tolerances.gamma(xk.rows()) * maxAbsProduct(xk.transpose(), w);
        assertThat(maxAbsDiff(y, yRef)).isLessThanOrEqualTo(boundY);
        assertThat(maxAbsDiff(z, zRef)).isLessThanOrEqualTo(boundZ);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void operatorAccumulatesWithBeta(int mode) {
        int[] s = {3, 4, 2};
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(5));
        LinearOperator op = Unfolding.operator(x, mode);
        DenseMatrix v = TestMatrices.gaussian(op.cols(), 2, RngState.seed(6));
        DenseMatrix y = TestMatrices.gaussian(op.rows(), 2, RngState.seed(7));
        DenseMatrix expected = Blas.multiply(Unfolding.unfold(x, mode), v);
        Blas.scal(2.0, expected);
        Blas.axpy(-1.0, y, expected);
        op.apply(Transpose.NO_TRANSPOSE, 2.0, v, -1.0, y);
        assertThat(maxAbsDiff(y, expected)).isLessThanOrEqualTo(1e-13 * (1 + maxAbs(expected)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void foldRejectsTheWrongShape(int mode) {
        assertThatThrownBy(() -> Unfolding.fold(DenseMatrix.zeros(3, 5), mode, 3, 4))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[3, 4]");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 3})
    void invalidModeIsRejected(int mode) {
        DenseTensor x = DenseTensor.zeros(2, 2, 2);
        assertThatThrownBy(() -> Unfolding.unfold(x, mode)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    static double maxAbsProduct(DenseMatrix a, DenseMatrix b) {
        double m = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int p = 0; p < a.cols(); p++) {
                    s += Math.abs(a.get(i, p) * b.get(p, j));
                }
                m = Math.max(m, s);
            }
        }
        return m;
    }

    static double maxAbsDiff(DenseMatrix a, DenseMatrix b) {
        double m = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                m = Math.max(m, Math.abs(a.get(i, j) - b.get(i, j)));
            }
        }
        return m;
    }

    static double maxAbs(DenseMatrix a) {
        double m = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                m = Math.max(m, Math.abs(a.get(i, j)));
            }
        }
        return m;
    }
}
