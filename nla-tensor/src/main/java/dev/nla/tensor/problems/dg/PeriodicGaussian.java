package dev.nla.tensor.problems.dg;

import dev.nla.core.error.Require;
import java.util.function.DoubleUnaryOperator;

/**
 * The periodised Gaussian bump \(g(x) = \sum_{p \in \mathbb{Z}} \exp(-(x - c - p)^2/(2w^2))\) on
 * \([0, 1)\), the initial data family of the parametric DG problem ({@link ParametricDgOperator}).
 *
 * <p>Its Fourier coefficients are \(\hat g_q = w\sqrt{2\pi}\,e^{-2\pi^2q^2w^2}e^{-2\pi iqc}\), so
 * relative to \(\hat g_0\) they fall below \(\varepsilon\) for \(|q| \gt \sqrt{\ln(1/\varepsilon)/(2\pi^2)}
 * /w\): about \(1.1/w\) modes at \(\varepsilon = 10^{-10}\), hence a grid function of rank about
 * \(2.2/w\) in the element index (cosines and sines). The sum over images \(p\) is truncated where the
 * next image is below \(e^{-40} \approx 4\cdot10^{-18}\) of the peak: \(|p| \le \lceil \tfrac12 +
 * w\sqrt{80}\rceil\).
 *
 * @param center \(c\), finite
 * @param width  \(w \gt 0\), finite
 */
public record PeriodicGaussian(double center, double width) implements DoubleUnaryOperator {
    /**
     * Validates the parameters.
     *
     * @param center \(c\), finite
     * @param width  \(w\), positive and finite
     * @throws IllegalArgumentException if {@code center} is not finite or {@code width} is not
     *     positive and finite
     */
    public PeriodicGaussian {
        Require.finite("center", center);
        Require.positive("width", width);
    }

    /**
     * Evaluates \(g(x)\).
     *
     * @param x the point (any real; \(g\) has period 1)
     * @return \(g(x)\)
     */
    @Override
    public double applyAsDouble(double x) {
        int images = (int) Math.ceil(0.5 + width * Math.sqrt(80.0));
        double y = x - center;
        y -= Math.floor(y + 0.5); // the representative in [-1/2, 1/2)
        double sum = 0;
        for (int p = -images; p <= images; p++) {
            double z = (y - p) / width;
            sum += Math.exp(-0.5 * z * z);
        }
        return sum;
    }
}
