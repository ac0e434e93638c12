package dev.nla.sketch.estimate;

/** Sample statistics, summed sequentially in index order (reproducible). */
final class Stats {
    private Stats() {}

    /** The mean; NaN for no samples. */
    static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** The sample standard deviation (denominator \(k - 1\)); NaN for fewer than two samples. */
    static double standardDeviation(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mean = mean(x);
        double s = 0;
        for (double v : x) {
            double d = v - mean;
            s += d * d;
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** \(s/\sqrt k\); NaN for fewer than two samples. */
    static double standardError(double[] x) {
        return standardDeviation(x) / Math.sqrt(x.length);
    }
}
