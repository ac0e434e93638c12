package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statistical checks of every operator: isotropy \(\mathbb{E}[S^{\mathsf T}S] = I\) within central
 * limit bounds, and the distortion of a random subspace.
 */
@Tag("statistical")
class SketchStatisticalTest {
    /** Every kind, as (name, (d, m) -> distribution); tensor kinds use fixed mode sizes of product m. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                kind("gaussian", DenseSketch::gaussian),
                kind("rademacher", DenseSketch::rademacher),
                kind("uniform", DenseSketch::uniform),
                kind("sparse sign", SparseSignSketch::of),
                kind("sparse sign zeta=3", (d, m) -> SparseSignSketch.of(d, m, Math.min(3, d))),
                kind("countsketch", SparseSignSketch::countSketch),
                kind("srht", SrhtSketch::of),
                kind("srft", SrftSketch::of),
                kind("less-uniform", (d, m) -> LessUniformSketch.of(d, m, Math.min(20, m))),
                kind("uniform sampling", (d, m) -> UniformSampling.of(d, m, true)),
                kind("uniform sampling without replacement", (d, m) -> UniformSampling.of(d, m, false)),
                kind("leverage sampling", (d, m) -> LeverageSampling.of(d, LeverageSamplingTest.scores(m))),
                kind("khatri-rao gaussian", (d, m) -> KhatriRaoSketch.gaussian(d, TestShapes.modes(m))),
                kind("khatri-rao sign", (d, m) -> KhatriRaoSketch.sign(d, TestShapes.modes(m))),
                kind("kronecker", (d, m) -> {
                    int[] modes = TestShapes.modes(m);
                    return KroneckerSketch.gaussian(TestShapes.factor(d, modes.length), modes);
                }));
    }

    /**
     * The kinds for the embedding test at \(m = 2048 = 2^{11}\): leverage sampling is tested with the
     * subspace's own scores (below), the tensor kinds with explicit mode sizes.
     */
    static Stream<Arguments> embeddingKinds() {
        return Stream.concat(
                kinds().filter(a -> {
                    String name = (String) a.get()[0];
                    return !name.startsWith("leverage") && !name.startsWith("khatri") && !name.startsWith("kronecker");
                }),
                Stream.of(
                        kind("khatri-rao gaussian 32x64", (d, m) -> KhatriRaoSketch.gaussian(d, 32, 64)),
                        kind("khatri-rao sign 32x64", (d, m) -> KhatriRaoSketch.sign(d, 32, 64)),
                        kind(
                                "structured: khatri-rao gaussian 8x16x16",
                                (d, m) -> KhatriRaoSketch.gaussian(d, 8, 16, 16)),
                        kind(
                                "structured: kronecker (8x32) x (10x64)",
                                (d, m) -> KroneckerSketch.gaussian(new int[] {8, 10}, new int[] {32, 64}))));
    }

    private static Arguments kind(String name, BiFunction<Integer, Integer, SketchingDistribution> f) {
        return Arguments.of(name, f);
    }

    /**
     * \(\overline{S^{\mathsf T}S}\) over \(N = 4000\) independent draws (\(d = 5\), \(m = 6\)) is
     * within \(5\hat\sigma/\sqrt N\) of \(I\) entrywise, \(\hat\sigma\) the sample standard deviation
     * of the entry (central limit theorem; a \(5\sigma\) deviation has probability \(6 \cdot 10^{-7}\)
     * per entry). Entries that are constant (e.g. the unit column norms of sparse sign sketches) must
     * match to rounding. A wrong scale by 10 % moves the diagonal by about 0.2, far outside the bound.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void isIsotropicInExpectation(String name, BiFunction<Integer, Integer, SketchingDistribution> kind) {
        int d = 5;
        int m = 6;
        int n = 4000;
        SketchingDistribution law = kind.apply(d, m);
        double[][] sum = new double[m][m];
        double[][] sumSq = new double[m][m];
        RngState state = RngState.seed(20260611L);
        for (int t = 0; t < n; t++) {
            var sampled = law.sample(state);
            state = sampled.next();
            DenseMatrix s = sampled.value().toDense();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double g = 0;
                    for (int r = 0; r < d; r++) {
                        g += s.get(r, i) * s.get(r, j);
                    }
                    sum[i][j] += g;
                    sumSq[i][j] += g * g;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double mean = sum[i][j] / n;
                double var = Math.max(0.0, sumSq[i][j] / n - mean * mean) * n / (n - 1);
                double bound = 5 * Math.sqrt(var / n) + 1e-12;
                assertThat(mean)
                        .as("%s: mean of (S^T S)[%d, %d]", name, i, j)
                        .isCloseTo(i == j ? 1.0 : 0.0, org.assertj.core.data.Offset.offset(bound));
            }
        }
    }

    /**
     * Distortion \(\varepsilon = \max(\sigma_{\max}(SQ) - 1, 1 - \sigma_{\min}(SQ))\) of a Haar-random
     * \(r = 20\)-dimensional subspace of \(\mathbb{R}^{2048}\) (orthonormal basis \(Q\)) under a \(d =
     * 4r = 80\) sketch, over 20 seeds. For a Gaussian sketch the singular values of \(SQ\) fill
     * \([1 - \sqrt{r/d}, 1 + \sqrt{r/d}] = [0.5, 1.5]\) (Marchenko–Pastur), with fluctuations of order
     * \(d^{-2/3}\) at the edges: so \(\varepsilon \approx 0.5\), and we require a median \(\le 0.55\) and
     * a maximum \(\le 0.7\) (Davidson–Szarek: \(P(\varepsilon > 0.5 + t/\sqrt d) \le 2e^{-t^2/2}\)).
     * Good embeddings (sparse sign, SRHT, SRFT, LESS, a two-mode Khatri–Rao sketch, and, on this
     * incoherent random subspace, even sampling and CountSketch) behave like the Gaussian. Khatri–Rao
     * sketches with more modes and Kronecker sketches are weaker (entries are products of \(q\)
     * variables; the rows needed grow with \(q\) [Rakhshan and Rabusseau 2020]): for them ("structured")
     * we require \(\varepsilon \lt 1\), i.e. \(SQ\) has full rank, and a median below 0.75.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("embeddingKinds")
    void embedsARandomSubspace(String name, BiFunction<Integer, Integer, SketchingDistribution> kind) {
        int m = 2048;
        int r = 20;
        int d = 4 * r;
        double[] eps = new double[20];
        for (int s = 0; s < eps.length; s++) {
            DenseMatrix q = TestMatrices.haarOrthonormalColumns(m, r, RngState.seed(7000 + s));
            SketchingOperator op = kind.apply(d, m).sample(RngState.seed(s)).value();
            eps[s] = distortion(op.applyLeft(q));
        }
        Arrays.sort(eps);
        boolean structured = name.startsWith("structured");
        assertThat(eps[eps.length / 2]).as("%s: median distortion", name).isLessThanOrEqualTo(structured ? 0.75 : 0.55);
        assertThat(eps[eps.length - 1]).as("%s: largest distortion", name).isLessThan(structured ? 1.0 : 0.7);
    }

    /** Leverage-score sampling by the exact scores of the subspace embeds it like a Gaussian sketch. */
    @ParameterizedTest(name = "seeds {0}..{0}+19")
    @org.junit.jupiter.params.provider.ValueSource(longs = {0, 100})
    void leverageSamplingByExactScoresEmbedsTheSubspace(long seed0) {
        double[] eps = new double[20];
        for (int s = 0; s < eps.length; s++) {
            DenseMatrix q = TestMatrices.haarOrthonormalColumns(2048, 20, RngState.seed(8000 + seed0 + s));
            SketchingOperator op = LeverageSampling.fromBasis(80, q)
                    .sample(RngState.seed(seed0 + s))
                    .value();
            eps[s] = distortion(op.applyLeft(q));
        }
        Arrays.sort(eps);
        assertThat(eps[19]).isLessThan(0.7);
    }

    static double distortion(DenseMatrix sq) {
        double[] sv = new SingularValueDecomposition(MatrixUtils.createRealMatrix(sq.toArray())).getSingularValues();
        return Math.max(sv[0] - 1, 1 - sv[sv.length - 1]);
    }
}
