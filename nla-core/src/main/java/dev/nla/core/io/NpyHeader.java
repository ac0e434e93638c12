package dev.nla.core.io;

import dev.nla.core.error.Require;
import dev.nla.core.matrix.Shape;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

/**
 * The validated header of a {@code .npy} file: what the data is and where it starts.
 *
 * @param version    the format version
 * @param dtype      the element type
 * @param byteOrder  the byte order of the data ({@code '='} in the file resolves to {@link
 *     ByteOrder#nativeOrder()})
 * @param order      C (row-major) or Fortran (column-major) element order
 * @param shape      the array dimensions, 0 to 2 of them, each {@code >= 0}; an unmodifiable copy
 * @param dataOffset byte offset of the first data byte: magic, version, length field and header
 */
public record NpyHeader(
        Npy.Version version,
        Npy.Dtype dtype,
        ByteOrder byteOrder,
        Npy.Order order,
        List<Integer> shape,
        long dataOffset) {
    /**
     * Validates and copies the components.
     *
     * @param version    the format version
     * @param dtype      the element type
     * @param byteOrder  the byte order of the data
     * @param order      the element order
     * @param shape      0 to 2 non-negative dimensions; copied
     * @param dataOffset byte offset of the data, {@code >= 0}
     * @throws NullPointerException     if a component or a dimension is null
     * @throws IllegalArgumentException if there are more than two dimensions, a dimension is
     *     negative, or {@code dataOffset < 0}
     */
    public NpyHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(order, "order");
        shape = List.copyOf(Objects.requireNonNull(shape, "shape"));
        if (shape.size() > 2) {
            throw new IllegalArgumentException("at most 2 dimensions are supported, got shape " + shape);
        }
        for (int k = 0; k < shape.size(); k++) {
            Require.nonNegative("shape[" + k + "]", shape.get(k));
        }
        Require.nonNegative("dataOffset", dataOffset);
    }

    /**
     * NumPy's descriptor of the element type, e.g. {@code "<f8"}.
     *
     * @return the byte order mark ({@code <} or {@code >}) and the type code
     */
    public String descr() {
        return dtype.descr(byteOrder);
    }

    /**
     * Number of array elements: the product of the dimensions (1 for a 0-dimensional array).
     *
     * @return the element count
     */
    public long elementCount() {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        return count;
    }

    /**
     * Number of data bytes the header announces.
     *
     * @return {@code elementCount() * dtype().itemSize()}, or {@code Long.MAX_VALUE} if that
     *     product overflows a {@code long} (two dimensions near {@code Integer.MAX_VALUE})
     */
    public long dataLength() {
        long count = elementCount();
        return count > Long.MAX_VALUE / dtype.itemSize() ? Long.MAX_VALUE : count * dtype.itemSize();
    }

    /**
     * The shape of the matrix this array is read as: {@code (m, n)} gives \(m \times n\), {@code
     * (n,)} gives \(n \times 1\) (a column vector), {@code ()} gives \(1 \times 1\).
     *
     * @return the matrix shape
     */
    public Shape matrixShape() {
        switch (shape.size()) {
            case 0:
                return new Shape(1, 1);
            case 1:
                return new Shape(shape.get(0), 1);
            default:
                return new Shape(shape.get(0), shape.get(1));
        }
    }
}
