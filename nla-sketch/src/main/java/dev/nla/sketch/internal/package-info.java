/**
 * Internal kernels of {@code nla-sketch} (not exported): the deterministic parallel loop, the fast
 * Walsh–Hadamard and cosine transforms, and the stream layout helpers of the sketching operators.
 */
package dev.nla.sketch.internal;
