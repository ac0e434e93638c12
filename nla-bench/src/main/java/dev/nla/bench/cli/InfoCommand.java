package dev.nla.bench.cli;

import dev.nla.bench.env.Environment;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nla info}: version, JDK, machine and kernel backends. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Print the nla version and git commit, the JDK, OS, cores, heap, the active kernel backend, "
                + "and whether the Vector API and native BLAS are available.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> lines = Environment.capture().describe();
        int width = 0;
        for (String label : lines.keySet()) {
            width = Math.max(width, label.length());
        }
        for (Map.Entry<String, String> e : lines.entrySet()) {
            out.println(String.format("%-" + (width + 1) + "s %s", e.getKey() + ":", e.getValue()));
        }
        out.flush();
        return Main.OK;
    }
}
