package dev.nla.sketch.operator;

import dev.nla.core.matrix.DenseMatrix;

/**
 * The generic sub-block \(S[r_0 : r_0 + p, c_0 : c_0 + q]\) of an operator without a cheaper
 * block form: \(S_{\text{blk}}A = (S\,E_{c_0}A)[r_0 : r_0 + p, :]\), where \(E_{c_0}\) embeds the
 * \(q\) rows of \(A\) at rows \(c_0, \dots\) of an \(m\)-row zero matrix. Cost: that of applying
 * the parent, plus \(O(mn)\) for the padding; entries come from the parent's definition, so they
 * equal the parent's bitwise.
 */
final class BlockSketch extends AbstractSketch {
    private final AbstractSketch parent;
    private final int r0;
    private final int c0;

    BlockSketch(AbstractSketch parent, int r0, int c0, int rows, int cols) {
        super(rows, cols, parent.state);
        this.parent = parent;
        this.r0 = r0;
        this.c0 = c0;
    }

    @Override
    public SketchingDistribution distribution() {
        return new SketchBlock(parent.distribution(), r0, c0, d, m);
    }

    @Override
    public SketchingOperator block(int rowOffset, int colOffset, int rows, int cols) {
        Sketching.checkBlock(d, m, rowOffset, colOffset, rows, cols);
        return parent.block(r0 + rowOffset, c0 + colOffset, rows, cols);
    }

    @Override
    void leftDense(DenseMatrix a, DenseMatrix y) {
        int n = a.cols();
        int b = blockWidth(Math.max(parent.m, parent.d), n);
        DenseMatrix padded = DenseMatrix.zeros(parent.m, b);
        DenseMatrix full = DenseMatrix.zeros(parent.d, b);
        for (int j0 = 0; j0 < n; j0 += b) {
            int w = Math.min(b, n - j0);
            DenseMatrix pw = padded.columns(0, w);
            pw.view(c0, 0, m, w).copyFrom(a.columns(j0, w));
            DenseMatrix fw = full.columns(0, w);
            parent.leftDense(pw, fw);
            y.columns(j0, w).copyFrom(fw.view(r0, 0, d, w));
        }
    }

    @Override
    void transposeDense(DenseMatrix x, DenseMatrix y) {
        int k = x.cols();
        int b = blockWidth(Math.max(parent.m, parent.d), k);
        DenseMatrix padded = DenseMatrix.zeros(parent.d, b);
        DenseMatrix full = DenseMatrix.zeros(parent.m, b);
        for (int j0 = 0; j0 < k; j0 += b) {
            int w = Math.min(b, k - j0);
            DenseMatrix pw = padded.columns(0, w);
            pw.view(r0, 0, d, w).copyFrom(x.columns(j0, w));
            DenseMatrix fw = full.columns(0, w);
            parent.transposeDense(pw, fw);
            y.columns(j0, w).copyFrom(fw.view(c0, 0, m, w));
        }
    }

    @Override
    void denseBlock(int i0, int j0, DenseMatrix target) {
        parent.denseBlock(r0 + i0, c0 + j0, target);
    }

    @Override
    String describe() {
        return "block of " + d + "x" + m + " at (" + r0 + ", " + c0 + ") of " + parent.describe();
    }
}
