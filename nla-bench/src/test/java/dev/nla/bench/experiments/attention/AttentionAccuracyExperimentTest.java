package dev.nla.bench.experiments.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.AttentionMethod;
import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Experiments;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end run of {@code attention-accuracy} at the smoke scale, shared by all checks. */
class AttentionAccuracyExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new AttentionAccuracyExperiment());
    }

    private static List<String[]> rows() throws Exception {
        List<String> lines =
                Files.readAllLines(dir.resolve("attention-accuracy").resolve(AttentionAccuracyExperiment.CSV));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void isRegistered() {
        assertThat(Experiments.find("attention-accuracy")).isPresent();
    }

    @Test
    void writesCsvPlotsAndReport() {
        assertThat(outcome.outputs())
                .contains(
                        AttentionAccuracyExperiment.CSV,
                        "accuracy-lowrank-beta1.png",
                        "accuracy-lowrank-beta2.png",
                        "report.md",
                        "manifest.json");
    }

    @Test
    void everyRegisteredApproximationAppears() throws Exception {
        List<String> methods = rows().stream().map(r -> r[1]).distinct().toList();
        for (AttentionMethod m : AttentionAccuracyExperiment.methods()) {
            assertThat(methods).contains(m.name());
        }
        assertThat(methods).contains(AttentionAccuracyExperiment.ORACLE);
    }

    @Test
    void theRegisteredSvdOracleIsTheOracleSeriesNotASecondCurve() {
        assertThat(dev.nla.attention.AttentionMethods.find(AttentionAccuracyExperiment.ORACLE))
                .isPresent();
        assertThat(AttentionAccuracyExperiment.methods())
                .extracting(AttentionMethod::name)
                .doesNotContain(AttentionAccuracyExperiment.ORACLE)
                .isNotEmpty();
    }

    @Test
    void oracleErrorDecreasesWithRank() throws Exception {
        double previous = Double.POSITIVE_INFINITY;
        for (String[] r : rows()) {
            if (r[0].equals("lowrank-beta1") && r[1].equals(AttentionAccuracyExperiment.ORACLE)) {
                double e = Double.parseDouble(r[5]);
                assertThat(e).isLessThanOrEqualTo(previous);
                previous = e;
            }
        }
        assertThat(previous).isLessThan(0.5);
    }

    @Test
    void quartilesBracketTheMedian() throws Exception {
        for (String[] r : rows()) {
            double med = Double.parseDouble(r[5]);
            assertThat(med).isBetween(Double.parseDouble(r[6]), Double.parseDouble(r[7]));
        }
    }

    @Test
    void quantileInterpolates() {
        assertThat(AttentionAccuracyExperiment.quantile(new double[] {4, 1, 3, 2}, 0.5))
                .isEqualTo(2.5);
    }
}
