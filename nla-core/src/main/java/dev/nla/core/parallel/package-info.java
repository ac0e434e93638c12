/**
 * The deterministic parallel loop shared by every module: a fixed number of independent parts,
 * decided from the problem size (never from scheduling), run on one daemon {@link
 * java.util.concurrent.ForkJoinPool} sized to the processors.
 *
 * <p>Layer: the bottom of {@code nla-core}, beside {@code error}; kernels and algorithms in every
 * module split their outputs with it, so results are bitwise identical for every thread count.
 */
package dev.nla.core.parallel;
