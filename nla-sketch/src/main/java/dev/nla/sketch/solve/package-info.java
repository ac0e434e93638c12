/**
 * Least squares \(\min_x \|Ax - b\|_2\) with sketching, for tall \(A \in \mathbb{R}^{m \times n}\),
 * \(m \ge n\): sketch-and-solve ({@link dev.nla.sketch.solve.SketchAndSolve}), sketch-and-precondition
 * (Blendenpik / LSRN, {@link dev.nla.sketch.solve.SketchAndPrecondition}) and the LSQR iteration they
 * run on ({@link dev.nla.sketch.solve.Lsqr}, usable on its own with any {@link
 * dev.nla.core.operator.LinearOperator}).
 *
 * <p>This is a driver layer of {@code nla-sketch}: it builds on the sketching operators of {@link
 * dev.nla.sketch.operator} and the dense factorizations of {@link dev.nla.core.decomp}. See {@code
 * docs/least-squares.md}.
 */
package dev.nla.sketch.solve;
