package dev.nla.core.decomp.internal;

import dev.nla.core.matrix.DenseMatrix;

/**
 * The deterministic sign convention of the decompositions: a vector is flipped so that its entry of
 * largest magnitude is positive; among entries of equal magnitude the one with the smallest index
 * decides.
 */
public final class Signs {
    private Signs() {}

    /**
     * Whether the strided vector must be negated to satisfy the convention.
     *
     * @param n   length
     * @param x   storage; not modified
     * @param off index of the first entry
     * @param inc stride
     * @return {@code true} if the entry of largest magnitude (first on ties) is negative
     */
    public static boolean needsFlip(int n, double[] x, int off, int inc) {
        double best = -1.0;
        double value = 0.0;
        for (int i = 0, p = off; i < n; i++, p += inc) {
            double a = Math.abs(x[p]);
            if (a > best) {
                best = a;
                value = x[p];
            }
        }
        return value < 0.0;
    }

    /**
     * Applies the convention to the first {@code k} columns of \(U\), negating row \(j\) of
     * \(V^{\mathsf T}\) with column \(j\) of \(U\); then to the remaining columns of \(U\) and rows
     * of \(V^{\mathsf T}\) on their own.
     *
     * @param u  \(U\); overwritten
     * @param vt \(V^{\mathsf T}\); overwritten
     * @param k  number of paired singular vectors
     */
    public static void fixSvd(DenseMatrix u, DenseMatrix vt, int k) {
        double[] ud = u.data();
        double[] vd = vt.data();
        for (int j = 0; j < u.cols(); j++) {
            int col = u.offset() + j * u.ld();
            if (needsFlip(u.rows(), ud, col, 1)) {
                negate(u.rows(), ud, col, 1);
                if (j < k) {
                    negate(vt.cols(), vd, vt.offset() + j, vt.ld());
                }
            }
        }
        for (int j = k; j < vt.rows(); j++) {
            int row = vt.offset() + j;
            if (needsFlip(vt.cols(), vd, row, vt.ld())) {
                negate(vt.cols(), vd, row, vt.ld());
            }
        }
    }

    /**
     * Applies the convention to every column of \(Z\).
     *
     * @param z the eigenvectors; overwritten
     */
    public static void fixColumns(DenseMatrix z) {
        double[] zd = z.data();
        for (int j = 0; j < z.cols(); j++) {
            int col = z.offset() + j * z.ld();
            if (needsFlip(z.rows(), zd, col, 1)) {
                negate(z.rows(), zd, col, 1);
            }
        }
    }

    private static void negate(int n, double[] x, int off, int inc) {
        for (int i = 0, p = off; i < n; i++, p += inc) {
            x[p] = -x[p];
        }
    }
}
