package dev.nla.bench.experiments.attention;

import static org.assertj.core.api.Assertions.assertThat;

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

/** End-to-end run of {@code attention-spectrum} at the smoke scale (n = 128, three families). */
class AttentionSpectrumExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new AttentionSpectrumExperiment());
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(dir.resolve("attention-spectrum").resolve(file));
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void isRegistered() {
        assertThat(Experiments.find("attention-spectrum")).get().isInstanceOf(AttentionSpectrumExperiment.class);
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .containsExactly(
                        AttentionSpectrumExperiment.CSV_FILE,
                        AttentionSpectrumExperiment.DECAY_CSV,
                        AttentionSpectrumExperiment.DECAY_PLOT,
                        AttentionSpectrumExperiment.BETA_PLOT,
                        "report.md",
                        "manifest.json");
    }

    @Test
    void tableHasTheSpecColumnsAndOneRowPerFamily() throws Exception {
        List<String> l = lines(AttentionSpectrumExperiment.CSV_FILE);
        assertThat(l.get(0))
                .isEqualTo("family,beta,n,sigma2_over_sigma1,sigma65_over_sigma1,sigma129_over_sigma1,k90,k99,"
                        + "mean_row_max");
        assertThat(l).hasSize(1 + 3);
    }

    @Test
    void smallBetaHasASmallerEffectiveRankThanLargeBeta() throws Exception {
        List<String> l = lines(AttentionSpectrumExperiment.CSV_FILE);
        // Rows: beta = 0.5, beta = 2, TokenLM (family names have no commas).
        int flat = Integer.parseInt(l.get(1).split(",")[6]);
        int sharp = Integer.parseInt(l.get(2).split(",")[6]);
        assertThat(flat).isLessThan(sharp);
    }

    @Test
    void decayHasOneRowPerFamilyAndIndex() throws Exception {
        assertThat(lines(AttentionSpectrumExperiment.DECAY_CSV)).hasSize(1 + 3 * 128);
    }

    @Test
    void reportStatesTheRegimeSplit() throws Exception {
        assertThat(Files.readString(dir.resolve("attention-spectrum").resolve("report.md")))
                .contains("regime split");
    }
}
