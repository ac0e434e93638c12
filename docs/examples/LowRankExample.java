import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.lowrank.AdaptiveSvd;
import dev.nla.sketch.lowrank.AdaptiveSvdOptions;
import dev.nla.sketch.lowrank.CurDecomposition;
import dev.nla.sketch.lowrank.Cur;
import dev.nla.sketch.lowrank.CurOptions;
import dev.nla.sketch.lowrank.LowRankEigen;
import dev.nla.sketch.lowrank.LowRankSvd;
import dev.nla.sketch.lowrank.Nystrom;
import dev.nla.sketch.lowrank.NystromOptions;
import dev.nla.sketch.lowrank.PivotedCholeskyApproximation;
import dev.nla.sketch.lowrank.RandomizedSvd;
import dev.nla.sketch.lowrank.RandomizedSvdOptions;
import dev.nla.sketch.lowrank.RandomlyPivotedCholesky;
import dev.nla.sketch.lowrank.RandomlyPivotedCholeskyOptions;
import dev.nla.sketch.lowrank.StreamingSketch;
import dev.nla.sketch.lowrank.StreamingSvd;
import dev.nla.sketch.lowrank.StreamingSvdOptions;
import dev.nla.sketch.lowrank.SymmetricEntries;
import dev.nla.sketch.rangefinder.Stabiliser;

public class LowRankExample {
    public static void main(String[] args) {
        // A 600 x 400 matrix with singular values 0.9^j (j = 0, 1, ...): the optimal rank-k error is known.
        int m = 600;
        int n = 400;
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            sigma[j] = Math.pow(0.9, j);
        }
        DenseMatrix a = withSpectrum(m, n, sigma, RngState.seed(1));
        RngState state = RngState.seed(2026);

        // Fixed-rank randomized SVD: k = 20, p = 10, q = 2, LU stabilisation after every pass.
        RandomizedSvd rsvd = new RandomizedSvd(RandomizedSvdOptions.builder(20)
                .oversampling(10).powerIterations(2).stabiliser(Stabiliser.LU).build());
        Sampled<LowRankSvd> run = rsvd.compute(a, state);
        LowRankSvd svd = run.value();
        System.out.printf("rsvd: rank %d, error / optimal = %.4f, %d passes%n",
                svd.rank(), distance(a, svd.reconstruct()) / tail(sigma, 20), svd.passes());
        System.out.printf("rsvd error estimate matches: %b%n",
                Math.abs(svd.errorEstimate().getAsDouble() - distance(a, svd.reconstruct())) < 1e-9);

        // To a tolerance: the smallest rank with ||A - A_r||_F <= 1e-3 ||A||_F.
        LowRankSvd tol = new AdaptiveSvd(AdaptiveSvdOptions.builder(1e-3).build()).compute(a, run.next()).value();
        System.out.printf("adaptive: rank %d, relative error %.2e%n",
                tol.rank(), distance(a, tol.reconstruct()) / distance(a, DenseMatrix.zeros(m, n)));

        // CUR with interpolative-decomposition skeletons.
        CurDecomposition cur = new Cur(CurOptions.builder(20).build()).compute(a, state.split(1)).value();
        System.out.printf("cur: %d columns, %d rows, error / optimal = %.2f%n",
                cur.columns().length, cur.rows().length, distance(a, cur.reconstruct()) / tail(sigma, 20));

        // A PSD matrix, A^T A (eigenvalues 0.81^j): stable Nystrom (one pass) and randomly pivoted
        // Cholesky (reads the diagonal and 30 columns only).
        DenseMatrix psd = Blas.multiply(dev.nla.core.blas.Transpose.TRANSPOSE,
                dev.nla.core.blas.Transpose.NO_TRANSPOSE, a, a);
        LowRankEigen ny = new Nystrom(NystromOptions.builder(10).build()).compute(psd, state.split(2)).value();
        System.out.printf("nystrom: largest eigenvalue %.4f, rank %d%n", ny.eigenvalues()[0], ny.rank());
        PivotedCholeskyApproximation rp = new RandomlyPivotedCholesky(RandomlyPivotedCholeskyOptions.of(30))
                .compute(SymmetricEntries.of(psd), state.split(3)).value();
        System.out.printf("rpcholesky: %d pivots, trace error %.2e, %d entries read%n",
                rp.rank(), rp.traceError(), rp.entryEvaluations());

        // Streaming: rows arrive in blocks of 100; A itself is never stored.
        StreamingSvd streaming = new StreamingSvd(StreamingSvdOptions.builder(10).build());
        StreamingSketch sketch = streaming.sketch(m, n, state.split(4)).value();
        for (int i = 0; i < m; i += 100) {
            sketch.updateRows(i, a.view(i, 0, 100, n));
        }
        LowRankSvd approx = sketch.approximate();
        System.out.printf("streaming: true error inside the 90%% interval: %b%n",
                sketch.errorInterval(approx, 0.9).contains(distance(a, approx.reconstruct())));
    }

    static DenseMatrix withSpectrum(int m, int n, double[] sigma, RngState state) {
        DenseMatrix u = orthonormal(m, n, state.split(1));
        DenseMatrix v = orthonormal(n, n, state.split(2));
        for (int j = 0; j < n; j++) {
            Blas.scal(sigma[j], u.column(j));
        }
        return Blas.multiply(dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.TRANSPOSE, u, v);
    }

    static DenseMatrix orthonormal(int rows, int cols, RngState state) {
        DenseMatrix g = RandomMatrices.generate(rows, cols, ScalarDistribution.GAUSSIAN, state).value();
        return Decompositions.qr().decompose(g, QrMode.THIN).q();
    }

    static double tail(double[] s, int k) {
        double t = 0;
        for (int j = k; j < s.length; j++) {
            t += s[j] * s[j];
        }
        return Math.sqrt(t);
    }

    static double distance(DenseMatrix x, DenseMatrix y) {
        double t = 0;
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                double d = x.get(i, j) - y.get(i, j);
                t += d * d;
            }
        }
        return Math.sqrt(t);
    }
}
