package dev.nla.sketch.operator;

class LessUniformSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return LessUniformSketch.of(d, m, Math.min(4, m));
    }
}
