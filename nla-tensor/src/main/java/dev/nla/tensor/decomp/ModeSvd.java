package dev.nla.tensor.decomp;

import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tenalg.Unfolding;
import dev.nla.tensor.tensor.DenseTensor;

/**
 * Left singular vectors and singular values of an unfolding \(X_{(k)} \in \mathbb{R}^{n_k \times
 * M}\), computed through a Householder QR of the tall side and an SVD of the small triangular
 * factor (the R-SVD of Chan 1982): for \(M \ge n_k\), \(X_{(k)}^{\mathsf T} = QR\) and \(X_{(k)} =
 * R^{\mathsf T}Q^{\mathsf T}\), so the left singular pairs of \(X_{(k)}\) are those of the \(n_k
 * \times n_k\) matrix \(R^{\mathsf T}\); for \(M \lt n_k\), \(X_{(k)} = QR\) and \(U = QU_R\).
 *
 * <p>Unlike the Gram-matrix route \(X_{(k)}X_{(k)}^{\mathsf T}\) (Tensor Toolbox {@code hosvd}),
 * this is backward stable: singular values are accurate to \(O(u)\|X\|\), not \(O(\sqrt u)\|X\|\),
 * so tolerances down to about \(10^{-14}\) select the right ranks. Cost \(2Mn_k^2\) flops for the
 * QR (level-3) plus \(O(n_k^3)\); one copy of the tensor.
 */
final class ModeSvd {
    private ModeSvd() {}

    /** Left singular vectors (\(n_k \times \min(n_k, M)\)) and decreasing singular values. */
    record Result(DenseMatrix u, double[] sigma) {}

    static Result of(DenseTensor x, int mode) {
        int nk = x.size(mode);
        int m = x.elementCount() / nk;
        Qr qr = Decompositions.qr();
        if (m >= nk) {
            CompactQr f = qr.factorInPlace(Unfolding.unfoldTransposed(x, mode));
            DenseMatrix rt = f.r(QrMode.THIN).transpose();
            SvdResult svd = Decompositions.svd().decompose(rt);
            return new Result(svd.u(), svd.singularValues());
        }
        CompactQr f = qr.factorInPlace(Unfolding.unfold(x, mode));
        SvdResult svd = Decompositions.svd().decompose(f.r(QrMode.THIN));
        DenseMatrix q = qr.q(f, QrMode.THIN);
        return new Result(dev.nla.core.blas.Blas.multiply(q, svd.u()), svd.singularValues());
    }
}
