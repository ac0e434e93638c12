package dev.nla.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.bench.report.Json;
import dev.nla.bench.report.Table;
import dev.nla.core.error.MalformedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchResultsTest {
    /** One JMH result object as JMH 1.37 writes it (trimmed to the fields nla reads, plus a few others). */
    private static String result(String impl, int threads, int n, String mode, String score, String unit) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"dev.nla.bench.jmh.core.GemmBenchmark.gemm\",\"mode\":\""
                + mode + "\",\"threads\":1,\"forks\":0,\"params\":{\"impl\":\"" + impl + "\",\"n\":\"" + n
                + "\",\"threads\":\"" + threads + "\"},\"primaryMetric\":{\"score\":" + score
                + ",\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],\"scoreUnit\":\"" + unit
                + "\",\"rawData\":[[1.0]]},\"secondaryMetrics\":{}}";
    }

    private static List<BenchResults.Row> rows(String... results) {
        return BenchResults.parse(Json.parse("[" + String.join(",", results) + "]"));
    }

    @Test
    void parsesNamesParametersScoresAndNaNErrors() {
        BenchResults.Row r =
                rows(result("vector", 2, 256, "avgt", "1.5", "ms/op")).get(0);
        assertThat(r)
                .isEqualTo(new BenchResults.Row(
                        "GemmBenchmark.gemm",
                        java.util.Map.of("n", "256"),
                        2,
                        "vector",
                        "avgt",
                        1.5,
                        Double.NaN,
                        "ms/op"));
    }

    @Test
    void timeRatioIsBaselineTimeOverTime() {
        List<BenchResults.Row> rows = rows(
                result("native", 1, 256, "avgt", "1.0", "ms/op"), result("vector", 1, 256, "avgt", "4.0", "ms/op"));
        assertThat(BenchResults.ratio(rows, rows.get(1), Implementation.NATIVE)).isEqualTo(0.25);
    }

    @Test
    void throughputRatioIsScoreOverBaselineScore() {
        List<BenchResults.Row> rows = rows(
                result("native", 1, 256, "thrpt", "10.0", "ops/s"), result("vector", 1, 256, "thrpt", "5.0", "ops/s"));
        assertThat(BenchResults.ratio(rows, rows.get(1), Implementation.NATIVE)).isEqualTo(0.5);
    }

    @Test
    void nativeBaselineMatchesTheThreadCount() {
        List<BenchResults.Row> rows = rows(
                result("native", 1, 256, "avgt", "2.0", "ms/op"),
                result("native", 2, 256, "avgt", "1.0", "ms/op"),
                result("vector", 2, 256, "avgt", "2.0", "ms/op"));
        assertThat(BenchResults.ratio(rows, rows.get(2), Implementation.NATIVE)).isEqualTo(0.5);
    }

    @Test
    void naiveBaselineFallsBackToItsOneThreadTime() {
        List<BenchResults.Row> rows =
                rows(result("naive", 1, 256, "avgt", "8.0", "ms/op"), result("scalar", 2, 256, "avgt", "2.0", "ms/op"));
        assertThat(BenchResults.ratio(rows, rows.get(1), Implementation.NAIVE)).isEqualTo(4.0);
    }

    @Test
    void missingNativeBaselineGivesNoRatio() {
        List<BenchResults.Row> rows = rows(
                result("native", 1, 256, "avgt", "2.0", "ms/op"), result("vector", 2, 256, "avgt", "2.0", "ms/op"));
        assertThat(BenchResults.ratio(rows, rows.get(1), Implementation.NATIVE)).isNull();
    }

    @Test
    void differentSizesAreNotCompared() {
        List<BenchResults.Row> rows = rows(
                result("native", 1, 512, "avgt", "2.0", "ms/op"), result("vector", 1, 256, "avgt", "2.0", "ms/op"));
        assertThat(BenchResults.ratio(rows, rows.get(1), Implementation.NATIVE)).isNull();
    }

    @Test
    void tableIsSortedNumericallyWithRatios() {
        List<BenchResults.Row> rows = rows(
                result("vector", 1, 1024, "avgt", "3.0", "ms/op"),
                result("native", 1, 1024, "avgt", "1.5", "ms/op"),
                result("vector", 1, 256, "avgt", "0.5", "ms/op"),
                result("native", 1, 256, "avgt", "0.25", "ms/op"));
        Table t = BenchResults.table(rows, Implementation.NATIVE);
        assertThat(t.column("n")).containsExactly("256", "256", "1024", "1024");
        assertThat(t.column("impl")).containsExactly("native", "vector", "native", "vector");
        assertThat((Double) t.get(1, "ratio_to_baseline")).isCloseTo(0.5, within(0.0));
    }

    @Test
    void nonArrayIsMalformed() {
        assertThatThrownBy(() -> BenchResults.parse(Json.parse("{}")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("JSON array");
    }

    @Test
    void missingPrimaryMetricIsMalformed() {
        assertThatThrownBy(() -> BenchResults.parse(Json.parse("[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\"}]")))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("primaryMetric");
    }
}
