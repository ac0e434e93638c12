package dev.nla.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.RealMatrixConversions;
import dev.nla.core.matrix.Shape;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.matrix.SparseMatrix.Format;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The exception contract of the public entry points of {@code dev.nla.core.matrix}, {@code
 * .operator}, {@code .blas} (the {@link Blas} facade) and {@code .error}, on random shapes
 * (including empty ones) and random invalid arguments.
 *
 * <p>Each generated {@link Call} is either valid, and must then succeed, or broken in one known way
 * (a null, a mismatched shape, a negative size, an index out of range, an output overlapping an
 * input, a corrupt compressed array), and must then throw the documented type with a message that
 * names the offending value. The documented types are {@link NullPointerException}, {@link
 * IllegalArgumentException} and its subclasses in {@code dev.nla.core.error}, and {@link
 * IndexOutOfBoundsException} itself: never an {@link ArrayIndexOutOfBoundsException}, {@link
 * ArithmeticException}, {@link ClassCastException}, {@link NegativeArraySizeException}, nor a silent
 * success.
 *
 * <p>A second family of properties feeds unclassified random integers and arrays to the
 * constructors that take raw indices ({@link DenseMatrix#wrap}, {@link DenseMatrix#view}, {@link
 * SparseMatrix#of}): whatever happens must be a documented exception or a matrix whose every entry
 * can be read.
 */
class ApiContractPropertyTest {
    private static final Transpose N = Transpose.NO_TRANSPOSE;
    private static final Transpose T = Transpose.TRANSPOSE;

    /** A call of an entry point and the outcome its documentation promises. */
    interface Body {
        void run() throws Throwable;
    }

    /**
     * One generated call.
     *
     * @param description what is called with what, for failure messages
     * @param body        the call
     * @param expected    the documented exception type, or {@code null} if the call is valid
     * @param mentions    substrings the exception message must contain (the offending values)
     */
    record Call(String description, Body body, Class<? extends Throwable> expected, List<String> mentions) {
        static Call valid(String description, Body body) {
            return new Call(description, body, null, List.of());
        }

        static Call invalid(String description, Class<? extends Throwable> expected, Body body, String... mentions) {
            return new Call(description, body, expected, List.of(mentions));
        }

        @Override
        public String toString() {
            return description + (expected == null ? " (valid)" : " -> " + expected.getSimpleName() + " " + mentions);
        }
    }

    // ------------------------------------------------------------------ the properties

    @Property(tries = 4000)
    void everyEntryPointFailsOnlyAsDocumented(@ForAll("calls") Call call) {
        Throwable thrown = catchThrowable(() -> {
            try {
                call.body().run();
            } catch (Throwable t) {
                throw t instanceof Exception e ? e : new RuntimeException(t);
            }
        });
        if (call.expected() == null) {
            assertThat(thrown).as(call.description()).isNull();
            return;
        }
        assertThat(thrown).as(call.description()).isNotNull();
        assertThat(isDocumentedType(thrown))
                .as(call.description() + " threw " + thrown)
                .isTrue();
        assertThat(thrown).as(call.description()).isInstanceOf(call.expected());
        for (String mention : call.mentions()) {
            assertThat(thrown.getMessage()).as(call.description()).contains(mention);
        }
    }

    @Property(tries = 2000)
    void wrapWithRandomIndicesFailsOnlyAsDocumented(
            @ForAll @IntRange(min = -2, max = 12) int length,
            @ForAll @IntRange(min = -3, max = 8) int offset,
            @ForAll @IntRange(min = -3, max = 6) int rows,
            @ForAll @IntRange(min = -3, max = 6) int cols,
            @ForAll @IntRange(min = -3, max = 8) int ld) {
        double[] data = length < 0 ? null : new double[length];
        Throwable thrown = catchThrowable(() -> readEverything(DenseMatrix.wrap(data, offset, rows, cols, ld)));
        assertThat(thrown == null || isDocumentedType(thrown))
                .as(String.valueOf(thrown))
                .isTrue();
    }

    @Property(tries = 2000)
    void viewWithRandomIndicesFailsOnlyAsDocumented(
            @ForAll @IntRange(min = 0, max = 5) int rows,
            @ForAll @IntRange(min = 0, max = 5) int cols,
            @ForAll @IntRange(min = -3, max = 7) int r0,
            @ForAll @IntRange(min = -3, max = 7) int c0,
            @ForAll @IntRange(min = -3, max = 7) int p,
            @ForAll @IntRange(min = -3, max = 7) int q) {
        DenseMatrix a = DenseMatrix.zeros(rows + 2, cols + 1).view(1, 1, rows, cols);
        Throwable thrown = catchThrowable(() -> readEverything(a.view(r0, c0, p, q)));
        boolean fits = r0 >= 0 && c0 >= 0 && p >= 0 && q >= 0 && r0 + p <= rows && c0 + q <= cols;
        if (fits) {
            assertThat(thrown).isNull();
        } else {
            assertThat(thrown).isExactlyInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Property(tries = 3000)
    void sparseOfWithRandomArraysFailsOnlyAsDocumented(
            @ForAll Format format,
            @ForAll @IntRange(min = -1, max = 4) int rows,
            @ForAll @IntRange(min = -1, max = 4) int cols,
            @ForAll @Size(max = 6) List<@IntRange(min = -2, max = 6) Integer> pointers,
            @ForAll @Size(max = 6) List<@IntRange(min = -2, max = 5) Integer> indices,
            @ForAll @IntRange(min = 0, max = 6) int valueCount,
            @ForAll boolean anchored) {
        int[] ptr = pointers.stream().mapToInt(Integer::intValue).toArray();
        int[] idx = indices.stream().mapToInt(Integer::intValue).toArray();
        double[] val = new double[anchored ? idx.length : valueCount];
        if (anchored && ptr.length > 0) {
            // Pass the end checks, so that only the middle of the arrays can be wrong.
            ptr[0] = 0;
            ptr[ptr.length - 1] = idx.length;
        }
        Arrays.fill(val, 1.0);
        SparseMatrix[] built = new SparseMatrix[1];
        Throwable thrown = catchThrowable(() -> built[0] = SparseMatrix.of(format, rows, cols, ptr, idx, val));
        if (thrown != null) {
            assertThat(isDocumentedType(thrown)).as(String.valueOf(thrown)).isTrue();
            assertThat(thrown.getMessage()).isNotBlank();
            return;
        }
        // Accepted: the arrays must satisfy every invariant (checked here independently), and every
        // entry must be readable.
        assertThat(satisfiesCompressedInvariants(format, rows, cols, ptr, idx, val))
                .isTrue();
        readEverything(built[0]);
        assertThat(built[0].toDense().shape()).isEqualTo(new Shape(rows, cols));
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.oneOf(
                denseFactories(),
                denseAccess(),
                denseViews(),
                denseCopies(),
                sparseOf(),
                sparseBuilder(),
                sparseAccess(),
                shapes(),
                conversions(),
                operatorFactories(),
                operatorApply(),
                operatorCombinators(),
                blasGemm(),
                blasLevel2(),
                blasLevel3(),
                blasLevel1(),
                requireChecks());
    }

    private static Arbitrary<Integer> dim() {
        return Arbitraries.integers().between(0, 4);
    }

    private static Arbitrary<Integer> fault(int count) {
        // Fault 0 (valid) about a third of the time, the others evenly.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(count, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(2 * count, Arbitraries.integers().between(1, count)));
    }

    private static DenseMatrix gaussian(int rows, int cols, long seed) {
        return TestMatrices.gaussian(rows, cols, RngState.seed(seed));
    }

    private static String shape(int rows, int cols) {
        return rows + "x" + cols;
    }

    // ---------------------------------------------------------------- matrix

    private static Arbitrary<Call> denseFactories() {
        return Combinators.combine(
                        dim(), dim(), fault(9), Arbitraries.integers().between(1, 3))
                .as((r, c, f, d) -> {
                    switch (f) {
                        case 1:
                            return Call.invalid(
                                    "zeros(" + -d + ", " + c + ")",
                                    IllegalArgumentException.class,
                                    () -> DenseMatrix.zeros(-d, c),
                                    "rows",
                                    String.valueOf(-d));
                        case 2:
                            return Call.invalid(
                                    "identity(" + -d + ")",
                                    IllegalArgumentException.class,
                                    () -> DenseMatrix.identity(-d),
                                    String.valueOf(-d));
                        case 3:
                            return Call.invalid(
                                    "of(null)", NullPointerException.class, () -> DenseMatrix.of(null), "values");
                        case 4: {
                            double[][] rowsArray = new double[r + 1][c];
                            rowsArray[r] = null;
                            return Call.invalid(
                                    "of with a null row " + r,
                                    NullPointerException.class,
                                    () -> DenseMatrix.of(rowsArray),
                                    "values[" + r + "]");
                        }
                        case 5: {
                            double[][] ragged = new double[r + 2][c];
                            ragged[r + 1] = new double[c + d];
                            return Call.invalid(
                                    "of with ragged row " + (r + 1),
                                    DimensionMismatchException.class,
                                    () -> DenseMatrix.of(ragged),
                                    "values[" + (r + 1) + "]",
                                    String.valueOf(c + d));
                        }
                        case 6:
                            return Call.invalid(
                                    "fromRowMajor(" + r + ", " + (c + 1) + ") short",
                                    DimensionMismatchException.class,
                                    () -> DenseMatrix.fromRowMajor(r + 1, c + 1, new double[(r + 1) * (c + 1) - 1]),
                                    String.valueOf((r + 1) * (c + 1) - 1));
                        case 7:
                            return Call.invalid(
                                    "wrap short array",
                                    DimensionMismatchException.class,
                                    () -> DenseMatrix.wrap(r + 1, c + 1, new double[(r + 1) * (c + 1) - 1]),
                                    "the array has " + ((r + 1) * (c + 1) - 1));
                        case 8:
                            return Call.invalid(
                                    "wrap with ld " + r + " < rows " + (r + d),
                                    IllegalArgumentException.class,
                                    () -> DenseMatrix.wrap(new double[100], 0, r + d, c, r),
                                    "ld = " + r);
                        case 9:
                            return Call.invalid(
                                    "wrap with offset " + -d,
                                    IllegalArgumentException.class,
                                    () -> DenseMatrix.wrap(new double[100], -d, r, c, Math.max(1, r)),
                                    "offset",
                                    String.valueOf(-d));
                        default:
                            return Call.valid("dense factories " + shape(r, c), () -> {
                                DenseMatrix.zeros(r, c);
                                DenseMatrix.identity(r);
                                DenseMatrix.of(new double[r][c]);
                                DenseMatrix.fromRowMajor(r, c, new double[r * c]);
                                DenseMatrix.wrap(new double[r * c + d], d, r, c, Math.max(1, r));
                                DenseMatrix.diagonal(new double[c]);
                            });
                    }
                });
    }

    private static Arbitrary<Call> denseAccess() {
        Arbitrary<Integer> index = Arbitraries.integers().between(-2, 6);
        return Combinators.combine(
                        dim(), dim(), index, index, Arbitraries.integers().between(0, 2))
                .as((r, c, i, j, op) -> {
                    DenseMatrix a = gaussian(r + 2, c + 3, 1).view(1, 2, r, c);
                    String name =
                            (op == 0 ? "get" : op == 1 ? "set" : "add") + "(" + i + ", " + j + ") on " + shape(r, c);
                    Body body = op == 0 ? () -> a.get(i, j) : op == 1 ? () -> a.set(i, j, 1) : () -> a.add(i, j, 1);
                    boolean inside = i >= 0 && i < r && j >= 0 && j < c;
                    return inside
                            ? Call.valid(name, body)
                            : Call.invalid(
                                    name, IndexOutOfBoundsException.class, body, "(" + i + ", " + j + ")", shape(r, c));
                });
    }

    private static Arbitrary<Call> denseViews() {
        Arbitrary<Integer> index = Arbitraries.integers().between(-2, 6);
        return Combinators.combine(
                        dim(), dim(), index, index, Arbitraries.integers().between(0, 3))
                .as((r, c, i, n, op) -> {
                    DenseMatrix a = DenseMatrix.zeros(r, c);
                    switch (op) {
                        case 0: {
                            boolean ok = i >= 0 && i < c;
                            return ok
                                    ? Call.valid("column(" + i + ") of " + shape(r, c), () -> a.column(i))
                                    : Call.invalid(
                                            "column(" + i + ") of " + shape(r, c),
                                            IndexOutOfBoundsException.class,
                                            () -> a.column(i),
                                            shape(r, c));
                        }
                        case 1: {
                            boolean ok = i >= 0 && i < r;
                            return ok
                                    ? Call.valid("row(" + i + ") of " + shape(r, c), () -> a.row(i))
                                    : Call.invalid(
                                            "row(" + i + ") of " + shape(r, c),
                                            IndexOutOfBoundsException.class,
                                            () -> a.row(i),
                                            shape(r, c));
                        }
                        case 2: {
                            boolean ok = i >= 0 && n >= 0 && i + n <= c;
                            String name = "columns(" + i + ", " + n + ") of " + shape(r, c);
                            return ok
                                    ? Call.valid(name, () -> a.columns(i, n))
                                    : Call.invalid(
                                            name, IndexOutOfBoundsException.class, () -> a.columns(i, n), shape(r, c));
                        }
                        default: {
                            boolean ok = i >= 0 && n >= 0 && i + n <= r;
                            String name = "rowBlock(" + i + ", " + n + ") of " + shape(r, c);
                            return ok
                                    ? Call.valid(name, () -> a.rowBlock(i, n))
                                    : Call.invalid(
                                            name, IndexOutOfBoundsException.class, () -> a.rowBlock(i, n), shape(r, c));
                        }
                    }
                });
    }

    private static Arbitrary<Call> denseCopies() {
        return Combinators.combine(
                        dim(), dim(), fault(3), Arbitraries.integers().between(1, 2))
                .as((r, c, f, d) -> {
                    DenseMatrix a = DenseMatrix.zeros(r, c);
                    switch (f) {
                        case 1:
                            return Call.invalid(
                                    "copyFrom " + shape(r + d, c) + " into " + shape(r, c),
                                    DimensionMismatchException.class,
                                    () -> a.copyFrom(DenseMatrix.zeros(r + d, c)),
                                    shape(r + d, c),
                                    shape(r, c));
                        case 2:
                            return Call.invalid(
                                    "copyFrom(null)", NullPointerException.class, () -> a.copyFrom(null), "source");
                        case 3:
                            return Call.invalid(
                                    "copyFrom sparse " + shape(r, c + d),
                                    DimensionMismatchException.class,
                                    () -> a.copyFrom(
                                            SparseMatrix.builder(r, c + d).build(Format.CSR)),
                                    shape(r, c + d));
                        default:
                            return Call.valid("copies of " + shape(r, c), () -> {
                                a.copyFrom(gaussian(r, c, 2));
                                a.copy();
                                a.transpose();
                                a.toArray();
                                a.toColumnMajorArray();
                                a.toRowMajorArray();
                                a.fill(1.0);
                                a.toString();
                                SparseMatrix.fromDense(a, Format.CSC).toDense();
                            });
                    }
                });
    }

    private static Arbitrary<Call> sparseOf() {
        return Combinators.combine(Arbitraries.of(Format.class), dim(), dim(), fault(10), Arbitraries.longs())
                .as((format, r, c, f, seed) -> {
                    SparseMatrix s = SparseMatrix.fromDense(sparsePattern(r, c, seed), format);
                    int[] ptr = s.pointers().clone();
                    int[] idx = s.indices().clone();
                    double[] val = s.values().clone();
                    int major = format == Format.CSR ? r : c;
                    int minor = format == Format.CSR ? c : r;
                    int nnz = val.length;
                    String name = "SparseMatrix.of " + format + " " + shape(r, c) + " nnz=" + nnz + " fault " + f;
                    switch (f) {
                        case 1:
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> SparseMatrix.of(format, r, c, Arrays.copyOf(ptr, major + 2), idx, val),
                                    String.valueOf(major + 2));
                        case 2:
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> SparseMatrix.of(format, r, c, ptr, idx, Arrays.copyOf(val, nnz + 1)),
                                    String.valueOf(nnz + 1));
                        case 3: {
                            ptr[major] = nnz + 1;
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.of(format, r, c, ptr, idx, val),
                                    String.valueOf(nnz + 1));
                        }
                        case 4: {
                            ptr[0] = -1;
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.of(format, r, c, ptr, idx, val),
                                    "-1");
                        }
                        case 5: {
                            if (nnz == 0 || major < 2) {
                                return Call.valid(name, () -> SparseMatrix.of(format, r, c, ptr, idx, val));
                            }
                            // A middle pointer past nnz, so the following one decreases.
                            ptr[1] = nnz + 3;
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.of(format, r, c, ptr, idx, val),
                                    String.valueOf(nnz + 3));
                        }
                        case 6: {
                            if (nnz == 0) {
                                return Call.valid(name, () -> SparseMatrix.of(format, r, c, ptr, idx, val));
                            }
                            idx[nnz - 1] = minor;
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.of(format, r, c, ptr, idx, val),
                                    "index " + minor);
                        }
                        case 7: {
                            if (nnz == 0) {
                                return Call.valid(name, () -> SparseMatrix.of(format, r, c, ptr, idx, val));
                            }
                            idx[0] = -1;
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.of(format, r, c, ptr, idx, val),
                                    "-1");
                        }
                        case 8: {
                            // Duplicate the first entry of the first line that has two entries.
                            for (int line = 0; line < major; line++) {
                                if (ptr[line + 1] - ptr[line] >= 2) {
                                    idx[ptr[line] + 1] = idx[ptr[line]];
                                    return Call.invalid(
                                            name,
                                            IllegalArgumentException.class,
                                            () -> SparseMatrix.of(format, r, c, ptr, idx, val),
                                            "line " + line);
                                }
                            }
                            return Call.valid(name, () -> SparseMatrix.of(format, r, c, ptr, idx, val));
                        }
                        case 9:
                            return Call.invalid(
                                    name,
                                    NullPointerException.class,
                                    () -> SparseMatrix.of(format, r, c, null, idx, val),
                                    "pointers");
                        case 10:
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.of(format, -1 - r, c, ptr, idx, val),
                                    String.valueOf(-1 - r));
                        default:
                            return Call.valid(name, () -> SparseMatrix.of(format, r, c, ptr, idx, val));
                    }
                });
    }

    private static Arbitrary<Call> sparseBuilder() {
        Arbitrary<Integer> index = Arbitraries.integers().between(-2, 6);
        return Combinators.combine(
                        dim(), dim(), index, index, Arbitraries.of(1.0, -0.5, Double.NaN, Double.NEGATIVE_INFINITY))
                .as((r, c, i, j, v) -> {
                    CooBuilder b = SparseMatrix.builder(r, c);
                    String name = "builder " + shape(r, c) + ".add(" + i + ", " + j + ", " + v + ")";
                    Body body = () -> b.add(i, j, v).build(Format.CSR);
                    if (i < 0 || i >= r || j < 0 || j >= c) {
                        return Call.invalid(name, IndexOutOfBoundsException.class, body, "(" + i + ", " + j + ")");
                    }
                    if (!Double.isFinite(v)) {
                        return Call.invalid(name, NonFiniteValueException.class, body, String.valueOf(v));
                    }
                    return Call.valid(name, body);
                });
    }

    private static Arbitrary<Call> sparseAccess() {
        Arbitrary<Integer> index = Arbitraries.integers().between(-2, 6);
        return Combinators.combine(Arbitraries.of(Format.class), dim(), dim(), index, index, fault(4))
                .as((format, r, c, i, j, f) -> {
                    SparseMatrix s = SparseMatrix.fromDense(sparsePattern(r, c, 3), format);
                    switch (f) {
                        case 1:
                            return Call.invalid(
                                    "builder(" + -(r + 1) + ", " + c + ")",
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.builder(-(r + 1), c),
                                    String.valueOf(-(r + 1)));
                        case 2:
                            return Call.invalid(
                                    "fromDense(null)",
                                    NullPointerException.class,
                                    () -> SparseMatrix.fromDense(null, format),
                                    "source");
                        case 3:
                            return Call.invalid(
                                    "identity(" + -(r + 1) + ")",
                                    IllegalArgumentException.class,
                                    () -> SparseMatrix.identity(-(r + 1), format),
                                    String.valueOf(-(r + 1)));
                        case 4:
                            return Call.invalid(
                                    "withFormat(null)", NullPointerException.class, () -> s.withFormat(null), "target");
                        default: {
                            String name = "sparse get(" + i + ", " + j + ") on " + shape(r, c);
                            boolean inside = i >= 0 && i < r && j >= 0 && j < c;
                            return inside
                                    ? Call.valid(name, () -> {
                                        s.get(i, j);
                                        s.transpose()
                                                .toCsr()
                                                .toCsc()
                                                .scale(2)
                                                .copy()
                                                .toDense();
                                    })
                                    : Call.invalid(
                                            name,
                                            IndexOutOfBoundsException.class,
                                            () -> s.get(i, j),
                                            "(" + i + ", " + j + ")");
                        }
                    }
                });
    }

    private static Arbitrary<Call> shapes() {
        Arbitrary<Integer> n = Arbitraries.integers().between(-3, 4);
        return Combinators.combine(n, n).as((r, c) -> {
            String name = "new Shape(" + r + ", " + c + ")";
            if (r < 0) {
                return Call.invalid(
                        name, IllegalArgumentException.class, () -> new Shape(r, c), "rows", String.valueOf(r));
            }
            if (c < 0) {
                return Call.invalid(
                        name, IllegalArgumentException.class, () -> new Shape(r, c), "cols", String.valueOf(c));
            }
            return Call.valid(name, () -> new Shape(r, c).transpose().size());
        });
    }

    private static Arbitrary<Call> conversions() {
        return Combinators.combine(dim(), dim(), Arbitraries.integers().between(0, 3))
                .as((r, c, lib) -> {
                    DenseMatrix a = gaussian(r, c, 4);
                    boolean empty = r == 0 || c == 0;
                    switch (lib) {
                        case 0:
                            return empty
                                    ? Call.invalid(
                                            "toHipparchus " + shape(r, c),
                                            IllegalArgumentException.class,
                                            () -> RealMatrixConversions.toHipparchus(a),
                                            shape(r, c))
                                    : Call.valid(
                                            "Hipparchus round trip " + shape(r, c),
                                            () -> RealMatrixConversions.fromHipparchus(
                                                    RealMatrixConversions.toHipparchus(a)));
                        case 1:
                            return empty
                                    ? Call.invalid(
                                            "toCommonsMath " + shape(r, c),
                                            IllegalArgumentException.class,
                                            () -> RealMatrixConversions.toCommonsMath(
                                                    SparseMatrix.fromDense(a, Format.CSR)),
                                            shape(r, c))
                                    : Call.valid(
                                            "Commons Math round trip " + shape(r, c),
                                            () -> RealMatrixConversions.fromCommonsMath(
                                                    RealMatrixConversions.toCommonsMath(a)));
                        case 2:
                            return Call.invalid(
                                    "fromHipparchus(null)",
                                    NullPointerException.class,
                                    () -> RealMatrixConversions.fromHipparchus(null),
                                    "source");
                        default:
                            return Call.invalid(
                                    "toCommonsMath(null)",
                                    NullPointerException.class,
                                    () -> RealMatrixConversions.toCommonsMath(null),
                                    "source");
                    }
                });
    }

    // ---------------------------------------------------------------- operator

    /** One operator of each kind, \(r \times c\) (the square kinds use \(r \times r\)). */
    private static LinearOperator operator(int kind, int r, int c, long seed) {
        DenseMatrix a = gaussian(r, c, seed);
        switch (kind) {
            case 0:
                return LinearOperator.of(a);
            case 1:
                return LinearOperator.of(SparseMatrix.fromDense(sparsePattern(r, c, seed), Format.CSC));
            case 2:
                return LinearOperator.identity(r);
            case 3:
                return LinearOperator.diagonal(gaussian(r, 1, seed).toColumnMajorArray());
            case 4:
                return LinearOperator.of(a).scale(-2).plus(LinearOperator.of(gaussian(r, c, seed + 1)));
            case 5:
                return LinearOperator.of(a)
                        .times(LinearOperator.identity(c))
                        .transpose()
                        .transpose();
            case 6:
                return LinearOperator.kronecker(LinearOperator.of(gaussian(1, 1, seed)), LinearOperator.of(a));
            case 7:
                return LinearOperator.kronecker(
                        LinearOperator.fromFunctions(1, 1, (x, y) -> y.copyFrom(x), (x, y) -> y.copyFrom(x)),
                        LinearOperator.of(a));
            default:
                return LinearOperator.fromFunctions(
                        r, c, (x, y) -> Blas.gemm(N, N, 1, a, x, 0, y), (x, y) -> Blas.gemm(T, N, 1, a, x, 0, y));
        }
    }

    private static Arbitrary<Call> operatorApply() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(Transpose.class),
                        fault(9))
                .as((kind, r, c, k, trans, f) -> {
                    LinearOperator op = operator(kind, r, c, 5);
                    int m = trans.isTranspose() ? op.cols() : op.rows();
                    int n = trans.isTranspose() ? op.rows() : op.cols();
                    DenseMatrix x = gaussian(n, k, 6);
                    DenseMatrix y = DenseMatrix.zeros(m, k);
                    String name = "apply " + trans + " of " + op + " to x " + shape(n, k) + " fault " + f;
                    switch (f) {
                        case 1: {
                            DenseMatrix bad = DenseMatrix.zeros(n + 1, k);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> op.apply(trans, bad, y),
                                    "x is " + bad.shape());
                        }
                        case 2: {
                            DenseMatrix bad = DenseMatrix.zeros(m + 2, k);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> op.apply(trans, x, bad),
                                    "y is " + bad.shape());
                        }
                        case 3: {
                            DenseMatrix bad = DenseMatrix.zeros(m, k + 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> op.apply(trans, 2.0, x, 1.0, bad),
                                    "y is " + bad.shape());
                        }
                        case 4:
                            return Call.invalid(name, NullPointerException.class, () -> op.apply(null, x, y), "trans");
                        case 5:
                            return Call.invalid(name, NullPointerException.class, () -> op.apply(trans, x, null), "y");
                        case 6: {
                            // x and y overlap in a shared parent (all dimensions are at least 1).
                            DenseMatrix parent = gaussian(Math.max(m, n), k + 2, 7);
                            DenseMatrix xs = parent.view(0, 0, n, k + 1);
                            DenseMatrix ys = parent.view(0, k == 0 ? 0 : 1, m, k + 1);
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> op.apply(trans, xs, ys),
                                    "shares storage");
                        }
                        case 7: {
                            DenseMatrix bad = DenseMatrix.zeros(op.cols() + 1, k);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> op.apply(bad),
                                    bad.shape().toString());
                        }
                        case 8: {
                            DenseMatrix bad = DenseMatrix.zeros(op.rows() + 1, k);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> op.applyTranspose(bad),
                                    bad.shape().toString());
                        }
                        case 9:
                            return Call.invalid(name, NullPointerException.class, () -> op.apply(null), "x");
                        default:
                            return Call.valid(name, () -> {
                                op.apply(trans, x, y);
                                op.apply(trans, -1.0, x, 0.5, y);
                                op.toDense();
                            });
                    }
                });
    }

    private static Arbitrary<Call> operatorFactories() {
        return Combinators.combine(dim(), dim(), Arbitraries.integers().between(0, 7))
                .as((r, c, f) -> {
                    switch (f) {
                        case 0:
                            return Call.invalid(
                                    "identity(" + -(r + 1) + ")",
                                    IllegalArgumentException.class,
                                    () -> LinearOperator.identity(-(r + 1)),
                                    String.valueOf(-(r + 1)));
                        case 1:
                            return Call.invalid(
                                    "fromFunctions(" + r + ", " + -(c + 1) + ")",
                                    IllegalArgumentException.class,
                                    () -> LinearOperator.fromFunctions(r, -(c + 1), (x, y) -> {}, (x, y) -> {}),
                                    "cols",
                                    String.valueOf(-(c + 1)));
                        case 2:
                            return Call.invalid(
                                    "fromFunctions null forward",
                                    NullPointerException.class,
                                    () -> LinearOperator.fromFunctions(r, c, null, (x, y) -> {}),
                                    "forward");
                        case 3:
                            return Call.invalid(
                                    "diagonal(null)",
                                    NullPointerException.class,
                                    () -> LinearOperator.diagonal((double[]) null),
                                    "diagonal");
                        case 4:
                            return Call.invalid(
                                    "kronecker(a, null)",
                                    NullPointerException.class,
                                    () -> LinearOperator.kronecker(LinearOperator.identity(r), null),
                                    "b");
                        case 5:
                            return Call.invalid(
                                    "of(null)", NullPointerException.class, () -> LinearOperator.of(null), "a");
                        case 6:
                            return Call.invalid(
                                    "kronecker of " + (r + 50_000) + " and " + (c + 50_000) + " rows",
                                    SizeLimitExceededException.class,
                                    () -> LinearOperator.kronecker(
                                            LinearOperator.identity(r + 50_000), LinearOperator.identity(c + 50_000)),
                                    String.valueOf((long) (r + 50_000) * (c + 50_000)));
                        default:
                            return Call.valid("factories " + shape(r, c), () -> {
                                LinearOperator.identity(r).toDense();
                                LinearOperator.diagonal(new double[c]).toDense();
                                LinearOperator.kronecker(
                                                LinearOperator.identity(r), LinearOperator.of(DenseMatrix.zeros(r, c)))
                                        .toDense();
                                LinearOperator.fromFunctions(r, c, (x, y) -> y.fill(0), (x, y) -> y.fill(0))
                                        .toDense();
                            });
                    }
                });
    }

    private static Arbitrary<Call> operatorCombinators() {
        return Combinators.combine(dim(), dim(), Arbitraries.integers().between(1, 2), fault(4))
                .as((r, c, d, f) -> {
                    LinearOperator a = LinearOperator.of(DenseMatrix.zeros(r, c));
                    switch (f) {
                        case 1:
                            return Call.invalid(
                                    "plus " + shape(r, c) + " and " + shape(r, c + d),
                                    DimensionMismatchException.class,
                                    () -> a.plus(LinearOperator.of(DenseMatrix.zeros(r, c + d))),
                                    shape(r, c),
                                    shape(r, c + d));
                        case 2:
                            return Call.invalid(
                                    "times " + shape(r, c) + " and " + shape(c + d, r),
                                    DimensionMismatchException.class,
                                    () -> a.times(LinearOperator.of(DenseMatrix.zeros(c + d, r))),
                                    shape(r, c),
                                    shape(c + d, r));
                        case 3:
                            return Call.invalid(
                                    "scale(NaN)", NonFiniteValueException.class, () -> a.scale(Double.NaN), "NaN");
                        case 4:
                            return Call.invalid("plus(null)", NullPointerException.class, () -> a.plus(null), "other");
                        default:
                            return Call.valid("combinators " + shape(r, c), () -> a.plus(a)
                                    .scale(3)
                                    .times(LinearOperator.identity(c))
                                    .transpose()
                                    .toDense());
                    }
                });
    }

    // ---------------------------------------------------------------- blas

    private static Arbitrary<Call> blasGemm() {
        return Combinators.combine(
                        dim(), dim(), dim(), Arbitraries.of(Transpose.class), Arbitraries.of(Transpose.class), fault(8))
                .as((m, n, k, ta, tb, f) -> {
                    DenseMatrix a = ta.isTranspose() ? gaussian(k, m, 8) : gaussian(m, k, 8);
                    DenseMatrix b = tb.isTranspose() ? gaussian(n, k, 9) : gaussian(k, n, 9);
                    DenseMatrix c = DenseMatrix.zeros(m, n);
                    String name = "gemm " + ta + " " + tb + " m=" + m + " n=" + n + " k=" + k + " fault " + f;
                    switch (f) {
                        case 1: {
                            DenseMatrix bad =
                                    ta.isTranspose() ? DenseMatrix.zeros(k + 1, m) : DenseMatrix.zeros(m, k + 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.gemm(ta, tb, 1, bad, b, 0, c),
                                    bad.shape().toString());
                        }
                        case 2: {
                            DenseMatrix bad = DenseMatrix.zeros(m + 1, n);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.gemm(ta, tb, 1, a, b, 0, bad),
                                    "c is " + bad.shape());
                        }
                        case 3:
                            return Call.invalid(
                                    name, NullPointerException.class, () -> Blas.gemm(ta, tb, 1, a, null, 0, c), "b");
                        case 4:
                            return Call.invalid(
                                    name,
                                    NullPointerException.class,
                                    () -> Blas.gemm(null, tb, 1, a, b, 0, c),
                                    "transA");
                        case 5: {
                            // c overlaps a inside a shared parent.
                            DenseMatrix parent = gaussian(m + k + 2, m + n + k + 2, 10);
                            DenseMatrix as = ta.isTranspose()
                                    ? parent.view(0, 0, k + 1, m + 1)
                                    : parent.view(0, 0, m + 1, k + 1);
                            DenseMatrix bs = tb.isTranspose() ? gaussian(n + 1, k + 1, 11) : gaussian(k + 1, n + 1, 11);
                            DenseMatrix cs = parent.view(0, 0, m + 1, n + 1);
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> Blas.gemm(ta, tb, 1, as, bs, 0, cs),
                                    "shares storage");
                        }
                        case 6: {
                            SparseMatrix sa = SparseMatrix.fromDense(a, Format.CSR);
                            DenseMatrix bad = DenseMatrix.zeros(m, n + 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.gemm(ta, tb, 1, sa, b, 0, bad),
                                    "c is " + bad.shape());
                        }
                        case 7: {
                            DenseMatrix bad =
                                    tb.isTranspose() ? DenseMatrix.zeros(n, k + 2) : DenseMatrix.zeros(k + 2, n);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.multiply(ta, tb, a, bad),
                                    bad.shape().toString());
                        }
                        case 8: {
                            DenseMatrix bad = DenseMatrix.zeros(a.cols() + 1, 2);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.multiply(a, bad),
                                    bad.shape().toString());
                        }
                        default:
                            return Call.valid(name, () -> {
                                Blas.gemm(ta, tb, 1.5, a, b, 0.5, c);
                                Blas.gemm(ta, tb, 1, SparseMatrix.fromDense(a, Format.CSC), b, 1, c);
                                Blas.gemm(ta, tb, 1, a, SparseMatrix.fromDense(b, Format.CSR), 1, c);
                                Blas.multiply(ta, tb, a, b);
                            });
                    }
                });
    }

    private static Arbitrary<Call> blasLevel2() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of(Transpose.class),
                        fault(6))
                .as((m, n, trans, f) -> {
                    DenseMatrix a = gaussian(m, n, 12);
                    int xl = trans.isTranspose() ? m : n;
                    int yl = trans.isTranspose() ? n : m;
                    DenseMatrix x = gaussian(xl, 1, 13);
                    DenseMatrix y = gaussian(1, yl, 14);
                    String name = "level 2 " + shape(m, n) + " " + trans + " fault " + f;
                    switch (f) {
                        case 1: {
                            DenseMatrix bad = DenseMatrix.zeros(xl + 1, 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.gemv(trans, 1, a, bad, 0, y),
                                    bad.shape().toString());
                        }
                        case 2: {
                            DenseMatrix bad = DenseMatrix.zeros(2, 2);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.gemv(trans, 1, a, x, 0, bad),
                                    "2x2");
                        }
                        case 3: {
                            DenseMatrix bad = DenseMatrix.zeros(m + 1, 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.ger(1, bad, DenseMatrix.zeros(n, 1), a),
                                    bad.shape().toString());
                        }
                        case 4:
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.symv(
                                            Triangle.UPPER,
                                            1,
                                            gaussian(m, m + 1, 15),
                                            DenseMatrix.zeros(m, 1),
                                            0,
                                            DenseMatrix.zeros(m, 1)),
                                    shape(m, m + 1));
                        case 5:
                            // y is a column of a itself.
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> Blas.gemv(N, 1, a, DenseMatrix.zeros(n, 1), 0, a.column(0)),
                                    "shares storage");
                        case 6:
                            return Call.invalid(
                                    name, NullPointerException.class, () -> Blas.gemv(trans, 1, a, null, 0, y), "x");
                        default:
                            return Call.valid(name, () -> {
                                Blas.gemv(trans, 2, a, x, 1, y);
                                Blas.gemv(trans, 2, SparseMatrix.fromDense(a, Format.CSR), x, 0, y);
                                Blas.ger(0.5, DenseMatrix.zeros(m, 1), DenseMatrix.zeros(1, n), a);
                                DenseMatrix s = gaussian(n, n, 16);
                                Blas.symv(Triangle.LOWER, 1, s, gaussian(n, 1, 17), 0, DenseMatrix.zeros(1, n));
                            });
                    }
                });
    }

    private static Arbitrary<Call> blasLevel3() {
        return Combinators.combine(dim(), dim(), Arbitraries.of(Side.class), Arbitraries.of(Transpose.class), fault(6))
                .as((m, n, side, trans, f) -> {
                    int order = side == Side.LEFT ? m : n;
                    DenseMatrix tri = gaussian(order, order, 18);
                    for (int i = 0; i < order; i++) {
                        tri.set(i, i, 4.0 + i); // well away from singular
                    }
                    DenseMatrix b = gaussian(m, n, 19);
                    String name = "level 3 " + side + " " + trans + " b " + shape(m, n) + " fault " + f;
                    switch (f) {
                        case 1: {
                            DenseMatrix bad = DenseMatrix.zeros(order + 1, order + 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.trsm(side, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1, bad, b),
                                    bad.shape().toString());
                        }
                        case 2: {
                            DenseMatrix bad = DenseMatrix.zeros(order, order + 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.trmm(side, Triangle.LOWER, trans, Diagonal.UNIT, 1, bad, b),
                                    bad.shape().toString());
                        }
                        case 3: {
                            DenseMatrix bad = DenseMatrix.zeros(m + 1, m + 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.syrk(Triangle.UPPER, N, 1, b, 0, bad),
                                    bad.shape().toString());
                        }
                        case 4: {
                            DenseMatrix other = DenseMatrix.zeros(m, n + 1);
                            return Call.invalid(
                                    name,
                                    DimensionMismatchException.class,
                                    () -> Blas.syr2k(Triangle.LOWER, trans, 1, b, other, 0, DenseMatrix.zeros(m, m)),
                                    other.shape().toString());
                        }
                        case 5: {
                            // b is the triangle itself (order at least 1).
                            DenseMatrix s = gaussian(order + 1, order + 1, 20);
                            return Call.invalid(
                                    name,
                                    IllegalArgumentException.class,
                                    () -> Blas.trmm(Side.LEFT, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1, s, s),
                                    "shares storage");
                        }
                        case 6:
                            return Call.invalid(
                                    name,
                                    NullPointerException.class,
                                    () -> Blas.trsm(side, null, trans, Diagonal.NON_UNIT, 1, tri, b),
                                    "triangle");
                        default:
                            return Call.valid(name, () -> {
                                Blas.trsm(side, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1, tri, b);
                                Blas.trmm(side, Triangle.LOWER, trans, Diagonal.UNIT, 2, tri, b);
                                int p = trans.isTranspose() ? n : m;
                                Blas.syrk(Triangle.LOWER, trans, 1, b, 0, DenseMatrix.zeros(p, p));
                                Blas.syr2k(Triangle.UPPER, trans, 1, b, gaussian(m, n, 21), 0, DenseMatrix.zeros(p, p));
                            });
                    }
                });
    }

    private static Arbitrary<Call> blasLevel1() {
        return Combinators.combine(dim(), dim(), fault(5)).as((m, n, f) -> {
            DenseMatrix x = gaussian(m, n, 22);
            DenseMatrix y = gaussian(m, n, 23);
            String name = "level 1 " + shape(m, n) + " fault " + f;
            switch (f) {
                case 1: {
                    DenseMatrix bad = DenseMatrix.zeros(m + 2, n + 1);
                    return Call.invalid(
                            name,
                            DimensionMismatchException.class,
                            () -> Blas.axpy(1, x, bad),
                            bad.shape().toString());
                }
                case 2: {
                    DenseMatrix bad = DenseMatrix.zeros(m + 2, n + 1);
                    return Call.invalid(
                            name,
                            DimensionMismatchException.class,
                            () -> Blas.dot(bad, y),
                            bad.shape().toString());
                }
                case 3:
                    return Call.invalid(name, NullPointerException.class, () -> Blas.nrm2(null), "x");
                case 4:
                    return Call.invalid(name, NullPointerException.class, () -> Blas.scal(2, null), "x");
                case 5: {
                    DenseMatrix parent = gaussian(m + 1, n + 2, 24);
                    DenseMatrix xs = parent.view(0, 0, m + 1, n + 1);
                    DenseMatrix ys = parent.view(0, n == 0 ? 0 : 1, m + 1, n + 1);
                    return Call.invalid(
                            name, IllegalArgumentException.class, () -> Blas.axpy(1, xs, ys), "shares storage");
                }
                default:
                    return Call.valid(name, () -> {
                        Blas.axpy(2, x, y);
                        Blas.dot(x, y);
                        Blas.nrm2(x);
                        Blas.scal(0.5, y);
                    });
            }
        });
    }

    // ---------------------------------------------------------------- error

    private static Arbitrary<Call> requireChecks() {
        Arbitrary<Integer> ints = Arbitraries.integers().between(-3, 3);
        Arbitrary<Double> doubles = Arbitraries.of(-1.0, -0.0, 0.0, 1e-300, 2.5, Double.NaN, Double.POSITIVE_INFINITY);
        return Combinators.combine(Arbitraries.integers().between(0, 6), ints, doubles, dim(), dim())
                .as((check, v, d, r, c) -> {
                    switch (check) {
                        case 0:
                            return v > 0
                                    ? Call.valid("positive(" + v + ")", () -> Require.positive("k", v))
                                    : Call.invalid(
                                            "positive(" + v + ")",
                                            IllegalArgumentException.class,
                                            () -> Require.positive("k", v),
                                            "k",
                                            String.valueOf(v));
                        case 1:
                            return v >= 0
                                    ? Call.valid("nonNegative(" + v + ")", () -> Require.nonNegative("n", v))
                                    : Call.invalid(
                                            "nonNegative(" + v + ")",
                                            IllegalArgumentException.class,
                                            () -> Require.nonNegative("n", v),
                                            "n",
                                            String.valueOf(v));
                        case 2:
                            return d > 0 && d < Double.POSITIVE_INFINITY
                                    ? Call.valid("positive(" + d + ")", () -> Require.positive("tol", d))
                                    : Call.invalid(
                                            "positive(" + d + ")",
                                            IllegalArgumentException.class,
                                            () -> Require.positive("tol", d),
                                            "tol",
                                            String.valueOf(d));
                        case 3:
                            return Double.isFinite(d)
                                    ? Call.valid("finite(" + d + ")", () -> Require.finite("alpha", d))
                                    : Call.invalid(
                                            "finite(" + d + ")",
                                            NonFiniteValueException.class,
                                            () -> Require.finite("alpha", d),
                                            String.valueOf(d));
                        case 4:
                            return v >= -1 && v <= 1
                                    ? Call.valid("inRange(" + v + ")", () -> Require.inRange("i", v, -1, 1))
                                    : Call.invalid(
                                            "inRange(" + v + ")",
                                            IllegalArgumentException.class,
                                            () -> Require.inRange("i", v, -1, 1),
                                            String.valueOf(v));
                        case 5: {
                            DenseMatrix a = DenseMatrix.zeros(r, c);
                            DenseMatrix b = DenseMatrix.zeros(c + (v & 1), r);
                            String name = "multipliable " + a.shape() + " " + b.shape();
                            return (v & 1) == 0
                                    ? Call.valid(name, () -> Require.multipliable("op", a, b))
                                    : Call.invalid(
                                            name,
                                            DimensionMismatchException.class,
                                            () -> Require.multipliable("op", a, b),
                                            a.shape().toString(),
                                            b.shape().toString());
                        }
                        default: {
                            DenseMatrix a = gaussian(r, c, 25);
                            if (r > 0 && c > 0 && !Double.isFinite(d)) {
                                a.set(r - 1, c - 1, d);
                                return Call.invalid(
                                        "allFinite with " + d,
                                        NonFiniteValueException.class,
                                        () -> Require.allFinite("a", a),
                                        "(" + (r - 1) + ", " + (c - 1) + ")");
                            }
                            return Call.valid("allFinite " + a.shape(), () -> Require.allFinite("a", a));
                        }
                    }
                });
    }

    // ------------------------------------------------------------------ helpers

    /** The documented types: NPE, IAE and its subclasses in dev.nla.core.error, IOOBE itself. */
    static boolean isDocumentedType(Throwable t) {
        Class<?> type = t.getClass();
        return type == NullPointerException.class
                || type == IllegalArgumentException.class
                || type == IndexOutOfBoundsException.class
                || (t instanceof IllegalArgumentException
                        && type.getPackageName().equals("dev.nla.core.error"));
    }

    /** A Gaussian matrix with a fixed pattern of zeros (some rows and columns empty). */
    private static DenseMatrix sparsePattern(int rows, int cols, long seed) {
        DenseMatrix d = gaussian(rows, cols, seed);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if ((i + 2 * j) % 3 == 1) {
                    d.set(i, j, 0.0);
                }
            }
        }
        return d;
    }

    /** Reads every entry, so a matrix accepted with inconsistent storage fails here. */
    private static void readEverything(Matrix a) {
        double sum = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                sum += a.get(i, j);
            }
        }
        assertThat(sum).isNotNaN();
    }

    /** The compressed-storage invariants, checked independently of {@link SparseMatrix#of}. */
    private static boolean satisfiesCompressedInvariants(
            Format format, int rows, int cols, int[] ptr, int[] idx, double[] val) {
        if (rows < 0 || cols < 0 || idx.length != val.length) {
            return false;
        }
        int major = format == Format.CSR ? rows : cols;
        int minor = format == Format.CSR ? cols : rows;
        if (ptr.length != major + 1 || ptr[0] != 0 || ptr[major] != idx.length) {
            return false;
        }
        List<Integer> seen = new ArrayList<>();
        for (int line = 0; line < major; line++) {
            if (ptr[line + 1] < ptr[line] || ptr[line + 1] > idx.length) {
                return false;
            }
            for (int p = ptr[line]; p < ptr[line + 1]; p++) {
                if (idx[p] < 0 || idx[p] >= minor || (p > ptr[line] && idx[p - 1] >= idx[p])) {
                    return false;
                }
                seen.add(p);
            }
        }
        return seen.size() == idx.length;
    }
}
