package dev.nla.sketch.lowrank;

import dev.nla.core.matrix.DenseMatrix;

/**
 * Which sign each singular (or eigen) vector pair gets. Singular vectors are defined up to the sign
 * of each pair \((u_j, v_j)\); fixing it makes results reproducible across algorithms, seeds and
 * input layouts (scikit-learn's {@code svd_flip}, issues #5608 and #19514).
 */
public enum SignConvention {
    /**
     * The entry of largest magnitude of each left vector \(u_j\) is positive (the first such entry
     * on ties); scikit-learn's default ({@code u_based_decision=True}).
     */
    U_MAX_ABS,
    /** The entry of largest magnitude of each right vector \(v_j\) is positive. */
    V_MAX_ABS,
    /** The signs the computation produced. */
    NONE;

    /**
     * Flips pairs in place: column \(j\) of {@code u} and row \(j\) of {@code vt} change sign
     * together.
     *
     * @param u  \(m \times k\); overwritten
     * @param vt \(k \times n\); overwritten (may be {@code null} for eigenvectors, with {@link
     *     #U_MAX_ABS})
     */
    void apply(DenseMatrix u, DenseMatrix vt) {
        if (this == NONE) {
            return;
        }
        int k = u.cols();
        for (int j = 0; j < k; j++) {
            double pivot = this == U_MAX_ABS ? maxAbsEntry(u, j, true) : maxAbsEntry(vt, j, false);
            if (pivot < 0) {
                for (int i = 0; i < u.rows(); i++) {
                    u.set(i, j, -u.get(i, j));
                }
                if (vt != null) {
                    for (int i = 0; i < vt.cols(); i++) {
                        vt.set(j, i, -vt.get(j, i));
                    }
                }
            }
        }
    }

    /** The entry of largest magnitude of column {@code j} (or row {@code j}), first on ties. */
    private static double maxAbsEntry(DenseMatrix x, int j, boolean column) {
        int len = column ? x.rows() : x.cols();
        double best = 0;
        double bestAbs = -1;
        for (int i = 0; i < len; i++) {
            double v = column ? x.get(i, j) : x.get(j, i);
            if (Math.abs(v) > bestAbs) {
                bestAbs = Math.abs(v);
                best = v;
            }
        }
        return best;
    }
}
