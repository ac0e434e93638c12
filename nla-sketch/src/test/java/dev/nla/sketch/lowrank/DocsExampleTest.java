package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.rangefinder.Stabiliser;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/lowrank.md} ({@code docs/examples/LowRankExample.java}), statement for
 * statement, with the printed facts asserted instead of printed.
 */
class DocsExampleTest {
    @Test
    void lowRankExample() {
        int m = 600;
        int n = 400;
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            sigma[j] = Math.pow(0.9, j);
        }
        DenseMatrix a = withSpectrum(m, n, sigma, RngState.seed(1));
        RngState state = RngState.seed(2026);

        RandomizedSvd rsvd = new RandomizedSvd(RandomizedSvdOptions.builder(20)
                .oversampling(10)
                .powerIterations(2)
                .stabiliser(Stabiliser.LU)
                .build());
        Sampled<LowRankSvd> run = rsvd.compute(a, state);
        LowRankSvd svd = run.value();
        LowRankSvd tol = new AdaptiveSvd(AdaptiveSvdOptions.builder(1e-3).build())
                .compute(a, run.next())
                .value();
        CurDecomposition cur = new Cur(CurOptions.builder(20).build())
                .compute(a, state.split(1))
                .value();
        DenseMatrix psd = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, a, a);
        LowRankEigen ny = new Nystrom(NystromOptions.builder(10).build())
                .compute(psd, state.split(2))
                .value();
        PivotedCholeskyApproximation rp = new RandomlyPivotedCholesky(RandomlyPivotedCholeskyOptions.of(30))
                .compute(SymmetricEntries.of(psd), state.split(3))
                .value();
        StreamingSvd streaming =
                new StreamingSvd(StreamingSvdOptions.builder(10).build());
        StreamingSketch sketch = streaming.sketch(m, n, state.split(4)).value();
        for (int i = 0; i < m; i += 100) {
            sketch.updateRows(i, a.view(i, 0, 100, n));
        }
        LowRankSvd approx = sketch.approximate();

        assertThat(new int[] {svd.rank(), svd.passes(), cur.columns().length, ny.rank(), rp.rank()})
                .containsExactly(20, 6, 20, 10, 30);
        assertThat(distance(a, svd.reconstruct()) / tail(sigma, 20)).isLessThan(1.001);
        assertThat(svd.errorEstimate().getAsDouble()).isCloseTo(distance(a, svd.reconstruct()), within(1e-9));
        assertThat(distance(a, tol.reconstruct())).isLessThanOrEqualTo(1e-3 * frobenius(a));
        assertThat(distance(a, cur.reconstruct()) / tail(sigma, 20)).isLessThan(3.0);
        // A Nystrom approximation is below A in the PSD order: its top eigenvalue is at most 1.
        assertThat(ny.eigenvalues()[0]).isBetween(0.9, 1.0 + 1e-12);
        assertThat(rp.entryEvaluations()).isEqualTo(31L * n);
        assertThat(sketch.errorInterval(approx, 0.9).contains(distance(a, approx.reconstruct())))
                .isTrue();
    }

    private static DenseMatrix withSpectrum(int m, int n, double[] sigma, RngState state) {
        DenseMatrix u = orthonormal(m, n, state.split(1));
        DenseMatrix v = orthonormal(n, n, state.split(2));
        for (int j = 0; j < n; j++) {
            Blas.scal(sigma[j], u.column(j));
        }
        return Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, u, v);
    }

    private static DenseMatrix orthonormal(int rows, int cols, RngState state) {
        DenseMatrix g = RandomMatrices.generate(rows, cols, ScalarDistribution.GAUSSIAN, state)
                .value();
        return Decompositions.qr().decompose(g, QrMode.THIN).q();
    }
}
