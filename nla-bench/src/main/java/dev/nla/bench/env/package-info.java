/**
 * What the running program knows about itself and its machine: the {@code nla} version and git
 * commit recorded at build time ({@link dev.nla.bench.env.BuildInfo}), and the JDK, operating
 * system, cores, heap and kernel backends ({@link dev.nla.bench.env.Environment}). Printed by
 * {@code nla info} and recorded in every experiment's {@code manifest.json}.
 */
package dev.nla.bench.env;
