package dev.nla.bench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code nla} command ({@code java -jar nla.jar ...}; normally started through
 * the {@code ./nla} launcher script).
 *
 * <p>Exit codes: {@value #OK} on success, {@value #FAILURE} when a command fails (the message goes
 * to standard error, with a stack trace only under {@code --verbose}), {@value #USAGE} for a usage
 * error (unknown command, option, experiment or suite).
 */
public final class Main {
    /** Exit code of a successful command. */
    public static final int OK = 0;

    /** Exit code of a command that failed. */
    public static final int FAILURE = 1;

    /** Exit code of a usage error. */
    public static final int USAGE = 2;

    /**
     * The netlib logger, kept reachable so that its level sticks: netlib announces which BLAS it
     * loaded at INFO level, which would clutter every command's output.
     */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");

    private Main() {}

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        NETLIB_LOG.setLevel(Level.WARNING);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err, System.console() != null);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams (used by {@link #main} and by tests).
     *
     * @param args     the arguments, e.g. {@code {"reproduce", "gemm-scaling"}}
     * @param out      standard output
     * @param err      standard error (messages and progress)
     * @param terminal whether {@code err} is an interactive terminal (progress bar instead of lines)
     * @return the exit code: {@value #OK}, {@value #FAILURE} or {@value #USAGE}
     * @throws NullPointerException if an argument is null
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        CommandLine cl = commandLine(terminal);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Builds the picocli command tree with the error handling described in the class comment.
     *
     * @param terminal whether standard error is an interactive terminal
     * @return the configured command line
     */
    static CommandLine commandLine(boolean terminal) {
        CommandLine cl = new CommandLine(new NlaCommand(terminal));
        cl.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? USAGE : FAILURE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            err.println("nla: " + ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            PrintWriter err = c.getErr();
            String message = ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage();
            err.println("nla: error: " + message);
            if (verbose(parseResult)) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return FAILURE;
        });
        return cl;
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        List<CommandLine> chain = parseResult.asCommandLineList();
        for (CommandLine c : chain) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
