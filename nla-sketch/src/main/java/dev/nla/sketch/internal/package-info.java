/**
 * Internal kernels of {@code nla-sketch} (not exported): the fast Walsh–Hadamard and cosine
 * transforms, the tall-skinny products and small dense helpers of the range finders, and the input
 * checks of the low-rank drivers. Parallel loops use {@link dev.nla.core.parallel.Parallel}.
 */
package dev.nla.sketch.internal;
