package dev.nla.core.operator;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of {@link OperatorCase}s: every kind of operator of the package, as a leaf or
 * nested in sums, scalings, products, transposes and Kronecker products, with shapes from 0 to 5.
 * Entries are Gaussian, drawn by {@link TestMatrices#gaussian} from a generated seed.
 */
final class OperatorCases {
    static final int MAX_DIM = 5;

    private OperatorCases() {}

    static DenseMatrix gaussian(int rows, int cols, long seed) {
        return TestMatrices.gaussian(rows, cols, RngState.seed(seed));
    }

    /** About a third of the entries of a Gaussian matrix, with an empty row and column when possible. */
    static SparseMatrix sparse(int rows, int cols, long seed, SparseMatrix.Format format) {
        DenseMatrix d = gaussian(rows, cols, seed);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                if ((i * 7 + j * 3) % 3 != 0 || i == 1 || j == 2) {
                    d.set(i, j, 0.0);
                }
            }
        }
        return SparseMatrix.fromDense(d, format);
    }

    /** A matrix-free operator computing the naive products of {@code e} in its callbacks. */
    static LinearOperator functionOf(DenseMatrix e) {
        return LinearOperator.fromFunctions(
                e.rows(),
                e.cols(),
                (x, y) -> Naive.copy(Naive.multiply(e, x), y),
                (x, y) -> Naive.copy(Naive.multiply(Naive.transpose(e), x), y));
    }

    /** Every kind of leaf operator of the given shape. */
    static Arbitrary<OperatorCase> leaf(int rows, int cols) {
        List<Arbitrary<OperatorCase>> kinds = new ArrayList<>();
        Arbitrary<Long> seeds = Arbitraries.longs();
        kinds.add(seeds.map(s -> {
            DenseMatrix a = gaussian(rows, cols, s);
            return OperatorCase.leaf(LinearOperator.of(a), a, "dense");
        }));
        kinds.add(seeds.map(s -> {
            DenseMatrix a = gaussian(rows + 2, cols + 1, s).view(1, 1, rows, cols);
            return OperatorCase.leaf(LinearOperator.of(a), a, "dense view");
        }));
        kinds.add(seeds.map(s -> {
            SparseMatrix a = sparse(rows, cols, s, SparseMatrix.Format.CSR);
            return OperatorCase.leaf(LinearOperator.of(a), a, "CSR");
        }));
        kinds.add(seeds.map(s -> {
            SparseMatrix a = sparse(rows, cols, s, SparseMatrix.Format.CSC);
            return OperatorCase.leaf(LinearOperator.of(a), a, "CSC");
        }));
        kinds.add(seeds.map(s -> {
            DenseMatrix a = gaussian(rows, cols, s);
            return OperatorCase.leaf(functionOf(a), a, "function");
        }));
        if (rows == cols) {
            kinds.add(Arbitraries.just(
                    OperatorCase.leaf(LinearOperator.identity(rows), Naive.identity(rows), "identity")));
            kinds.add(seeds.map(s -> {
                double[] d = gaussian(rows, 1, s).toColumnMajorArray();
                return OperatorCase.leaf(LinearOperator.diagonal(d), DenseMatrix.diagonal(d), "diagonal");
            }));
        }
        return Arbitraries.oneOf(kinds);
    }

    /** Operators of the given shape, nested up to {@code depth} levels of combinators. */
    static Arbitrary<OperatorCase> ofShape(int rows, int cols, int depth) {
        if (depth == 0) {
            return leaf(rows, cols);
        }
        List<Arbitrary<OperatorCase>> kinds = new ArrayList<>();
        kinds.add(leaf(rows, cols));
        kinds.add(Combinators.combine(ofShape(rows, cols, depth - 1), Arbitraries.of(-2.5, 0.5, 3.0, 0.0))
                .as(OperatorCase::scaled));
        kinds.add(ofShape(cols, rows, depth - 1).map(OperatorCase::transposed));
        kinds.add(Combinators.combine(ofShape(rows, cols, depth - 1), ofShape(rows, cols, depth - 1))
                .as(OperatorCase::plus));
        kinds.add(Arbitraries.integers().between(0, 4).flatMap(p -> Combinators.combine(
                        ofShape(rows, p, depth - 1), ofShape(p, cols, depth - 1))
                .as(OperatorCase::times)));
        kinds.add(Combinators.combine(Arbitraries.of(factorPairs(rows)), Arbitraries.of(factorPairs(cols)))
                .flatAs((pr, qs) -> Combinators.combine(
                                ofShape(pr[0], qs[0], depth - 1), ofShape(pr[1], qs[1], depth - 1))
                        .as(OperatorCase::kron)));
        return Arbitraries.oneOf(kinds);
    }

    /** Operators of any shape up to {@link #MAX_DIM}, nested up to {@code depth} levels. */
    static Arbitrary<OperatorCase> any(int depth) {
        Arbitrary<Integer> dims = Arbitraries.integers().between(0, MAX_DIM);
        return Combinators.combine(dims, dims).flatAs((r, c) -> ofShape(r, c, depth));
    }

    /** The pairs \((a, b)\) with \(ab = n\), \(a, b \le\) {@link #MAX_DIM} (for \(n = 0\): one factor zero). */
    static List<int[]> factorPairs(int n) {
        List<int[]> pairs = new ArrayList<>();
        if (n == 0) {
            for (int f = 0; f <= 3; f++) {
                pairs.add(new int[] {0, f});
                pairs.add(new int[] {f, 0});
            }
            return pairs;
        }
        for (int a = 1; a <= n; a++) {
            if (n % a == 0 && a <= MAX_DIM && n / a <= MAX_DIM) {
                pairs.add(new int[] {a, n / a});
            }
        }
        return pairs;
    }
}
