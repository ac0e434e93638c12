package dev.nla.sketch.operator;

class SparseSignSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return SparseSignSketch.of(d, m);
    }
}
