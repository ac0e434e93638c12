/**
 * Matrix input and output: NumPy {@code .npy} files ({@link dev.nla.core.io.Npy}) and Matrix
 * Market text files ({@link dev.nla.core.io.MatrixMarket}), so that data moves to and from Python
 * (NumPy, SciPy) and sparse-matrix collections such as SuiteSparse.
 *
 * <p>Part of the core layer. Readers never trust a file: a malformed, truncated or unsupported file
 * gives a {@link dev.nla.core.error.MalformedInputException} naming the source, the byte offset or
 * line, and what was found; sizes announced by a header are checked against the library's limits
 * (and, for files, against the file size) before anything is allocated, and buffers grow only as
 * data actually arrives. A reader returns a complete matrix or throws; it never returns a partial
 * result. See {@code docs/io.md} for examples and the full list of choices.
 */
package dev.nla.core.io;
