package dev.nla.core.decomp.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DecompKernels} on the Vector API, with vectors of the preferred species: rotations update
 * column segments a vector at a time (two consecutive rotations together), and compensated dot
 * products keep one TwoSum accumulator per lane. Loaded (by reflection, from {@link
 * DecompKernels#INSTANCE}) only when {@code jdk.incubator.vector} is present.
 */
final class VectorDecompKernels implements DecompKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /**
     * Whether the preferred species holds at least two doubles (otherwise the scalar kernel is as
     * fast).
     *
     * @return {@code true} if this kernel is worth using
     */
    static boolean hardwareSupported() {
        return SPECIES.length() >= 2;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void applyRotations(
            double[] a,
            int off,
            int ld,
            int rowStart,
            int rowEnd,
            int col0,
            int count,
            double[] c,
            int cOff,
            double[] s,
            int sOff,
            boolean forward) {
        int lanes = SPECIES.length();
        int vectorEnd = rowStart + (rowEnd - rowStart) / lanes * lanes;
        int t = 0;
        // two consecutive rotations share a column: apply them together so that the shared column
        // stays in registers (3 loads and 3 stores for 2 rotations instead of 4 and 4)
        for (; t + 1 < count; t += 2) {
            int j1 = forward ? t : count - 1 - t;
            int j2 = forward ? t + 1 : count - 2 - t;
            double c1 = c[cOff + j1];
            double s1 = s[sOff + j1];
            double c2 = c[cOff + j2];
            double s2 = s[sOff + j2];
            // columns lo, mid, hi = col0 + min(j1, j2) + {0, 1, 2}
            int lo = off + (col0 + Math.min(j1, j2)) * ld;
            int mid = lo + ld;
            int hi = mid + ld;
            int i = rowStart;
            if (forward) {
                // first rotation j1 on (lo, mid), then j2 on (mid, hi)
                for (; i < vectorEnd; i += lanes) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, a, lo + i);
                    DoubleVector y = DoubleVector.fromArray(SPECIES, a, mid + i);
                    DoubleVector z = DoubleVector.fromArray(SPECIES, a, hi + i);
                    DoubleVector y1 = y.mul(c1).sub(x.mul(s1));
                    x.mul(c1).add(y.mul(s1)).intoArray(a, lo + i);
                    z.mul(c2).sub(y1.mul(s2)).intoArray(a, hi + i);
                    y1.mul(c2).add(z.mul(s2)).intoArray(a, mid + i);
                }
                for (; i < rowEnd; i++) {
                    double x = a[lo + i];
                    double y = a[mid + i];
                    double z = a[hi + i];
                    double y1 = c1 * y - s1 * x;
                    a[lo + i] = s1 * y + c1 * x;
                    a[hi + i] = c2 * z - s2 * y1;
                    a[mid + i] = s2 * z + c2 * y1;
                }
            } else {
                // first rotation j1 on (mid, hi), then j2 = j1 - 1 on (lo, mid)
                for (; i < vectorEnd; i += lanes) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, a, lo + i);
                    DoubleVector y = DoubleVector.fromArray(SPECIES, a, mid + i);
                    DoubleVector z = DoubleVector.fromArray(SPECIES, a, hi + i);
                    DoubleVector y1 = y.mul(c1).add(z.mul(s1));
                    z.mul(c1).sub(y.mul(s1)).intoArray(a, hi + i);
                    y1.mul(c2).sub(x.mul(s2)).intoArray(a, mid + i);
                    x.mul(c2).add(y1.mul(s2)).intoArray(a, lo + i);
                }
                for (; i < rowEnd; i++) {
                    double x = a[lo + i];
                    double y = a[mid + i];
                    double z = a[hi + i];
                    double y1 = s1 * z + c1 * y;
                    a[hi + i] = c1 * z - s1 * y;
                    a[mid + i] = c2 * y1 - s2 * x;
                    a[lo + i] = s2 * y1 + c2 * x;
                }
            }
        }
        for (; t < count; t++) {
            int j = forward ? t : count - 1 - t;
            double cj = c[cOff + j];
            double sj = s[sOff + j];
            if (cj == 1.0 && sj == 0.0) {
                continue;
            }
            int p = off + (col0 + j) * ld;
            int q = p + ld;
            int i = rowStart;
            for (; i < vectorEnd; i += lanes) {
                DoubleVector y = DoubleVector.fromArray(SPECIES, a, q + i);
                DoubleVector x = DoubleVector.fromArray(SPECIES, a, p + i);
                y.mul(cj).sub(x.mul(sj)).intoArray(a, q + i);
                x.mul(cj).add(y.mul(sj)).intoArray(a, p + i);
            }
            for (; i < rowEnd; i++) {
                double y = a[q + i];
                double x = a[p + i];
                a[q + i] = cj * y - sj * x;
                a[p + i] = sj * y + cj * x;
            }
        }
    }

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        int lanes = SPECIES.length();
        int step = 4 * lanes;
        DoubleVector s = DoubleVector.zero(SPECIES);
        DoubleVector c = DoubleVector.zero(SPECIES);
        int i = 0;
        int end = n - n % step;
        for (; i < end; i += step) {
            // per lane a group of four products, two roundings deep, then TwoSum into (s, c)
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, xOff + i);
            DoubleVector y0 = DoubleVector.fromArray(SPECIES, y, yOff + i);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, xOff + i + lanes);
            DoubleVector y1 = DoubleVector.fromArray(SPECIES, y, yOff + i + lanes);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, xOff + i + 2 * lanes);
            DoubleVector y2 = DoubleVector.fromArray(SPECIES, y, yOff + i + 2 * lanes);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, xOff + i + 3 * lanes);
            DoubleVector y3 = DoubleVector.fromArray(SPECIES, y, yOff + i + 3 * lanes);
            DoubleVector p = x1.fma(y1, x0.mul(y0)).add(x3.fma(y3, x2.mul(y2)));
            DoubleVector t = s.add(p);
            DoubleVector z = t.sub(s);
            c = c.add(s.sub(t.sub(z)).add(p.sub(z)));
            s = t;
        }
        // merge the lanes and the tail with scalar error-free additions
        double sum = 0.0;
        double comp = c.reduceLanes(VectorOperators.ADD);
        for (int l = 0; l < lanes; l++) {
            double sk = s.lane(l);
            double t = sum + sk;
            double z = t - sum;
            comp += (sum - (t - z)) + (sk - z);
            sum = t;
        }
        for (; i < n; i++) {
            double a = x[xOff + i];
            double b = y[yOff + i];
            double p = a * b;
            double t = sum + p;
            double z = t - sum;
            comp += Math.fma(a, b, -p) + ((sum - (t - z)) + (p - z));
            sum = t;
        }
        return sum + comp;
    }
}
