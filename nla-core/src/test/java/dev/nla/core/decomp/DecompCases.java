package dev.nla.core.decomp;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix families of the acceptance criteria, generated deterministically from seeds: Gaussian,
 * prescribed singular values up to condition \(10^{15}\), rank-deficient, Kahan, graded, zero,
 * repeated and clustered singular values, constant (rank one with coherent rounding), over the shapes \(0 \times 0\), \(1 \times 1\), \(0 \times n\), \(n
 * \times 0\), tall, wide and square.
 */
final class DecompCases {
    private DecompCases() {}

    /** A named test matrix. */
    record Case(String name, DenseMatrix a) {
        @Override
        public String toString() {
            return name + " " + a.rows() + "x" + a.cols();
        }
    }

    static final String[] FAMILIES = {
        "gaussian",
        "cond1e15",
        "cond1e8",
        "rankDeficient",
        "kahan",
        "graded",
        "zero",
        "repeated",
        "clustered",
        "constant"
    };

    /** One matrix of {@code family} with the given shape; the seed selects the random factors. */
    static DenseMatrix general(String family, int m, int n, long seed) {
        RngState state = RngState.seed(seed);
        int k = Math.min(m, n);
        switch (family) {
            case "gaussian":
                return TestMatrices.gaussian(m, n, state);
            case "cond1e15":
                return TestMatrices.withSingularValues(m, n, decay(k, 1e15), state);
            case "cond1e8":
                return TestMatrices.withSingularValues(m, n, decay(k, 1e8), state);
            case "rankDeficient": {
                double[] s = new double[k];
                for (int i = 0; i < k / 2; i++) {
                    s[i] = 1.0 + i;
                }
                return TestMatrices.withSingularValues(m, n, s, state);
            }
            case "kahan": {
                DenseMatrix kh = TestMatrices.kahan(k, 1.2);
                DenseMatrix out = DenseMatrix.zeros(m, n);
                out.view(0, 0, k, k).copyFrom(kh);
                return out;
            }
            case "graded": {
                DenseMatrix g = TestMatrices.graded(k, gradingFor(k), state);
                DenseMatrix out = DenseMatrix.zeros(m, n);
                out.view(0, 0, k, k).copyFrom(g);
                if (m > k) {
                    out.view(k, 0, m - k, n).copyFrom(TestMatrices.gaussian(m - k, n, state.split(9)));
                    for (int j = 0; j < n; j++) {
                        for (int i = k; i < m; i++) {
                            out.set(i, j, out.get(i, j) * 1e-6);
                        }
                    }
                }
                return out;
            }
            case "zero":
                return DenseMatrix.zeros(m, n);
            case "constant": {
                // rank one with exactly repeated entries: the rounding noise left after the first
                // reflector pair is highly structured (coherent rounding), an adversarial case
                DenseMatrix c = DenseMatrix.zeros(m, n);
                c.fill(1.0);
                return c;
            }
            case "repeated": {
                double[] s = new double[k];
                for (int i = 0; i < k; i++) {
                    s[i] = i < k / 2 ? 3.0 : 1.0;
                }
                return TestMatrices.withSingularValues(m, n, s, state);
            }
            case "clustered": {
                double[] s = new double[k];
                for (int i = 0; i < k; i++) {
                    s[i] = 1.0 + 1e-10 * i;
                }
                return TestMatrices.withSingularValues(m, n, s, state);
            }
            default:
                throw new IllegalArgumentException(family);
        }
    }

    /** Singular values decaying geometrically from 1 to 1/condition (empty for k = 0, {1} for k = 1). */
    static double[] decay(int k, double condition) {
        if (k <= 1) {
            return k == 0 ? new double[0] : new double[] {1.0};
        }
        return TestMatrices.exponentialDecay(k, condition);
    }

    /** A grading factor that keeps the corner entry above the underflow threshold. */
    static double gradingFor(int n) {
        if (n <= 1) {
            return 2.0;
        }
        return Math.min(10.0, Math.exp(600.0 / (2.0 * (n - 1))));
    }

    /** A symmetric matrix of {@code family} of order n. */
    static DenseMatrix symmetric(String family, int n, long seed) {
        RngState state = RngState.seed(seed);
        switch (family) {
            case "gaussian": {
                DenseMatrix g = TestMatrices.gaussian(n, n, state);
                DenseMatrix s = DenseMatrix.zeros(n, n);
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        s.set(i, j, g.get(i, j) + g.get(j, i));
                    }
                }
                return s;
            }
            case "cond1e15":
                return TestMatrices.symmetricWithEigenvalues(signed(decay(n, 1e15)), state);
            case "cond1e8":
                return TestMatrices.symmetricWithEigenvalues(decay(n, 1e8), state);
            case "rankDeficient": {
                double[] l = new double[n];
                for (int i = 0; i < n / 2; i++) {
                    l[i] = (i % 2 == 0 ? 1 : -1) * (1.0 + i);
                }
                return TestMatrices.symmetricWithEigenvalues(l, state);
            }
            case "kahan": {
                DenseMatrix kh = TestMatrices.kahan(n, 1.2);
                DenseMatrix s = DenseMatrix.zeros(n, n);
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        s.set(i, j, kh.get(i, j) + kh.get(j, i));
                    }
                }
                return s;
            }
            case "graded": {
                DenseMatrix g = TestMatrices.graded(n, gradingFor(n), state);
                DenseMatrix s = DenseMatrix.zeros(n, n);
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        s.set(i, j, 0.5 * (g.get(i, j) + g.get(j, i)));
                    }
                }
                return s;
            }
            case "zero":
                return DenseMatrix.zeros(n, n);
            case "constant": {
                DenseMatrix c = DenseMatrix.zeros(n, n);
                c.fill(1.0);
                return c;
            }
            case "repeated": {
                double[] l = new double[n];
                for (int i = 0; i < n; i++) {
                    l[i] = i < n / 3 ? -2.0 : 5.0;
                }
                return TestMatrices.symmetricWithEigenvalues(l, state);
            }
            case "clustered": {
                double[] l = new double[n];
                for (int i = 0; i < n; i++) {
                    l[i] = 1.0 + 1e-10 * i;
                }
                return TestMatrices.symmetricWithEigenvalues(l, state);
            }
            default:
                throw new IllegalArgumentException(family);
        }
    }

    private static double[] signed(double[] x) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i += 2) {
            y[i] = -y[i];
        }
        return y;
    }

    /** Shapes of the default tier: degenerate, small, a few medium, one large. */
    static final int[][] SHAPES_FAST = {
        {0, 0}, {1, 1}, {0, 4}, {4, 0}, {1, 7}, {7, 1}, {2, 2}, {5, 3}, {3, 5}, {17, 17}, {40, 9}, {9, 40}, {33, 20},
        {20, 33}, {64, 64}, {130, 50}
    };

    /** The default-tier cases: every family on every shape (160 matrices). */
    static List<Case> fastGeneral() {
        List<Case> out = new ArrayList<>();
        long seed = 100;
        for (int[] s : SHAPES_FAST) {
            for (String f : FAMILIES) {
                out.add(new Case(f, general(f, s[0], s[1], seed++)));
            }
        }
        return out;
    }

    /** The tagged-tier cases: 10 families x 149 shapes up to 500 (1490 matrices). */
    static List<Case> slowGeneral() {
        List<Case> out = new ArrayList<>();
        long seed = 10_000;
        int[] sizes = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233};
        for (int a : sizes) {
            for (int b : sizes) {
                for (String f : FAMILIES) {
                    out.add(new Case(f, general(f, a, b, seed++)));
                }
            }
        }
        for (String f : FAMILIES) {
            out.add(new Case(f, general(f, 500, 500, seed++)));
            out.add(new Case(f, general(f, 500, 120, seed++)));
            out.add(new Case(f, general(f, 120, 500, seed++)));
            out.add(new Case(f, general(f, 0, 0, seed++)));
            out.add(new Case(f, general(f, 0, 30, seed++)));
        }
        return out;
    }

    /** Orders of the default-tier symmetric cases. */
    static final int[] ORDERS_FAST = {0, 1, 2, 3, 5, 8, 13, 20, 31, 48, 65, 70, 100, 150};

    /** The default-tier symmetric cases: every family at every order (140 matrices). */
    static List<Case> fastSymmetric() {
        List<Case> out = new ArrayList<>();
        long seed = 500;
        for (int n : ORDERS_FAST) {
            for (String f : FAMILIES) {
                out.add(new Case(f, symmetric(f, n, seed++)));
            }
        }
        return out;
    }

    /** The tagged-tier symmetric cases (1160 matrices up to order 500). */
    static List<Case> slowSymmetric() {
        List<Case> out = new ArrayList<>();
        long seed = 20_000;
        for (int n = 0; n < 112; n++) {
            for (String f : FAMILIES) {
                out.add(new Case(f, symmetric(f, n, seed++)));
            }
        }
        for (int n : new int[] {128, 200, 333, 500}) {
            for (String f : FAMILIES) {
                out.add(new Case(f, symmetric(f, n, seed++)));
            }
        }
        return out;
    }
}
