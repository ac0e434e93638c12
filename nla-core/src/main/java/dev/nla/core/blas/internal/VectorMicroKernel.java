package dev.nla.core.blas.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * An 8 x 6 Vector API micro-kernel for 256-bit vectors (4 doubles): each column of the tile is two
 * vectors, so the tile is twelve vector accumulators; per step of the inner dimension it loads two
 * vectors of \(\tilde A\), broadcasts six values of \(\tilde B\) and issues twelve fused
 * multiply-adds (12 accumulators + 2 A vectors + 1 broadcast = 15 of the 16 AVX2 registers; the
 * layout of the BLIS Haswell/Zen kernels).
 */
final class VectorMicroKernel implements MicroKernel {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    static final int MR = 8;
    static final int NR = 6;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public void compute(
            int kc,
            double[] a,
            int aOff,
            double[] b,
            int bOff,
            double alpha,
            double beta,
            double[] c,
            int cOff,
            int ldc) {
        DoubleVector c00 = DoubleVector.zero(SPECIES);
        DoubleVector c10 = DoubleVector.zero(SPECIES);
        DoubleVector c01 = DoubleVector.zero(SPECIES);
        DoubleVector c11 = DoubleVector.zero(SPECIES);
        DoubleVector c02 = DoubleVector.zero(SPECIES);
        DoubleVector c12 = DoubleVector.zero(SPECIES);
        DoubleVector c03 = DoubleVector.zero(SPECIES);
        DoubleVector c13 = DoubleVector.zero(SPECIES);
        DoubleVector c04 = DoubleVector.zero(SPECIES);
        DoubleVector c14 = DoubleVector.zero(SPECIES);
        DoubleVector c05 = DoubleVector.zero(SPECIES);
        DoubleVector c15 = DoubleVector.zero(SPECIES);
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * MR;
            int bi = bOff + p * NR;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, ai);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, ai + 4);
            DoubleVector bv = DoubleVector.broadcast(SPECIES, b[bi]);
            c00 = a0.fma(bv, c00);
            c10 = a1.fma(bv, c10);
            bv = DoubleVector.broadcast(SPECIES, b[bi + 1]);
            c01 = a0.fma(bv, c01);
            c11 = a1.fma(bv, c11);
            bv = DoubleVector.broadcast(SPECIES, b[bi + 2]);
            c02 = a0.fma(bv, c02);
            c12 = a1.fma(bv, c12);
            bv = DoubleVector.broadcast(SPECIES, b[bi + 3]);
            c03 = a0.fma(bv, c03);
            c13 = a1.fma(bv, c13);
            bv = DoubleVector.broadcast(SPECIES, b[bi + 4]);
            c04 = a0.fma(bv, c04);
            c14 = a1.fma(bv, c14);
            bv = DoubleVector.broadcast(SPECIES, b[bi + 5]);
            c05 = a0.fma(bv, c05);
            c15 = a1.fma(bv, c15);
        }
        if (beta == 0.0) {
            c00.mul(alpha).intoArray(c, cOff);
            c10.mul(alpha).intoArray(c, cOff + 4);
            c01.mul(alpha).intoArray(c, cOff + ldc);
            c11.mul(alpha).intoArray(c, cOff + ldc + 4);
            c02.mul(alpha).intoArray(c, cOff + 2 * ldc);
            c12.mul(alpha).intoArray(c, cOff + 2 * ldc + 4);
            c03.mul(alpha).intoArray(c, cOff + 3 * ldc);
            c13.mul(alpha).intoArray(c, cOff + 3 * ldc + 4);
            c04.mul(alpha).intoArray(c, cOff + 4 * ldc);
            c14.mul(alpha).intoArray(c, cOff + 4 * ldc + 4);
            c05.mul(alpha).intoArray(c, cOff + 5 * ldc);
            c15.mul(alpha).intoArray(c, cOff + 5 * ldc + 4);
        } else {
            merge(c00, c, cOff, alpha, beta);
            merge(c10, c, cOff + 4, alpha, beta);
            merge(c01, c, cOff + ldc, alpha, beta);
            merge(c11, c, cOff + ldc + 4, alpha, beta);
            merge(c02, c, cOff + 2 * ldc, alpha, beta);
            merge(c12, c, cOff + 2 * ldc + 4, alpha, beta);
            merge(c03, c, cOff + 3 * ldc, alpha, beta);
            merge(c13, c, cOff + 3 * ldc + 4, alpha, beta);
            merge(c04, c, cOff + 4 * ldc, alpha, beta);
            merge(c14, c, cOff + 4 * ldc + 4, alpha, beta);
            merge(c05, c, cOff + 5 * ldc, alpha, beta);
            merge(c15, c, cOff + 5 * ldc + 4, alpha, beta);
        }
    }

    /** {@code c[off..off+3] = fma(s, alpha, beta * c[off..off+3])}, lane by lane. */
    private static void merge(DoubleVector s, double[] c, int off, double alpha, double beta) {
        DoubleVector old = DoubleVector.fromArray(SPECIES, c, off).mul(beta);
        s.fma(DoubleVector.broadcast(SPECIES, alpha), old).intoArray(c, off);
    }
}
