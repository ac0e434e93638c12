package dev.nla.sketch.operator;

class CountSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return SparseSignSketch.countSketch(d, m);
    }
}
