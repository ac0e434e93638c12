package dev.nla.sketch.operator;

class DenseGaussianSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return DenseSketch.of(DenseSketch.Entries.GAUSSIAN, d, m);
    }
}
