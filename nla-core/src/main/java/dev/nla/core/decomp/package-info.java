/**
 * Dense matrix decompositions and the solvers built on them: Householder QR (blocked, compact WY),
 * CholeskyQR2 and shifted CholeskyQR3 for tall-skinny matrices, column-pivoted QR, LU with partial
 * pivoting, Cholesky and pivoted Cholesky, triangular and linear solves, least squares,
 * determinants and condition estimates.
 *
 * <p>Each decomposition is an interface ({@link dev.nla.core.decomp.Qr}, {@link
 * dev.nla.core.decomp.Lu}, ...) with a pure-Java implementation written as GEMM-rich calls to
 * {@link dev.nla.core.blas.Blas} (so it inherits the speed of the active kernel backend) and, when
 * a native LAPACK library is present, a native implementation of the same interface. {@link
 * dev.nla.core.decomp.Decompositions} creates them. Algorithms are immutable objects; results are
 * records that own their matrices. Inputs are never modified, except by methods named {@code
 * ...InPlace} whose parameter is named {@code overwritten...}.
 *
 * <p>Errors follow the project's exception policy: NaN or infinite input gives a {@link
 * dev.nla.core.error.NonFiniteValueException} naming the position; a matrix that is not positive
 * definite where that is required gives a {@link dev.nla.core.error.NotPositiveDefiniteException},
 * and a singular system a {@link dev.nla.core.error.SingularMatrixException}, each naming the
 * pivot; incompatible shapes give a {@link dev.nla.core.error.DimensionMismatchException}.
 *
 * <p>Layer: above {@code dev.nla.core.blas} and {@code dev.nla.core.matrix}; used by the
 * randomized algorithms, tensor and attention modules.
 */
package dev.nla.core.decomp;
