package dev.nla.core.decomp.internal;

/**
 * Applies a sequence of plane rotations to adjacent column pairs of a column-major matrix, on a
 * range of rows (LAPACK dlasr with side R, pivot V).
 *
 * <p>Rotation \(j\) acts on columns \(k + j\) and \(k + j + 1\): \(x \leftarrow c_j x + s_j y\), \(y
 * \leftarrow c_j y - s_j x\), where \(x, y\) are the two columns. Forward sequences apply \(j = 0,
 * 1, \dots\), backward ones the reverse order. Two implementations exist: a scalar one and a Vector
 * API one, chosen once by {@link Rotations}. The same kernels provide the compensated dot product
 * used where a plain one is not accurate enough ({@link #dot2}).
 */
interface RotationKernel {
    /**
     * Applies the sequence to rows {@code [rowStart, rowEnd)}.
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
    void apply(
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
     * \(x^{\mathsf T} y\) for contiguous vectors, as accurate as if computed in twice the working
     * precision and then rounded (Dot2 of [Ogita, Rump and Oishi 2005]: error-free products by FMA,
     * error-free sums by TwoSum, several independent chains merged at the end).
     *
     * @param n    length
     * @param x    storage of \(x\); not modified
     * @param xOff index of \(x_0\)
     * @param y    storage of \(y\); not modified
     * @param yOff index of \(y_0\)
     * @return the dot product
     */
    double dot2(int n, double[] x, int xOff, double[] y, int yOff);
}
