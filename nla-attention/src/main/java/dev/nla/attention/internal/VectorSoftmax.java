package dev.nla.attention.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels of {@link Softmax} on the preferred double species (8 lanes with AVX-512, 4 with
 * AVX2). Every lane performs the operations of the scalar twin in the same order, so the results are
 * bitwise identical. Loaded reflectively, only when {@code jdk.incubator.vector} is resolved.
 *
 * <p>The hot loop of {@link #expShiftSum} spells out the polynomial of {@link #exp(DoubleVector)}
 * instead of calling it. A call is inlined only if the JIT has not yet compiled the callee on its own
 * into a large method; when it has (a race decided during warm-up), every vector crosses the call
 * boxed, and the attention kernels ran 2 to 3.5 times slower in one JVM out of two to eight (measured
 * with JMH forks). Written out, the loop compiles the same way every time.
 */
final class VectorSoftmax implements Softmax.Kernels {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int L = SPECIES.length();

    /** Creates the kernels (public for the reflective loader). */
    public VectorSoftmax() {}

    /**
     * Whether the hardware runs at least 256-bit double vectors.
     *
     * @return {@code true} if the kernels pay off
     */
    public static boolean supported() {
        return SPECIES.vectorShape().vectorBitSize() >= VectorShape.S_256_BIT.vectorBitSize();
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void rowMax(double[] t, int off, int ld, int rows, int cols, double[] max) {
        int i = 0;
        for (; i + L <= rows; i += L) {
            DoubleVector m = DoubleVector.fromArray(SPECIES, max, i);
            int p = off + i;
            for (int j = 0; j < cols; j++, p += ld) {
                m = m.max(DoubleVector.fromArray(SPECIES, t, p));
            }
            m.intoArray(max, i);
        }
        Softmax.rowMaxScalar(t, off, ld, i, rows, cols, max);
    }

    @Override
    public void expShiftSum(double[] t, int off, int ld, int rows, int cols, double[] shift, double[] sum) {
        int i = 0;
        for (; i + L <= rows; i += L) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, shift, i);
            DoubleVector acc = DoubleVector.fromArray(SPECIES, sum, i);
            int p = off + i;
            for (int j = 0; j < cols; j++, p += ld) {
                DoubleVector x = DoubleVector.fromArray(SPECIES, t, p).sub(s);
                DoubleVector e;
                if (x.compare(VectorOperators.GE, V_LOW)
                        .and(x.compare(VectorOperators.LE, V_HIGH))
                        .allTrue()) {
                    // The body of exp(DoubleVector), written out: see the class comment.
                    DoubleVector y = x.fma(V_LOG2E, V_SHIFTER);
                    DoubleVector negK = V_SHIFTER.sub(y);
                    DoubleVector r = negK.fma(V_LN2_LO, negK.fma(V_LN2_HI, x));
                    DoubleVector q = V_C13.fma(r, V_C12);
                    q = q.fma(r, V_C11);
                    q = q.fma(r, V_C10);
                    q = q.fma(r, V_C9);
                    q = q.fma(r, V_C8);
                    q = q.fma(r, V_C7);
                    q = q.fma(r, V_C6);
                    q = q.fma(r, V_C5);
                    q = q.fma(r, V_C4);
                    q = q.fma(r, V_C3);
                    q = q.fma(r, V_C2);
                    q = q.fma(r, V_C1);
                    q = q.fma(r, V_C0);
                    LongVector bits = y.reinterpretAsLongs();
                    e = q.mul(bits.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
                } else {
                    e = expLanes(x);
                }
                e.intoArray(t, p);
                acc = acc.add(e);
            }
            acc.intoArray(sum, i);
        }
        Softmax.expShiftSumScalar(t, off, ld, i, rows, cols, shift, sum);
    }

    @Override
    public void scaleRows(double[] a, int off, int ld, int rows, int cols, double[] factor) {
        int vectorRows = rows - rows % L;
        for (int j = 0; j < cols; j++) {
            int base = off + j * ld;
            for (int i = 0; i < vectorRows; i += L) {
                DoubleVector.fromArray(SPECIES, a, base + i)
                        .mul(DoubleVector.fromArray(SPECIES, factor, i))
                        .intoArray(a, base + i);
            }
        }
        Softmax.scaleRowsScalar(a, off, ld, vectorRows, rows, cols, factor);
    }

    @Override
    public void exp(double[] x, int off, int length) {
        int i = 0;
        for (; i + L <= length; i += L) {
            exp(DoubleVector.fromArray(SPECIES, x, off + i)).intoArray(x, off + i); // cold: per block rows
        }
        for (; i < length; i++) {
            x[off + i] = Softmax.exp(x[off + i]);
        }
    }

    private static final DoubleVector V_LOW = DoubleVector.broadcast(SPECIES, Softmax.LOW);
    private static final DoubleVector V_HIGH = DoubleVector.broadcast(SPECIES, Softmax.HIGH);
    private static final DoubleVector V_LOG2E = DoubleVector.broadcast(SPECIES, Softmax.LOG2E);
    private static final DoubleVector V_SHIFTER = DoubleVector.broadcast(SPECIES, Softmax.SHIFTER);
    private static final DoubleVector V_LN2_HI = DoubleVector.broadcast(SPECIES, Softmax.LN2_HI);
    private static final DoubleVector V_LN2_LO = DoubleVector.broadcast(SPECIES, Softmax.LN2_LO);
    private static final DoubleVector V_C0 = DoubleVector.broadcast(SPECIES, Softmax.C0);
    private static final DoubleVector V_C1 = DoubleVector.broadcast(SPECIES, Softmax.C1);
    private static final DoubleVector V_C2 = DoubleVector.broadcast(SPECIES, Softmax.C2);
    private static final DoubleVector V_C3 = DoubleVector.broadcast(SPECIES, Softmax.C3);
    private static final DoubleVector V_C4 = DoubleVector.broadcast(SPECIES, Softmax.C4);
    private static final DoubleVector V_C5 = DoubleVector.broadcast(SPECIES, Softmax.C5);
    private static final DoubleVector V_C6 = DoubleVector.broadcast(SPECIES, Softmax.C6);
    private static final DoubleVector V_C7 = DoubleVector.broadcast(SPECIES, Softmax.C7);
    private static final DoubleVector V_C8 = DoubleVector.broadcast(SPECIES, Softmax.C8);
    private static final DoubleVector V_C9 = DoubleVector.broadcast(SPECIES, Softmax.C9);
    private static final DoubleVector V_C10 = DoubleVector.broadcast(SPECIES, Softmax.C10);
    private static final DoubleVector V_C11 = DoubleVector.broadcast(SPECIES, Softmax.C11);
    private static final DoubleVector V_C12 = DoubleVector.broadcast(SPECIES, Softmax.C12);
    private static final DoubleVector V_C13 = DoubleVector.broadcast(SPECIES, Softmax.C13);

    /**
     * Lane-wise {@link Softmax#exp(double)}. Kept small (constants in static fields, the rare
     * out-of-range case in its own method) so that the JIT inlines it into the loops; a call that is
     * not inlined would box every vector.
     */
    static DoubleVector exp(DoubleVector x) {
        if (!x.compare(VectorOperators.GE, V_LOW)
                .and(x.compare(VectorOperators.LE, V_HIGH))
                .allTrue()) {
            return expLanes(x);
        }
        DoubleVector y = x.fma(V_LOG2E, V_SHIFTER);
        DoubleVector negK = V_SHIFTER.sub(y);
        DoubleVector r = negK.fma(V_LN2_LO, negK.fma(V_LN2_HI, x));
        DoubleVector p = V_C13.fma(r, V_C12);
        p = p.fma(r, V_C11);
        p = p.fma(r, V_C10);
        p = p.fma(r, V_C9);
        p = p.fma(r, V_C8);
        p = p.fma(r, V_C7);
        p = p.fma(r, V_C6);
        p = p.fma(r, V_C5);
        p = p.fma(r, V_C4);
        p = p.fma(r, V_C3);
        p = p.fma(r, V_C2);
        p = p.fma(r, V_C1);
        p = p.fma(r, V_C0);
        LongVector bits = y.reinterpretAsLongs();
        return p.mul(bits.add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles());
    }

    /** The out-of-range case: every lane through the scalar function. */
    private static DoubleVector expLanes(DoubleVector x) {
        double[] lanes = x.toArray();
        for (int l = 0; l < lanes.length; l++) {
            lanes[l] = Softmax.exp(lanes[l]);
        }
        return DoubleVector.fromArray(SPECIES, lanes, 0);
    }
}
