package dev.nla.sketch.operator;

class LeverageSamplingTest extends SketchingOperatorContract {
    /** Scores 1, 2, ..., 5, 1, 2, ...: nonuniform, all positive. */
    static double[] scores(int m) {
        double[] s = new double[m];
        for (int j = 0; j < m; j++) {
            s[j] = 1 + j % 5;
        }
        return s;
    }

    @Override
    SketchingDistribution distribution(int d, int m) {
        return LeverageSampling.of(d, scores(m));
    }
}
