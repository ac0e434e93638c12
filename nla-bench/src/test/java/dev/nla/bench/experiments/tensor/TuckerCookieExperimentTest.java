package dev.nla.bench.experiments.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end run of {@code tucker-cookie} at the smoke scale, shared by all checks. */
class TuckerCookieExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new TuckerCookieExperiment());
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(dir.resolve("tucker-cookie").resolve(file));
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .containsExactly(
                        TuckerCookieExperiment.SUMMARY_CSV,
                        TuckerCookieExperiment.HISTORY_CSV,
                        TuckerCookieExperiment.CONVERGENCE_PLOT,
                        TuckerCookieExperiment.RANKS_PLOT,
                        TuckerCookieExperiment.TIME_PLOT,
                        "report.md",
                        "manifest.json");
    }

    @Test
    void everyRunConvergesAndMatchesTheDirectSolve() throws Exception {
        List<String> l = lines(TuckerCookieExperiment.SUMMARY_CSV);
        // smoke: n = 3, 4 times two strategies, all small enough for the deterministic core
        assertThat(l).hasSize(1 + 4);
        for (String line : l.subList(1, l.size())) {
            String[] f = line.split(",");
            assertThat(f[2]).isEqualTo("ok");
            assertThat(f[4]).isEqualTo("true");
            // T12(a) bar on the true residual; T12(c) bar on the fibre error
            assertThat(Double.parseDouble(f[5])).isLessThanOrEqualTo(1e-7);
            assertThat(Double.parseDouble(f[6])).isLessThanOrEqualTo(1e-6);
        }
    }

    @Test
    void historyHasOneRowPerIteration() throws Exception {
        int total = 0;
        for (String line : lines(TuckerCookieExperiment.SUMMARY_CSV).subList(1, 5)) {
            total += Integer.parseInt(line.split(",")[3]);
        }
        assertThat(lines(TuckerCookieExperiment.HISTORY_CSV)).hasSize(1 + total);
    }

    @Test
    void deterministicRowsHaveUnitSpeedup() throws Exception {
        for (String line : lines(TuckerCookieExperiment.SUMMARY_CSV).subList(1, 5)) {
            String[] f = line.split(",");
            if (f[1].equals("formal-qr-rounding")) {
                assertThat(Double.parseDouble(f[f.length - 1])).isEqualTo(1.0);
            }
        }
    }
}
