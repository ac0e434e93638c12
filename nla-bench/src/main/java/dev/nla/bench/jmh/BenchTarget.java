package dev.nla.bench.jmh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JMH benchmark class as {@code nla bench} runs it: which implementations it measures, which
 * of them use more than one thread, and the parameter values of a {@code --quick} smoke run.
 *
 * <p>The class must have the JMH parameters {@code impl} (an {@link Implementation} id) and
 * {@code threads}. The runner starts one JMH process per thread count and passes, as {@code -p
 * impl=...}, the available implementations: all of them for one thread, only the {@code
 * threaded} ones for more (a single-threaded implementation would only be measured again). See
 * {@link BenchRunner} for how the baseline is always included.
 *
 * @param name            short name used in result file names, e.g. {@code gemm}
 * @param benchmarkClass  the JMH benchmark class
 * @param implementations the implementations it measures, in display order
 * @param threaded        the subset that uses the requested thread count
 * @param quickParams     JMH parameter values for {@code --quick} runs, e.g. {@code n=64}
 */
public record BenchTarget(
        String name,
        Class<?> benchmarkClass,
        List<Implementation> implementations,
        List<Implementation> threaded,
        Map<String, String> quickParams) {
    /**
     * Validates and copies the components.
     *
     * @param name            short name used in result file names, e.g. {@code gemm}
     * @param benchmarkClass  the JMH benchmark class
     * @param implementations the implementations it measures, in display order
     * @param threaded        the subset that uses the requested thread count
     * @param quickParams     JMH parameter values for {@code --quick} runs, e.g. {@code n=64}
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code threaded} is not a subset of {@code
     *     implementations}, or {@code quickParams} sets {@code impl} or {@code threads}
     */
    public BenchTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(benchmarkClass, "benchmarkClass");
        implementations = List.copyOf(implementations);
        threaded = List.copyOf(threaded);
        quickParams = Collections.unmodifiableMap(new LinkedHashMap<>(quickParams));
        if (!implementations.containsAll(threaded)) {
            throw new IllegalArgumentException("threaded implementations " + threaded + " of " + name
                    + " must be among its implementations " + implementations);
        }
        if (quickParams.containsKey("impl") || quickParams.containsKey("threads")) {
            throw new IllegalArgumentException("quickParams of " + name + " must not set impl or threads");
        }
    }

    /**
     * The implementations to measure at a thread count, restricted to those available here and
     * to an optional selection.
     *
     * @param threads   the thread count, {@code >= 1}
     * @param available implementations that can run here
     * @param selected  implementations the user asked for
     * @return the implementations for {@code -p impl=...}, in display order; may be empty
     */
    public List<Implementation> implementationsFor(
            int threads, List<Implementation> available, List<Implementation> selected) {
        ArrayList<Implementation> result = new ArrayList<>();
        for (Implementation i : implementations) {
            if (!available.contains(i) || !selected.contains(i)) {
                continue;
            }
            if (threads == 1 || threaded.contains(i)) {
                result.add(i);
            }
        }
        return List.copyOf(result);
    }
}
