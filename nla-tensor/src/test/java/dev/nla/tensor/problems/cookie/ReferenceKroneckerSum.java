package dev.nla.tensor.problems.cookie;

import dev.nla.tensor.tensor.DenseTensor;

/**
 * Naive reference twin of {@link ParametricCookieOperator#apply}: the Kronecker sum applied to a full
 * tensor by loops over multi-indices, \(Y(:, i) = (A_0 + \sum_\mu \rho_\mu^{(i_\mu)}A_\mu)X(:, i)\).
 */
final class ReferenceKroneckerSum {
    private ReferenceKroneckerSum() {}

    static DenseTensor apply(CookieProblem problem, double[][] samples, DenseTensor x) {
        int[] shape = x.shape();
        DenseTensor y = DenseTensor.zeros(shape);
        int fibres = x.elementCount() / shape[0];
        for (int f = 0; f < fibres; f++) {
            int[] index = x.multiIndex(f * shape[0]);
            double[] rho = new double[samples.length];
            for (int mu = 0; mu < samples.length; mu++) {
                rho[mu] = samples[mu][index[mu + 1]];
            }
            var a = problem.operator(rho);
            for (int i = 0; i < shape[0]; i++) {
                double s = 0;
                for (int j = 0; j < shape[0]; j++) {
                    double v = a.get(i, j);
                    if (v != 0) {
                        index[0] = j;
                        s += v * x.get(index);
                    }
                }
                index[0] = i;
                y.set(s, index);
            }
        }
        return y;
    }
}
