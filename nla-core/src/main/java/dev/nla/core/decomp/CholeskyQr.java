package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.Matrix;

/**
 * QR factorization of a tall-skinny matrix through Cholesky factorizations of Gram matrices: \(A =
 * QR\) with \(Q\) (\(m \times n\)) orthonormal and \(R\) (\(n \times n\)) upper triangular with a
 * positive diagonal, for \(m \ge n\).
 *
 * <p>One pass of CholeskyQR computes \(G = A^{\mathsf T}A\) ({@code syrk}), \(G = R^{\mathsf T}R\)
 * (Cholesky) and \(Q = AR^{-1}\) ({@code trsm}): about \(2mn^2\) flops, all in level-3 kernels and
 * with one reduction, which makes it the fastest orthonormalization of tall-skinny panels. Alone it
 * loses orthogonality like \(\kappa_2(A)^2 u\); repeating it once (CholeskyQR2 [Fukaya et al.
 * 2014; Yamamoto et al. 2015]) gives \(\|Q^{\mathsf T}Q - I\|_F = O(mnu)\) and a backward-stable
 * \(R\) whenever \(\kappa_2(A) \lesssim u^{-1/2}\). Shifted CholeskyQR3 [Fukaya et al. 2020]
 * first factors \(A^{\mathsf T}A + sI\) with a shift \(s = 11(mn + n(n+1))u\|A\|_F^2\), which
 * cannot break down, and leaves \(Q_1 = AR_1^{-1}\) with singular values \(\sigma_i /
 * \sqrt{\sigma_i^2 + s}\), i.e. \(\kappa_2(Q_1) \approx \kappa_2(A)\sqrt{s}/\|A\|_2\); then it
 * applies CholeskyQR2 to \(Q_1\). It therefore succeeds for \(\kappa_2(A) \lesssim u^{-1} /
 * \sqrt{11(mn + n(n+1))}\): about \(10^{13}\) for a \(1000 \times 50\) matrix, \(10^{12}\) for
 * \(20000 \times 200\) (an \(O(u^{-1})\) limit up to the polynomial factor, as proved in [Fukaya
 * et al. 2020]).
 *
 * <p>Failure mode: past those limits the Gram matrix of a pass is not numerically positive
 * definite, or the factor after the first pass is too far from orthonormal (\(\|Q_1^{\mathsf
 * T}Q_1 - I\|_F \ge 1/2\)) for the next pass to repair it; either way the method throws {@link
 * CholeskyQrBreakdownException} rather than return a factor with poor orthogonality.
 */
public interface CholeskyQr {
    /**
     * Factors \(A = QR\) (thin).
     *
     * @param a the \(m \times n\) matrix, \(m \ge n\), dense or sparse; not modified; must be finite
     * @return \(Q\) (\(m \times n\)) and \(R\) (\(n \times n\), positive diagonal) in new matrices
     * @throws NullPointerException          if {@code a} is null
     * @throws DimensionMismatchException    if {@code a.rows() < a.cols()}
     * @throws NonFiniteValueException       if {@code a} holds NaN or an infinity
     * @throws CholeskyQrBreakdownException if \(A\) is too ill-conditioned for the method (see the
     *     class comment); the message names the pass and the failing pivot or the measured loss of
     *     orthogonality
     */
    QrResult decompose(Matrix a);
}
