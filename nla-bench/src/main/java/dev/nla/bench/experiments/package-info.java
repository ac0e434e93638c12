/**
 * The experiment-reproduction framework behind {@code nla reproduce}.
 *
 * <p>An {@link dev.nla.bench.experiments.Experiment} is one class with a name, a one-line
 * description and a {@code run} method. It receives an {@link
 * dev.nla.bench.experiments.ExperimentContext} (scale, seed, output directory, progress reporter,
 * Markdown report builder) and writes its tables and plots through it. The {@link
 * dev.nla.bench.experiments.ExperimentRunner} creates {@code DIR/<experiment>/}, times the run and
 * then writes {@code report.md} and {@code manifest.json}; running several experiments also writes
 * {@code DIR/README.md}. Experiments are registered in one place, {@link
 * dev.nla.bench.experiments.Experiments}. Timings inside experiments use {@link
 * dev.nla.bench.experiments.Timing} (median of repetitions after warm-up); JMH is for the
 * benchmarks, not for reproductions.
 */
package dev.nla.bench.experiments;
