package dev.nla.sketch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.sketch.operator.SketchFamily;
import org.junit.jupiter.api.Test;

class SketchAndPreconditionOptionsTest {
    @Test
    void defaultsAreDocumented() {
        SketchAndPreconditionOptions o = SketchAndPreconditionOptions.defaults();
        assertThat(o.sketch().name()).isEqualTo("sparse-sign");
        assertThat(o.sketchFactor()).isEqualTo(4.0);
        assertThat(o.preconditioner()).isEqualTo(Factorization.QR);
        assertThat(o.rankTolerance()).isEqualTo(1e-12);
        assertThat(o.warmStart()).isTrue();
        assertThat(o.lsqr()).isEqualTo(LsqrOptions.preconditioned());
    }

    @Test
    void toBuilderRoundTrips() {
        SketchAndPreconditionOptions o = SketchAndPreconditionOptions.builder()
                .sketch(SketchFamily.gaussian())
                .sketchFactor(2.5)
                .preconditioner(Factorization.SVD)
                .rankTolerance(1e-9)
                .warmStart(false)
                .lsqr(LsqrOptions.defaults())
                .build();
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }

    @Test
    void rejectsASketchFactorBelowOne() {
        assertThatThrownBy(() ->
                        SketchAndPreconditionOptions.builder().sketchFactor(0.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sketchFactor")
                .hasMessageContaining("0.5");
    }

    @Test
    void rejectsANanSketchFactor() {
        assertThatThrownBy(() -> SketchAndPreconditionOptions.builder()
                        .sketchFactor(Double.NaN)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void rejectsANegativeRankTolerance() {
        assertThatThrownBy(() -> SketchAndPreconditionOptions.builder()
                        .rankTolerance(-1e-3)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rankTolerance")
                .hasMessageContaining("-0.001");
    }

    @Test
    void rejectsARankToleranceOfOne() {
        assertThatThrownBy(() -> SketchAndPreconditionOptions.builder()
                        .rankTolerance(1.0)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rankTolerance");
    }

    @Test
    void rejectsANullSketch() {
        assertThatThrownBy(() ->
                        SketchAndPreconditionOptions.builder().sketch(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("sketch");
    }

    @Test
    void rejectsNullLsqrOptions() {
        assertThatThrownBy(
                        () -> SketchAndPreconditionOptions.builder().lsqr(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("lsqr");
    }
}
