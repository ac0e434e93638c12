import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.sketch.estimate.AdaptiveTraceEstimate;
import dev.nla.sketch.estimate.FrobeniusNormEstimator;
import dev.nla.sketch.estimate.HutchPlusPlus;
import dev.nla.sketch.estimate.Hutchinson;
import dev.nla.sketch.estimate.TraceEstimate;
import dev.nla.sketch.estimate.TraceEstimator;
import dev.nla.sketch.estimate.TraceTolerance;
import dev.nla.sketch.estimate.XDiag;
import dev.nla.sketch.estimate.XNysTrace;
import dev.nla.sketch.estimate.XTrace;

public class TraceExample {
    public static void main(String[] args) {
        // A PSD matrix A = Q diag(lambda) Q^T of order 2000 with lambda_i = i^-2 (trace ~ pi^2 / 6).
        int n = 2000;
        DenseMatrix q = Decompositions.qr()
                .decompose(RandomMatrices.gaussian(n, n, RngState.seed(1)).value(), QrMode.THIN)
                .q();
        DenseMatrix ql = q.copy();
        double exact = 0;
        for (int i = 0; i < n; i++) {
            double lambda = 1.0 / ((i + 1.0) * (i + 1.0));
            Blas.scal(lambda, ql.column(i));
            exact += lambda;
        }
        DenseMatrix a = Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, ql, q);
        LinearOperator op = LinearOperator.of(a);
        System.out.printf("tr(A) = %.6f%n", exact);

        // 100 products with A for each estimator; the state makes every run reproducible.
        RngState state = RngState.seed(7);
        for (TraceEstimator est : new TraceEstimator[] {
                Hutchinson.withDefaults(), HutchPlusPlus.withDefaults(), XTrace.withDefaults(), XNysTrace.withDefaults()}) {
            TraceEstimate t = est.estimate(op, 100, state).value();
            System.out.printf("%-10s %.6f  error %.1e  error estimate %.1e  (%d products)%n",
                    est.name(), t.trace(), Math.abs(t.trace() - exact), t.errorEstimate(), t.matvecs());
        }

        // Run XTrace until its error estimate is below 1e-4 relative (at most 1000 products).
        AdaptiveTraceEstimate adaptive = XTrace.withDefaults()
                .estimate(op, TraceTolerance.of(1e-4, 0, 1000), state)
                .value();
        System.out.printf("xtrace to 1e-4: %.6f after %d products, converged %b, error %.1e%n",
                adaptive.trace(), adaptive.matvecs(), adaptive.converged(), Math.abs(adaptive.trace() - exact));

        // Diagonal and Frobenius norm.
        double[] d = XDiag.withDefaults().estimate(op, 200, state).value().diagonal();
        System.out.printf("xdiag: a_00 = %.5f, estimate %.5f%n", a.get(0, 0), d[0]);
        double fro = FrobeniusNormEstimator.withDefaults().estimate(op, 100, state).value().norm();
        System.out.printf("||A||_F = %.5f, estimate %.5f%n", Blas.nrm2(a), fro);
    }
}
