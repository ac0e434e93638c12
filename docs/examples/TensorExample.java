import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Hosvd;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.RandomizedHosvd;
import dev.nla.tensor.decomp.SketchKind;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.decomp.TuckerRounding;
import dev.nla.tensor.sum.SyntheticTuckerSums;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tenalg.TuckerNorms;
import dev.nla.tensor.tenalg.Unfolding;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.Arrays;

public class TensorExample {
    public static void main(String[] args) {
        // A Tucker tensor with a Gaussian core and orthonormal factors, and its dense form.
        TuckerTensor t = SyntheticTuckerSums.randomTucker(new int[] {30, 20, 10}, new int[] {3, 4, 2}, RngState.seed(1));
        DenseTensor x = Reconstruction.full(t);                            // first index fastest
        DenseMatrix x2 = Unfolding.unfold(x, 1);                           // Kolda-Bader X_(2)
        System.out.println("X_(2) is " + x2.rows() + "x" + x2.cols());
        System.out.println("Tucker tensor: modeSizes " + Arrays.toString(t.modeSizes()) + ", ranks "
                + Arrays.toString(t.ranks()));
        System.out.printf("||X|| in Tucker form %.2f, dense %.2f%n", TuckerNorms.norm(t), x.frobeniusNorm());

        // Deterministic and randomized (Khatri-Rao sketched) ST-HOSVD of the dense tensor.
        HosvdResult h = Hosvd.stHosvd(x, Truncation.tolerance(1e-10));
        System.out.printf("ST-HOSVD ranks %s, error %.1e%n", Arrays.toString(h.ranks()), relErr(x, h.tensor()));
        HosvdResult r = RandomizedHosvd.compute(x, Truncation.ranks(3, 4, 2), 5, SketchKind.KHATRI_RAO, true, RngState.seed(2))
                .value();
        System.out.printf("randomized ST-HOSVD (Khatri-Rao) error %.1e%n", relErr(x, r.tensor()));

        // A Tucker sum: never forms the block-diagonal core; exact norm by the Gram formula.
        TuckerSum sum = TuckerSum.of(new double[] {1.0, -0.5, 2.0}, Arrays.asList(
                t,
                SyntheticTuckerSums.randomTucker(new int[] {30, 20, 10}, new int[] {3, 4, 2}, RngState.seed(3)),
                SyntheticTuckerSums.randomTucker(new int[] {30, 20, 10}, new int[] {3, 4, 2}, RngState.seed(4))));
        System.out.printf("sum of %d: formal ranks %s, norm %.2f%n", sum.size(), Arrays.toString(sum.formalRanks()),
                TuckerNorms.norm(sum));

        // Rounding the explicit formal sum (QR of the factors + ST-HOSVD of the core).
        TuckerTensor formal = Reconstruction.formalSum(sum, 1 << 20);
        HosvdResult rounded = TuckerRounding.round(formal, Truncation.tolerance(1e-12));
        System.out.printf("rounded sum ranks %s, error %.1e%n", Arrays.toString(rounded.ranks()),
                TuckerNorms.distance(sum, rounded.tensor()) / TuckerNorms.norm(sum));
    }

    private static double relErr(DenseTensor x, TuckerTensor approx) {
        DenseTensor y = Reconstruction.full(approx);
        double s = 0;
        for (int i = 0; i < x.elementCount(); i++) {
            double d = x.data()[i] - y.data()[i];
            s += d * d;
        }
        return Math.sqrt(s) / x.frobeniusNorm();
    }
}
