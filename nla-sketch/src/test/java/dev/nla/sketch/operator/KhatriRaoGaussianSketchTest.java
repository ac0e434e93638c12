package dev.nla.sketch.operator;

class KhatriRaoGaussianSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return KhatriRaoSketch.gaussian(d, TestShapes.modes(m));
    }
}
