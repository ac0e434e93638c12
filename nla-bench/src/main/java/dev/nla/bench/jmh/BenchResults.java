package dev.nla.bench.jmh;

import dev.nla.bench.report.Json;
import dev.nla.bench.report.Table;
import dev.nla.core.error.MalformedInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * JMH results of one {@code nla bench} run: reading JMH's JSON files and comparing every score with
 * the baseline implementation measured in the same run.
 *
 * <p><b>Ratio.</b> For a result \(r\) with baseline result \(b\) (same benchmark method, same
 * parameters apart from {@code impl}, same {@code threads}; for the single-threaded naive baseline,
 * the one-thread result), the ratio is the speed-up over the baseline: \(t_b / t_r\) for time
 * modes (average time, sample time, single shot) and \(s_r / s_b\) for throughput. Above 1 means
 * faster than the baseline. Results whose baseline is missing, or has a different unit, have no
 * ratio.
 */
public final class BenchResults {
    private BenchResults() {}

    /**
     * One JMH result.
     *
     * @param benchmark  the benchmark, as {@code Class.method} (package removed)
     * @param params     the JMH parameters other than {@code impl} and {@code threads}, sorted by name
     * @param threads    the {@code threads} parameter (1 if the benchmark has none)
     * @param impl       the {@code impl} parameter
     * @param mode       JMH's mode code: {@code avgt}, {@code thrpt}, {@code sample} or {@code ss}
     * @param score      the primary score
     * @param scoreError the 99.9 % half-width JMH reports (NaN when there were too few samples)
     * @param unit       the score unit, e.g. {@code ms/op}
     */
    public record Row(
            String benchmark,
            Map<String, String> params,
            int threads,
            String impl,
            String mode,
            double score,
            double scoreError,
            String unit) {
        /**
         * Copies the parameters.
         *
         * @param benchmark  the benchmark, as {@code Class.method} (package removed)
         * @param params     the JMH parameters other than {@code impl} and {@code threads}, sorted by name
         * @param threads    the {@code threads} parameter (1 if the benchmark has none)
         * @param impl       the {@code impl} parameter
         * @param mode       JMH's mode code: {@code avgt}, {@code thrpt}, {@code sample} or {@code ss}
         * @param score      the primary score
         * @param scoreError the 99.9 % half-width JMH reports (NaN when there were too few samples)
         * @param unit       the score unit, e.g. {@code ms/op}
         * @throws NullPointerException if an object component is null
         */
        public Row {
            Objects.requireNonNull(benchmark, "benchmark");
            params = Collections.unmodifiableMap(new TreeMap<>(params));
            Objects.requireNonNull(impl, "impl");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(unit, "unit");
        }

        /**
         * Whether a higher score is better (throughput) rather than worse (time).
         *
         * @return {@code true} for throughput mode
         */
        public boolean higherIsBetter() {
            return mode.equals("thrpt");
        }
    }

    /**
     * Reads a JMH JSON result file ({@code -rf json}).
     *
     * @param file the file
     * @return its results, in file order
     * @throws MalformedInputException if the file is not a JMH JSON result array
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static List<Row> read(Path file) {
        try {
            return parse(Json.parse(file));
        } catch (MalformedInputException e) {
            throw new MalformedInputException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Converts parsed JMH JSON (an array of result objects) into rows.
     *
     * @param json the value returned by {@link Json#parse(String)}
     * @return the results, in order
     * @throws MalformedInputException if the structure is not what JMH writes
     */
    public static List<Row> parse(Object json) {
        if (!(json instanceof List<?> list)) {
            throw new MalformedInputException("a JMH result file holds a JSON array, got " + describe(json));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new MalformedInputException("JMH result " + i + " is not an object");
            }
            String benchmark = string(m, "benchmark", i);
            String mode = string(m, "mode", i);
            Map<String, String> params = new TreeMap<>();
            if (m.get("params") instanceof Map<?, ?> p) {
                for (Map.Entry<?, ?> e : p.entrySet()) {
                    params.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
                }
            }
            if (!(m.get("primaryMetric") instanceof Map<?, ?> metric)) {
                throw new MalformedInputException("JMH result " + i + " has no primaryMetric object");
            }
            String impl = params.remove("impl");
            String threads = params.remove("threads");
            int t;
            try {
                t = threads == null ? 1 : Integer.parseInt(threads);
            } catch (NumberFormatException e) {
                throw new MalformedInputException(
                        "JMH result " + i + " has a non-integer threads parameter '" + threads + "'");
            }
            rows.add(new Row(
                    shortName(benchmark),
                    params,
                    t,
                    impl == null ? "-" : impl,
                    mode,
                    number(metric.get("score"), "score", i),
                    number(metric.get("scoreError"), "scoreError", i),
                    string(metric, "scoreUnit", i)));
        }
        return rows;
    }

    /**
     * The speed-up of {@code row} over the baseline implementation, as defined in the class comment.
     *
     * @param rows     all results of the run
     * @param row      one of them
     * @param baseline the baseline implementation
     * @return the ratio, or {@code null} if the run has no matching baseline result
     */
    public static Double ratio(List<Row> rows, Row row, Implementation baseline) {
        Row base = baselineOf(rows, row, baseline);
        if (base == null || !base.unit().equals(row.unit()) || !base.mode().equals(row.mode())) {
            return null;
        }
        return row.higherIsBetter() ? row.score() / base.score() : base.score() / row.score();
    }

    /**
     * All results as a table sorted by benchmark, parameters, threads and implementation, with the
     * columns {@code benchmark}, one column per parameter, {@code threads}, {@code impl}, {@code
     * mode}, {@code score}, {@code score_error}, {@code unit}, {@code baseline} and {@code
     * ratio_to_baseline}.
     *
     * @param rows     the results
     * @param baseline the baseline implementation
     * @return a new table
     * @throws NullPointerException if an argument is null
     */
    public static Table table(List<Row> rows, Implementation baseline) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(baseline, "baseline");
        TreeSet<String> paramNames = new TreeSet<>();
        for (Row r : rows) {
            paramNames.addAll(r.params().keySet());
        }
        Table.Builder b = Table.builder().text("benchmark");
        for (String p : paramNames) {
            b.text(p);
        }
        Table t = b.integer("threads")
                .text("impl")
                .text("mode")
                .real("score", 4)
                .real("score_error", 2)
                .text("unit")
                .text("baseline")
                .real("ratio_to_baseline", 3)
                .build();
        for (Row r : sorted(rows)) {
            List<Object> cells = new ArrayList<>();
            cells.add(r.benchmark());
            for (String p : paramNames) {
                cells.add(r.params().get(p));
            }
            cells.add(r.threads());
            cells.add(r.impl());
            cells.add(r.mode());
            cells.add(r.score());
            cells.add(r.scoreError());
            cells.add(r.unit());
            cells.add(baseline.id());
            cells.add(ratio(rows, r, baseline));
            t.addRow(cells.toArray());
        }
        return t;
    }

    /**
     * The rows in display order: benchmark (first appearance), parameters (numerically when both
     * values are numbers), threads, then implementation in {@link Implementation} order.
     *
     * @param rows the results; not modified
     * @return a new sorted list
     */
    public static List<Row> sorted(List<Row> rows) {
        Map<String, Integer> benchmarkOrder = new LinkedHashMap<>();
        for (Row r : rows) {
            benchmarkOrder.putIfAbsent(r.benchmark(), benchmarkOrder.size());
        }
        Comparator<Row> byBenchmark = Comparator.comparing(r -> benchmarkOrder.get(r.benchmark()));
        Comparator<Row> order = byBenchmark
                .thenComparing(BenchResults::compareParams)
                .thenComparingInt(Row::threads)
                .thenComparingInt(r -> implOrder(r.impl()));
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(order);
        return copy;
    }

    private static int compareParams(Row a, Row b) {
        TreeSet<String> keys = new TreeSet<>(a.params().keySet());
        keys.addAll(b.params().keySet());
        for (String k : keys) {
            String x = a.params().get(k);
            String y = b.params().get(k);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? -1 : 1;
                }
                continue;
            }
            int c;
            try {
                c = Double.compare(Double.parseDouble(x), Double.parseDouble(y));
            } catch (NumberFormatException e) {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int implOrder(String impl) {
        try {
            return Implementation.parse(impl).ordinal();
        } catch (IllegalArgumentException e) {
            return Implementation.values().length;
        }
    }

    private static Row baselineOf(List<Row> rows, Row row, Implementation baseline) {
        Row sameThreads = null;
        Row oneThread = null;
        for (Row r : rows) {
            if (r.benchmark().equals(row.benchmark())
                    && r.params().equals(row.params())
                    && r.impl().equals(baseline.id())) {
                if (r.threads() == row.threads()) {
                    sameThreads = r;
                } else if (r.threads() == 1) {
                    oneThread = r;
                }
            }
        }
        if (sameThreads != null) {
            return sameThreads;
        }
        // The naive loop is single-threaded, so it is measured once, on one thread.
        return baseline == Implementation.NAIVE ? oneThread : null;
    }

    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(cls + 1);
    }

    private static String string(Map<?, ?> m, String key, int index) {
        if (!(m.get(key) instanceof String s)) {
            throw new MalformedInputException("JMH result " + index + " has no string '" + key + "'");
        }
        return s;
    }

    private static double number(Object value, String key, int index) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            // JMH writes "NaN" (quoted) when a statistic is undefined, e.g. the error of one sample
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new MalformedInputException("JMH result " + index + " has a non-numeric " + key + ": " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }
}
