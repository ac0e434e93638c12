package dev.nla.bench.cli;

import dev.nla.bench.env.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code nla} command: holds the global options and the subcommands. */
@Command(
        name = "nla",
        mixinStandardHelpOptions = true,
        versionProvider = NlaCommand.Version.class,
        description = "Numerical linear algebra for the JVM: environment info, JMH benchmarks and experiment "
                + "reproduction.",
        subcommands = {InfoCommand.class, ListCommand.class, BenchCommand.class, ReproduceCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error. Documentation: docs/cli.md"})
final class NlaCommand implements Runnable {
    private final boolean terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    boolean verbose;

    NlaCommand(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether standard error is an interactive terminal. */
    boolean terminal() {
        return terminal;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of info, list, bench, reproduce");
    }

    /** Prints the version and the git commit of the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nla " + BuildInfo.current().summary()};
        }
    }
}
