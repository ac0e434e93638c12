package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SketchFamilyTest {
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(SketchFamily.gaussian(), "gaussian", DenseSketch.gaussian(6, 40)),
                Arguments.of(SketchFamily.rademacher(), "rademacher", DenseSketch.rademacher(6, 40)),
                Arguments.of(SketchFamily.uniform(), "uniform", DenseSketch.uniform(6, 40)),
                Arguments.of(SketchFamily.sparseSign(), "sparse-sign", SparseSignSketch.of(6, 40, 6)),
                Arguments.of(SketchFamily.sparseSign(4), "sparse-sign(4)", SparseSignSketch.of(6, 40, 4)),
                Arguments.of(SketchFamily.sparseSign(9), "sparse-sign(9)", SparseSignSketch.of(6, 40, 6)),
                Arguments.of(SketchFamily.countSketch(), "countsketch", SparseSignSketch.countSketch(6, 40)),
                Arguments.of(SketchFamily.srht(), "srht", SrhtSketch.of(6, 40)),
                Arguments.of(SketchFamily.srft(), "srft", SrftSketch.of(6, 40)),
                Arguments.of(SketchFamily.lessUniform(50), "less-uniform(50)", LessUniformSketch.of(6, 40, 40)),
                Arguments.of(SketchFamily.uniformSampling(true), "uniform-sampling", UniformSampling.of(6, 40, true)),
                Arguments.of(
                        SketchFamily.uniformSampling(false),
                        "uniform-sampling-without-replacement",
                        UniformSampling.of(6, 40, false)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("families")
    void makesTheDocumentedDistribution(SketchFamily family, String name, SketchingDistribution expected) {
        assertThat(family.of(6, 40)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("families")
    void hasItsName(SketchFamily family, String name, SketchingDistribution expected) {
        assertThat(family.name()).isEqualTo(name);
    }

    @Test
    void rejectsZeroNonzeros() {
        assertThatThrownBy(() -> SketchFamily.sparseSign(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void namedFamilyRejectsNullFactory() {
        assertThatThrownBy(() -> SketchFamily.named("x", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("factory");
    }
}
