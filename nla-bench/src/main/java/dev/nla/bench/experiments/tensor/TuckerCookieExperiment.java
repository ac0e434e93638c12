package dev.nla.bench.experiments.tensor;

import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Table;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.tensor.problems.cookie.CookieOptions;
import dev.nla.tensor.problems.cookie.CookieProblem;
import dev.nla.tensor.problems.cookie.ParametricCookieOperator;
import dev.nla.tensor.solve.TuckerGmres;
import dev.nla.tensor.solve.TuckerGmresOptions;
import dev.nla.tensor.solve.TuckerGmresResult;
import dev.nla.tensor.sum.SummationOptions;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment 3 of the Tucker-summation paper (spec §3.3, acceptance test T12): the parametric
 * diffusion ("cookie") problem with 4 cookies, \(\sigma = \rho_\mu\) on cookie \(\mu\), \(\rho_\mu\)
 * sampled at \(n\) points of \([1, 10]\), so the solution is a Tucker tensor of order \(d = 5\)
 * (space, then one mode per cookie), solved by {@link TuckerGmres} (tol \(10^{-8}\), maxit 50,
 * mean-based right preconditioner, relaxed rounding \(\delta_k = 0.01\,\text{tol}/\rho_k\)) with
 * deterministic rounding ({@code FORMAL_QR_ROUNDING}, B2) and sketched rounding ({@code ADAPTIVE},
 * B5) of both per-iteration sums.
 *
 * <p>Per \(n\) and strategy: iterations, Arnoldi and true residual per iteration (true residual
 * evaluated in Tucker form), the largest rank per iteration, the time split (apply / sum+round /
 * other; the true-residual monitoring is timed separately and excluded), and the relative error
 * of the solution fibre against the banded-Cholesky solve at random grid points. B2 forms the formal
 * core of \(\prod_k\min(n_k, R_k)\) entries, up to \(N_h n^4\) here; a run whose core exceeds the
 * scale's size limit is recorded as refused (that is the bottleneck the sketched strategies remove).
 * At such an \(n\) the sketched solve runs <em>paired</em>: every rounding call is also done
 * by B2 on the identical sum and truncation ({@link PairedRounding}; its result is discarded, so the
 * solve is unchanged), under a larger size limit, and the per-call times of both are recorded
 * (B2 refuses the calls whose core is still too large). The paired run does not monitor the true
 * residual per iteration (the monitor's roundings would be paired too). Before the timed runs each
 * strategy solves a small problem once, untimed, to compile the code.
 *
 * <p>Sizes per scale: smoke (\(n_x = 8\), \(n = 3, 4\), B2 limit \(2^{14}\) entries so that B2 is
 * refused at \(n = 4\) and the paired path runs, with a paired limit of \(2^{13}\); seconds),
 * quick (\(n_x = 40\): 1681 nodes, \(n = 4, 8\), B2 limit \(2^{24}\); about a minute), paper
 * (\(n = 8, 16, 32\), B2 limit \(2^{27}\): B2 runs whole solves at \(n = 8, 16\), which needs
 * several GB of heap, and is refused at \(n = 32\), where the paired run times it on every call
 * whose formal core has at most \(2^{29}\) entries (B2 holds its core, a copy for the mode-1 QR and
 * an intermediate product: about 10 GB at the limit; \(2^{30}\) ran out of a 20 GB heap); with the
 * Krylov basis on top (ranks in the parameter modes grow to \(\min(k + 1, n)\)), the \(n = 32\)
 * run needs a heap of about 21 GB: {@code NLA_JAVA_OPTS=-Xmx21g}). Random grid points derive from {@code rng().split(1).split(n)}, sketches
 * from {@code rng().split(100 + n)}, so the rows of one \(n\) do not depend on the other \(n\).
 */
public final class TuckerCookieExperiment implements Experiment {
    /** One row per (n, strategy). */
    public static final String SUMMARY_CSV = "cookie-summary.csv";

    /** One row per (n, strategy, iteration). */
    public static final String HISTORY_CSV = "cookie-history.csv";

    /** Residuals against the iteration at the largest n. */
    public static final String CONVERGENCE_PLOT = "cookie-convergence.png";

    /** Largest rank per iteration at the largest n. */
    public static final String RANKS_PLOT = "cookie-ranks.png";

    /** Sum+round time against n. */
    public static final String TIME_PLOT = "cookie-sum-round-time.png";

    /** One row per rounding call of a paired run (only where the deterministic solve was refused). */
    public static final String PAIRED_CSV = "cookie-paired.csv";

    /** Rounding time per call of the paired runs. */
    public static final String PAIRED_PLOT = "cookie-paired-time.png";

    private static final double TOL = 1e-8;
    private static final List<SummationStrategy> STRATEGIES =
            List.of(SummationStrategy.FORMAL_QR_ROUNDING, SummationStrategy.ADAPTIVE);

    /** Creates the experiment (no work is done until {@link #run}). */
    public TuckerCookieExperiment() {}

    @Override
    public String name() {
        return "tucker-cookie";
    }

    @Override
    public String description() {
        return "Cookie problem (4 cookies, d = 5) by GMRES in Tucker format: convergence, ranks, sum+round time "
                + "deterministic vs sketched rounding, solution fibres vs direct solves";
    }

    /**
     * Sizes of one scale.
     *
     * @param cellsPerSide n_x of the mesh
     * @param samples      the values of n
     * @param points       random grid points checked against the direct solve
     * @param coreLimit    the size limit of the deterministic rounding's formal core, in entries
     */
    private record Config(
            int cellsPerSide, int[] samples, int points, long coreLimit, long pairedLimit, long residualLimit) {}

    private static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(8, new int[] {3, 4}, 2, 1L << 14, 1L << 13, 1L << 20);
            case QUICK -> new Config(40, new int[] {4, 8}, 5, 1L << 24, 1L << 26, 1L << 26);
            case PAPER -> new Config(
                    40, new int[] {8, 16, 32}, 5, SummationOptions.DEFAULT_SIZE_LIMIT, 1L << 29, 1L << 30);
        };
    }

    /**
     * The outcome of one (n, strategy) run: a result, or the refusal message; for a sketched run
     * paired with the deterministic rounding, the per-rounding times on identical sums.
     */
    private record Run(
            int n,
            SummationStrategy strategy,
            TuckerGmresResult result,
            double fibreError,
            String refused,
            List<PairedRounding.Call> paired) {}

    @Override
    public void run(ExperimentContext ctx) {
        Config c = config(ctx.scale());
        CookieProblem problem = CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(c.cellsPerSide()));
        ctx.option("cookies", problem.cookieCount());
        ctx.option("spatialNodes", problem.size());
        ctx.option("samples", asList(c.samples()));
        ctx.option("parameterRange", "[1, 10], uniform grid");
        ctx.option("tolerance", TOL);
        ctx.option("maxIterations", 50);
        ctx.option("formalCoreLimit", c.coreLimit());
        ctx.option(
                "strategies",
                STRATEGIES.stream().map(SummationStrategy::displayName).toList());
        ctx.progress().start(name(), 1 + c.samples().length * STRATEGIES.size());
        warmUp(ctx);
        ctx.progress().step("warm-up");
        List<Run> runs = new ArrayList<>();
        for (int n : c.samples()) {
            ParametricCookieOperator op = ParametricCookieOperator.uniform(problem, n, 1.0, 10.0);
            int[][] points = randomGridPoints(op, c.points(), ctx.rng().split(1).split(n));
            boolean deterministicRefused = false;
            for (SummationStrategy s : STRATEGIES) {
                Run run = solve(ctx, problem, op, n, s, c, points, deterministicRefused);
                deterministicRefused |= s == SummationStrategy.FORMAL_QR_ROUNDING && run.result() == null;
                runs.add(run);
                ctx.progress().step("n = " + n + ", " + s.displayName() + (run.paired() == null ? "" : " (paired)"));
            }
        }
        ctx.progress().finish();
        report(ctx, c, runs);
    }

    private static void warmUp(ExperimentContext ctx) {
        CookieProblem small = CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(8));
        ParametricCookieOperator op = ParametricCookieOperator.uniform(small, 3, 1.0, 10.0);
        for (SummationStrategy s : STRATEGIES) {
            new TuckerGmres(TuckerSummation.of(s), TuckerGmresOptions.defaults(TOL))
                    .solve(
                            op,
                            op.rightHandSide(),
                            op.meanPreconditioner(),
                            ctx.rng().split(99));
        }
    }

    private static Run solve(
            ExperimentContext ctx,
            CookieProblem problem,
            ParametricCookieOperator op,
            int n,
            SummationStrategy s,
            Config c,
            int[][] points,
            boolean pair) {
        SummationOptions so =
                SummationOptions.builder().sizeLimit(c.coreLimit()).build();
        TuckerSummation rounding = TuckerSummation.of(s, so);
        PairedRounding paired = null;
        if (pair) {
            // The deterministic solve was refused at this n: time it on the sketched run's own sums
            // instead, as far as its formal core fits under the (larger) paired limit. The per-iteration
            // true-residual monitor would round through the pair too, so it is off here.
            SummationOptions big =
                    SummationOptions.builder().sizeLimit(c.pairedLimit()).build();
            paired = new PairedRounding(rounding, TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING, big));
            rounding = paired;
        }
        TuckerGmresOptions go = TuckerGmresOptions.builder(TOL)
                .trackTrueResidual(!pair)
                .residualCoreLimit(c.residualLimit())
                .build();
        TuckerGmres gmres = new TuckerGmres(rounding, go);
        TuckerGmresResult r;
        try {
            r = gmres.solve(
                    op, op.rightHandSide(), op.meanPreconditioner(), ctx.rng().split(100 + n));
        } catch (SizeLimitExceededException e) {
            return new Run(n, s, null, Double.NaN, e.getMessage(), null);
        }
        double worst = 0;
        for (int[] index : points) {
            DenseMatrix approx = op.fibre(r.solution(), index);
            DenseMatrix exact = problem.solve(op.parameterPoint(index));
            worst = Math.max(worst, relativeError(approx, exact));
        }
        return new Run(n, s, r, worst, null, paired == null ? null : paired.calls());
    }

    // ----------------------------------------------------------------- report

    private void report(ExperimentContext ctx, Config c, List<Run> runs) {
        Table summary = Table.builder()
                .integer("n")
                .text("strategy")
                .text("status")
                .integer("iterations")
                .bool("converged")
                .real("final_true_residual", 3)
                .real("max_fibre_error", 3)
                .integer("max_rank")
                .text("solution_ranks")
                .real("sum_round_seconds", 4)
                .real("apply_seconds", 4)
                .real("other_seconds", 4)
                .real("monitor_seconds", 4)
                .real("sum_round_speedup", 3)
                .build();
        Table history = Table.builder()
                .integer("n")
                .text("strategy")
                .integer("iteration")
                .real("arnoldi_residual", 4)
                .real("true_residual", 4)
                .integer("max_rank")
                .real("rounding_tolerance", 3)
                .build();
        Map<Integer, Double> detTime = new LinkedHashMap<>();
        for (Run run : runs) {
            if (run.strategy() == SummationStrategy.FORMAL_QR_ROUNDING && run.result() != null) {
                detTime.put(run.n(), sumRoundSeconds(run));
            }
        }
        int largest = c.samples()[c.samples().length - 1];
        LinePlot conv = new LinePlot(
                        "GMRES residuals, n = " + largest + " (d = 5, N_h = "
                                + ctx.options().get("spatialNodes") + ")",
                        "iteration",
                        "relative residual")
                .yScale(LinePlot.AxisScale.LOG10);
        LinePlot ranks = new LinePlot("Largest rank per GMRES iteration, n = " + largest, "iteration", "max rank");
        LinePlot time = new LinePlot("Sum+round time of one GMRES solve", "samples per cookie n", "seconds")
                .xScale(LinePlot.AxisScale.LOG2)
                .yScale(LinePlot.AxisScale.LOG10);
        Map<SummationStrategy, List<double[]>> timePoints = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        for (Run run : runs) {
            TuckerGmresResult r = run.result();
            if (r == null) {
                summary.addRow(
                        run.n(),
                        run.strategy().displayName(),
                        "refused",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
                refusals.add("n = " + run.n() + ": " + run.refused());
                continue;
            }
            double sr = sumRoundSeconds(run);
            Double det = detTime.get(run.n());
            summary.addRow(
                    run.n(),
                    run.strategy().displayName(),
                    "ok",
                    r.iterations(),
                    r.converged(),
                    r.finalTrueResidual(),
                    run.fibreError(),
                    max(r.maxRanks()),
                    Arrays.toString(r.solution().ranks()),
                    sr,
                    r.time().applyNanos() / 1e9,
                    r.time().otherNanos() / 1e9,
                    r.time().monitorNanos() / 1e9,
                    det == null ? null : det / sr);
            timePoints.computeIfAbsent(run.strategy(), k -> new ArrayList<>()).add(new double[] {run.n(), sr});
            double[] est = r.residualEstimates();
            double[] tr = r.trueResiduals();
            int[] mr = r.maxRanks();
            double[] dl = r.roundingTolerances();
            for (int i = 1; i <= r.iterations(); i++) {
                history.addRow(
                        run.n(),
                        run.strategy().displayName(),
                        i,
                        est[i],
                        i <= tr.length ? tr[i - 1] : null,
                        mr[i - 1],
                        dl[i - 1]);
            }
            if (run.n() == largest) {
                double[] it = new double[r.iterations()];
                double[] arn = new double[it.length];
                double[] mrd = new double[it.length];
                for (int i = 0; i < it.length; i++) {
                    it[i] = i + 1;
                    arn[i] = est[i + 1];
                    mrd[i] = mr[i];
                }
                conv.series(run.strategy().displayName() + " (Arnoldi)", it, arn);
                if (tr.length == it.length) {
                    conv.series(run.strategy().displayName() + " (true)", it, tr);
                }
                ranks.series(run.strategy().displayName(), it, mrd);
            }
        }
        for (Map.Entry<SummationStrategy, List<double[]>> e : timePoints.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            time.series(e.getKey().displayName(), xs, ys);
        }
        ctx.writeTable(SUMMARY_CSV, summary);
        ctx.writeTable(HISTORY_CSV, history);
        ctx.savePlot(CONVERGENCE_PLOT, conv);
        ctx.savePlot(RANKS_PLOT, ranks);
        ctx.savePlot(TIME_PLOT, time);
        ctx.report()
                .section("GMRES in Tucker format")
                .paragraph("sum_round_speedup = sum+round seconds of formal-qr-rounding / this strategy's, same n, "
                        + "same run. max_fibre_error: largest relative error of the solution fibre X(:, i2..i5) "
                        + "against the banded-Cholesky solve of (A0 + sum rho_mu A_mu) u = b at " + c.points()
                        + " random grid points. monitor_seconds: the per-iteration true residual (diagnostic, "
                        + "excluded from the other columns).")
                .table(summary)
                .image("residuals against the iteration", CONVERGENCE_PLOT)
                .image("largest rank per iteration", RANKS_PLOT)
                .image("sum+round time against n", TIME_PLOT);
        findings(ctx, runs, detTime, refusals);
        paired(ctx, c, runs);
    }

    /** The paired comparison at the n where the deterministic solve was refused. */
    private static void paired(ExperimentContext ctx, Config c, List<Run> runs) {
        List<Run> pairedRuns = runs.stream().filter(r -> r.paired() != null).toList();
        if (pairedRuns.isEmpty()) {
            return;
        }
        Table table = Table.builder()
                .integer("n")
                .integer("call")
                .integer("terms")
                .integer("formal_core_entries")
                .real("sketched_seconds", 4)
                .real("deterministic_seconds", 4)
                .real("speedup", 3)
                .build();
        LinePlot plot = new LinePlot(
                        "Rounding time per call on identical sums (sketched GMRES run)", "rounding call", "seconds")
                .yScale(LinePlot.AxisScale.LOG10)
                .scatter(); // points only: B2's calls are not contiguous (it refuses the large ones)
        ctx.report()
                .section("Paired rounding times where the deterministic solve was refused (T12d)")
                .paragraph("At these n the formal-qr-rounding solve was refused (its formal core is over "
                        + c.coreLimit()
                        + " entries). The adaptive solve therefore ran with every rounding call also "
                        + "done by formal-qr-rounding on the identical sum and truncation (result discarded; "
                        + "size limit " + c.pairedLimit() + " entries, refused above). speedup = deterministic / "
                        + "sketched seconds of the same call. The calls alternate: product rounding (5 terms), "
                        + "orthogonalization rounding (k + 2 terms), then the two final roundings.");
        for (Run run : pairedRuns) {
            List<PairedRounding.Call> calls = run.paired();
            long sketchedBoth = 0;
            long deterministicBoth = 0;
            long sketchedAll = 0;
            int ran = 0;
            long largestRan = 0;
            long smallestRefused = Long.MAX_VALUE;
            double[] xs = new double[calls.size()];
            double[] sk = new double[calls.size()];
            List<double[]> det = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                PairedRounding.Call call = calls.get(i);
                sketchedAll += call.primaryNanos();
                xs[i] = i + 1;
                sk[i] = call.primaryNanos() / 1e9;
                if (call.referenceRan()) {
                    ran++;
                    sketchedBoth += call.primaryNanos();
                    deterministicBoth += call.referenceNanos();
                    largestRan = Math.max(largestRan, call.formalCore());
                    det.add(new double[] {i + 1, call.referenceNanos() / 1e9});
                } else {
                    smallestRefused = Math.min(smallestRefused, call.formalCore());
                }
                table.addRow(
                        run.n(),
                        i + 1,
                        call.terms(),
                        call.formalCore(),
                        call.primaryNanos() / 1e9,
                        call.referenceRan() ? call.referenceNanos() / 1e9 : null,
                        call.referenceRan() ? (double) call.referenceNanos() / call.primaryNanos() : null);
            }
            plot.series("adaptive, n = " + run.n(), xs, sk);
            if (!det.isEmpty()) {
                plot.series(
                        "formal-qr-rounding, n = " + run.n(),
                        det.stream().mapToDouble(p -> p[0]).toArray(),
                        det.stream().mapToDouble(p -> p[1]).toArray());
            }
            ctx.report()
                    .finding(String.format(
                            Locale.ROOT,
                            "T12(d) at n = %d, paired on identical sums: formal-qr-rounding ran %d of %d rounding calls "
                                    + "(formal cores up to %d entries) and took %.2f s there against %.2f s for adaptive: "
                                    + "%.1fx; it refused the other %d calls (formal cores from %s entries, over the "
                                    + "%d-entry limit). Adaptive's sum+round over the whole solve: %.2f s, so over the "
                                    + "whole solve B2 would be at least %.2fx slower (its time on the calls it could do "
                                    + "alone, against adaptive's on all calls).",
                            run.n(),
                            ran,
                            calls.size(),
                            largestRan,
                            deterministicBoth / 1e9,
                            sketchedBoth / 1e9,
                            sketchedBoth == 0 ? Double.NaN : (double) deterministicBoth / sketchedBoth,
                            calls.size() - ran,
                            smallestRefused == Long.MAX_VALUE ? "-" : String.valueOf(smallestRefused),
                            c.pairedLimit(),
                            sketchedAll / 1e9,
                            (double) deterministicBoth / sketchedAll));
        }
        ctx.writeTable(PAIRED_CSV, table);
        ctx.savePlot(PAIRED_PLOT, plot);
        ctx.report().table(table).image("rounding time per call, paired", PAIRED_PLOT);
    }

    private static void findings(
            ExperimentContext ctx, List<Run> runs, Map<Integer, Double> detTime, List<String> refusals) {
        double worstResidual = 0;
        double worstFibre = 0;
        boolean allConverged = true;
        Map<Integer, int[]> iterations = new LinkedHashMap<>();
        List<String> speedups = new ArrayList<>();
        for (Run run : runs) {
            if (run.result() == null) {
                continue;
            }
            TuckerGmresResult r = run.result();
            allConverged &= r.converged();
            worstResidual = Math.max(worstResidual, r.finalTrueResidual());
            worstFibre = Math.max(worstFibre, run.fibreError());
            int[] it = iterations.computeIfAbsent(run.n(), k -> new int[] {-1, -1});
            it[run.strategy() == SummationStrategy.FORMAL_QR_ROUNDING ? 0 : 1] = r.iterations();
            Double det = detTime.get(run.n());
            if (det != null && run.strategy() != SummationStrategy.FORMAL_QR_ROUNDING) {
                double sr = sumRoundSeconds(run);
                speedups.add(
                        String.format(Locale.ROOT, "n = %d: %.1fx (%.2f s vs %.2f s)", run.n(), det / sr, sr, det));
            }
        }
        ctx.report()
                .finding(String.format(
                        Locale.ROOT,
                        "T12(a): %s; largest final true relative residual %.2e (bar 1e-7).",
                        allConverged ? "every completed run converged" : "NOT every completed run converged",
                        worstResidual));
        StringBuilder its = new StringBuilder("T12(b): iterations (deterministic, sketched):");
        for (Map.Entry<Integer, int[]> e : iterations.entrySet()) {
            int[] v = e.getValue();
            its.append(String.format(
                    Locale.ROOT,
                    " n = %d: %s, %s;",
                    e.getKey(),
                    v[0] < 0 ? "-" : String.valueOf(v[0]),
                    v[1] < 0 ? "-" : String.valueOf(v[1])));
        }
        ctx.report().finding(its + " (bar: differ by at most 2).");
        ctx.report()
                .finding(String.format(
                        Locale.ROOT,
                        "T12(c): largest relative fibre error against the direct solve %.2e (bar 1e-6).",
                        worstFibre));
        ctx.report()
                .finding("T12(d): sum+round speed-up of adaptive (sketched) over formal-qr-rounding: "
                        + (speedups.isEmpty() ? "no n where both ran" : String.join("; ", speedups))
                        + " (bar: at least 3x at n = 32).");
        for (String r : refusals) {
            ctx.report().finding("formal-qr-rounding refused at " + r);
        }
        ctx.report()
                .note("Times come from System.nanoTime inside the solver (TimeSplit) on whatever else the machine "
                        + "was doing (the build machine has 2 cores shared with other jobs); the ratios compare runs of "
                        + "the same process, one after the other.");
    }

    /** Sum+round seconds of the run's own strategy (for a paired run: without the reference's time). */
    private static double sumRoundSeconds(Run run) {
        if (run.paired() == null) {
            return run.result().time().sumRoundNanos() / 1e9;
        }
        long nanos = 0;
        for (PairedRounding.Call call : run.paired()) {
            nanos += call.primaryNanos();
        }
        return nanos / 1e9;
    }

    // ----------------------------------------------------------------- helpers

    /** {@code count} grid indices drawn uniformly from the sample grid of {@code op}. */
    static int[][] randomGridPoints(ParametricCookieOperator op, int count, RngState state) {
        int m = op.modeSizes().length - 1;
        DenseMatrix u = RandomMatrices.generate(count, m, ScalarDistribution.UNIFORM_01, state)
                .value();
        int[][] points = new int[count][m];
        for (int p = 0; p < count; p++) {
            for (int mu = 0; mu < m; mu++) {
                int n = op.modeSizes()[mu + 1];
                points[p][mu] = Math.min(n - 1, (int) Math.floor(u.get(p, mu) * n));
            }
        }
        return points;
    }

    static double relativeError(DenseMatrix approx, DenseMatrix exact) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.rows(); i++) {
            double d = approx.get(i, 0) - exact.get(i, 0);
            num += d * d;
            den += exact.get(i, 0) * exact.get(i, 0);
        }
        return Math.sqrt(num / den);
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static List<Integer> asList(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }
}
