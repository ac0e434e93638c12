import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.sum.OnePassSketch;
import dev.nla.tensor.sum.SummationOptions;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.SyntheticTuckerSums;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tenalg.TuckerNorms;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.Arrays;

public class TuckerSummationExample {
    public static void main(String[] args) {
        // 20 summands of rank 10 in R^{200 x 200 x 200}; their sum has multilinear rank 15.
        TuckerSum x = SyntheticTuckerSums.compressible(new int[] {200, 200, 200}, 20, 10, 15, RngState.seed(1));
        System.out.println("formal ranks " + Arrays.toString(x.formalRanks()) + ", ||X|| = "
                + String.format("%.3f", TuckerNorms.norm(x)));

        // B3: Khatri-Rao sketches, rank 15 (+ a final truncation at 1e-8); the state gives fresh sketches.
        TuckerSummation sketched = TuckerSummation.of(SummationStrategy.SKETCHED);
        SummationResult r = sketched.sum(x, Truncation.rank(15).withTolerance(1e-8), RngState.seed(2));
        report("sketched", x, r.tensor());
        System.out.println("  phases (ns): " + r.diagnostics().phaseNanos().keySet());
        SummationResult again = sketched.sum(x, Truncation.rank(15).withTolerance(1e-8), r.next());
        report("sketched again", x, again.tensor());

        // B5: only a tolerance; the ranks are found adaptively.
        SummationResult adaptive = TuckerSummation.of(SummationStrategy.byName("adaptive"))
                .sum(x, Truncation.tolerance(1e-6), again.next());
        report("adaptive", x, adaptive.tensor());
        System.out.printf("  estimated error %.1e%n", adaptive.diagnostics().estimatedError());

        // B2: the deterministic baseline (dense 200^3 core here).
        SummationResult b2 = TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING)
                .sum(x, Truncation.tolerance(1e-8), RngState.seed(0));
        report("formal-qr-rounding", x, b2.tensor());

        // B4: summands streamed one at a time and not kept.
        OnePassSketch sketch = OnePassSketch.create(x.modeSizes(), Truncation.rank(15), SummationOptions.defaults(),
                RngState.seed(3));
        for (int j = 0; j < x.size(); j++) {
            sketch.add(x.alpha(j), x.term(j));
        }
        report("one-pass", x, sketch.finish().tensor());
    }

    private static void report(String name, TuckerSum x, TuckerTensor y) {
        System.out.printf("%s: ranks %s, error %.1e%n", name, Arrays.toString(y.ranks()),
                TuckerNorms.distance(x, y) / TuckerNorms.projectedNorm(x, 1 << 24));
    }
}
