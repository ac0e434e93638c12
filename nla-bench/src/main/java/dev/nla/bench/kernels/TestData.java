package dev.nla.bench.kernels;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import java.util.Objects;

/**
 * Seeded benchmark and experiment inputs, drawn with the library's counter-based generator
 * ({@link RandomMatrices}): the same state gives bitwise-identical data on every machine and
 * thread count.
 */
public final class TestData {
    private TestData() {}

    /**
     * A compact column-major \(m \times n\) array with entries uniform in \((-1/2, 1/2)\): {@link
     * ScalarDistribution#UNIFORM_01} shifted by \(-1/2\).
     *
     * @param m     rows, {@code >= 0}
     * @param n     columns, {@code >= 0}
     * @param state the random state (use {@link RngState#split(long)} for independent inputs); not
     *              modified
     * @return a new array of length \(mn\)
     * @throws NullPointerException     if {@code state} is null
     * @throws IllegalArgumentException if a size is negative or \(mn\) exceeds the largest matrix
     */
    public static double[] uniform(int m, int n, RngState state) {
        Objects.requireNonNull(state, "state");
        DenseMatrix a = RandomMatrices.generate(m, n, ScalarDistribution.UNIFORM_01, state)
                .value();
        double[] data = a.data();
        for (int i = 0; i < data.length; i++) {
            data[i] -= 0.5;
        }
        return data;
    }

    /**
     * A compact column-major lower-triangular \(m \times m\) matrix that is well conditioned: the
     * strictly lower entries are uniform in \((-1/2, 1/2)\), the diagonal entries are \(m\) plus a
     * uniform number in \((-1/2, 1/2)\), and the upper triangle is zero. Strict diagonal dominance
     * by rows (\(|l_{ii}| \gt m - 1/2 \gt \sum_{j \lt i} |l_{ij}|\)) bounds \(\kappa_\infty(L) \le 3\)
     * and keeps forward substitution free of overflow.
     *
     * @param m     order, {@code >= 0}
     * @param state the random state; not modified
     * @return a new array of length \(m^2\)
     * @throws NullPointerException     if {@code state} is null
     * @throws IllegalArgumentException if {@code m} is negative or \(m^2\) exceeds the largest matrix
     */
    public static double[] lowerTriangular(int m, RngState state) {
        double[] l = uniform(m, m, state);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < j; i++) {
                l[i + j * m] = 0.0;
            }
            l[j + j * m] += m;
        }
        return l;
    }
}
