package dev.nla.bench.kernels;

import java.util.Objects;

/**
 * Deterministic, seeded benchmark inputs: entry \((i, j)\) of stream \(s\) under seed \(\sigma\)
 * is a pure function of \((\sigma, s, i, j)\), so any block can be regenerated on its own and two
 * runs with the same seed see bitwise-identical data.
 *
 * <p>The function is the SplitMix64 finalizer applied to a Weyl sequence over the linear index
 * (a counter-based hash, statistically good enough for benchmark inputs; it is not the library's
 * Philox generator and must not be used for statistical work).
 */
public final class TestData {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private TestData() {}

    /**
     * A compact column-major \(m \times n\) array with entries uniform in \([-1/2, 1/2)\).
     *
     * @param m      rows, {@code >= 0}
     * @param n      columns, {@code >= 0}
     * @param seed   the seed
     * @param stream which independent stream (e.g. 0 for \(A\), 1 for \(B\))
     * @return a new array of length \(mn\)
     * @throws IllegalArgumentException if a size is negative or \(mn\) exceeds the largest Java array
     */
    public static double[] uniform(int m, int n, long seed, long stream) {
        if (m < 0 || n < 0) {
            throw new IllegalArgumentException("sizes must be non-negative, got " + m + " x " + n);
        }
        long len = (long) m * n;
        if (len > Integer.MAX_VALUE - 8L) {
            throw new IllegalArgumentException(m + " x " + n + " = " + len + " entries exceed a Java array");
        }
        double[] a = new double[(int) len];
        long base = mix(seed ^ mix(stream + GOLDEN));
        for (int i = 0; i < a.length; i++) {
            a[i] = unit(mix(base + (i + 1L) * GOLDEN)) - 0.5;
        }
        return a;
    }

    /**
     * A compact column-major lower-triangular \(m \times m\) matrix that is well conditioned: the
     * strictly lower entries are uniform in \([-1/2, 1/2)\), the diagonal entries are \(m\) plus a
     * uniform number in \([-1/2, 1/2)\), and the upper triangle is zero. Strict diagonal dominance
     * by rows (\(|l_{ii}| \ge m - 1/2 \gt \sum_{j \lt i} |l_{ij}|\)) keeps forward substitution
     * free of overflow.
     *
     * @param m      order, {@code >= 0}
     * @param seed   the seed
     * @param stream which independent stream
     * @return a new array of length \(m^2\)
     * @throws IllegalArgumentException if {@code m} is negative or \(m^2\) exceeds the largest Java
     *     array
     */
    public static double[] lowerTriangular(int m, long seed, long stream) {
        double[] l = uniform(m, m, seed, stream);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < j; i++) {
                l[i + j * m] = 0.0;
            }
            l[j + j * m] += m;
        }
        return l;
    }

    /**
     * Copies an array (a convenience for restoring inputs that a kernel overwrites).
     *
     * @param source the array; not modified
     * @param target same length; overwritten
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the lengths differ
     */
    public static void copy(double[] source, double[] target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.length != target.length) {
            throw new IllegalArgumentException("lengths differ: source " + source.length + ", target " + target.length);
        }
        System.arraycopy(source, 0, target, 0, source.length);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
