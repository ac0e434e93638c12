package dev.nla.bench.cli;

import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.Experiments;
import dev.nla.bench.jmh.BenchSuite;
import dev.nla.bench.jmh.BenchSuites;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nla list}: the experiments, the benchmark suites and the registered attention methods. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the experiments (nla reproduce), benchmark suites (nla bench) and attention methods.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = 0;
        for (Experiment e : Experiments.all()) {
            width = Math.max(width, e.name().length());
        }
        for (BenchSuite s : BenchSuites.all()) {
            width = Math.max(width, s.name().length());
        }
        for (Experiments.Group g : Experiments.groups()) {
            width = Math.max(width, g.name().length());
        }
        String format = "  %-" + width + "s  %s%n";
        out.println("Experiments (nla reproduce <experiment>|all):");
        for (Experiment e : Experiments.all()) {
            out.printf(format, e.name(), e.description());
        }
        out.println();
        out.println("Experiment groups (nla reproduce <group> runs the members and writes DIR/README.md):");
        for (Experiments.Group g : Experiments.groups()) {
            out.printf(format, g.name(), g.description());
        }
        out.println();
        out.println("Benchmark suites (nla bench <suite>):");
        for (BenchSuite s : BenchSuites.all()) {
            out.printf(format, s.name(), s.description());
        }
        out.println();
        out.println("Attention methods (nla bench attention-approx -p method=<name>[,<name>...]; the attention");
        out.println("experiments run every one):");
        int methodWidth = 0;
        int parameterWidth = "parameter".length();
        for (AttentionMethod m : AttentionMethods.all()) {
            methodWidth = Math.max(methodWidth, m.name().length());
            parameterWidth = Math.max(parameterWidth, m.parameter().length());
        }
        String methodFormat = "  %-" + methodWidth + "s  %-23s  %-7s  %-" + parameterWidth + "s  %s%n";
        out.printf(methodFormat, "name", "family", "causal", "parameter", "description");
        for (AttentionMethod m : AttentionMethods.all()) {
            out.printf(
                    methodFormat,
                    m.name(),
                    m.family().name().toLowerCase(Locale.ROOT),
                    m.supportsCausal() ? "yes" : "refuses",
                    m.parameter(),
                    m.description());
        }
        out.flush();
        return Main.OK;
    }
}
