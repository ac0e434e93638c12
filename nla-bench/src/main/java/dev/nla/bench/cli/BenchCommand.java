package dev.nla.bench.cli;

import dev.nla.bench.env.Environment;
import dev.nla.bench.jmh.BenchRunner;
import dev.nla.bench.jmh.BenchSuite;
import dev.nla.bench.jmh.BenchSuites;
import dev.nla.bench.jmh.Implementation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code nla bench}: runs a JMH suite, one child JVM per thread count, and writes ratio tables. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a JMH benchmark suite ('nla list' shows them) and write jmh.json, results.csv and "
                + "results.md with every implementation's score and its ratio to the baseline measured in the same "
                + "run (native BLAS if available, otherwise the naive loop). Arguments after the suite that are not "
                + "options of this command are passed to JMH (e.g. -p n=512 -wi 5).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<suite>", description = "The benchmark suite.")
    String suite;

    @Option(
            names = "--quick",
            description = "Smoke run: no forks, no warm-up, one 100 ms iteration, small sizes. Checks that the "
                    + "benchmarks run; the numbers are not meaningful.")
    boolean quick;

    @Option(
            names = "--out",
            defaultValue = "results/bench",
            paramLabel = "DIR",
            description = "Results directory; the suite writes to DIR/<suite>/ (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--threads",
            split = ",",
            paramLabel = "T",
            description = "Thread counts, e.g. 1,2 (default: 1 and the number of cores).")
    List<Integer> threads;

    @Option(
            names = "--impl",
            split = ",",
            paramLabel = "IMPL",
            description = "Implementations: native, vector, scalar, ejml, naive (default: all available; the baseline "
                    + "is always added).")
    List<String> impls;

    @Option(names = "--dry-run", description = "Print the JMH command lines without running them.")
    boolean dryRun;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        BenchSuite s = BenchSuites.find(suite)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "unknown benchmark suite '" + suite + "'; valid: " + String.join(", ", BenchSuites.names())));
        List<Implementation> selected = new ArrayList<>();
        try {
            if (impls == null || impls.isEmpty()) {
                selected.addAll(List.of(Implementation.values()));
            } else {
                for (String i : impls) {
                    selected.add(Implementation.parse(i));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        List<Integer> threadCounts = threads;
        if (threadCounts == null || threadCounts.isEmpty()) {
            int cores = Runtime.getRuntime().availableProcessors();
            threadCounts = cores > 1 ? List.of(1, cores) : List.of(1);
        }
        List<Implementation> available = new ArrayList<>();
        for (Implementation i : Implementation.values()) {
            if (i.available()) {
                available.add(i);
            } else if (selected.contains(i)) {
                stderr.println("nla bench: skipping " + i.id() + ": " + unavailableReason(i));
            }
        }
        BenchRunner runner = BenchRunner.forCurrentJvm();
        BenchRunner.Settings settings;
        List<BenchRunner.ChildRun> plan;
        try {
            settings = new BenchRunner.Settings(s, quick, out, threadCounts, selected, jmhArgs);
            plan = runner.plan(settings, available);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (dryRun) {
            for (BenchRunner.ChildRun c : plan) {
                stdout.println(c.shellLine());
            }
            stdout.flush();
            return Main.OK;
        }
        BenchRunner.Summary summary = runner.run(settings, available, stdout);
        if (!summary.failures().isEmpty()) {
            for (String f : summary.failures()) {
                stderr.println("nla bench: " + f);
            }
            stderr.flush();
            return Main.FAILURE;
        }
        return Main.OK;
    }

    private static String unavailableReason(Implementation i) {
        if (i == Implementation.NATIVE) {
            return "no native BLAS library loads (apt-get install libopenblas0-pthread)";
        }
        if (!Environment.vectorModulePresent()) {
            return "this JVM lacks --add-modules jdk.incubator.vector (run through ./nla)";
        }
        return "the hardware lacks 256-bit double vectors";
    }
}
