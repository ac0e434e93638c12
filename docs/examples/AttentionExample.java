import dev.nla.attention.AttentionMask;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.AttentionSpectrum;
import dev.nla.attention.analysis.ErrorMetrics;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.attention.exact.KvCache;
import dev.nla.attention.exact.OnlineSoftmaxAttention;
import dev.nla.attention.heads.GqaToMla;
import dev.nla.attention.heads.GroupedQueryAttention;
import dev.nla.attention.heads.HeadConfig;
import dev.nla.attention.heads.MlaConversion;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;

public class AttentionExample {
    public static void main(String[] args) {
        // Exact attention three ways on LowRankQK(n = 1024, d = 64, r = 32, beta = 1), causal.
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 1.0, RngState.seed(1));
        AttentionMask causal = AttentionMask.causal();
        DenseMatrix dense = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v(), causal);
        DenseMatrix online = OnlineSoftmaxAttention.withBlockSize(64).compute(in.q(), in.k(), in.v(), causal);
        DenseMatrix decoded = KvCache.decode(in.q(), in.k(), in.v(), Scaling.inverseSqrtDimension());
        System.out.printf("online softmax vs dense: %.1e%n", ErrorMetrics.relativeFrobenius(online, dense));
        System.out.printf("KV cache vs dense:       %.1e%n", ErrorMetrics.relativeFrobenius(decoded, dense));

        // The temperature decides the spectrum: k90 of softmax(QK^T/sqrt(d)) at beta = 0.5 and 2.
        for (double beta : new double[] {0.5, 2.0}) {
            AttentionInput x = AttentionInputs.lowRankQK(1024, 64, 32, beta, RngState.seed(2));
            AttentionSpectrum s = AttentionSpectrum.of(x.q(), x.k(), AttentionMask.NONE, Scaling.inverseSqrtDimension());
            System.out.printf("beta = %.1f: k90 = %d, k99 = %d, mean row max = %.3f%n", beta, s.k90(), s.k99(),
                    s.meanRowMax());
        }

        // A GQA layer (D = 256, h = 8 query heads, g = 2 key-value heads of d_h = 32) converted to MLA.
        GroupedQueryAttention gqa = GroupedQueryAttention.random(new HeadConfig(8, 2, 32), 256, false, RngState.seed(3));
        DenseMatrix table = AttentionInputs.anisotropicEmbeddings(256, 256, RngState.seed(4));
        DenseMatrix tokens = AttentionInputs.embedTokens(table, 256, RngState.seed(5));
        DenseMatrix calibration = AttentionInputs.embedTokens(table, 256, RngState.seed(6));
        MlaConversion exact = GqaToMla.exact(gqa);
        System.out.printf("exact MLA: cache %d per token, error %.1e (absorbed), %.1e (unabsorbed)%n",
                exact.cacheFloatsPerToken(), exact.outputError(gqa, tokens, causal, true),
                exact.outputError(gqa, tokens, causal, false));
        for (MlaConversion c : new MlaConversion[] {
                GqaToMla.jointSvd(gqa, 64), GqaToMla.splitSvd(gqa, 64), GqaToMla.activationPca(gqa, calibration, 64, false)}) {
            System.out.printf("%-14s r = %d: cache %d per token (GQA %d), output error %.3f%n", c.method(), c.rank(),
                    c.cacheFloatsPerToken(), c.sourceCacheFloats(), c.outputError(gqa, tokens, causal, true));
        }
    }
}
