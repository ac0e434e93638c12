package dev.nla.sketch.estimate;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * XNysTrace [Epperly, Tropp and Webber 2024]: the exchangeable trace estimator for symmetric
 * positive semidefinite \(A\), built on the Nyström approximation; every product with \(A\) serves
 * both the approximation and the residual estimate, so \(m\) products give \(m\) leave-one-out
 * samples.
 *
 * <p>With \(\Omega = [\omega_1, \dots, \omega_m]\), \(Y = A\Omega\) and the Nyström approximation
 * \(\hat A_{(i)} = Y_{-i}(\Omega_{-i}^{\mathsf T}Y_{-i})^{-1}Y_{-i}^{\mathsf T}\) from all vectors
 * but \(\omega_i\),
 * \[ t_i = \operatorname{tr}\hat A_{(i)} + \omega_i^{\mathsf T}(A - \hat A_{(i)})\omega_i, \qquad
 * \hat t = \frac1m\sum_i t_i, \qquad \mathrm{err} = s/\sqrt m. \]
 * With \(G = \Omega^{\mathsf T}Y = LL^{\mathsf T}\) (Cholesky), \(B = YL^{-\mathsf T}\) and
 * \(\gamma_i = (G^{-1})_{ii} = \|L^{-1}e_i\|^2\), the rank-one downdate of \(G^{-1}\) gives
 * \[ t_i = \|B\|_F^2 - \frac{\|BL^{-1}e_i\|^2}{\gamma_i} + \frac1{\gamma_i}, \]
 * since \(\omega_i^{\mathsf T}(A - \hat A_{(i)})\omega_i = 1/\gamma_i\). For stability the Nyström
 * approximation is that of \(A + \nu I\) with \(\nu = \sqrt n\,\varepsilon\,\|Y\|_F\) (the shift of
 * Tropp, Yurtsever, Udell and Cevher [TYUC 2017], with the Frobenius norm), and \(n\nu\) is
 * subtracted from each \(t_i\), which keeps them unbiased. With {@link TestVectors#IMPROVED} (the
 * default) the residual term \(1/\gamma_i\) is multiplied by \((n - m + 1)/\operatorname{dist}(\omega_i,
 * \operatorname{span}\Omega_{-i})^2\), computed from a QR factorization of \(\Omega\).
 *
 * <p><b>PSD check.</b> \(A\) must be symmetric positive semidefinite. The method detects what it
 * cheaply can: if \(\Omega^{\mathsf T}(A + \nu I)\Omega\) is not numerically positive definite
 * (for instance \(\omega_i^{\mathsf T}A\omega_i \lt 0\)), it throws {@link
 * NotPositiveDefiniteException}. An indefinite \(A\) whose compression happens to be positive
 * definite goes undetected and gives a meaningless estimate.
 *
 * <p><b>Cost.</b> \(m\) products with \(A\); a Cholesky factorization of \(m \times m\), two
 * triangular solves and a QR of \(\Omega\): \(O(nm^2)\) flops.
 */
public final class XNysTrace implements AdaptiveTraceEstimator {
    private final TestVectors vectors;

    /**
     * An estimator with the given test vectors.
     *
     * @param vectors the law of the test vectors
     * @throws NullPointerException if {@code vectors} is null
     */
    public XNysTrace(TestVectors vectors) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
    }

    /**
     * The estimator with {@link TestVectors#IMPROVED}, the default.
     *
     * @return the estimator
     */
    public static XNysTrace withDefaults() {
        return new XNysTrace(TestVectors.IMPROVED);
    }

    /**
     * The test vectors.
     *
     * @return the law
     */
    public TestVectors vectors() {
        return vectors;
    }

    @Override
    public String name() {
        return "xnystrace";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses \(m\) = {@code matvecs} test vectors and products, \(2 \le m \le n\).
     *
     * @throws NotPositiveDefiniteException if the compression \(\Omega^{\mathsf T}(A + \nu I)\Omega\)
     *     is not positive definite (\(A\) is not PSD)
     */
    @Override
    public Sampled<TraceEstimate> estimate(LinearOperator a, int matvecs, RngState state) {
        Estimators.square("xnystrace", a);
        Objects.requireNonNull(state, "state");
        int n = a.rows();
        Estimators.budget("xnystrace", matvecs, 2, n, n, "one test vector per product, between 2 and n");
        Sampled<DenseMatrix> omega = vectors.draw(n, matvecs, state);
        DenseMatrix y = Estimators.apply(a, omega.value());
        return new Sampled<>(estimate(omega.value(), y, vectors == TestVectors.IMPROVED), omega.next());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rounds of \(m_0, m_0, 2m_0, \dots\) new test vectors (doubling; at most \(n\) in all), one
     * product each; \(A\) is applied to the new vectors only, the factorizations are redone.
     *
     * @throws NotPositiveDefiniteException if a compression is not positive definite (\(A\) is not
     *     PSD)
     */
    @Override
    public Sampled<AdaptiveTraceEstimate> estimate(LinearOperator a, TraceTolerance tolerance, RngState state) {
        Estimators.square("xnystrace", a);
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(state, "state");
        int n = a.rows();
        long maxVectors = Math.min(n, tolerance.maxMatvecs());
        if (maxVectors < Math.min(n, tolerance.initialVectors())) {
            throw new IllegalArgumentException("xnystrace: maxMatvecs " + tolerance.maxMatvecs()
                    + " cannot pay for the first round of " + tolerance.initialVectors() + " test vectors");
        }
        Rounds rounds = new Rounds();
        RngState next = state;
        DenseMatrix omega = DenseMatrix.zeros(n, 0);
        DenseMatrix y = DenseMatrix.zeros(n, 0);
        boolean improved = vectors == TestVectors.IMPROVED;
        boolean converged = false;
        while (true) {
            int have = omega.cols();
            int add = (int) Math.min(Math.max(tolerance.initialVectors(), have), maxVectors - have);
            Sampled<DenseMatrix> draw = vectors.draw(n, add, next);
            next = draw.next();
            omega = Estimators.concat(omega, draw.value());
            y = Estimators.concat(y, Estimators.apply(a, draw.value()));
            TraceEstimate e = estimate(omega, y, improved);
            rounds.add(e);
            if (tolerance.isMet(e.trace(), e.errorEstimate())) {
                converged = true;
                break;
            }
            if (omega.cols() >= maxVectors) {
                break;
            }
        }
        return new Sampled<>(rounds.result(converged), next);
    }

    /** The leave-one-out estimates from \(\Omega\) and \(Y = A\Omega\). */
    private static TraceEstimate estimate(DenseMatrix omega, DenseMatrix y, boolean improved) {
        int n = omega.rows();
        int m = omega.cols();
        double normY = Blas.nrm2(y);
        if (normY == 0) {
            // A Omega = 0: every Nystrom approximation and every omega_i^T A omega_i is zero
            return TraceEstimate.of(new double[m], m);
        }
        double nu = Math.sqrt(n) * 0x1.0p-52 * normY;
        DenseMatrix yNu = y.copy();
        Blas.axpy(nu, omega, yNu);
        DenseMatrix g = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, omega, yNu);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < j; i++) {
                double v = 0.5 * (g.get(i, j) + g.get(j, i));
                g.set(i, j, v);
                g.set(j, i, v);
            }
        }
        CholeskyResult chol;
        try {
            chol = Decompositions.cholesky().factor(g);
        } catch (NotPositiveDefiniteException e) {
            throw new NotPositiveDefiniteException("xnystrace: the operator is not positive semidefinite: the "
                    + m + "x" + m + " compression Omega^T (A + nu I) Omega, nu = " + nu
                    + ", is not positive definite (" + e.getMessage() + ")");
        }
        DenseMatrix l = chol.l();
        // B = Y_nu L^{-T}, so that the Nystrom approximation of A + nu I is B B^T.
        DenseMatrix b = yNu;
        Blas.trsm(Side.RIGHT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, l, b);
        DenseMatrix lInv = DenseMatrix.identity(m);
        Blas.trsm(Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, l, lInv);
        double[] gamma = Estimators.columnDots(lInv, lInv);
        DenseMatrix bz = Blas.multiply(b, lInv);
        double[] bz2 = Estimators.columnDots(bz, bz);
        double normB = Blas.nrm2(b);
        double traceNystrom = normB * normB;
        double[] scale = improved ? complementScale(omega) : null;
        double[] samples = new double[m];
        for (int i = 0; i < m; i++) {
            double residualPart = 1.0 / gamma[i];
            if (scale != null) {
                residualPart *= scale[i];
            }
            samples[i] = traceNystrom - bz2[i] / gamma[i] + residualPart - n * nu;
        }
        return TraceEstimate.of(samples, m);
    }

    /**
     * \((n - m + 1)/\operatorname{dist}(\omega_i, \operatorname{span}\Omega_{-i})^2\) for every
     * \(i\): with \(\Omega = Q_\Omega R_\Omega\), the distance is \(1/\|R_\Omega^{-\mathsf T}e_i\|\). A
     * non-finite value (\(\Omega\) numerically rank deficient) leaves that sample unscaled.
     */
    private static double[] complementScale(DenseMatrix omega) {
        int n = omega.rows();
        int m = omega.cols();
        DenseMatrix r = Decompositions.qr().decompose(omega, QrMode.THIN).r();
        DenseMatrix rInvT = DenseMatrix.identity(m);
        Blas.trsm(Side.LEFT, Triangle.UPPER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, r, rInvT);
        double[] norms2 = Estimators.columnDots(rInvT, rInvT);
        double[] scale = new double[m];
        for (int i = 0; i < m; i++) {
            double s = (n - m + 1) * norms2[i];
            scale[i] = Double.isFinite(s) && s > 0 ? s : 1.0;
        }
        return scale;
    }
}
