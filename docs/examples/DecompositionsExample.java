import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.CholeskyQrBreakdownException;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.LeastSquaresResult;
import dev.nla.core.decomp.Lu;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.decomp.MinimumNormSolution;
import dev.nla.core.decomp.NewtonSchulzPseudoInverse;
import dev.nla.core.decomp.NewtonSchulzResult;
import dev.nla.core.decomp.PivotedQrResult;
import dev.nla.core.decomp.PseudoInverse;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdLeastSquares;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;

public class DecompositionsExample {
    public static void main(String[] args) {
        RngState state = RngState.seed(7);
        DenseMatrix a = RandomMatrices.gaussian(2000, 50, state.split(1)).value(); // tall-skinny
        DenseMatrix b = RandomMatrices.gaussian(2000, 2, state.split(2)).value();

        // Householder QR: thin Q and R, or the compact form and Q^T B without forming Q.
        Qr qr = Decompositions.qr();
        QrResult thin = qr.decompose(a, QrMode.THIN); // Q 2000x50, R 50x50
        CompactQr compact = qr.factor(a);
        DenseMatrix qtb = qr.multiplyQ(compact, Transpose.TRANSPOSE, b); // 2000x2
        System.out.println("Q is " + thin.q().shape() + ", R is " + thin.r().shape() + ", Q^T B is " + qtb.shape());

        // CholeskyQR2: the fastest orthonormalization of a well-conditioned tall-skinny matrix.
        QrResult chol = Decompositions.choleskyQr2().decompose(a);
        System.out.println("CholeskyQR2 R(0,0) = " + chol.r().get(0, 0) + ", Householder |R(0,0)| = "
                + Math.abs(thin.r().get(0, 0)));

        // An ill-conditioned matrix: CholeskyQR2 refuses it, shifted CholeskyQR3 copes.
        DenseMatrix ill = a.copy();
        for (int i = 0; i < ill.rows(); i++) {
            ill.set(i, 49, ill.get(i, 48) + 1e-12 * ill.get(i, 49));
        }
        try {
            Decompositions.choleskyQr2().decompose(ill);
        } catch (CholeskyQrBreakdownException e) {
            System.out.println("CholeskyQR2 broke down: " + e.getMessage().substring(0, 60) + "...");
        }
        QrResult shifted = Decompositions.shiftedCholeskyQr3().decompose(ill);
        System.out.println("shifted CholeskyQR3 R is " + shifted.r().shape());

        // Column-pivoted QR reveals the rank of a product of rank 10.
        DenseMatrix lowRank = Blas.multiply(
                RandomMatrices.gaussian(300, 10, state.split(3)).value(),
                RandomMatrices.gaussian(10, 80, state.split(4)).value());
        PivotedQrResult pivoted = Decompositions.pivotedQr().factor(lowRank);
        System.out.println("numerical rank = " + pivoted.rank() + ", first pivot column = "
                + pivoted.permutation()[0]);

        // LU: solve, determinant, log-determinant and condition estimate.
        DenseMatrix square = RandomMatrices.gaussian(100, 100, state.split(5)).value();
        Lu lu = Decompositions.lu();
        LuResult f = lu.factor(square);
        DenseMatrix x = lu.solve(f, b.view(0, 0, 100, 2));
        System.out.println("x is " + x.shape() + ", log|det| = " + f.logAbsDeterminant() + ", sign = "
                + f.determinantSign() + ", rcond ~ " + lu.reciprocalCondition(f));

        // Least squares, full rank and rank revealing (basic solution).
        LeastSquaresResult ls = Decompositions.leastSquares().solve(a, b);
        LeastSquaresResult basic = Decompositions.pivotedLeastSquares()
                .solve(lowRank, b.view(0, 0, 300, 2));
        System.out.println("residual norms " + ls.residualNorms()[0] + ", rank used by the basic solution "
                + basic.rank());

        // Thin SVD: U is 2000x50, Vt is 50x50; singular values decreasing, signs fixed. Values only
        // form no vectors.
        Svd svd = Decompositions.svd();
        SvdResult usv = svd.decompose(a, SvdVectors.THIN);
        double[] sigma = svd.singularValues(a);
        System.out.println("sigma_1 = " + sigma[0] + ", sigma_min = " + sigma[sigma.length - 1] + ", rank = "
                + usv.rank(1e-12));

        // Symmetric eigendecomposition of A^T A (only the lower triangle is read), descending.
        DenseMatrix ata = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, a, a);
        EigenResult eig = Decompositions.symmetricEigen().decompose(ata, EigenOrder.DESCENDING);
        System.out.println("lambda_1 = " + eig.eigenvalues()[0] + " = sigma_1^2 = " + sigma[0] * sigma[0]);

        // Pseudo-inverse with an explicit cut-off, its Newton-Schulz variant, and minimum-norm least
        // squares (any rank and shape).
        DenseMatrix pinv = PseudoInverse.withDefaults().compute(a, 1e-12);
        NewtonSchulzResult ns = NewtonSchulzPseudoInverse.withDefaults().compute(a);
        MinimumNormSolution minNorm = SvdLeastSquares.withDefaults().solve(lowRank, b.view(0, 0, 300, 1), 1e-12);
        System.out.println("pinv is " + pinv.shape() + "; Newton-Schulz converged = " + ns.converged() + " after "
                + ns.iterations() + " iterations; minimum-norm solution of rank " + minNorm.rank());

        // The same interfaces on native LAPACK, when a system library is installed.
        if (Decompositions.nativeAvailable()) {
            QrResult nat = Decompositions.nativeQr().decompose(a, QrMode.THIN);
            double[] natSigma = Decompositions.nativeSvd().singularValues(a);
            System.out.println("native |R(0,0)| = " + Math.abs(nat.r().get(0, 0)) + ", native sigma_1 = "
                    + natSigma[0]);
        }
    }
}
