package dev.nla.core.io;

import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.core.testing.TestMatrices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Seeded test matrices and fixture access for the I/O tests. */
final class IoTestData {
    private IoTestData() {}

    /**
     * Gaussian entries scaled by \(2^k\), \(k\) uniform in \([-1000, 1000]\): full 53-bit
     * significands over most of the exponent range (subnormals included), the hard case for exact
     * binary and decimal round trips.
     */
    static DenseMatrix wideRange(int rows, int cols, RngState state) {
        return scaled(rows, cols, state, -1000, 1000);
    }

    /**
     * As {@link #wideRange} with \(k\) in \([-150, 120]\) for float32 ({@code FLOAT32}): float
     * subnormals (below \(2^{-126}\)) and values up to \(8.6 \cdot 2^{120} \lt 2^{128}\), never an
     * overflow; {@link #wideRange} for float64.
     */
    static DenseMatrix forDtype(int rows, int cols, RngState state, Npy.Dtype dtype) {
        return dtype == Npy.Dtype.FLOAT32 ? scaled(rows, cols, state, -150, 120) : wideRange(rows, cols, state);
    }

    /** Gaussian entries (|z| below 8.6) times 2^k, k uniform in [lo, hi). */
    private static DenseMatrix scaled(int rows, int cols, RngState state, int lo, int hi) {
        DenseMatrix a = TestMatrices.gaussian(rows, cols, state);
        DenseMatrix u = RandomMatrices.generate(rows, cols, ScalarDistribution.UNIFORM_01, state.split(1))
                .value();
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                int k = lo + (int) Math.floor(u.get(i, j) * (hi - lo));
                a.set(i, j, Math.scalb(a.get(i, j), k));
            }
        }
        return a;
    }

    /** A sparse matrix whose entry (i, j) is stored with probability {@code density}, Gaussian values. */
    static SparseMatrix sparse(int rows, int cols, double density, RngState state, SparseMatrix.Format format) {
        DenseMatrix values = wideRange(rows, cols, state);
        DenseMatrix keep = RandomMatrices.generate(rows, cols, ScalarDistribution.UNIFORM_01, state.split(2))
                .value();
        CooBuilder b = SparseMatrix.builder(rows, cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                if (keep.get(i, j) < density) {
                    b.add(i, j, values.get(i, j));
                }
            }
        }
        return b.build(format);
    }

    /** The bytes of a test resource under {@code dev/nla/core/io/}. */
    static byte[] resource(String name) {
        try (InputStream in = IoTestData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The non-comment lines of a manifest, split on spaces. */
    static List<String[]> manifest(String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(resource(name), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.trim().split(" +"));
            }
        }
        return rows;
    }

    /** Parses Python's {@code float.hex()} output. */
    static double parseHex(String s) {
        switch (s) {
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                return Double.parseDouble(s);
        }
    }

    /** An m x n matrix from row-major hex values starting at {@code fields[first]}. */
    static DenseMatrix rowMajor(int rows, int cols, String[] fields, int first) {
        if (fields.length - first != rows * cols) {
            throw new IllegalStateException("manifest row has " + (fields.length - first) + " values, expected "
                    + rows * cols + ": " + fields[0]);
        }
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = parseHex(fields[first + k]);
        }
        return DenseMatrix.fromRowMajor(rows, cols, v);
    }
}
