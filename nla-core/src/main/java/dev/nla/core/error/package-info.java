/**
 * Typed, unchecked exceptions and the {@link dev.nla.core.error.Require} precondition checks.
 *
 * <p>Policy (see {@code docs/decisions/0004-exception-policy.md}): every exception subclasses a
 * standard JDK type and its message names the offending values (shapes, indices, the value
 * itself). Nothing is silently corrected. Kernels do not scan for NaN/Inf (NaN propagates as in
 * BLAS); drivers scan their inputs once with {@link dev.nla.core.error.Require#allFinite}.
 *
 * <table>
 *   <caption>Which exception for which condition</caption>
 *   <tr><th>condition</th><th>exception</th></tr>
 *   <tr><td>shape or dimension mismatch</td><td>{@link dev.nla.core.error.DimensionMismatchException}</td></tr>
 *   <tr><td>bad scalar argument (rank, tolerance, count)</td><td>{@link java.lang.IllegalArgumentException}</td></tr>
 *   <tr><td>NaN or infinity where finite input is required</td><td>{@link dev.nla.core.error.NonFiniteValueException}</td></tr>
 *   <tr><td>an iteration promised to converge did not</td><td>{@link dev.nla.core.error.NotConvergedException}</td></tr>
 *   <tr><td>singular matrix where an inverse is needed</td><td>{@link dev.nla.core.error.SingularMatrixException}</td></tr>
 *   <tr><td>matrix not positive definite where required</td><td>{@link dev.nla.core.error.NotPositiveDefiniteException}</td></tr>
 *   <tr><td>allocation over a documented size limit</td><td>{@link dev.nla.core.error.SizeLimitExceededException}</td></tr>
 *   <tr><td>malformed input file</td><td>{@link dev.nla.core.error.MalformedInputException}</td></tr>
 *   <tr><td>null argument</td><td>{@link java.lang.NullPointerException} naming the parameter</td></tr>
 * </table>
 */
package dev.nla.core.error;
