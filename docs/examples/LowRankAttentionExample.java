import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.analysis.Measured;
import dev.nla.attention.approx.NystromformerAttention;
import dev.nla.attention.approx.NystromformerOptions;
import dev.nla.attention.approx.PerformerAttention;
import dev.nla.attention.approx.PerformerOptions;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;

public class LowRankAttentionExample {
    public static void main(String[] args) {
        // Synthetic input of the spec: LowRankQK(n = 1024, d = 64, r = 32, beta = 1), V ~ N(0,1) + 1.
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 1.0, RngState.seed(1));
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());

        // Nystromformer with 64 segment-mean landmarks and the 6-step iterative pseudo-inverse.
        Attention nystrom = new NystromformerAttention(NystromformerOptions.of(64));
        System.out.printf("nystromformer-64 error %.3f%n", relErr(nystrom.compute(in.q(), in.k(), in.v()), exact));

        // Performer with 256 orthogonal random features: randomness fixed at construction.
        Attention performer = new PerformerAttention(PerformerOptions.of(256), RngState.seed(2));
        System.out.printf("performer-256 error %.3f%n", relErr(performer.compute(in.q(), in.k(), in.v()), exact));

        // Causal masks: kernel methods use prefix sums; Nystromformer refuses.
        DenseMatrix causal = performer.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        System.out.println("causal performer output " + causal.rows() + "x" + causal.cols());
        try {
            nystrom.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        } catch (UnsupportedMaskException e) {
            System.out.println("refused: " + e.getMessage());
        }

        // Any registered method by name, and its counted cost.
        Attention linear = AttentionMethods.find("linear").orElseThrow().create(0, RngState.seed(3));
        Measured<DenseMatrix> m = CostCounter.measure(() -> linear.compute(in.q(), in.k(), in.v()));
        System.out.println("linear attention: " + m.cost().flops() + " flops");
    }

    static double relErr(DenseMatrix x, DenseMatrix y) {
        double num = 0, den = 0;
        for (int j = 0; j < y.cols(); j++) {
            for (int i = 0; i < y.rows(); i++) {
                num += (x.get(i, j) - y.get(i, j)) * (x.get(i, j) - y.get(i, j));
                den += y.get(i, j) * y.get(i, j);
            }
        }
        return Math.sqrt(num / den);
    }
}
