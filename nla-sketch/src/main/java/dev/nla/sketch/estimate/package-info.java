/**
 * Matrix-free estimators of the trace, the diagonal and the Frobenius norm of a {@link
 * dev.nla.core.operator.LinearOperator} from products with random test vectors: Girard–Hutchinson
 * ({@link dev.nla.sketch.estimate.Hutchinson}), Hutch++ ({@link dev.nla.sketch.estimate.HutchPlusPlus}),
 * the exchangeable XTrace and XNysTrace ({@link dev.nla.sketch.estimate.XTrace}, {@link
 * dev.nla.sketch.estimate.XNysTrace}) with error estimates and tolerance-driven variants, diagonal
 * estimation ({@link dev.nla.sketch.estimate.DiagonalEstimator}: Hutchinson-style and XDiag) and
 * Frobenius-norm estimation ({@link dev.nla.sketch.estimate.FrobeniusNormEstimator}).
 *
 * <p>Every estimator takes an explicit {@link dev.nla.core.random.RngState}, returns the state to
 * use next, and reports how many products with the operator it used. This is a driver layer of
 * {@code nla-sketch}. See {@code docs/trace-estimation.md}.
 */
package dev.nla.sketch.estimate;
