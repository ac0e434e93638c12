package dev.nla.attention.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The memory acceptance test of issue 7: online-softmax attention at \(n = 32768\), \(d = 64\)
 * completes in a child JVM started with {@code -Xmx512m} (the dense score matrix alone would need
 * \(32768^2 \cdot 8\) bytes = 8 GiB). The child runs {@link MemoryProbe} on this test's class path.
 * Slow tier: about \(2.7 \cdot 10^{11}\) flops and \(10^9\) exponentials (9 s with the Vector API on
 * the loaded 2-core build machine, several times more with the scalar kernels).
 */
@Tag("slow")
class OnlineSoftmaxMemoryTest {
    private static final int N = 32768;
    private static final long HEAP = 512L << 20;
    private static int exitCode;
    private static String output;
    private static String errors;

    @BeforeAll
    static void runChild() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m"));
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        cmd.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), Integer.toString(N)));
        Path err = Files.createTempFile("nla-memory-probe", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            exitCode = p.exitValue();
            errors = Files.readString(err);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @Test
    void completesWithinA512MegabyteHeap() {
        assertThat(exitCode).as("child exit status; stderr: %s", errors).isZero();
    }

    @Test
    void theChildHeapWasLimited() {
        long maxHeap = Long.parseLong(output.split(" ")[0]);
        // At most -Xmx (the JVM may report less: one survivor space is excluded), an eighth of the
        // 8 GiB that the dense score matrix alone would take.
        assertThat(maxHeap).isLessThanOrEqualTo(HEAP).isLessThanOrEqualTo((long) N * N * Double.BYTES / 16);
    }

    @Test
    void checkedRowsEqualTheNaiveReference() {
        // Convex combinations of values of size about 4: 1e-12 absolute is ~1000 u of the entries
        // (sums of 32768 terms, cf. the n-dependence of the dense-vs-reference bound).
        double diff = Double.parseDouble(output.split(" ")[1]);
        assertThat(diff).isLessThanOrEqualTo(1e-12);
    }
}
