/**
 * The JMH harness behind {@code nla bench}: named suites of benchmark classes ({@link
 * dev.nla.bench.jmh.BenchSuites}), the implementations a benchmark can measure ({@link
 * dev.nla.bench.jmh.Implementation}), the runner that starts one JMH child process per
 * (benchmark, thread count) with {@code OPENBLAS_NUM_THREADS} set ({@link
 * dev.nla.bench.jmh.BenchRunner}), and the merging of their JSON results into ratio tables
 * ({@link dev.nla.bench.jmh.BenchResults}). The benchmark classes themselves live in
 * sub-packages that mirror the library's modules ({@code jmh.core}, ...).
 */
package dev.nla.bench.jmh;
