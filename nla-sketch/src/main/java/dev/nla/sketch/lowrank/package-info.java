/**
 * Randomized low-rank drivers: randomized SVD (fixed rank and to a tolerance), randomized symmetric
 * eigendecomposition, Nyström approximation of positive semidefinite operators (stable fixed-rank
 * and generalized), interpolative decompositions, CUR, randomly pivoted Cholesky and the single-pass
 * streaming SVD.
 *
 * <p>Layer: the drivers of {@code nla-sketch} (RandLAPACK's {@code drivers}). Each driver is an
 * immutable algorithm object built from an options record (with a builder and documented defaults)
 * and, where it has one, an injected {@link dev.nla.sketch.rangefinder.RangeFinder} or {@link
 * dev.nla.sketch.operator.SketchFamily}; its one method takes the input and an explicit {@link
 * dev.nla.core.random.RngState} and returns a {@link dev.nla.core.random.Sampled} result with the
 * state to use next. Results are records with the rank, an error estimate where the method has one,
 * and the passes over the input or the entry evaluations it took.
 *
 * <p>Inputs are validated once: explicit matrices are scanned for NaN and infinities (a
 * {@link dev.nla.core.error.NonFiniteValueException} names the entry), ranks must lie in \([1,
 * \min(m, n)]\), oversampling and tolerances must be non-negative, and methods for positive
 * semidefinite input throw {@link dev.nla.core.error.NotPositiveDefiniteException} when they detect
 * an indefinite one. See {@code docs/lowrank.md} for formulas, defaults, guarantees and costs.
 */
package dev.nla.sketch.lowrank;
