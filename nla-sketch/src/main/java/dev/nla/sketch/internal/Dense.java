package dev.nla.sketch.internal;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.CholeskyQrBreakdownException;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.sketch.operator.DenseSketch;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Optional;

/**
 * Dense helpers shared by the range finders and low-rank drivers: operator products, projections,
 * orthonormalization and the power-iteration stabilisers.
 */
public final class Dense {
    private Dense() {}

    /** The explicit dense matrix of an operator, or {@code null}. */
    private static DenseMatrix denseMatrix(LinearOperator a) {
        Optional<Matrix> m = a.matrix();
        if (m.isPresent() && m.get() instanceof DenseMatrix d && d.rows() == a.rows() && d.cols() == a.cols()) {
            return d;
        }
        return null;
    }

    /**
     * The range-finder product \(A\Omega = AS^{\mathsf T}\). For a dense explicit \(A\) and a dense
     * (Gaussian, Rademacher, uniform) sketch, \(\Omega\) is generated once (\(n \times d\), {@code
     * S.apply(TRANSPOSE, I)}) and multiplied by {@link TallSkinny}; otherwise {@link
     * SketchingOperator#applyRight(LinearOperator)}.
     *
     * @param s the sketch, \(d \times n\)
     * @param a \(A\), \(m \times n\)
     * @return \(AS^{\mathsf T}\), \(m \times d\)
     */
    public static DenseMatrix sketchRight(SketchingOperator s, LinearOperator a) {
        DenseMatrix dense = denseMatrix(a);
        if (dense != null && s.distribution() instanceof DenseSketch && TallSkinny.applies(dense, s.rows())) {
            DenseMatrix omega = DenseMatrix.zeros(s.cols(), s.rows());
            s.apply(Transpose.TRANSPOSE, DenseMatrix.identity(s.rows()), omega);
            return TallSkinny.times(dense, omega);
        }
        return s.applyRight(a);
    }

    /**
     * \(\operatorname{op}(A)X\) in a new matrix: {@link TallSkinny} for a dense explicit \(A\) and a
     * narrow \(X\), the operator's own {@code apply} otherwise.
     *
     * @param a     the operator
     * @param trans whether to apply \(A^{\mathsf T}\)
     * @param x     the block of vectors; not modified
     * @return the product
     */
    public static DenseMatrix apply(LinearOperator a, Transpose trans, DenseMatrix x) {
        DenseMatrix dense = denseMatrix(a);
        if (dense != null && TallSkinny.applies(dense, x.cols())) {
            return trans.isTranspose() ? TallSkinny.transposeTimes(dense, x) : TallSkinny.times(dense, x);
        }
        DenseMatrix y = DenseMatrix.zeros(trans.isTranspose() ? a.cols() : a.rows(), x.cols());
        a.apply(trans, x, y);
        return y;
    }

    /**
     * \(\operatorname{op}(A)\operatorname{op}(B)\) in a new matrix on the active backend.
     *
     * @param ta transpose of {@code a}
     * @param tb transpose of {@code b}
     * @param a  left factor; not modified
     * @param b  right factor; not modified
     * @return the product
     */
    public static DenseMatrix multiply(Transpose ta, Transpose tb, Matrix a, Matrix b) {
        return Blas.multiply(ta, tb, a, b);
    }

    /**
     * \(Y \leftarrow Y - Q(Q^{\mathsf T}Y)\), in place.
     *
     * @param q orthonormal columns, \(m \times r\) (may have 0 columns); not modified
     * @param y \(m \times b\); overwritten
     */
    public static void projectOut(DenseMatrix q, DenseMatrix y) {
        if (q.cols() == 0 || y.cols() == 0) {
            return;
        }
        DenseMatrix c = multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, y);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, c, 1.0, y);
    }

    /**
     * An orthonormal basis \(Q_{\text{new}}\) of \((I - QQ^{\mathsf T})Y\), orthogonal to \(Q\) to
     * working accuracy: two rounds of block Gram–Schmidt ("twice is enough"), a Householder QR,
     * and one more projection and QR so that columns which QR completed arbitrarily (rank-deficient
     * \(Y\)) are orthogonal to \(Q\) too.
     *
     * @param q orthonormal \(m \times r\); not modified
     * @param y \(m \times b\), \(r + b \le m\); overwritten
     * @return \(m \times b\) orthonormal, orthogonal to {@code q}
     */
    public static DenseMatrix orthonormalizeAgainst(DenseMatrix q, DenseMatrix y) {
        projectOut(q, y);
        projectOut(q, y);
        DenseMatrix t = orthonormal(y);
        if (q.cols() == 0) {
            return t;
        }
        projectOut(q, t);
        return orthonormal(t);
    }

    /**
     * The thin Householder \(Q\) factor of a tall matrix.
     *
     * @param y \(m \times b\), \(m \ge b\); not modified
     * @return \(m \times b\) with orthonormal columns spanning {@code y}'s range when it has full rank
     */
    public static DenseMatrix orthonormal(DenseMatrix y) {
        return Decompositions.qr().decompose(y, QrMode.THIN).q();
    }

    /**
     * LU stabilisation of a tall matrix: with \(PY = LU\) (partial pivoting), returns \(P^{\mathsf
     * T}L\), which spans the range of \(Y\) when \(Y\) has full rank and has no column much smaller
     * than the others (\(|l_{ij}| \le 1\), unit diagonal after the permutation). A zero pivot does not
     * stop it: the corresponding column of \(L\) is a unit vector [RandLAPACK #109].
     *
     * @param y \(m \times b\), \(m \ge b\); not modified
     * @return \(P^{\mathsf T}L\), \(m \times b\), in a new matrix
     */
    public static DenseMatrix luStabilise(DenseMatrix y) {
        return luStabiliseInPlace(y.copy());
    }

    /**
     * {@link #luStabilise} overwriting its argument (no copy): the LU factors are computed in place
     * and turned into \(P^{\mathsf T}L\).
     *
     * @param y \(m \times b\), \(m \ge b\); overwritten by \(P^{\mathsf T}L\)
     * @return {@code y}
     */
    public static DenseMatrix luStabiliseInPlace(DenseMatrix y) {
        LuResult lu = Decompositions.lu().factorInPlace(y);
        int[] piv = lu.pivots();
        double[] d = y.data();
        int ld = y.ld();
        int off = y.offset();
        int b = y.cols();
        // L: unit diagonal, zeros above it (the U factor is discarded).
        for (int j = 0; j < b; j++) {
            int c = off + j * ld;
            for (int i = 0; i < j; i++) {
                d[c + i] = 0.0;
            }
            d[c + j] = 1.0;
        }
        // P = P_{k-1} ... P_0 with P_i swapping rows i and piv[i]; P^T L applies P_{k-1} first.
        for (int i = piv.length - 1; i >= 0; i--) {
            int r = piv[i];
            if (r != i) {
                for (int j = 0; j < b; j++) {
                    int c = off + j * ld;
                    double t = d[c + i];
                    d[c + i] = d[c + r];
                    d[c + r] = t;
                }
            }
        }
        return y;
    }

    /**
     * CholeskyQR2 orthonormalization of a tall matrix; when the Gram matrix is too ill-conditioned
     * for it (a {@link CholeskyQrBreakdownException}), Householder QR instead.
     *
     * @param y \(m \times b\), \(m \ge b\); not modified
     * @return orthonormal \(m \times b\)
     */
    public static DenseMatrix choleskyQr(DenseMatrix y) {
        try {
            return Decompositions.choleskyQr2().decompose(y).q();
        } catch (CholeskyQrBreakdownException e) {
            return orthonormal(y);
        }
    }

    /**
     * The thin SVD \(B = U\Sigma V^{\mathsf T}\) of a wide \(r \times n\) matrix (\(r \le n\)) through
     * a Householder QR factorization \(B^{\mathsf T} = Q_2R\), then the SVD \(R = U_R\Sigma V_R^{\mathsf
     * T}\) of the small triangle (one-sided Jacobi up to order {@value JacobiSvd#MAX_ORDER}, else the
     * given SVD), so that \(U = V_R\) and \(V = Q_2U_R\). Backward stable: the computed factors are
     * exact for \(B + \Delta B\), \(\|\Delta B\| = O(u\|B\|)\).
     *
     * @param b   \(B\), \(r \times n\), \(r \le n\); not modified
     * @param svd the dense SVD for the \(r \times r\) triangle
     * @return \(U\) (\(r \times r\)), \(\sigma\) (\(r\)), \(V^{\mathsf T}\) (\(r \times n\))
     */
    public static SvdResult wideSvd(DenseMatrix b, Svd svd) {
        QrResult qr = Decompositions.qr().decompose(b.transpose(), QrMode.THIN);
        DenseMatrix u;
        double[] sigma;
        DenseMatrix vtr;
        JacobiSvd.Result jacobi = qr.r().rows() <= JacobiSvd.MAX_ORDER ? JacobiSvd.decompose(qr.r()) : null;
        if (jacobi != null) {
            u = jacobi.u();
            sigma = jacobi.sigma();
            vtr = jacobi.vt();
        } else {
            SvdResult small = svd.decompose(qr.r(), SvdVectors.THIN);
            u = small.u();
            sigma = small.singularValues();
            vtr = small.vt();
        }
        // B^T = Q_2 R = Q_2 U_R S V_R^T, so B = V_R S (Q_2 U_R)^T.
        DenseMatrix v = multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, qr.q(), u);
        return new SvdResult(vtr.transpose(), sigma, v.transpose());
    }

    /**
     * \(\|X\|_F^2\) summed column by column in a fixed order.
     *
     * @param x the matrix; not modified
     * @return the sum of squares
     */
    public static double frobeniusSquared(DenseMatrix x) {
        double s = 0;
        for (int j = 0; j < x.cols(); j++) {
            double c = 0;
            for (int i = 0; i < x.rows(); i++) {
                double v = x.get(i, j);
                c += v * v;
            }
            s += c;
        }
        return s;
    }

    /**
     * The squared 2-norms of the rows of \(X\).
     *
     * @param x the matrix; not modified
     * @return one value per row
     */
    public static double[] rowNormsSquared(DenseMatrix x) {
        double[] r = new double[x.rows()];
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                double v = x.get(i, j);
                r[i] += v * v;
            }
        }
        return r;
    }

    /**
     * Whether every entry is finite.
     *
     * @param x the matrix; not modified
     * @return {@code true} if no entry is NaN or infinite
     */
    public static boolean allFinite(DenseMatrix x) {
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                if (!Double.isFinite(x.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
