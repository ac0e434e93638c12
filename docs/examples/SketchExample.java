import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.operator.KhatriRaoSketch;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.Sketches;
import dev.nla.sketch.operator.SketchingOperator;

public class SketchExample {
    public static void main(String[] args) {
        RngState state = RngState.seed(2026);
        DenseMatrix a = RandomMatrices.generate(20_000, 50, ScalarDistribution.GAUSSIAN, RngState.seed(1)).value();

        // Subspace embedding of the 20000 rows of A into d = 200 (the default: sparse sign, zeta = 8).
        Sampled<SketchingOperator> sampled = Sketches.forSubspaceEmbedding(200, 20_000).sample(state);
        SketchingOperator s = sampled.value();
        DenseMatrix sa = s.applyLeft(a);                                  // 200 x 50
        System.out.printf("||SA||_F / ||A||_F = %.3f%n", frobenius(sa) / frobenius(a));

        // The range-finder product A * Omega with a Gaussian test matrix Omega = S^T (12 columns).
        SketchingOperator g = Sketches.forRangeFinder(12, 50).sample(sampled.next()).value();
        DenseMatrix y = g.applyRight(a);                                  // 20000 x 12
        System.out.println("A * Omega is " + y.rows() + "x" + y.cols());

        // Sparse and matrix-free inputs take the same calls.
        SparseMatrix sparse = SparseMatrix.fromDense(a.view(0, 0, 20_000, 3), SparseMatrix.Format.CSC);
        System.out.println("S * sparse is " + s.applyLeft(sparse).shape());
        System.out.println("S * operator is " + s.applyLeft(LinearOperator.of(a)).shape());

        // Blocks and grown sketches reproduce entries bitwise.
        SketchingOperator grown = g.resize(20, 50);                       // 8 more rows, same first 12
        boolean same = java.util.Arrays.equals(
                grown.toDense().view(0, 0, 12, 50).toColumnMajorArray(), g.toDense().toColumnMajorArray());
        System.out.println("grown sketch keeps its first 12 rows: " + same);

        // Khatri-Rao sketch of vectorized 30 x 40 x 50 tensors (first index fastest), never forming S.
        SketchingOperator kr = KhatriRaoSketch.gaussian(64, 30, 40, 50).sample(state).value();
        DenseMatrix tensors = RandomMatrices.generate(60_000, 2, ScalarDistribution.GAUSSIAN, RngState.seed(3)).value();
        System.out.println("Khatri-Rao sketch is " + kr.applyLeft(tensors).shape());

        // A family names the kind of sketch while an algorithm picks the size.
        SketchFamily family = SketchFamily.srht();
        System.out.println(family.name() + ": " + family.of(64, 1000));
    }

    static double frobenius(DenseMatrix m) {
        double s = 0;
        for (double v : m.toColumnMajorArray()) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
