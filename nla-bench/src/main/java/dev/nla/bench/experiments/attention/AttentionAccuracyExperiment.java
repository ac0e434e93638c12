package dev.nla.bench.experiments.attention;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Table;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Spec experiment E2: output error of every approximate attention method against its size parameter
 * (rank, features, landmarks, samples, window, \(k\), block size, ...), on each input family, beside
 * the truncated-SVD optimum of the same rank.
 *
 * <p>For every input \((Q, K, V)\) the exact output \(O = AV\) comes from {@link DenseAttention}; a
 * method's errors are \(\varepsilon_F = \|\tilde O - O\|_F/\|O\|_F\) and \(\varepsilon_2 = \|\tilde O -
 * O\|_2/(\|A\|_2\|V\|_2)\) (the normalisation of the KDEformer/HyperAttention guarantees). The
 * oracle is the best rank-\(r\) approximation \(A_r\) of the attention matrix (Eckart–Young, from
 * the {@code nla-core} SVD of \(A\)): \(\|(A - A_r)V\|\) with \((A - A_r)V = \sum_{j \gt r}\sigma_j
 * u_j (v_j^{\mathsf T}V)\), a lower bound for every rank-\(r\) method and a reference for the others.
 * Methods are taken from {@link AttentionMethods#all()} (every family but {@code EXACT}), created
 * with {@link AttentionMethod#create} at each size with the state {@code rng().split(2).split(seed)};
 * a size the method rejects (e.g. larger than \(n\)) is left out. Median and interquartile range
 * over the seeds.
 *
 * <p>Families: {@code LowRankQK} (\(r = 32\)) at \(\beta = 1\) and \(\beta = 2\), {@code TokenLM}
 * with and without positions, {@code LocalQK} (bandwidth 16); \(d = d_v = 64\). Scales: smoke
 * \(n = 256\), sizes 8 to 32, 2 seeds, two families; quick \(n = 1024\), sizes 16 to 256, 3 seeds;
 * paper \(n = 4096\) (the spec's), sizes 16 to 256, 5 seeds.
 */
public final class AttentionAccuracyExperiment implements Experiment {
    /** One row per (family, method, size). */
    public static final String CSV = "accuracy.csv";

    /** Oracle name in the CSV. */
    public static final String ORACLE = "svd-oracle";

    /**
     * Smallest error drawn in the plots: configurations that are exact (e.g. a block size that makes
     * every block global at small \(n\)) reach \(10^{-15}\) and would flatten every other curve.
     */
    static final double PLOT_FLOOR = 1e-4;

    /** Creates the experiment (no work is done until {@link #run}). */
    public AttentionAccuracyExperiment() {}

    @Override
    public String name() {
        return "attention-accuracy";
    }

    @Override
    public String description() {
        return "attention approximations: output error vs rank / samples / features / window for every "
                + "registered method, beside the truncated-SVD optimum, per input family (spec E2)";
    }

    /** An input family. */
    private record Family(String key, String label) {}

    private static final List<Family> FAMILIES = List.of(
            new Family("lowrank-beta1", "LowRankQK r=32, beta=1"),
            new Family("lowrank-beta2", "LowRankQK r=32, beta=2"),
            new Family("tokenlm-pos", "TokenLM + positions"),
            new Family("tokenlm-nopos", "TokenLM, no positions"),
            new Family("local", "LocalQK bandwidth 16"));

    private record Config(int n, int[] sizes, int seeds, int families) {}

    private static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(256, new int[] {8, 16, 32}, 2, 2);
            case QUICK -> new Config(1024, new int[] {16, 32, 64, 128, 256}, 3, FAMILIES.size());
            case PAPER -> new Config(4096, new int[] {16, 32, 64, 128, 256}, 5, FAMILIES.size());
        };
    }

    private static AttentionInput input(Family f, int n, RngState state) {
        return switch (f.key()) {
            case "lowrank-beta1" -> AttentionInputs.lowRankQK(n, 64, 32, 1.0, state);
            case "lowrank-beta2" -> AttentionInputs.lowRankQK(n, 64, 32, 2.0, state);
            case "tokenlm-pos" -> AttentionInputs.tokenLM(n, true, state);
            case "tokenlm-nopos" -> AttentionInputs.tokenLM(n, false, state);
            default -> AttentionInputs.localQK(n, 64, 16, 1.0, state);
        };
    }

    /**
     * The approximate methods of the registry, except the registered truncated-SVD method, whose formula
     * is the experiment's own {@value #ORACLE} series (computed here from one SVD of \(A\) per input
     * and shared by every rank).
     */
    static List<AttentionMethod> methods() {
        List<AttentionMethod> out = new ArrayList<>();
        for (AttentionMethod m : AttentionMethods.all()) {
            if (m.family() != AttentionMethod.Family.EXACT && !m.name().equals(ORACLE)) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public void run(ExperimentContext ctx) {
        Config c = config(ctx.scale());
        List<AttentionMethod> methods = methods();
        List<Family> families = FAMILIES.subList(0, c.families());
        ctx.option("n", c.n());
        ctx.option("d", 64);
        ctx.option("sizes", Arrays.stream(c.sizes()).boxed().toList());
        ctx.option("seeds", c.seeds());
        ctx.option("families", families.stream().map(Family::label).toList());
        ctx.option("methods", methods.stream().map(AttentionMethod::name).toList());
        int sizes = c.sizes().length;
        ctx.progress().start(name(), families.size() * c.seeds());
        Table table = Table.builder()
                .text("family")
                .text("method")
                .text("parameter")
                .integer("size")
                .integer("runs")
                .real("median_eps_f", 4)
                .real("q1_eps_f", 4)
                .real("q3_eps_f", 4)
                .real("median_eps_2", 4)
                .build();
        for (Family f : families) {
            // err[method][size][seed], NaN where the method rejected the size
            double[][][] errF = new double[methods.size() + 1][sizes][c.seeds()];
            double[][][] err2 = new double[methods.size() + 1][sizes][c.seeds()];
            for (double[][] a : errF) {
                for (double[] b : a) {
                    Arrays.fill(b, Double.NaN);
                }
            }
            for (int seed = 0; seed < c.seeds(); seed++) {
                AttentionInput in = input(f, c.n(), ctx.rng().split(1).split(seed));
                Exact exact = exact(in);
                for (int s = 0; s < sizes; s++) {
                    int r = c.sizes()[s];
                    double[] oracle = exact.oracle(r);
                    errF[methods.size()][s][seed] = oracle[0];
                    err2[methods.size()][s][seed] = oracle[1];
                    for (int a = 0; a < methods.size(); a++) {
                        RngState state = ctx.rng().split(2).split(seed);
                        try {
                            Attention method = methods.get(a).create(r, state);
                            DenseMatrix approx = method.compute(in.q(), in.k(), in.v(), AttentionMask.NONE);
                            errF[a][s][seed] = exact.errorF(approx);
                            err2[a][s][seed] = exact.error2(approx);
                        } catch (IllegalArgumentException e) {
                            // the method rejects this size (e.g. larger than n): left out
                        }
                    }
                }
                ctx.progress().step(f.label() + ", seed " + seed);
            }
            LinePlot plot = new LinePlot(
                            "E2: " + f.label() + ", n = " + c.n() + ", d = 64",
                            "size parameter r",
                            "eps_F = |O~ - O|_F / |O|_F (median)")
                    .xScale(LinePlot.AxisScale.LOG10)
                    .yScale(LinePlot.AxisScale.LOG10)
                    .size(1000, 700);
            for (int a = 0; a <= methods.size(); a++) {
                String name = a == methods.size() ? ORACLE : methods.get(a).name();
                String parameter = a == methods.size() ? "rank" : methods.get(a).parameter();
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int s = 0; s < sizes; s++) {
                    double[] valid = finite(errF[a][s]);
                    if (valid.length == 0) {
                        continue;
                    }
                    double[] valid2 = finite(err2[a][s]);
                    double med = quantile(valid, 0.5);
                    table.addRow(
                            f.key(),
                            name,
                            parameter,
                            c.sizes()[s],
                            valid.length,
                            med,
                            quantile(valid, 0.25),
                            quantile(valid, 0.75),
                            quantile(valid2, 0.5));
                    xs.add((double) c.sizes()[s]);
                    ys.add(Math.max(med, PLOT_FLOOR));
                }
                if (!xs.isEmpty()) {
                    plot.series(
                            name,
                            xs.stream().mapToDouble(Double::doubleValue).toArray(),
                            ys.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
            String png = "accuracy-" + f.key() + ".png";
            ctx.savePlot(png, plot);
            ctx.report().section(f.label()).image("eps_F vs size, " + f.label(), png);
        }
        ctx.writeTable(CSV, table);
        ctx.report()
                .section("All results")
                .table(table)
                .note("eps_2 = |O~ - O|_2 / (|A|_2 |V|_2). The svd-oracle rows are the truncated SVD of A at rank r: "
                        + "a lower bound for every rank-r method, a reference for the sparse and sampled ones.")
                .note("Plots draw errors below " + PLOT_FLOOR + " at " + PLOT_FLOOR
                        + " (configurations that are exact at this n, e.g. BigBird with few blocks or HyperAttention"
                        + " with n <= n_min = 4r); the CSV has the values.")
                .note(
                        "Methods whose size parameter is not a rank (window, k, chunk, clusters, samples, ...) are plotted "
                                + "against the same axis; compare their cost before their error.");
        ctx.report()
                .finding("Every registered non-exact method ran on every family; sizes a method rejects are left out "
                        + "(runs column < seeds).");
    }

    private static double[] finite(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).toArray();
    }

    /** Linear-interpolation quantile of a non-empty sample. */
    static double quantile(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = p * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** The exact output, the SVD of \(A\) and the norms the errors need. */
    private record Exact(DenseMatrix out, double normF, double scale2, SvdResult svd, DenseMatrix b) {
        double errorF(DenseMatrix approx) {
            double num = 0;
            for (int j = 0; j < out.cols(); j++) {
                for (int i = 0; i < out.rows(); i++) {
                    double diff = approx.get(i, j) - out.get(i, j);
                    num += diff * diff;
                }
            }
            return Math.sqrt(num) / normF;
        }

        double error2(DenseMatrix approx) {
            DenseMatrix diff = approx.copy();
            for (int j = 0; j < out.cols(); j++) {
                for (int i = 0; i < out.rows(); i++) {
                    diff.set(i, j, diff.get(i, j) - out.get(i, j));
                }
            }
            return spectral(diff) / scale2;
        }

        /** \((\varepsilon_F, \varepsilon_2)\) of \(A_rV\). */
        double[] oracle(int r) {
            int n = out.rows();
            int rank = Math.min(r, svd.singularValues().length);
            DenseMatrix approx = DenseMatrix.zeros(n, out.cols());
            if (rank > 0) {
                DenseMatrix us = svd.u().view(0, 0, n, rank).copy();
                for (int j = 0; j < rank; j++) {
                    Blas.scal(svd.singularValues()[j], us.column(j));
                }
                Blas.gemm(
                        Transpose.NO_TRANSPOSE,
                        Transpose.NO_TRANSPOSE,
                        1.0,
                        us,
                        b.view(0, 0, rank, b.cols()),
                        0.0,
                        approx);
            }
            return new double[] {errorF(approx), error2(approx)};
        }
    }

    private static double spectral(DenseMatrix a) {
        return Decompositions.svd().decompose(a, SvdVectors.THIN).singularValues()[0];
    }

    private static Exact exact(AttentionInput in) {
        DenseMatrix a =
                DenseAttention.attentionMatrix(in.q(), in.k(), AttentionMask.NONE, Scaling.inverseSqrtDimension());
        DenseMatrix out = Blas.multiply(a, in.v());
        SvdResult svd = Decompositions.svd().decompose(a, SvdVectors.THIN);
        // B = V_svd^T V: the coordinates of V along the right singular vectors (rows of vt).
        DenseMatrix b = Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, svd.vt(), in.v());
        double normF = 0;
        for (int j = 0; j < out.cols(); j++) {
            for (int i = 0; i < out.rows(); i++) {
                normF += out.get(i, j) * out.get(i, j);
            }
        }
        double scale2 = svd.singularValues()[0] * spectral(in.v());
        return new Exact(out, Math.sqrt(normF), scale2, svd, b);
    }
}
