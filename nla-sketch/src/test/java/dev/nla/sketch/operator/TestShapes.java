package dev.nla.sketch.operator;

import java.util.ArrayList;
import java.util.List;

/** Factorizations of sizes into mode sizes for the tensor-structured sketches. */
final class TestShapes {
    private TestShapes() {}

    /** {@code n} as a product of {@code parts} factors (>= 1), balancing them greedily. */
    static int[] factor(int n, int parts) {
        List<Integer> primes = new ArrayList<>();
        int rest = n;
        for (int p = 2; (long) p * p <= rest; p++) {
            while (rest % p == 0) {
                primes.add(p);
                rest /= p;
            }
        }
        if (rest > 1) {
            primes.add(rest);
        }
        int[] f = new int[parts];
        java.util.Arrays.fill(f, 1);
        for (int i = primes.size() - 1; i >= 0; i--) {
            int smallest = 0;
            for (int k = 1; k < parts; k++) {
                if (f[k] < f[smallest]) {
                    smallest = k;
                }
            }
            f[smallest] *= primes.get(i);
        }
        return f;
    }

    /** Mode sizes for {@code m}: up to three modes, as many as m has prime factors. */
    static int[] modes(int m) {
        int count = 0;
        int rest = m;
        for (int p = 2; (long) p * p <= rest; p++) {
            while (rest % p == 0) {
                count++;
                rest /= p;
            }
        }
        if (rest > 1) {
            count++;
        }
        return factor(m, Math.max(1, Math.min(3, count)));
    }
}
