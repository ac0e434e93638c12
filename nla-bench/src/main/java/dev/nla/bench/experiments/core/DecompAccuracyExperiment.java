package dev.nla.bench.experiments.core;

import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Markdown;
import dev.nla.bench.report.Table;
import dev.nla.core.blas.Backends;
import dev.nla.core.decomp.CholeskyQr;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.decomp.PivotedQr;
import dev.nla.core.decomp.PivotedQrResult;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Accuracy of every decomposition of {@code dev.nla.core.decomp} against matrix size and condition
 * number: the LAPACK test ratios (scaled residual \(\|A - \text{factors}\|_F / (\max(m,n)\,u\,
 * \|A\|_F)\) and loss of orthogonality \(\|Q^{\mathsf T}Q - I\|_F / (n\,u)\), measured by {@link
 * AccuracyRatios}) of the pure-Java implementations and, when native LAPACK loads, of the native
 * ones, median and maximum over several random matrices per point.
 *
 * <p>Inputs have prescribed singular values (or eigenvalues) decaying geometrically from 1 to
 * \(1/\kappa\), with Haar-distributed singular vectors (orthonormalized Gaussian matrices): tall
 * \(2n \times n\) for the QR family and the SVD, square \(n \times n\) for LU, symmetric indefinite
 * (eigenvalues of alternating signs) for the eigensolver, symmetric positive definite for Cholesky.
 * Two sweeps: the order \(n\) at \(\kappa = 10^6\) (inside every method's domain), and \(\kappa\) from
 * 1 to \(10^{15}\) at a fixed \(n\). Methods with a restricted domain (CholeskyQR2, shifted
 * CholeskyQR3, Cholesky) break down outside it by throwing; such runs are counted as failures and
 * left out of the statistics.
 *
 * <p>Scales: smoke \(n \in \{8, 16\}\), \(\kappa \in \{1, 10^{15}\}\), 1 matrix per point; quick
 * \(n \in \{25, 50, 100, 200\}\), \(\kappa \in \{1, 10^3, \dots, 10^{15}\}\) at \(n = 100\), 3 matrices
 * per point; paper \(n \in \{25, \dots, 800\}\) (doubling), \(\kappa \in \{1, 10^{1.5}, \dots,
 * 10^{15}\}\) at \(n = 200\), 3 matrices per point. The compensated ratios cost about \(32n^3\)
 * multiply-adds per matrix over all methods, which dominates the paper scale (minutes at
 * \(n = 800\)).
 */
public final class DecompAccuracyExperiment implements Experiment {
    /** One row per (sweep, decomposition, implementation, point): median and max over matrices. */
    public static final String CSV_FILE = "decomp-accuracy.csv";

    /** One row per (sweep, decomposition, implementation, point, matrix). */
    public static final String RUNS_FILE = "decomp-accuracy-runs.csv";

    /** Scaled residual against n. */
    public static final String RESIDUAL_SIZE_PLOT = "residual-vs-size.png";

    /** Loss of orthogonality against n. */
    public static final String ORTHOGONALITY_SIZE_PLOT = "orthogonality-vs-size.png";

    /** Scaled residual against the condition number. */
    public static final String RESIDUAL_CONDITION_PLOT = "residual-vs-condition.png";

    /** Loss of orthogonality against the condition number. */
    public static final String ORTHOGONALITY_CONDITION_PLOT = "orthogonality-vs-condition.png";

    /** The acceptance threshold on every ratio (as in the nla-core contract tests). */
    static final double THRESHOLD = 30.0;

    /** Condition number of the size sweep. */
    static final double SIZE_SWEEP_CONDITION = 1e6;

    /** Ratios below this are drawn at this value on the logarithmic plots. */
    private static final double PLOT_FLOOR = 1e-2;

    /** Creates the experiment (no work is done until {@link #run}). */
    public DecompAccuracyExperiment() {}

    @Override
    public String name() {
        return "decomp-accuracy";
    }

    @Override
    public String description() {
        return "Scaled residual and orthogonality of every decomposition (Java and native LAPACK) against "
                + "matrix size and condition number";
    }

    /** The shape and structure of the inputs a method takes. */
    enum Kind {
        /** \(2n \times n\) general. */
        TALL,
        /** \(n \times n\) general. */
        SQUARE,
        /** \(n \times n\) symmetric with eigenvalues of both signs. */
        SYMMETRIC,
        /** \(n \times n\) symmetric positive definite. */
        SPD
    }

    /**
     * One method under test: its ratios on an input, {@code {residual, orthogonality}} (the second
     * NaN when the method has no orthogonal factor); throws {@link NotPositiveDefiniteException}
     * outside its domain.
     */
    record Method(String decomposition, String implementation, Kind kind, Function<DenseMatrix, double[]> ratios) {
        String id() {
            return decomposition + " (" + implementation + ")";
        }
    }

    /** Sizes, conditions and repetitions of one scale. */
    record Config(int[] sizes, int conditionOrder, double[] conditions, int seeds) {}

    static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(new int[] {8, 16}, 16, new double[] {1, 1e15}, 1);
            case QUICK -> new Config(new int[] {25, 50, 100, 200}, 100, powers(0, 15, 3), 3);
            case PAPER -> new Config(new int[] {25, 50, 100, 200, 400, 800}, 200, powers(0, 15, 1.5), 3);
        };
    }

    private static double[] powers(double from, double to, double step) {
        int count = (int) Math.round((to - from) / step) + 1;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = Math.pow(10, from + i * step);
        }
        return out;
    }

    /** The methods: every Java decomposition, and the native ones when LAPACK loads. */
    static List<Method> methods(boolean withNative) {
        List<Method> m = new ArrayList<>();
        m.add(new Method("QR", "java", Kind.TALL, qr(Decompositions.qr())));
        m.add(new Method("pivoted QR", "java", Kind.TALL, pivotedQr(Decompositions.pivotedQr(), Decompositions.qr())));
        m.add(new Method("CholeskyQR2", "java", Kind.TALL, choleskyQr(Decompositions.choleskyQr2())));
        m.add(new Method("shifted CholeskyQR3", "java", Kind.TALL, choleskyQr(Decompositions.shiftedCholeskyQr3())));
        m.add(new Method("SVD", "java", Kind.TALL, a -> svd(Decompositions.svd().decompose(a, SvdVectors.THIN), a)));
        m.add(new Method("LU", "java", Kind.SQUARE, a -> lu(Decompositions.lu().factor(a), a)));
        m.add(new Method(
                "Cholesky",
                "java",
                Kind.SPD,
                a -> cholesky(Decompositions.cholesky().factor(a), a)));
        m.add(new Method(
                "symmetric eigen",
                "java",
                Kind.SYMMETRIC,
                a -> eigen(Decompositions.symmetricEigen().decompose(a), a)));
        if (withNative) {
            m.add(new Method("QR", "native", Kind.TALL, qr(Decompositions.nativeQr())));
            m.add(new Method(
                    "pivoted QR",
                    "native",
                    Kind.TALL,
                    pivotedQr(Decompositions.nativePivotedQr(), Decompositions.nativeQr())));
            m.add(new Method(
                    "SVD",
                    "native",
                    Kind.TALL,
                    a -> svd(Decompositions.nativeSvd().decompose(a, SvdVectors.THIN), a)));
            m.add(new Method(
                    "LU",
                    "native",
                    Kind.SQUARE,
                    a -> lu(Decompositions.nativeLu().factor(a), a)));
            m.add(new Method(
                    "Cholesky",
                    "native",
                    Kind.SPD,
                    a -> cholesky(Decompositions.nativeCholesky().factor(a), a)));
            m.add(new Method(
                    "symmetric eigen",
                    "native",
                    Kind.SYMMETRIC,
                    a -> eigen(Decompositions.nativeSymmetricEigen().decompose(a), a)));
        }
        return m;
    }

    private static Function<DenseMatrix, double[]> qr(Qr qr) {
        return a -> {
            QrResult r = qr.decompose(a, QrMode.THIN);
            return new double[] {AccuracyRatios.residual(a, r.q(), r.r()), AccuracyRatios.orthogonality(r.q())};
        };
    }

    private static Function<DenseMatrix, double[]> pivotedQr(PivotedQr pivoted, Qr former) {
        return a -> {
            PivotedQrResult f = pivoted.factor(a);
            DenseMatrix q = former.q(f.qr(), QrMode.THIN);
            DenseMatrix ap = DenseMatrix.zeros(a.rows(), a.cols());
            for (int j = 0; j < a.cols(); j++) {
                ap.column(j).copyFrom(a.column(f.permutation()[j]));
            }
            return new double[] {AccuracyRatios.residual(ap, q, f.qr().r()), AccuracyRatios.orthogonality(q)};
        };
    }

    private static Function<DenseMatrix, double[]> choleskyQr(CholeskyQr method) {
        return a -> {
            QrResult r = method.decompose(a);
            return new double[] {AccuracyRatios.residual(a, r.q(), r.r()), AccuracyRatios.orthogonality(r.q())};
        };
    }

    private static double[] svd(SvdResult r, DenseMatrix a) {
        DenseMatrix us = r.u().copy();
        for (int j = 0; j < us.cols(); j++) {
            double s = r.singularValues()[j];
            for (int i = 0; i < us.rows(); i++) {
                us.set(i, j, us.get(i, j) * s);
            }
        }
        return new double[] {
            AccuracyRatios.residual(a, us, r.vt()),
            Math.max(AccuracyRatios.orthogonality(r.u()), AccuracyRatios.rowOrthogonality(r.vt()))
        };
    }

    private static double[] lu(LuResult f, DenseMatrix a) {
        int[] p = f.rowPermutation();
        DenseMatrix pa = DenseMatrix.zeros(a.rows(), a.cols());
        for (int i = 0; i < a.rows(); i++) {
            pa.row(i).copyFrom(a.row(p[i]));
        }
        return new double[] {AccuracyRatios.residual(pa, f.l(), f.u()), Double.NaN};
    }

    private static double[] cholesky(CholeskyResult f, DenseMatrix a) {
        return new double[] {AccuracyRatios.residual(a, f.l(), f.l().transpose()), Double.NaN};
    }

    private static double[] eigen(EigenResult r, DenseMatrix a) {
        DenseMatrix z = r.eigenvectors();
        DenseMatrix zl = z.copy();
        for (int j = 0; j < zl.cols(); j++) {
            double l = r.eigenvalues()[j];
            for (int i = 0; i < zl.rows(); i++) {
                zl.set(i, j, zl.get(i, j) * l);
            }
        }
        return new double[] {AccuracyRatios.residual(a, zl, z.transpose()), AccuracyRatios.orthogonality(z)};
    }

    // ------------------------------------------------------------------ inputs

    /**
     * A test matrix of the given kind, order \(n\) and condition \(\kappa\) (singular values or
     * eigenvalue magnitudes \(\kappa^{-i/(n-1)}\)), drawn from {@code state}.
     *
     * @param kind      the structure
     * @param n         the order (columns)
     * @param condition \(\kappa \ge 1\)
     * @param state     the random stream
     * @return a new matrix (exactly symmetric for the symmetric kinds)
     */
    static DenseMatrix input(Kind kind, int n, double condition, RngState state) {
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = n == 1 ? 1.0 : Math.pow(condition, -(double) i / (n - 1));
        }
        switch (kind) {
            case TALL:
            case SQUARE: {
                int m = kind == Kind.TALL ? 2 * n : n;
                DenseMatrix u = orthonormal(m, n, state.split(0));
                DenseMatrix v = orthonormal(n, n, state.split(1));
                return product(u, sigma, v);
            }
            default: {
                if (kind == Kind.SYMMETRIC) {
                    for (int i = 1; i < n; i += 2) {
                        sigma[i] = -sigma[i];
                    }
                }
                DenseMatrix q = orthonormal(n, n, state.split(0));
                DenseMatrix a = product(q, sigma, q);
                DenseMatrix s = DenseMatrix.zeros(n, n);
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        s.set(i, j, 0.5 * (a.get(i, j) + a.get(j, i)));
                    }
                }
                return s;
            }
        }
    }

    /** The thin Q of a Gaussian matrix: orthonormal columns, Haar-distributed up to signs. */
    private static DenseMatrix orthonormal(int m, int n, RngState state) {
        return Decompositions.qr(Backends.scalar(1))
                .decompose(RandomMatrices.gaussian(m, n, state).value(), QrMode.THIN)
                .q();
    }

    /** \(U \operatorname{diag}(d) V^{\mathsf T}\) in plain loops. */
    private static DenseMatrix product(DenseMatrix u, double[] d, DenseMatrix v) {
        int m = u.rows();
        int n = v.rows();
        DenseMatrix a = DenseMatrix.zeros(m, n);
        for (int l = 0; l < d.length; l++) {
            for (int j = 0; j < n; j++) {
                double f = d[l] * v.get(j, l);
                for (int i = 0; i < m; i++) {
                    a.add(i, j, u.get(i, l) * f);
                }
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ run

    /** The statistics of one point of a sweep for one method. */
    private record Point(
            String sweep,
            Method method,
            int m,
            int n,
            double condition,
            int runs,
            int failures,
            double residualMedian,
            double residualMax,
            double orthogonalityMedian,
            double orthogonalityMax) {}

    @Override
    public void run(ExperimentContext context) {
        Config cfg = config(context.scale());
        boolean withNative = Decompositions.nativeAvailable();
        List<Method> methods = methods(withNative);
        context.option("sizes", boxed(cfg.sizes()));
        context.option("sizeSweepCondition", SIZE_SWEEP_CONDITION);
        context.option("conditionSweepOrder", cfg.conditionOrder());
        context.option("conditions", Arrays.stream(cfg.conditions()).boxed().toList());
        context.option("matricesPerPoint", cfg.seeds());
        context.option("nativeLapack", withNative);
        List<String> ids = new ArrayList<>();
        for (Method m : methods) {
            ids.add(m.id());
        }
        context.option("methods", ids);

        Table runs = Table.builder()
                .text("sweep")
                .text("decomposition")
                .text("implementation")
                .integer("m")
                .integer("n")
                .real("condition", 3)
                .integer("matrix")
                .bool("failed")
                .real("residual_ratio", 4)
                .real("orthogonality_ratio", 4)
                .build();
        List<Point> points = new ArrayList<>();
        context.progress().start(name(), cfg.sizes().length + cfg.conditions().length);
        RngState sizeStream = context.rng().split(0);
        for (int s = 0; s < cfg.sizes().length; s++) {
            int n = cfg.sizes()[s];
            measure("size", n, SIZE_SWEEP_CONDITION, cfg.seeds(), sizeStream.split(s), methods, runs, points);
            context.progress().step("n=" + n);
        }
        RngState conditionStream = context.rng().split(1);
        for (int c = 0; c < cfg.conditions().length; c++) {
            double cond = cfg.conditions()[c];
            measure(
                    "condition",
                    cfg.conditionOrder(),
                    cond,
                    cfg.seeds(),
                    conditionStream.split(c),
                    methods,
                    runs,
                    points);
            context.progress().step(String.format(Locale.ROOT, "cond=%.0e", cond));
        }
        context.progress().finish();

        Table summary = summaryTable(points);
        context.writeTable(CSV_FILE, summary);
        context.writeTable(RUNS_FILE, runs);
        context.savePlot(RESIDUAL_SIZE_PLOT, plot(points, methods, "size", true));
        context.savePlot(ORTHOGONALITY_SIZE_PLOT, plot(points, methods, "size", false));
        context.savePlot(RESIDUAL_CONDITION_PLOT, plot(points, methods, "condition", true));
        context.savePlot(ORTHOGONALITY_CONDITION_PLOT, plot(points, methods, "condition", false));
        writeReport(context, cfg, methods, points, withNative);
    }

    private static void measure(
            String sweep,
            int n,
            double condition,
            int seeds,
            RngState stream,
            List<Method> methods,
            Table runs,
            List<Point> points) {
        Map<Kind, DenseMatrix[]> inputs = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            DenseMatrix[] mats = new DenseMatrix[seeds];
            for (int r = 0; r < seeds; r++) {
                mats[r] = input(kind, n, condition, stream.split(r).split(kind.ordinal()));
            }
            inputs.put(kind, mats);
        }
        for (Method method : methods) {
            DenseMatrix[] mats = inputs.get(method.kind());
            List<Double> residuals = new ArrayList<>();
            List<Double> orthogonality = new ArrayList<>();
            int failures = 0;
            for (int r = 0; r < seeds; r++) {
                DenseMatrix a = mats[r];
                double[] ratios = null;
                try {
                    ratios = method.ratios().apply(a);
                } catch (NotPositiveDefiniteException outsideDomain) {
                    failures++;
                }
                boolean failed = ratios == null;
                if (!failed) {
                    residuals.add(ratios[0]);
                    if (!Double.isNaN(ratios[1])) {
                        orthogonality.add(ratios[1]);
                    }
                }
                runs.addRow(
                        sweep,
                        method.decomposition(),
                        method.implementation(),
                        a.rows(),
                        n,
                        condition,
                        r,
                        failed,
                        failed ? null : ratios[0],
                        failed || Double.isNaN(ratios[1]) ? null : ratios[1]);
            }
            points.add(new Point(
                    sweep,
                    method,
                    mats[0].rows(),
                    n,
                    condition,
                    seeds,
                    failures,
                    median(residuals),
                    max(residuals),
                    median(orthogonality),
                    max(orthogonality)));
        }
    }

    private static Table summaryTable(List<Point> points) {
        Table t = Table.builder()
                .text("sweep")
                .text("decomposition")
                .text("implementation")
                .integer("m")
                .integer("n")
                .real("condition", 3)
                .integer("matrices")
                .integer("failures")
                .real("residual_median", 4)
                .real("residual_max", 4)
                .real("orthogonality_median", 4)
                .real("orthogonality_max", 4)
                .build();
        for (Point p : points) {
            t.addRow(
                    p.sweep(),
                    p.method().decomposition(),
                    p.method().implementation(),
                    p.m(),
                    p.n(),
                    p.condition(),
                    p.runs(),
                    p.failures(),
                    nullIfNaN(p.residualMedian()),
                    nullIfNaN(p.residualMax()),
                    nullIfNaN(p.orthogonalityMedian()),
                    nullIfNaN(p.orthogonalityMax()));
        }
        return t;
    }

    private static LinePlot plot(List<Point> points, List<Method> methods, String sweep, boolean residual) {
        boolean bySize = sweep.equals("size");
        String what = residual ? "scaled residual ||A - factors||_F / (max(m,n) u ||A||_F)" : "||Q^T Q - I||_F / (n u)";
        String title = (residual ? "Scaled residual" : "Loss of orthogonality")
                + (bySize
                        ? String.format(
                                Locale.ROOT, " against n (condition %.0e), max over matrices", SIZE_SWEEP_CONDITION)
                        : " against the condition number, max over matrices");
        LinePlot plot = new LinePlot(title, bySize ? "n" : "condition number", what)
                .xScale(bySize ? LinePlot.AxisScale.LOG2 : LinePlot.AxisScale.LOG10)
                .yScale(LinePlot.AxisScale.LOG10)
                .size(1100, 650);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Method method : methods) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Point p : points) {
                double y = residual ? p.residualMax() : p.orthogonalityMax();
                if (p.method() == method && p.sweep().equals(sweep) && !Double.isNaN(y)) {
                    double x = bySize ? p.n() : p.condition();
                    xs.add(x);
                    ys.add(Math.max(y, PLOT_FLOOR));
                    xMin = Math.min(xMin, x);
                    xMax = Math.max(xMax, x);
                }
            }
            if (!xs.isEmpty()) {
                plot.series(method.id(), toArray(xs), toArray(ys));
            }
        }
        if (xMin <= xMax) {
            plot.series("threshold 30", new double[] {xMin, xMax}, new double[] {THRESHOLD, THRESHOLD});
        }
        return plot;
    }

    // ------------------------------------------------------------------ report

    private void writeReport(
            ExperimentContext context, Config cfg, List<Method> methods, List<Point> points, boolean withNative) {
        var report = context.report();
        report.description("LAPACK-style test ratios of the decompositions of nla-core: the scaled residual "
                + "\\(\\|A - \\text{factors}\\|_F / (\\max(m,n)\\,u\\,\\|A\\|_F)\\) and the loss of orthogonality "
                + "\\(\\|Q^{\\mathsf T}Q - I\\|_F / (n\\,u)\\) (\\(u = 2^{-53}\\)), both computed with compensated "
                + "(twice-working-precision) sums, for the pure-Java implementations"
                + (withNative ? " and native LAPACK" : "")
                + ". Inputs have geometrically decaying singular values (or eigenvalues) with condition number "
                + "\\(\\kappa\\) and Haar singular vectors: \\(2n \\times n\\) for QR, pivoted QR, CholeskyQR and "
                + "the SVD; \\(n \\times n\\) for LU; symmetric indefinite for the eigensolver; symmetric positive "
                + "definite for Cholesky. A backward-stable method keeps both ratios of order one whatever "
                + "\\(\\kappa\\) and \\(n\\); the acceptance threshold is 30.");
        findings(report, methods, points, withNative);

        report.section("Against the order n (condition " + Markdown.formatReal(SIZE_SWEEP_CONDITION, 2) + ")");
        report.image("scaled residual against n", RESIDUAL_SIZE_PLOT);
        report.image("loss of orthogonality against n", ORTHOGONALITY_SIZE_PLOT);
        report.table(pivot(points, methods, "size", true));
        report.table(pivot(points, methods, "size", false));

        report.section("Against the condition number (n = " + cfg.conditionOrder() + ")");
        report.image("scaled residual against the condition number", RESIDUAL_CONDITION_PLOT);
        report.image("loss of orthogonality against the condition number", ORTHOGONALITY_CONDITION_PLOT);
        report.table(pivot(points, methods, "condition", true));
        report.table(pivot(points, methods, "condition", false));

        report.paragraph("Tables show the maximum over the " + cfg.seeds() + " matrices of each point; medians, "
                + "failure counts and every single run are in [" + CSV_FILE + "](" + CSV_FILE + ") and [" + RUNS_FILE
                + "](" + RUNS_FILE + "). A dash marks a point where every run broke down (the method's domain "
                + "excludes that condition number).");
        report.note("Plots draw ratios below " + PLOT_FLOOR + " at " + PLOT_FLOOR
                + " (exact factorizations of tiny matrices can give 0).");
        if (!withNative) {
            report.note("Native LAPACK did not load (`apt-get install libopenblas0-pthread`): only the pure-Java "
                    + "implementations were measured.");
        }
        report.note("Pivoted QR forms its Q with the QR of the same implementation family from the compact "
                + "factors; the SVD's orthogonality is the larger of those of U and of V^T.");
    }

    private static void findings(
            dev.nla.bench.report.MarkdownReport report, List<Method> methods, List<Point> points, boolean withNative) {
        double worst = -1;
        String worstWhere = null;
        List<String> above = new ArrayList<>();
        for (Method method : methods) {
            double res = -1;
            double orth = -1;
            Point resAt = null;
            Point orthAt = null;
            for (Point p : points) {
                if (p.method() != method) {
                    continue;
                }
                if (!Double.isNaN(p.residualMax()) && p.residualMax() > res) {
                    res = p.residualMax();
                    resAt = p;
                }
                if (!Double.isNaN(p.orthogonalityMax()) && p.orthogonalityMax() > orth) {
                    orth = p.orthogonalityMax();
                    orthAt = p;
                }
            }
            double m = Math.max(res, orth);
            if (m > worst) {
                worst = m;
                worstWhere = method.id() + " at " + where(m == res ? resAt : orthAt);
            }
            if (res >= THRESHOLD) {
                above.add(method.id() + " residual " + Markdown.formatReal(res, 3) + " at " + where(resAt));
            }
            if (orth >= THRESHOLD) {
                above.add(method.id() + " orthogonality " + Markdown.formatReal(orth, 3) + " at " + where(orthAt));
            }
        }
        if (above.isEmpty()) {
            report.finding("Every ratio of every method is below the threshold 30 wherever the method runs; the "
                    + "largest is " + Markdown.formatReal(worst, 3) + " (" + worstWhere + ").");
        } else {
            for (String a : above) {
                report.finding("**Above the threshold 30:** " + a + ".");
            }
        }
        for (Method method : methods) {
            double firstFailure = Double.NaN;
            for (Point p : points) {
                if (p.method() == method && p.sweep().equals("condition") && p.failures() > 0) {
                    firstFailure = p.condition();
                    break;
                }
            }
            double lastSuccess = Double.NaN;
            for (Point p : points) {
                if (p.method() == method && p.sweep().equals("condition") && p.failures() < p.runs()) {
                    lastSuccess = p.condition();
                }
            }
            if (!Double.isNaN(firstFailure)) {
                report.finding(String.format(
                        Locale.ROOT,
                        "%s breaks down (throws, as documented) from condition %.1e; its largest condition with a "
                                + "successful run is %.1e.",
                        method.id(),
                        firstFailure,
                        lastSuccess));
            }
        }
        if (withNative) {
            for (Method java : methods) {
                if (!java.implementation().equals("java")) {
                    continue;
                }
                for (Method nat : methods) {
                    if (nat.implementation().equals("native")
                            && nat.decomposition().equals(java.decomposition())) {
                        double jm = worst(points, p -> p.method() == java);
                        double nm = worst(points, p -> p.method() == nat);
                        report.finding(String.format(
                                Locale.ROOT,
                                "%s: largest ratio %s in Java, %s in native LAPACK.",
                                java.decomposition(),
                                Markdown.formatReal(jm, 3),
                                Markdown.formatReal(nm, 3)));
                    }
                }
            }
        }
        int[] sizes = points.stream()
                .filter(p -> p.sweep().equals("size"))
                .mapToInt(Point::n)
                .distinct()
                .sorted()
                .toArray();
        if (sizes.length > 1) {
            double smallest = worst(points, p -> p.sweep().equals("size") && p.n() == sizes[0]);
            double largest = worst(points, p -> p.sweep().equals("size") && p.n() == sizes[sizes.length - 1]);
            report.finding(String.format(
                    Locale.ROOT,
                    "Growth with n: the largest ratio of any method is %s at n = %d and %s at n = %d.",
                    Markdown.formatReal(smallest, 3),
                    sizes[0],
                    Markdown.formatReal(largest, 3),
                    sizes[sizes.length - 1]));
        }
    }

    /** The largest residual or orthogonality ratio over the points that pass the filter. */
    private static double worst(List<Point> points, Predicate<Point> filter) {
        double w = 0;
        for (Point p : points) {
            if (filter.test(p)) {
                w = Math.max(w, Math.max(nanToZero(p.residualMax()), nanToZero(p.orthogonalityMax())));
            }
        }
        return w;
    }

    private static String where(Point p) {
        return p.sweep().equals("size")
                ? "n = " + p.n()
                : String.format(Locale.ROOT, "condition %.1e (n = %d)", p.condition(), p.n());
    }

    private static Table pivot(List<Point> points, List<Method> methods, String sweep, boolean residual) {
        boolean bySize = sweep.equals("size");
        Table.Builder b = Table.builder().text(residual ? "residual, max" : "orthogonality, max");
        List<Double> xs = new ArrayList<>();
        for (Point p : points) {
            double x = bySize ? p.n() : p.condition();
            if (p.sweep().equals(sweep) && !xs.contains(x)) {
                xs.add(x);
            }
        }
        for (double x : xs) {
            b.real(bySize ? "n=" + (int) x : String.format(Locale.ROOT, "%.0e", x), 3);
        }
        Table t = b.build();
        for (Method method : methods) {
            Object[] row = new Object[xs.size() + 1];
            row[0] = method.id();
            boolean any = false;
            for (Point p : points) {
                if (p.method() == method && p.sweep().equals(sweep)) {
                    double y = residual ? p.residualMax() : p.orthogonalityMax();
                    row[1 + xs.indexOf(bySize ? (double) p.n() : p.condition())] = nullIfNaN(y);
                    any |= !Double.isNaN(y) || residual;
                }
            }
            if (any) {
                t.addRow(row);
            }
        }
        return t;
    }

    // ------------------------------------------------------------------ small helpers

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : 0.5 * (v[h - 1] + v[h]);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0.0 : v;
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
