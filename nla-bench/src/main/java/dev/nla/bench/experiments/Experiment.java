package dev.nla.bench.experiments;

/**
 * One reproducible experiment: a computation that writes tables, plots and findings through its
 * {@link ExperimentContext}.
 *
 * <p>To add an experiment, write one class implementing this interface (with a public no-argument
 * constructor that does no work) and add one line to {@link Experiments}. The runner creates the
 * output directory, times the run and writes {@code report.md} and {@code manifest.json}; the
 * experiment only computes and describes. Implementations must be deterministic given the
 * context's scale and seed (apart from timings), must take all randomness from {@link
 * ExperimentContext#seed()}, and must report progress for runs longer than a few seconds.
 */
public interface Experiment {
    /**
     * The name used on the command line and as the output directory: lower-case letters, digits
     * and single hyphens, e.g. {@code gemm-scaling}.
     *
     * @return the name
     */
    String name();

    /**
     * A one-line description for {@code nla list} and the results index.
     *
     * @return the description
     */
    String description();

    /**
     * Runs the experiment at the context's scale, writing its outputs through the context.
     *
     * @param context scale, seed, output directory, progress reporter and report builder
     * @throws RuntimeException if the experiment cannot complete; the runner records the message
     *     in the manifest
     */
    void run(ExperimentContext context);
}
