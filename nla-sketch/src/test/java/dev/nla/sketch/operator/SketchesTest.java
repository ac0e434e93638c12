package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SketchesTest {
    @Test
    void rangeFinderDefaultIsGaussian() {
        assertThat(Sketches.forRangeFinder(12, 300)).isEqualTo(DenseSketch.gaussian(12, 300));
    }

    @Test
    void subspaceEmbeddingDefaultIsSparseSignWithEightNonzeros() {
        assertThat(Sketches.forSubspaceEmbedding(40, 300)).isEqualTo(SparseSignSketch.of(40, 300, 8));
    }

    @Test
    void factoriesMakeTheNamedDistributions() {
        assertThat(Sketches.rademacher(3, 4)).isEqualTo(DenseSketch.rademacher(3, 4));
        assertThat(Sketches.uniform(3, 4)).isEqualTo(DenseSketch.uniform(3, 4));
        assertThat(Sketches.sparseSign(3, 4, 2)).isEqualTo(SparseSignSketch.of(3, 4, 2));
        assertThat(Sketches.countSketch(3, 4)).isEqualTo(SparseSignSketch.countSketch(3, 4));
        assertThat(Sketches.srht(3, 4)).isEqualTo(SrhtSketch.of(3, 4));
        assertThat(Sketches.srft(3, 4)).isEqualTo(SrftSketch.of(3, 4));
        assertThat(Sketches.lessUniform(3, 4, 2)).isEqualTo(LessUniformSketch.of(3, 4, 2));
        assertThat(Sketches.uniformSampling(3, 4, false)).isEqualTo(UniformSampling.of(3, 4, false));
        assertThat(Sketches.leverageSampling(3, new double[] {1, 2}))
                .isEqualTo(LeverageSampling.of(3, new double[] {1, 2}));
        assertThat(Sketches.khatriRao(3, 2, 2)).isEqualTo(KhatriRaoSketch.gaussian(3, 2, 2));
        assertThat(Sketches.kronecker(new int[] {3}, new int[] {4}))
                .isEqualTo(KroneckerSketch.gaussian(new int[] {3}, new int[] {4}));
    }
}
