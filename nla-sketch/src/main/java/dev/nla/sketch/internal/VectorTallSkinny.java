package dev.nla.sketch.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels of {@link TallSkinny} on the preferred double species (8 lanes with AVX-512, 4
 * with AVX2). Each tile holds 12 vector accumulators (small enough for C1 to compile, see ADR 0007)
 * and every lane computes the same fused multiply-add chain as the scalar kernel. Loaded
 * reflectively, only when {@code jdk.incubator.vector} is resolved.
 */
final class VectorTallSkinny implements TallSkinny.Kernels {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int L = SPECIES.length();

    /** Creates the kernels (public for the reflective loader). */
    public VectorTallSkinny() {}

    /**
     * Whether the hardware runs at least 256-bit double vectors.
     *
     * @return {@code true} if the kernels pay off
     */
    public static boolean supported() {
        return SPECIES.vectorShape().vectorBitSize() >= VectorShape.S_256_BIT.vectorBitSize();
    }

    @Override
    public int rowTile() {
        return 3 * L;
    }

    @Override
    public int panelWidth() {
        return 2 * L;
    }

    @Override
    public void timesTile(double[] pa, int pao, double[] px, int pxo, int kc, double[] c, int ci, int ldc) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, c, ci);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, c, ci + L);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, c, ci + 2 * L);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, c, ci + ldc);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, c, ci + ldc + L);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, c, ci + ldc + 2 * L);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc + L);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc + 2 * L);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc + L);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc + 2 * L);
        int tile = 3 * L;
        for (int p = 0; p < kc; p++) {
            int ap = pao + p * tile;
            int bp = pxo + p * 4;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, pa, ap);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, pa, ap + L);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, pa, ap + 2 * L);
            DoubleVector b0 = DoubleVector.broadcast(SPECIES, px[bp]);
            c00 = a0.fma(b0, c00);
            c10 = a1.fma(b0, c10);
            c20 = a2.fma(b0, c20);
            DoubleVector b1 = DoubleVector.broadcast(SPECIES, px[bp + 1]);
            c01 = a0.fma(b1, c01);
            c11 = a1.fma(b1, c11);
            c21 = a2.fma(b1, c21);
            DoubleVector b2 = DoubleVector.broadcast(SPECIES, px[bp + 2]);
            c02 = a0.fma(b2, c02);
            c12 = a1.fma(b2, c12);
            c22 = a2.fma(b2, c22);
            DoubleVector b3 = DoubleVector.broadcast(SPECIES, px[bp + 3]);
            c03 = a0.fma(b3, c03);
            c13 = a1.fma(b3, c13);
            c23 = a2.fma(b3, c23);
        }
        c00.intoArray(c, ci);
        c10.intoArray(c, ci + L);
        c20.intoArray(c, ci + 2 * L);
        c01.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L);
        c21.intoArray(c, ci + ldc + 2 * L);
        c02.intoArray(c, ci + 2 * ldc);
        c12.intoArray(c, ci + 2 * ldc + L);
        c22.intoArray(c, ci + 2 * ldc + 2 * L);
        c03.intoArray(c, ci + 3 * ldc);
        c13.intoArray(c, ci + 3 * ldc + L);
        c23.intoArray(c, ci + 3 * ldc + 2 * L);
    }

    @Override
    public void timesTilePacking(
            double[] a,
            int ao,
            int lda,
            double[] pa,
            int pao,
            double[] px,
            int pxo,
            int kc,
            double[] c,
            int ci,
            int ldc) {
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, c, ci);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, c, ci + L);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, c, ci + 2 * L);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, c, ci + ldc);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, c, ci + ldc + L);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, c, ci + ldc + 2 * L);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc + L);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc + 2 * L);
        DoubleVector c03 = DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc);
        DoubleVector c13 = DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc + L);
        DoubleVector c23 = DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc + 2 * L);
        int tile = 3 * L;
        for (int p = 0; p < kc; p++) {
            int ap = pao + p * tile;
            int bp = pxo + p * 4;
            int as = ao + p * lda;
            DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, as);
            DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, as + L);
            DoubleVector a2 = DoubleVector.fromArray(SPECIES, a, as + 2 * L);
            a0.intoArray(pa, ap);
            a1.intoArray(pa, ap + L);
            a2.intoArray(pa, ap + 2 * L);
            DoubleVector b0 = DoubleVector.broadcast(SPECIES, px[bp]);
            c00 = a0.fma(b0, c00);
            c10 = a1.fma(b0, c10);
            c20 = a2.fma(b0, c20);
            DoubleVector b1 = DoubleVector.broadcast(SPECIES, px[bp + 1]);
            c01 = a0.fma(b1, c01);
            c11 = a1.fma(b1, c11);
            c21 = a2.fma(b1, c21);
            DoubleVector b2 = DoubleVector.broadcast(SPECIES, px[bp + 2]);
            c02 = a0.fma(b2, c02);
            c12 = a1.fma(b2, c12);
            c22 = a2.fma(b2, c22);
            DoubleVector b3 = DoubleVector.broadcast(SPECIES, px[bp + 3]);
            c03 = a0.fma(b3, c03);
            c13 = a1.fma(b3, c13);
            c23 = a2.fma(b3, c23);
        }
        c00.intoArray(c, ci);
        c10.intoArray(c, ci + L);
        c20.intoArray(c, ci + 2 * L);
        c01.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + L);
        c21.intoArray(c, ci + ldc + 2 * L);
        c02.intoArray(c, ci + 2 * ldc);
        c12.intoArray(c, ci + 2 * ldc + L);
        c22.intoArray(c, ci + 2 * ldc + 2 * L);
        c03.intoArray(c, ci + 3 * ldc);
        c13.intoArray(c, ci + 3 * ldc + L);
        c23.intoArray(c, ci + 3 * ldc + 2 * L);
    }

    @Override
    public void transposeTile(
            double[] a, int a0, int lda, int i0, int i1, double[] xp, int xo, double[] cr, int co, int lp) {
        int w = 2 * L;
        DoubleVector s00 = DoubleVector.fromArray(SPECIES, cr, co);
        DoubleVector s01 = DoubleVector.fromArray(SPECIES, cr, co + L);
        DoubleVector s10 = DoubleVector.fromArray(SPECIES, cr, co + lp);
        DoubleVector s11 = DoubleVector.fromArray(SPECIES, cr, co + lp + L);
        DoubleVector s20 = DoubleVector.fromArray(SPECIES, cr, co + 2 * lp);
        DoubleVector s21 = DoubleVector.fromArray(SPECIES, cr, co + 2 * lp + L);
        DoubleVector s30 = DoubleVector.fromArray(SPECIES, cr, co + 3 * lp);
        DoubleVector s31 = DoubleVector.fromArray(SPECIES, cr, co + 3 * lp + L);
        DoubleVector s40 = DoubleVector.fromArray(SPECIES, cr, co + 4 * lp);
        DoubleVector s41 = DoubleVector.fromArray(SPECIES, cr, co + 4 * lp + L);
        DoubleVector s50 = DoubleVector.fromArray(SPECIES, cr, co + 5 * lp);
        DoubleVector s51 = DoubleVector.fromArray(SPECIES, cr, co + 5 * lp + L);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        for (int i = i0; i < i1; i++) {
            int xi = xo + (i - i0) * w;
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, xp, xi);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, xp, xi + L);
            DoubleVector b0 = DoubleVector.broadcast(SPECIES, a[a0 + i]);
            s00 = b0.fma(x0, s00);
            s01 = b0.fma(x1, s01);
            DoubleVector b1 = DoubleVector.broadcast(SPECIES, a[a1 + i]);
            s10 = b1.fma(x0, s10);
            s11 = b1.fma(x1, s11);
            DoubleVector b2 = DoubleVector.broadcast(SPECIES, a[a2 + i]);
            s20 = b2.fma(x0, s20);
            s21 = b2.fma(x1, s21);
            DoubleVector b3 = DoubleVector.broadcast(SPECIES, a[a3 + i]);
            s30 = b3.fma(x0, s30);
            s31 = b3.fma(x1, s31);
            DoubleVector b4 = DoubleVector.broadcast(SPECIES, a[a4 + i]);
            s40 = b4.fma(x0, s40);
            s41 = b4.fma(x1, s41);
            DoubleVector b5 = DoubleVector.broadcast(SPECIES, a[a5 + i]);
            s50 = b5.fma(x0, s50);
            s51 = b5.fma(x1, s51);
        }
        s00.intoArray(cr, co);
        s01.intoArray(cr, co + L);
        s10.intoArray(cr, co + lp);
        s11.intoArray(cr, co + lp + L);
        s20.intoArray(cr, co + 2 * lp);
        s21.intoArray(cr, co + 2 * lp + L);
        s30.intoArray(cr, co + 3 * lp);
        s31.intoArray(cr, co + 3 * lp + L);
        s40.intoArray(cr, co + 4 * lp);
        s41.intoArray(cr, co + 4 * lp + L);
        s50.intoArray(cr, co + 5 * lp);
        s51.intoArray(cr, co + 5 * lp + L);
    }

    @Override
    public void transposeColumn(double[] a, int a0, int m, double[] xp, int xo, double[] cr, int co) {
        int w = 2 * L;
        DoubleVector s0 = DoubleVector.fromArray(SPECIES, cr, co);
        DoubleVector s1 = DoubleVector.fromArray(SPECIES, cr, co + L);
        for (int i = 0; i < m; i++) {
            int xi = xo + i * w;
            DoubleVector b = DoubleVector.broadcast(SPECIES, a[a0 + i]);
            s0 = b.fma(DoubleVector.fromArray(SPECIES, xp, xi), s0);
            s1 = b.fma(DoubleVector.fromArray(SPECIES, xp, xi + L), s1);
        }
        s0.intoArray(cr, co);
        s1.intoArray(cr, co + L);
    }
}
