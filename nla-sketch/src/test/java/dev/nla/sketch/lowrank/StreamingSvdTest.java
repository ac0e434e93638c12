package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class StreamingSvdTest {
    private static final int M = 120;
    private static final int N = 90;
    private static final double[] POLY = TestMatrices.polynomialDecay(N, 1e3, 1.5);
    private static final StreamingSvd ALG =
            new StreamingSvd(StreamingSvdOptions.builder(5).build());

    @Test
    void defaultSketchSizesFollowTyuc() {
        StreamingSvdOptions o = StreamingSvdOptions.builder(5).build();
        assertThat(new int[] {o.rangeSize(), o.coreSize()}).containsExactly(21, 43);
    }

    /**
     * [TYUC 2019, Thm 5.1] with \(k = 4r + 1\), \(s = 2k + 1\), \(\varrho = r\): \(\mathbb{E}\|A - \hat
     * A\|_F^2 \le \frac{10}{3}\tau_r^2\), and the rank-\(r\) truncation adds at most \(\tau_r\) plus
     * twice that [TYUC 2017, Prop. 6.1]: median \(\le (1 + 2\sqrt{10/3})\tau_r\).
     */
    @Test
    void errorIsWithinTheTyucBoundInTheMedian() {
        double med = median(1, 11, seed -> {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            return distance(a, ALG.compute(a, RngState.seed(seed + 70)).value().reconstruct());
        });
        assertThat(med).isLessThanOrEqualTo((1 + 2 * Math.sqrt(10.0 / 3)) * tail(POLY, 5));
    }

    /** Sketches are linear: feeding the rows in two blocks gives the one-shot result (to rounding). */
    @Test
    void rowBlockUpdatesEqualTheWholeUpdate() {
        DenseMatrix a = withSpectrum(M, N, POLY, 1);
        StreamingSketch whole = ALG.sketch(M, N, RngState.seed(2)).value();
        whole.update(a);
        StreamingSketch rows = ALG.sketch(M, N, RngState.seed(2)).value();
        rows.updateRows(0, a.view(0, 0, 50, N));
        rows.updateRows(50, a.view(50, 0, M - 50, N));
        assertThat(distance(
                        whole.approximate().reconstruct(), rows.approximate().reconstruct()))
                .isLessThan(1e-10);
    }

    @Test
    void columnBlockUpdatesEqualTheWholeUpdate() {
        DenseMatrix a = withSpectrum(M, N, POLY, 3);
        StreamingSketch whole = ALG.sketch(M, N, RngState.seed(4)).value();
        whole.update(a);
        StreamingSketch cols = ALG.sketch(M, N, RngState.seed(4)).value();
        for (int j = 0; j < N; j += 30) {
            cols.updateColumns(j, a.columns(j, 30));
        }
        assertThat(distance(
                        whole.approximate().reconstruct(), cols.approximate().reconstruct()))
                .isLessThan(1e-10);
    }

    /** \(A \leftarrow \theta A + \eta H\): sketching \(A_1\) then \((0.5, 2, A_2)\) equals sketching \(0.5A_1 + 2A_2\). */
    @Test
    void scaledUpdatesAreLinear() {
        DenseMatrix a1 = withSpectrum(M, N, POLY, 5);
        DenseMatrix a2 = withSpectrum(M, N, POLY, 6);
        StreamingSketch s = ALG.sketch(M, N, RngState.seed(7)).value();
        s.update(a1);
        s.update(0.5, 2.0, a2);
        DenseMatrix combined = a1.copy();
        Blas.scal(0.5, combined);
        Blas.axpy(2.0, a2, combined);
        StreamingSketch t = ALG.sketch(M, N, RngState.seed(7)).value();
        t.update(combined);
        assertThat(distance(s.approximate().reconstruct(), t.approximate().reconstruct()))
                .isLessThan(1e-10);
    }

    @Test
    void sparseUpdatesMatchDense() {
        DenseMatrix a = withSpectrum(M, N, POLY, 8);
        StreamingSketch d = ALG.sketch(M, N, RngState.seed(9)).value();
        d.update(a);
        StreamingSketch s = ALG.sketch(M, N, RngState.seed(9)).value();
        s.update(SparseMatrix.fromDense(a, SparseMatrix.Format.CSC));
        assertThat(distance(d.approximate().reconstruct(), s.approximate().reconstruct()))
                .isLessThan(1e-10);
    }

    /**
     * The 90 % interval from the \(q = 10\) probe sketch contains the true error in at least 8 of 10
     * seeds (binomial with \(p \ge 0.9\): fewer than 8 has probability below 0.07; the seeds are
     * fixed, so the test is deterministic; the statistical tier sweeps 100 seeds).
     */
    @Test
    void errorIntervalBracketsTheTrueErrorInMostSeeds() {
        int hits = 0;
        for (long seed = 1; seed <= 10; seed++) {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            StreamingSketch s = ALG.sketch(M, N, RngState.seed(seed + 90)).value();
            s.update(a);
            LowRankSvd approx = s.approximate();
            if (s.errorInterval(approx, 0.9).contains(distance(a, approx.reconstruct()))) {
                hits++;
            }
        }
        assertThat(hits).isGreaterThanOrEqualTo(8);
    }

    @Test
    void errorEstimateIsTheIntervalCentre() {
        DenseMatrix a = withSpectrum(M, N, POLY, 11);
        StreamingSketch s = ALG.sketch(M, N, RngState.seed(12)).value();
        s.update(a);
        LowRankSvd approx = s.approximate();
        assertThat(s.errorInterval(approx, 0.5).estimate())
                .isEqualTo(approx.errorEstimate().getAsDouble());
    }

    /** Acklam's approximation: \(\Phi^{-1}(0.975) = 1.959963985\), \(\Phi^{-1}(0.01) = -2.326347874\). */
    @Test
    void normalQuantilesAreAccurate() {
        assertThat(new double[] {StreamingSketch.normalQuantile(0.975), StreamingSketch.normalQuantile(0.01)})
                .containsExactly(new double[] {1.959963985, -2.326347874}, org.assertj.core.data.Offset.offset(1e-8));
    }

    /** Wilson–Hilferty against the tabulated \(\chi^2_{10}\) quantiles 3.940 (5 %) and 18.307 (95 %). */
    @Test
    void chiSquareQuantilesAreWithinOnePercent() {
        assertThat(new double[] {
                    StreamingSketch.chiSquareQuantile(10, 0.05) / 3.940,
                    StreamingSketch.chiSquareQuantile(10, 0.95) / 18.307
                })
                .containsExactly(new double[] {1, 1}, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void rejectsAnUpdateOfTheWrongShape() {
        StreamingSketch s = ALG.sketch(M, N, RngState.seed(13)).value();
        assertThatThrownBy(() -> s.update(DenseMatrix.zeros(M, N + 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("120x91");
    }

    @Test
    void rejectsRowsOutsideTheMatrix() {
        StreamingSketch s = ALG.sketch(M, N, RngState.seed(14)).value();
        assertThatThrownBy(() -> s.updateRows(M - 2, DenseMatrix.zeros(3, N)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rejectsANonFiniteUpdateWithoutChangingTheSketch() {
        DenseMatrix a = withSpectrum(M, N, POLY, 15);
        StreamingSketch s = ALG.sketch(M, N, RngState.seed(16)).value();
        s.update(a);
        DenseMatrix before = s.approximate().reconstruct();
        DenseMatrix bad = DenseMatrix.zeros(M, N);
        bad.set(2, 3, Double.NaN);
        assertThatThrownBy(() -> s.update(bad)).isInstanceOf(NonFiniteValueException.class);
        assertThat(distance(before, s.approximate().reconstruct())).isZero();
    }

    @Test
    void optionsRejectACoreSmallerThanTheRange() {
        assertThatThrownBy(() ->
                        StreamingSvdOptions.builder(3).rangeSize(10).coreSize(9).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coreSize");
    }

    @Test
    void rejectsARankAboveTheSmallerDimension() {
        assertThatThrownBy(() ->
                        new StreamingSvd(StreamingSvdOptions.builder(11).build()).sketch(10, 40, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10x40");
    }
}
