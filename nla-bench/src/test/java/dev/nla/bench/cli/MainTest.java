package dev.nla.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    /** The exit code and both captured streams of one invocation. */
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), false);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void unknownExperimentIsAUsageErrorNamingItAndTheValidOnes() {
        Run r = run("reproduce", "no-such-experiment");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown experiment 'no-such-experiment'", "valid: all, gemm-scaling");
    }

    @Test
    void unknownSuiteIsAUsageErrorNamingItAndTheValidOnes() {
        Run r = run("bench", "no-such-suite");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("unknown benchmark suite 'no-such-suite'", "gemm, gemv, trsm, core");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void missingCommandIsAUsageError() {
        Run r = run();
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("missing command");
    }

    @Test
    void unknownScaleIsAUsageErrorListingTheScales() {
        Run r = run("reproduce", "--scale", "huge");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("'huge'", "smoke, quick, paper");
    }

    @Test
    void allCannotBeCombinedWithNames() {
        assertThat(run("reproduce", "all", "gemm-scaling").code()).isEqualTo(Main.USAGE);
    }

    @Test
    void listShowsExperimentsAndSuites() {
        Run r = run("list");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("gemm-scaling", "core", "gemv", "trsm");
    }

    @Test
    void listShowsEveryRegisteredAttentionMethodWithItsCausalSupport() {
        String out = run("list").out();
        assertThat(out).contains("Attention methods");
        for (dev.nla.attention.AttentionMethod m : dev.nla.attention.AttentionMethods.all()) {
            assertThat(out.lines()).as(m.name()).anySatisfy(l -> assertThat(l)
                    .startsWith("  " + m.name() + " ")
                    .contains(m.supportsCausal() ? "yes" : "refuses"));
        }
    }

    @Test
    void infoShowsTheBackendAndTheJdk() {
        Run r = run("info");
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("Active backend:", "Java:", "Cores:", "Vector API:", "Native BLAS:");
    }

    @Test
    void versionShowsTheCommit() {
        Run r = run("--version");
        assertThat(r.out()).startsWith("nla ").contains("commit");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help").out()).contains("info", "list", "bench", "reproduce");
    }

    @Test
    void benchDryRunPrintsOneJmhCommandPerThreadCount() {
        Run r = run("bench", "gemm", "--quick", "--dry-run", "--threads", "1,2", "-p", "n=32");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out().lines())
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("org.openjdk.jmh.Main", "-p n=32"))
                .anySatisfy(l -> assertThat(l).startsWith("OPENBLAS_NUM_THREADS=2 "));
    }

    @Test
    void benchRejectsImplAsAJmhParameter() {
        Run r = run("bench", "gemm", "--dry-run", "-p", "impl=naive");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--impl");
    }

    @Test
    void benchRejectsUnknownImplementation() {
        Run r = run("bench", "gemm", "--dry-run", "--impl", "cuda");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("'cuda'");
    }

    @Test
    void reproduceWritesResultsAndReportsWhereToStdout(@TempDir Path dir) {
        Run r = run("reproduce", "gemm-scaling", "--scale", "smoke", "--out", dir.toString(), "--progress", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("gemm-scaling: ok in ");
        assertThat(dir.resolve("gemm-scaling")).isDirectoryContaining("glob:**/manifest.json");
    }

    @Test
    void reproduceAllWritesTheIndex(@TempDir Path dir) {
        Run r = run("reproduce", "--scale", "smoke", "--out", dir.toString(), "--progress", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(dir.resolve("README.md")).exists();
    }

    /** The group runs both members into their own directories and indexes both reports. */
    @Test
    void reproduceRandnlaRunsBothMembersAndWritesTheIndex(@TempDir Path dir) throws Exception {
        Run r = run("reproduce", "randnla", "--scale", "smoke", "--out", dir.toString(), "--progress", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("randnla-lowrank: ok in ", "randnla-solvers: ok in ", "index: ");
        assertThat(Files.readString(dir.resolve("README.md")))
                .contains("(randnla-lowrank/report.md)", "(randnla-solvers/report.md)");
    }

    @Test
    void listShowsTheRandnlaGroup() {
        assertThat(run("list").out()).contains("Experiment groups", "randnla ");
    }

    @Test
    void unknownNameListsTheGroups() {
        assertThat(run("reproduce", "no-such-experiment").err()).contains("groups: randnla");
    }

    @Test
    void progressLinesGoToStandardError(@TempDir Path dir) {
        Run r = run("reproduce", "gemm-scaling", "--scale", "smoke", "--out", dir.toString(), "--progress", "lines");
        assertThat(r.err()).contains("gemm-scaling: started", "gemm-scaling: finished");
    }

    @Test
    void failureIsExitCodeOneWithAMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Run r = run("reproduce", "gemm-scaling", "--scale", "smoke", "--out", file.toString(), "--progress", "none");
        assertThat(r.code()).isEqualTo(Main.FAILURE);
        assertThat(r.err())
                .contains("nla: error: cannot create output directory")
                .doesNotContain("\tat ");
    }

    @Test
    void verbosePrintsTheStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Run r = run(
                "reproduce",
                "gemm-scaling",
                "--scale",
                "smoke",
                "--out",
                file.toString(),
                "--progress",
                "none",
                "--verbose");
        assertThat(r.err()).contains("\tat ");
    }
}
