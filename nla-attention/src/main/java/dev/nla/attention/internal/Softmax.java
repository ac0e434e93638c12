package dev.nla.attention.internal;

/**
 * The element-wise kernels of a softmax over the rows of a column-major tile: row maxima,
 * shifted exponentials with row sums, and row scaling, plus a fast double-precision {@link
 * #exp(double)}.
 *
 * <p><b>Layout.</b> A tile is \(r \times c\), column-major, at offset {@code off} with leading
 * dimension {@code ld}: entry \((i, j)\) is {@code t[off + i + j * ld]}. Row statistics are arrays
 * indexed by the row. The kernels vectorise across rows (a column segment is contiguous) and walk the
 * columns in increasing order, so every row's reduction is one sequential chain.
 *
 * <p><b>Determinism.</b> Each row is processed by the same sequence of IEEE operations in the Vector
 * API kernels and in the scalar twins (lane-wise {@code fma}, {@code max}, {@code add} round exactly
 * as {@code Math.fma}, {@code Math.max} and {@code +}); results are bitwise identical with and
 * without {@code jdk.incubator.vector} and for every split of the rows.
 *
 * <p><b>The exponential</b> (performance.md §8: {@code Math.exp} is a quarter of exact attention's
 * time). For \(x \in [-708, 709]\): \(k = \operatorname{round}(x \log_2 e)\) by adding the shifter
 * \(1.5 \cdot 2^{52}\) (one fused multiply-add), the reduced argument \(r = x - k\ln 2\) in two
 * Cody–Waite steps (\(\ln 2 = \ell_{hi} + \ell_{lo}\); the first step is exact), \(|r| \le
 * \tfrac12\ln 2\), then \(e^r\) by its Taylor polynomial of degree 13 in Horner form (truncation
 * error \(r^{14}/14! \lt 4.2 \cdot 10^{-18}\)), and \(e^x = e^r \cdot 2^k\) with \(2^k\) built from
 * the exponent bits. The measured error against {@code Math.exp} is at most 2 units in the last place
 * (see {@code SoftmaxTest}). Outside \([-708, 709]\), and for NaN and infinities, the value is
 * {@code Math.exp(x)} itself (so \(e^{-\infty} = 0\) exactly; in a vector, one lane out of range sends
 * the whole vector through {@code Math.exp}, which happens only on masked tiles).
 */
public final class Softmax {
    /** Lower end of the polynomial range; below it {@code Math.exp} (subnormal results, zero). */
    static final double LOW = -708.0;

    /** Upper end of the polynomial range; above it {@code Math.exp} (overflow to infinity). */
    static final double HIGH = 709.0;

    static final double LOG2E = 0x1.71547652b82fep0;
    static final double SHIFTER = 0x1.8p52;
    static final double LN2_HI = 0x1.62e42fefa39efp-1;
    static final double LN2_LO = 0x1.abc9e3b39803fp-56;

    // Taylor coefficients 1/i!, i = 0..13 (named constants so that the JIT folds them).
    static final double C0 = 1.0;
    static final double C1 = 1.0;
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800.0;

    /** The implementation: Vector API when the module and hardware allow, else scalar. */
    static final Kernels KERNELS = load();

    private Softmax() {}

    /** The four tile loops, implemented by {@link ScalarKernels} and {@code VectorSoftmax}. */
    interface Kernels {
        void rowMax(double[] t, int off, int ld, int rows, int cols, double[] max);

        void expShiftSum(double[] t, int off, int ld, int rows, int cols, double[] shift, double[] sum);

        void scaleRows(double[] a, int off, int ld, int rows, int cols, double[] factor);

        void exp(double[] x, int off, int length);

        String name();
    }

    private static Kernels load() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Class<?> c = Class.forName("dev.nla.attention.internal.VectorSoftmax");
                if ((Boolean) c.getMethod("supported").invoke(null)) {
                    return (Kernels) c.getConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // No usable Vector API: the scalar kernels compute the same bits.
            }
        }
        return new ScalarKernels();
    }

    /**
     * Which kernels run: {@code "vector"} or {@code "scalar"}.
     *
     * @return the name of the active implementation
     */
    public static String implementation() {
        return KERNELS.name();
    }

    /**
     * The scalar kernels (the reference twin of the vector ones).
     *
     * @return the scalar implementation
     */
    static Kernels scalar() {
        return new ScalarKernels();
    }

    /**
     * \(e^x\) by the polynomial described in the class comment; {@code Math.exp(x)} outside \([-708,
     * 709]\).
     *
     * @param x the argument
     * @return \(e^x\) within 2 ulp
     */
    public static double exp(double x) {
        if (!(x >= LOW && x <= HIGH)) {
            return Math.exp(x);
        }
        double y = Math.fma(x, LOG2E, SHIFTER);
        double negK = SHIFTER - y;
        double r = Math.fma(negK, LN2_LO, Math.fma(negK, LN2_HI, x));
        double p = C13;
        p = Math.fma(p, r, C12);
        p = Math.fma(p, r, C11);
        p = Math.fma(p, r, C10);
        p = Math.fma(p, r, C9);
        p = Math.fma(p, r, C8);
        p = Math.fma(p, r, C7);
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, C1);
        p = Math.fma(p, r, C0);
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(y) + 1023L) << 52);
        return p * scale;
    }

    /**
     * Row maxima: {@code max[i] = max(max[i], t(i, j))} over the columns \(j\) of the tile.
     *
     * @param t    the tile storage; not modified
     * @param off  offset of entry \((0, 0)\)
     * @param ld   leading dimension
     * @param rows \(r\)
     * @param cols \(c\)
     * @param max  running maxima, length \(\ge r\); updated
     */
    public static void rowMax(double[] t, int off, int ld, int rows, int cols, double[] max) {
        KERNELS.rowMax(t, off, ld, rows, cols, max);
    }

    /**
     * Shifted exponentials with row sums: {@code t(i, j) = exp(t(i, j) - shift[i])} and {@code sum[i]
     * += t(i, j)}, columns in increasing order.
     *
     * @param t     the tile storage; overwritten with the exponentials
     * @param off   offset of entry \((0, 0)\)
     * @param ld    leading dimension
     * @param rows  \(r\)
     * @param cols  \(c\)
     * @param shift per-row shift, length \(\ge r\); not modified
     * @param sum   running sums, length \(\ge r\); updated
     */
    public static void expShiftSum(double[] t, int off, int ld, int rows, int cols, double[] shift, double[] sum) {
        KERNELS.expShiftSum(t, off, ld, rows, cols, shift, sum);
    }

    /**
     * Row scaling: {@code a(i, j) *= factor[i]}.
     *
     * @param a      the matrix storage; overwritten
     * @param off    offset of entry \((0, 0)\)
     * @param ld     leading dimension
     * @param rows   \(r\)
     * @param cols   \(c\)
     * @param factor per-row factor, length \(\ge r\); not modified
     */
    public static void scaleRows(double[] a, int off, int ld, int rows, int cols, double[] factor) {
        KERNELS.scaleRows(a, off, ld, rows, cols, factor);
    }

    /**
     * In-place exponential of a contiguous range: {@code x[i] = exp(x[i])}.
     *
     * @param x      the values; overwritten
     * @param off    first index
     * @param length number of values
     */
    public static void exp(double[] x, int off, int length) {
        KERNELS.exp(x, off, length);
    }

    /** The scalar kernels; also the tails of the vector ones. */
    static final class ScalarKernels implements Kernels {
        @Override
        public void rowMax(double[] t, int off, int ld, int rows, int cols, double[] max) {
            rowMaxScalar(t, off, ld, 0, rows, cols, max);
        }

        @Override
        public void expShiftSum(double[] t, int off, int ld, int rows, int cols, double[] shift, double[] sum) {
            expShiftSumScalar(t, off, ld, 0, rows, cols, shift, sum);
        }

        @Override
        public void scaleRows(double[] a, int off, int ld, int rows, int cols, double[] factor) {
            scaleRowsScalar(a, off, ld, 0, rows, cols, factor);
        }

        @Override
        public void exp(double[] x, int off, int length) {
            for (int i = 0; i < length; i++) {
                x[off + i] = Softmax.exp(x[off + i]);
            }
        }

        @Override
        public String name() {
            return "scalar";
        }
    }

    static void rowMaxScalar(double[] t, int off, int ld, int from, int to, int cols, double[] max) {
        for (int i = from; i < to; i++) {
            double m = max[i];
            int p = off + i;
            for (int j = 0; j < cols; j++, p += ld) {
                m = Math.max(m, t[p]);
            }
            max[i] = m;
        }
    }

    static void expShiftSumScalar(
            double[] t, int off, int ld, int from, int to, int cols, double[] shift, double[] sum) {
        for (int i = from; i < to; i++) {
            double s = shift[i];
            double acc = sum[i];
            int p = off + i;
            for (int j = 0; j < cols; j++, p += ld) {
                double e = exp(t[p] - s);
                t[p] = e;
                acc += e;
            }
            sum[i] = acc;
        }
    }

    static void scaleRowsScalar(double[] a, int off, int ld, int from, int to, int cols, double[] factor) {
        for (int j = 0; j < cols; j++) {
            int base = off + j * ld;
            for (int i = from; i < to; i++) {
                a[base + i] *= factor[i];
            }
        }
    }
}
