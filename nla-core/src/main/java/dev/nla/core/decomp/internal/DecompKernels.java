package dev.nla.core.decomp.internal;

/**
 * The innermost loops of the decompositions that are not BLAS calls: sequences of plane rotations
 * applied to column pairs (LAPACK {@code dlasr}, side R, pivot V) and compensated dot products.
 *
 * <p>Two implementations exist: {@link ScalarDecompKernels} (plain Java) and {@code
 * VectorDecompKernels} (Vector API), chosen once, in {@link #INSTANCE}: the Vector API one when
 * {@code jdk.incubator.vector} is in the boot layer and the hardware has at least two double lanes.
 * Both give the same results up to the order of the floating-point operations inside a dot
 * product (rotations: identical operations per entry, up to FMA contraction).
 */
interface DecompKernels {
    /** The kernels in use in this JVM. */
    DecompKernels INSTANCE = select();

    /**
     * The Vector API kernels if they can run here, else the scalar ones.
     *
     * @return the kernels
     */
    private static DecompKernels select() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Class<?> k = Class.forName("dev.nla.core.decomp.internal.VectorDecompKernels");
                if ((Boolean) k.getDeclaredMethod("hardwareSupported").invoke(null)) {
                    return (DecompKernels) k.getDeclaredConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarDecompKernels();
            }
        }
        return new ScalarDecompKernels();
    }

    /**
     * Name of the implementation, for diagnostics.
     *
     * @return {@code "vector"} or {@code "scalar"}
     */
    String name();

    /**
     * Applies a sequence of rotations to rows {@code [rowStart, rowEnd)}. Rotation \(j\) acts on
     * columns \(k + j\) and \(k + j + 1\): \(x \leftarrow c_j x + s_j y\), \(y \leftarrow c_j y -
     * s_j x\); forward sequences apply \(j = 0, 1, \dots\), backward ones the reverse order.
     *
     * @param a        storage; overwritten
     * @param off      index of entry (0, 0)
     * @param ld       leading dimension
     * @param rowStart first row
     * @param rowEnd   one past the last row
     * @param col0     first column \(k\)
     * @param count    number of rotations (the sequence touches {@code count + 1} columns)
     * @param c        cosines, {@code c[cOff + j]}; not modified
     * @param cOff     offset in {@code c}
     * @param s        sines, {@code s[sOff + j]}; not modified
     * @param sOff     offset in {@code s}
     * @param forward  order of application
     */
    void applyRotations(
            double[] a,
            int off,
            int ld,
            int rowStart,
            int rowEnd,
            int col0,
            int count,
            double[] c,
            int cOff,
            double[] s,
            int sOff,
            boolean forward);

    /**
     * \(x^{\mathsf T} y\) for contiguous vectors by compensated blocked summation: products are
     * added in groups of four (two roundings deep, with FMA), and the group sums are accumulated
     * with the error-free transformation TwoSum [Ogita, Rump and Oishi 2005], whose error terms are
     * summed separately and added at the end. The error is at most \(u|x^{\mathsf T}y| + (\gamma_2
     * + O(n u^2)) \sum_i |x_i y_i|\), independent of \(n\) to first order, where plain recursive
     * summation allows \(\gamma_n \sum_i |x_i y_i|\) — and reaches it when the rounding errors are
     * coherent (structured data, e.g. rounding noise with many equal entries).
     *
     * @param n    length
     * @param x    storage of \(x\); not modified
     * @param xOff index of \(x_0\)
     * @param y    storage of \(y\); not modified
     * @param yOff index of \(y_0\)
     * @return the dot product
     */
    double dot(int n, double[] x, int xOff, double[] y, int yOff);
}
