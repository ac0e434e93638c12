package dev.nla.sketch.operator;

class UniformSamplingWithReplacementTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return UniformSampling.of(d, m, true);
    }
}
