package dev.nla.bench.experiments.attention;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.analysis.Measured;
import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.experiments.Timing;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Markdown;
import dev.nla.bench.report.Table;
import dev.nla.core.matrix.DenseMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cost of attention against the sequence length (the attention spec's experiment E3): for every
 * method of {@link AttentionMethods#all()} (exact ones included, so approximations are compared with
 * exact attention in the same run) and each of its size parameters, the counted flops, exponentials
 * and peak memory ({@link CostCounter}, deterministic) and the wall-clock time ({@link
 * Timing#measure}: warm-up, median of timed runs) of one forward pass with \(n = m\) tokens, \(d =
 * d_v = 64\), on {@code LowRankQK(n, 64, 32, β = 1)} inputs with \(V \sim \mathcal N(0,1) + 1\).
 * Log-log slopes are fitted by least squares: over all sizes for flops, over the last three sizes for
 * time (where the asymptotic regime is closest).
 *
 * <p>Sizes: smoke \(n \in \{128, 256\}\), size parameter 16; quick \(n \in \{1024, 2048, 4096\}\),
 * parameters 64 and 256; paper \(n \in \{1024, \dots, 32768\}\), parameters 64 and 256. A method stops
 * at the first size where it does not apply (size parameter above \(n\), a size limit such as the SVD
 * oracle's) or where the previous size took so long that a cubic extrapolation exceeds the scale's
 * budget; the report lists what was skipped and why.
 */
public final class AttentionCostExperiment implements Experiment {
    /** The CSV file with one row per (method, size parameter, n). */
    public static final String CSV_FILE = "attention-cost.csv";

    /** The CSV file with the fitted slopes, one row per (method, size parameter). */
    public static final String SLOPES_FILE = "attention-cost-slopes.csv";

    /** The log-log plot of the median time against n. */
    public static final String TIME_PLOT = "attention-cost-time.png";

    /** The log-log plot of the counted flops against n. */
    public static final String FLOP_PLOT = "attention-cost-flops.png";

    private static final int D = 64;

    /** Creates the experiment (no work is done until {@link #run}). */
    public AttentionCostExperiment() {}

    @Override
    public String name() {
        return "attention-cost";
    }

    @Override
    public String description() {
        return "time and counted flops of every attention method against n (log-log slopes), exact included";
    }

    private record Config(int[] sizes, int[] parameters, double budgetSeconds, Timing.Plan plan) {}

    private static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(new int[] {128, 256}, new int[] {16}, 30.0, new Timing.Plan(0, 0.0, 1, 1.0));
            case QUICK -> new Config(
                    new int[] {1024, 2048, 4096}, new int[] {64, 256}, 30.0, new Timing.Plan(1, 0.0, 3, 2.0));
            case PAPER -> new Config(
                    new int[] {1024, 2048, 4096, 8192, 16384, 32768},
                    new int[] {64, 256},
                    240.0,
                    new Timing.Plan(1, 0.5, 5, 5.0));
        };
    }

    /** One method with one size parameter. */
    private record Variant(String id, AttentionMethod method, int parameter) {}

    @Override
    public void run(ExperimentContext context) {
        Config cfg = config(context.scale());
        List<Variant> variants = variants(cfg);
        List<Integer> sizes = new ArrayList<>();
        for (int n : cfg.sizes()) {
            sizes.add(n);
        }
        List<String> ids = new ArrayList<>();
        for (Variant v : variants) {
            ids.add(v.id());
        }
        context.option("sizes", sizes);
        context.option("variants", ids);
        context.option("d", D);
        context.option("input", "LowRankQK(n, 64, 32, beta = 1), V ~ N(0,1) + 1");
        context.option("budgetSeconds", cfg.budgetSeconds());
        context.option("warmupRuns", cfg.plan().warmupRuns());
        context.option("repetitions", cfg.plan().repetitions());
        context.progress().start(name(), variants.size() * cfg.sizes().length);

        Table table = Table.builder()
                .text("method")
                .text("family")
                .text("parameter")
                .integer("size")
                .integer("n")
                .integer("flops")
                .integer("exps")
                .integer("peak_elements")
                .real("median_seconds", 4)
                .real("min_seconds", 4)
                .integer("repetitions")
                .build();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Double> lastSeconds = new LinkedHashMap<>();
        for (int si = 0; si < cfg.sizes().length; si++) {
            int n = cfg.sizes()[si];
            AttentionInput in =
                    AttentionInputs.lowRankQK(n, D, 32, 1.0, context.rng().split(n));
            for (int vi = 0; vi < variants.size(); vi++) {
                Variant v = variants.get(vi);
                context.progress().step(v.id() + " n=" + n);
                if (skipped.containsKey(v.id())) {
                    continue;
                }
                Double last = lastSeconds.get(v.id());
                if (last != null && si > 0) {
                    double ratio = (double) n / cfg.sizes()[si - 1];
                    if (last * ratio * ratio * ratio > cfg.budgetSeconds()) {
                        skipped.put(
                                v.id(),
                                String.format(
                                        Locale.ROOT,
                                        "from n = %d: %.3g s at the previous size, above the %.0f s budget when "
                                                + "extrapolated cubically",
                                        n,
                                        last,
                                        cfg.budgetSeconds()));
                        continue;
                    }
                }
                if (v.parameter() > n) {
                    skipped.put(v.id(), "from n = " + n + ": size parameter above n");
                    continue;
                }
                Attention method =
                        v.method().create(v.parameter(), context.rng().split(1000 + vi));
                try {
                    long t0 = System.nanoTime();
                    Measured<DenseMatrix> counted = CostCounter.measure(() -> method.compute(in.q(), in.k(), in.v()));
                    double first = (System.nanoTime() - t0) * 1e-9;
                    Timing.Result r = Timing.measure(() -> method.compute(in.q(), in.k(), in.v()), cfg.plan());
                    lastSeconds.put(v.id(), Math.max(first, r.median()));
                    table.addRow(
                            v.method().name(),
                            v.method().family().name().toLowerCase(Locale.ROOT),
                            v.method().parameter(),
                            v.parameter(),
                            n,
                            counted.cost().flops(),
                            counted.cost().exps(),
                            counted.cost().peakElements(),
                            r.median(),
                            r.min(),
                            r.repetitions());
                } catch (RuntimeException e) {
                    skipped.put(v.id(), "from n = " + n + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        context.progress().finish();
        Table slopes = slopes(table, variants);
        context.writeTable(CSV_FILE, table);
        context.writeTable(SLOPES_FILE, slopes);
        context.savePlot(TIME_PLOT, plot(table, variants, "median_seconds", "median time (s)"));
        context.savePlot(FLOP_PLOT, plot(table, variants, "flops", "counted flops"));
        writeReport(context, table, slopes, skipped);
    }

    private static List<Variant> variants(Config cfg) {
        List<Variant> out = new ArrayList<>();
        for (AttentionMethod m : AttentionMethods.all()) {
            if (AttentionMethod.NO_PARAMETER.equals(m.parameter())) {
                out.add(new Variant(m.name(), m, 0));
            } else {
                for (int p : cfg.parameters()) {
                    out.add(new Variant(m.name() + "-" + p, m, p));
                }
            }
        }
        return out;
    }

    private static String id(Table table, int row) {
        String parameter = (String) table.get(row, "parameter");
        String name = (String) table.get(row, "method");
        return AttentionMethod.NO_PARAMETER.equals(parameter) ? name : name + "-" + table.get(row, "size");
    }

    /**
     * Least-squares slope of \(\log y\) against \(\log x\).
     *
     * @param x the abscissae, positive
     * @param y the ordinates, positive
     * @return the slope, or NaN with fewer than two points
     */
    static double logLogSlope(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += Math.log(x[i]) / x.length;
            my += Math.log(y[i]) / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = Math.log(x[i]) - mx;
            sxy += dx * (Math.log(y[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    private static Table slopes(Table table, List<Variant> variants) {
        Table out = Table.builder()
                .text("variant")
                .integer("points")
                .real("flop_slope", 3)
                .real("time_slope_last3", 3)
                .build();
        for (Variant v : variants) {
            List<double[]> points = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                if (v.id().equals(id(table, r))) {
                    points.add(new double[] {
                        ((Long) table.get(r, "n")).doubleValue(),
                        ((Long) table.get(r, "flops")).doubleValue(),
                        (Double) table.get(r, "median_seconds")
                    });
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            double[] n = new double[points.size()];
            double[] f = new double[points.size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = points.get(i)[0];
                f[i] = points.get(i)[1];
            }
            int from = Math.max(0, points.size() - 3);
            double[] nt = new double[points.size() - from];
            double[] t = new double[nt.length];
            for (int i = 0; i < nt.length; i++) {
                nt[i] = points.get(from + i)[0];
                t[i] = points.get(from + i)[2];
            }
            out.addRow(v.id(), points.size(), logLogSlope(n, f), logLogSlope(nt, t));
        }
        return out;
    }

    private static LinePlot plot(Table table, List<Variant> variants, String column, String label) {
        LinePlot plot = new LinePlot("Attention cost against n (d = 64), log-log", "n", label)
                .xScale(LinePlot.AxisScale.LOG2)
                .yScale(LinePlot.AxisScale.LOG10);
        for (Variant v : variants) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                if (v.id().equals(id(table, r))) {
                    xs.add(((Long) table.get(r, "n")).doubleValue());
                    Object y = table.get(r, column);
                    ys.add(y instanceof Long ? ((Long) y).doubleValue() : (Double) y);
                }
            }
            if (!xs.isEmpty()) {
                plot.series(v.id(), toArray(xs), toArray(ys));
            }
        }
        return plot;
    }

    private void writeReport(ExperimentContext context, Table table, Table slopes, Map<String, String> skipped) {
        var report = context.report();
        report.description("Time and counted cost of one forward pass of every registered attention method "
                + "against the sequence length n (n = m tokens, d = d_v = 64, LowRankQK inputs). Counted flops, "
                + "exponentials and peak memory come from the deterministic CostCounter of nla-attention (exact "
                + "functions of the shapes); times are medians after warm-up. Slopes are least-squares fits of "
                + "log cost against log n: over all sizes for flops, over the last three sizes for time.");
        Map<String, Double> flopSlope = new LinkedHashMap<>();
        Map<String, Double> timeSlope = new LinkedHashMap<>();
        for (int r = 0; r < slopes.rowCount(); r++) {
            flopSlope.put((String) slopes.get(r, "variant"), (Double) slopes.get(r, "flop_slope"));
            timeSlope.put((String) slopes.get(r, "variant"), (Double) slopes.get(r, "time_slope_last3"));
        }
        int linear = 0;
        int quadratic = 0;
        for (Map.Entry<String, Double> e : flopSlope.entrySet()) {
            if (e.getValue() != null && !e.getValue().isNaN()) {
                if (e.getValue() <= 1.05) {
                    linear++;
                } else if (e.getValue() >= 1.95) {
                    quadratic++;
                }
            }
        }
        report.finding(linear + " method variants have a counted-flop slope <= 1.05 (linear in n), " + quadratic
                + " have a slope >= 1.95 (quadratic).");
        for (String key : List.of("exact", "online-softmax", "nystromformer-64", "performer-256", "linear")) {
            if (flopSlope.containsKey(key)) {
                report.finding(String.format(
                        Locale.ROOT,
                        "%s: flop slope %s, time slope %s.",
                        key,
                        Markdown.formatReal(flopSlope.get(key), 3),
                        timeSlope.get(key) == null ? "n/a" : Markdown.formatReal(timeSlope.get(key), 3)));
            }
        }
        report.section("Time against n");
        report.image("median time against n (log-log)", TIME_PLOT);
        report.section("Counted flops against n");
        report.image("counted flops against n (log-log)", FLOP_PLOT);
        report.section("Fitted slopes");
        report.table(slopes);
        report.paragraph("Per-size results (flops, exponentials, peak counted memory in array elements, median "
                + "and minimum time, repetitions) are in [" + CSV_FILE + "](" + CSV_FILE + "); the slopes in ["
                + SLOPES_FILE + "](" + SLOPES_FILE + ").");
        for (Map.Entry<String, String> e : skipped.entrySet()) {
            report.note("Skipped " + e.getKey() + " " + e.getValue() + ".");
        }
        report.note("Wall-clock times on a shared machine are noisy and GEMM efficiency grows with size, so time "
                + "slopes of quadratic methods come out below 2 at moderate n; the flop slopes are exact. Use `nla "
                + "bench attention-approx` (JMH) for controlled timings.");
        report.note("The svd-oracle variant materialises the n x n attention matrix and factors it (O(n^3)); it is "
                + "a reference for accuracy, not a fast method.");
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
