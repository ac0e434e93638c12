/**
 * Counter-based random numbers: the {@link dev.nla.core.random.Philox4x32} block function, the
 * immutable {@link dev.nla.core.random.RngState} (key + 128-bit counter) passed explicitly to every
 * method that uses randomness, {@link dev.nla.core.random.Sampled} results that carry the state to
 * use next, the entry laws of {@link dev.nla.core.random.ScalarDistribution}, and {@link
 * dev.nla.core.random.RandomMatrices}, whose entry \((i, j)\) is a pure function of the state,
 * \(i\) and \(j\).
 *
 * <p>There is no global generator and no default seed: the same state gives bitwise-identical
 * numbers on every run, JVM, platform and thread count.
 *
 * <p>Layer: above {@code matrix} (and the kernel thread pool of {@code blas.internal}); below
 * {@code operator}, {@code decomp} and every randomized algorithm in the other modules.
 */
package dev.nla.core.random;
