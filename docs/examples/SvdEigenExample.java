import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.MinimumNormSolution;
import dev.nla.core.decomp.NewtonSchulzPseudoInverse;
import dev.nla.core.decomp.NewtonSchulzResult;
import dev.nla.core.decomp.PseudoInverse;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdLeastSquares;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.decomp.SymmetricEigen;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Arrays;

public class SvdEigenExample {
    public static void main(String[] args) {
        DenseMatrix a = RandomMatrices.gaussian(200, 50, RngState.seed(42)).value();

        // Thin SVD: U is 200x50, Vt is 50x50; singular values decreasing, signs fixed.
        Svd svd = Decompositions.svd();
        SvdResult r = svd.decompose(a, SvdVectors.THIN);
        System.out.println("sigma_1 = " + r.singularValues()[0] + ", rank = " + r.rank(1e-12));

        // Values only: no vectors are formed.
        double[] sigma = svd.singularValues(a);
        System.out.println("sigma_min = " + sigma[sigma.length - 1]);

        // Symmetric eigendecomposition of A^T A (only the lower triangle is read), descending.
        DenseMatrix ata = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, a, a);
        SymmetricEigen eig = Decompositions.symmetricEigen();
        EigenResult e = eig.decompose(ata, EigenOrder.DESCENDING);
        System.out.println("lambda_1 = " + e.eigenvalues()[0] + " = sigma_1^2 = " + sigma[0] * sigma[0]);

        // Pseudo-inverse with an explicit cut-off, and the Newton-Schulz iteration.
        DenseMatrix pinv = PseudoInverse.withDefaults().compute(a, 1e-12);
        NewtonSchulzResult ns = NewtonSchulzPseudoInverse.withDefaults().compute(a);
        System.out.println("pinv is " + pinv.rows() + "x" + pinv.cols() + "; Newton-Schulz converged = "
                + ns.converged() + " after " + ns.iterations() + " iterations");

        // Minimum-norm least squares (works for any rank and shape).
        DenseMatrix b = RandomMatrices.gaussian(200, 1, RngState.seed(7)).value();
        MinimumNormSolution x = SvdLeastSquares.withDefaults().solve(a, b, 1e-12);
        System.out.println("rank " + x.rank() + ", x[0..3] = "
                + Arrays.toString(Arrays.copyOf(x.x().toColumnMajorArray(), 3)));
    }
}
