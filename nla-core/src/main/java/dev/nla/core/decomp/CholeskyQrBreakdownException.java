package dev.nla.core.decomp;

import dev.nla.core.error.NotPositiveDefiniteException;

/**
 * Thrown when a CholeskyQR variant cannot deliver an accurate factorization because the input is
 * too ill-conditioned for it: the Gram matrix \(A^{\mathsf T}A\) (or that of an intermediate
 * factor) is not numerically positive definite, or the intermediate factor is too far from
 * orthonormal for the next pass to repair.
 *
 * <p>CholeskyQR2 needs roughly \(\kappa_2(A) \lesssim u^{-1/2} \approx 10^8\); shifted CholeskyQR3
 * roughly \(\kappa_2(A) \lesssim u^{-1}/\sqrt{11(mn + n(n+1))}\) (see {@link CholeskyQr}). On
 * this exception use the shifted variant, or Householder QR, which has no such limit.
 */
public class CholeskyQrBreakdownException extends NotPositiveDefiniteException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which pass failed and why, with the measured values
     */
    public CholeskyQrBreakdownException(String message) {
        super(message);
    }
}
