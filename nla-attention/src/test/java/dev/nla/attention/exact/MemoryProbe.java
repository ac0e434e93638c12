package dev.nla.attention.exact;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;

/**
 * The child process of {@link OnlineSoftmaxMemoryTest}: online-softmax attention of {@code n} tokens
 * with \(d = 64\) in whatever heap the JVM was given. Writes one line to standard output, {@code
 * maxHeapBytes maxAbsDiffOnCheckedRows}, and exits with status 0, or exits non-zero (an {@code
 * OutOfMemoryError} ends the process with status 1 and a stack trace on standard error).
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    /**
     * Runs the probe.
     *
     * @param args {@code n}
     */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int d = 64;
        AttentionInput in = AttentionInputs.lowRankQK(n, d, 32, 1.0, RngState.seed(2024));
        DenseMatrix o = OnlineSoftmaxAttention.withDefaults().compute(in.q(), in.k(), in.v(), AttentionMask.NONE);
        // Check a few rows against the naive twin (each row is O(n d) work and O(n) memory).
        double scale = 1.0 / Math.sqrt(d);
        double diff = 0;
        for (int i : new int[] {0, 1, n / 2, n - 1}) {
            DenseMatrix ref =
                    ReferenceAttention.compute(in.q().view(i, 0, 1, d), in.k(), in.v(), AttentionMask.NONE, scale);
            for (int c = 0; c < d; c++) {
                double x = o.get(i, c);
                diff = Double.isFinite(x) ? Math.max(diff, Math.abs(x - ref.get(0, c))) : Double.POSITIVE_INFINITY;
            }
        }
        System.out.println(Runtime.getRuntime().maxMemory() + " " + diff);
    }
}
