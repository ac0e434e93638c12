package dev.nla.sketch.operator;

class DenseUniformSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return DenseSketch.of(DenseSketch.Entries.UNIFORM, d, m);
    }
}
