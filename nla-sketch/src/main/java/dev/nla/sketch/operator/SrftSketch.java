package dev.nla.sketch.operator;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.Hadamard;
import java.util.Objects;

/**
 * The subsampled randomized trigonometric (Fourier-type) transform, here with the real orthonormal
 * discrete cosine transform (SRDCT, as PARLA's SRCT and NAG's random projection):
 * \[ S = \alpha \sqrt{m'}\, P\, C_{m'}\, D\, E \in \mathbb{R}^{d \times m}, \qquad C_{m'}[k, j] =
 * c_k \cos\frac{\pi(2j+1)k}{2m'}, \]
 * \(c_0 = \sqrt{1/m'}\), \(c_k = \sqrt{2/m'}\); \(E\) pads with zeros to \(m' = 2^{\lceil \log_2 m
 * \rceil}\), \(D\) holds random signs and \(P\) keeps \(d \le m'\) distinct rows chosen uniformly
 * without replacement, exactly as in {@link SrhtSketch}. The default \(\alpha = 1/\sqrt d\) makes
 * \(S\) isotropic (\(C_{m'}\) is orthogonal).
 *
 * <p><b>Why the DCT.</b> It is real (no complex arithmetic or storage, unlike the complex SRFT of
 * [HMT 2011, §4.6]), orthogonal for every length, and computed by one complex FFT of length \(m'\)
 * per pair of columns [Makhoul 1980]. The FFT is our own radix-2 transform, so the library has no
 * dependency for it (see {@code docs/decisions/0011-fast-transforms-in-house.md}).
 *
 * <p><b>Cost.</b> {@code applyLeft} of a dense \(m \times n\) matrix: \(n/2\) complex FFTs of length
 * \(m'\), about \(2.5\, n m' \log_2 m'\) flops, pairs of columns in parallel, independent of \(d\).
 * Results agree with the explicit product to \(O(u \log_2 m')\) relative to the column norms.
 *
 * <p><b>Axes.</b> Grows along its rows (up to \(m'\)); the columns are fixed.
 *
 * <p><b>When to use it.</b> As the SRHT; HMT suggest \(d = k + 20\) for a rank-\(k\) range finder
 * with a subsampled trigonometric transform.
 *
 * @param rows  \(d\), \(1 \le d \le m'\)
 * @param cols  \(m\), \(1 \le m \le 2^{30}\)
 * @param scale \(\alpha\), finite and nonzero
 */
public record SrftSketch(int rows, int cols, double scale) implements SketchingDistribution {
    /**
     * Validates the parameters.
     *
     * @param rows  \(d\), \(1 \le d \le m'\)
     * @param cols  \(m\), \(1 \le m \le 2^{30}\)
     * @param scale \(\alpha\), finite and nonzero
     * @throws IllegalArgumentException if a size is out of range (\(d > m'\) included) or the scale is
     *     0, NaN or infinite; the message names the values
     */
    public SrftSketch {
        SrhtSketch.checkSizes(rows, cols);
        Sketching.scale(scale);
    }

    /**
     * The isotropic SRFT (DCT), scale \(1/\sqrt d\).
     *
     * @param rows \(d\), \(1 \le d \le m'\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public static SrftSketch of(int rows, int cols) {
        Sketching.positive("rows (sketch size d)", rows);
        return new SrftSketch(rows, cols, 1.0 / Math.sqrt(rows));
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
    public SrftSketch withSize(int newRows, int newCols) {
        return new SrftSketch(newRows, newCols, scale);
    }

    /**
     * An operator; lazy (the signs, rows and transform tables are made on first use).
     *
     * @param state the position in the random stream; not modified
     * @return the operator and the next state (an independent child of {@code state})
     * @throws NullPointerException if {@code state} is null
     */
    @Override
    public Sampled<SketchingOperator> sample(RngState state) {
        Objects.requireNonNull(state, "state");
        return new Sampled<>(
                new TransformOperator(this, state, TransformOperator.Kind.COSINE, scale), Sketching.next(state));
    }
}
