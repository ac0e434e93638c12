package dev.nla.bench.jmh;

import static dev.nla.bench.jmh.Implementation.EJML;
import static dev.nla.bench.jmh.Implementation.NAIVE;
import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.SCALAR;
import static dev.nla.bench.jmh.Implementation.VECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchRunnerTest {
    private static final List<Implementation> ALL = List.of(Implementation.values());
    private static final List<Implementation> NO_NATIVE = List.of(VECTOR, SCALAR, EJML, NAIVE);
    private final BenchRunner runner =
            new BenchRunner("java", "nla.jar", List.of("--add-modules", "jdk.incubator.vector"));

    private static BenchRunner.Settings settings(
            String suite, List<Integer> threads, List<Implementation> impls, String... jmhArgs) {
        return new BenchRunner.Settings(
                BenchSuites.find(suite).orElseThrow(), true, Path.of("out"), threads, impls, List.of(jmhArgs));
    }

    @Test
    void oneChildPerBenchmarkAndThreadCount() {
        assertThat(runner.plan(settings("core", List.of(1, 2), ALL), ALL)).hasSize(6);
    }

    @Test
    void eachThreadCountSetsOpenBlasThreads() {
        List<BenchRunner.ChildRun> plan = runner.plan(settings("gemm", List.of(1, 2), ALL), ALL);
        assertThat(plan)
                .extracting(c -> c.environment().get("OPENBLAS_NUM_THREADS"))
                .containsExactly("1", "2");
    }

    @Test
    void singleThreadedImplementationsRunOnOneThreadOnly() {
        List<BenchRunner.ChildRun> plan = runner.plan(settings("trsm", List.of(1, 2), ALL), ALL);
        assertThat(plan.get(1).implementations()).containsExactly(NATIVE, VECTOR, SCALAR);
    }

    @Test
    void commandPassesImplementationsThreadsAndResultFile() {
        BenchRunner.ChildRun c =
                runner.plan(settings("gemm", List.of(2), ALL), ALL).get(0);
        assertThat(String.join(" ", c.command()))
                .startsWith("java --add-modules jdk.incubator.vector -cp nla.jar org.openjdk.jmh.Main ")
                .contains(
                        " -p impl=native,vector,scalar,ejml -p threads=2 ", " -rf json -rff out/gemm/jmh-gemm-t2.json");
    }

    @Test
    void naiveBaselineIsAddedOnOneThreadWhenNativeIsMissing() {
        List<BenchRunner.ChildRun> plan = runner.plan(settings("gemm", List.of(2), List.of(VECTOR)), NO_NATIVE);
        assertThat(plan)
                .extracting(c -> c.threads() + ":" + Implementation.ids(c.implementations()))
                .containsExactly("1:naive", "2:vector");
    }

    @Test
    void nativeBaselineIsAddedToASelection() {
        List<BenchRunner.ChildRun> plan = runner.plan(settings("gemm", List.of(1), List.of(EJML)), ALL);
        assertThat(plan.get(0).implementations()).containsExactly(NATIVE, EJML);
    }

    @Test
    void quickRunUsesSmokeOptionsAndSmallSizes() {
        String cmd = String.join(
                " ", runner.plan(settings("gemm", List.of(1), ALL), ALL).get(0).command());
        assertThat(cmd).endsWith("-f 0 -wi 0 -i 1 -w 100ms -r 100ms -p n=64");
    }

    @Test
    void userOptionsReplaceQuickDefaults() {
        String cmd = String.join(
                " ",
                runner.plan(settings("gemm", List.of(1), ALL, "-wi", "2", "-p", "n=128"), ALL)
                        .get(0)
                        .command());
        assertThat(cmd).endsWith("-f 0 -i 1 -w 100ms -r 100ms -wi 2 -p n=128");
    }

    @Test
    void implParameterIsRejectedInFavourOfTheOption() {
        assertThatThrownBy(() -> runner.plan(settings("gemm", List.of(1), ALL, "-p", "impl=naive"), ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--impl");
    }

    @Test
    void resultFileOptionsAreRejected() {
        assertThatThrownBy(() -> runner.plan(settings("gemm", List.of(1), ALL, "-rff", "x.json"), ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-rff");
    }

    @Test
    void duplicateThreadCountsAreRejected() {
        assertThatThrownBy(() -> settings("gemm", List.of(2, 2), ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 2]");
    }

    @Test
    void shellLineQuotesTheBenchmarkPattern() {
        BenchRunner.ChildRun c =
                runner.plan(settings("gemv", List.of(1), ALL), ALL).get(0);
        assertThat(c.shellLine())
                .startsWith("OPENBLAS_NUM_THREADS=1 java ")
                .contains(" '^\\Qdev.nla.bench.jmh.core.GemvBenchmark\\E\\.' ");
    }
}
