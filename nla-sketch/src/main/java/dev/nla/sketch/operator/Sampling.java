package dev.nla.sketch.operator;

/** Helpers of the sampling sketches. */
final class Sampling {
    private Sampling() {}

    /** Row pointers of a sketch with one entry per row: 0, 1, ..., d. */
    static int[] rowPointers(int d) {
        int[] p = new int[d + 1];
        for (int i = 0; i <= d; i++) {
            p[i] = i;
        }
        return p;
    }
}
