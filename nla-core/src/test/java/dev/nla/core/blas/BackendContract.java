package dev.nla.core.blas;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Backend} satisfies, checked through the {@link Blas} facade against the
 * naive {@link ReferenceBlas} twin.
 *
 * <p>Operands are views into larger parents whose other entries are NaN: a kernel that reads outside
 * its operands produces NaN, and one that writes outside them changes the NaN padding, so both are
 * caught. Shapes include 0, 1, primes, sizes that are not multiples of any vector width or tile size,
 * and sizes above the recursion cut-off of the level-3 routines. Errors are checked against the
 * componentwise bounds of Higham (2002): \(|\hat C - C| \le 2\gamma_{k+2}(|\alpha||A||B| +
 * |\beta||C|)\) for products, and the componentwise backward error \(|\operatorname{op}(T)\hat X -
 * \alpha B| \le 4\gamma_{n+1}(|\operatorname{op}(T)||\hat X| + |\alpha B|)\) for triangular solves.
 */
abstract class BackendContract {
    private static final double NAN = Double.NaN;

    /** The backend under test. */
    abstract Backend backend();

    // ------------------------------------------------------------------ fixtures

    /** A random matrix stored as a view (offset 3 rows, 2 columns; ld = rows + 5) inside a NaN-filled parent. */
    static DenseMatrix padded(int rows, int cols, long seed) {
        DenseMatrix values = TestMatrices.gaussian(rows, cols, RngState.seed(seed));
        DenseMatrix parent = DenseMatrix.zeros(rows + 8, cols + 4);
        parent.fill(NAN);
        DenseMatrix view = parent.view(3, 2, rows, cols);
        view.copyFrom(values);
        return view;
    }

    /** The parent of a {@link #padded} view, recovered from its storage. */
    static DenseMatrix parentOf(DenseMatrix view) {
        int ld = view.ld();
        return DenseMatrix.wrap(view.data(), 0, ld, view.data().length / ld, ld);
    }

    /** Asserts that every entry of the parent outside {@code view} is still NaN. */
    static void assertPaddingUntouched(DenseMatrix view) {
        DenseMatrix parent = parentOf(view);
        int r0 = view.offset() % view.ld();
        int c0 = view.offset() / view.ld();
        for (int j = 0; j < parent.cols(); j++) {
            for (int i = 0; i < parent.rows(); i++) {
                boolean inside = i >= r0 && i < r0 + view.rows() && j >= c0 && j < c0 + view.cols();
                if (!inside) {
                    assertThat(parent.get(i, j))
                            .as("padding entry (%d, %d) outside the %s view", i, j, view.shape())
                            .isNaN();
                }
            }
        }
    }

    private static DenseMatrix abs(DenseMatrix a) {
        DenseMatrix r = DenseMatrix.zeros(a.rows(), a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                r.set(i, j, Math.abs(a.get(i, j)));
            }
        }
        return r;
    }

    /** A well-conditioned triangular matrix (diagonal n + |g|), as a NaN-padded view; the other triangle is NaN. */
    static DenseMatrix triangularPadded(int n, Triangle uplo, long seed) {
        DenseMatrix t = padded(n, n, seed);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (i == j) {
                    t.set(i, j, n + 1 + Math.abs(t.get(i, j)));
                } else if (uplo == Triangle.LOWER ? i < j : i > j) {
                    t.set(i, j, NAN); // never read
                }
            }
        }
        return t;
    }

    // ------------------------------------------------------------------ gemm

    static Stream<Arguments> gemmCases() {
        int[][] shapes = {
            {0, 0, 0},
            {0, 5, 3},
            {5, 0, 3},
            {5, 3, 0},
            {1, 1, 1},
            {1, 7, 13},
            {7, 1, 13},
            {13, 7, 1},
            {8, 6, 4},
            {24, 8, 9},
            {37, 29, 41},
            {61, 67, 59},
            {25, 9, 600},
            {130, 97, 70},
            {97, 203, 31}
        };
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    cases.add(Arguments.of(s[0], s[1], s[2], ta, tb));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1}x{2} {3} {4}")
    @MethodSource("gemmCases")
    void gemmMatchesReferenceOnViews(int m, int n, int k, Transpose ta, Transpose tb) {
        DenseMatrix a = ta.isTranspose() ? padded(k, m, 1) : padded(m, k, 1);
        DenseMatrix b = tb.isTranspose() ? padded(n, k, 2) : padded(k, n, 2);
        DenseMatrix c = padded(m, n, 3);
        DenseMatrix c0 = c.copy();
        double alpha = 1.3;
        double beta = -0.7;
        Blas.gemm(backend(), ta, tb, alpha, a, b, beta, c);
        DenseMatrix expected = ReferenceBlas.gemm(ta, tb, alpha, a, b, beta, c0);
        DenseMatrix bound = Tolerances.gemmBound(alpha, ReferenceBlas.op(ta, a), ReferenceBlas.op(tb, b), beta, c0);
        assertThatMatrix(c).isCloseEntrywise(expected, bound);
        assertPaddingUntouched(c);
    }

    @Test
    void gemmWithBetaZeroDoesNotReadC() {
        DenseMatrix a = padded(33, 17, 4);
        DenseMatrix b = padded(17, 21, 5);
        DenseMatrix c = DenseMatrix.zeros(33, 21);
        c.fill(NAN);
        Blas.gemm(backend(), Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 2.0, a, b, 0.0, c);
        DenseMatrix expected = ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 2.0, a, b, 0.0, c);
        assertThatMatrix(c).isCloseEntrywise(expected, Tolerances.gemmBound(2.0, a, b, 0.0, expected));
    }

    @Test
    void gemmWithAlphaZeroOnlyScalesC() {
        DenseMatrix a = DenseMatrix.zeros(9, 5);
        a.fill(NAN);
        DenseMatrix b = DenseMatrix.zeros(5, 7);
        b.fill(NAN);
        DenseMatrix c = padded(9, 7, 6);
        DenseMatrix expected = c.copy();
        Blas.scal(Backends.scalar(1), 0.5, expected);
        Blas.gemm(backend(), Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 0.0, a, b, 0.5, c);
        assertThatMatrix(c).isBitwiseEqualTo(expected);
    }

    @Test
    void gemmWithEmptyInnerDimensionScalesC() {
        DenseMatrix a = DenseMatrix.zeros(4, 0);
        DenseMatrix b = DenseMatrix.zeros(0, 3);
        DenseMatrix c = padded(4, 3, 7);
        DenseMatrix expected = c.copy();
        Blas.scal(Backends.scalar(1), -2.0, expected);
        Blas.gemm(backend(), Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, b, -2.0, c);
        assertThatMatrix(c).isBitwiseEqualTo(expected);
    }

    // ------------------------------------------------------------------ gemv

    static Stream<Arguments> gemvCases() {
        int[][] shapes = {{0, 0}, {0, 4}, {4, 0}, {1, 1}, {7, 13}, {13, 7}, {64, 9}, {101, 103}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (Transpose t : Transpose.values()) {
                for (boolean rowVectors : new boolean[] {false, true}) {
                    cases.add(Arguments.of(s[0], s[1], t, rowVectors));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1} {2} rowVectors={3}")
    @MethodSource("gemvCases")
    void gemvMatchesReference(int m, int n, Transpose t, boolean rowVectors) {
        DenseMatrix a = padded(m, n, 11);
        int lx = t.isTranspose() ? m : n;
        int ly = t.isTranspose() ? n : m;
        // A 1 x n view of a padded parent is a vector with stride ld > 1.
        DenseMatrix x = rowVectors ? padded(1, lx, 12) : padded(lx, 1, 12);
        DenseMatrix y = rowVectors ? padded(1, ly, 13) : padded(ly, 1, 13);
        DenseMatrix y0 = y.copy();
        Blas.gemv(backend(), t, 0.75, a, x, 1.5, y);
        DenseMatrix xc = rowVectors ? x.transpose() : x;
        DenseMatrix y0c = rowVectors ? y0.transpose() : y0;
        DenseMatrix expected = ReferenceBlas.gemm(t, Transpose.NO_TRANSPOSE, 0.75, a, xc, 1.5, y0c);
        DenseMatrix bound = Tolerances.gemmBound(0.75, ReferenceBlas.op(t, a), xc, 1.5, y0c);
        assertThatMatrix(rowVectors ? y.transpose() : y).isCloseEntrywise(expected, bound);
        assertPaddingUntouched(y);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Transpose.class)
    void gemvLargeEnoughToSplitOverThreadsMatchesReference(Transpose t) {
        DenseMatrix a = padded(701, 453, 61);
        DenseMatrix x = padded(t.isTranspose() ? 701 : 453, 1, 62);
        DenseMatrix y = padded(t.isTranspose() ? 453 : 701, 1, 63);
        DenseMatrix y0 = y.copy();
        Blas.gemv(backend(), t, -1.1, a, x, 0.25, y);
        DenseMatrix expected = ReferenceBlas.gemm(t, Transpose.NO_TRANSPOSE, -1.1, a, x, 0.25, y0);
        assertThatMatrix(y).isCloseEntrywise(expected, Tolerances.gemmBound(-1.1, ReferenceBlas.op(t, a), x, 0.25, y0));
    }

    @Test
    void gemvWithBetaZeroDoesNotReadY() {
        DenseMatrix a = padded(20, 10, 14);
        DenseMatrix x = padded(10, 1, 15);
        DenseMatrix y = DenseMatrix.zeros(20, 1);
        y.fill(NAN);
        Blas.gemv(backend(), Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y);
        DenseMatrix expected = ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y);
        assertThatMatrix(y).isCloseEntrywise(expected, Tolerances.gemmBound(1.0, a, x, 0.0, y));
    }

    // ------------------------------------------------------------------ ger and symv

    static Stream<Arguments> level2Cases() {
        int[][] shapes = {{0, 0}, {0, 4}, {4, 0}, {1, 1}, {7, 13}, {13, 7}, {64, 9}, {101, 103}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (boolean rowVectors : new boolean[] {false, true}) {
                cases.add(Arguments.of(s[0], s[1], rowVectors));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1} rowVectors={2}")
    @MethodSource("level2Cases")
    void gerMatchesReference(int m, int n, boolean rowVectors) {
        DenseMatrix a = padded(m, n, 16);
        DenseMatrix a0 = a.copy();
        DenseMatrix x = rowVectors ? padded(1, m, 17) : padded(m, 1, 17);
        DenseMatrix y = rowVectors ? padded(1, n, 18) : padded(n, 1, 18);
        Blas.ger(backend(), -0.6, x, y, a);
        DenseMatrix xc = rowVectors ? x.transpose() : x.copy();
        DenseMatrix yr = rowVectors ? y.copy() : y.transpose();
        DenseMatrix expected =
                ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -0.6, xc, yr, 1.0, a0);
        assertThatMatrix(a).isCloseEntrywise(expected, Tolerances.gemmBound(-0.6, xc, yr, 1.0, a0));
        assertPaddingUntouched(a);
    }

    @ParameterizedTest(name = "n={0} rowVectors={2} lower={1}")
    @MethodSource("symvCases")
    void symvReadsOneTriangle(int n, boolean lower, boolean rowVectors) {
        Triangle uplo = lower ? Triangle.LOWER : Triangle.UPPER;
        DenseMatrix a = padded(n, n, 19);
        DenseMatrix full = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                boolean stored = lower ? i >= j : i <= j;
                full.set(i, j, stored ? a.get(i, j) : a.get(j, i));
            }
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (lower ? i < j : i > j) {
                    a.set(i, j, NAN); // the other triangle must not be read
                }
            }
        }
        DenseMatrix x = rowVectors ? padded(1, n, 20) : padded(n, 1, 20);
        DenseMatrix y = rowVectors ? padded(1, n, 21) : padded(n, 1, 21);
        DenseMatrix xc = rowVectors ? x.transpose() : x.copy();
        DenseMatrix y0 = rowVectors ? y.transpose() : y.copy();
        Blas.symv(backend(), uplo, 1.7, a, x, -0.4, y);
        DenseMatrix expected =
                ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.7, full, xc, -0.4, y0);
        assertThatMatrix(rowVectors ? y.transpose() : y)
                .isCloseEntrywise(expected, Tolerances.gemmBound(1.7, full, xc, -0.4, y0));
        assertPaddingUntouched(y);
    }

    static Stream<Arguments> symvCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : new int[] {0, 1, 2, 7, 16, 33, 130}) {
            for (boolean lower : new boolean[] {true, false}) {
                for (boolean rowVectors : new boolean[] {false, true}) {
                    cases.add(Arguments.of(n, lower, rowVectors));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "n={0} k={1} {2} {3}")
    @MethodSource("syrkCases")
    void syr2kUpdatesOneTriangleOnly(int n, int k, Triangle uplo, Transpose t) {
        DenseMatrix a = t.isTranspose() ? padded(k, n, 23) : padded(n, k, 23);
        DenseMatrix b = t.isTranspose() ? padded(k, n, 24) : padded(n, k, 24);
        DenseMatrix c = padded(n, n, 25);
        DenseMatrix c0 = c.copy();
        Blas.syr2k(backend(), uplo, t, 0.9, a, b, 0.4, c);
        DenseMatrix p = ReferenceBlas.op(t, a);
        DenseMatrix q = ReferenceBlas.op(t, b);
        // [P Q] [Q P]^T = P Q^T + Q P^T: one product of inner dimension 2k, for the reference and the bound.
        DenseMatrix pq = DenseMatrix.zeros(n, 2 * k);
        DenseMatrix qp = DenseMatrix.zeros(n, 2 * k);
        pq.columns(0, k).copyFrom(p);
        pq.columns(k, k).copyFrom(q);
        qp.columns(0, k).copyFrom(q);
        qp.columns(k, k).copyFrom(p);
        DenseMatrix expected = ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 0.9, pq, qp, 0.4, c0);
        DenseMatrix bound = Tolerances.gemmBound(0.9, pq, ReferenceBlas.op(Transpose.TRANSPOSE, qp), 0.4, c0);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                boolean updated = uplo == Triangle.LOWER ? i >= j : i <= j;
                if (updated) {
                    assertThat(Math.abs(c.get(i, j) - expected.get(i, j)))
                            .as("entry (%d, %d)", i, j)
                            .isLessThanOrEqualTo(bound.get(i, j));
                } else {
                    assertThat(c.get(i, j)).as("untouched entry (%d, %d)", i, j).isEqualTo(c0.get(i, j));
                }
            }
        }
        assertPaddingUntouched(c);
    }

    // ------------------------------------------------------------------ syrk

    static Stream<Arguments> syrkCases() {
        int[][] shapes = {{0, 0}, {0, 3}, {3, 0}, {1, 1}, {7, 13}, {64, 5}, {65, 9}, {150, 37}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (Triangle uplo : Triangle.values()) {
                for (Transpose t : Transpose.values()) {
                    cases.add(Arguments.of(s[0], s[1], uplo, t));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "n={0} k={1} {2} {3}")
    @MethodSource("syrkCases")
    void syrkUpdatesOneTriangleOnly(int n, int k, Triangle uplo, Transpose t) {
        DenseMatrix a = t.isTranspose() ? padded(k, n, 21) : padded(n, k, 21);
        DenseMatrix c = padded(n, n, 22);
        DenseMatrix c0 = c.copy();
        Blas.syrk(backend(), uplo, t, 0.9, a, 0.4, c);
        DenseMatrix p = ReferenceBlas.op(t, a);
        DenseMatrix pt = ReferenceBlas.op(Transpose.TRANSPOSE, p);
        DenseMatrix expected = ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 0.9, p, pt, 0.4, c0);
        DenseMatrix bound = Tolerances.gemmBound(0.9, p, pt, 0.4, c0);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                boolean updated = uplo == Triangle.LOWER ? i >= j : i <= j;
                if (updated) {
                    assertThat(Math.abs(c.get(i, j) - expected.get(i, j)))
                            .as("entry (%d, %d)", i, j)
                            .isLessThanOrEqualTo(bound.get(i, j));
                } else {
                    assertThat(c.get(i, j)).as("untouched entry (%d, %d)", i, j).isEqualTo(c0.get(i, j));
                }
            }
        }
        assertPaddingUntouched(c);
    }

    // ------------------------------------------------------------------ trsm and trmm

    static Stream<Arguments> triangularCases() {
        int[][] shapes = {{0, 0}, {0, 3}, {3, 0}, {1, 1}, {7, 5}, {5, 7}, {65, 3}, {3, 65}, {150, 11}, {11, 150}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (Side side : Side.values()) {
                for (Triangle uplo : Triangle.values()) {
                    for (Transpose t : Transpose.values()) {
                        for (Diagonal d : Diagonal.values()) {
                            cases.add(Arguments.of(s[0], s[1], side, uplo, t, d));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}x{1} {2} {3} {4} {5}")
    @MethodSource("triangularCases")
    void trsmHasSmallComponentwiseBackwardError(int m, int n, Side side, Triangle uplo, Transpose t, Diagonal d) {
        int order = side == Side.LEFT ? m : n;
        DenseMatrix a = triangularPadded(order, uplo, 31);
        DenseMatrix b = padded(m, n, 32);
        DenseMatrix b0 = b.copy();
        double alpha = -1.25;
        Blas.trsm(backend(), side, uplo, t, d, alpha, a, b);
        DenseMatrix tri = ReferenceBlas.triangular(uplo, t, d, a);
        DenseMatrix product = side == Side.LEFT
                ? ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, tri, b, 0, b)
                : ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, b, tri, 0, b);
        DenseMatrix absProduct = side == Side.LEFT
                ? ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, abs(tri), abs(b), 0, b)
                : ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, abs(b), abs(tri), 0, b);
        double g = 4 * Tolerances.gamma(order + 1);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double rhs = alpha * b0.get(i, j);
                double residual = Math.abs(product.get(i, j) - rhs);
                double bound = g * (absProduct.get(i, j) + Math.abs(rhs)) + Double.MIN_NORMAL;
                assertThat(residual).as("residual at (%d, %d)", i, j).isLessThanOrEqualTo(bound);
            }
        }
        assertPaddingUntouched(b);
    }

    @ParameterizedTest(name = "{0}x{1} {2} {3} {4} {5}")
    @MethodSource("triangularCases")
    void trmmMatchesReference(int m, int n, Side side, Triangle uplo, Transpose t, Diagonal d) {
        int order = side == Side.LEFT ? m : n;
        DenseMatrix a = triangularPadded(order, uplo, 41);
        DenseMatrix b = padded(m, n, 42);
        DenseMatrix b0 = b.copy();
        Blas.trmm(backend(), side, uplo, t, d, 0.5, a, b);
        DenseMatrix expected = ReferenceBlas.trmm(side, uplo, t, d, 0.5, a, b0);
        DenseMatrix tri = ReferenceBlas.triangular(uplo, t, d, a);
        DenseMatrix bound = side == Side.LEFT
                ? Tolerances.gemmBound(0.5, tri, b0, 0, b0)
                : Tolerances.gemmBound(0.5, b0, tri, 0, b0);
        assertThatMatrix(b).isCloseEntrywise(expected, bound);
        assertPaddingUntouched(b);
    }

    @Test
    void trsmWithAlphaZeroZeroesB() {
        DenseMatrix a = triangularPadded(5, Triangle.UPPER, 43);
        DenseMatrix b = padded(5, 4, 44);
        Blas.trsm(backend(), Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 0.0, a, b);
        assertThatMatrix(b).isBitwiseEqualTo(DenseMatrix.zeros(5, 4));
    }

    // ------------------------------------------------------------------ level 1

    static Stream<Arguments> vectorCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : new int[] {0, 1, 3, 7, 8, 9, 16, 17, 31, 100, 1001}) {
            for (boolean strided : new boolean[] {false, true}) {
                cases.add(Arguments.of(n, strided));
            }
        }
        return cases.stream();
    }

    private static DenseMatrix vector(int n, boolean strided, long seed) {
        return strided ? padded(1, n, seed) : padded(n, 1, seed);
    }

    private static double[] values(DenseMatrix v) {
        return v.toColumnMajorArray();
    }

    @ParameterizedTest(name = "n={0} strided={1}")
    @MethodSource("vectorCases")
    void dotMatchesReference(int n, boolean strided) {
        DenseMatrix x = vector(n, strided, 51);
        DenseMatrix y = vector(n, !strided, 52);
        double[] xv = values(x);
        double[] yv = values(y);
        double abs = 0;
        for (int i = 0; i < n; i++) {
            abs += Math.abs(xv[i] * yv[i]);
        }
        assertThat(Blas.dot(backend(), x, y))
                .isCloseTo(ReferenceBlas.dot(xv, yv), offset(2 * Tolerances.gamma(n + 1) * abs));
    }

    @ParameterizedTest(name = "n={0} strided={1}")
    @MethodSource("vectorCases")
    void axpyMatchesReference(int n, boolean strided) {
        DenseMatrix x = vector(n, strided, 53);
        DenseMatrix y = vector(n, strided, 54);
        double[] xv = values(x);
        double[] yv = values(y);
        Blas.axpy(backend(), -0.3, x, y);
        double[] got = values(y);
        for (int i = 0; i < n; i++) {
            double expected = yv[i] - 0.3 * xv[i];
            double bound = 2 * Tolerances.gamma(2) * (Math.abs(yv[i]) + Math.abs(0.3 * xv[i]));
            assertThat(Math.abs(got[i] - expected)).as("entry %d", i).isLessThanOrEqualTo(bound);
        }
        assertPaddingUntouched(y);
    }

    @ParameterizedTest(name = "n={0} strided={1}")
    @MethodSource("vectorCases")
    void nrm2MatchesReference(int n, boolean strided) {
        DenseMatrix x = vector(n, strided, 55);
        double expected = ReferenceBlas.nrm2(values(x));
        assertThat(Blas.nrm2(backend(), x)).isCloseTo(expected, offset(2 * Tolerances.gamma(n + 2) * expected));
    }

    @ParameterizedTest(name = "n={0} strided={1}")
    @MethodSource("vectorCases")
    void scalMultipliesEveryEntry(int n, boolean strided) {
        DenseMatrix x = vector(n, strided, 56);
        double[] before = values(x);
        Blas.scal(backend(), -2.5, x);
        double[] after = values(x);
        for (int i = 0; i < n; i++) {
            assertThat(after[i]).isEqualTo(-2.5 * before[i]);
        }
        assertPaddingUntouched(x);
    }

    @Test
    void scalByZeroClearsNaN() {
        DenseMatrix x = DenseMatrix.columnVector(1.0, Double.NaN, Double.POSITIVE_INFINITY);
        Blas.scal(backend(), 0.0, x);
        assertThatMatrix(x).isBitwiseEqualTo(DenseMatrix.zeros(3, 1));
    }

    @Test
    void nrm2DoesNotOverflow() {
        DenseMatrix x = DenseMatrix.columnVector(3e300, 4e300, 0.0);
        assertThat(Blas.nrm2(backend(), x)).isCloseTo(5e300, offset(4 * Tolerances.U * 5e300));
    }

    @Test
    void nrm2DoesNotUnderflow() {
        DenseMatrix x = DenseMatrix.columnVector(3e-300, 4e-300);
        assertThat(Blas.nrm2(backend(), x)).isCloseTo(5e-300, offset(4 * Tolerances.U * 5e-300));
    }

    @Test
    void nrm2OfMixedScalesKeepsTheLargeEntry() {
        DenseMatrix x = DenseMatrix.columnVector(1e-300, 1e200, 1.0, 1e-200);
        assertThat(Blas.nrm2(backend(), x)).isCloseTo(1e200, offset(4 * Tolerances.U * 1e200));
    }

    @Test
    void nrm2PropagatesNaN() {
        assertThat(Blas.nrm2(backend(), DenseMatrix.columnVector(1.0, Double.NaN, 2.0)))
                .isNaN();
    }

    @Test
    void nrm2OfInfinityIsInfinite() {
        assertThat(Blas.nrm2(backend(), DenseMatrix.columnVector(1.0, Double.NEGATIVE_INFINITY)))
                .isInfinite();
    }

    @Test
    void nrm2OfNonCompactMatrixIsFrobenius() {
        DenseMatrix x = padded(37, 5, 57);
        double expected = ReferenceBlas.nrm2(x.toColumnMajorArray());
        assertThat(Blas.nrm2(backend(), x)).isCloseTo(expected, offset(2 * Tolerances.gamma(37 * 5 + 2) * expected));
    }
}
