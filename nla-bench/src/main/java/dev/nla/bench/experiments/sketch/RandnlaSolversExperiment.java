package dev.nla.bench.experiments.sketch;

import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Markdown;
import dev.nla.bench.report.Table;
import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.sketch.estimate.HutchPlusPlus;
import dev.nla.sketch.estimate.Hutchinson;
import dev.nla.sketch.estimate.TraceEstimate;
import dev.nla.sketch.estimate.TraceEstimator;
import dev.nla.sketch.estimate.XNysTrace;
import dev.nla.sketch.estimate.XTrace;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.solve.SketchAndPrecondition;
import dev.nla.sketch.solve.SketchAndPreconditionOptions;
import dev.nla.sketch.solve.SketchAndPreconditionResult;
import dev.nla.sketch.solve.SketchAndSolve;
import dev.nla.sketch.solve.SketchAndSolveOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The randomized solvers of {@code nla-sketch} against theory: sketched least squares and trace
 * estimation.
 *
 * <ol>
 *   <li><b>Least-squares convergence against the condition number.</b> Sketch-and-precondition
 *       (sparse sign, \(\zeta = 8\), \(d = 4n\), QR preconditioner, LSQR to \(10^{-14}\)) on
 *       \(b = Ax_\star + r\), \(r \perp \operatorname{range}(A)\), \(\|r\| = 10^{-10}\|Ax_\star\|\),
 *       singular values geometric from 1 to \(1/\kappa\): forward error \(\|x_k - x_\star\|/\|x_\star\|\)
 *       and fitted error \(\|A(x_k - x_\star)\|/\|Ax_\star\|\) at every iteration, started from the
 *       sketch-and-solve solution (warm) and from zero (cold), with the dense Householder QR solve as
 *       reference; final errors for larger residuals \(\rho \in \{10^{-10}, 10^{-4}, 1\}\); the
 *       iteration count over several seeds.
 *   <li><b>Sketch-and-solve accuracy against the sketch size.</b> \(\|b - A\hat x\|/\|r_\star\| - 1\)
 *       for \(d = \gamma n\), sparse sign and Gaussian sketches, with the Gaussian expectation
 *       \(\sqrt{1 + n/(d - n - 1)} - 1\) for comparison.
 *   <li><b>Trace-estimator error against the number of products.</b> Hutchinson, Hutch++, XTrace
 *       and XNysTrace (library defaults) on PSD matrices with polynomial decay \(\lambda_i =
 *       i^{-2}\), exponential decay \(0.9^{i}\) and low rank plus noise (20 eigenvalues 1, the rest
 *       0.01): median and 10–90 % range of the relative error over seeds, with the median error
 *       estimate of XTrace and XNysTrace.
 * </ol>
 *
 * <p>Sizes: smoke \(600 \times 30\), trace \(n = 200\); quick \(4000 \times 100\) (least squares),
 * \(2000 \times 50\) (sketch-and-solve), \(n = 1000\) (trace), 10 seeds; paper \(20000 \times 200\),
 * \(10000 \times 100\), \(n = 2000\), 30 seeds. All inputs derive from the run's seed.
 */
public final class RandnlaSolversExperiment implements Experiment {
    /** Per-iteration errors of sketch-and-precondition. */
    public static final String CONVERGENCE_CSV = "ls-convergence.csv";

    /** Final errors and iterations per condition number and residual size. */
    public static final String LS_SUMMARY_CSV = "ls-summary.csv";

    /** Iteration counts over seeds. */
    public static final String ITERATIONS_CSV = "ls-iterations.csv";

    /** Sketch-and-solve residuals per sketch size and seed. */
    public static final String SAS_CSV = "sketch-and-solve.csv";

    /** Trace estimates per matrix, estimator, budget and seed. */
    public static final String TRACE_CSV = "trace.csv";

    /** Trace errors summarized over seeds. */
    public static final String TRACE_SUMMARY_CSV = "trace-summary.csv";

    /** Forward error against iteration. */
    public static final String FORWARD_PLOT = "ls-forward-error.png";

    /** Fitted-value error against iteration. */
    public static final String FITTED_PLOT = "ls-fitted-error.png";

    /** Sketch-and-solve residual excess against the sketch size. */
    public static final String SAS_PLOT = "sketch-and-solve.png";

    /** The trace matrices, in order; plot {@code trace-<name>.png} each. */
    static final String[] TRACE_MATRICES = {"polynomial", "exponential", "low-rank-plus-noise"};

    private static final double SMALL_RESIDUAL = 1e-10;

    /** Creates the experiment (no work is done until {@link #run}). */
    public RandnlaSolversExperiment() {}

    @Override
    public String name() {
        return "randnla-solvers";
    }

    @Override
    public String description() {
        return "Sketched least squares (sketch-and-precondition with and without warm start, sketch-and-solve)"
                + " and trace estimators (Hutchinson, Hutch++, XTrace, XNysTrace) against theory";
    }

    private record Config(
            int lsRows,
            int lsCols,
            double[] kappas,
            int iterationSeeds,
            int sasRows,
            int sasCols,
            double[] gammas,
            int sasSeeds,
            int traceN,
            int[] budgets,
            int traceSeeds) {}

    private static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(
                    600,
                    30,
                    new double[] {1e2, 1e10},
                    2,
                    600,
                    20,
                    new double[] {1.5, 4, 16},
                    2,
                    200,
                    new int[] {12, 48},
                    2);
            case QUICK -> new Config(
                    4000,
                    100,
                    new double[] {1e2, 1e6, 1e10},
                    5,
                    2000,
                    50,
                    new double[] {1.5, 2, 3, 4, 6, 8, 12, 16},
                    10,
                    1000,
                    new int[] {12, 24, 48, 96, 192, 384},
                    10);
            case PAPER -> new Config(
                    20000,
                    200,
                    new double[] {1e2, 1e4, 1e6, 1e8, 1e10},
                    10,
                    10000,
                    100,
                    new double[] {1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32},
                    30,
                    2000,
                    new int[] {12, 24, 48, 96, 192, 384, 768},
                    30);
        };
    }

    @Override
    public void run(ExperimentContext context) {
        Config cfg = config(context.scale());
        context.option("leastSquaresShape", cfg.lsRows() + "x" + cfg.lsCols());
        context.option("conditionNumbers", toList(cfg.kappas()));
        context.option("iterationSeeds", cfg.iterationSeeds());
        context.option("sketchAndSolveShape", cfg.sasRows() + "x" + cfg.sasCols());
        context.option("sketchFactors", toList(cfg.gammas()));
        context.option("sketchAndSolveSeeds", cfg.sasSeeds());
        context.option("traceOrder", cfg.traceN());
        context.option("traceBudgets", Arrays.stream(cfg.budgets()).boxed().toList());
        context.option("traceSeeds", cfg.traceSeeds());
        context.option("sketchAndPrecondition", "sparse sign zeta=8, d=4n, QR, LSQR tol 1e-14, max 100 iterations");

        int steps = cfg.kappas().length * (3 + cfg.iterationSeeds())
                + 2 * cfg.gammas().length
                + TRACE_MATRICES.length * 4 * cfg.budgets().length;
        context.progress().start(name(), steps);
        context.report()
                .description("Sketched least squares and randomized trace estimation from nla-sketch, measured "
                        + "against their theory: convergence of sketch-and-precondition (Blendenpik-style, "
                        + "warm and cold start) against the condition number, sketch-and-solve accuracy against "
                        + "the sketch size, and trace-estimator error against the number of matrix-vector "
                        + "products. See docs/least-squares.md and docs/trace-estimation.md.");
        leastSquares(context, cfg);
        sketchAndSolve(context, cfg);
        traces(context, cfg);
        context.progress().finish();
        context.report()
                .note("Plotted errors are floored at 1e-17 so that exact results fit on the logarithmic axes; the "
                        + "CSV files hold the unmodified values.");
        context.report()
                .note("Every input derives from the run's seed; results are bitwise reproducible for a given seed "
                        + "and thread count.");
    }

    // ------------------------------------------------------------------ least squares

    private void leastSquares(ExperimentContext context, Config cfg) {
        RngState root = context.rng().split(1);
        Table conv = Table.builder()
                .real("kappa", 3)
                .text("start")
                .integer("iteration")
                .real("forward_error", 4)
                .real("fitted_error", 4)
                .real("residual_estimate", 4)
                .build();
        Table summary = Table.builder()
                .real("kappa", 3)
                .real("rho", 3)
                .real("qr_forward_error", 4)
                .real("warm_forward_error", 4)
                .real("cold_forward_error", 4)
                .real("warm_fitted_gap_to_qr", 4)
                .integer("warm_iterations")
                .integer("cold_iterations")
                .build();
        Table its = Table.builder()
                .real("kappa", 3)
                .integer("seed")
                .integer("iterations")
                .bool("converged")
                .build();
        LinePlot forward = new LinePlot(
                        "Sketch-and-precondition, residual 1e-10: forward error",
                        "LSQR iteration",
                        "||x_k - x*|| / ||x*||")
                .yScale(LinePlot.AxisScale.LOG10);
        LinePlot fitted = new LinePlot(
                        "Sketch-and-precondition, residual 1e-10: fitted values",
                        "LSQR iteration",
                        "||A(x_k - x*)|| / ||A x*||")
                .yScale(LinePlot.AxisScale.LOG10);
        double[] rhos = {SMALL_RESIDUAL, 1e-4, 1.0};
        List<String> findings = new ArrayList<>();
        for (int k = 0; k < cfg.kappas().length; k++) {
            double kappa = cfg.kappas()[k];
            for (int r = 0; r < rhos.length; r++) {
                double rho = rhos[r];
                SolverInputs.Problem p =
                        SolverInputs.leastSquares(cfg.lsRows(), cfg.lsCols(), kappa, rho, root.split(100L * k + r));
                DenseMatrix xqr =
                        Decompositions.leastSquares().solve(p.a(), p.b()).solution();
                double qrError = SolverInputs.relativeDistance(xqr, p.solution());
                double normAx = Blas.nrm2(Blas.multiply(p.a(), p.solution()));
                SketchAndPreconditionResult[] results = new SketchAndPreconditionResult[2];
                for (int s = 0; s < 2; s++) {
                    boolean warm = s == 0;
                    String start = warm ? "warm" : "cold";
                    List<double[]> history = new ArrayList<>();
                    SketchAndPrecondition solver = new SketchAndPrecondition(SketchAndPreconditionOptions.builder()
                            .warmStart(warm)
                            .build());
                    results[s] = solver.solve(
                                    LinearOperator.of(p.a()),
                                    p.b(),
                                    root.split(1000L + k),
                                    rho == SMALL_RESIDUAL
                                            ? (it, x, rnorm, arnorm) -> {
                                                DenseMatrix e = x.copy();
                                                Blas.axpy(-1.0, p.solution(), e);
                                                double fe = Blas.nrm2(e);
                                                double fit = Blas.nrm2(Blas.multiply(p.a(), e)) / normAx;
                                                history.add(new double[] {it, fe, fit, rnorm});
                                            }
                                            : null)
                            .value();
                    if (rho == SMALL_RESIDUAL) {
                        double[] xs = new double[history.size()];
                        double[] fe = new double[history.size()];
                        double[] fit = new double[history.size()];
                        for (int i = 0; i < history.size(); i++) {
                            double[] h = history.get(i);
                            conv.addRow(kappa, start, (long) h[0], h[1], h[2], h[3]);
                            xs[i] = h[0];
                            fe[i] = floor(h[1]);
                            fit[i] = floor(h[2]);
                        }
                        String label = String.format(Locale.ROOT, "kappa=%.0e %s", kappa, start);
                        forward.series(label, xs, fe);
                        fitted.series(label, xs, fit);
                    }
                }
                if (rho == SMALL_RESIDUAL) {
                    int last = results[0].iterations();
                    forward.series(
                            String.format(Locale.ROOT, "kappa=%.0e dense QR", kappa),
                            new double[] {0, Math.max(1, last)},
                            new double[] {floor(qrError), floor(qrError)});
                }
                DenseMatrix gap = results[0].solution().copy();
                Blas.axpy(-1.0, xqr, gap);
                double fittedGap = Blas.nrm2(Blas.multiply(p.a(), gap)) / Blas.nrm2(p.b());
                double warmError = SolverInputs.relativeDistance(results[0].solution(), p.solution());
                double coldError = SolverInputs.relativeDistance(results[1].solution(), p.solution());
                summary.addRow(
                        kappa, rho, qrError, warmError, coldError, fittedGap, (long) results[0].iterations(), (long)
                                results[1].iterations());
                if (rho == SMALL_RESIDUAL) {
                    findings.add(String.format(
                            Locale.ROOT,
                            "κ = %.0e, residual 1e-10: warm start reaches forward error %s in %d iterations (dense "
                                    + "QR: %s); cold start %s in %d iterations.",
                            kappa,
                            fmt(warmError),
                            results[0].iterations(),
                            fmt(qrError),
                            fmt(coldError),
                            results[1].iterations()));
                }
                context.progress().step(String.format(Locale.ROOT, "least squares kappa=%.0e rho=%.0e", kappa, rho));
            }
        }
        // iteration counts over seeds (warm start, moderate residual)
        Table itSummary = Table.builder()
                .real("kappa", 3)
                .integer("median_iterations")
                .integer("min_iterations")
                .integer("max_iterations")
                .build();
        for (int k = 0; k < cfg.kappas().length; k++) {
            double kappa = cfg.kappas()[k];
            SolverInputs.Problem p =
                    SolverInputs.leastSquares(cfg.lsRows(), cfg.lsCols(), kappa, 1e-4, root.split(5000L + k));
            double[] counts = new double[cfg.iterationSeeds()];
            for (int s = 0; s < cfg.iterationSeeds(); s++) {
                SketchAndPreconditionResult r = SketchAndPrecondition.withDefaults()
                        .solve(p.a(), p.b(), root.split(6000L + s))
                        .value();
                counts[s] = r.iterations();
                its.addRow(kappa, (long) s, (long) r.iterations(), r.converged());
                context.progress().step(String.format(Locale.ROOT, "iterations kappa=%.0e seed %d", kappa, s));
            }
            itSummary.addRow(kappa, (long) quantile(counts, 0.5), (long) min(counts), (long) max(counts));
        }
        context.writeTable(CONVERGENCE_CSV, conv);
        context.writeTable(LS_SUMMARY_CSV, summary);
        context.writeTable(ITERATIONS_CSV, its);
        context.savePlot(FORWARD_PLOT, forward);
        context.savePlot(FITTED_PLOT, fitted);

        var report = context.report();
        for (String f : findings) {
            report.finding(f);
        }
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (int r = 0; r < itSummary.rowCount(); r++) {
            long med = (Long) itSummary.get(r, "median_iterations");
            lo = Math.min(lo, med);
            hi = Math.max(hi, med);
        }
        report.finding(String.format(
                Locale.ROOT,
                "Median LSQR iterations over %d seeds stay between %d and %d for κ from %.0e to %.0e: the count "
                        + "does not depend on the condition number.",
                cfg.iterationSeeds(),
                lo,
                hi,
                cfg.kappas()[0],
                cfg.kappas()[cfg.kappas().length - 1]));
        report.section("Least squares: sketch-and-precondition against the condition number");
        report.paragraph(String.format(
                Locale.ROOT,
                "A is %d x %d with singular values geometric from 1 to 1/κ; b = A x* + r with r orthogonal to the "
                        + "range of A and ||r|| = ρ ||A x*||. Sketch: sparse sign, ζ = 8, d = 4n; QR "
                        + "preconditioner; LSQR to 1e-14. Warm: LSQR starts from the sketch-and-solve solution; "
                        + "cold: from zero. The dense reference is Householder QR (nla-core).",
                cfg.lsRows(),
                cfg.lsCols()));
        report.image("forward error against iteration", FORWARD_PLOT);
        report.image("fitted-value error against iteration", FITTED_PLOT);
        report.paragraph("Final forward errors ||x - x*|| / ||x*|| and the gap of the fitted values to the QR "
                + "solve, ||A(x - x_QR)|| / ||b||, for three residual sizes:");
        report.table(summary);
        report.paragraph("LSQR iterations (warm start, ρ = 1e-4) over seeds:");
        report.table(itSummary);
        report.note("With a large residual (ρ = 1) and large κ, LSQR-based solvers, warm or cold, reach only the "
                + "forward-stable bound κu + κ²u||r||/(||A|| ||x||), while Householder QR often does better than its "
                + "bound; see docs/least-squares.md.");
    }

    // ------------------------------------------------------------------ sketch-and-solve

    private void sketchAndSolve(ExperimentContext context, Config cfg) {
        RngState root = context.rng().split(2);
        int m = cfg.sasRows();
        int n = cfg.sasCols();
        SolverInputs.Problem p = SolverInputs.leastSquares(m, n, 1e4, 1.0, root.split(0));
        Table raw = Table.builder()
                .text("sketch")
                .real("gamma", 3)
                .integer("d")
                .integer("seed")
                .real("residual_ratio", 6)
                .real("forward_error", 4)
                .build();
        Table summary = Table.builder()
                .real("gamma", 3)
                .integer("d")
                .real("sparse_sign_median_excess", 4)
                .real("sparse_sign_max_excess", 4)
                .real("gaussian_median_excess", 4)
                .real("gaussian_max_excess", 4)
                .real("gaussian_theory_excess", 4)
                .build();
        SketchFamily[] families = {SketchFamily.sparseSign(), SketchFamily.gaussian()};
        double[][] medians = new double[2][cfg.gammas().length];
        double[][] maxima = new double[2][cfg.gammas().length];
        for (int f = 0; f < families.length; f++) {
            for (int g = 0; g < cfg.gammas().length; g++) {
                double gamma = cfg.gammas()[g];
                SketchAndSolve solver = new SketchAndSolve(
                        SketchAndSolveOptions.defaults().withSketch(families[f]).withSketchFactor(gamma));
                double[] excess = new double[cfg.sasSeeds()];
                int d = 0;
                for (int s = 0; s < cfg.sasSeeds(); s++) {
                    var r = solver.solve(p.a(), p.b(), root.split(100L + s)).value();
                    d = r.sketchRows();
                    double ratio = r.residualNorm() / p.residualNorm();
                    excess[s] = ratio - 1;
                    raw.addRow(
                            families[f].name(),
                            gamma,
                            (long) d,
                            (long) s,
                            ratio,
                            SolverInputs.relativeDistance(r.solution(), p.solution()));
                }
                medians[f][g] = quantile(excess, 0.5);
                maxima[f][g] = max(excess);
                context.progress().step("sketch-and-solve " + families[f].name() + " gamma=" + gamma);
            }
        }
        double[] theory = new double[cfg.gammas().length];
        double[] xs = new double[cfg.gammas().length];
        for (int g = 0; g < cfg.gammas().length; g++) {
            int d = (int) Math.ceil(cfg.gammas()[g] * n);
            theory[g] = d > n + 1 ? Math.sqrt(1.0 + (double) n / (d - n - 1)) - 1 : Double.NaN;
            xs[g] = cfg.gammas()[g];
            summary.addRow(
                    cfg.gammas()[g],
                    (long) d,
                    medians[0][g],
                    maxima[0][g],
                    medians[1][g],
                    maxima[1][g],
                    Double.isNaN(theory[g]) ? null : theory[g]);
        }
        context.writeTable(SAS_CSV, raw);
        LinePlot plot = new LinePlot(
                        "Sketch-and-solve: residual excess ||b - A x^|| / ||r*|| - 1 (median over seeds)",
                        "d / n",
                        "residual excess")
                .xScale(LinePlot.AxisScale.LOG2)
                .yScale(LinePlot.AxisScale.LOG10)
                .series("sparse sign (zeta = 8)", xs, floorAll(medians[0]))
                .series("gaussian", xs, floorAll(medians[1]));
        List<Double> tx = new ArrayList<>();
        List<Double> ty = new ArrayList<>();
        for (int g = 0; g < xs.length; g++) {
            if (!Double.isNaN(theory[g])) {
                tx.add(xs[g]);
                ty.add(theory[g]);
            }
        }
        if (!tx.isEmpty()) {
            plot.series("gaussian expectation", unbox(tx), unbox(ty));
        }
        context.savePlot(SAS_PLOT, plot);
        var report = context.report();
        int at4 = indexOf(cfg.gammas(), 4.0);
        if (at4 >= 0) {
            report.finding(String.format(
                    Locale.ROOT,
                    "Sketch-and-solve with d = 4n: median residual %s above optimal with the sparse sign sketch, %s "
                            + "with the Gaussian sketch (Gaussian expectation sqrt(1 + n/(d-n-1)) - 1 = %s).",
                    percent(medians[0][at4]),
                    percent(medians[1][at4]),
                    percent(theory[at4])));
        }
        report.section("Least squares: sketch-and-solve against the sketch size");
        report.paragraph(String.format(
                Locale.ROOT,
                "A is %d x %d, κ = 1e4, ||r*|| = ||A x*||; excess = ||b - A x^|| / ||r*|| - 1 over %d seeds, for "
                        + "d = ⌈γ n⌉.",
                m,
                n,
                cfg.sasSeeds()));
        report.image("residual excess against d/n", SAS_PLOT);
        report.table(summary);
    }

    // ------------------------------------------------------------------ trace estimation

    private void traces(ExperimentContext context, Config cfg) {
        RngState root = context.rng().split(3);
        int n = cfg.traceN();
        Table raw = Table.builder()
                .text("matrix")
                .text("estimator")
                .integer("matvecs")
                .integer("seed")
                .real("estimate", 10)
                .real("trace", 10)
                .real("relative_error", 4)
                .real("relative_error_estimate", 4)
                .build();
        Table summary = Table.builder()
                .text("matrix")
                .text("estimator")
                .integer("matvecs")
                .real("median_error", 4)
                .real("q10_error", 4)
                .real("q90_error", 4)
                .real("median_error_estimate", 4)
                .build();
        TraceEstimator[] estimators = {
            Hutchinson.withDefaults(), HutchPlusPlus.withDefaults(), XTrace.withDefaults(), XNysTrace.withDefaults()
        };
        var report = context.report();
        report.section("Trace estimation: error against the number of products");
        report.paragraph(String.format(
                Locale.ROOT,
                "PSD matrices of order %d, A = U diag(λ) U^T with Haar U; relative error |t - tr(A)| / tr(A) over "
                        + "%d seeds (median and 10-90 %% range). Library defaults: Rademacher vectors for Hutchinson "
                        + "and Hutch++, improved sphere vectors for XTrace and XNysTrace.",
                n,
                cfg.traceSeeds()));
        for (int mi = 0; mi < TRACE_MATRICES.length; mi++) {
            String matrixName = TRACE_MATRICES[mi];
            DenseMatrix a = SolverInputs.symmetric(spectrum(matrixName, n), root.split(mi));
            double exact = 0;
            for (int i = 0; i < n; i++) {
                exact += a.get(i, i);
            }
            LinePlot plot = new LinePlot(
                            "Trace estimation, " + matrixName + " (n = " + n + "): median relative error",
                            "matrix-vector products",
                            "|t - tr(A)| / tr(A)")
                    .xScale(LinePlot.AxisScale.LOG2)
                    .yScale(LinePlot.AxisScale.LOG10);
            double[][] medianByEstimator = new double[estimators.length][cfg.budgets().length];
            for (int e = 0; e < estimators.length; e++) {
                TraceEstimator est = estimators[e];
                double[] xs = new double[cfg.budgets().length];
                for (int b = 0; b < cfg.budgets().length; b++) {
                    int budget = cfg.budgets()[b];
                    double[] errors = new double[cfg.traceSeeds()];
                    double[] estimates = new double[cfg.traceSeeds()];
                    for (int s = 0; s < cfg.traceSeeds(); s++) {
                        TraceEstimate t = est.estimate(LinearOperator.of(a), budget, root.split(1000L + s))
                                .value();
                        errors[s] = Math.abs(t.trace() - exact) / exact;
                        estimates[s] = t.errorEstimate() / exact;
                        raw.addRow(
                                matrixName,
                                est.name(),
                                (long) budget,
                                (long) s,
                                t.trace(),
                                exact,
                                errors[s],
                                Double.isNaN(estimates[s]) ? null : estimates[s]);
                    }
                    double med = quantile(errors, 0.5);
                    boolean exchangeable = est instanceof XTrace || est instanceof XNysTrace;
                    summary.addRow(
                            matrixName,
                            est.name(),
                            (long) budget,
                            med,
                            quantile(errors, 0.1),
                            quantile(errors, 0.9),
                            exchangeable ? quantile(estimates, 0.5) : null);
                    medianByEstimator[e][b] = med;
                    xs[b] = budget;
                    context.progress().step("trace " + matrixName + " " + est.name() + " m=" + budget);
                }
                plot.series(est.name(), xs, floorAll(medianByEstimator[e]));
            }
            String plotFile = "trace-" + matrixName + ".png";
            context.savePlot(plotFile, plot);
            report.image("trace error, " + matrixName, plotFile);
            int last = cfg.budgets().length - 1;
            int best = 0;
            for (int e = 1; e < estimators.length; e++) {
                if (medianByEstimator[e][last] < medianByEstimator[best][last]) {
                    best = e;
                }
            }
            report.finding(String.format(
                    Locale.ROOT,
                    "Trace of the %s matrix with %d products: median relative error Hutchinson %s, Hutch++ %s, "
                            + "XTrace %s, XNysTrace %s (best: %s).",
                    matrixName,
                    cfg.budgets()[last],
                    fmt(medianByEstimator[0][last]),
                    fmt(medianByEstimator[1][last]),
                    fmt(medianByEstimator[2][last]),
                    fmt(medianByEstimator[3][last]),
                    estimators[best].name()));
        }
        context.writeTable(TRACE_CSV, raw);
        context.writeTable(TRACE_SUMMARY_CSV, summary);
        report.table(summary);
        report.note("The error estimates of XTrace and XNysTrace (standard errors of the leave-one-out samples) "
                + "track the median error within a small factor but tend to be low, as their authors warn; see "
                + "docs/trace-estimation.md.");
    }

    /** The eigenvalues of a trace test matrix. */
    static double[] spectrum(String name, int n) {
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = switch (name) {
                case "polynomial" -> Math.pow(i + 1, -2.0);
                case "exponential" -> Math.pow(0.9, i);
                case "low-rank-plus-noise" -> i < 20 ? 1.0 : 0.01;
                default -> throw new IllegalArgumentException("unknown matrix " + name);
            };
        }
        return l;
    }

    // ------------------------------------------------------------------ helpers

    private static double floor(double v) {
        return Math.max(v, 1e-17);
    }

    private static double[] floorAll(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = floor(v[i]);
        }
        return r;
    }

    /** Linear-interpolation quantile of the values (NaN ignored). */
    static double quantile(double[] values, double q) {
        double[] s =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static int indexOf(double[] v, double x) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static List<Double> toList(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String fmt(double v) {
        return Markdown.formatReal(v, 2);
    }

    private static String percent(double v) {
        return Markdown.formatReal(100 * v, 3) + " %";
    }
}
