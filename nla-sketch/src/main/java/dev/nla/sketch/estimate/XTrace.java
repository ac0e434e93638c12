package dev.nla.sketch.estimate;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * XTrace [Epperly, Tropp and Webber 2024]: the exchangeable version of Hutch++, which uses every
 * test vector both for the low-rank approximation and for the residual estimate.
 *
 * <p>With \(m\) test vectors \(\Omega = [\omega_1, \dots, \omega_m]\), \(Y = A\Omega = QR\), and
 * \(P_{(i)}\) the orthogonal projector onto the columns of \(Y\) other than \(y_i\), each
 * leave-one-out estimate
 * \[ t_i = \operatorname{tr}(P_{(i)}AP_{(i)}) + \omega_i^{\mathsf T}(I - P_{(i)})A(I -
 * P_{(i)})\omega_i \]
 * is unbiased (\(\omega_i\) is independent of \(P_{(i)}\)), and \(\hat t = \frac1m\sum_i t_i\),
 * with error estimate \(\mathrm{err} = s/\sqrt m\), \(s\) the sample standard deviation of the
 * \(t_i\). All \(t_i\) come from one QR: with \(s_i\) the normalized column \(i\) of \(R^{-\mathsf
 * T}\) (so \(P_{(i)} = QQ^{\mathsf T} - Qs_is_i^{\mathsf T}Q^{\mathsf T}\)), \(Z = AQ\), \(H =
 * Q^{\mathsf T}Z\), \(w_i = Q^{\mathsf T}\omega_i\) and \(c_i = w_i - s_i(s_i^{\mathsf T}w_i)\),
 * \[ t_i = \operatorname{tr}H - s_i^{\mathsf T}Hs_i + \omega_i^{\mathsf T}y_i - c_i^{\mathsf
 * T}Z^{\mathsf T}\omega_i - c_i^{\mathsf T}Re_i + c_i^{\mathsf T}Hc_i. \]
 * With {@link TestVectors#IMPROVED} (the default) the last four terms, the residual part, are
 * multiplied by \((n - m + 1)/\|(I - P_{(i)})\omega_i\|^2\) [Epperly, Tropp and Webber 2024, §2.3],
 * which removes the fluctuation of \(\|\omega_i\|\) in the complement and helps most on matrices
 * with flat parts in their spectrum.
 *
 * <p><b>Accuracy.</b> Like Hutch++ (relative error \(\varepsilon\) on PSD matrices with
 * \(O(1/\varepsilon)\) products) but typically several times more accurate for the same
 * budget, since all \(m\) vectors serve both purposes. The error estimate tends to be somewhat low
 * (see {@link TraceTolerance}).
 *
 * <p><b>Cost.</b> \(m\) products with \(A\) for \(Y\), \(m\) for \(Z = AQ\) (so a budget of
 * \(2m\) products); a Householder QR of \(Y\), four \(m \times m\) products of \(n \times m\)
 * matrices and \(O(m^3)\) flops. Works for any square \(A\).
 */
public final class XTrace implements AdaptiveTraceEstimator {
    private final TestVectors vectors;

    /**
     * An estimator with the given test vectors.
     *
     * @param vectors the law of the test vectors (the paper advises against {@link
     *     TestVectors#GAUSSIAN})
     * @throws NullPointerException if {@code vectors} is null
     */
    public XTrace(TestVectors vectors) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
    }

    /**
     * The estimator with {@link TestVectors#IMPROVED}, the default.
     *
     * @return the estimator
     */
    public static XTrace withDefaults() {
        return new XTrace(TestVectors.IMPROVED);
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
        return "xtrace";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses \(m = \lfloor\) {@code matvecs} \(/2\rfloor\) test vectors and \(2m\) products, with
     * \(2 \le m \le n\).
     */
    @Override
    public Sampled<TraceEstimate> estimate(LinearOperator a, int matvecs, RngState state) {
        Estimators.square("xtrace", a);
        Objects.requireNonNull(state, "state");
        int n = a.rows();
        Estimators.budget("xtrace", matvecs, 4, 2L * n + 1, n, "floor(m/2) test vectors, between 2 and n");
        int m = matvecs / 2;
        Sampled<DenseMatrix> omega = vectors.draw(n, m, state);
        Sketch sketch = Sketch.first(a, omega.value());
        return new Sampled<>(sketch.estimate(vectors == TestVectors.IMPROVED), omega.next());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rounds of \(m_0, m_0, 2m_0, \dots\) new test vectors (doubling; at most \(n\) in all), each
     * costing two products per vector; the basis is extended by block Gram–Schmidt with
     * reorthogonalization, so \(AQ\) is computed only for the new basis vectors (\(xtrace\_tol\)).
     */
    @Override
    public Sampled<AdaptiveTraceEstimate> estimate(LinearOperator a, TraceTolerance tolerance, RngState state) {
        Estimators.square("xtrace", a);
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(state, "state");
        int n = a.rows();
        long maxVectors = Math.min(n, tolerance.maxMatvecs() / 2);
        if (maxVectors < Math.min(n, tolerance.initialVectors())) {
            throw new IllegalArgumentException("xtrace: maxMatvecs " + tolerance.maxMatvecs()
                    + " cannot pay for the first round of " + tolerance.initialVectors()
                    + " test vectors (two products each)");
        }
        Rounds rounds = new Rounds();
        RngState next = state;
        Sketch sketch = null;
        boolean improved = vectors == TestVectors.IMPROVED;
        boolean converged = false;
        while (true) {
            int have = sketch == null ? 0 : sketch.omega.cols();
            int add = (int) Math.min(Math.max(tolerance.initialVectors(), have), maxVectors - have);
            Sampled<DenseMatrix> omega = vectors.draw(n, add, next);
            next = omega.next();
            sketch = sketch == null ? Sketch.first(a, omega.value()) : sketch.extend(a, omega.value());
            TraceEstimate e = sketch.estimate(improved);
            rounds.add(e);
            if (tolerance.isMet(e.trace(), e.errorEstimate())) {
                converged = true;
                break;
            }
            if (sketch.omega.cols() >= maxVectors) {
                break;
            }
        }
        return new Sampled<>(rounds.result(converged), next);
    }

    /** \(\Omega\), \(Y = A\Omega = QR\) and \(Z = AQ\). */
    private static final class Sketch {
        final DenseMatrix omega;
        final DenseMatrix y;
        final DenseMatrix q;
        final DenseMatrix r;
        final DenseMatrix z;

        private Sketch(DenseMatrix omega, DenseMatrix y, DenseMatrix q, DenseMatrix r, DenseMatrix z) {
            this.omega = omega;
            this.y = y;
            this.q = q;
            this.r = r;
            this.z = z;
        }

        static Sketch first(LinearOperator a, DenseMatrix omega) {
            DenseMatrix y = Estimators.apply(a, omega);
            QrResult qr = Decompositions.qr().decompose(y, QrMode.THIN);
            return new Sketch(omega, y, qr.q(), qr.r(), Estimators.apply(a, qr.q()));
        }

        /** Appends test vectors: block classical Gram–Schmidt, twice, then QR of the new block. */
        Sketch extend(LinearOperator a, DenseMatrix omegaNew) {
            int m0 = omega.cols();
            int b = omegaNew.cols();
            DenseMatrix yNew = Estimators.apply(a, omegaNew);
            DenseMatrix p = yNew.copy();
            DenseMatrix coeff = DenseMatrix.zeros(m0, b);
            for (int pass = 0; pass < 2; pass++) {
                DenseMatrix c = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, p);
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, c, 1.0, p);
                Blas.axpy(1.0, c, coeff);
            }
            QrResult qr = Decompositions.qr().decompose(p, QrMode.THIN);
            DenseMatrix rExt = DenseMatrix.zeros(m0 + b, m0 + b);
            rExt.view(0, 0, m0, m0).copyFrom(r);
            rExt.view(0, m0, m0, b).copyFrom(coeff);
            rExt.view(m0, m0, b, b).copyFrom(qr.r());
            DenseMatrix zNew = Estimators.apply(a, qr.q());
            return new Sketch(
                    Estimators.concat(omega, omegaNew),
                    Estimators.concat(y, yNew),
                    Estimators.concat(q, qr.q()),
                    rExt,
                    Estimators.concat(z, zNew));
        }

        /** The leave-one-out estimates and their mean. */
        TraceEstimate estimate(boolean improved) {
            int n = omega.rows();
            int m = omega.cols();
            DenseMatrix s = LeaveOneOut.directions(r);
            DenseMatrix w = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, omega);
            DenseMatrix h = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, z);
            DenseMatrix t = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, z, omega);
            double[] omegaY = Estimators.columnDots(omega, y);
            double[] omegaNorm2 = Estimators.columnDots(omega, omega);
            double[] wNorm2 = Estimators.columnDots(w, w);
            double[] sw = Estimators.columnDots(s, w);
            // C = W - S diag(s_i^T w_i): column i is c_i = w_i - s_i (s_i^T w_i).
            DenseMatrix cMat = w.copy();
            for (int i = 0; i < m; i++) {
                Blas.axpy(-sw[i], s.column(i), cMat.column(i));
            }
            double[] sHs = Estimators.columnDots(s, Blas.multiply(h, s));
            double[] cHc = Estimators.columnDots(cMat, Blas.multiply(h, cMat));
            double[] cT = Estimators.columnDots(cMat, t);
            double[] cR = Estimators.columnDots(cMat, r);
            double traceH = 0;
            for (int i = 0; i < m; i++) {
                traceH += h.get(i, i);
            }
            double[] samples = new double[m];
            for (int i = 0; i < m; i++) {
                double residualPart = omegaY[i] - cT[i] - cR[i] + cHc[i];
                if (improved) {
                    // ||(I - P_(i)) omega_i||^2 = ||omega_i||^2 - ||w_i||^2 + (s_i^T w_i)^2; if rounding
                    // leaves nothing of omega_i outside the other columns, the residual part is zero
                    // to working precision and is left unscaled.
                    double u2 = omegaNorm2[i] - wNorm2[i] + sw[i] * sw[i];
                    if (u2 > 0) {
                        residualPart *= (n - m + 1) / u2;
                    }
                }
                samples[i] = traceH - sHs[i] + residualPart;
            }
            return TraceEstimate.of(samples, 2L * m);
        }
    }
}
