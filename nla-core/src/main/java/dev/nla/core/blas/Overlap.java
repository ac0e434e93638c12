package dev.nla.core.blas;

import dev.nla.core.matrix.DenseMatrix;

/** Whether two dense matrices share storage elements (used to reject aliased kernel outputs). */
final class Overlap {
    private Overlap() {}

    /**
     * Exact for views with the same leading dimension whose columns do not wrap (every view made by
     * {@link DenseMatrix#view}); conservative (array-range intersection) otherwise.
     */
    static boolean overlaps(DenseMatrix x, DenseMatrix y) {
        if (x.data() != y.data() || x.rows() == 0 || x.cols() == 0 || y.rows() == 0 || y.cols() == 0) {
            return false;
        }
        long ld = x.ld();
        if (ld == y.ld()) {
            long r1 = x.offset() % ld;
            long q1 = x.offset() / ld;
            long r2 = y.offset() % ld;
            long q2 = y.offset() / ld;
            if (r1 + x.rows() <= ld && r2 + y.rows() <= ld) {
                boolean rowsMeet = r1 < r2 + y.rows() && r2 < r1 + x.rows();
                boolean colsMeet = q1 < q2 + y.cols() && q2 < q1 + x.cols();
                return rowsMeet && colsMeet;
            }
        }
        long xStart = x.offset();
        long xEnd = x.offset() + (long) (x.cols() - 1) * x.ld() + x.rows();
        long yStart = y.offset();
        long yEnd = y.offset() + (long) (y.cols() - 1) * y.ld() + y.rows();
        return xStart < yEnd && yStart < xEnd;
    }
}
