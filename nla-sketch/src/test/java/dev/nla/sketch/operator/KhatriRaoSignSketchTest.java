package dev.nla.sketch.operator;

class KhatriRaoSignSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return KhatriRaoSketch.sign(d, TestShapes.modes(m));
    }
}
