package dev.nla.sketch.estimate;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;

/**
 * The leave-one-out directions of a triangular factor: for \(R\) (\(m \times m\), upper), the unit
 * vectors \(s_i\) orthogonal to every column of \(R\) but column \(i\), i.e. the normalized columns
 * of \(R^{-\mathsf T}\) (since \(e_i^{\mathsf T}R^{-1}Re_j = \delta_{ij}\)). If \(Y = QR\), then
 * \(Qs_i\) spans the part of \(\operatorname{range}(Y)\) orthogonal to the columns \(j \ne i\) of
 * \(Y\): projecting onto \(Y\) without column \(i\) is \(QQ^{\mathsf T} - Qs_is_i^{\mathsf
 * T}Q^{\mathsf T}\).
 */
final class LeaveOneOut {
    private LeaveOneOut() {}

    /**
     * The matrix \(S\) whose column \(i\) is \(s_i\).
     *
     * <p>\(R^{-\mathsf T}\) by a triangular solve; a column that is not finite or zero (exactly
     * singular \(R\), e.g. \(A = 0\), or overflow) is replaced by the last column of the full
     * orthogonal factor of \(R\) without its column \(i\), a unit vector orthogonal to the other
     * columns (any such vector gives a valid estimate: its direction is then in the null space of
     * the sketch).
     *
     * @param r the \(m \times m\) upper triangular factor; not modified
     * @return \(S\), \(m \times m\), unit columns
     */
    static DenseMatrix directions(DenseMatrix r) {
        int m = r.rows();
        DenseMatrix s = DenseMatrix.identity(m);
        Blas.trsm(Side.LEFT, Triangle.UPPER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, r, s);
        for (int i = 0; i < m; i++) {
            DenseMatrix col = s.column(i);
            double norm = Blas.nrm2(col);
            if (Double.isFinite(norm) && norm > 0 && allFinite(col)) {
                Blas.scal(1.0 / norm, col);
            } else {
                col.copyFrom(fallback(r, i));
            }
        }
        return s;
    }

    private static DenseMatrix fallback(DenseMatrix r, int i) {
        int m = r.rows();
        if (m == 1) {
            return DenseMatrix.columnVector(1.0);
        }
        DenseMatrix others = DenseMatrix.zeros(m, m - 1);
        for (int j = 0, c = 0; j < m; j++) {
            if (j != i) {
                others.column(c++).copyFrom(r.column(j));
            }
        }
        DenseMatrix q = Decompositions.qr().decompose(others, QrMode.FULL).q();
        return q.column(m - 1).copy();
    }

    private static boolean allFinite(DenseMatrix col) {
        for (int k = 0; k < col.rows(); k++) {
            if (!Double.isFinite(col.get(k, 0))) {
                return false;
            }
        }
        return true;
    }
}
