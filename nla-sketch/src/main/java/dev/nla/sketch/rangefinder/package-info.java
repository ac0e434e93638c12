/**
 * Randomized range finders: given \(A \in \mathbb{R}^{m \times n}\), an orthonormal \(Q \in
 * \mathbb{R}^{m \times r}\) with \(\|A - QQ^{\mathsf T}A\|\) small, returned with \(B = Q^{\mathsf
 * T}A\) as a QB factorization \(A \approx QB\).
 *
 * <p>Layer: the "computational routines" of {@code nla-sketch} (RandLAPACK's {@code comps}), built on
 * the sketching operators of {@link dev.nla.sketch.operator} and the decompositions of {@code
 * nla-core}, and used by the drivers of {@link dev.nla.sketch.lowrank}. Three finders implement
 * {@link dev.nla.sketch.rangefinder.RangeFinder}:
 *
 * <ul>
 *   <li>{@link dev.nla.sketch.rangefinder.SubspaceIteration}: fixed rank, \(q\) power iterations
 *       with a choice of {@link dev.nla.sketch.rangefinder.Stabiliser} and how often to apply it
 *       [HMT 2011, Alg. 4.3–4.4];
 *   <li>{@link dev.nla.sketch.rangefinder.AdaptiveQb}: blocked, to a Frobenius tolerance, with an
 *       error indicator [Yu, Gu and Li 2018, randQB_EI];
 *   <li>{@link dev.nla.sketch.rangefinder.BlockKrylov}: randomized block Krylov with full
 *       reorthogonalization, to a depth or a tolerance [Musco and Musco 2015; Martinsson and Tropp
 *       2020, §11].
 * </ul>
 *
 * <p>The test matrix \(\Omega\) is the transpose of a sketch drawn from an injected {@link
 * dev.nla.sketch.operator.SketchFamily} (Gaussian by default, see {@link
 * dev.nla.sketch.operator.Sketches#forRangeFinder}) with an explicit {@link
 * dev.nla.core.random.RngState}; every finder returns a {@link dev.nla.core.random.Sampled} with the
 * state to use next. Same state, same result, bitwise, for every thread count. See {@code
 * docs/lowrank.md}.
 */
package dev.nla.sketch.rangefinder;
