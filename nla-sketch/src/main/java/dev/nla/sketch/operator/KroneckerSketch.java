package dev.nla.sketch.operator;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Kronecker structured sketch for vectorized tensors: independent dense factors \(R_k \in
 * \mathbb{R}^{d_k \times m_k}\) with iid Gaussian or Rademacher entries act on the modes,
 * \[ S \operatorname{vec}(\mathcal X) = \alpha \operatorname{vec}(\mathcal X \times_1 R_1 \times_2 R_2
 * \cdots \times_q R_q), \qquad S = \alpha\,(R_q \otimes \cdots \otimes R_1) \in \mathbb{R}^{d \times
 * M}, \]
 * \(d = \prod_k d_k\), \(M = \prod_k m_k\). Both indices are vectorized with the <em>first index
 * fastest</em> (column-major, as {@code nla-tensor}): row \(\rho = r_1 + d_1(r_2 + \cdots)\), column
 * \(\ell = i_1 + m_1(i_2 + \cdots)\), and \(S[\rho, \ell] = \alpha \prod_k R_k[r_k, i_k]\) (the
 * standard \(\otimes\) puts the last factor outermost, hence the reversed order in the formula).
 *
 * <p><b>Scale.</b> \(\mathbb{E}[S^{\mathsf T}S] = \alpha^2 \bigotimes_k \mathbb{E}[R_k^{\mathsf
 * T}R_k] = \alpha^2 d\, I_M\), so the default \(\alpha = 1/\sqrt d\) is isotropic. Useful for
 * sketching the core of a Tucker tensor mode by mode (the one-pass Tucker sketch) where the mode
 * structure must be kept; as an embedding it is weaker than an unstructured sketch of the same size.
 *
 * <p><b>Entries.</b> \(R_k[r, i]\) is entry \((i, r)\) of the {@link
 * dev.nla.core.random.RandomMatrices} matrix of factor stream \(k\) (an independent child of the
 * state, {@code state.split(2^63 + 4096 + k)}), i.e. the layout of {@link DenseSketch}. The row and
 * column index maps depend on all mode sizes, so the operator cannot be resized (blocks work).
 *
 * <p><b>Cost.</b> Factors (\(\sum_k d_k m_k\) entries) generated on first use; applying uses {@link
 * dev.nla.core.operator.LinearOperator#kronecker(dev.nla.core.operator.LinearOperator...)}: one
 * mode product per factor, i.e. about \(2\sum_k d_1 \cdots d_k\, m_k \cdots m_q\) flops per column,
 * never forming \(S\).
 */
public final class KroneckerSketch implements SketchingDistribution {
    private final int[] rowSizes;
    private final int[] modeSizes;
    private final DenseSketch.Entries entries;
    private final double scale;
    private final int rows;
    private final int cols;

    /**
     * A Kronecker sketch.
     *
     * @param rowSizes  \(d_1, \dots, d_q\), each \(\ge 1\); copied
     * @param modeSizes \(m_1, \dots, m_q\), as many as {@code rowSizes}, each \(\ge 1\); copied
     * @param entries   the law of the factor entries
     * @param scale     \(\alpha\), finite and nonzero
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a size is below 1,
     *     a product exceeds {@code Integer.MAX_VALUE} (the message names the sizes), or the scale is
     *     invalid
     */
    public KroneckerSketch(int[] rowSizes, int[] modeSizes, DenseSketch.Entries entries, double scale) {
        this.rows = Tensors.product("rowSizes", rowSizes);
        this.cols = Tensors.product("modeSizes", modeSizes);
        if (rowSizes.length != modeSizes.length) {
            throw new IllegalArgumentException("rowSizes and modeSizes must have one entry per mode, got "
                    + rowSizes.length + " and " + modeSizes.length);
        }
        Objects.requireNonNull(entries, "entries");
        Sketching.scale(scale);
        this.rowSizes = rowSizes.clone();
        this.modeSizes = modeSizes.clone();
        this.entries = entries;
        this.scale = scale;
    }

    /**
     * The isotropic Gaussian Kronecker sketch, scale \(1/\sqrt{\prod_k d_k}\).
     *
     * @param rowSizes  \(d_1, \dots, d_q\); copied
     * @param modeSizes \(m_1, \dots, m_q\); copied
     * @return the distribution
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KroneckerSketch gaussian(int[] rowSizes, int[] modeSizes) {
        return of(DenseSketch.Entries.GAUSSIAN, rowSizes, modeSizes);
    }

    /**
     * The isotropic sign (Rademacher) Kronecker sketch, scale \(1/\sqrt{\prod_k d_k}\).
     *
     * @param rowSizes  \(d_1, \dots, d_q\); copied
     * @param modeSizes \(m_1, \dots, m_q\); copied
     * @return the distribution
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KroneckerSketch sign(int[] rowSizes, int[] modeSizes) {
        return of(DenseSketch.Entries.RADEMACHER, rowSizes, modeSizes);
    }

    /**
     * The isotropic Kronecker sketch with the given factor entries, scale \(1/\sqrt{\prod_k d_k}\).
     *
     * @param entries   the law of the factor entries
     * @param rowSizes  \(d_1, \dots, d_q\); copied
     * @param modeSizes \(m_1, \dots, m_q\); copied
     * @return the distribution
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KroneckerSketch of(DenseSketch.Entries entries, int[] rowSizes, int[] modeSizes) {
        int d = Tensors.product("rowSizes", rowSizes);
        return new KroneckerSketch(rowSizes, modeSizes, entries, 1.0 / Math.sqrt(d));
    }

    /**
     * \(d = \prod_k d_k\).
     *
     * @return the number of rows
     */
    @Override
    public int rows() {
        return rows;
    }

    /**
     * \(M = \prod_k m_k\).
     *
     * @return the number of columns
     */
    @Override
    public int cols() {
        return cols;
    }

    /**
     * The row sizes of the factors (a copy).
     *
     * @return \(d_1, \dots, d_q\)
     */
    public int[] rowSizes() {
        return rowSizes.clone();
    }

    /**
     * The mode sizes (a copy).
     *
     * @return \(m_1, \dots, m_q\)
     */
    public int[] modeSizes() {
        return modeSizes.clone();
    }

    /**
     * The law of the factor entries.
     *
     * @return the law
     */
    public DenseSketch.Entries entries() {
        return entries;
    }

    /**
     * The scale \(\alpha\).
     *
     * @return \(\alpha\)
     */
    public double scale() {
        return scale;
    }

    /**
     * An operator; lazy (the factors are generated on first use).
     *
     * @param state the position in the random stream; not modified
     * @return the operator and the next state (an independent child of {@code state})
     * @throws NullPointerException if {@code state} is null
     */
    @Override
    public Sampled<SketchingOperator> sample(RngState state) {
        Objects.requireNonNull(state, "state");
        return new Sampled<>(new KroneckerOperator(this, state), Sketching.next(state));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KroneckerSketch other
                && entries == other.entries
                && Double.compare(scale, other.scale) == 0
                && Arrays.equals(rowSizes, other.rowSizes)
                && Arrays.equals(modeSizes, other.modeSizes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, scale, Arrays.hashCode(rowSizes), Arrays.hashCode(modeSizes));
    }

    @Override
    public String toString() {
        return "KroneckerSketch[rowSizes=" + Arrays.toString(rowSizes) + ", modeSizes=" + Arrays.toString(modeSizes)
                + ", entries=" + entries + ", scale=" + scale + "]";
    }
}
