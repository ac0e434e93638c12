package dev.nla.tensor.solve;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tenalg.TuckerNorms;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * GMRES in Tucker format with relaxed truncation and right preconditioning [Saad and Schultz 1986;
 * Dolgov 2013; Kressner and Tobler 2011], where every rounding of a sum of Tucker tensors is done by
 * a chosen {@link TuckerSummation} strategy.
 *
 * <p>Solves \(\mathcal A\mathcal P^{-1}\mathcal Y = \mathcal B\), \(\mathcal X = \mathcal
 * P^{-1}\mathcal Y\), from \(\mathcal X_0 = 0\), with \(\mathcal V_0 = \mathcal B/\beta\), \(\beta =
 * \|\mathcal B\|\). Iteration \(k = 1, 2, \dots\):
 * <ol>
 *   <li>\(\delta_k = c\,\text{tol}/\rho_{k-1}\), \(\rho_{k-1} = \|r_{k-1}\|/\beta\) the current
 *       Arnoldi residual (relaxed truncation: later products may be less accurate);
 *   <li>\(\mathcal W = \operatorname{round}_{\delta_k}(\mathcal A\mathcal P^{-1}\mathcal V_{k-1})\):
 *       a sum of as many Tucker tensors as \(\mathcal A\) has Kronecker terms;
 *   <li>\(h_{ik} = \langle\mathcal V_i, \mathcal W\rangle\), \(i \lt k\) (classical Gram–Schmidt, exact
 *       inner products in Tucker form);
 *   <li>\(\mathcal W \leftarrow \operatorname{round}_{\delta_k}(\mathcal W - \sum_{i \lt k} h_{ik}
 *       \mathcal V_i)\): a sum of \(k + 1\) Tucker tensors, the dominant cost;
 *   <li>\(h_{k,k-1} = \|\mathcal W\|\), \(\mathcal V_k = \mathcal W/h_{k,k-1}\); update the QR
 *       factorization of the Hessenberg matrix by a Givens rotation, which gives \(\rho_k\).
 * </ol>
 * The iteration stops when \(\rho_k \le \text{tol}\) (converged), when \(h_{k,k-1} = 0\) (the
 * Krylov space is invariant: converged), or after {@code maxIterations} steps (not converged,
 * reported in the result). The solution is \(\tilde{\mathcal X} = \beta\operatorname{round}_{f\,
 * \text{tol}}(\mathcal P^{-1}\operatorname{round}_{f\,\text{tol}}(\sum_i y_i\mathcal V_i))\) with
 * \(y\) the least-squares solution; its true residual \(\|\mathcal B - \mathcal A\tilde{\mathcal
 * X}\|/\beta\) is evaluated in Tucker form by {@link TuckerNorms#projectedNorm}, which is accurate
 * when the sum cancels.
 *
 * <p><b>Randomness.</b> Every rounding receives the state returned by the previous one, so each
 * draws fresh random test matrices (for the randomized strategies); the same initial state gives
 * bitwise-identical results.
 *
 * <p>Instances are immutable and thread-safe if their summations are.
 */
public final class TuckerGmres {
    private final TuckerSummation productRounding;
    private final TuckerSummation orthogonalizationRounding;
    private final TuckerGmresOptions options;

    /**
     * GMRES with one strategy for both per-iteration roundings and the final ones.
     *
     * @param rounding the summation strategy
     * @param options  the options
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the strategy needs target ranks and no rank cap is set
     */
    public TuckerGmres(TuckerSummation rounding, TuckerGmresOptions options) {
        this(rounding, rounding, options);
    }

    /**
     * GMRES with separate strategies for the rounding of the operator product (step 2) and of the
     * orthogonalized vector (step 4, also used for the final roundings).
     *
     * @param productRounding            the strategy of step 2
     * @param orthogonalizationRounding  the strategy of step 4 and of the solution
     * @param options                    the options
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a strategy needs target ranks and no rank cap is set
     */
    public TuckerGmres(
            TuckerSummation productRounding, TuckerSummation orthogonalizationRounding, TuckerGmresOptions options) {
        this.productRounding = Objects.requireNonNull(productRounding, "productRounding");
        this.orthogonalizationRounding = Objects.requireNonNull(orthogonalizationRounding, "orthogonalizationRounding");
        this.options = Objects.requireNonNull(options, "options");
        for (TuckerSummation s : List.of(productRounding, orthogonalizationRounding)) {
            if (s.strategy().needsRanks() && options.maxRank() == 0) {
                throw new IllegalArgumentException("the " + s.strategy().displayName()
                        + " strategy rounds to fixed ranks: set maxRank (the sketch size cap) in the GMRES options");
            }
        }
    }

    /**
     * The options.
     *
     * @return the options
     */
    public TuckerGmresOptions options() {
        return options;
    }

    /**
     * Solves \(\mathcal A\mathcal X = \mathcal B\) with right preconditioner \(\mathcal P\).
     *
     * @param a     the operator \(\mathcal A\)
     * @param b     the right-hand side \(\mathcal B \ne 0\), mode sizes {@code a.modeSizes()}; not
     *     modified; must be finite
     * @param p     the preconditioner (use {@link TuckerPreconditioner#identity()} for none)
     * @param state the random state for the first rounding; not modified
     * @return the solution, convergence flag, histories and time split
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the mode sizes of {@code b} differ from those of {@code
     *     a}
     * @throws IllegalArgumentException   if \(\mathcal B = 0\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code b} holds NaN or an infinity
     * @throws dev.nla.core.error.SizeLimitExceededException if a deterministic rounding or the
     *     true-residual evaluation would exceed its size limit
     */
    public TuckerGmresResult solve(TuckerOperator a, TuckerTensor b, TuckerPreconditioner p, RngState state) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(state, "state");
        int[] sizes = a.modeSizes();
        if (!Arrays.equals(sizes, b.modeSizes())) {
            throw new DimensionMismatchException("the right-hand side has mode sizes " + Arrays.toString(b.modeSizes())
                    + ", the operator acts on " + Arrays.toString(sizes));
        }
        b.requireFinite("b");
        long start = System.nanoTime();
        Clock clock = new Clock();
        double beta = TuckerNorms.norm(b);
        if (!(beta > 0)) {
            throw new IllegalArgumentException("the right-hand side is zero: GMRES needs ||B|| > 0");
        }
        double tol = options.tolerance();
        int maxIt = options.maxIterations();
        List<TuckerTensor> basis = new ArrayList<>();
        basis.add(scaled(b, 1.0 / beta));
        double[][] h = new double[maxIt + 1][maxIt];
        double[] cs = new double[maxIt];
        double[] sn = new double[maxIt];
        double[] g = new double[maxIt + 1];
        g[0] = 1.0;
        List<Double> estimates = new ArrayList<>();
        estimates.add(1.0);
        List<Double> trueResiduals = new ArrayList<>();
        List<int[]> ranks = new ArrayList<>();
        List<Integer> maxRanks = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        RngState rng = state;
        // Monitoring draws from its own stream, so tracking does not change the iterates.
        RngState monitorRng = state.split(1);
        boolean converged = false;
        int k = 0;
        while (k < maxIt) {
            double residual = Math.abs(g[k]);
            double delta = options.relaxation() * tol / residual;
            // Step 2: W = round(A P^-1 V_k).
            long t0 = System.nanoTime();
            TuckerSum product = a.apply(p.applyInverse(basis.get(k)));
            clock.apply += System.nanoTime() - t0;
            SummationResult w = round(productRounding, product, delta, sizes, rng, clock);
            rng = w.next();
            // Step 3: classical Gram-Schmidt coefficients, exact in Tucker form.
            double[] alphas = new double[k + 2];
            List<TuckerTensor> terms = new ArrayList<>(k + 2);
            alphas[0] = 1.0;
            terms.add(w.tensor());
            for (int i = 0; i <= k; i++) {
                h[i][k] = TuckerNorms.inner(basis.get(i), w.tensor());
                alphas[i + 1] = -h[i][k];
                terms.add(basis.get(i));
            }
            // Step 4: W = round(W - sum_i h_ik V_i).
            SummationResult v =
                    round(orthogonalizationRounding, TuckerSum.of(alphas, terms), delta, sizes, w.next(), clock);
            rng = v.next();
            double hn = TuckerNorms.norm(v.tensor());
            h[k + 1][k] = hn;
            // Apply the previous rotations to column k, then a new one to annihilate h[k+1][k].
            for (int i = 0; i < k; i++) {
                double temp = cs[i] * h[i][k] + sn[i] * h[i + 1][k];
                h[i + 1][k] = -sn[i] * h[i][k] + cs[i] * h[i + 1][k];
                h[i][k] = temp;
            }
            double rr = Math.hypot(h[k][k], h[k + 1][k]);
            cs[k] = rr == 0 ? 1.0 : h[k][k] / rr;
            sn[k] = rr == 0 ? 0.0 : h[k + 1][k] / rr;
            h[k][k] = rr;
            h[k + 1][k] = 0.0;
            g[k + 1] = -sn[k] * g[k];
            g[k] = cs[k] * g[k];
            k++;
            estimates.add(Math.abs(g[k]));
            deltas.add(delta);
            int[] vr = v.tensor().ranks();
            ranks.add(vr);
            maxRanks.add(Math.max(max(w.tensor().ranks()), max(vr)));
            boolean breakdown = !(hn > 0);
            if (!breakdown) {
                basis.add(scaled(v.tensor(), 1.0 / hn));
            }
            if (options.trackTrueResidual()) {
                long t3 = System.nanoTime();
                Clock scratch = new Clock();
                Iterate it = iterate(basis, h, g, k, beta, p, monitorRng, scratch);
                monitorRng = it.next;
                trueResiduals.add(trueResidual(a, b, it.x, beta));
                clock.monitor += System.nanoTime() - t3;
            }
            if (Math.abs(g[k]) <= tol || breakdown) {
                converged = true;
                break;
            }
        }
        Iterate solution = iterate(basis, h, g, k, beta, p, rng, clock);
        rng = solution.next;
        long t4 = System.nanoTime();
        double finalResidual = trueResidual(a, b, solution.x, beta);
        clock.monitor += System.nanoTime() - t4;
        long total = System.nanoTime() - start;
        long other = Math.max(0, total - clock.apply - clock.sumRound - clock.monitor);
        return new TuckerGmresResult(
                solution.x,
                converged,
                k,
                toArray(estimates),
                toArray(trueResiduals),
                finalResidual,
                ranks.toArray(new int[0][]),
                maxRanks.stream().mapToInt(Integer::intValue).toArray(),
                toArray(deltas),
                new TimeSplit(clock.apply, clock.sumRound, clock.monitor, other),
                rng);
    }

    /** The iterate beta * round(P^-1 round(sum_i y_i V_i)) after k steps; y from the rotated H. */
    private Iterate iterate(
            List<TuckerTensor> basis,
            double[][] h,
            double[] g,
            int k,
            double beta,
            TuckerPreconditioner p,
            RngState rng,
            Clock clock) {
        int[] sizes = basis.get(0).modeSizes();
        if (k == 0) {
            return new Iterate(scaled(basis.get(0), 0.0), rng);
        }
        double[] y = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = g[i];
            for (int j = i + 1; j < k; j++) {
                s -= h[i][j] * y[j];
            }
            y[i] = h[i][i] == 0 ? 0.0 : s / h[i][i];
        }
        double finalTol = options.finalRoundingFactor() * options.tolerance();
        SummationResult sum =
                round(orthogonalizationRounding, TuckerSum.of(y, basis.subList(0, k)), finalTol, sizes, rng, clock);
        long t0 = System.nanoTime();
        TuckerTensor precond = p.applyInverse(sum.tensor());
        clock.apply += System.nanoTime() - t0;
        SummationResult x =
                round(orthogonalizationRounding, TuckerSum.single(beta, precond), finalTol, sizes, sum.next(), clock);
        return new Iterate(x.tensor(), x.next());
    }

    private double trueResidual(TuckerOperator a, TuckerTensor b, TuckerTensor x, double beta) {
        TuckerSum ax = a.apply(x);
        double[] alphas = new double[ax.size() + 1];
        List<TuckerTensor> terms = new ArrayList<>(ax.size() + 1);
        alphas[0] = 1.0;
        terms.add(b);
        for (int j = 0; j < ax.size(); j++) {
            alphas[j + 1] = -ax.alpha(j);
            terms.add(ax.term(j));
        }
        return TuckerNorms.projectedNorm(TuckerSum.of(alphas, terms), options.residualCoreLimit()) / beta;
    }

    private SummationResult round(
            TuckerSummation strategy, TuckerSum sum, double tolerance, int[] sizes, RngState rng, Clock clock) {
        Truncation truncation = Truncation.tolerance(tolerance);
        if (options.maxRank() > 0) {
            int[] caps = new int[sizes.length];
            for (int i = 0; i < caps.length; i++) {
                caps[i] = Math.min(options.maxRank(), sizes[i]);
            }
            truncation = Truncation.ranks(caps).withTolerance(tolerance);
        }
        long t0 = System.nanoTime();
        SummationResult r = strategy.sum(sum, truncation, rng);
        clock.sumRound += System.nanoTime() - t0;
        return r;
    }

    /** alpha * x with the core scaled (factors shared). */
    private static TuckerTensor scaled(TuckerTensor x, double alpha) {
        double[] data = x.core().data().clone();
        for (int i = 0; i < data.length; i++) {
            data[i] *= alpha;
        }
        return x.withCore(DenseTensor.wrap(data, x.core().shape()));
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    private static final class Clock {
        long apply;
        long sumRound;
        long monitor;
    }

    private record Iterate(TuckerTensor x, RngState next) {}
}
