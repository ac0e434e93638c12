package dev.nla.sketch.operator;

class UniformSamplingWithoutReplacementTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return UniformSampling.of(d, m, false);
    }

    @Override
    boolean supports(int d, int m) {
        return d <= m;
    }
}
