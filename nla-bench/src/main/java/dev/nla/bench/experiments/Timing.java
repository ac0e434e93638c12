package dev.nla.bench.experiments;

import java.util.Arrays;
import java.util.Objects;

/**
 * Wall-clock timing for reproduction experiments: warm-up runs, then the median of repeated
 * runs measured with {@link System#nanoTime()}.
 *
 * <p>This is a reproduction harness, not a micro-benchmark framework: the operations it times
 * take milliseconds to seconds, so the JIT has compiled them after warm-up and timer resolution
 * is irrelevant. The median resists the occasional slow run caused by other processes or GC.
 * Precise, statistically controlled measurements are the job of the JMH benchmarks ({@code nla
 * bench}).
 */
public final class Timing {
    private Timing() {}

    /**
     * How to time an operation.
     *
     * @param warmupRuns    least number of untimed runs, {@code >= 0}
     * @param warmupSeconds least total warm-up time in seconds, {@code >= 0} (warm-up continues
     *                      until both minimums are met)
     * @param repetitions   timed runs, {@code >= 1}
     * @param budgetSeconds if one warm-up run takes longer than this, warm-up stops after it and
     *                      only {@code min(repetitions, 3)} timed runs are made, so large sizes stay
     *                      affordable; {@code > 0}
     */
    public record Plan(int warmupRuns, double warmupSeconds, int repetitions, double budgetSeconds) {
        /**
         * Validates the plan.
         *
         * @param warmupRuns    least number of untimed runs, {@code >= 0}
         * @param warmupSeconds least total warm-up time in seconds, {@code >= 0} (warm-up continues
         *                      until both minimums are met)
         * @param repetitions   timed runs, {@code >= 1}
         * @param budgetSeconds if one warm-up run takes longer than this, warm-up stops after it and
         *                      only {@code min(repetitions, 3)} timed runs are made, so large sizes stay
         *                      affordable; {@code > 0}
         * @throws IllegalArgumentException if a count or time is out of range (the message names it)
         */
        public Plan {
            if (warmupRuns < 0) {
                throw new IllegalArgumentException("warmupRuns must be >= 0, got " + warmupRuns);
            }
            if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
                throw new IllegalArgumentException("warmupSeconds must be finite and >= 0, got " + warmupSeconds);
            }
            if (repetitions < 1) {
                throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
            }
            if (!(budgetSeconds > 0)) {
                throw new IllegalArgumentException("budgetSeconds must be > 0, got " + budgetSeconds);
            }
        }
    }

    /**
     * The timings of one operation, in seconds.
     *
     * @param median      median of the timed runs (mean of the two middle ones for an even count)
     * @param min         fastest timed run
     * @param max         slowest timed run
     * @param repetitions number of timed runs
     */
    public record Result(double median, double min, double max, int repetitions) {}

    /**
     * Times {@code operation}: warm-up as the plan says, then timed runs.
     *
     * @param operation the work; must leave its inputs ready for the next run
     * @param plan      warm-up and repetitions
     * @return the timings
     * @throws NullPointerException if an argument is null
     */
    public static Result measure(Runnable operation, Plan plan) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(plan, "plan");
        int reps = plan.repetitions();
        long warmStart = System.nanoTime();
        int warm = 0;
        while (warm < plan.warmupRuns() || (System.nanoTime() - warmStart) / 1e9 < plan.warmupSeconds()) {
            long t0 = System.nanoTime();
            operation.run();
            warm++;
            if ((System.nanoTime() - t0) / 1e9 > plan.budgetSeconds()) {
                reps = Math.min(reps, 3);
                break;
            }
        }
        double[] times = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            operation.run();
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        return summarize(times);
    }

    /**
     * Median, minimum and maximum of measured times.
     *
     * @param seconds run times, at least one; not modified
     * @return the summary
     * @throws NullPointerException     if {@code seconds} is null
     * @throws IllegalArgumentException if {@code seconds} is empty
     */
    public static Result summarize(double[] seconds) {
        Objects.requireNonNull(seconds, "seconds");
        if (seconds.length == 0) {
            throw new IllegalArgumentException("need at least one time");
        }
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        return new Result(median, s[0], s[n - 1], n);
    }
}
