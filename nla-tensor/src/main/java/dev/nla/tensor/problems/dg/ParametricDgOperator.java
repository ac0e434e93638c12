package dev.nla.tensor.problems.dg;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The DG transport operator for a family of speeds and initial data in Tucker format: construction
 * B of the Tucker-summation spec (§3.4), an order-4 tensor with modes (Legendre coefficient, element,
 * speed, data parameter).
 *
 * <p>For speeds \(a_1, \dots, a_{n_a} \gt 0\) and data \(u_0(\cdot; \mu_1), \dots, u_0(\cdot;
 * \mu_{n_\mu})\), the DG coefficients of all \(n_an_\mu\) transports form \(\mathcal U \in
 * \mathbb{R}^{(k+1) \times N_e \times n_a \times n_\mu}\), fibre \(\mathcal U(:, :, i, m) = U(t; a_i,
 * \mu_m)\). The operator of speed \(a\) is \(a/a_{\mathrm{ref}}\) times the one of the reference
 * speed (its blocks \(K_1, K_2\) are linear in \(a\)), so with \(D = \operatorname{diag}(a_i /
 * a_{\mathrm{ref}})\) and the periodic shift \(P\) (\((PW)_{j,:} = W_{j-1 \bmod N_e,:}\)),
 * \[ L = I_{n_\mu} \otimes D \otimes (I_{N_e} \otimes K_1 + P \otimes K_2) \]
 * on \(\operatorname{vec}(\mathcal U)\) (first index fastest), and for \(\mathcal U = [\![\mathcal G;
 * V, W_e, W_a, W_\mu]\!]\)
 * \[ L\mathcal U = [\![\mathcal G; K_1V, W_e, DW_a, W_\mu]\!] + [\![\mathcal G; K_2V, PW_e, DW_a,
 *    W_\mu]\!], \]
 * two Tucker tensors sharing the core. Cost \(O((k+1)^2r_0 + N_er_e + n_ar_a)\).
 *
 * <p>Where this matters: the element mode is large (\(N_e\)) and carries the moderate rank of the
 * data (about the number of significant Fourier modes, see {@link PeriodicGaussian}), so the
 * deterministic rounding of a Runge–Kutta stage (QR of the \(N_e \times \sum_j r_e^{(j)}\) concatenated
 * factor, \(O(N_e(sr_e)^2)\)) is dominated by that mode, which a sketch of \(\ell \ll sr_e\) columns
 * avoids. The speed mode starts at rank 1 (the data do not depend on \(a\)); the transports at
 * different speeds drift apart and its rank grows with time.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ParametricDgOperator implements DgTuckerOperator {
    private final DgAdvectionOperator dg;
    private final double[] speeds;
    private final int dataSamples;
    private final int[] modeSizes;
    private final DenseMatrix k1;
    private final DenseMatrix k2;

    private ParametricDgOperator(DgAdvectionOperator dg, double[] speeds, int dataSamples) {
        this.dg = dg;
        this.speeds = speeds;
        this.dataSamples = dataSamples;
        this.modeSizes = new int[] {dg.options().degree() + 1, dg.options().elements(), speeds.length, dataSamples};
        this.k1 = dg.selfBlock();
        this.k2 = dg.neighbourBlock();
    }

    /**
     * The parametric operator.
     *
     * @param dg          the reference DG operator (degree \(k\), \(N_e\), speed \(a_{\mathrm{ref}}\))
     * @param speeds      \(a_1, \dots, a_{n_a}\), at least one, each positive and finite; copied
     * @param dataSamples \(n_\mu \ge 1\), the number of initial data
     * @return the operator on \(\mathbb{R}^{(k+1) \times N_e \times n_a \times n_\mu}\)
     * @throws NullPointerException     if {@code dg} or {@code speeds} is null
     * @throws IllegalArgumentException if {@code speeds} is empty or holds a value that is not
     *     positive and finite, or {@code dataSamples < 1}
     */
    public static ParametricDgOperator of(DgAdvectionOperator dg, double[] speeds, int dataSamples) {
        Objects.requireNonNull(dg, "dg");
        Objects.requireNonNull(speeds, "speeds");
        if (speeds.length == 0) {
            throw new IllegalArgumentException("speeds is empty: need at least one speed");
        }
        for (int i = 0; i < speeds.length; i++) {
            Require.positive("speeds[" + i + "]", speeds[i]);
        }
        Require.positive("dataSamples", dataSamples);
        return new ParametricDgOperator(dg, speeds.clone(), dataSamples);
    }

    /**
     * Uniform samples \(t_i = t_{\min} + (t_{\max} - t_{\min})\,i/(n - 1)\), \(i = 0, \dots, n - 1\)
     * (the midpoint if \(n = 1\)): the speed and width grids of the experiments.
     *
     * @param min \(t_{\min}\), finite
     * @param max \(t_{\max} \ge t_{\min}\), finite
     * @param n   the number of samples, \(\ge 1\)
     * @return a new array of \(n\) values
     * @throws IllegalArgumentException if a bound is not finite, {@code max < min} or {@code n < 1}
     */
    public static double[] samples(double min, double max, int n) {
        Require.finite("min", min);
        Require.finite("max", max);
        Require.positive("n", n);
        if (max < min) {
            throw new IllegalArgumentException("max = " + max + " is below min = " + min);
        }
        double[] t = new double[n];
        if (n == 1) {
            t[0] = 0.5 * (min + max);
            return t;
        }
        for (int i = 0; i < n; i++) {
            t[i] = (i == n - 1) ? max : min + (max - min) * i / (n - 1);
        }
        return t;
    }

    @Override
    public DgAdvectionOperator dg() {
        return dg;
    }

    /**
     * The speeds.
     *
     * @return a new array \((a_1, \dots, a_{n_a})\)
     */
    public double[] speeds() {
        return speeds.clone();
    }

    /**
     * The largest speed \(\max_i a_i\), which fixes the stable time step.
     *
     * @return \(a_{\max}\)
     */
    public double maxSpeed() {
        double m = 0;
        for (double a : speeds) {
            m = Math.max(m, a);
        }
        return m;
    }

    /**
     * The number \(n_\mu\) of initial data.
     *
     * @return \(n_\mu\)
     */
    public int dataSamples() {
        return dataSamples;
    }

    @Override
    public int[] modeSizes() {
        return modeSizes.clone();
    }

    /**
     * The one-dimensional DG operator of speed \(a_i\) (to run the full-grid reference of a fibre).
     *
     * @param speedIndex \(i\), \(0 \le i \lt n_a\)
     * @return the operator with options \((k, N_e, a_i)\)
     * @throws IndexOutOfBoundsException if {@code speedIndex} is out of range
     */
    public DgAdvectionOperator fibreOperator(int speedIndex) {
        Objects.checkIndex(speedIndex, speeds.length);
        DgOptions o = dg.options();
        return DgAdvectionOperator.of(new DgOptions(o.degree(), o.elements(), speeds[speedIndex]));
    }

    /**
     * The time grid reaching \(T\) with the step allowed at the largest speed (the CFL condition of
     * the fastest fibre bounds the step of all): {@link TimeGrid#of} with speed \(a_{\max}\).
     *
     * @param finalTime \(T \gt 0\), finite
     * @param courant   \(C \gt 0\), finite
     * @param rule      the step rule
     * @return the grid
     * @throws NullPointerException     if {@code rule} is null
     * @throws IllegalArgumentException if {@code finalTime} or {@code courant} is not positive and
     *     finite, or the step count exceeds {@link Integer#MAX_VALUE}
     */
    public TimeGrid timeGrid(double finalTime, double courant, TimeStepRule rule) {
        DgOptions o = dg.options();
        return TimeGrid.of(new DgOptions(o.degree(), o.elements(), maxSpeed()), finalTime, courant, rule);
    }

    /**
     * \(L\mathcal U\) as an unrounded sum of two Tucker tensors sharing the core (see the class
     * comment): the cell term, then the upwind-neighbour term.
     *
     * @param x \(\mathcal U\), mode sizes \((k + 1, N_e, n_a, n_\mu)\); not modified (shared)
     * @return the sum, both scalars 1
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if the mode sizes differ
     */
    @Override
    public TuckerSum apply(TuckerTensor x) {
        checkShape(x);
        DenseMatrix v = x.factor(0);
        DenseMatrix dw = x.factor(2).copy();
        double ref = dg.options().speed();
        for (int c = 0; c < dw.cols(); c++) {
            for (int i = 0; i < dw.rows(); i++) {
                dw.set(i, c, speeds[i] / ref * dw.get(i, c));
            }
        }
        List<DenseMatrix> cell = new ArrayList<>(x.factors());
        cell.set(0, Blas.multiply(k1, v));
        cell.set(2, dw);
        List<DenseMatrix> upwind = new ArrayList<>(x.factors());
        upwind.set(0, Blas.multiply(k2, v));
        upwind.set(1, shift(x.factor(1)));
        upwind.set(2, dw);
        return TuckerSum.of(new TuckerTensor(x.core(), cell), new TuckerTensor(x.core(), upwind));
    }

    /**
     * The exact Tucker form of speed-independent initial data: with \(M \in \mathbb{R}^{N_e \times
     * (k+1)n_\mu}\), \(M_{j, l + (k+1)m} = (U_m)_{lj}\), and its thin QR \(M = QR\), \(\mathcal U_0 =
     * [\![\mathcal G; I_{k+1}, Q, \mathbf 1_{n_a}, I_{n_\mu}]\!]\) with \(\mathcal G(l, c, 0, m) =
     * R_{c, l + (k+1)m}\): rank 1 in the speed mode, at most \(\min(N_e, (k+1)n_\mu)\) in the element
     * mode (no truncation; round it with a summation strategy). Cost \(O(N_e((k+1)n_\mu)^2)\).
     *
     * @param data \(U_1, \dots, U_{n_\mu}\), the coefficients of \(u_0(\cdot; \mu_m)\), each \((k + 1)
     *     \times N_e\) and finite; not modified
     * @return the Tucker tensor of mode sizes \((k + 1, N_e, n_a, n_\mu)\)
     * @throws NullPointerException       if {@code data} or an entry is null
     * @throws DimensionMismatchException if {@code data} does not hold \(n_\mu\) matrices or one has
     *     the wrong shape
     * @throws dev.nla.core.error.NonFiniteValueException if an entry is NaN or infinite
     * @throws dev.nla.core.error.SizeLimitExceededException if \(M\) would exceed {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    public TuckerTensor toTucker(List<DenseMatrix> data) {
        Objects.requireNonNull(data, "data");
        if (data.size() != dataSamples) {
            throw new DimensionMismatchException(
                    "data holds " + data.size() + " matrices, the operator has n_mu = " + dataSamples);
        }
        int n = modeSizes[0];
        int ne = modeSizes[1];
        for (int m = 0; m < dataSamples; m++) {
            DenseMatrix u = Objects.requireNonNull(data.get(m), "data[" + m + "]");
            Require.shape("data[" + m + "]", u, n, ne);
            Require.allFinite("data[" + m + "]", u);
        }
        return exactForm(1, (i, m) -> data.get(m));
    }

    /**
     * The exact Tucker form of data that depend on the speed and the data parameter (for instance
     * the transported data \(u_0(x - a_it_0; \mu_m)\) at a time \(t_0 \gt 0\)): with \(M \in
     * \mathbb{R}^{N_e \times (k+1)n_an_\mu}\), \(M_{j, l + (k+1)(i + n_am)} = (U_{im})_{lj}\), and its
     * thin QR \(M = QR\), \(\mathcal U = [\![\mathcal G; I_{k+1}, Q, I_{n_a}, I_{n_\mu}]\!]\) with
     * \(\mathcal G(l, c, i, m) = R_{c, l + (k+1)(i + n_am)}\) (no truncation). Cost \(O(N_e((k +
     * 1)n_an_\mu)^2)\).
     *
     * @param fibres \(U_{im}\) at {@code fibres[i][m]}, \(n_a\) rows of \(n_\mu\) matrices, each
     *     \((k + 1) \times N_e\) and finite; not modified
     * @return the Tucker tensor of mode sizes \((k + 1, N_e, n_a, n_\mu)\)
     * @throws NullPointerException       if {@code fibres}, a row or an entry is null
     * @throws DimensionMismatchException if {@code fibres} is not \(n_a \times n_\mu\) or a matrix has
     *     the wrong shape
     * @throws dev.nla.core.error.NonFiniteValueException if an entry is NaN or infinite
     * @throws dev.nla.core.error.SizeLimitExceededException if \(M\) would exceed {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    public TuckerTensor toTucker(DenseMatrix[][] fibres) {
        Objects.requireNonNull(fibres, "fibres");
        if (fibres.length != speeds.length) {
            throw new DimensionMismatchException(
                    "fibres has " + fibres.length + " rows, the operator has n_a = " + speeds.length + " speeds");
        }
        for (int i = 0; i < fibres.length; i++) {
            Objects.requireNonNull(fibres[i], "fibres[" + i + "]");
            if (fibres[i].length != dataSamples) {
                throw new DimensionMismatchException("fibres[" + i + "] holds " + fibres[i].length
                        + " matrices, the operator has n_mu = " + dataSamples);
            }
        }
        int n = modeSizes[0];
        int ne = modeSizes[1];
        for (int i = 0; i < fibres.length; i++) {
            for (int m = 0; m < dataSamples; m++) {
                String name = "fibres[" + i + "][" + m + "]";
                DenseMatrix u = Objects.requireNonNull(fibres[i][m], name);
                Require.shape(name, u, n, ne);
                Require.allFinite(name, u);
            }
        }
        return exactForm(speeds.length, (i, m) -> fibres[i][m]);
    }

    /** Source of the fibre matrices of {@link #exactForm}. */
    @FunctionalInterface
    private interface FibreSource {
        DenseMatrix get(int speedIndex, int dataIndex);
    }

    /** QR of the element unfolding; {@code na} = 1 (data independent of the speed) or n_a. */
    private TuckerTensor exactForm(int na, FibreSource fibres) {
        int n = modeSizes[0];
        int ne = modeSizes[1];
        long cols = (long) n * na * dataSamples;
        Require.sizeWithin("parametric data unfolding", ne * cols, DenseMatrix.MAX_ELEMENTS);
        DenseMatrix unfolding = DenseMatrix.zeros(ne, (int) cols);
        for (int m = 0; m < dataSamples; m++) {
            for (int i = 0; i < na; i++) {
                DenseMatrix u = fibres.get(i, m);
                int offset = n * (i + na * m);
                for (int j = 0; j < ne; j++) {
                    for (int l = 0; l < n; l++) {
                        unfolding.set(j, offset + l, u.get(l, j));
                    }
                }
            }
        }
        QrResult qr = Decompositions.qr().decompose(unfolding, QrMode.THIN);
        DenseMatrix r = qr.r();
        int re = r.rows();
        DenseTensor core = DenseTensor.zeros(n, re, na, dataSamples);
        for (int m = 0; m < dataSamples; m++) {
            for (int i = 0; i < na; i++) {
                int offset = n * (i + na * m);
                for (int c = 0; c < re; c++) {
                    for (int l = 0; l < n; l++) {
                        core.set(r.get(c, offset + l), l, c, i, m);
                    }
                }
            }
        }
        DenseMatrix speedFactor;
        if (na == 1) {
            speedFactor = DenseMatrix.zeros(speeds.length, 1);
            for (int i = 0; i < speeds.length; i++) {
                speedFactor.set(i, 0, 1.0);
            }
        } else {
            speedFactor = DenseMatrix.identity(speeds.length);
        }
        return TuckerTensor.of(core, DenseMatrix.identity(n), qr.q(), speedFactor, DenseMatrix.identity(dataSamples));
    }

    /**
     * The exact Tucker form of the \(L^2\) projections of a family of initial data ({@link
     * DgAdvectionOperator#project}, then {@link #toTucker(List)}).
     *
     * @param family \(u_0(\cdot; \mu_1), \dots, u_0(\cdot; \mu_{n_\mu})\) on \([0, 1)\); each must return
     *     finite values
     * @return the Tucker tensor of mode sizes \((k + 1, N_e, n_a, n_\mu)\)
     * @throws NullPointerException       if {@code family} or an entry is null
     * @throws DimensionMismatchException if {@code family} does not hold \(n_\mu\) functions
     * @throws dev.nla.core.error.NonFiniteValueException if a function returns NaN or an infinity
     * @throws dev.nla.core.error.SizeLimitExceededException if the data are too large to assemble
     */
    public TuckerTensor project(List<? extends DoubleUnaryOperator> family) {
        Objects.requireNonNull(family, "family");
        if (family.size() != dataSamples) {
            throw new DimensionMismatchException(
                    "family holds " + family.size() + " functions, the operator has n_mu = " + dataSamples);
        }
        List<DenseMatrix> data = new ArrayList<>(dataSamples);
        for (int m = 0; m < dataSamples; m++) {
            data.add(dg.project(Objects.requireNonNull(family.get(m), "family[" + m + "]")));
        }
        return toTucker(data);
    }

    /**
     * The DG coefficients of one transport, \(\mathcal U(:, :, i, m) = V\,C\,W_e^{\mathsf T}\) with
     * \(C = \mathcal G \times_3 W_a(i, :) \times_4 W_\mu(m, :)\) (reshaped to \(r_0 \times r_e\)).
     *
     * @param x          \(\mathcal U\), mode sizes \((k + 1, N_e, n_a, n_\mu)\); not modified
     * @param speedIndex \(i\), \(0 \le i \lt n_a\)
     * @param dataIndex  \(m\), \(0 \le m \lt n_\mu\)
     * @return \(U(a_i, \mu_m)\), a new \((k + 1) \times N_e\) matrix
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if the mode sizes differ
     * @throws IndexOutOfBoundsException  if an index is out of range
     */
    public DenseMatrix fibre(TuckerTensor x, int speedIndex, int dataIndex) {
        checkShape(x);
        Objects.checkIndex(speedIndex, speeds.length);
        Objects.checkIndex(dataIndex, dataSamples);
        DenseMatrix wa = x.factor(2);
        DenseMatrix wm = x.factor(3);
        List<DenseMatrix> rows = new ArrayList<>(4);
        rows.add(null);
        rows.add(null);
        rows.add(wa.view(speedIndex, 0, 1, wa.cols()));
        rows.add(wm.view(dataIndex, 0, 1, wm.cols()));
        DenseTensor g = ModeProducts.multiplyAll(x.core(), Transpose.NO_TRANSPOSE, rows);
        DenseMatrix c = DenseMatrix.wrap(x.rank(0), x.rank(1), g.data());
        DenseMatrix vc = Blas.multiply(x.factor(0), c);
        DenseMatrix out = DenseMatrix.zeros(modeSizes[0], modeSizes[1]);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, vc, x.factor(1), 0.0, out);
        return out;
    }

    private void checkShape(TuckerTensor x) {
        Objects.requireNonNull(x, "x");
        if (!Arrays.equals(x.modeSizes(), modeSizes)) {
            throw new DimensionMismatchException("the tensor has mode sizes " + Arrays.toString(x.modeSizes())
                    + ", the parametric DG operator acts on " + Arrays.toString(modeSizes));
        }
    }

    /** P W: row j receives row j - 1, row 0 receives row N_e - 1 (periodic). */
    private static DenseMatrix shift(DenseMatrix w) {
        int n = w.rows();
        DenseMatrix out = DenseMatrix.zeros(n, w.cols());
        for (int c = 0; c < w.cols(); c++) {
            for (int i = 1; i < n; i++) {
                out.set(i, c, w.get(i - 1, c));
            }
            out.set(0, c, w.get(n - 1, c));
        }
        return out;
    }
}
