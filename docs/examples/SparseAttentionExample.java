import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.approx.HyperAttention;
import dev.nla.attention.approx.HyperAttentionOptions;
import dev.nla.attention.approx.SlidingWindowAttention;
import dev.nla.attention.approx.SlidingWindowOptions;
import dev.nla.attention.approx.TopKAttention;
import dev.nla.attention.approx.TopKOptions;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;

public class SparseAttentionExample {
    public static void main(String[] args) {
        // A synthetic problem: n = 1024 tokens, d = 64, low-rank Q K^T with logit std beta = 2,
        // values N(0,1) + 1.
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 2.0, RngState.seed(1));
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());

        // One method directly: top-k with k = 128 keeps the 128 largest scores of each row.
        Attention topK = new TopKAttention(TopKOptions.of(128));
        System.out.printf("top-k (k = 128): eps_F = %.3f%n", error(topK.compute(in.q(), in.k(), in.v()), exact));

        // Sliding window with 4 global tokens, causal.
        Attention window = new SlidingWindowAttention(SlidingWindowOptions.of(64).withGlobalTokens(4));
        DenseMatrix causal = window.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        System.out.println("sliding window, causal: " + causal.rows() + "x" + causal.cols());

        // HyperAttention: lower n_min so that n = 1024 takes the approximate path.
        Attention hyper = new HyperAttention(
                HyperAttentionOptions.of(128).withMinSequenceLength(256), RngState.seed(2));
        System.out.printf("hyperattention (b = s = 128): eps_F = %.3f%n",
                error(hyper.compute(in.q(), in.k(), in.v()), exact));

        // Every method by registry name, with its size parameter = 64, and its counted flops.
        for (String name : new String[] {"bigbird", "reformer-lsh", "clustered", "sampling", "kdeformer"}) {
            AttentionMethod entry = AttentionMethods.find(name).orElseThrow();
            Attention method = entry.create(64, RngState.seed(3));
            var run = CostCounter.measure(() -> method.compute(in.q(), in.k(), in.v()));
            System.out.printf("%s (%s = 64): eps_F = %.3f, %.2f Gflop, causal %s%n", name, entry.parameter(),
                    error(run.value(), exact), run.cost().flops() / 1e9, entry.supportsCausal());
        }

        // Methods that cannot honour a causal mask refuse it.
        try {
            AttentionMethods.find("kdeformer").orElseThrow().create(64, RngState.seed(4))
                    .compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        } catch (UnsupportedMaskException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }

    static double error(DenseMatrix approx, DenseMatrix exact) {
        double num = 0;
        double den = 0;
        for (int j = 0; j < exact.cols(); j++) {
            for (int i = 0; i < exact.rows(); i++) {
                double diff = approx.get(i, j) - exact.get(i, j);
                num += diff * diff;
                den += exact.get(i, j) * exact.get(i, j);
            }
        }
        return Math.sqrt(num / den);
    }
}
