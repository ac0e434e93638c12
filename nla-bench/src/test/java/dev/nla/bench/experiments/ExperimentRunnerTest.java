package dev.nla.bench.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.report.Json;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
    /** Writes one table and one plot, or fails on request. */
    private static final class Fake implements Experiment {
        private final String name;
        private final boolean fail;

        Fake(String name, boolean fail) {
            this.name = name;
            this.fail = fail;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "a fake experiment";
        }

        @Override
        public void run(ExperimentContext context) {
            context.option("sizes", List.of(1, 2));
            Table t = Table.builder().integer("n").real("y", 3).build();
            t.addRow(1, 0.5).addRow(2, 0.25);
            context.writeTable("data.csv", t);
            context.savePlot(
                    "plot.png", new LinePlot("p", "n", "y").series("y", new double[] {1, 2}, new double[] {0.5, 0.25}));
            context.report().finding("seed was " + context.seed());
            if (fail) {
                throw new IllegalStateException("boom \"quoted\"");
            }
        }
    }

    private static ExperimentRunner runner(Path dir) {
        return new ExperimentRunner(Scale.SMOKE, dir, 7L, Progress.silent(), TestEnvironments.fixed());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest(Path dir, String name) {
        return (Map<String, Object>) Json.parse(dir.resolve(name).resolve(ExperimentRunner.MANIFEST_FILE));
    }

    @Test
    void writesEveryOutputFile(@TempDir Path dir) {
        runner(dir).run(new Fake("fake", false));
        assertThat(dir.resolve("fake"))
                .isDirectoryContaining("glob:**/data.csv")
                .isDirectoryContaining("glob:**/plot.png")
                .isDirectoryContaining("glob:**/report.md")
                .isDirectoryContaining("glob:**/manifest.json");
    }

    @Test
    void manifestRecordsRunAndEnvironment(@TempDir Path dir) {
        runner(dir).run(new Fake("fake", false));
        Map<String, Object> m = manifest(dir, "fake");
        assertThat(m)
                .containsEntry("experiment", "fake")
                .containsEntry("status", "ok")
                .containsEntry("scale", "smoke")
                .containsEntry("seed", 7L)
                .containsEntry("options", Map.of("sizes", List.of(1L, 2L)))
                .containsEntry("outputs", List.of("data.csv", "plot.png", "report.md", "manifest.json"))
                .containsKeys("startTime", "durationSeconds");
    }

    @Test
    void manifestEnvironmentEscapesStrings(@TempDir Path dir) {
        runner(dir).run(new Fake("fake", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) manifest(dir, "fake").get("environment");
        assertThat(env)
                .containsEntry("javaVendor", "Vendor \"Q\"")
                .containsEntry("gitCommit", "0123456789abcdef0123456789abcdef01234567")
                .containsEntry("cores", 2L)
                .containsEntry("backend", "scalar, 2 thread(s)");
    }

    @Test
    void reportHasTitleFindingsAndParameters(@TempDir Path dir) throws Exception {
        runner(dir).run(new Fake("fake", false));
        String report = Files.readString(dir.resolve("fake/report.md"), StandardCharsets.UTF_8);
        assertThat(report).startsWith("# fake\n\na fake experiment\n").contains("- seed was 7", "| sizes | 1, 2 |");
    }

    @Test
    void failureIsRecordedNotThrown(@TempDir Path dir) {
        ExperimentRunner.Outcome o = runner(dir).run(new Fake("bad", true));
        assertThat(o.succeeded()).isFalse();
    }

    @Test
    void failureMessageGoesIntoTheManifest(@TempDir Path dir) {
        runner(dir).run(new Fake("bad", true));
        assertThat(manifest(dir, "bad"))
                .containsEntry("status", "failed")
                .containsEntry("error", "IllegalStateException: boom \"quoted\"");
    }

    @Test
    void indexLinksEveryReport(@TempDir Path dir) throws Exception {
        runner(dir).runAll(List.of(new Fake("one", false), new Fake("two", true)));
        String index = Files.readString(dir.resolve(ExperimentRunner.INDEX_FILE), StandardCharsets.UTF_8);
        assertThat(index).contains("[report](one/report.md)", "[report](two/report.md)", "| ok |", "failed: ");
    }

    @Test
    void rerunRemovesOutputsOfThePreviousRun(@TempDir Path dir) throws Exception {
        runner(dir).run(new Fake("fake", false));
        Files.writeString(dir.resolve("fake/keep.txt"), "not ours");
        ExperimentRunner.Outcome o = runner(dir).run(new Experiment() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public String description() {
                return "writes nothing";
            }

            @Override
            public void run(ExperimentContext context) {}
        });
        assertThat(o.directory())
                .isDirectoryNotContaining("glob:**/data.csv")
                .isDirectoryContaining("glob:**/keep.txt");
    }
}
