package dev.nla.bench.experiments;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;

/**
 * Reports the progress of a long task made of a known number of steps.
 *
 * <p>Call {@link #start} once per task, {@link #step} after each step and {@link #finish} at the
 * end. Implementations: {@link #silent()} (tests), {@link #bar(PrintWriter)} (an in-place bar for a
 * terminal), {@link #lines(PrintWriter, Duration)} (plain periodic lines for logs) and {@link
 * #auto(PrintWriter, boolean)}, which picks one of the last two. Implementations are thread-safe.
 */
public interface Progress {
    /**
     * Begins a task.
     *
     * @param task       what is being done, e.g. the experiment name
     * @param totalSteps number of steps, {@code >= 0}
     * @throws IllegalArgumentException if {@code totalSteps < 0}
     */
    void start(String task, int totalSteps);

    /**
     * Records that one more step finished.
     *
     * @param label what the step was, e.g. {@code vector(2) n=512}
     */
    void step(String label);

    /** Ends the current task. */
    void finish();

    /**
     * A reporter that prints nothing.
     *
     * @return the silent reporter
     */
    static Progress silent() {
        return ConsoleProgress.SILENT;
    }

    /**
     * An in-place progress bar (redrawn with a carriage return) with the step count, the last
     * step and an estimate of the time left.
     *
     * @param out where to draw, normally standard error attached to a terminal
     * @return the reporter
     * @throws NullPointerException if {@code out} is null
     */
    static Progress bar(PrintWriter out) {
        return new ConsoleProgress(Objects.requireNonNull(out, "out"), true, Duration.ZERO, System::nanoTime);
    }

    /**
     * Plain lines, at most one per {@code interval} (plus the first and last step), suitable for
     * log files and CI output.
     *
     * @param out      where to print
     * @param interval least time between two lines; {@link Duration#ZERO} prints every step
     * @return the reporter
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    static Progress lines(PrintWriter out, Duration interval) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        return new ConsoleProgress(out, false, interval, System::nanoTime);
    }

    /**
     * The bar when {@code terminal} is true, otherwise lines every 10 seconds.
     *
     * @param out      where to print, normally standard error
     * @param terminal whether {@code out} is an interactive terminal
     * @return the reporter
     * @throws NullPointerException if {@code out} is null
     */
    static Progress auto(PrintWriter out, boolean terminal) {
        return terminal ? bar(out) : lines(out, Duration.ofSeconds(10));
    }
}
