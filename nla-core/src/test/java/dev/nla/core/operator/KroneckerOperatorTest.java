package dev.nla.core.operator;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.testing.Tolerances;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link LinearOperator#kronecker}: against the explicit naive Kronecker product, through each of
 * its paths (identity left factor, explicit left factor in either order, any left factor), with
 * compact and strided blocks.
 */
class KroneckerOperatorTest {
    private static final Transpose N = Transpose.NO_TRANSPOSE;
    private static final Transpose T = Transpose.TRANSPOSE;

    /** The factor kinds that select the different paths of the Kronecker apply. */
    enum Kind {
        DENSE,
        CSR,
        CSC,
        FUNCTION,
        IDENTITY,
        DIAGONAL
    }

    private static OperatorCase factor(Kind kind, int rows, int cols, long seed) {
        DenseMatrix a = OperatorCases.gaussian(rows, cols, seed);
        switch (kind) {
            case DENSE:
                return OperatorCase.leaf(LinearOperator.of(a), a, "dense");
            case CSR:
                SparseMatrix csr = OperatorCases.sparse(rows, cols, seed, SparseMatrix.Format.CSR);
                return OperatorCase.leaf(LinearOperator.of(csr), csr, "CSR");
            case CSC:
                SparseMatrix csc = OperatorCases.sparse(rows, cols, seed, SparseMatrix.Format.CSC);
                return OperatorCase.leaf(LinearOperator.of(csc), csc, "CSC");
            case FUNCTION:
                return OperatorCase.leaf(OperatorCases.functionOf(a), a, "function");
            case IDENTITY:
                return OperatorCase.leaf(LinearOperator.identity(rows), Naive.identity(rows), "identity");
            default:
                double[] d = OperatorCases.gaussian(rows, 1, seed).toColumnMajorArray();
                return OperatorCase.leaf(LinearOperator.diagonal(d), DenseMatrix.diagonal(d), "diagonal");
        }
    }

    private static boolean square(Kind kind) {
        return kind == Kind.IDENTITY || kind == Kind.DIAGONAL;
    }

    @Provide
    Arbitrary<Kind> kinds() {
        return Arbitraries.of(Kind.class);
    }

    @Property(tries = 400)
    void matchesTheExplicitKroneckerProduct(
            @ForAll("kinds") Kind kindA,
            @ForAll("kinds") Kind kindB,
            @ForAll @IntRange(min = 0, max = 4) int p,
            @ForAll @IntRange(min = 0, max = 4) int q,
            @ForAll @IntRange(min = 0, max = 4) int r,
            @ForAll @IntRange(min = 0, max = 4) int s,
            @ForAll @IntRange(min = 0, max = 3) int k,
            @ForAll Transpose trans,
            @ForAll long seed) {
        OperatorCase a = factor(kindA, p, square(kindA) ? p : q, seed);
        OperatorCase b = factor(kindB, r, square(kindB) ? r : s, seed + 1);
        OperatorCase kron = a.kron(b);
        DenseMatrix x = OperatorCases.gaussian(LinearOperatorPropertyTest.opCols(kron, trans), k, seed + 2);
        DenseMatrix y = Naive.filled(LinearOperatorPropertyTest.opRows(kron, trans), k, Double.NaN);
        kron.op().apply(trans, x, y);
        assertThatMatrix(y).isCloseEntrywise(kron.reference(trans, x), kron.applyBound(trans, x));
    }

    @Property(tries = 200)
    void isTheVecIdentity(
            @ForAll @IntRange(min = 1, max = 4) int p,
            @ForAll @IntRange(min = 1, max = 4) int q,
            @ForAll @IntRange(min = 1, max = 4) int r,
            @ForAll @IntRange(min = 1, max = 4) int s,
            @ForAll long seed) {
        DenseMatrix a = OperatorCases.gaussian(p, q, seed);
        DenseMatrix b = OperatorCases.gaussian(r, s, seed + 1);
        DenseMatrix xMat = OperatorCases.gaussian(s, q, seed + 2);
        // (A kron B) vec(X) = vec(B X A^T), X s x q, vec stacking columns.
        DenseMatrix bxat = Naive.multiply(Naive.multiply(b, xMat), Naive.transpose(a));
        DenseMatrix vecX = DenseMatrix.wrap(s * q, 1, xMat.toColumnMajorArray());
        DenseMatrix vecExpected = DenseMatrix.wrap(r * p, 1, bxat.toColumnMajorArray());
        DenseMatrix y = LinearOperator.kronecker(LinearOperator.of(a), LinearOperator.of(b))
                .apply(vecX);
        // Both sides sum q*s products of three factors in different orders: within 2*gamma_{q+s+2}
        // times |B||X||A|^T (the GEMM bound of each of the two products, twice).
        DenseMatrix magnitude =
                Naive.multiply(Naive.multiply(Naive.abs(b), Naive.abs(xMat)), Naive.abs(Naive.transpose(a)));
        DenseMatrix bound = Naive.map(
                DenseMatrix.wrap(r * p, 1, magnitude.toColumnMajorArray()),
                v -> 2 * Tolerances.gamma(q + s + 2L) * v + Double.MIN_NORMAL);
        assertThatMatrix(y).isCloseEntrywise(vecExpected, bound);
    }

    @Test
    void explicitRowLeftFactorRunsBothOrders() {
        // A 1x5, B 5x1. Applying A kron B: "B first" costs k(c_B q + c_A r) = k(25 + 25), "A first"
        // k(c_A s + c_B p) = k(5 + 5), so A goes first; applying the transpose (op(A) 5x1, op(B)
        // 1x5) the costs swap and B goes first.
        assertKroneckerMatches(Kind.DENSE, 1, 5, Kind.DENSE, 5, 1);
    }

    @Test
    void explicitColumnLeftFactorRunsBothOrders() {
        // A 5x1, B 1x5: B first for A kron B, A first for its transpose.
        assertKroneckerMatches(Kind.DENSE, 5, 1, Kind.DENSE, 1, 5);
    }

    @Test
    void anyLeftFactorUsesTheGatherScatterPath() {
        assertKroneckerMatches(Kind.FUNCTION, 3, 4, Kind.DENSE, 2, 5);
    }

    @Test
    void identityLeftFactorIsBlockDiagonal() {
        assertKroneckerMatches(Kind.IDENTITY, 3, 3, Kind.CSR, 2, 4);
    }

    @Test
    void sparseLeftFactorUsesTheGemmPaths() {
        assertKroneckerMatches(Kind.CSC, 4, 3, Kind.FUNCTION, 3, 2);
    }

    private static void assertKroneckerMatches(Kind kindA, int p, int q, Kind kindB, int r, int s) {
        OperatorCase kron = factor(kindA, p, q, 11).kron(factor(kindB, r, s, 12));
        for (Transpose trans : Transpose.values()) {
            DenseMatrix x = OperatorCases.gaussian(LinearOperatorPropertyTest.opCols(kron, trans), 3, 13);
            DenseMatrix y = trans.isTranspose()
                    ? kron.op().applyTranspose(x)
                    : kron.op().apply(x);
            assertThatMatrix(y).isCloseEntrywise(kron.reference(trans, x), kron.applyBound(trans, x));
        }
    }

    @Test
    void rightFactorIsAppliedOnceToTheWholeBlockWhenStorageIsCompact() {
        AtomicInteger calls = new AtomicInteger();
        DenseMatrix b = OperatorCases.gaussian(2, 3, 5);
        LinearOperator counting = LinearOperator.fromFunctions(
                2,
                3,
                (x, y) -> {
                    calls.incrementAndGet();
                    Naive.copy(Naive.multiply(b, x), y);
                },
                (x, y) -> Naive.copy(Naive.multiply(Naive.transpose(b), x), y));
        LinearOperator kron = LinearOperator.kronecker(LinearOperator.of(OperatorCases.gaussian(4, 4, 6)), counting);
        kron.apply(OperatorCases.gaussian(12, 5, 7));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void rightFactorIsAppliedColumnByColumnOnStridedBlocks() {
        AtomicInteger calls = new AtomicInteger();
        DenseMatrix b = OperatorCases.gaussian(2, 3, 5);
        LinearOperator counting = LinearOperator.fromFunctions(
                2,
                3,
                (x, y) -> {
                    calls.incrementAndGet();
                    Naive.copy(Naive.multiply(b, x), y);
                },
                (x, y) -> Naive.copy(Naive.multiply(Naive.transpose(b), x), y));
        LinearOperator kron = LinearOperator.kronecker(LinearOperator.identity(4), counting);
        DenseMatrix x = OperatorCases.gaussian(14, 6, 7).view(1, 1, 12, 5);
        kron.apply(Transpose.NO_TRANSPOSE, x, DenseMatrix.zeros(8, 5));
        assertThat(calls.get()).isEqualTo(5);
    }

    @Test
    void transposeIsTheKroneckerProductOfTheTransposes() {
        DenseMatrix a = OperatorCases.gaussian(3, 2, 21);
        DenseMatrix b = OperatorCases.gaussian(2, 4, 22);
        LinearOperator kron = LinearOperator.kronecker(LinearOperator.of(a), LinearOperator.of(b));
        DenseMatrix x = OperatorCases.gaussian(6, 3, 23);
        DenseMatrix expected = Naive.multiply(Naive.kronecker(Naive.transpose(a), Naive.transpose(b)), x);
        DenseMatrix bound = Tolerances.gemmBound(
                1.0, Naive.abs(Naive.kronecker(Naive.transpose(a), Naive.transpose(b))), Naive.abs(x), 0.0, x);
        assertThatMatrix(kron.transpose().apply(x)).isCloseEntrywise(expected, bound);
    }

    @Test
    void transposeHasTheTransposedShape() {
        LinearOperator kron = LinearOperator.kronecker(
                LinearOperator.of(DenseMatrix.zeros(3, 2)), LinearOperator.of(DenseMatrix.zeros(5, 7)));
        assertThat(kron.transpose().shape()).isEqualTo(new dev.nla.core.matrix.Shape(14, 15));
    }

    @Test
    void transposeOfTransposeHasTheOriginalShape() {
        LinearOperator kron = LinearOperator.kronecker(
                LinearOperator.of(DenseMatrix.zeros(3, 2)), LinearOperator.of(DenseMatrix.zeros(5, 7)));
        assertThat(kron.transpose().transpose().shape()).isEqualTo(kron.shape());
    }

    @Test
    void naryProductMatchesTheExplicitProduct() {
        DenseMatrix a = OperatorCases.gaussian(2, 3, 31);
        DenseMatrix b = OperatorCases.gaussian(3, 2, 32);
        DenseMatrix c = OperatorCases.gaussian(2, 2, 33);
        LinearOperator kron =
                LinearOperator.kronecker(LinearOperator.of(a), LinearOperator.of(b), LinearOperator.of(c));
        DenseMatrix explicit = Naive.kronecker(Naive.kronecker(a, b), c);
        DenseMatrix x = OperatorCases.gaussian(12, 2, 34);
        // Forming the explicit product rounds twice per entry (two multiplications): depth 2.
        OperatorCase model = new OperatorCase(
                kron,
                explicit,
                Naive.kronecker(Naive.kronecker(Naive.abs(a), Naive.abs(b)), Naive.abs(c)),
                2,
                "a kron b kron c");
        assertThatMatrix(kron.apply(x)).isCloseEntrywise(model.reference(N, x), model.applyBound(N, x));
    }

    @Test
    void naryProductOfOneFactorIsThatFactor() {
        LinearOperator a = LinearOperator.identity(3);
        assertThat(LinearOperator.kronecker(new LinearOperator[] {a})).isSameAs(a);
    }

    @Test
    void naryProductOfNoFactorsIsRefused() {
        assertThatThrownBy(() -> LinearOperator.kronecker(new LinearOperator[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one factor");
    }

    @Test
    void naryProductNamesANullFactor() {
        assertThatThrownBy(() -> LinearOperator.kronecker(LinearOperator.identity(1), null, LinearOperator.identity(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("factors[1]");
    }

    @Test
    void productWithMoreThanIntRowsIsRefused() {
        assertThatThrownBy(() ->
                        LinearOperator.kronecker(LinearOperator.identity(100_000), LinearOperator.identity(100_000)))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("10000000000x10000000000");
    }

    @Test
    void oversizedTemporaryIsRefusedBeforeAllocating() {
        // A (1 x 50000) matrix-free, B (50000 x 1): x and y hold 50000 entries, but W = B X_j is
        // 50000 x 50000 = 2.5e9 entries, over the array limit.
        int n = 50_000;
        AtomicInteger calls = new AtomicInteger();
        LinearOperator a = LinearOperator.fromFunctions(
                1, n, (x, y) -> calls.incrementAndGet(), (x, y) -> calls.incrementAndGet());
        LinearOperator b = LinearOperator.of(DenseMatrix.zeros(n, 1));
        LinearOperator kron = LinearOperator.kronecker(a, b);
        DenseMatrix x = DenseMatrix.zeros(n, 1);
        assertThatThrownBy(() -> kron.apply(x))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("2500000000");
    }

    @Test
    void emptyInnerDimensionGivesScaledOutput() {
        LinearOperator kron = LinearOperator.kronecker(
                LinearOperator.of(DenseMatrix.zeros(2, 0)), LinearOperator.of(DenseMatrix.zeros(3, 4)));
        DenseMatrix y = Naive.filled(6, 2, 1.5);
        kron.apply(N, 1.0, DenseMatrix.zeros(0, 2), 2.0, y);
        assertThatMatrix(y).isBitwiseEqualTo(Naive.filled(6, 2, 3.0));
    }
}
