package dev.nla.bench.experiments.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Experiments;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end run at the smoke scale (120 x 80, k = 5, 2 seeds), shared by all checks. */
class RandnlaLowRankExperimentTest {
    @TempDir
    static Path dir;

    private static ExperimentRunner.Outcome outcome;

    @BeforeAll
    static void runOnce() {
        outcome = new ExperimentRunner(Scale.SMOKE, dir, 42L, Progress.silent(), Environment.capture())
                .run(new RandnlaLowRankExperiment());
    }

    private static List<String> lines(String file) throws Exception {
        return Files.readAllLines(dir.resolve("randnla-lowrank").resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void succeeds() {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
    }

    @Test
    void isRegistered() {
        assertThat(Experiments.find("randnla-lowrank")).get().isInstanceOf(RandnlaLowRankExperiment.class);
    }

    @Test
    void writesAllOutputFiles() {
        assertThat(outcome.outputs())
                .contains(
                        RandnlaLowRankExperiment.RSVD_FILE,
                        RandnlaLowRankExperiment.PSD_FILE,
                        RandnlaLowRankExperiment.SKELETON_FILE,
                        RandnlaLowRankExperiment.SKETCH_FILE,
                        "rsvd-polynomial.png",
                        "rsvd-exponential.png",
                        "sketch-distortion.png",
                        "report.md",
                        "manifest.json");
    }

    /** 2 decays x 1 rank x 5 power iterations x 4 stabilisers. */
    @Test
    void rsvdTableHasOneRowPerConfiguration() throws Exception {
        assertThat(lines(RandnlaLowRankExperiment.RSVD_FILE)).hasSize(1 + 2 * 5 * 4);
    }

    /** No method beats the optimal rank-k error (Eckart–Young): every ratio is at least 1 - 1e-9. */
    @Test
    void noErrorRatioIsBelowTheOptimum() throws Exception {
        for (String file : List.of(RandnlaLowRankExperiment.RSVD_FILE, RandnlaLowRankExperiment.SKELETON_FILE)) {
            List<String> l = lines(file);
            int column = List.of(l.get(0).split(",")).indexOf("median_ratio");
            for (String row : l.subList(1, l.size())) {
                assertThat(Double.parseDouble(row.split(",")[column])).as(row).isGreaterThan(1 - 1e-9);
            }
        }
    }

    @Test
    void sketchTableHasEveryFamily() throws Exception {
        assertThat(lines(RandnlaLowRankExperiment.SKETCH_FILE)).hasSize(1 + 9);
    }

    @Test
    void reportStatesFindings() throws Exception {
        String report = Files.readString(dir.resolve("randnla-lowrank").resolve("report.md"));
        assertThat(report).contains("within the HMT factor", "within TYUC's factor", "Sparse sign vs Gaussian");
    }
}
