package dev.nla.core.blas.internal;

/**
 * The innermost GEMM kernel: an \(m_r \times n_r\) tile \(C \leftarrow \alpha\,\tilde A \tilde B +
 * \beta C\) from packed panels, where \(\tilde A\) is \(m_r \times k_c\) (stored as \(k_c\) groups
 * of \(m_r\) consecutive values) and \(\tilde B\) is \(k_c \times n_r\) (\(k_c\) groups of \(n_r\)
 * values).
 *
 * <p>Every implementation computes each tile entry the same way, so that results do not depend on
 * where tile boundaries fall: \(s = \sum_{p} a_p b_p\) accumulated in order \(p = 0, 1, \dots\) with
 * the kernel's multiply-add (fused in the Vector API kernel, separate multiply and add in the scalar
 * kernel) starting from 0, then \(c \leftarrow \alpha s\) if \(\beta = 0\) (the old
 * \(c\) is not read) or \(c \leftarrow \operatorname{fma}(s, \alpha, \beta c)\) otherwise.
 */
interface MicroKernel {
    /**
     * Rows of a tile.
     *
     * @return \(m_r\)
     */
    int mr();

    /**
     * Columns of a tile.
     *
     * @return \(n_r\)
     */
    int nr();

    /**
     * Computes one full tile.
     *
     * @param kc    inner dimension of the panels
     * @param a     packed \(\tilde A\)
     * @param aOff  start of the panel in {@code a}
     * @param b     packed \(\tilde B\)
     * @param bOff  start of the panel in {@code b}
     * @param alpha scale of the product
     * @param beta  scale of the old tile; 0 means "do not read"
     * @param c     output storage
     * @param cOff  offset of the tile's top-left entry
     * @param ldc   leading dimension of {@code c}
     */
    void compute(
            int kc,
            double[] a,
            int aOff,
            double[] b,
            int bOff,
            double alpha,
            double beta,
            double[] c,
            int cOff,
            int ldc);
}
