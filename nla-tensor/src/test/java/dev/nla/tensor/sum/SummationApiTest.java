package dev.nla.tensor.sum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Names, options, diagnostics and the streaming one-pass API. */
class SummationApiTest {
    @ParameterizedTest
    @EnumSource(SummationStrategy.class)
    void strategiesAreFoundByEitherSpelling(SummationStrategy s) {
        assertThat(SummationStrategy.byName(s.displayName())).isSameAs(s);
        assertThat(SummationStrategy.byName(s.name())).isSameAs(s);
        assertThat(TuckerSummation.of(s.displayName(), SummationOptions.defaults())
                        .strategy())
                .isSameAs(s);
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> SummationStrategy.byName("fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fast'")
                .hasMessageContaining("ADAPTIVE");
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> SummationOptions.builder().incrementFraction(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("incrementFraction");
        assertThatThrownBy(() -> SummationOptions.builder().oversampling(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oversampling");
        assertThatThrownBy(() -> SummationOptions.builder().coreSketchRatio(0.5).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(SummationStrategy.class)
    void everyStrategyIsExactOnASmallLowRankSum(SummationStrategy s) {
        TuckerSum x = SyntheticTuckerSums.compressible(new int[] {30, 25, 20}, 4, 3, 6, RngState.seed(2));
        Truncation t = s == SummationStrategy.ADAPTIVE ? Truncation.tolerance(1e-10) : Truncation.rank(6);
        SummationResult r = TuckerSummation.of(s).sum(x, t, RngState.seed(3));
        assertThat(r.diagnostics().strategy()).isSameAs(s);
        assertThat(r.diagnostics().phaseNanos()).isNotEmpty();
        assertThat(SumCases.error(x, r.tensor())).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void deterministicDiagnosticsReportTheTruncationError() {
        TuckerSum x = SyntheticTuckerSums.perturbedLowRank(new int[] {30, 25, 20}, 5, 1e-3, RngState.seed(4));
        SummationResult r =
                TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING).sum(x, Truncation.rank(5), RngState.seed(1));
        double err = SumCases.error(x, r.tensor());
        // exact bases: the reported bound is the true error up to rounding
        assertThat(r.diagnostics().estimatedError()).isCloseTo(err, org.assertj.core.data.Offset.offset(1e-3 * err));
    }

    @Test
    void onePassSketchStreamsSummandsAndMatchesTheBatchCall() {
        TuckerSum x = SyntheticTuckerSums.compressible(new int[] {30, 25, 20}, 4, 3, 6, RngState.seed(5));
        OnePassSketch sketch =
                OnePassSketch.create(x.modeSizes(), Truncation.rank(6), SummationOptions.defaults(), RngState.seed(6));
        for (int j = 0; j < x.size(); j++) {
            sketch.add(x.alpha(j), x.term(j));
        }
        assertThat(sketch.count()).isEqualTo(4);
        SummationResult streamed = sketch.finish();
        SummationResult batch =
                TuckerSummation.of(SummationStrategy.ONE_PASS).sum(x, Truncation.rank(6), RngState.seed(6));
        assertThat(Reconstruction.full(streamed.tensor())).isEqualTo(Reconstruction.full(batch.tensor()));
    }

    @Test
    void emptyOnePassSketchRefusesToFinish() {
        OnePassSketch sketch = OnePassSketch.create(
                new int[] {4, 4}, Truncation.rank(2), SummationOptions.defaults(), RngState.seed(1));
        assertThatThrownBy(sketch::finish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void onePassSketchRejectsAnotherShape() {
        OnePassSketch sketch = OnePassSketch.create(
                new int[] {4, 4}, Truncation.rank(2), SummationOptions.defaults(), RngState.seed(1));
        TuckerTensor other = TestTensors.gaussianTucker(new int[] {4, 5}, new int[] {1, 1}, RngState.seed(2));
        assertThatThrownBy(() -> sketch.add(1.0, other))
                .isInstanceOf(dev.nla.core.error.DimensionMismatchException.class)
                .hasMessageContaining("[4, 5]");
    }
}
