package dev.nla.bench.experiments.sketch;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;

/**
 * Seeded inputs of {@link RandnlaSolversExperiment} and the least-squares benchmark: matrices with
 * prescribed singular values or eigenvalues, least-squares problems with a planted solution. All
 * are drawn with the library's counter-based generator, so the same state gives the same bits on
 * every machine and thread count.
 */
public final class SolverInputs {
    private SolverInputs() {}

    /**
     * A Haar-distributed \(m \times k\) matrix with orthonormal columns: the Q factor of a Gaussian
     * matrix with the signs of \(\operatorname{diag}(R)\) moved into it [Mezzadri 2007].
     *
     * @param m     rows, \(m \ge k\)
     * @param k     columns, \(k \ge 0\)
     * @param state the random state; not modified
     * @return a new \(m \times k\) matrix with orthonormal columns
     */
    public static DenseMatrix haar(int m, int k, RngState state) {
        DenseMatrix g = RandomMatrices.gaussian(m, k, state).value();
        QrResult qr = Decompositions.qr().decompose(g, QrMode.THIN);
        DenseMatrix q = qr.q();
        for (int j = 0; j < k; j++) {
            if (qr.r().get(j, j) < 0) {
                Blas.scal(-1.0, q.column(j));
            }
        }
        return q;
    }

    /**
     * \(U\operatorname{diag}(\sigma)V^{\mathsf T}\), \(m \times n\), \(m \ge n\), with Haar \(U\)
     * (from {@code state.split(1)}) and \(V\) (from {@code state.split(2)}).
     *
     * @param m     rows, \(m \ge n\)
     * @param n     columns
     * @param sigma the \(n\) singular values; not modified
     * @param state the random state; not modified
     * @return the new matrix
     */
    public static DenseMatrix withSingularValues(int m, int n, double[] sigma, RngState state) {
        DenseMatrix u = haar(m, n, state.split(1));
        DenseMatrix v = haar(n, n, state.split(2));
        for (int j = 0; j < n; j++) {
            Blas.scal(sigma[j], u.column(j));
        }
        return Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, u, v);
    }

    /**
     * \(U\operatorname{diag}(\lambda)U^{\mathsf T}\), exactly symmetric, Haar \(U\).
     *
     * @param lambda the eigenvalues; not modified
     * @param state  the random state; not modified
     * @return the new symmetric matrix
     */
    public static DenseMatrix symmetric(double[] lambda, RngState state) {
        int n = lambda.length;
        DenseMatrix u = haar(n, n, state);
        DenseMatrix ul = u.copy();
        for (int j = 0; j < n; j++) {
            Blas.scal(lambda[j], ul.column(j));
        }
        DenseMatrix a = Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, ul, u);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                double v = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }

    /**
     * \(\sigma_i = \kappa^{-(i-1)/(n-1)}\): geometric decay from 1 to \(1/\kappa\).
     *
     * @param n     number of values
     * @param kappa \(\kappa \ge 1\)
     * @return the values
     */
    public static double[] geometric(int n, double kappa) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = n == 1 ? 1.0 : Math.pow(kappa, -(double) i / (n - 1));
        }
        return s;
    }

    /**
     * A least-squares problem with a planted solution.
     *
     * @param a            \(A\), \(m \times n\)
     * @param b            \(b = Ax_\star + r\), \(m \times 1\)
     * @param solution     \(x_\star\), the least-squares solution
     * @param residualNorm \(\|r\|\), the optimal residual
     */
    public record Problem(DenseMatrix a, DenseMatrix b, DenseMatrix solution, double residualNorm) {}

    /**
     * A least-squares problem \(b = Ax_\star + r\) with \(A\) of condition \(\kappa\) (geometric
     * singular values), \(x_\star\) a random unit vector and \(r \perp \operatorname{range}(A)\),
     * \(\|r\| = \rho\|Ax_\star\|\): \(x_\star\) is the solution and \(\|r\|\) the optimal residual
     * (up to the rounding in forming \(A\) and \(r\)).
     *
     * @param m     rows
     * @param n     columns, \(n \le m\)
     * @param kappa condition number \(\kappa \ge 1\)
     * @param rho   relative residual \(\rho \ge 0\)
     * @param state the random state; not modified
     * @return the problem
     */
    public static Problem leastSquares(int m, int n, double kappa, double rho, RngState state) {
        DenseMatrix a = withSingularValues(m, n, geometric(n, kappa), state.split(1));
        DenseMatrix x = RandomMatrices.gaussian(n, 1, state.split(2)).value();
        Blas.scal(1.0 / Blas.nrm2(x), x);
        DenseMatrix ax = Blas.multiply(a, x);
        DenseMatrix r = RandomMatrices.gaussian(m, 1, state.split(3)).value();
        DenseMatrix q = Decompositions.qr().decompose(a, QrMode.THIN).q();
        for (int pass = 0; pass < 2; pass++) {
            DenseMatrix c = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, r);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, c, 1.0, r);
        }
        Blas.scal(rho * Blas.nrm2(ax) / Blas.nrm2(r), r);
        DenseMatrix b = ax.copy();
        Blas.axpy(1.0, r, b);
        return new Problem(a, b, x, Blas.nrm2(r));
    }

    /**
     * \(\|x - y\| / \|y\|\).
     *
     * @param x         the vector
     * @param reference \(y\), nonzero
     * @return the relative distance
     */
    public static double relativeDistance(DenseMatrix x, DenseMatrix reference) {
        DenseMatrix d = x.copy();
        Blas.axpy(-1.0, reference, d);
        return Blas.nrm2(d) / Blas.nrm2(reference);
    }
}
