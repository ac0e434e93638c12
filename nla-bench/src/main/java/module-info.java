/**
 * The {@code nla} command line, the JMH benchmarks and the experiment-reproduction framework.
 *
 * <p>The exported packages are the reproduction framework ({@link dev.nla.bench.experiments}), its
 * report writers ({@link dev.nla.bench.report}) and the environment snapshot they record ({@link
 * dev.nla.bench.env}); the command line, the benchmark harness and the benchmark classes are
 * internal. The module is packaged as one runnable jar that runs on the
 * class path (JMH loads its generated benchmark classes from there); see {@code
 * docs/decisions/0009-nla-bench-class-path-jar.md}.
 */
module dev.nla.bench {
    requires dev.nla.core;
    requires dev.nla.sketch;
    requires dev.nla.tensor;
    requires dev.nla.attention;
    requires java.desktop;
    requires java.logging;
    requires jdk.management;
    requires info.picocli;
    requires org.knowm.xchart;
    requires jmh.core;
    requires ejml.core;
    requires ejml.ddense;

    exports dev.nla.bench.env;
    exports dev.nla.bench.experiments;
    exports dev.nla.bench.report;

    opens dev.nla.bench.cli to
            info.picocli;
}
