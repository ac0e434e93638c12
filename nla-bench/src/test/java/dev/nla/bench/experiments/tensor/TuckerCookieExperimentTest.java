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
                        TuckerCookieExperiment.PAIRED_CSV,
                        TuckerCookieExperiment.PAIRED_PLOT,
                        "report.md",
                        "manifest.json");
    }

    @Test
    void theDeterministicSolveIsRefusedOnlyAtTheLargerN() throws Exception {
        // smoke: n = 3, 4 times two strategies; the 2^14-entry limit admits B2's formal cores at n = 3
        // (at most 81 * 3^4 = 6561 entries) but not at n = 4 (up to 81 * 4^4 = 20736)
        List<String> l = lines(TuckerCookieExperiment.SUMMARY_CSV);
        assertThat(l).hasSize(1 + 4);
        assertThat(l.subList(1, l.size()))
                .extracting(line -> line.split(",")[0] + " " + line.split(",")[1] + " " + line.split(",")[2])
                .containsExactly(
                        "3 formal-qr-rounding ok", "3 adaptive ok", "4 formal-qr-rounding refused", "4 adaptive ok");
    }

    @Test
    void everyRunConvergesAndMatchesTheDirectSolve() throws Exception {
        List<String> l = lines(TuckerCookieExperiment.SUMMARY_CSV);
        for (String line : l.subList(1, l.size())) {
            String[] f = line.split(",");
            if (f[2].equals("refused")) {
                continue;
            }
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
            String iterations = line.split(",", -1)[3];
            total += iterations.isEmpty() ? 0 : Integer.parseInt(iterations);
        }
        assertThat(lines(TuckerCookieExperiment.HISTORY_CSV)).hasSize(1 + total);
    }

    @Test
    void thePairedRunTimesBothRoundingsWhereTheFormalCoreFitsTheLimit() throws Exception {
        // the refused n = 4 is re-run with every rounding also done by B2 under a 2^13-entry limit:
        // early calls fit (B2 timed), later ones are refused (empty cells)
        List<String> l = lines(TuckerCookieExperiment.PAIRED_CSV);
        String adaptive = lines(TuckerCookieExperiment.SUMMARY_CSV).get(4);
        int iterations = Integer.parseInt(adaptive.split(",")[3]);
        assertThat(l).hasSize(1 + 2 * iterations + 2);
        int ran = 0;
        for (String line : l.subList(1, l.size())) {
            String[] f = line.split(",", -1);
            assertThat(f[0]).isEqualTo("4");
            boolean timed = !f[5].isEmpty();
            assertThat(timed).as(line).isEqualTo(Long.parseLong(f[3]) <= (1L << 13));
            ran += timed ? 1 : 0;
        }
        assertThat(ran).isBetween(1, l.size() - 2);
    }

    @Test
    void pairedRunHasNoTrueResidualMonitor() throws Exception {
        for (String line : lines(TuckerCookieExperiment.HISTORY_CSV)) {
            String[] f = line.split(",", -1);
            if (f[0].equals("4") && f[1].equals("adaptive")) {
                assertThat(f[4]).isEmpty();
            }
        }
    }

    @Test
    void deterministicRowsHaveUnitSpeedup() throws Exception {
        for (String line : lines(TuckerCookieExperiment.SUMMARY_CSV).subList(1, 5)) {
            String[] f = line.split(",");
            if (f[1].equals("formal-qr-rounding") && f[2].equals("ok")) {
                assertThat(Double.parseDouble(f[f.length - 1])).isEqualTo(1.0);
            }
        }
    }
}
