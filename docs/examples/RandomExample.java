import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;

public class RandomExample {
    public static void main(String[] args) {
        RngState state = RngState.seed(20240611L);

        // A 1000 x 20 Gaussian test matrix and the state to use next.
        Sampled<DenseMatrix> omega = RandomMatrices.gaussian(1000, 20, state);

        // Any block of the same infinite matrix, generated on its own: rows 300..399, columns 10..14.
        DenseMatrix block = DenseMatrix.zeros(100, 5);
        RandomMatrices.fill(block, 300, 10, ScalarDistribution.GAUSSIAN, state);
        System.out.println("block equals the view: "
                + java.util.Arrays.equals(block.toColumnMajorArray(),
                        omega.value().view(300, 10, 100, 5).toColumnMajorArray()));

        // One entry on its own, e.g. for a lazily evaluated operator.
        System.out.println("entry (300, 10) = " + RandomMatrices.entry(300, 10, ScalarDistribution.GAUSSIAN, state));

        // The next state starts after the 20 columns used: counterHigh + 20.
        state = omega.next();
        System.out.println("next state: " + state);

        // Independent streams for parallel tasks.
        RngState task0 = state.split(0);
        RngState task1 = state.split(1);
        DenseMatrix signs = RandomMatrices.generate(8, 2, ScalarDistribution.RADEMACHER, task0).value();
        System.out.println("Rademacher: " + signs);
        System.out.println("children differ: " + (task0.key() != task1.key()));
    }
}
