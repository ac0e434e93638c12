package dev.nla.core.io;

import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link Npy#read(java.nio.file.Path, NpyReadOptions)} and the stream readers.
 *
 * @param maxHeaderLength largest accepted header length in bytes, {@code >= 1}; a file announcing a
 *     longer header is refused before the header is read. Default {@value #DEFAULT_MAX_HEADER_LENGTH},
 *     NumPy's own default ({@code max_header_size}); headers written by NumPy for float arrays of at
 *     most two dimensions are under 200 bytes
 * @param trailingData    what reading a file does with bytes after the array data; default {@link
 *     Npy.TrailingData#REJECT}. Stream readers never read past the data and ignore this option
 */
public record NpyReadOptions(int maxHeaderLength, Npy.TrailingData trailingData) {
    /** Default {@link #maxHeaderLength()}: 10000 bytes, as {@code numpy.lib.format}. */
    public static final int DEFAULT_MAX_HEADER_LENGTH = 10_000;

    /**
     * Validates the options.
     *
     * @param maxHeaderLength largest accepted header length in bytes, {@code >= 1}
     * @param trailingData    what reading a file does with bytes after the data
     * @throws IllegalArgumentException if {@code maxHeaderLength < 1}
     * @throws NullPointerException     if {@code trailingData} is null
     */
    public NpyReadOptions {
        Require.positive("maxHeaderLength", maxHeaderLength);
        Objects.requireNonNull(trailingData, "trailingData");
    }

    /**
     * The defaults: a 10000-byte header limit, trailing bytes rejected.
     *
     * @return the default options
     */
    public static NpyReadOptions defaults() {
        return new NpyReadOptions(DEFAULT_MAX_HEADER_LENGTH, Npy.TrailingData.REJECT);
    }

    /**
     * A copy with another header length limit.
     *
     * @param bytes the limit, {@code >= 1}
     * @return the new options
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public NpyReadOptions withMaxHeaderLength(int bytes) {
        return new NpyReadOptions(bytes, trailingData);
    }

    /**
     * A copy with another trailing-data policy.
     *
     * @param policy the policy; not null
     * @return the new options
     * @throws NullPointerException if {@code policy} is null
     */
    public NpyReadOptions withTrailingData(Npy.TrailingData policy) {
        return new NpyReadOptions(maxHeaderLength, policy);
    }
}
