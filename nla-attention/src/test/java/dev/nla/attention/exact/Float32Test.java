package dev.nla.attention.exact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.FloatAttention;
import dev.nla.attention.FloatMatrix;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float32 paths. Spec test 21: at \(\beta = 30\) (logits up to about \(\pm 100\)) the float32
 * exact and online-softmax outputs are finite and within 1e-4 relative of the float64 reference
 * computed from the original double inputs. The error budget: rounding the inputs and the
 * \(d = 64\)-term dot products perturbs a logit of size \(|s|\) by about \(\sqrt d\,u_{32}|s|\)
 * (\(u_{32} = 2^{-24}\)), i.e. \(5 \cdot 10^{-5}\) at \(|s| = 100\), which moves a softmax weight
 * \(p\) by \(p(1-p)\) times that; weights of peaked rows are near 0 or 1, so the output error is
 * well below the logit error.
 */
class Float32Test {
    private static AttentionInput input;
    private static FloatMatrix q;
    private static FloatMatrix k;
    private static FloatMatrix v;

    @BeforeAll
    static void inputs() {
        input = AttentionInputs.peakedQK(1024, 64, 30.0, RngState.seed(41));
        q = FloatMatrix.fromDouble(input.q());
        k = FloatMatrix.fromDouble(input.k());
        v = FloatMatrix.fromDouble(input.v());
    }

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("exact", DenseAttention.withDefaults(), AttentionMask.NONE),
                Arguments.of("exact causal", DenseAttention.withDefaults(), AttentionMask.causal()),
                Arguments.of("online-softmax", OnlineSoftmaxAttention.withBlockSize(64), AttentionMask.NONE),
                Arguments.of(
                        "online-softmax causal", OnlineSoftmaxAttention.withBlockSize(64), AttentionMask.causal()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void betaThirtyIsStableInFloat32(String name, FloatAttention method, AttentionMask mask) {
        DenseMatrix out = method.computeFloat(q, k, v, mask).toDouble();
        for (double x : out.toColumnMajorArray()) {
            assertThat(x).isFinite();
        }
        DenseMatrix ref = DenseAttention.withDefaults().compute(input.q(), input.k(), input.v(), mask);
        assertThat(ReferenceAttention.relativeError(out, ref)).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void logitsReachAboutAHundred() {
        // The premise of the test: beta = 30 really produces logits near +-100.
        double max = 0;
        DenseMatrix s = dev.nla.core.blas.Blas.multiply(
                dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.TRANSPOSE, input.q(), input.k());
        for (double x : s.toColumnMajorArray()) {
            max = Math.max(max, Math.abs(x) / 8);
        }
        assertThat(max).isGreaterThan(90);
    }

    @Test
    void floatOnlineEqualsFloatDenseToFloatRounding() {
        DenseMatrix dense = DenseAttention.withDefaults()
                .computeFloat(q, k, v, AttentionMask.causal())
                .toDouble();
        DenseMatrix online = OnlineSoftmaxAttention.withBlockSize(7)
                .computeFloat(q, k, v, AttentionMask.causal())
                .toDouble();
        // Float rounding of the rescaled sums: a few hundred u_32 at most.
        assertThat(ReferenceAttention.relativeError(online, dense)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void floatPathAgreesWithDoubleAtModerateBeta() {
        AttentionInput in = AttentionInputs.lowRankQK(300, 32, 16, 1.0, RngState.seed(42));
        DenseMatrix f = OnlineSoftmaxAttention.withDefaults()
                .computeFloat(
                        FloatMatrix.fromDouble(in.q()),
                        FloatMatrix.fromDouble(in.k()),
                        FloatMatrix.fromDouble(in.v()),
                        AttentionMask.NONE)
                .toDouble();
        DenseMatrix d = OnlineSoftmaxAttention.withDefaults().compute(in.q(), in.k(), in.v());
        // Spec: exactness tests repeated in float hold to 1e-5 relative.
        assertThat(ReferenceAttention.relativeError(f, d)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void floatPathIsNotDoubleInDisguise() {
        // The float result differs from the double one by far more than double rounding.
        DenseMatrix f = DenseAttention.withDefaults()
                .computeFloat(q, k, v, AttentionMask.NONE)
                .toDouble();
        DenseMatrix d = DenseAttention.withDefaults().compute(input.q(), input.k(), input.v());
        assertThat(ReferenceAttention.relativeError(f, d)).isGreaterThan(1e-9);
    }
}
