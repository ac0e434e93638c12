package dev.nla.sketch.operator;

import dev.nla.sketch.internal.Hadamard;

class SrhtSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return SrhtSketch.of(d, m);
    }

    @Override
    boolean supports(int d, int m) {
        return d <= Hadamard.nextPowerOfTwo(m);
    }
}
