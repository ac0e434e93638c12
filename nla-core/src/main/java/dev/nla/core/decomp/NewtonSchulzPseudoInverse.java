package dev.nla.core.decomp;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Pseudo-inverse by the Newton–Schulz iteration \(X_{k+1} = X_k(2I - A X_k)\) [Ben-Israel 1965],
 * [Schulz 1933]: two GEMMs per step, no factorization.
 *
 * <p>Initial scaling: \(X_0 = A^{\mathsf T}/(\|A\|_1\|A\|_\infty)\). Since \(\sigma_1^2 \le
 * \|A\|_1\|A\|_\infty\), \(X_0 = \alpha A^{\mathsf T}\) with \(0 \lt \alpha \le 1/\sigma_1^2 \lt
 * 2/\sigma_1^2\), which guarantees convergence to \(A^+\) for every \(A\) (of any rank): each
 * singular value obeys \(x_{k+1} = x_k(2 - \sigma x_k)\), so \(1 - \sigma x_{k+1} = (1 - \sigma
 * x_k)^2\): quadratic convergence after about \(\log_2(\sigma_1^2/\sigma_{\min}^2)\) steps of
 * doubling. Singular values at rounding level (numerically zero) converge only after very many
 * steps; the convergence test stops long before they matter for well-separated spectra, but for
 * rank-deficient input prefer the SVD-based {@link PseudoInverse} with an explicit cut-off.
 *
 * <p>Each step costs \(4 \min(m,n)^2 \max(m,n)\) flops: for \(m \ge n\) it forms \(T = X_k A\)
 * (\(n \times n\)) and \(X_{k+1} = 2X_k - T X_k\); for \(m \lt n\), \(T = A X_k\) and \(X_{k+1} =
 * 2X_k - X_k T\). Convergence test: \(\|X_{k+1} - X_k\|_F \le \text{tol}\,\|X_{k+1}\|_F\).
 * Stagnation guard: once the relative change has fallen below \(10^{-3}\) (the quadratic phase),
 * an increase of the change means that rounding has taken over (the tolerance is below the
 * attainable \(\kappa\varepsilon\), or rounding-level singular values of a rank-deficient matrix
 * start to be amplified towards \(1/\varepsilon\)); the iteration then stops and returns the
 * previous, better iterate with {@code converged() == false}.
 */
public final class NewtonSchulzPseudoInverse {
    /** Below this relative change an increase of the change stops the iteration (stagnation). */
    private static final double STAGNATION = 1e-3;

    private final NewtonSchulzOptions options;

    /**
     * Creates the algorithm.
     *
     * @param options iteration cap and tolerance; not null
     * @throws NullPointerException if {@code options} is null
     */
    public NewtonSchulzPseudoInverse(NewtonSchulzOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The algorithm with {@link NewtonSchulzOptions#defaults()}.
     *
     * @return the algorithm
     */
    public static NewtonSchulzPseudoInverse withDefaults() {
        return new NewtonSchulzPseudoInverse(NewtonSchulzOptions.defaults());
    }

    /**
     * The options in use.
     *
     * @return the options
     */
    public NewtonSchulzOptions options() {
        return options;
    }

    /**
     * Iterates from \(X_0 = A^{\mathsf T}/(\|A\|_1\|A\|_\infty)\) until the relative change is below
     * the tolerance or the cap is reached.
     *
     * @param a the \(m \times n\) matrix; not modified; must be finite
     * @return the last iterate, the converged flag, the iteration count and the last change (a zero
     *     matrix gives \(X = 0\), converged after 0 iterations)
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException if {@code a} has a NaN or infinite entry
     */
    public NewtonSchulzResult compute(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        DenseMatrix ad = a.toDense();
        int m = ad.rows();
        int n = ad.cols();
        double norm1 = 0.0;
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int i = 0; i < m; i++) {
                s += Math.abs(ad.get(i, j));
            }
            norm1 = Math.max(norm1, s);
        }
        double normInf = 0.0;
        for (int i = 0; i < m; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(ad.get(i, j));
            }
            normInf = Math.max(normInf, s);
        }
        DenseMatrix x = ad.transpose();
        if (norm1 == 0.0) {
            return new NewtonSchulzResult(x, true, 0, 0.0);
        }
        // scale in two steps so that the product of the norms cannot overflow
        Blas.scal(1.0 / norm1, x);
        Blas.scal(1.0 / normInf, x);
        boolean tall = m >= n;
        int g = Math.min(m, n);
        DenseMatrix t = DenseMatrix.zeros(g, g);
        DenseMatrix next = DenseMatrix.zeros(n, m);
        double change = Double.NaN;
        for (int k = 1; k <= options.maxIterations(); k++) {
            next.copyFrom(x);
            if (tall) {
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, x, ad, 0.0, t);
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, t, x, 2.0, next);
            } else {
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, ad, x, 0.0, t);
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, x, t, 2.0, next);
            }
            double diff = 0.0;
            double norm = 0.0;
            double[] xd = x.data();
            double[] nd = next.data();
            for (int i = 0; i < nd.length; i++) {
                double dlt = nd[i] - xd[i];
                diff += dlt * dlt;
                norm += nd[i] * nd[i];
            }
            double previous = change;
            change = Math.sqrt(diff) / Math.sqrt(norm);
            if (!(change <= previous) && previous < STAGNATION) {
                // the change grew again after the quadratic phase: rounding floor reached (or
                // rounding-level singular values start to be amplified); keep the previous iterate
                return new NewtonSchulzResult(x, false, k - 1, previous);
            }
            DenseMatrix swap = x;
            x = next;
            next = swap;
            if (!(change > options.tolerance())) {
                return new NewtonSchulzResult(x, change <= options.tolerance(), k, change);
            }
        }
        return new NewtonSchulzResult(x, false, options.maxIterations(), change);
    }
}
