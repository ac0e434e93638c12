package dev.nla.sketch.operator;

/**
 * One-line factories for the sketching distributions, and the recommended default for each use.
 *
 * <pre>{@code
 * SketchingOperator s = Sketches.sparseSign(800, 100_000).sample(RngState.seed(42)).value();
 * DenseMatrix sa = s.applyLeft(a);                // 800 x n
 * }</pre>
 *
 * <table class="striped">
 *   <caption>Defaults</caption>
 *   <tr><th>use</th><th>default</th><th>why</th></tr>
 *   <tr><td>range finder / low-rank test matrix \(\Omega\), \(\ell = k + p\) columns</td>
 *       <td>{@link #forRangeFinder} = Gaussian</td>
 *       <td>best-understood error bounds [HMT 2011]; \(\Theta(mn\ell)\) flops are paid by the power
 *       iterations anyway</td></tr>
 *   <tr><td>subspace embedding (sketch-and-solve, sketch-and-precondition, row sketches of
 *       ID/CUR), \(d \approx 2n\) to \(4n\)</td>
 *       <td>{@link #forSubspaceEmbedding} = sparse sign, \(\zeta = \min(8, d)\)</td>
 *       <td>Gaussian-like distortion at a cost of \(2\zeta\) flops per entry of the input, independent
 *       of \(d\) [Martinsson and Tropp 2020, §9]</td></tr>
 *   <tr><td>vectorized tensors</td><td>{@link #khatriRao} (Gaussian)</td>
 *       <td>never forms the \(d \times \prod m_k\) sketch</td></tr>
 * </table>
 */
public final class Sketches {
    private Sketches() {}

    /**
     * The default test matrix of range finders: {@link #gaussian(int, int)}.
     *
     * @param rows \(\ell \ge 1\), the number of columns of \(\Omega = S^{\mathsf T}\)
     * @param cols \(n \ge 1\), the number of columns of the matrix to sketch
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static SketchingDistribution forRangeFinder(int rows, int cols) {
        return gaussian(rows, cols);
    }

    /**
     * The default subspace embedding: {@link #sparseSign(int, int)} with \(\zeta = \min(8, d)\).
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static SketchingDistribution forSubspaceEmbedding(int rows, int cols) {
        return sparseSign(rows, cols);
    }

    /**
     * Isotropic Gaussian sketch, \(S = G/\sqrt d\).
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static DenseSketch gaussian(int rows, int cols) {
        return DenseSketch.gaussian(rows, cols);
    }

    /**
     * Isotropic Rademacher sketch, \(S = R/\sqrt d\), \(R_{ij} = \pm 1\).
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static DenseSketch rademacher(int rows, int cols) {
        return DenseSketch.rademacher(rows, cols);
    }

    /**
     * Isotropic uniform sketch, entries uniform on \((-\sqrt 3, \sqrt 3)\) over \(\sqrt d\).
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static DenseSketch uniform(int rows, int cols) {
        return DenseSketch.uniform(rows, cols);
    }

    /**
     * Sparse sign sketch with \(\zeta = \min(8, d)\) nonzeros \(\pm 1/\sqrt\zeta\) per column.
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static SparseSignSketch sparseSign(int rows, int cols) {
        return SparseSignSketch.of(rows, cols);
    }

    /**
     * Sparse sign sketch with \(\zeta\) nonzeros \(\pm 1/\sqrt\zeta\) per column.
     *
     * @param rows     \(d \ge 1\)
     * @param cols     \(m \ge 1\)
     * @param nonzeros \(\zeta\), \(1 \le \zeta \le d\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1 or \(\zeta\) is outside \([1, d]\)
     */
    public static SparseSignSketch sparseSign(int rows, int cols, int nonzeros) {
        return SparseSignSketch.of(rows, cols, nonzeros);
    }

    /**
     * CountSketch: one \(\pm 1\) per column.
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static SparseSignSketch countSketch(int rows, int cols) {
        return SparseSignSketch.countSketch(rows, cols);
    }

    /**
     * Subsampled randomized Hadamard transform.
     *
     * @param rows \(d\), \(1 \le d \le 2^{\lceil \log_2 m \rceil}\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public static SrhtSketch srht(int rows, int cols) {
        return SrhtSketch.of(rows, cols);
    }

    /**
     * Subsampled randomized trigonometric transform (DCT-II).
     *
     * @param rows \(d\), \(1 \le d \le 2^{\lceil \log_2 m \rceil}\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public static SrftSketch srft(int rows, int cols) {
        return SrftSketch.of(rows, cols);
    }

    /**
     * LESS-uniform (long-axis sparse) sketch with \(s\) signed draws per row.
     *
     * @param rows     \(d \ge 1\)
     * @param cols     \(m \ge 1\)
     * @param nonzeros \(s\), \(1 \le s \le m\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public static LessUniformSketch lessUniform(int rows, int cols, int nonzeros) {
        return LessUniformSketch.of(rows, cols, nonzeros);
    }

    /**
     * Uniform row sampling with weights \(\sqrt{m/d}\).
     *
     * @param rows        \(d \ge 1\); \(d \le m\) without replacement
     * @param cols        \(m \ge 1\)
     * @param replacement whether rows are drawn with replacement
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public static UniformSampling uniformSampling(int rows, int cols, boolean replacement) {
        return UniformSampling.of(rows, cols, replacement);
    }

    /**
     * Row sampling with replacement by the given scores (e.g. leverage scores), weights \(1/\sqrt{d
     * p_j}\).
     *
     * @param rows   \(d \ge 1\)
     * @param scores nonnegative scores with a positive sum; copied
     * @return the distribution
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if the arguments are invalid
     */
    public static LeverageSampling leverageSampling(int rows, double[] scores) {
        return LeverageSampling.of(rows, scores);
    }

    /**
     * Gaussian Khatri–Rao sketch of vectorized tensors with the given mode sizes (first index fastest).
     *
     * @param rows      \(d \ge 1\)
     * @param modeSizes \(m_1, \dots, m_q\)
     * @return the distribution
     * @throws NullPointerException     if {@code modeSizes} is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KhatriRaoSketch khatriRao(int rows, int... modeSizes) {
        return KhatriRaoSketch.gaussian(rows, modeSizes);
    }

    /**
     * Gaussian Kronecker sketch \(R_q \otimes \cdots \otimes R_1\), \(R_k \in \mathbb{R}^{d_k \times
     * m_k}\).
     *
     * @param rowSizes  \(d_1, \dots, d_q\)
     * @param modeSizes \(m_1, \dots, m_q\)
     * @return the distribution
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the sizes are invalid
     */
    public static KroneckerSketch kronecker(int[] rowSizes, int[] modeSizes) {
        return KroneckerSketch.gaussian(rowSizes, modeSizes);
    }
}
