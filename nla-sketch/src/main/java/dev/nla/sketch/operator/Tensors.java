package dev.nla.sketch.operator;

import java.util.Objects;

/** Validation and index helpers of the tensor-structured sketches. */
final class Tensors {
    private Tensors() {}

    /** The product of the sizes, validated: at least one, each >= 1, product <= Integer.MAX_VALUE. */
    static int product(String name, int[] sizes) {
        Objects.requireNonNull(sizes, name);
        if (sizes.length == 0) {
            throw new IllegalArgumentException(name + " must have at least one mode, got none");
        }
        long p = 1;
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 1) {
                throw new IllegalArgumentException(
                        name + " must all be at least 1, got " + name + "[" + k + "] = " + sizes[k]);
            }
            p *= sizes[k];
            if (p > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        name + " " + java.util.Arrays.toString(sizes) + " have a product above Integer.MAX_VALUE");
            }
        }
        return (int) p;
    }

    /** Product of sizes[from : to]. */
    static int product(int[] sizes, int from, int to) {
        int p = 1;
        for (int k = from; k < to; k++) {
            p *= sizes[k];
        }
        return p;
    }
}
