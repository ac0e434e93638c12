package dev.nla.core.io;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Options of {@link Npy#write(dev.nla.core.matrix.DenseMatrix, java.nio.file.Path, NpyWriteOptions)}.
 *
 * @param dtype     element type; default {@link Npy.Dtype#FLOAT64}. {@link Npy.Dtype#FLOAT32} rounds
 *     each entry to the nearest float (ties to even)
 * @param byteOrder byte order of the data; default {@link ByteOrder#LITTLE_ENDIAN}
 * @param order     element order; default {@link Npy.Order#C} (what most {@code .npy} readers
 *     expect); {@link Npy.Order#FORTRAN} writes the columns one after another
 * @param version   format version; default {@link Npy.Version#V1_0}, which every NumPy reads
 */
public record NpyWriteOptions(Npy.Dtype dtype, ByteOrder byteOrder, Npy.Order order, Npy.Version version) {
    /**
     * Validates the options.
     *
     * @param dtype     element type
     * @param byteOrder byte order of the data
     * @param order     element order
     * @param version   format version
     * @throws NullPointerException if a component is null
     */
    public NpyWriteOptions {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The defaults: float64, little-endian, C order, version 1.0 ({@code np.save}'s choices on a
     * little-endian machine).
     *
     * @return the default options
     */
    public static NpyWriteOptions defaults() {
        return new NpyWriteOptions(Npy.Dtype.FLOAT64, ByteOrder.LITTLE_ENDIAN, Npy.Order.C, Npy.Version.V1_0);
    }

    /**
     * A copy with another element type.
     *
     * @param newDtype the element type; not null
     * @return the new options
     * @throws NullPointerException if {@code newDtype} is null
     */
    public NpyWriteOptions withDtype(Npy.Dtype newDtype) {
        return new NpyWriteOptions(newDtype, byteOrder, order, version);
    }

    /**
     * A copy with another byte order.
     *
     * @param newByteOrder the byte order; not null
     * @return the new options
     * @throws NullPointerException if {@code newByteOrder} is null
     */
    public NpyWriteOptions withByteOrder(ByteOrder newByteOrder) {
        return new NpyWriteOptions(dtype, newByteOrder, order, version);
    }

    /**
     * A copy with another element order.
     *
     * @param newOrder the element order; not null
     * @return the new options
     * @throws NullPointerException if {@code newOrder} is null
     */
    public NpyWriteOptions withOrder(Npy.Order newOrder) {
        return new NpyWriteOptions(dtype, byteOrder, newOrder, version);
    }

    /**
     * A copy with another format version.
     *
     * @param newVersion the version; not null
     * @return the new options
     * @throws NullPointerException if {@code newVersion} is null
     */
    public NpyWriteOptions withVersion(Npy.Version newVersion) {
        return new NpyWriteOptions(dtype, byteOrder, order, newVersion);
    }
}
