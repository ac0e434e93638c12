package dev.nla.tensor.tenalg;

import java.util.function.Consumer;

/** Naive multi-index iteration for the reference twins: first index fastest. */
final class MultiIndex {
    private MultiIndex() {}

    /** Calls {@code body} with every multi-index of {@code shape}, first index fastest (the array is reused). */
    static void forEach(int[] shape, Consumer<int[]> body) {
        int[] idx = new int[shape.length];
        long total = 1;
        for (int n : shape) {
            total *= n;
        }
        for (long p = 0; p < total; p++) {
            body.accept(idx);
            for (int k = 0; k < shape.length; k++) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
    }

    /** Linear position of {@code idx} in {@code shape}, first index fastest. */
    static int position(int[] shape, int[] idx) {
        int pos = 0;
        for (int k = shape.length - 1; k >= 0; k--) {
            pos = pos * shape[k] + idx[k];
        }
        return pos;
    }
}
