package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.operator.Sketches;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The linear sketches \(Y = A\Omega\), \(X = \Upsilon A\), \(Z = \Phi A\Psi^{\mathsf T}\), \(W =
 * \Theta A\) of a matrix that arrives as a stream of updates (see {@link StreamingSvd}).
 *
 * <p>Mutable and <b>not thread-safe</b>: it accumulates. Each update costs \(O(\text{size of the
 * update} \times (2k + s + q))\); the matrix itself is never stored. Updates are checked for shape
 * and finiteness (nothing is changed when a check fails).
 */
public final class StreamingSketch {
    private final StreamingSvdOptions options;
    private final int m;
    private final int n;
    private final int k;
    private final int s;
    private final SketchingOperator omega;
    private final SketchingOperator upsilon;
    private final SketchingOperator phi;
    private final SketchingOperator psi;
    private final SketchingOperator theta;
    private final DenseMatrix y;
    private final DenseMatrix x;
    private final DenseMatrix z;
    private final DenseMatrix w;

    StreamingSketch(StreamingSvdOptions options, int m, int n, RngState state) {
        this.options = options;
        this.m = m;
        this.n = n;
        int min = Math.min(m, n);
        this.k = Math.min(options.rangeSize(), min);
        this.s = Math.max(k, Math.min(options.coreSize(), min));
        int q = options.probes();
        long limit = DenseMatrix.MAX_ELEMENTS;
        Require.sizeWithin("range sketch Y (" + m + " x " + k + ")", (long) m * k, limit);
        Require.sizeWithin("co-range sketch X (" + k + " x " + n + ")", (long) k * n, limit);
        Require.sizeWithin("core sketch Z (" + s + " x " + s + ")", (long) s * s, limit);
        Require.sizeWithin("error sketch W (" + q + " x " + n + ")", (long) q * n, limit);
        this.omega = options.testMatrix().of(k, n).sample(state.split(1)).value();
        this.upsilon = options.testMatrix().of(k, m).sample(state.split(2)).value();
        this.phi = options.testMatrix().of(s, m).sample(state.split(3)).value();
        this.psi = options.testMatrix().of(s, n).sample(state.split(4)).value();
        this.theta = Sketches.gaussian(q, m).sample(state.split(5)).value();
        this.y = DenseMatrix.zeros(m, k);
        this.x = DenseMatrix.zeros(k, n);
        this.z = DenseMatrix.zeros(s, s);
        this.w = DenseMatrix.zeros(q, n);
    }

    /**
     * The shape of the sketched matrix.
     *
     * @return \(m\)
     */
    public int rows() {
        return m;
    }

    /**
     * The shape of the sketched matrix.
     *
     * @return \(n\)
     */
    public int cols() {
        return n;
    }

    /**
     * \(A \leftarrow A + H\).
     *
     * @param h \(H\), \(m \times n\), dense or sparse; not modified; must be finite
     * @throws NullPointerException       if {@code h} is null
     * @throws DimensionMismatchException if {@code h} is not \(m \times n\)
     * @throws NonFiniteValueException    if {@code h} holds NaN or an infinity
     */
    public void update(Matrix h) {
        update(1.0, 1.0, h);
    }

    /**
     * \(A \leftarrow \theta A + \eta H\), i.e. every sketch \(S \leftarrow \theta S + \eta\,
     * \mathrm{sketch}(H)\).
     *
     * @param theta the factor of the old matrix; finite
     * @param eta   the factor of the update; finite
     * @param h     \(H\), \(m \times n\), dense or sparse; not modified; must be finite
     * @throws NullPointerException       if {@code h} is null
     * @throws DimensionMismatchException if {@code h} is not \(m \times n\)
     * @throws NonFiniteValueException    if {@code h}, {@code theta} or {@code eta} is not finite
     */
    public void update(double theta, double eta, Matrix h) {
        Require.finite("theta", theta);
        Require.finite("eta", eta);
        Require.shape("h", h, m, n);
        Require.allFinite("h", h);
        accumulate(theta, eta, y, omega.applyRight(h));
        accumulate(theta, eta, x, upsilon.applyLeft(h));
        accumulate(theta, eta, z, phi.applyLeft(psi.applyRight(h)));
        accumulate(theta, eta, w, this.theta.applyLeft(h));
    }

    /**
     * \(A(i_0 : i_0 + p, :) \leftarrow A(i_0 : i_0 + p, :) + H\): a block of rows arrives.
     *
     * @param firstRow \(i_0\), with \(0 \le i_0\) and \(i_0 + p \le m\)
     * @param h        \(H\), \(p \times n\); not modified; must be finite
     * @throws NullPointerException       if {@code h} is null
     * @throws DimensionMismatchException if {@code h} does not have \(n\) columns
     * @throws IndexOutOfBoundsException  if the rows are outside \([0, m)\)
     * @throws NonFiniteValueException    if {@code h} holds NaN or an infinity
     */
    public void updateRows(int firstRow, Matrix h) {
        Objects.requireNonNull(h, "h");
        if (h.cols() != n) {
            throw new DimensionMismatchException("h must have " + n + " columns, got " + h.shape());
        }
        Objects.checkFromIndexSize(firstRow, h.rows(), m);
        Require.allFinite("h", h);
        int p = h.rows();
        if (p == 0) {
            return;
        }
        accumulate(1.0, 1.0, y.rowBlock(firstRow, p), omega.applyRight(h));
        accumulate(1.0, 1.0, x, upsilon.block(0, firstRow, k, p).applyLeft(h));
        accumulate(1.0, 1.0, z, phi.block(0, firstRow, s, p).applyLeft(psi.applyRight(h)));
        accumulate(1.0, 1.0, w, theta.block(0, firstRow, w.rows(), p).applyLeft(h));
    }

    /**
     * \(A(:, j_0 : j_0 + p) \leftarrow A(:, j_0 : j_0 + p) + H\): a block of columns arrives.
     *
     * @param firstColumn \(j_0\), with \(0 \le j_0\) and \(j_0 + p \le n\)
     * @param h           \(H\), \(m \times p\); not modified; must be finite
     * @throws NullPointerException       if {@code h} is null
     * @throws DimensionMismatchException if {@code h} does not have \(m\) rows
     * @throws IndexOutOfBoundsException  if the columns are outside \([0, n)\)
     * @throws NonFiniteValueException    if {@code h} holds NaN or an infinity
     */
    public void updateColumns(int firstColumn, Matrix h) {
        Objects.requireNonNull(h, "h");
        if (h.rows() != m) {
            throw new DimensionMismatchException("h must have " + m + " rows, got " + h.shape());
        }
        Objects.checkFromIndexSize(firstColumn, h.cols(), n);
        Require.allFinite("h", h);
        int p = h.cols();
        if (p == 0) {
            return;
        }
        accumulate(1.0, 1.0, y, omega.block(0, firstColumn, k, p).applyRight(h));
        accumulate(1.0, 1.0, x.columns(firstColumn, p), upsilon.applyLeft(h));
        accumulate(1.0, 1.0, z, phi.applyLeft(psi.block(0, firstColumn, s, p).applyRight(h)));
        accumulate(1.0, 1.0, w.columns(firstColumn, p), theta.applyLeft(h));
    }

    private static void accumulate(double theta, double eta, DenseMatrix target, DenseMatrix update) {
        if (theta != 1.0) {
            Blas.scal(theta, target);
        }
        Blas.axpy(eta, update, target);
    }

    /**
     * The rank-\(r\) approximation \(Q[\![C]\!]_rP^{\mathsf T}\) of the matrix sketched so far, as an
     * SVD with the error estimate \(\|W - \Theta[\![\hat A]\!]_r\|_F\).
     *
     * @return the approximation (one pass, \(2k + s + q\) sketch vectors)
     */
    public LowRankSvd approximate() {
        DenseMatrix q = Dense.orthonormal(y);
        DenseMatrix p = Dense.orthonormal(x.transpose());
        // C = (Phi Q)^+ Z ((Psi P)^+)^T with (Phi Q) = U1 T1, (Psi P) = U2 T2 (s >= k).
        QrResult left = Decompositions.qr().decompose(phi.applyLeft(q), QrMode.THIN);
        QrResult right = Decompositions.qr().decompose(psi.applyLeft(p), QrMode.THIN);
        DenseMatrix c = Dense.multiply(
                Transpose.NO_TRANSPOSE,
                Transpose.NO_TRANSPOSE,
                Dense.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, left.q(), z),
                right.q());
        Blas.trsm(Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, left.r(), c);
        Blas.trsm(Side.RIGHT, Triangle.UPPER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, right.r(), c);
        SvdResult small = Decompositions.svd().decompose(c, SvdVectors.THIN);
        int r = Math.min(options.rank(), small.singularValues().length);
        double[] sigma = Arrays.copyOf(small.singularValues(), r);
        DenseMatrix u = Dense.multiply(
                Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, q, small.u().columns(0, r));
        DenseMatrix vt = Dense.multiply(
                Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, small.vt().rowBlock(0, r), p);
        options.signs().apply(u, vt);
        double estimate = errorEstimate(u, sigma, vt);
        long vectors = 2L * k + s + w.rows();
        return new LowRankSvd(u, sigma, vt, OptionalDouble.of(estimate), true, 1, vectors);
    }

    /** \(\|W - \Theta U\Sigma V^{\mathsf T}\|_F\). */
    private double errorEstimate(DenseMatrix u, double[] sigma, DenseMatrix vt) {
        DenseMatrix residual = w.copy();
        if (sigma.length > 0) {
            DenseMatrix tu = theta.applyLeft(u);
            for (int j = 0; j < sigma.length; j++) {
                Blas.scal(sigma[j], tu.column(j));
            }
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, tu, vt, 1.0, residual);
        }
        return Math.sqrt(Dense.frobeniusSquared(residual));
    }

    /**
     * A confidence interval for \(\|A - \hat A\|_F\) of an approximation of the sketched matrix
     * (usually {@link #approximate()}'s): with \(e = \|W - \Theta\hat A\|_F\) and the \(\chi^2_q\)
     * quantiles \(c_{\pm}\) at \((1 \pm \text{confidence})/2\), \([e\sqrt{q/c_+},\ e\sqrt{q/c_-}]\).
     * Exact in law for a rank-one error, conservative (wider than needed) for errors of higher rank,
     * which concentrate more [TYUC 2019, §6]; the quantiles use the Wilson–Hilferty approximation
     * (about 1 % relative for \(q \ge 5\)).
     *
     * @param approximation an approximation of the sketched \(m \times n\) matrix; not modified
     * @param confidence    nominal coverage in \((0, 1)\), e.g. 0.9
     * @return the interval
     * @throws NullPointerException       if {@code approximation} is null
     * @throws DimensionMismatchException if the approximation is not \(m \times n\)
     * @throws IllegalArgumentException   if the confidence is not in \((0, 1)\)
     */
    public ErrorInterval errorInterval(LowRankSvd approximation, double confidence) {
        Objects.requireNonNull(approximation, "approximation");
        if (approximation.u().rows() != m || approximation.vt().cols() != n) {
            throw new DimensionMismatchException(
                    "the approximation is " + approximation.u().rows() + "x"
                            + approximation.vt().cols() + " but the sketched matrix is " + m + "x" + n);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        double e = errorEstimate(approximation.u(), approximation.singularValues(), approximation.vt());
        int q = w.rows();
        double upperQuantile = chiSquareQuantile(q, 0.5 + 0.5 * confidence);
        double lowerQuantile = chiSquareQuantile(q, 0.5 - 0.5 * confidence);
        double lower = e * Math.sqrt(q / upperQuantile);
        double upper = lowerQuantile > 0 ? e * Math.sqrt(q / lowerQuantile) : Double.POSITIVE_INFINITY;
        return new ErrorInterval(e, Math.min(lower, e), Math.max(upper, e), confidence);
    }

    /** Wilson–Hilferty: \(\chi^2_{q,p} \approx q(1 - 2/(9q) + z_p\sqrt{2/(9q)})^3\), floored at 0. */
    static double chiSquareQuantile(int q, double p) {
        double a = 2.0 / (9.0 * q);
        double t = 1 - a + normalQuantile(p) * Math.sqrt(a);
        return t <= 0 ? 0.0 : q * t * t * t;
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
