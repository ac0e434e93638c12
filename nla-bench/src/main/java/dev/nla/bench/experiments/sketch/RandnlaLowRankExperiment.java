package dev.nla.bench.experiments.sketch;

import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.experiments.Timing;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Table;
import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.lowrank.Cur;
import dev.nla.sketch.lowrank.CurOptions;
import dev.nla.sketch.lowrank.CurSelection;
import dev.nla.sketch.lowrank.InterpolativeDecomposition;
import dev.nla.sketch.lowrank.InterpolativeOptions;
import dev.nla.sketch.lowrank.LowRankEigen;
import dev.nla.sketch.lowrank.Nystrom;
import dev.nla.sketch.lowrank.NystromOptions;
import dev.nla.sketch.lowrank.RandomizedSvd;
import dev.nla.sketch.lowrank.RandomizedSvdOptions;
import dev.nla.sketch.lowrank.RandomlyPivotedCholesky;
import dev.nla.sketch.lowrank.RandomlyPivotedCholeskyOptions;
import dev.nla.sketch.lowrank.SymmetricEntries;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.SketchingOperator;
import dev.nla.sketch.rangefinder.Stabiliser;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

/**
 * Accuracy of the randomized low-rank drivers against the optimal error of a matrix with a
 * prescribed spectrum, and a comparison of sketch types.
 *
 * <ol>
 *   <li><b>Randomized SVD</b>: \(\|A - \hat A_k\|_F/\tau_k\), \(\tau_k = (\sum_{j \gt k}\sigma_j^2)^{1/2}\),
 *       for \(q = 0, \dots, 4\) power iterations with each {@link Stabiliser} (QR, LU, CholeskyQR,
 *       none), \(p = 10\), on polynomial (\(\sigma_j \propto j^{-1}\)) and exponential decay, against
 *       the bound \((1 + k/(p-1))^{1/2}\) of [HMT 2011, Thm 10.5] (for \(q = 0\)).
 *   <li><b>PSD</b>: stable Nyström, \(\|A - \hat A\|_* / \operatorname{tr}(A - [\![A]\!]_r)\) against
 *       TYUC's factor \(1 + r/(p - 1)\); randomly pivoted Cholesky (sequential and \(b = 100\)) with
 *       \(k = 2r\) pivots, \(\operatorname{tr}(A - FF^{\mathsf T})/\operatorname{tr}(A - [\![A]\!]_r)\).
 *   <li><b>ID/CUR</b>: \(\|A - \hat A\|_F/\tau_k\) for the column ID, the two-sided ID and CUR by
 *       interpolative decomposition, leverage scores and DEIM.
 *   <li><b>Sketch types</b>: for every sketch family, the distortion \(\max(\sigma_{\max}(SQ) - 1, 1 -
 *       \sigma_{\min}(SQ))\) of a random 20-dimensional subspace under \(d = 80\) rows (median over
 *       seeds), the time of \(SA\) for a dense \(m \times 200\) \(A\), and the randomized SVD error
 *       ratio with that family as test matrix.
 * </ol>
 *
 * <p>Errors are medians over seeds; every matrix and sketch is drawn from {@link
 * ExperimentContext#rng()}. Scales: smoke \(120 \times 80\), \(k = 5\), 2 seeds, sketches of
 * \(m = 512\); quick \(500 \times 300\), \(k \in \{10, 20, 40\}\), 5 seeds, \(m = 4096\); paper
 * \(2000 \times 1000\), \(k \in \{10, 20, 40, 80\}\), 11 seeds, \(m = 65536\).
 */
public final class RandnlaLowRankExperiment implements Experiment {
    /** Randomized SVD error ratios. */
    public static final String RSVD_FILE = "rsvd.csv";

    /** Nyström and RPCholesky trace-error ratios. */
    public static final String PSD_FILE = "psd.csv";

    /** ID and CUR error ratios. */
    public static final String SKELETON_FILE = "id-cur.csv";

    /** Sketch-type comparison. */
    public static final String SKETCH_FILE = "sketches.csv";

    private static final int OVERSAMPLING = 10;
    private static final int[] POWERS = {0, 1, 2, 3, 4};
    private static final Stabiliser[] STABILISERS = {
        Stabiliser.QR, Stabiliser.LU, Stabiliser.CHOLESKY_QR, Stabiliser.NONE
    };

    /** Creates the experiment (no work is done until {@link #run}). */
    public RandnlaLowRankExperiment() {}

    @Override
    public String name() {
        return "randnla-lowrank";
    }

    @Override
    public String description() {
        return "Randomized SVD (q = 0..4, each stabiliser), Nystrom, RPCholesky, ID/CUR against the optimal error;"
                + " sketch types compared by distortion, time and RSVD error";
    }

    private record Config(int m, int n, int[] ranks, int seeds, int sketchRows, int sketchTimingSeeds) {}

    private static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(120, 80, new int[] {5}, 2, 512, 2);
            case QUICK -> new Config(500, 300, new int[] {10, 20, 40}, 5, 4096, 5);
            case PAPER -> new Config(2000, 1000, new int[] {10, 20, 40, 80}, 11, 65536, 11);
        };
    }

    /** A named singular-value (or eigenvalue) profile. */
    private record Decay(String name, double[] values) {}

    private static List<Decay> decays(int n) {
        double[] poly = new double[n];
        double[] exp = new double[n];
        for (int j = 0; j < n; j++) {
            poly[j] = 1.0 / (j + 1);
            exp[j] = Math.pow(0.8, j);
        }
        return List.of(new Decay("polynomial", poly), new Decay("exponential", exp));
    }

    @Override
    public void run(ExperimentContext context) {
        Config cfg = config(context.scale());
        context.option("rows", cfg.m());
        context.option("cols", cfg.n());
        context.option("ranks", Arrays.stream(cfg.ranks()).boxed().toList());
        context.option("oversampling", OVERSAMPLING);
        context.option("powerIterations", Arrays.stream(POWERS).boxed().toList());
        context.option("seeds", cfg.seeds());
        context.option("sketchDimension", cfg.sketchRows());
        List<Decay> decays = decays(cfg.n());
        List<SketchFamily> families = families();
        int steps = decays.size() * cfg.ranks().length * (POWERS.length * STABILISERS.length + 4 + 5) + families.size();
        context.progress().start(name(), steps);

        Table rsvd = Table.builder()
                .text("decay")
                .integer("k")
                .integer("q")
                .text("stabiliser")
                .real("median_ratio", 4)
                .real("max_ratio", 4)
                .real("hmt_factor", 4)
                .build();
        Table psd = Table.builder()
                .text("decay")
                .integer("r")
                .text("method")
                .real("median_ratio", 4)
                .real("max_ratio", 4)
                .real("factor", 4)
                .build();
        Table skeletons = Table.builder()
                .text("decay")
                .integer("k")
                .text("method")
                .real("median_ratio", 4)
                .real("max_ratio", 4)
                .build();
        RngState base = context.rng();
        for (Decay decay : decays) {
            for (int k : cfg.ranks()) {
                rsvdRows(context, cfg, base, decay, k, rsvd);
                psdRows(context, cfg, base, decay, k, psd);
                skeletonRows(context, cfg, base, decay, k, skeletons);
            }
        }
        Table sketches = sketchRows(context, cfg, base, families, decays.get(0));
        context.progress().finish();

        context.writeTable(RSVD_FILE, rsvd);
        context.writeTable(PSD_FILE, psd);
        context.writeTable(SKELETON_FILE, skeletons);
        context.writeTable(SKETCH_FILE, sketches);
        int k0 = cfg.ranks()[cfg.ranks().length > 1 ? 1 : 0];
        for (Decay decay : decays) {
            context.savePlot("rsvd-" + decay.name() + ".png", rsvdPlot(rsvd, decay.name(), k0));
        }
        context.savePlot("sketch-distortion.png", sketchPlot(sketches));
        report(context, cfg, rsvd, psd, skeletons, sketches, k0);
    }

    // ------------------------------------------------------------------ randomized SVD

    private static void rsvdRows(
            ExperimentContext context, Config cfg, RngState base, Decay decay, int k, Table table) {
        double tail = tail(decay.values(), k);
        double hmt = Math.sqrt(1 + k / (OVERSAMPLING - 1.0));
        for (int q : POWERS) {
            for (Stabiliser s : STABILISERS) {
                RandomizedSvd alg = new RandomizedSvd(RandomizedSvdOptions.builder(k)
                        .oversampling(OVERSAMPLING)
                        .powerIterations(q)
                        .stabiliser(s)
                        .build());
                double[] ratios = samples(cfg.seeds(), seed -> {
                    DenseMatrix a = matrix(cfg, decay, base, seed);
                    return distance(
                                    a,
                                    alg.compute(a, base.split(1000 + seed))
                                            .value()
                                            .reconstruct())
                            / tail;
                });
                table.addRow(decay.name(), k, q, s.name(), median(ratios), max(ratios), hmt);
                context.progress().step("rsvd " + decay.name() + " k=" + k + " q=" + q + " " + s);
            }
        }
    }

    private static LinePlot rsvdPlot(Table rsvd, String decay, int k) {
        LinePlot plot = new LinePlot(
                        "Randomized SVD, " + decay + " decay, k = " + k + ", p = " + OVERSAMPLING,
                        "power iterations q",
                        "error / optimal")
                .yScale(LinePlot.AxisScale.LOG10);
        for (Stabiliser s : STABILISERS) {
            double[] x = new double[POWERS.length];
            double[] y = new double[POWERS.length];
            int t = 0;
            for (int r = 0; r < rsvd.rowCount(); r++) {
                if (rsvd.get(r, "decay").equals(decay)
                        && ((Number) rsvd.get(r, "k")).intValue() == k
                        && rsvd.get(r, "stabiliser").equals(s.name())) {
                    x[t] = ((Number) rsvd.get(r, "q")).doubleValue();
                    y[t] = (Double) rsvd.get(r, "median_ratio");
                    t++;
                }
            }
            plot.series(s.name(), x, y);
        }
        return plot;
    }

    // ------------------------------------------------------------------ PSD

    private static void psdRows(ExperimentContext context, Config cfg, RngState base, Decay decay, int r, Table table) {
        double[] lambda = decay.values();
        double optimal = 0;
        for (int j = r; j < lambda.length; j++) {
            optimal += lambda[j];
        }
        double best = optimal;
        double tyuc = 1 + r / (OVERSAMPLING - 1.0);
        Nystrom nystrom =
                new Nystrom(NystromOptions.builder(r).oversampling(OVERSAMPLING).build());
        double[] ny = samples(cfg.seeds(), seed -> {
            DenseMatrix a = psdMatrix(decay, base, seed);
            LowRankEigen e = nystrom.compute(a, base.split(2000 + seed)).value();
            return residualTrace(a, e.reconstruct()) / best;
        });
        table.addRow(decay.name(), r, "nystrom", median(ny), max(ny), tyuc);
        context.progress().step("nystrom " + decay.name() + " r=" + r);
        for (int b : new int[] {1, RandomlyPivotedCholeskyOptions.DEFAULT_BLOCK_SIZE}) {
            RandomlyPivotedCholesky rp = new RandomlyPivotedCholesky(new RandomlyPivotedCholeskyOptions(2 * r, b));
            double[] ratios = samples(cfg.seeds(), seed -> {
                DenseMatrix a = psdMatrix(decay, base, seed);
                return rp.compute(SymmetricEntries.of(a), base.split(3000 + seed))
                                .value()
                                .traceError()
                        / best;
            });
            table.addRow(
                    decay.name(),
                    r,
                    b == 1 ? "rpcholesky k=2r" : "block rpcholesky k=2r",
                    median(ratios),
                    max(ratios),
                    null);
            context.progress().step("rpcholesky " + decay.name() + " r=" + r + " b=" + b);
        }
        context.progress().step("psd " + decay.name() + " r=" + r);
    }

    /** \(\operatorname{tr}(A - \hat A)\): the trace norm of a PSD residual (Nyström and RPCholesky residuals are PSD). */
    private static double residualTrace(DenseMatrix a, DenseMatrix approx) {
        double t = 0;
        for (int i = 0; i < a.rows(); i++) {
            t += a.get(i, i) - approx.get(i, i);
        }
        return t;
    }

    // ------------------------------------------------------------------ ID / CUR

    private static void skeletonRows(
            ExperimentContext context, Config cfg, RngState base, Decay decay, int k, Table table) {
        double tail = tail(decay.values(), k);
        InterpolativeDecomposition id =
                new InterpolativeDecomposition(InterpolativeOptions.builder(k).build());
        double[] col = samples(cfg.seeds(), seed -> {
            DenseMatrix a = matrix(cfg, decay, base, seed);
            return distance(a, id.columns(a, base.split(4000 + seed)).value().reconstruct()) / tail;
        });
        table.addRow(decay.name(), k, "column ID", median(col), max(col));
        context.progress().step("column id " + decay.name() + " k=" + k);
        double[] two = samples(cfg.seeds(), seed -> {
            DenseMatrix a = matrix(cfg, decay, base, seed);
            return distance(a, id.twoSided(a, base.split(4000 + seed)).value().reconstruct()) / tail;
        });
        table.addRow(decay.name(), k, "two-sided ID", median(two), max(two));
        context.progress().step("two-sided id " + decay.name() + " k=" + k);
        for (CurSelection s : CurSelection.values()) {
            Cur cur = new Cur(CurOptions.builder(k).selection(s).build());
            double[] ratios = samples(cfg.seeds(), seed -> {
                DenseMatrix a = matrix(cfg, decay, base, seed);
                return distance(
                                a,
                                cur.compute(a, base.split(5000 + seed)).value().reconstruct())
                        / tail;
            });
            table.addRow(
                    decay.name(),
                    k,
                    "CUR " + s.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    median(ratios),
                    max(ratios));
            context.progress().step("cur " + s + " " + decay.name() + " k=" + k);
        }
    }

    // ------------------------------------------------------------------ sketch types

    private static List<SketchFamily> families() {
        return List.of(
                SketchFamily.gaussian(),
                SketchFamily.rademacher(),
                SketchFamily.uniform(),
                SketchFamily.sparseSign(),
                SketchFamily.countSketch(),
                SketchFamily.srht(),
                SketchFamily.srft(),
                SketchFamily.lessUniform(20),
                SketchFamily.uniformSampling(true));
    }

    private static Table sketchRows(
            ExperimentContext context, Config cfg, RngState base, List<SketchFamily> families, Decay decay) {
        Table table = Table.builder()
                .text("sketch")
                .integer("m")
                .integer("d")
                .real("median_distortion", 4)
                .real("max_distortion", 4)
                .real("apply_seconds", 5)
                .real("rsvd_median_ratio", 4)
                .build();
        int m = cfg.sketchRows();
        int r = 20;
        int d = 4 * r;
        DenseMatrix timed = RandomMatrices.generate(m, 200, ScalarDistribution.GAUSSIAN, base.split(6000))
                .value();
        int k = cfg.ranks()[0];
        double tail = tail(decay.values(), k);
        for (SketchFamily f : families) {
            double[] distortion = samples(cfg.sketchTimingSeeds(), seed -> {
                DenseMatrix q = Decompositions.qr()
                        .decompose(
                                RandomMatrices.generate(m, r, ScalarDistribution.GAUSSIAN, base.split(7000 + seed))
                                        .value(),
                                dev.nla.core.decomp.QrMode.THIN)
                        .q();
                SketchingOperator s = f.of(d, m).sample(base.split(8000 + seed)).value();
                double[] sv = Decompositions.svd().singularValues(s.applyLeft(q));
                return Math.max(sv[0] - 1, 1 - sv[sv.length - 1]);
            });
            SketchingOperator s = f.of(d, m).sample(base.split(9000)).value();
            Timing.Result t = Timing.measure(() -> s.applyLeft(timed), new Timing.Plan(2, 0.2, 5, 2.0));
            RandomizedSvd alg = new RandomizedSvd(RandomizedSvdOptions.builder(k)
                    .oversampling(OVERSAMPLING)
                    .powerIterations(0)
                    .testMatrix(f)
                    .build());
            double[] ratios = samples(cfg.seeds(), seed -> {
                DenseMatrix a = matrix(cfg, decay, base, seed);
                return distance(
                                a,
                                alg.compute(a, base.split(10000 + seed)).value().reconstruct())
                        / tail;
            });
            table.addRow(f.name(), m, d, median(distortion), max(distortion), t.median(), median(ratios));
            context.progress().step("sketch " + f.name());
        }
        return table;
    }

    private static LinePlot sketchPlot(Table sketches) {
        LinePlot plot = new LinePlot("Distortion against application time (d = 80, r = 20)", "seconds", "distortion")
                .scatter()
                .xScale(LinePlot.AxisScale.LOG10);
        for (int row = 0; row < sketches.rowCount(); row++) {
            plot.series(
                    (String) sketches.get(row, "sketch"),
                    new double[] {(Double) sketches.get(row, "apply_seconds")},
                    new double[] {(Double) sketches.get(row, "median_distortion")});
        }
        return plot;
    }

    // ------------------------------------------------------------------ report

    private void report(
            ExperimentContext context, Config cfg, Table rsvd, Table psd, Table skeletons, Table sketches, int k0) {
        var report = context.report();
        report.section("Randomized SVD against the optimal error")
                .paragraph("Median over " + cfg.seeds() + " seeds of the Frobenius error of the rank-k randomized SVD"
                        + " divided by the optimal rank-k error, for q = 0..4 power iterations and each stabiliser"
                        + " (stabilised after every pass), p = " + OVERSAMPLING + ". The column hmt_factor is"
                        + " (1 + k/(p-1))^(1/2), the bound of [HMT 2011, Thm 10.5] on the expected error for q = 0.")
                .table(rsvd);
        for (String decay : List.of("polynomial", "exponential")) {
            report.image("randomized SVD error ratio against q, " + decay + " decay", "rsvd-" + decay + ".png");
        }
        report.section("Positive semidefinite approximation")
                .paragraph("Trace-norm error divided by the optimal rank-r trace-norm error. Nystrom: sketch size"
                        + " r + " + OVERSAMPLING + ", factor = TYUC's 1 + r/(p-1). RPCholesky: k = 2r pivots.")
                .table(psd);
        report.section("Interpolative decompositions and CUR")
                .paragraph("Frobenius error divided by the optimal rank-k error (one power iteration, p = "
                        + OVERSAMPLING + ").")
                .table(skeletons);
        report.section("Sketch types")
                .paragraph("Distortion of a random 20-dimensional subspace of R^m under a d = 80 sketch (median over "
                        + cfg.sketchTimingSeeds() + " seeds), time of S*A for a dense m x 200 A (median of 5), and the"
                        + " q = 0 randomized SVD error ratio with the family as test matrix (polynomial decay, k = "
                        + cfg.ranks()[0] + ").")
                .table(sketches)
                .image("distortion against application time", "sketch-distortion.png");
        findings(context, rsvd, psd, sketches, k0);
    }

    private static void findings(ExperimentContext context, Table rsvd, Table psd, Table sketches, int k0) {
        var report = context.report();
        for (String decay : List.of("polynomial", "exponential")) {
            double q0 = lookup(rsvd, decay, k0, 0, "QR");
            double q2 = lookup(rsvd, decay, k0, 2, "QR");
            report.finding(String.format(
                    Locale.ROOT,
                    "%s decay, k = %d: the error ratio falls from %.3f (q = 0) to %.3f (q = 2) with QR stabilisation.",
                    decay,
                    k0,
                    q0,
                    q2));
        }
        int within = 0;
        int total = 0;
        for (int r = 0; r < rsvd.rowCount(); r++) {
            if (((Number) rsvd.get(r, "q")).intValue() == 0) {
                total++;
                if ((Double) rsvd.get(r, "median_ratio") <= (Double) rsvd.get(r, "hmt_factor")) {
                    within++;
                }
            }
        }
        report.finding(String.format(
                Locale.ROOT, "q = 0: %d of %d median error ratios are within the HMT factor.", within, total));
        double worstNone = 0;
        double worstQr = 0;
        for (int r = 0; r < rsvd.rowCount(); r++) {
            if (((Number) rsvd.get(r, "q")).intValue() == 4) {
                double v = (Double) rsvd.get(r, "median_ratio");
                if (rsvd.get(r, "stabiliser").equals("NONE")) {
                    worstNone = Math.max(worstNone, v);
                } else if (rsvd.get(r, "stabiliser").equals("QR")) {
                    worstQr = Math.max(worstQr, v);
                }
            }
        }
        report.finding(String.format(
                Locale.ROOT,
                "q = 4: the largest median error ratio is %.3f with QR stabilisation and %.3f without.",
                worstQr,
                worstNone));
        int nyWithin = 0;
        int nyTotal = 0;
        for (int r = 0; r < psd.rowCount(); r++) {
            if (psd.get(r, "method").equals("nystrom")) {
                nyTotal++;
                if ((Double) psd.get(r, "median_ratio") <= (Double) psd.get(r, "factor")) {
                    nyWithin++;
                }
            }
        }
        report.finding(String.format(
                Locale.ROOT,
                "Nystrom: %d of %d median trace-error ratios are within TYUC's factor.",
                nyWithin,
                nyTotal));
        int gauss = -1;
        int sparse = -1;
        for (int r = 0; r < sketches.rowCount(); r++) {
            if (sketches.get(r, "sketch").equals("gaussian")) {
                gauss = r;
            } else if (sketches.get(r, "sketch").equals("sparse-sign")) {
                sparse = r;
            }
        }
        if (gauss >= 0 && sparse >= 0) {
            report.finding(String.format(
                    Locale.ROOT,
                    "Sparse sign vs Gaussian: distortion %.3f vs %.3f, application %.1fx faster.",
                    (Double) sketches.get(sparse, "median_distortion"),
                    (Double) sketches.get(gauss, "median_distortion"),
                    (Double) sketches.get(gauss, "apply_seconds") / (Double) sketches.get(sparse, "apply_seconds")));
        }
        report.note("Timings come from a System.nanoTime harness (median of 5 after warm-up) on whatever else the"
                + " machine runs; the accuracy columns do not depend on the machine.");
    }

    private static double lookup(Table t, String decay, int k, int q, String stabiliser) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.get(r, "decay").equals(decay)
                    && ((Number) t.get(r, "k")).intValue() == k
                    && ((Number) t.get(r, "q")).intValue() == q
                    && t.get(r, "stabiliser").equals(stabiliser)) {
                return (Double) t.get(r, "median_ratio");
            }
        }
        throw new IllegalStateException("no row for " + decay + ", k = " + k + ", q = " + q + ", " + stabiliser);
    }

    // ------------------------------------------------------------------ helpers

    /** \(A = U\operatorname{diag}(\sigma)V^{\mathsf T}\) with Haar factors from the seed's stream. */
    private static DenseMatrix matrix(Config cfg, Decay decay, RngState base, long seed) {
        DenseMatrix u = haar(cfg.m(), cfg.n(), base.split(20_000 + seed));
        DenseMatrix v = haar(cfg.n(), cfg.n(), base.split(30_000 + seed));
        double[] s = decay.values();
        for (int j = 0; j < cfg.n(); j++) {
            Blas.scal(s[j], u.column(j));
        }
        return Blas.multiply(dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.TRANSPOSE, u, v);
    }

    /** \(A = Q\operatorname{diag}(\lambda)Q^{\mathsf T}\), symmetrized. */
    private static DenseMatrix psdMatrix(Decay decay, RngState base, long seed) {
        int n = decay.values().length;
        DenseMatrix q = haar(n, n, base.split(40_000 + seed));
        DenseMatrix ql = q.copy();
        for (int j = 0; j < n; j++) {
            Blas.scal(decay.values()[j], ql.column(j));
        }
        DenseMatrix a =
                Blas.multiply(dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.TRANSPOSE, ql, q);
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double v = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        return a;
    }

    /** Orthonormal columns: the Q factor of a Gaussian matrix (Haar up to column signs). */
    private static DenseMatrix haar(int rows, int cols, RngState state) {
        DenseMatrix g = RandomMatrices.generate(rows, cols, ScalarDistribution.GAUSSIAN, state)
                .value();
        return Decompositions.qr().decompose(g, dev.nla.core.decomp.QrMode.THIN).q();
    }

    private static double tail(double[] s, int k) {
        double t = 0;
        for (int j = k; j < s.length; j++) {
            t += s[j] * s[j];
        }
        return Math.sqrt(t);
    }

    private static double distance(DenseMatrix a, DenseMatrix b) {
        double t = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                double d = a.get(i, j) - b.get(i, j);
                t += d * d;
            }
        }
        return Math.sqrt(t);
    }

    private static double[] samples(int count, LongToDoubleFunction f) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return v;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }
}
