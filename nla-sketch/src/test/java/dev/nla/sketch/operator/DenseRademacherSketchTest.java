package dev.nla.sketch.operator;

class DenseRademacherSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return DenseSketch.of(DenseSketch.Entries.RADEMACHER, d, m);
    }
}
