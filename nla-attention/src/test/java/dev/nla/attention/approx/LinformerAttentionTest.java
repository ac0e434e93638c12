package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.SketchingOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinformerAttentionTest {
    private static final RngState SEED = RngState.seed(8_007);

    private static SketchFamily family(String name) {
        switch (name) {
            case "gaussian":
                return SketchFamily.gaussian();
            case "sparse-sign":
                return SketchFamily.sparseSign();
            default:
                return SketchFamily.srht();
        }
    }

    /** E X with the dense E, by plain loops. */
    private static DenseMatrix naiveSketch(SketchingOperator s, DenseMatrix x) {
        DenseMatrix e = s.toDense();
        DenseMatrix out = DenseMatrix.zeros(e.rows(), x.cols());
        for (int i = 0; i < e.rows(); i++) {
            for (int c = 0; c < x.cols(); c++) {
                double acc = 0;
                for (int j = 0; j < x.rows(); j++) {
                    acc += e.get(i, j) * x.get(j, c);
                }
                out.set(i, c, acc);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gaussian", "sparse-sign", "srht"})
    void agreesWithTheNaiveFormula(String sketch) {
        AttentionInput in = AttentionInputs.lowRankQK(200, 16, 8, 1.0, SEED.split(0));
        LinformerAttention method =
                new LinformerAttention(LinformerOptions.of(24).withSketch(family(sketch)), SEED.split(1));
        SketchingOperator[] ef = method.projections(200);
        DenseMatrix twin = ReferenceAttention.compute(
                in.q(), naiveSketch(ef[0], in.k()), naiveSketch(ef[1], in.v()), AttentionMask.NONE, 0.25);
        assertThat(KernelLowRankTesting.relativeError(method.compute(in.q(), in.k(), in.v()), twin))
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void sketchFamilyMatters() {
        AttentionInput in = AttentionInputs.lowRankQK(200, 16, 8, 1.0, SEED.split(2));
        DenseMatrix gaussian =
                new LinformerAttention(LinformerOptions.of(24), SEED.split(3)).compute(in.q(), in.k(), in.v());
        DenseMatrix srht = new LinformerAttention(
                        LinformerOptions.of(24).withSketch(SketchFamily.srht()), SEED.split(3))
                .compute(in.q(), in.k(), in.v());
        assertThat(KernelLowRankTesting.relativeError(srht, gaussian)).isGreaterThan(1e-6);
    }

    @Test
    void sharingUsesOneProjectionForKeysAndValues() {
        LinformerAttention shared =
                new LinformerAttention(LinformerOptions.of(8).withSharedProjection(true), SEED.split(4));
        LinformerAttention separate = new LinformerAttention(LinformerOptions.of(8), SEED.split(4));
        SketchingOperator[] s = shared.projections(50);
        SketchingOperator[] t = separate.projections(50);
        assertThat(s[1].toDense().toColumnMajorArray()).isEqualTo(s[0].toDense().toColumnMajorArray());
        assertThat(KernelLowRankTesting.maxAbsDiff(t[1].toDense(), t[0].toDense()))
                .isGreaterThan(0.1);
    }

    @Test
    void keyPaddingEqualsDroppingTheMaskedKeys() {
        AttentionInput in = AttentionInputs.lowRankQK(90, 8, 4, 1.0, SEED.split(5));
        AttentionMask mask = KernelLowRankTesting.everyThirdPadded(90);
        LinformerAttention method = new LinformerAttention(LinformerOptions.of(16), SEED.split(6));
        DenseMatrix padded = method.compute(in.q(), in.k(), in.v(), mask);
        DenseMatrix dropped =
                method.compute(in.q(), LowRankSupport.keptRows(in.k(), mask), LowRankSupport.keptRows(in.v(), mask));
        assertThat(padded.toColumnMajorArray()).isEqualTo(dropped.toColumnMajorArray());
    }

    @Test
    void sameStateGivesIdenticalBits() {
        AttentionInput in = AttentionInputs.lowRankQK(100, 8, 4, 1.0, SEED.split(7));
        DenseMatrix a = new LinformerAttention(LinformerOptions.of(16), SEED.split(8)).compute(in.q(), in.k(), in.v());
        DenseMatrix b = new LinformerAttention(LinformerOptions.of(16), SEED.split(8)).compute(in.q(), in.k(), in.v());
        assertThat(a.toColumnMajorArray()).isEqualTo(b.toColumnMajorArray());
    }

    @Test
    void refusesCausalMasks() {
        AttentionInput in = AttentionInputs.lowRankQK(40, 8, 4, 1.0, SEED.split(9));
        assertThatThrownBy(() -> new LinformerAttention(LinformerOptions.of(8), SEED)
                        .compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining("linformer");
    }

    @Test
    void rejectsBadLengths() {
        AttentionInput in = AttentionInputs.lowRankQK(40, 8, 4, 1.0, SEED.split(10));
        assertThatThrownBy(() -> new LinformerAttention(LinformerOptions.of(41), SEED).compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 41")
                .hasMessageContaining("m = 40");
        assertThatThrownBy(() -> LinformerOptions.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("projectedLength");
    }

    @Test
    void isRegistered() {
        assertThat(AttentionMethods.find("linformer"))
                .hasValueSatisfying(
                        m -> assertThat(!m.supportsCausal() && m.randomized()).isTrue());
    }
}
