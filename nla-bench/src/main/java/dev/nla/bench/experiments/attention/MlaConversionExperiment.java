package dev.nla.bench.experiments.attention;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.heads.GqaToMla;
import dev.nla.attention.heads.GroupedQueryAttention;
import dev.nla.attention.heads.HeadConfig;
import dev.nla.attention.heads.MlaConversion;
import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentContext;
import dev.nla.bench.experiments.Scale;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Table;
import dev.nla.core.matrix.DenseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GQA to MLA conversion error against the latent rank (attention spec, E4): a random GQA layer
 * (\(D\), \(h\), \(g\), \(d_h\); weights \(\mathcal N(0, 1/\text{fan-in})\)) on \(n\) tokens from an
 * anisotropic embedding table ({@link AttentionInputs#anisotropicEmbeddings}, vocabulary 256, Zipf
 * 1.1), causal. For each latent rank \(r\) and each conversion of {@link GqaToMla} (joint weight SVD,
 * split SVDs, activation PCA calibrated on another sample of \(n\) tokens, the same with K/V
 * balancing), the relative Frobenius error of the layer output (after \(W_O\), absorbed pass) against
 * the GQA layer, the cache size per token, and the Eckart–Young weight tail
 * \(\sqrt{\sum_{j>r}\sigma_j^2/\sum_j\sigma_j^2}\) of \([W_K \,|\, W_V]\). The exact conversion
 * (\(r = 2gd_h\)) is checked in both passes.
 *
 * <p>Sizes: smoke \(D = 64, h = 4, g = 2, d_h = 8, n = 64\); quick \(D = 256, h = 4, g = 2, d_h = 32, n
 * = 256\); paper the spec's \(D = 512, h = 8, g = 2, d_h = 64, n = 512\), \(r \in \{16, 32, 64, 128,
 * 192, 256\}\).
 */
public final class MlaConversionExperiment implements Experiment {
    /** One row per (method, rank). */
    public static final String CSV_FILE = "mla-conversion.csv";

    /** Output error against rank. */
    public static final String PLOT_FILE = "mla-conversion-error.png";

    /** Creates the experiment. */
    public MlaConversionExperiment() {}

    @Override
    public String name() {
        return "mla-conversion";
    }

    @Override
    public String description() {
        return "GQA -> MLA conversions: layer output error and cache size vs latent rank (E4)";
    }

    private record Config(int modelDim, HeadConfig heads, int tokens, int[] ranks) {}

    private static Config config(Scale scale) {
        return switch (scale) {
            case SMOKE -> new Config(64, new HeadConfig(4, 2, 8), 64, new int[] {4, 8, 16, 24, 32});
            case QUICK -> new Config(256, new HeadConfig(4, 2, 32), 256, new int[] {8, 16, 32, 64, 96, 128});
            case PAPER -> new Config(512, new HeadConfig(8, 2, 64), 512, new int[] {16, 32, 64, 128, 192, 256});
        };
    }

    private static final String[] METHODS = {"joint-svd", "split-svd", "activation-pca", "activation-pca-balanced"};

    @Override
    public void run(ExperimentContext context) {
        Config cfg = config(context.scale());
        HeadConfig h = cfg.heads();
        context.option("modelDim", cfg.modelDim());
        context.option("heads", h.heads());
        context.option("kvHeads", h.kvHeads());
        context.option("headDim", h.headDim());
        context.option("tokens", cfg.tokens());
        List<Integer> ranks = new ArrayList<>();
        for (int r : cfg.ranks()) {
            ranks.add(r);
        }
        context.option("ranks", ranks);
        context.option("vocabulary", AttentionInputs.TOKEN_VOCABULARY);
        context.progress().start(name(), cfg.ranks().length * METHODS.length + 1);

        GroupedQueryAttention source = GroupedQueryAttention.random(
                h, cfg.modelDim(), false, context.rng().split(0));
        DenseMatrix table = AttentionInputs.anisotropicEmbeddings(
                AttentionInputs.TOKEN_VOCABULARY, cfg.modelDim(), context.rng().split(1));
        DenseMatrix tokens =
                AttentionInputs.embedTokens(table, cfg.tokens(), context.rng().split(2));
        DenseMatrix calibration =
                AttentionInputs.embedTokens(table, cfg.tokens(), context.rng().split(3));
        AttentionMask mask = AttentionMask.causal();

        MlaConversion exact = GqaToMla.exact(source);
        double exactAbsorbed = exact.outputError(source, tokens, mask, true);
        double exactUnabsorbed = exact.outputError(source, tokens, mask, false);
        context.progress().step("exact");

        Table results = Table.builder()
                .text("method")
                .integer("rank")
                .real("output_error", 4)
                .real("weight_residual_relative", 4)
                .real("weight_tail", 4)
                .integer("cache_per_token")
                .integer("source_cache_per_token")
                .build();
        results.addRow(
                "exact",
                exact.rank(),
                exactAbsorbed,
                0.0,
                exact.relativeWeightTail(),
                exact.cacheFloatsPerToken(),
                exact.sourceCacheFloats());
        double weightNorm = norm(exact.stackedSingularValues());
        for (String method : METHODS) {
            for (int r : cfg.ranks()) {
                MlaConversion c =
                        switch (method) {
                            case "joint-svd" -> GqaToMla.jointSvd(source, r);
                            case "split-svd" -> GqaToMla.splitSvd(source, r);
                            case "activation-pca" -> GqaToMla.activationPca(source, calibration, r, false);
                            default -> GqaToMla.activationPca(source, calibration, r, true);
                        };
                results.addRow(
                        method,
                        r,
                        c.outputError(source, tokens, mask, true),
                        c.weightResidual() / weightNorm,
                        c.relativeWeightTail(),
                        c.cacheFloatsPerToken(),
                        c.sourceCacheFloats());
                context.progress().step(method + " r=" + r);
            }
        }
        context.progress().finish();
        context.writeTable(CSV_FILE, results);
        context.savePlot(PLOT_FILE, plot(results, cfg));
        report(context, results, cfg, exactAbsorbed, exactUnabsorbed);
    }

    private static double norm(double[] sigma) {
        double s = 0;
        for (double x : sigma) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static LinePlot plot(Table results, Config cfg) {
        LinePlot plot = new LinePlot(
                "GQA -> MLA: layer output error vs latent rank (D = " + cfg.modelDim() + ", h = "
                        + cfg.heads().heads() + ", g = " + cfg.heads().kvHeads() + ", d_h = "
                        + cfg.heads().headDim() + ")",
                "latent rank r",
                "relative output error");
        for (String method : METHODS) {
            plot.series(method, column(results, method, "rank"), column(results, method, "output_error"));
        }
        plot.series(
                "weight tail (Eckart-Young)",
                column(results, "joint-svd", "rank"),
                column(results, "joint-svd", "weight_tail"));
        return plot;
    }

    private static double[] column(Table t, String method, String column) {
        List<Double> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (method.equals(t.get(r, "method"))) {
                Object v = t.get(r, column);
                out.add(v instanceof Long ? ((Long) v).doubleValue() : (Double) v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void report(
            ExperimentContext context, Table results, Config cfg, double exactAbsorbed, double exactUnabsorbed) {
        var report = context.report();
        HeadConfig h = cfg.heads();
        report.description("Conversion of a random GQA layer (D = " + cfg.modelDim() + ", h = " + h.heads() + ", g = "
                + h.kvHeads() + ", d_h = " + h.headDim() + ", no RoPE) to multi-head latent attention, evaluated on "
                + cfg.tokens() + " causal tokens from an anisotropic embedding table (per-feature scales 2 to 0.05, "
                + "vocabulary 256, Zipf 1.1). output_error = \\(\\|Y_{MLA} - Y_{GQA}\\|_F / \\|Y_{GQA}\\|_F\\) after "
                + "W_O (absorbed pass); the activation PCA calibrates on another sample of tokens. The source caches "
                + h.cacheFloatsPerToken() + " numbers per token; the MLA layer caches r.");
        report.finding(String.format(
                Locale.ROOT,
                "The exact conversion (r = 2 g d_h = %d) reproduces the layer: relative error %.2e absorbed, %.2e "
                        + "unabsorbed.",
                2 * h.kvWidth(),
                exactAbsorbed,
                exactUnabsorbed));
        int last = cfg.ranks()[cfg.ranks().length - 1];
        int probe = cfg.ranks()[cfg.ranks().length - 2];
        report.finding(String.format(
                Locale.ROOT,
                "At r = %d the activation PCA error is %.3f against %.3f for the joint weight SVD and %.3f for split"
                        + " SVDs: the activation-aware basis sees the anisotropy of the inputs, the weight SVDs do not.",
                probe,
                value(results, "activation-pca", probe),
                value(results, "joint-svd", probe),
                value(results, "split-svd", probe)));
        report.section("Output error against the latent rank");
        report.image("relative output error vs r", PLOT_FILE);
        report.table(results);
        report.note("Spec prototype (NumPy, paper sizes, its own anisotropic tokens): joint 0.936 / 0.845 / 0.627 /"
                + " 0.346, split 0.958 / 0.898 / 0.722 / 0.478, activation PCA 0.726 / 0.512 / 0.219 / 0.042 at r = 32 /"
                + " 64 / 128 / 192, weight tail 0.841 / 0.701 / 0.456 / 0.244. The weight tails agree; the token "
                + "recipe of the prototype is not fully specified, so the PCA figures are not comparable digit for "
                + "digit (last rank here: r = " + last + ").");
    }

    private static double value(Table t, String method, int rank) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (method.equals(t.get(r, "method")) && (Long) t.get(r, "rank") == rank) {
                return (Double) t.get(r, "output_error");
            }
        }
        return Double.NaN;
    }
}
