package dev.nla.sketch.estimate;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * XDiag [Epperly, Tropp and Webber 2024]: the exchangeable diagonal estimator, the leave-one-out
 * average of "low-rank part plus Hutchinson on the rest" (Diag++ with every vector used twice).
 *
 * <p>With \(Y = A\Omega = QR\), \(P_{(i)}\) the projector onto the columns of \(Y\) but \(y_i\), and
 * \(s_i\) the normalized columns of \(R^{-\mathsf T}\) (so \(P_{(i)} = QQ^{\mathsf T} -
 * Qs_is_i^{\mathsf T}Q^{\mathsf T}\)),
 * \[ \hat d = \frac1m\sum_{i=1}^m \Bigl[\operatorname{diag}(P_{(i)}A) + \omega_i \odot (I -
 * P_{(i)})A\omega_i\Bigr] = \operatorname{diag}(QZ^{\mathsf T}) + \frac1m\sum_{i=1}^m
 * \Bigl[(s_i^{\mathsf T}Re_i)\,\omega_i \odot Qs_i - Qs_i \odot Zs_i\Bigr], \]
 * where \(Z = A^{\mathsf T}Q\) and \((I - P_{(i)})y_i = Qs_i(s_i^{\mathsf T}Re_i)\). Each term is
 * unbiased, since \(\omega_i\) is independent of \(P_{(i)}\) and has uncorrelated unit-variance
 * entries.
 *
 * <p><b>Budget and cost.</b> \(m = \lfloor\) {@code matvecs} \(/2\rfloor\) test vectors: \(m\)
 * products with \(A\) and \(m\) with \(A^{\mathsf T}\); a QR of \(Y\) and \(O(nm^2)\) flops. Random
 * signs are the default (and exact for diagonal \(A\)); the "improved" normalization of XTrace has no
 * counterpart here.
 */
public final class XDiag implements DiagonalEstimator {
    private final TestVectors vectors;

    /**
     * An estimator with the given test vectors.
     *
     * @param vectors the law of the test vectors; not {@link TestVectors#IMPROVED}
     * @throws NullPointerException     if {@code vectors} is null
     * @throws IllegalArgumentException if {@code vectors} is {@link TestVectors#IMPROVED}
     */
    public XDiag(TestVectors vectors) {
        Estimators.plainVectors("xdiag", vectors);
        this.vectors = vectors;
    }

    /**
     * The estimator with random signs, the default.
     *
     * @return the estimator
     */
    public static XDiag withDefaults() {
        return new XDiag(TestVectors.RADEMACHER);
    }

    @Override
    public String name() {
        return "xdiag";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses \(m = \lfloor\) {@code matvecs} \(/2\rfloor\) test vectors, \(1 \le m \le n\), and
     * \(2m\) products (\(m\) with \(A\), \(m\) with \(A^{\mathsf T}\)).
     */
    @Override
    public Sampled<DiagonalEstimate> estimate(LinearOperator a, int matvecs, RngState state) {
        Estimators.square("xdiag", a);
        Objects.requireNonNull(state, "state");
        int n = a.rows();
        Estimators.budget("xdiag", matvecs, 2, 2L * n + 1, n, "floor(m/2) test vectors, between 1 and n");
        int m = matvecs / 2;
        Sampled<DenseMatrix> draw = vectors.draw(n, m, state);
        DenseMatrix omega = draw.value();
        QrResult qr = Decompositions.qr().decompose(Estimators.apply(a, omega), QrMode.THIN);
        DenseMatrix q = qr.q();
        DenseMatrix r = qr.r();
        DenseMatrix z = Estimators.applyTranspose(a, q);
        DenseMatrix s = LeaveOneOut.directions(r);
        double[] sr = Estimators.columnDots(s, r);
        DenseMatrix qs = Blas.multiply(q, s);
        DenseMatrix zs = Blas.multiply(z, s);
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            double low = 0;
            for (int j = 0; j < m; j++) {
                low += q.get(k, j) * z.get(k, j);
            }
            double correction = 0;
            for (int i = 0; i < m; i++) {
                double qsk = qs.get(k, i);
                correction += sr[i] * omega.get(k, i) * qsk - qsk * zs.get(k, i);
            }
            d[k] = low + correction / m;
        }
        return new Sampled<>(new DiagonalEstimate(d, 2L * m, m), draw.next());
    }
}
