package dev.nla.tensor.tenalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.random.RngState;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec T3 and the accuracy of {@link TuckerNorms}. */
class TuckerNormsTest {
    private static final int[] N = {20, 20, 20};

    private static TuckerSum sum(int s, long seed) {
        List<TuckerTensor> t = new ArrayList<>();
        double[] a = new double[s];
        for (int j = 0; j < s; j++) {
            t.add(TestTensors.gaussianTucker(
                    N, new int[] {3 + j % 3, 4, 2 + j % 4}, RngState.seed(seed).split(j)));
            a[j] = 1.0 - 0.3 * j;
        }
        return TuckerSum.of(a, t);
    }

    /** T3: the Gram-formula inner product of two Tucker tensors equals the dense one to 1e-12 relative. */
    @Test
    void innerProductOfTuckerTensorsMatchesDense() {
        TuckerTensor x = TestTensors.gaussianTucker(N, new int[] {3, 5, 4}, RngState.seed(1));
        TuckerTensor y = TestTensors.gaussianTucker(N, new int[] {6, 2, 4}, RngState.seed(2));
        DenseTensor fx = Reconstruction.full(x);
        DenseTensor fy = Reconstruction.full(y);
        double dense = ReferenceTensorAlgebra.inner(fx, fy);
        // relative to |x||y| (the inner product itself may be small by cancellation)
        assertThat(Math.abs(TuckerNorms.inner(x, y) - dense))
                .isLessThanOrEqualTo(1e-12 * fx.frobeniusNorm() * fy.frobeniusNorm());
    }

    /** T3: the Gram-formula norm of a Tucker sum equals the dense norm to 1e-12 relative, and is not 0. */
    @Test
    void normOfATuckerSumMatchesDense() {
        TuckerSum s = sum(4, 3);
        double dense = Reconstruction.full(s).frobeniusNorm();
        double gram = TuckerNorms.norm(s);
        assertThat(gram).isPositive();
        assertThat(Math.abs(gram - dense)).isLessThanOrEqualTo(1e-12 * dense);
    }

    /** T3: inner product of two sums. */
    @Test
    void innerProductOfTuckerSumsMatchesDense() {
        TuckerSum a = sum(3, 4);
        TuckerSum b = sum(2, 5);
        DenseTensor fa = Reconstruction.full(a);
        DenseTensor fb = Reconstruction.full(b);
        double dense = ReferenceTensorAlgebra.inner(fa, fb);
        assertThat(Math.abs(TuckerNorms.inner(a, b) - dense))
                .isLessThanOrEqualTo(1e-12 * fa.frobeniusNorm() * fb.frobeniusNorm());
    }

    @Test
    void normOfATuckerTensorMatchesDense() {
        TuckerTensor x = TestTensors.gaussianTucker(N, new int[] {3, 5, 4}, RngState.seed(6));
        double dense = Reconstruction.full(x).frobeniusNorm();
        assertThat(Math.abs(TuckerNorms.norm(x) - dense)).isLessThanOrEqualTo(1e-13 * dense);
    }

    @Test
    void projectedNormMatchesDense() {
        TuckerSum s = sum(5, 7);
        double dense = Reconstruction.full(s).frobeniusNorm();
        assertThat(Math.abs(TuckerNorms.projectedNorm(s, 1 << 20) - dense)).isLessThanOrEqualTo(1e-13 * dense);
    }

    @Test
    void distanceResolvesCancellationThatTheGramFormulaCannot() {
        // X - (X + 1e-12 Y) has norm 1e-12 |Y|; the projected distance sees it to a few percent
        TuckerTensor x = TestTensors.orthonormalTucker(N, new int[] {4, 4, 4}, RngState.seed(8));
        TuckerTensor y = TestTensors.orthonormalTucker(N, new int[] {2, 2, 2}, RngState.seed(9));
        TuckerSum perturbed = TuckerSum.of(new double[] {1.0, 1e-12}, List.of(x, y));
        TuckerTensor xAsOne = x;
        double exact = 1e-12 * TuckerNorms.norm(y);
        double distance = TuckerNorms.distance(perturbed, xAsOne);
        assertThat(Math.abs(distance - exact)).isLessThanOrEqualTo(0.05 * exact);
    }

    @Test
    void projectedNormRefusesAnOversizedCore() {
        TuckerSum s = sum(5, 10);
        assertThatThrownBy(() -> TuckerNorms.projectedNorm(s, 100))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("100");
    }

    @Test
    void mismatchedModeSizesAreRejected() {
        TuckerTensor x = TestTensors.gaussianTucker(N, new int[] {2, 2, 2}, RngState.seed(1));
        TuckerTensor y = TestTensors.gaussianTucker(new int[] {20, 21, 20}, new int[] {2, 2, 2}, RngState.seed(1));
        assertThatThrownBy(() -> TuckerNorms.inner(x, y))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[20, 21, 20]");
    }
}
