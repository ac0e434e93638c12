package dev.nla.sketch.operator;

class KroneckerSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        int[] modes = TestShapes.modes(m);
        return KroneckerSketch.gaussian(TestShapes.factor(d, modes.length), modes);
    }
}
