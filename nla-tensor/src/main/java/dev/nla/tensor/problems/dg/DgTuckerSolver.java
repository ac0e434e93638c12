package dev.nla.tensor.problems.dg;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.solve.TimeSplit;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * SSP-RK3 for a Tucker form of the DG transport operator ("step and truncate"): every Runge–Kutta
 * stage is a sum of Tucker tensors, rounded by a chosen {@link TuckerSummation} strategy to a
 * relative tolerance. The operator is construction A ({@link QuantizedDgOperator}, \(L\mathcal U\) a
 * sum of \(t = q + 1\) terms) or construction B ({@link ParametricDgOperator}, \(t = 2\) terms; every
 * fibre \((a_i, \mu_m)\) is advanced with the same step, which must be stable for the largest speed,
 * {@link ParametricDgOperator#timeGrid}).
 *
 * <p>With \(L\mathcal U\) the \(t\)-term sum of {@link DgTuckerOperator#apply}, a step is
 * \[ \mathcal U^{(1)} = \operatorname{round}(\mathcal U^n + \Delta t\,L\mathcal U^n), \quad
 *    \mathcal U^{(2)} = \operatorname{round}(\tfrac34\mathcal U^n + \tfrac14\mathcal U^{(1)} +
 *    \tfrac{\Delta t}{4}L\mathcal U^{(1)}), \quad \mathcal U^{n+1} = \operatorname{round}(\tfrac13
 *    \mathcal U^n + \tfrac23\mathcal U^{(2)} + \tfrac{2\Delta t}{3}L\mathcal U^{(2)}), \]
 * sums of \(t + 1\), \(t + 2\) and \(t + 2\) Tucker tensors. Without rounding this is exactly the
 * full-grid {@link SspRk3}; each rounding adds a relative error of at most \(\varepsilon\) (for the
 * deterministic strategies; with high probability for the randomized ones), so over \(N\) steps the
 * difference from the full grid is at most about \(3N\varepsilon\|u\|\) (the scheme is
 * \(L^2\)-stable), and much less when the truncated singular values are at rounding level.
 *
 * <p>Instances are immutable and thread-safe if the summation is.
 */
public final class DgTuckerSolver {
    private final DgTuckerOperator operator;
    private final TuckerSummation rounding;
    private final double tolerance;
    private final int maxRank;

    /**
     * A solver rounding to a relative tolerance.
     *
     * @param operator  the DG operator in Tucker form (quantized or parametric)
     * @param rounding  the summation strategy
     * @param tolerance relative rounding tolerance \(\varepsilon \ge 0\) per stage, finite
     * @param maxRank   a cap on every rank, or 0 for none; required (positive) by the fixed-rank
     *     strategies, whose sketches then have \(\min(\text{maxRank}, n_k)\) columns
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code tolerance} is negative or not finite, {@code maxRank
     *     < 0}, or the strategy needs ranks and {@code maxRank == 0}
     */
    public DgTuckerSolver(DgTuckerOperator operator, TuckerSummation rounding, double tolerance, int maxRank) {
        this.operator = Objects.requireNonNull(operator, "operator");
        this.rounding = Objects.requireNonNull(rounding, "rounding");
        this.tolerance = Require.nonNegative("tolerance", tolerance);
        this.maxRank = Require.nonNegative("maxRank", maxRank);
        if (rounding.strategy().needsRanks() && maxRank == 0) {
            throw new IllegalArgumentException("the " + rounding.strategy().displayName()
                    + " strategy rounds to fixed ranks: give a positive maxRank");
        }
    }

    /**
     * Advances the DG coefficients of the quantized operator from \(t = 0\) over a time grid.
     *
     * @param initial \(U(0)\), \((k + 1) \times N_e\); not modified; must be finite (it is written
     *     in Tucker form exactly, {@link QuantizedDgOperator#toTucker}, and rounded once before the
     *     first step)
     * @param grid    the time grid
     * @param state   the random state of the first rounding; not modified
     * @return the solution and the per-step diagnostics
     * @throws NullPointerException       if an argument is null
     * @throws UnsupportedOperationException if the operator is not a {@link QuantizedDgOperator}
     *     (the parametric one takes its data in Tucker form: {@link #solve(TuckerTensor, TimeGrid,
     *     RngState)})
     * @throws DimensionMismatchException if the shape of {@code initial} is wrong
     * @throws dev.nla.core.error.NonFiniteValueException if {@code initial} holds NaN or an infinity
     * @throws dev.nla.core.error.SizeLimitExceededException if a deterministic rounding would exceed
     *     its size limit
     */
    public DgTuckerResult solve(DenseMatrix initial, TimeGrid grid, RngState state) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(state, "state");
        if (!(operator instanceof QuantizedDgOperator quantized)) {
            throw new UnsupportedOperationException("solve(DenseMatrix, ...) needs a QuantizedDgOperator; the "
                    + operator.getClass().getSimpleName() + " takes its initial data as a TuckerTensor");
        }
        Require.allFinite("initial", initial);
        return solve(quantized.toTucker(initial), grid, state);
    }

    /**
     * Advances a Tucker tensor of DG coefficients from \(t = 0\) over a time grid.
     *
     * @param initial \(\mathcal U(0)\), mode sizes {@link DgTuckerOperator#modeSizes()}; not
     *     modified; must be finite (rounded once before the first step)
     * @param grid    the time grid
     * @param state   the random state of the first rounding; not modified
     * @return the solution and the per-step diagnostics
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the mode sizes of {@code initial} differ from the
     *     operator's
     * @throws dev.nla.core.error.NonFiniteValueException if {@code initial} holds NaN or an infinity
     * @throws dev.nla.core.error.SizeLimitExceededException if a deterministic rounding would exceed
     *     its size limit
     */
    public DgTuckerResult solve(TuckerTensor initial, TimeGrid grid, RngState state) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(state, "state");
        if (!Arrays.equals(initial.modeSizes(), operator.modeSizes())) {
            throw new DimensionMismatchException("initial has mode sizes " + Arrays.toString(initial.modeSizes())
                    + ", the operator acts on " + Arrays.toString(operator.modeSizes()));
        }
        initial.requireFinite("initial");
        long start = System.nanoTime();
        long[] clock = new long[3]; // apply, sum+round, monitor
        int[] sizes = operator.modeSizes();
        Truncation truncation = truncation(sizes);
        double dt = grid.step();
        int steps = grid.steps();
        long t0 = System.nanoTime();
        SummationResult r0 = rounding.sum(TuckerSum.single(1.0, initial), truncation, state);
        clock[1] += System.nanoTime() - t0;
        RngState rng = r0.next();
        TuckerTensor u = r0.tensor();
        int[][] ranks = new int[steps][];
        int[] maxStage = new int[steps];
        long[] roundNanos = new long[steps];
        double[] integrals = new double[steps + 1];
        integrals[0] = integral(u, clock);
        for (int n = 0; n < steps; n++) {
            long before = clock[1];
            SummationResult s1 = stage(new double[] {1.0}, List.of(u), dt, u, truncation, rng, clock);
            SummationResult s2 = stage(
                    new double[] {0.75, 0.25},
                    List.of(u, s1.tensor()),
                    0.25 * dt,
                    s1.tensor(),
                    truncation,
                    s1.next(),
                    clock);
            SummationResult s3 = stage(
                    new double[] {1.0 / 3.0, 2.0 / 3.0},
                    List.of(u, s2.tensor()),
                    2.0 / 3.0 * dt,
                    s2.tensor(),
                    truncation,
                    s2.next(),
                    clock);
            rng = s3.next();
            u = s3.tensor();
            roundNanos[n] = clock[1] - before;
            ranks[n] = u.ranks();
            maxStage[n] =
                    Math.max(max(s1.tensor().ranks()), Math.max(max(s2.tensor().ranks()), max(u.ranks())));
            integrals[n + 1] = integral(u, clock);
        }
        long total = System.nanoTime() - start;
        TimeSplit split =
                new TimeSplit(clock[0], clock[1], clock[2], Math.max(0, total - clock[0] - clock[1] - clock[2]));
        return new DgTuckerResult(u, steps, ranks, maxStage, roundNanos, integrals, split, rng);
    }

    /** round(sum_i c_i X_i + h L Y). */
    private SummationResult stage(
            double[] c,
            List<TuckerTensor> xs,
            double h,
            TuckerTensor y,
            Truncation truncation,
            RngState rng,
            long[] clock) {
        long t0 = System.nanoTime();
        TuckerSum ly = operator.apply(y);
        clock[0] += System.nanoTime() - t0;
        List<TuckerTensor> terms = new ArrayList<>(xs);
        double[] alphas = Arrays.copyOf(c, c.length + ly.size());
        for (int j = 0; j < ly.size(); j++) {
            alphas[c.length + j] = h * ly.alpha(j);
            terms.add(ly.term(j));
        }
        long t1 = System.nanoTime();
        SummationResult r = rounding.sum(TuckerSum.of(alphas, terms), truncation, rng);
        clock[1] += System.nanoTime() - t1;
        return r;
    }

    /** dx * sum of U_{0,...}: contract mode 1 with e_0 and the other modes with ones. */
    private double integral(TuckerTensor u, long[] clock) {
        long t0 = System.nanoTime();
        List<DenseMatrix> rows = new ArrayList<>(u.order());
        DenseMatrix v = u.factor(0);
        rows.add(v.view(0, 0, 1, v.cols()));
        for (int i = 1; i < u.order(); i++) {
            DenseMatrix w = u.factor(i);
            DenseMatrix sums = DenseMatrix.zeros(1, w.cols());
            for (int c = 0; c < w.cols(); c++) {
                double s = 0;
                for (int r = 0; r < w.rows(); r++) {
                    s += w.get(r, c);
                }
                sums.set(0, c, s);
            }
            rows.add(sums);
        }
        DenseTensor g = ModeProducts.multiplyAll(u.core(), Transpose.NO_TRANSPOSE, rows);
        double value = operator.dg().options().cellWidth() * g.data()[0];
        clock[2] += System.nanoTime() - t0;
        return value;
    }

    private Truncation truncation(int[] sizes) {
        if (maxRank == 0) {
            return Truncation.tolerance(tolerance);
        }
        int[] caps = new int[sizes.length];
        for (int i = 0; i < caps.length; i++) {
            caps[i] = Math.min(maxRank, sizes[i]);
        }
        return Truncation.ranks(caps).withTolerance(tolerance);
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
