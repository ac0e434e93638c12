package dev.nla.bench.cli;

import dev.nla.bench.env.Environment;
import dev.nla.bench.experiments.Experiment;
import dev.nla.bench.experiments.ExperimentRunner;
import dev.nla.bench.experiments.Experiments;
import dev.nla.bench.experiments.Progress;
import dev.nla.bench.experiments.Scale;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nla reproduce}: runs experiments and writes their results. */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        description = "Run experiments and write CSV tables, PNG plots, report.md and manifest.json to "
                + "DIR/<experiment>/ (and DIR/README.md when several run). 'nla list' shows the experiments.")
final class ReproduceCommand implements Callable<Integer> {
    /** Default of {@code --seed}: any run without {@code --seed} uses exactly this seed. */
    static final long DEFAULT_SEED = 20_260_401L;

    /** How progress is shown. */
    enum ProgressMode {
        AUTO,
        BAR,
        LINES,
        NONE
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    NlaCommand parent;

    @Parameters(
            arity = "0..*",
            paramLabel = "<experiment>",
            description = "Experiment or group names, or 'all' (the default).")
    List<String> names = new ArrayList<>();

    @Option(
            names = "--scale",
            defaultValue = "quick",
            paramLabel = "smoke|quick|paper",
            converter = ScaleConverter.class,
            description = "Problem sizes: smoke (seconds, checks wiring), quick (default, about a minute per "
                    + "experiment), paper (the papers' sizes, long).")
    Scale scale;

    @Option(
            names = "--out",
            defaultValue = "results",
            paramLabel = "DIR",
            description = "Results directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "" + DEFAULT_SEED,
            paramLabel = "N",
            description = "Root seed of all random inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--progress",
            defaultValue = "auto",
            paramLabel = "auto|bar|lines|none",
            converter = ProgressConverter.class,
            description = "Progress on standard error: auto (a bar on a terminal, periodic lines otherwise), bar, "
                    + "lines or none.")
    ProgressMode progressMode;

    @Override
    public Integer call() {
        List<Experiment> experiments = select();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Progress progress =
                switch (progressMode) {
                    case AUTO -> Progress.auto(stderr, parent != null && parent.terminal());
                    case BAR -> Progress.bar(stderr);
                    case LINES -> Progress.lines(stderr, Duration.ofSeconds(10));
                    case NONE -> Progress.silent();
                };
        ExperimentRunner runner = new ExperimentRunner(scale, out, seed, progress, Environment.capture());
        List<ExperimentRunner.Outcome> outcomes = new ArrayList<>();
        for (Experiment e : experiments) {
            ExperimentRunner.Outcome o = runner.run(e);
            outcomes.add(o);
            stdout.println(String.format(
                    Locale.ROOT,
                    "%s: %s in %.1f s -> %s",
                    o.experiment(),
                    o.succeeded() ? "ok" : "FAILED (" + o.error() + ")",
                    o.duration().toNanos() / 1e9,
                    o.directory().resolve(ExperimentRunner.REPORT_FILE)));
            stdout.flush();
        }
        if (experiments.size() > 1 || names.isEmpty() || names.contains("all")) {
            Path index = runner.writeIndex(outcomes);
            stdout.println("index: " + index);
        }
        long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
        if (failed > 0) {
            stderr.println("nla: " + failed + " of " + outcomes.size() + " experiment(s) failed; see their report.md");
            return Main.FAILURE;
        }
        return Main.OK;
    }

    /**
     * Resolves the positional names (experiments or groups) to experiments, in registry order for
     * 'all'.
     */
    private List<Experiment> select() {
        if (names.isEmpty() || names.contains("all")) {
            if (names.size() > 1) {
                throw new ParameterException(spec.commandLine(), "'all' cannot be combined with experiment names");
            }
            return Experiments.all();
        }
        List<Experiment> selected = new ArrayList<>();
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            String name = it.next();
            List<Experiment> named = Experiments.select(name)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(),
                            "unknown experiment '" + name + "'; valid: all, "
                                    + String.join(", ", Experiments.names()) + "; groups: "
                                    + String.join(
                                            ", ",
                                            Experiments.groups().stream()
                                                    .map(Experiments.Group::name)
                                                    .toList())));
            for (Experiment e : named) {
                if (!selected.contains(e)) {
                    selected.add(e);
                }
            }
        }
        return selected;
    }

    /** Parses {@code --scale}. */
    static final class ScaleConverter implements ITypeConverter<Scale> {
        @Override
        public Scale convert(String value) {
            return Scale.parse(value);
        }
    }

    /** Parses {@code --progress}. */
    static final class ProgressConverter implements ITypeConverter<ProgressMode> {
        @Override
        public ProgressMode convert(String value) {
            for (ProgressMode m : ProgressMode.values()) {
                if (m.name().equalsIgnoreCase(value.strip())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown progress mode '" + value + "'; valid: auto, bar, lines, none");
        }
    }
}
