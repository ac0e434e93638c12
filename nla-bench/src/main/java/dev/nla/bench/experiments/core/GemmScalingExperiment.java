package dev.nla.bench.experiments.core;

import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.experiments.Timing;
import dev.nla.bench.kernels.NaiveKernels;
import dev.nla.bench.kernels.TestData;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Markdown;
import dev.nla.bench.report.Table;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GEMM throughput against problem size: GFLOP/s \(= 2n^3 / t\) of \(C = AB\) for square \(n \times
 * n\) matrices, for every backend available in this JVM (Vector API and scalar pure-Java kernels
 * on one thread and on all cores, native BLAS if a library loads) and for the naive loop of
 * {@link NaiveKernels#gemm}.
 *
 * <p>Each implementation first runs for a while at a small size so that the JIT compiles its
 * kernels; then each (implementation, \(n\)) pair is timed by {@link Timing#measure}: warm-up,
 * then the median of several runs. Inputs are uniform in \((-1/2, 1/2)\) ({@link TestData}), from
 * the streams {@code split(0)} and {@code split(1)} of the run's {@link ExperimentContext#rng()}.
 * Every result is also compared with the first implementation's result at the same \(n\): two correct products differ by at most \(2\gamma_n (|A||B|)_{ij} \le 2\gamma_n
 * n \max|a| \max|b|\) [Higham 2002, §3.5], so the table reports the scaled difference
 * \(\max_{ij}|c_{ij} - c^{\mathrm{ref}}_{ij}| / (n \max|a| \max|b|)\) and the report checks it
 * against \(2\gamma_n\).
 *
 * <p>Sizes: smoke \(n \in \{32, 64\}\); quick \(n \in \{64, \dots, 1024\}\) (powers of two; naive up
 * to 512); paper \(n \in \{64, \dots, 4096\}\) (scalar up to 2048, naive up to 1024).
 */
public final class GemmScalingExperiment implements Experiment {
    /** The CSV file with one row per (implementation, n). */
    public static final String CSV_FILE = "gemm.csv";

    /** The plot of GFLOP/s against n. */
    public static final String PLOT_FILE = "gemm-gflops.png";

    private static final double U = 0x1.0p-53;

    /** Creates the experiment (no work is done until {@link #run}). */
    public GemmScalingExperiment() {}

    @Override
    public String name() {
        return "gemm-scaling";
    }

    @Override
    public String description() {
        return "GEMM GFLOP/s against n for each BLAS backend (Vector API, scalar, native) and a naive loop";
    }

    /** One implementation under test; {@code backend} is null for the naive loop. */
    private record Impl(String id, String kind, int threads, Backend backend, int maxN, String description) {}

    /**
     * The sizes and timing plan of one scale. {@code jitSeconds} is spent running each
     * implementation at {@link #JIT_WARMUP_N} before any measurement, so that the JIT has compiled
     * (and, for the Vector API, intrinsified) its kernels: the per-size warm-up of the plan is too
     * short for that at the smallest sizes.
     */
    private record Config(int[] sizes, int naiveMaxN, int scalarMaxN, double jitSeconds, Timing.Plan plan) {}

    /** Order of the matrices used for the initial JIT warm-up. */
    private static final int JIT_WARMUP_N = 96;

    private static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(new int[] {32, 64}, 64, 64, 0.0, new Timing.Plan(1, 0.0, 3, 1.0));
            case QUICK -> new Config(
                    new int[] {64, 128, 256, 512, 1024}, 512, 1024, 0.5, new Timing.Plan(1, 0.2, 5, 2.0));
            case PAPER -> new Config(
                    new int[] {64, 128, 256, 512, 1024, 2048, 4096}, 1024, 2048, 2.0, new Timing.Plan(2, 1.0, 7, 5.0));
        };
    }

    @Override
    public void run(ExperimentContext context) {
        Config cfg = config(context.scale());
        int cores = Runtime.getRuntime().availableProcessors();
        int maxN = cfg.sizes()[cfg.sizes().length - 1];
        List<Impl> impls = implementations(cores, maxN, cfg);
        List<String> skipped = new ArrayList<>();
        if (!Backends.nativeAvailable()) {
            skipped.add("native BLAS (no system library loads; `apt-get install libopenblas0-pthread`)");
        }
        if (!Backends.vectorAvailable()) {
            skipped.add("Vector API backend (start the JVM with `--add-modules jdk.incubator.vector`)");
        }

        List<Integer> sizeList = new ArrayList<>();
        for (int n : cfg.sizes()) {
            sizeList.add(n);
        }
        List<String> implIds = new ArrayList<>();
        for (Impl impl : impls) {
            implIds.add(impl.id());
        }
        context.option("sizes", sizeList);
        context.option("implementations", implIds);
        context.option("naiveMaxN", cfg.naiveMaxN());
        context.option("scalarMaxN", cfg.scalarMaxN());
        context.option("jitWarmupSeconds", cfg.jitSeconds());
        context.option("warmupRuns", cfg.plan().warmupRuns());
        context.option("warmupSeconds", cfg.plan().warmupSeconds());
        context.option("repetitions", cfg.plan().repetitions());
        context.option("cores", cores);

        int steps = 0;
        for (int n : cfg.sizes()) {
            for (Impl impl : impls) {
                if (n <= impl.maxN()) {
                    steps++;
                }
            }
        }
        context.progress().start(name(), steps + (cfg.jitSeconds() > 0 ? impls.size() : 0));
        if (cfg.jitSeconds() > 0) {
            jitWarmup(context, impls, cfg.jitSeconds());
        }

        Table table = Table.builder()
                .text("implementation")
                .text("backend")
                .integer("threads")
                .integer("n")
                .real("median_seconds", 4)
                .real("min_seconds", 4)
                .integer("repetitions")
                .real("gflops", 4)
                .real("ratio_to_native", 3)
                .real("ratio_to_naive", 3)
                .real("scaled_diff", 2)
                .text("reference")
                .build();
        List<String> violations = new ArrayList<>();
        for (int n : cfg.sizes()) {
            measureSize(context, n, impls, cfg.plan(), table, violations);
        }
        context.progress().finish();
        context.writeTable(CSV_FILE, table);
        context.savePlot(PLOT_FILE, plot(table, impls));
        writeReport(context, table, impls, skipped, violations);
    }

    private static List<Impl> implementations(int cores, int maxN, Config cfg) {
        List<Impl> impls = new ArrayList<>();
        if (Backends.nativeAvailable()) {
            Backend nat = Backends.nativeBlas();
            impls.add(new Impl("native", "native", nat.threads(), nat, maxN, nat.description()));
        }
        List<Integer> threadCounts = cores > 1 ? List.of(1, cores) : List.of(1);
        if (Backends.vectorAvailable()) {
            for (int t : threadCounts) {
                Backend b = Backends.vector(t);
                impls.add(new Impl("vector-" + t + "t", "vector", t, b, maxN, b.description()));
            }
        }
        for (int t : threadCounts) {
            Backend b = Backends.scalar(t);
            impls.add(new Impl("scalar-" + t + "t", "scalar", t, b, cfg.scalarMaxN(), b.description()));
        }
        impls.add(new Impl(
                "naive",
                "naive",
                1,
                null,
                cfg.naiveMaxN(),
                "triple loop in j-p-i order on column-major arrays (NaiveKernels.gemm), 1 thread"));
        return impls;
    }

    private static void jitWarmup(ExperimentContext context, List<Impl> impls, double seconds) {
        int n = JIT_WARMUP_N;
        double[] a = TestData.uniform(n, n, context.rng().split(2));
        double[] b = TestData.uniform(n, n, context.rng().split(3));
        double[] c = new double[n * n];
        for (Impl impl : impls) {
            Runnable op = operation(impl, n, a, b, c);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            do {
                op.run();
            } while (System.nanoTime() < end);
            context.progress().step("JIT warm-up " + impl.id());
        }
    }

    private static Runnable operation(Impl impl, int n, double[] a, double[] b, double[] c) {
        if (impl.backend() == null) {
            return () -> NaiveKernels.gemm(n, n, n, a, b, c);
        }
        DenseMatrix am = DenseMatrix.wrap(n, n, a);
        DenseMatrix bm = DenseMatrix.wrap(n, n, b);
        DenseMatrix cm = DenseMatrix.wrap(n, n, c);
        return () -> Blas.gemm(impl.backend(), Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, am, bm, 0.0, cm);
    }

    private void measureSize(
            ExperimentContext context,
            int n,
            List<Impl> impls,
            Timing.Plan plan,
            Table table,
            List<String> violations) {
        double[] a = TestData.uniform(n, n, context.rng().split(0));
        double[] b = TestData.uniform(n, n, context.rng().split(1));
        double[] c = new double[n * n];
        double[] reference = null;
        String referenceId = null;
        double scale = n * maxAbs(a) * maxAbs(b);
        double bound = 2 * gamma(n);
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Impl impl : impls) {
            if (n > impl.maxN()) {
                continue;
            }
            Timing.Result r = Timing.measure(operation(impl, n, a, b, c), plan);
            double diff;
            if (reference == null) {
                reference = c.clone();
                referenceId = impl.id();
                diff = 0.0;
            } else {
                diff = maxAbsDiff(c, reference) / scale;
            }
            if (!(diff <= bound)) {
                violations.add(String.format(
                        Locale.ROOT,
                        "%s at n = %d differs from %s by %.3g (scaled), above 2γ_n = %.3g",
                        impl.id(),
                        n,
                        referenceId,
                        diff,
                        bound));
            }
            seconds.put(impl.id(), r.median());
            rows.add(new Object[] {impl, r, diff});
            context.progress().step(impl.id() + " n=" + n);
        }
        double flops = 2.0 * n * (double) n * n;
        for (Object[] row : rows) {
            Impl impl = (Impl) row[0];
            Timing.Result r = (Timing.Result) row[1];
            Double nativeSeconds = seconds.get("native");
            Double naiveSeconds = seconds.get("naive");
            table.addRow(
                    impl.id(),
                    impl.kind(),
                    impl.threads(),
                    n,
                    r.median(),
                    r.min(),
                    r.repetitions(),
                    flops / r.median() / 1e9,
                    nativeSeconds == null ? null : nativeSeconds / r.median(),
                    naiveSeconds == null ? null : naiveSeconds / r.median(),
                    row[2],
                    referenceId);
        }
    }

    private static LinePlot plot(Table table, List<Impl> impls) {
        LinePlot plot = new LinePlot("GEMM C = AB, square n x n, double precision", "n", "GFLOP/s (2n^3 / t)")
                .xScale(LinePlot.AxisScale.LOG2);
        for (Impl impl : impls) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                if (impl.id().equals(table.get(r, "implementation"))) {
                    xs.add(((Long) table.get(r, "n")).doubleValue());
                    ys.add((Double) table.get(r, "gflops"));
                }
            }
            if (!xs.isEmpty()) {
                plot.series(impl.id(), toArray(xs), toArray(ys));
            }
        }
        return plot;
    }

    private void writeReport(
            ExperimentContext context, Table table, List<Impl> impls, List<String> skipped, List<String> violations) {
        var report = context.report();
        report.description("Throughput of the dense matrix product \\(C = AB\\) (square \\(n \\times n\\), double "
                + "precision) for each BLAS backend of nla-core and for a naive triple loop, as GFLOP/s = "
                + "\\(2n^3/t\\) with \\(t\\) the median of timed runs after warm-up. Ratios compare times "
                + "measured in the same run: ratio_to_native = t_native / t and ratio_to_naive = t_naive / t "
                + "(above 1 means faster than that baseline).");

        List<Long> sizes = distinctSizes(table);
        long largest = sizes.get(sizes.size() - 1);
        findings(context, table, largest, violations);

        report.section("GFLOP/s against n");
        report.image("GFLOP/s against n (log-2 axis)", PLOT_FILE);
        report.table(pivot(table, impls, sizes, "gflops", 4));
        if (table.column("ratio_to_native").stream().anyMatch(v -> v != null)) {
            report.section("Speed relative to native BLAS (t_native / t)");
            report.table(pivot(table, impls, sizes, "ratio_to_native", 3));
        }
        report.section("Speed relative to the naive loop (t_naive / t)");
        report.table(pivot(table, impls, sizes, "ratio_to_naive", 3));

        report.section("Implementations");
        Table desc = Table.builder().text("implementation").text("description").build();
        for (Impl impl : impls) {
            desc.addRow(
                    impl.id(),
                    impl.description() + (impl.maxN() < largest ? "; measured up to n = " + impl.maxN() : ""));
        }
        report.table(desc);
        report.paragraph("Full results, with minimum times, repetition counts and the scaled difference from the "
                + "reference result, are in [" + CSV_FILE + "](" + CSV_FILE + ").");
        for (String s : skipped) {
            report.note("Not measured: " + s + ".");
        }
        report.note("The naive loop runs in j-p-i order, the column-major counterpart of the row-major i-k-j "
                + "loop, so its inner loop has stride 1; the literal i-k-j order on column-major data would stride "
                + "through memory and flatter every other implementation.");
        report.note("Native BLAS picks its thread count when the library loads (OPENBLAS_NUM_THREADS, default all "
                + "cores); the pure-Java backends are measured on 1 thread and on all cores.");
        report.note("Wall-clock medians on a shared machine: treat differences below about 15 % as noise. "
                + "Use `nla bench gemm` (JMH) for statistically controlled figures.");
    }

    private static void findings(ExperimentContext context, Table table, long largest, List<String> violations) {
        var report = context.report();
        String best = null;
        double bestRate = -1;
        Map<String, Double> rateAtLargest = new LinkedHashMap<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (((Long) table.get(r, "n")) == largest) {
                String id = (String) table.get(r, "implementation");
                double rate = (Double) table.get(r, "gflops");
                rateAtLargest.put(id, rate);
                if (rate > bestRate) {
                    bestRate = rate;
                    best = id;
                }
            }
        }
        report.finding(String.format(
                Locale.ROOT,
                "At n = %d the fastest implementation is %s with %s GFLOP/s.",
                largest,
                best,
                Markdown.formatReal(bestRate, 3)));
        Double nat = rateAtLargest.get("native");
        if (nat != null) {
            for (Map.Entry<String, Double> e : rateAtLargest.entrySet()) {
                if (e.getKey().startsWith("vector")) {
                    report.finding(String.format(
                            Locale.ROOT,
                            "At n = %d, %s reaches %s of native BLAS's throughput (%s vs %s GFLOP/s).",
                            largest,
                            e.getKey(),
                            percent(e.getValue() / nat),
                            Markdown.formatReal(e.getValue(), 3),
                            Markdown.formatReal(nat, 3)));
                }
            }
        }
        long naiveLargest = -1;
        for (int r = 0; r < table.rowCount(); r++) {
            if ("naive".equals(table.get(r, "implementation"))) {
                naiveLargest = Math.max(naiveLargest, (Long) table.get(r, "n"));
            }
        }
        String fastest = null;
        double fastestRatio = -1;
        for (int r = 0; r < table.rowCount(); r++) {
            Object ratio = table.get(r, "ratio_to_naive");
            if (((Long) table.get(r, "n")) == naiveLargest && ratio != null && (Double) ratio > fastestRatio) {
                fastestRatio = (Double) ratio;
                fastest = (String) table.get(r, "implementation");
            }
        }
        if (fastest != null && naiveLargest > 0) {
            report.finding(String.format(
                    Locale.ROOT,
                    "At n = %d (the largest size with the naive loop), %s is %s times faster than the naive loop.",
                    naiveLargest,
                    fastest,
                    Markdown.formatReal(fastestRatio, 3)));
        }
        if (violations.isEmpty()) {
            report.finding("Every product agrees with the reference product at the same n within the rounding-error "
                    + "bound 2γ_n (scaled difference column of the CSV).");
        } else {
            for (String v : violations) {
                report.finding("**Accuracy check failed:** " + v + ".");
            }
        }
    }

    private static Table pivot(Table table, List<Impl> impls, List<Long> sizes, String column, int digits) {
        Table.Builder b = Table.builder().integer("n");
        List<String> ids = new ArrayList<>();
        for (Impl impl : impls) {
            ids.add(impl.id());
            b.real(impl.id(), digits);
        }
        Table p = b.build();
        for (long n : sizes) {
            Object[] row = new Object[ids.size() + 1];
            row[0] = n;
            for (int r = 0; r < table.rowCount(); r++) {
                if (((Long) table.get(r, "n")) == n) {
                    int idx = ids.indexOf((String) table.get(r, "implementation"));
                    row[idx + 1] = table.get(r, column);
                }
            }
            boolean any = false;
            for (int i = 1; i < row.length; i++) {
                any |= row[i] != null;
            }
            if (any) {
                p.addRow(row);
            }
        }
        return p;
    }

    private static List<Long> distinctSizes(Table table) {
        List<Long> sizes = new ArrayList<>();
        for (Object o : table.column("n")) {
            if (!sizes.contains((Long) o)) {
                sizes.add((Long) o);
            }
        }
        return sizes;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    private static double gamma(int n) {
        double nu = n * U;
        return nu / (1 - nu);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double maxAbsDiff(double[] x, double[] y) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.abs(x[i] - y[i]);
            if (Double.isNaN(d)) {
                return Double.NaN; // a broken kernel must not pass the check
            }
            m = Math.max(m, d);
        }
        return m;
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
