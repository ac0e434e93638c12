package dev.nla.sketch.internal;

/**
 * The fast Walsh–Hadamard transform, in place and unnormalised: \(x \leftarrow H_n x\) with the
 * Sylvester-ordered Hadamard matrix \(H_n[i, j] = (-1)^{\operatorname{popcount}(i \wedge j)}\),
 * \(n = 2^k\). \(H_n\) is symmetric and \(H_n^2 = nI\).
 *
 * <p>Cost \(n \log_2 n\) additions, no multiplication and no temporary. The stages are fused in
 * pairs (radix 4), and the short stages run on blocks of {@value #BLOCK} entries that stay in the
 * level-1 cache before the long stages sweep the whole vector. Every entry of the result is computed
 * by the same additions in the same order as in the textbook stage-by-stage loop, so the result does
 * not depend on the blocking.
 */
public final class Hadamard {
    /** Length of the cache blocks of the short stages (16 KiB of doubles). */
    static final int BLOCK = 2048;

    private Hadamard() {}

    /**
     * Whether {@code n} is a power of two ({@code n >= 1}).
     *
     * @param n the length
     * @return {@code true} for 1, 2, 4, ...
     */
    public static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /**
     * The smallest power of two \(\ge n\).
     *
     * @param n the length, {@code 1 <= n <= 2^30}
     * @return \(2^{\lceil \log_2 n \rceil}\)
     * @throws IllegalArgumentException if {@code n} is outside {@code [1, 2^30]}
     */
    public static int nextPowerOfTwo(int n) {
        if (n < 1 || n > (1 << 30)) {
            throw new IllegalArgumentException("length must be in [1, 2^30] to pad to a power of two, got " + n);
        }
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * Transforms {@code x[offset : offset + n]} in place: \(x \leftarrow H_n x\).
     *
     * @param x      the array; the segment is overwritten
     * @param offset start of the segment
     * @param n      length, a power of two
     * @throws IllegalArgumentException if {@code n} is not a power of two
     */
    public static void transform(double[] x, int offset, int n) {
        if (!isPowerOfTwo(n)) {
            throw new IllegalArgumentException("Walsh-Hadamard length must be a power of two, got " + n);
        }
        int block = Math.min(n, BLOCK);
        for (int s = 0; s < n; s += block) {
            stages(x, offset + s, block, 1, block);
        }
        stages(x, offset, n, block, n);
    }

    /** Runs the stages with half-lengths {@code h} in {@code [from, to)} over {@code x[off : off + n]}. */
    private static void stages(double[] x, int off, int n, int from, int to) {
        int h = from;
        if (h == 1 && to >= 4) {
            radix4First(x, off, n);
            h = 4;
        }
        while (h < to) {
            if (2 * h < to) {
                radix4(x, off, n, h);
                h <<= 2;
            } else {
                radix2(x, off, n, h);
                h <<= 1;
            }
        }
    }

    /** Stages h = 1 and 2 fused on groups of four. */
    private static void radix4First(double[] x, int off, int n) {
        for (int i = off, end = off + n; i < end; i += 4) {
            double a = x[i];
            double b = x[i + 1];
            double c = x[i + 2];
            double d = x[i + 3];
            double s0 = a + b;
            double d0 = a - b;
            double s1 = c + d;
            double d1 = c - d;
            x[i] = s0 + s1;
            x[i + 1] = d0 + d1;
            x[i + 2] = s0 - s1;
            x[i + 3] = d0 - d1;
        }
    }

    /** Stages h and 2h fused. */
    private static void radix4(double[] x, int off, int n, int h) {
        for (int i = off, end = off + n; i < end; i += 4 * h) {
            for (int j = i, stop = i + h; j < stop; j++) {
                double a = x[j];
                double b = x[j + h];
                double c = x[j + 2 * h];
                double d = x[j + 3 * h];
                double s0 = a + b;
                double d0 = a - b;
                double s1 = c + d;
                double d1 = c - d;
                x[j] = s0 + s1;
                x[j + h] = d0 + d1;
                x[j + 2 * h] = s0 - s1;
                x[j + 3 * h] = d0 - d1;
            }
        }
    }

    /** One stage with half-length h. */
    private static void radix2(double[] x, int off, int n, int h) {
        for (int i = off, end = off + n; i < end; i += 2 * h) {
            for (int j = i, stop = i + h; j < stop; j++) {
                double a = x[j];
                double b = x[j + h];
                x[j] = a + b;
                x[j + h] = a - b;
            }
        }
    }
}
