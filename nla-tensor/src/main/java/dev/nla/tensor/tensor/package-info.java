/**
 * Tensor types: {@code DenseTensor} (order d, first index fastest, so the mode-1 unfolding is a
 * column-major matrix), {@code TuckerTensor} (core and factors) and {@code TuckerSum} (an implicit list
 * of scaled Tucker summands that never allocates the block-diagonal core of the formal sum).
 *
 * <p>Layer: the data layer of {@code nla-tensor}; depends on {@code nla-core} only.
 */
package dev.nla.tensor.tensor;
