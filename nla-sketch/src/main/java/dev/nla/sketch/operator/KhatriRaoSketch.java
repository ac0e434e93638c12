package dev.nla.sketch.operator;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Khatri–Rao structured sketch for vectorized tensors (the tensor random projection of Sun et al.
 * 2018 and Rakhshan and Rabusseau 2020): for mode sizes \(m_1, \dots, m_q\) and \(M = \prod_k m_k\),
 * \[ S^{\mathsf T} = \alpha\,(\Omega_1 \odot \Omega_2 \odot \cdots \odot \Omega_q) \in \mathbb{R}^{M
 * \times d}, \qquad S[r, \ell] = \alpha \prod_{k=1}^{q} \Omega_k[i_k, r], \]
 * where each \(\Omega_k \in \mathbb{R}^{m_k \times d}\) has iid Gaussian or Rademacher entries and
 * \(\odot\) is the column-wise Kronecker (Khatri–Rao) product.
 *
 * <p><b>Ordering.</b> The column index of \(S\) is the vectorized tensor index with the <em>first
 * index fastest</em> (column-major, the layout of {@code nla-tensor}'s dense tensors and of
 * unfoldings): \(\ell = i_1 + m_1(i_2 + m_2(i_3 + \cdots))\). So a dense \(M \times n\) matrix whose
 * column \(c\) holds the vectorized tensor \(\mathcal X_c\) is sketched by {@code applyLeft}, and for
 * a rank-one tensor \(\mathcal X = x_1 \circ \cdots \circ x_q\) the sketch is \(S\operatorname{vec}
 * \mathcal X = \alpha\,(\Omega_1^{\mathsf T}x_1) * \cdots * (\Omega_q^{\mathsf T}x_q)\) (entrywise
 * products) without ever forming \(\mathcal X\).
 *
 * <p><b>Scale and law.</b> With unit-variance entries, \(\mathbb{E}[S^{\mathsf T}S] = d\alpha^2 I_M\),
 * so the default \(\alpha = 1/\sqrt d\) is isotropic. The embedding is weaker than a Gaussian one of
 * the same size (the entries of a row are products of \(q\) variables): it needs more rows, growing
 * with \(q\).
 *
 * <p><b>Entries.</b> \(\Omega_k[i, r]\) is entry \((i, r)\) of the {@link
 * dev.nla.core.random.RandomMatrices} matrix of factor stream \(k\), an independent child of the
 * state ({@code state.split(2^63 + 4096 + k)}). Column \(r\) of each factor depends only on \(r\), so
 * the sketch grows along its rows; its columns are fixed.
 *
 * <p><b>Cost.</b> The factors (\(d\sum_k m_k\) entries) are generated on first use; the modes are
 * split as \(M = M_L M_R\) (the split of the mode list that minimises \(M_L + M_R\)) and the
 * Khatri–Rao products \(K_L \in \mathbb{R}^{M_L \times d}\), \(K_R \in \mathbb{R}^{M_R \times d}\) are
 * formed, never \(S\). {@code applyLeft} of a dense \(M \times n\) matrix reshapes each column to
 * \(X_c \in \mathbb{R}^{M_L \times M_R}\) and computes \((SA)[r, c] = \alpha \sum_a K_L[a, r]
 * (X_c K_R)[a, r]\): one GEMM of \(2Md\) flops per column (as a dense sketch, but without generating
 * \(dM\) random numbers), memory \(O((M_L + M_R)d)\).
 */
public final class KhatriRaoSketch implements SketchingDistribution {
    private final int rows;
    private final int[] modeSizes;
    private final DenseSketch.Entries entries;
    private final double scale;
    private final int cols;

    /**
     * A Khatri–Rao sketch.
     *
     * @param rows      \(d \ge 1\)
     * @param modeSizes \(m_1, \dots, m_q\), \(q \ge 1\), each \(\ge 1\), with a product \(M \le\)
     *     {@code Integer.MAX_VALUE}; copied
     * @param entries   the law of the factor entries: {@link DenseSketch.Entries#GAUSSIAN} or {@link
     *     DenseSketch.Entries#RADEMACHER} (uniform is allowed too)
     * @param scale     \(\alpha\), finite and nonzero
     * @throws NullPointerException     if {@code modeSizes} or {@code entries} is null
     * @throws IllegalArgumentException if {@code rows < 1}, there is no mode, a mode size is below 1
     *     or the product overflows (the message names the sizes), or the scale is invalid
     */
    public KhatriRaoSketch(int rows, int[] modeSizes, DenseSketch.Entries entries, double scale) {
        Sketching.positive("rows (sketch size d)", rows);
        this.cols = Tensors.product("modeSizes", modeSizes);
        Objects.requireNonNull(entries, "entries");
        Sketching.scale(scale);
        this.rows = rows;
        this.modeSizes = modeSizes.clone();
        this.entries = entries;
        this.scale = scale;
    }

    /**
     * The isotropic Gaussian Khatri–Rao sketch, scale \(1/\sqrt d\).
     *
     * @param rows      \(d \ge 1\)
     * @param modeSizes \(m_1, \dots, m_q\); copied
     * @return the distribution
     * @throws NullPointerException     if {@code modeSizes} is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KhatriRaoSketch gaussian(int rows, int... modeSizes) {
        return of(DenseSketch.Entries.GAUSSIAN, rows, modeSizes);
    }

    /**
     * The isotropic sign (Rademacher) Khatri–Rao sketch, scale \(1/\sqrt d\).
     *
     * @param rows      \(d \ge 1\)
     * @param modeSizes \(m_1, \dots, m_q\); copied
     * @return the distribution
     * @throws NullPointerException     if {@code modeSizes} is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KhatriRaoSketch sign(int rows, int... modeSizes) {
        return of(DenseSketch.Entries.RADEMACHER, rows, modeSizes);
    }

    /**
     * The isotropic Khatri–Rao sketch with the given factor entries, scale \(1/\sqrt d\).
     *
     * @param entries   the law of the factor entries
     * @param rows      \(d \ge 1\)
     * @param modeSizes \(m_1, \dots, m_q\); copied
     * @return the distribution
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KhatriRaoSketch of(DenseSketch.Entries entries, int rows, int... modeSizes) {
        Sketching.positive("rows (sketch size d)", rows);
        return new KhatriRaoSketch(rows, modeSizes, entries, 1.0 / Math.sqrt(rows));
    }

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
     * The same modes, law and scale with another sketch size.
     *
     * @param newRows \(d' \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if {@code newRows < 1}
     */
    public KhatriRaoSketch withRows(int newRows) {
        return new KhatriRaoSketch(newRows, modeSizes, entries, scale);
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
        return new Sampled<>(new KhatriRaoOperator(this, state), Sketching.next(state));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KhatriRaoSketch other
                && rows == other.rows
                && entries == other.entries
                && Double.compare(scale, other.scale) == 0
                && Arrays.equals(modeSizes, other.modeSizes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, entries, scale, Arrays.hashCode(modeSizes));
    }

    @Override
    public String toString() {
        return "KhatriRaoSketch[rows=" + rows + ", modeSizes=" + Arrays.toString(modeSizes) + ", entries=" + entries
                + ", scale=" + scale + "]";
    }
}
