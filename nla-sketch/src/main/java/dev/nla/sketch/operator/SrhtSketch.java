package dev.nla.sketch.operator;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.Hadamard;
import java.util.Objects;

/**
 * The subsampled randomized Hadamard transform (SRHT):
 * \[ S = \alpha\, P\, H_{m'}\, D\, E \in \mathbb{R}^{d \times m}, \]
 * where \(E\) pads \(\mathbb{R}^m\) with zeros to \(m' = 2^{\lceil \log_2 m \rceil}\) (so any \(m\)
 * works), \(D = \operatorname{diag}(\sigma_0, \dots, \sigma_{m'-1})\) holds independent random signs,
 * \(H_{m'}\) is the Sylvester Hadamard matrix with entries \(\pm 1\), and \(P\) keeps \(d \le m'\)
 * distinct rows chosen uniformly without replacement. The default scale \(\alpha = 1/\sqrt d\) equals
 * \(\sqrt{m'/d}\) times the orthonormal \(H_{m'}/\sqrt{m'}\), which makes \(S\) isotropic:
 * \(\mathbb{E}[S^{\mathsf T}S] = \alpha^2 (d/m')\, E^{\mathsf T} D H^{\mathsf T} H D E = I_m\).
 * Entries: \(S[i, j] = \alpha\,\sigma_j\,(-1)^{\operatorname{popcount}(p_i \wedge j)}\).
 *
 * <p><b>Cost.</b> {@code applyLeft} of a dense \(m \times n\) matrix: one in-place fast
 * Walsh–Hadamard transform of length \(m'\) per column, \(n m' \log_2 m'\) additions, columns in
 * parallel, independent of \(d\); {@code applyRight} transposes row blocks of \(A\) and does the same.
 * Memory: \(O(m')\) per thread plus the signs and the \(d\) selected rows.
 *
 * <p><b>Axes.</b> The selected rows are the prefix of a Fisher–Yates shuffle of \([0, m')\), so
 * the sketch grows along its rows (up to \(m'\)); its columns are fixed (\(m'\) depends on \(m\)).
 *
 * <p><b>When to use it.</b> A subspace embedding with Gaussian-like quality whose cost does not grow
 * with \(d\): good when \(d\) is large and \(A\) is dense; \(d \approx r \log r\) rows embed an
 * \(r\)-dimensional subspace [Tropp 2011; HMT 2011, §11]. The sparse sign sketch is usually faster
 * on CPUs.
 *
 * @param rows  \(d\), \(1 \le d \le m'\)
 * @param cols  \(m \ge 1\), at most \(2^{30}\)
 * @param scale \(\alpha\), finite and nonzero
 */
public record SrhtSketch(int rows, int cols, double scale) implements SketchingDistribution {
    /**
     * Validates the parameters.
     *
     * @param rows  \(d\), \(1 \le d \le m'\)
     * @param cols  \(m\), \(1 \le m \le 2^{30}\)
     * @param scale \(\alpha\), finite and nonzero
     * @throws IllegalArgumentException if a size is out of range (\(d > m'\) included) or the scale is
     *     0, NaN or infinite; the message names the values
     */
    public SrhtSketch {
        checkSizes(rows, cols);
        Sketching.scale(scale);
    }

    /** Shared by the SRHT and SRFT. */
    static void checkSizes(int rows, int cols) {
        Sketching.positive("rows (sketch size d)", rows);
        Sketching.positive("cols (dimension m)", cols);
        int padded = Hadamard.nextPowerOfTwo(cols);
        if (rows > padded) {
            throw new IllegalArgumentException("sketch size d = " + rows + " exceeds the padded dimension m' = "
                    + padded + " (m = " + cols + " padded to a power of two)");
        }
    }

    /**
     * The isotropic SRHT, scale \(1/\sqrt d\).
     *
     * @param rows \(d\), \(1 \le d \le m'\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public static SrhtSketch of(int rows, int cols) {
        Sketching.positive("rows (sketch size d)", rows);
        return new SrhtSketch(rows, cols, 1.0 / Math.sqrt(rows));
    }

    /**
     * The padded dimension \(m' = 2^{\lceil \log_2 m \rceil}\).
     *
     * @return \(m'\)
     */
    public int paddedCols() {
        return Hadamard.nextPowerOfTwo(cols);
    }

    /**
     * The same scale with another size.
     *
     * @param newRows \(d'\), \(1 \le d' \le\) the new padded dimension
     * @param newCols \(m' \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public SrhtSketch withSize(int newRows, int newCols) {
        return new SrhtSketch(newRows, newCols, scale);
    }

    /**
     * An operator; lazy (the signs and rows are drawn on first use).
     *
     * @param state the position in the random stream; not modified
     * @return the operator and the next state (an independent child of {@code state})
     * @throws NullPointerException if {@code state} is null
     */
    @Override
    public Sampled<SketchingOperator> sample(RngState state) {
        Objects.requireNonNull(state, "state");
        return new Sampled<>(
                new TransformOperator(this, state, TransformOperator.Kind.HADAMARD, scale), Sketching.next(state));
    }
}
