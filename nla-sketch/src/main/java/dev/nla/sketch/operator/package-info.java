/**
 * Sketching operators: random linear maps \(S \in \mathbb{R}^{d \times m}\) that compress the
 * \(m\)-dimensional side of a matrix to \(d\) dimensions while approximately preserving the geometry
 * of a subspace.
 *
 * <p>The pattern (RandBLAS): a {@link dev.nla.sketch.operator.SketchingDistribution} is an immutable
 * value describing the law of \(S\) and its parameters; {@code sample(state)} turns it, with an
 * explicit {@link dev.nla.core.random.RngState}, into a {@link
 * dev.nla.sketch.operator.SketchingOperator}, which applies \(S\) from the left ({@code applyLeft}:
 * \(SA\)) or from the right ({@code applyRight}: \(AS^{\mathsf T}\)) to dense, sparse and matrix-free
 * inputs. Entries are pure functions of the state and their position, so operators can be cut into
 * blocks and grown reproducibly, and results do not depend on the number of threads. {@link
 * dev.nla.sketch.operator.Sketches} has one-line factories and the recommended defaults.
 *
 * <p>This is the bottom layer of {@code nla-sketch}; the range finders, low-rank drivers, least
 * squares solvers and estimators build on it. See {@code docs/sketching.md}.
 */
package dev.nla.sketch.operator;
